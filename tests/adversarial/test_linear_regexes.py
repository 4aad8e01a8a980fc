"""Regexes rewritten to stay linear on adversarial text match what the originals matched.

Each original is rebuilt from the rewrite by putting the old fragment back, and both are
tried at every position of texts drawn from the characters the fragment is about.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import attributions, hedges, sources, speakers
from sourcecheck.core.analysis import text as text_module
from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.scorers import anonymous_sources

_FINDER = AttributionFinder(Lexicons())


def texts_of(pieces: list[str], size: int = 8) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


# (rewrite, the fragment it holds, the fragment the original held)
SPACE_COMMA = [
    pytest.param(attributions._NAME_AFTER, r"(?:\s*,)?\s*", r"\s*,?\s*", id="name-after"),
    pytest.param(attributions._PRONOUN_AFTER, r"(?:\s*,)?\s*", r"\s*,?\s*", id="pronoun-after"),
    pytest.param(
        attributions._SKIP_AFTER_CUE, r"(?:\s*,\s*|\s+)", r"\s*,?\s*", id="skip-after-cue"
    ),
    pytest.param(
        _FINDER._described_name_after, r"(?:\s*,)?\s*", r"\s*,?\s*", id="described-name-after"
    ),
    pytest.param(attributions._CLAUSE_START, r"(?:\s*[,:])?\s*", r"\s*[,:]?\s*", id="clause-start"),
]


def _original(pattern: re.Pattern[str], new: str, old: str) -> re.Pattern[str]:
    assert new in pattern.pattern
    return re.compile(pattern.pattern.replace(new, old), pattern.flags)


def _all_matches(
    pattern: re.Pattern[str], text: str, after_word: bool = False
) -> list[tuple[tuple[int, int], ...] | None]:
    found = []
    for position in range(len(text) + 1):
        if after_word and text[position : position + 1].isalnum():
            # Its parts now open with a space or a comma, so "today" right at the start is
            # no longer skipped; it is only ever tried where a word has just ended.
            found.append(None)
            continue
        match = pattern.match(text, position)
        found.append(
            None if match is None else tuple(match.span(g) for g in range(pattern.groups + 1))
        )
    return found


@pytest.mark.parametrize(("rewrite", "new", "old"), SPACE_COMMA)
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                " ",
                "  ",
                ",",
                ":",
                "\u00a0",
                "\n",
                '"',
                "“",
                "''",
                "He",
                "she",
                "Smith",
                "Dana Ruiz",
                "today",
                "on Monday",
                "only",
                "quickly",
                "in a statement",
                "citing officials",
                "spokeswoman",
                "that",
                "x",
                ".",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_rewrite_matches_the_original(
    rewrite: re.Pattern[str], new: str, old: str, text: str
) -> None:
    original = _original(rewrite, new, old)
    after_word = rewrite is attributions._SKIP_AFTER_CUE
    assert _all_matches(rewrite, text, after_word) == _all_matches(original, text, after_word)


PLAIN_NEXT_WORD = re.compile(r"\s+(?:[\"'“‘(\[]|''|``)*([A-Za-z0-9]+)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="'`\"“( a1.", max_size=12))
def test_next_word_matches_the_plain_pattern(text: str) -> None:
    for position in range(len(text) + 1):
        new, old = (
            text_module._NEXT_WORD.match(text, position),
            PLAIN_NEXT_WORD.match(text, position),
        )
        assert (new and (new.span(), new.span(1))) == (old and (old.span(), old.span(1)))


SCORER_SPACE_COMMA = [
    pytest.param(anonymous_sources._DESCRIBED_AFTER, id="described-after"),
    pytest.param(speakers._REASON_CONNECTOR, id="reason-connector"),
]


@pytest.mark.parametrize("rewrite", SCORER_SPACE_COMMA)
@settings(max_examples=100, deadline=None)
@given(texts_of([" ", "  ", ",", "\n", "close to", "because", "citing", "x", "in the"]))
def test_scorer_rewrites_match_the_originals(rewrite: re.Pattern[str], text: str) -> None:
    original = _original(rewrite, r"(?:\s*,)?\s*", r"\s*,?\s*")
    assert _all_matches(rewrite, text) == _all_matches(original, text)


PLAIN_TRAILING_WORD = re.compile(r"[\w'’]+\Z")
PLAIN_POST_MODIFIER = re.compile(sources._POST_MODIFIER.pattern.removeprefix(r"(?<!\s)"))


@settings(max_examples=200, deadline=None)
@given(texts_of(["a", "'", "’", " ", "-", "b", "\n"]))
def test_trailing_word_finds_what_the_plain_pattern_finds(text: str) -> None:
    new, old = hedges._TRAILING_WORD.search(text), PLAIN_TRAILING_WORD.search(text)
    assert (new and new.span()) == (old and old.span())


@settings(max_examples=200, deadline=None)
@given(texts_of(["a", " ", "  ", "\n", "for", "at", "who", "close to", "officials"]))
def test_post_modifier_splits_where_the_plain_pattern_splits(text: str) -> None:
    assert sources._POST_MODIFIER.pattern.startswith(r"(?<!\s)")
    expected = PLAIN_POST_MODIFIER.split(text, maxsplit=1)
    assert sources._POST_MODIFIER.split(text, maxsplit=1) == expected


PLAIN_SPEAKS_FOR = re.compile(
    speakers._SPEAKS_FOR.pattern.replace(r"(?P<org>\S.*)$", r"(?P<org>.+)$"), re.I
)


@settings(max_examples=200, deadline=None)
@given(texts_of(["spokesman", " ", "  ", "\n", "for", "the", "Agency", "statement", "from"]))
def test_speaks_for_matches_the_plain_pattern_on_trimmed_phrases(text: str) -> None:
    text = text.strip()  # source phrases and roles are trimmed
    new, old = speakers._SPEAKS_FOR.search(text), PLAIN_SPEAKS_FOR.search(text)
    assert (new and (new.span(), new.span("org"))) == (old and (old.span(), old.span("org")))


def _without_possessives(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as Python 3.10 compiles it (POSSESSIVE is empty there)."""
    plain = pattern.pattern.replace("*+", "*").replace("++", "+").replace("?+", "?")
    return re.compile(plain, pattern.flags)


POSSESSIVES = [
    pytest.param(attributions._SKIP_AFTER_CUE, "match", id="skip-after-cue"),
    pytest.param(_FINDER._initial_cue, "match", id="initial-cue"),
]


@pytest.mark.parametrize(("pattern", "how"), POSSESSIVES)
@settings(max_examples=150, deadline=None)
@given(
    texts_of(
        [
            " ",
            ",",
            "'",
            '"',
            "“",
            "Said",
            "According to",
            "today",
            "only",
            "Ann",
            "Lee",
            "-",
            "Ruiz",
            "J.",
            ".",
            "x",
            "O'Neil",
            "\n",
        ]
    )
)
def test_possessive_repeats_read_the_same_text_as_plain_ones(
    pattern: re.Pattern[str], how: str, text: str
) -> None:
    plain = _without_possessives(pattern)
    if how == "finditer":
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
    else:
        assert _all_matches(pattern, text) == _all_matches(plain, text)


@settings(max_examples=300, deadline=None)
@given(texts_of(["a", ".", " ", "\n", ". "], size=12), st.data())
def test_a_sentence_opening_is_the_last_break_a_search_back_finds(
    text: str, data: st.DataObject
) -> None:
    """The bisection in the body's breaks answers what a search back from ``start`` did."""
    start = data.draw(st.integers(0, len(text)))
    searched = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    assert speakers.sentence_opening(text, start) == searched
