"""Regexes rewritten for speed match exactly what the plain versions matched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.claims import _FINAL_STOP, _ends_with_stop
from sourcecheck.core.analysis.quotes import _DOUBLE_MARK
from sourcecheck.core.analysis.text import _BLOCK_SPLIT

PLAIN_BLOCK_SPLIT = re.compile(r"(?:\n[^\S\n]*){2,}")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a .\n\t\r\u00a0", max_size=60))
def test_block_split_matches_the_plain_pattern(text: str) -> None:
    expected = [m.span() for m in PLAIN_BLOCK_SPLIT.finditer(text)]
    assert [m.span() for m in _BLOCK_SPLIT.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.!?\"'”’)] \n\u00a0", max_size=20))
def test_final_stop_check_matches_the_regex(text: str) -> None:
    assert _ends_with_stop(text) == (_FINAL_STOP.search(text) is not None)


PLAIN_DOUBLE_MARK = re.compile(r"''|``|[\"“”„«»]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a '`\"“”„«»‘’", max_size=30))
def test_double_mark_matches_the_plain_alternation(text: str) -> None:
    expected = [m.span() for m in PLAIN_DOUBLE_MARK.finditer(text)]
    assert [m.span() for m in _DOUBLE_MARK.finditer(text)] == expected
