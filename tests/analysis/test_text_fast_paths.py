"""Fast paths of segmentation, quotes, hedges and claims give what the plain code gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.claims import _has_words
from sourcecheck.core.analysis.hedges import HedgeFinder
from sourcecheck.core.analysis.quotes import _DOUBLE_MARK, _SINGLE, _double_marks, _single_pattern
from sourcecheck.core.analysis.text import _BOUNDARY, _CLOSERS, _OPENERS, _as_periods
from sourcecheck.core.lexicons import Lexicons

PLAIN_BOUNDARY = re.compile(rf"[.!?…]+{_CLOSERS}(?=\s+{_OPENERS}[A-Z0-9])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a A 7.!?…\"'”’“‘)(][`\n\u00a0", max_size=40))
def test_boundaries_in_the_periods_text_match_the_plain_pattern(text: str) -> None:
    expected = [m.span() for m in PLAIN_BOUNDARY.finditer(text)]
    assert [m.span() for m in _BOUNDARY.finditer(_as_periods(text))] == expected


QUOTE_TEXT = st.text(alphabet="a B7.,' ‘’`\"“”„«»\n", max_size=40)


@settings(max_examples=500, deadline=None)
@given(QUOTE_TEXT)
def test_double_marks_are_those_of_the_mark_regex(text: str) -> None:
    expected = [m.span() for m in _DOUBLE_MARK.finditer(text)]
    assert _double_marks(text) == expected


@settings(max_examples=500, deadline=None)
@given(QUOTE_TEXT)
def test_single_quotes_found_by_the_chosen_pattern_are_those_of_the_general_one(
    text: str,
) -> None:
    expected = [m.span() for m in _SINGLE.finditer(text)]
    pattern = _single_pattern(text)
    assert ([m.span() for m in pattern.finditer(text)] if pattern else []) == expected


# Cue words that share prefixes, hold apostrophes and hyphens, or a non-ASCII letter.
CUE = st.lists(
    st.sampled_from(["may", "ma", "be", "about", "can't", "so-called", "naïve", "a"]),
    min_size=1,
    max_size=3,
).map(" ".join)
WORD = st.sampled_from(
    [
        "may",
        "ma",
        "be",
        "about",
        "can't",
        "can’t",
        "so-called",
        "so",
        "called",
        "naïve",
        "na",
        "ve",
        "é",
        "a",
        "x",
        "Rule",
        "out",
        "could",
        "possibly",
        "reportedly",
        "7",
        "",
    ]
)
SEPARATOR = st.sampled_from([" ", " ", "  ", "\n", "\u00a0", "-", "’", "'", '"', "“", ".", ""])
HEDGE_TEXT = st.lists(st.tuples(WORD, SEPARATOR).map("".join), max_size=12).map("".join)


class OnlyHedges:
    """Lexicons holding just the given hedge cues (the built-ins make a slow trie)."""

    def __init__(self, cues: list[str]) -> None:
        self.cues = cues

    def get(self, name: str) -> dict[str, list[str]]:
        return {"adverb": self.cues}


@settings(max_examples=400, deadline=None)
@given(st.lists(CUE, min_size=1, max_size=5), HEDGE_TEXT)
def test_hedge_candidates_find_what_the_cue_pattern_finds(cues: list[str], text: str) -> None:
    finder = HedgeFinder(OnlyHedges(cues))  # type: ignore[arg-type]
    lowered = text.lower()
    expected = [m.span() for m in finder._pattern.finditer(lowered)]
    assert [m.span() for m in finder._matches(lowered)] == expected


BUILT_IN_HEDGES = HedgeFinder(Lexicons())


@settings(max_examples=300, deadline=None)
@given(HEDGE_TEXT)
def test_built_in_hedge_candidates_find_what_the_cue_pattern_finds(text: str) -> None:
    lowered = text.lower()
    expected = [m.span() for m in BUILT_IN_HEDGES._pattern.finditer(lowered)]
    assert [m.span() for m in BUILT_IN_HEDGES._matches(lowered)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0", max_size=30), st.integers(1, 9))
def test_word_count_check_matches_splitting_every_word(text: str, count: int) -> None:
    assert _has_words(text, count) == (len(text.split()) >= count)
