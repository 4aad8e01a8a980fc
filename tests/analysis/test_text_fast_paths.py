"""Fast paths of segmentation, quotes, hedges and claims give what the plain code gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.claims import _has_words
from sourcecheck.core.analysis.hedges import FOLD_APART, HedgeFinder
from sourcecheck.core.analysis.quotes import _DOUBLE_MARK, _SINGLE, _double_marks, _single_pattern
from sourcecheck.core.analysis.text import _BOUNDARY, _as_periods, _is_boundary
from sourcecheck.core.lexicons import Lexicons

# Closing and opening marks around a sentence boundary, as text.py first wrote them.
_CLOSERS = r"(?:[\"'”’)\]]|'')*"
_OPENERS = r"(?:[\"'“‘(\[]|''|``)*"
PLAIN_BOUNDARY = re.compile(rf"[.!?…]+{_CLOSERS}(?=\s+{_OPENERS}[A-Z0-9])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a A 7.!?…\"'”’“‘)(][`\n\u00a0", max_size=40))
def test_boundaries_in_the_periods_text_match_the_plain_pattern(text: str) -> None:
    expected = [m.span() for m in PLAIN_BOUNDARY.finditer(text)]
    assert [m.span() for m in _BOUNDARY.finditer(_as_periods(text))] == expected


def plain_token_start(body: str, start: int, paragraph_start: int) -> int | None:
    """Where _is_boundary's word before ``start`` began, written with max() and rfind();
    None for a 40-character run without a space or newline."""
    lowest = max(paragraph_start, start - 40)
    space = max(body.rfind(" ", lowest, start), body.rfind("\n", lowest, start))
    if space < 0 and lowest > paragraph_start:
        return None
    return space + 1 if space >= 0 else lowest


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab A.-(\n\t\u00a0", min_size=1, max_size=60),
    st.integers(0, 59),
    st.integers(0, 59),
)
def test_word_before_a_boundary_is_the_one_rfind_gives(
    text: str, paragraph_start: int, offset: int
) -> None:
    paragraph_start = min(paragraph_start, len(text) - 1)
    start = min(paragraph_start + offset, len(text) - 1)
    body = text[:start] + "." + text[start + 1 :] + " Next"
    token_start = plain_token_start(body, start, paragraph_start)
    if token_start is None:
        expected = True
    else:  # the decision made on the word: the same function on a text holding only it
        word = body[token_start : start + 1] + body[start + 1 :]
        expected = _is_boundary(word, start - token_start, start - token_start + 1, 0)
    assert _is_boundary(body, start, start + 1, paragraph_start) == expected


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


# Cue words that share prefixes, hold apostrophes and hyphens, or a non-ASCII letter (a
# lexicon with one takes the plain path).
CUE = st.lists(
    st.sampled_from(["may", "ma", "be", "about", "can't", "so-called", "naïve", "a", "is"]),
    min_size=1,
    max_size=3,
).map(" ".join)
WORD = st.sampled_from(
    [
        "may",
        "May",
        "MAY",
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
        # Letters that re.IGNORECASE and str.lower fold differently (see FOLD_APART).
        "\u0131s",
        "\u017fo",
        "ma\u212a",
        "\u0130s",
        "İ",
        "ς",
        "Σ",
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


def plain_cues(finder: HedgeFinder, body: str) -> list[tuple[int, int, str]]:
    """What HedgeFinder found before its fast path: the pattern in the lower-cased body,
    or the ignore-case pattern in the body when lower-casing changes its length."""
    lowered = body.lower()
    if len(lowered) == len(body):
        matches = finder._pattern.finditer(lowered)
    else:
        matches = finder._pattern_any_case.finditer(body)
    return [(*match.span(), match.group()) for match in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(CUE, min_size=1, max_size=5), HEDGE_TEXT)
def test_hedge_candidates_find_what_the_cue_pattern_finds(cues: list[str], text: str) -> None:
    finder = HedgeFinder(OnlyHedges(cues))  # type: ignore[arg-type]
    assert finder._cues(text) == plain_cues(finder, text)


BUILT_IN_HEDGES = HedgeFinder(Lexicons())


@settings(max_examples=300, deadline=None)
@given(HEDGE_TEXT)
def test_built_in_hedge_candidates_find_what_the_cue_pattern_finds(text: str) -> None:
    assert BUILT_IN_HEDGES._cues(text) == plain_cues(BUILT_IN_HEDGES, text)


def test_built_in_hedges_take_the_candidate_path() -> None:
    assert BUILT_IN_HEDGES._candidates is not None


WORD_CLASS = re.compile(r"\w")
SPACE_CLASS = re.compile(r"\s")
ANY_ASCII_ANY_CASE = re.compile(r"[\x00-\x7f]", re.IGNORECASE)


def test_ignore_case_and_lower_case_agree_on_ascii_cues_but_for_fold_apart() -> None:
    """The claim _matches rests on, over all of Unicode: outside FOLD_APART, a character
    lower-cases to one character, of the same word/space class, and matches an ASCII
    character ignoring case exactly when it lower-cases to that character's lower case."""
    for code in range(0x110000):
        char = chr(code)
        if char in FOLD_APART or 0xD800 <= code < 0xE000:
            continue
        lower = char.lower()
        assert len(lower) == 1, char
        if lower != char:
            assert bool(WORD_CLASS.match(char)) == bool(WORD_CLASS.match(lower)), char
            assert bool(SPACE_CLASS.match(char)) == bool(SPACE_CLASS.match(lower)), char
        if not char.isascii():
            assert not lower.isascii() and not ANY_ASCII_ANY_CASE.match(char), char
    for code in range(128):
        for other in range(128):
            pattern = re.compile(re.escape(chr(code).lower()), re.IGNORECASE)
            expected = chr(other).lower() == chr(code).lower()
            assert bool(pattern.fullmatch(chr(other))) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0", max_size=30), st.integers(1, 9))
def test_word_count_check_matches_splitting_every_word(text: str, count: int) -> None:
    assert _has_words(text, count) == (len(text.split()) >= count)
