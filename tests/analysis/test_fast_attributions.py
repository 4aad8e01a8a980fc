"""Attribution fast paths (tokenising, cue scanning, remembered answers) match plain versions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.attributions import (
    _SKIP_AFTER_CUE,
    _SKIP_BODY,
    AttributionFinder,
    _ends_with_and,
    _ends_with_gap,
)
from sourcecheck.core.analysis.attributions.context import Found
from sourcecheck.core.analysis.attributions.linking import to_draft
from sourcecheck.core.analysis.patterns import WordStartPattern, alternation
from sourcecheck.core.analysis.phrases import _LINK_WORDS, _TOKEN, token_starts, tokens
from sourcecheck.core.analysis.sources import SourceTyper
from sourcecheck.core.analysis.speakers import _CAPITALISED_RUN, SpeakerResolver
from sourcecheck.core.analysis.types import AttributionDraft
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Span

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
PHRASE_WORDS = st.lists(
    st.sampled_from(
        [
            "people",
            "familiar",
            "with",
            "For",
            "the",
            "matter",
            "officials",
            "who",
            "That",
            "a",
            "spokesman",
            "agency",
            "Smith",
            "Jane",
            ",",
            "(",
            "senior",
            "at",
            "close",
        ]
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=1000, deadline=None)
@given(PHRASE_WORDS)
def test_post_modifiers_and_relative_clauses_need_a_link_word(words: list[str]) -> None:
    """``_phrase`` tries neither without a link word among the 7 words before the last."""
    if _LINK_WORDS.isdisjoint(word.lower() for word in words[-8:-1]):
        assert FINDER.reader._post_modified(words) is None
        assert FINDER.reader._relative_clause(words) is None


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
            "According",
            "Call",
            "“",
            "‘",
            "Citing",
            "\u00a0",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(CUE_TEXT)
def test_cue_spans_are_the_plain_scan(text: str) -> None:
    assert FINDER._cue.spans(text) == [m.span() for m in FINDER._cue.plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(CUE_TEXT, st.lists(st.integers(0, 60), max_size=6))
def test_cues_are_the_plain_scan_and_capitalised_cues_at_sentence_starts(
    text: str, offsets: list[int]
) -> None:
    starts = sorted({offset for offset in offsets if offset < len(text)})
    found = [m.span() for m in FINDER._cue.plain.finditer(text)]
    initial = [
        match.span(1)
        for start in starts
        for match in [FINDER._initial_cue.match(text, start)]
        if match is not None
    ]
    expected = sorted([*found, *initial]) if initial else found
    assert FINDER._cues(text, starts) == expected


# Phrases with marks, digits and non-ASCII letters inside, and one word opening another.
PHRASES = ["co-sign", "call for", "call", "x'y", "café", "a1_b", "b.c", "for", "for é"]
PHRASE_PATTERN = WordStartPattern(rf"(?:{alternation(PHRASES)})(?![\w'’-])", phrases=PHRASES)


def test_phrases_opening_with_an_ascii_word_character_are_found_in_a_candidate_copy() -> None:
    assert PHRASE_PATTERN._candidates is not None
    assert WordStartPattern("é", phrases=["é"])._candidates is None


PHRASE_TEXT = st.lists(
    st.sampled_from(
        [*PHRASES, "co", "sign", "-", "’", "'", " ", "\u00a0", "\u2009", "\n", "é", "É", "_", "1"]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(PHRASE_TEXT)
def test_phrase_spans_found_in_a_candidate_copy_are_the_plain_scan(text: str) -> None:
    expected = [m.span() for m in PHRASE_PATTERN.plain.finditer(text)]
    assert PHRASE_PATTERN.spans(text) == expected


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


@settings(max_examples=300, deadline=None)
@given(MENTION_TEXT)
def test_remembered_runs_equal_a_first_reading(text: str) -> None:
    resolver = SpeakerResolver(SourceTyper(Lexicons()), Lexicons())
    for match in _CAPITALISED_RUN.finditer(text):
        first = resolver._parse_run(match.group())
        assert SpeakerResolver(resolver.typer, Lexicons())._parse_run(match.group()) == first
        for mention in first:
            # A mention's offset is where its words (a title first) begin in the run.
            assert mention.name.split()[-1] in match.group()[mention.offset :]


# The end-anchored regexes that _ends_with_gap and _ends_with_and replace.
_PARTICIPLE_GAP = re.compile(r"(?:,|(?<![\w-])(?:while|by|after|before|when|in|without))\s*\Z")
_COORDINATED = re.compile(r"(?<![\w'’-])(?:and|but)\s*\Z")

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


SKIP_PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            ",",
            "  ",
            "\n",
            ".",
            '"',
            "that",
            "the",
            "on",
            "only",
            "once",
            "onward",
            "Monday",
            "today",
            "this",
            "week",
            "last",
            "in",
            "a",
            "statement",
            "interview",
            "with",
            "Fox",
            "News",
            "again",
            "against",
            "then",
            "thence",
            "quickly",
            "holy",
            "rally",
            "by",
            "phone",
            "e-mail",
            "citing",
            "sources",
            "grin",
            "Twitter",
            "late",
            "Later",
            "reply",
            "part",
            "é",
            "ly",
        ]
    ),
    max_size=12,
)


@settings(max_examples=1000, deadline=None)
@given(SKIP_PIECES, st.integers(0, 3))
def test_skip_after_cue_guard_changes_nothing(pieces: list[str], start: int) -> None:
    """The opening lookahead only rejects what the plain alternatives could not match."""
    text = "".join(pieces)
    start = min(start, len(text))
    guarded = _SKIP_AFTER_CUE.match(text, start)
    plain = re.compile(_SKIP_BODY).match(text, start)
    assert plain is not None
    assert (guarded.end() if guarded is not None else start) == plain.end()


def test_a_draft_made_by_position_holds_each_field_of_its_reading() -> None:
    """``to_draft`` passes its fields by position: every field here has a value no other of
    its type has (two bools, two ints and three spans that a swapped pair would mix up)."""
    body = "Jo Ames told the council on Monday that the bridge would close."
    found = Found(
        cue=(8, 12),
        source=(0, 7),
        content=(40, 62),
        sentence=3,
        role="engineer",
        direct=True,
        in_quote=False,
        via=1,
    )
    assert to_draft(body, found) == AttributionDraft(
        source=Span.of(body, 0, 7),
        cue=Span.of(body, 8, 12),
        content=Span.of(body, 40, 62),
        source_type="unknown",
        speaker=None,
        role="engineer",
        direct=True,
        sentence=3,
        via=1,
        in_quote=False,
        source_id=None,
    )
