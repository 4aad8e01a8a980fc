"""Fast paths of segmentation, quotes, hedges and claims give what the plain code gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.quotes import _DOUBLE_MARK, _SINGLE, _double_marks, _single_pattern
from sourcecheck.core.analysis.text import _BOUNDARY, _CLOSERS, _OPENERS, _as_periods

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
