"""Attribution fast paths (tokenising, cue scanning, remembered answers) match plain versions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.attributions import (
    _COORDINATED,
    _PARTICIPLE_GAP,
    AttributionFinder,
    _ends_with_and,
    _ends_with_gap,
)
from sourcecheck.core.analysis.phrases import _TOKEN, token_starts, tokens
from sourcecheck.core.analysis.sources import _MENTION_WORD, Resolver, SourceTyper
from sourcecheck.core.lexicons import Lexicons

TOKEN_TEXT = st.text(alphabet="aZé1_$'’.&-,;:\"“()— \n\t\u00a0", max_size=40)


@settings(max_examples=500, deadline=None)
@given(TOKEN_TEXT)
def test_tokens_split_like_the_token_regex(text: str) -> None:
    assert tokens(text) == _TOKEN.findall(text)


@settings(max_examples=500, deadline=None)
@given(TOKEN_TEXT, st.integers(0, 40), st.integers(0, 40), st.integers(0, 20))
def test_token_starts_are_where_the_regex_finds_them(
    text: str, start: int, end: int, first: int
) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    words = tokens(text[start:end])
    first = min(first, len(words))
    assert token_starts(text, words, first, start, end) == [s for s, _ in spans[first:]]


FINDER = AttributionFinder(Lexicons())
CUE_TEXT = st.lists(
    st.sampled_from(
        [
            "said",
            "says",
            "according",
            "to",
            "call",
            "for",
            "citing",
            "told",
            "é",
            "_",
            "1",
            "Said",
            "x",
            " ",
            "  ",
            "\n",
            ",",
            '"',
            "'",
            "-",
            "’",
            "(",
            "un",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(CUE_TEXT)
def test_cue_spans_are_the_plain_scan(text: str) -> None:
    assert FINDER._cue.spans(text) == [m.span() for m in FINDER._cue.plain.finditer(text)]


PLAIN_MENTION = re.compile(rf"[A-Z][a-z'’]+\.?(?:\s+(?:[A-Z]\.\s+)?{_MENTION_WORD})+")
MENTION_TEXT = st.lists(
    st.sampled_from(["Ann", "Lee", "O'Neil", "Jean-Luc", "A.", "J", "Mr.", "de", "x", "US"]),
    max_size=8,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "\n", "", ".", "-", ","]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=500, deadline=None)
@given(MENTION_TEXT)
def test_mention_scan_matches_the_plain_pattern(text: str) -> None:
    expected = [m.span() for m in PLAIN_MENTION.finditer(text)]
    assert [m.span() for m in FINDER.resolver._mention.finditer(text)] == expected


def test_remembered_mention_names_equal_a_first_reading() -> None:
    resolver = Resolver(SourceTyper(Lexicons()))
    body = (
        "Health Secretary Dana Whitfield met Acme Corp and The Rev. Al Green. Dana Whitfield left."
    )
    first = resolver.mentions(body)
    assert resolver.mentions(body) == first
    assert ("Dana Whitfield", True) in [(name, person) for _, name, person in first]


GAP_TEXT = st.lists(
    st.sampled_from(
        ["and", "but", "in", "within", "by", "when", "x", "_", "-", "’", ",", " ", "\n"]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(GAP_TEXT, st.integers(0, 30), st.integers(0, 30))
def test_clause_gaps_match_the_end_anchored_regexes(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    tail = text[start:end].rstrip()
    assert _ends_with_gap(text, start, tail) == bool(_PARTICIPLE_GAP.search(text, start, end))
    assert _ends_with_and(text, start, tail) == bool(_COORDINATED.search(text, start, end))


ANONYMOUS_TEXT = st.lists(
    st.sampled_from(
        [
            "a",
            "A",
            " ",
            "person",
            "Source",
            "officials",
            "familiar",
            "with",
            "é",
            "_",
            ",",
            "-",
            "anonymous",
            "ANONYMOUS",
            "xanonymous",
            "1",
            "\n",
            "'",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(ANONYMOUS_TEXT)
def test_anonymous_check_is_the_plain_search(text: str) -> None:
    typer = FINDER.typer
    assert typer.anonymous(text) == (typer.anonymous_phrase.search(text) is not None)
