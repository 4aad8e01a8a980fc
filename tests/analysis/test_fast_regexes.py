"""Analysis fast paths (rewritten regexes, remembered answers) match the plain versions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.claims import _FINAL_STOP, _ends_with_stop
from sourcecheck.core.analysis.quotes import _DOUBLE_MARK
from sourcecheck.core.analysis.sources import SourceTyper
from sourcecheck.core.analysis.speakers import _CAPITALISED_RUN
from sourcecheck.core.analysis.text import _BLOCK_SPLIT
from sourcecheck.core.lexicons import Lexicons

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


PLAIN_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’.&-])[A-Z][\w'’.&-]*"
    r"(?:[ \t]+(?:(?:of|for|de|van|von|der|del|da|bin|al|la|le)[ \t]+)?[A-Z][\w'’.&-]*)*"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAB'’.&- \t\n9_é", max_size=30), st.integers(0, 30))
def test_capitalised_run_matches_the_leading_look_behind(text: str, end: int) -> None:
    expected = [m.span() for m in PLAIN_CAPITALISED_RUN.finditer(text, 0, end)]
    assert [m.span() for m in _CAPITALISED_RUN.finditer(text, 0, end)] == expected


def test_remembered_source_types_are_fresh_objects_equal_to_a_first_reading() -> None:
    typer = SourceTyper(Lexicons())
    phrases = ["he", "officials", "the company", "Maria Lopez", "a senior official", "we"]
    first = [typer.classify(p) for p in phrases]
    again = [typer.classify(p) for p in phrases]
    assert again == first
    assert all(a is not b for a, b in zip(first, again, strict=True))
    first[0].speaker = "edited by a caller"
    assert typer.classify("he").speaker is None  # a caller's edit does not leak
    assert typer.classify("we", in_quote=True) != typer.classify("we")
