"""Speaker-resolution fast paths match the straightforward versions they replaced."""

from __future__ import annotations

import bisect
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.sources import SourceTyper, unpossessed
from sourcecheck.core.analysis.speakers import (
    _ACRONYM,
    _CAPITALISED_RUN,
    _NEW_REFERENT,
    SpeakerResolver,
    _has_acronym,
    _Mention,
    _QuoteBounds,
    _title_case,
)
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Span

RESOLVER = SpeakerResolver(SourceTyper(Lexicons()), Lexicons())
RUN_WORDS = st.sampled_from(
    [
        "Sen.",
        "Jane",
        "Doe",
        "Doe's",
        "of",
        "de",
        "State",
        "Department",
        "U.S.",
        "NATO",
        "Hewlett-Packard",
        "CEO",
        "Carly",
        "Fiorina",
        "Miami.",
        "He",
        "The",
        "Trump-backed",
        "(R-Tex.)",
        "Mr",
        "Jr.",
    ]
)


def _parsed_by_segments(resolver: SpeakerResolver, run: str) -> tuple[_Mention, ...]:
    """``_parse_run`` as it was: every run cut by ``_segments`` (title-case headlines, read
    another way, are left out of the comparison and tested on their own examples in
    test_speakers.py)."""
    found = []
    for offset, tokens in resolver._segments(run):
        mention = resolver._mention(tokens, offset)
        if mention is not None:
            mention.segment = offset
            found.append(mention)
    return tuple(found)


@settings(max_examples=400, deadline=None)
@given(st.lists(RUN_WORDS, min_size=1, max_size=6))
def test_runs_parse_as_with_segments(words: list[str]) -> None:
    text = " ".join(words)
    for match in _CAPITALISED_RUN.finditer(text):
        run = match.group()
        if len(run.split()) > 3 and _title_case(run.split()):
            continue  # a headline: not parsed by segments, neither now nor before
        assert RESOLVER._parse_run(run) == _parsed_by_segments(RESOLVER, run)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=6), st.integers(0, 100))
def test_runs_between_spans_are_the_runs_outside_them(
    spans: list[tuple[int, int]], end: int
) -> None:
    """Scanning only between spans finds the runs that a scan of the whole text finds
    outside them (runs that no span boundary cuts), the spans merged as quotes' are."""
    text = "A b " * 25
    bounds = _QuoteBounds.of(Span.of(text, start, start + length) for start, length in spans)
    found = [m.start() for m in bounds.runs_between(text, end)]

    def contains(offset: int) -> bool:
        index = bisect.bisect_right(bounds.starts, offset) - 1
        return index >= 0 and offset < bounds.ends[index]

    every = _CAPITALISED_RUN.finditer(text, 0, end)
    assert found == [m.start() for m in every if not contains(m.start())]


# Names of several words, a mid-word capital and marks a run holds: runs as long as real ones,
# which a span's edge can cut.
TEXT_WORDS = st.sampled_from(
    ["Jane", "Doe", "of", "State", "McDonald", "O'Neil", "Smith’", "'Big", "said", "a", "U.S."]
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(TEXT_WORDS, min_size=1, max_size=25),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30)), max_size=5),
    st.integers(0, 150),
)
def test_runs_between_are_whole_runs_of_the_text_outside_every_span(
    words: list[str], spans: list[tuple[int, int]], end: int
) -> None:
    """Sorted spans as quotes give them (overlapping ones not merged) and ``end`` anywhere,
    inside a span too: every run found is outside every span and before ``end``, starts where
    a run of the whole text may start (a slice edge is no word boundary: "Mc|Donald" holds no
    run "Donald"), and every run of the whole text clear of the spans is found as it is."""
    text = " ".join(words)
    bounds = _QuoteBounds([])
    ordered = sorted((start, start + length) for start, length in spans)
    bounds._set(ordered)
    found = [m.span() for m in bounds.runs_between(text, end)]

    def clear(start: int, stop: int) -> bool:
        return all(stop <= s or start >= e for s, e in ordered)

    assert found == sorted(set(found))
    for start, stop in found:
        assert stop <= end and clear(start, stop)
        assert _CAPITALISED_RUN.match(text, start) is not None
    whole = [m.span() for m in _CAPITALISED_RUN.finditer(text, 0, end)]
    assert {run for run in whole if clear(*run)} <= set(found)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ABZaz.-İıſ", max_size=6), max_size=4))
def test_acronyms_only_among_upper_case_tokens(tokens: list[str]) -> None:
    assert _has_acronym(tokens) == any(_ACRONYM.match(t) for t in tokens)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAoOnNtThHeErR İıſ'’s", max_size=12))
def test_cheap_prefix_tests(text: str) -> None:
    fresh = text[:1] in "aAoO" and _NEW_REFERENT.match(text) is not None
    assert fresh == bool(_NEW_REFERENT.match(text))
    assert unpossessed(text) == re.sub(r"['’]s?$", "", text)


def test_no_other_character_lower_cases_to_t_h_or_e() -> None:
    """What lets ``_classify`` skip looking for "the" words when "the" is not in the phrase,
    and ``_join`` skip the new-referent regex unless the phrase opens with a or o."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in "tThHeEaAoO":
            continue
        assert not any(letter in char.lower() for letter in "the"), hex(code)
        assert re.match("(?i)[ao]", char) is None, hex(code)


def _name_after_role_with_max(typer: SourceTyper, head_words: list[str]) -> str | None:
    """``SourceTyper._name_after_role`` as it was, the last role word found by ``max``."""
    last_role = max(
        (
            i
            for i, w in enumerate(head_words[:-1])
            if w in typer.titles or w.lower() in typer.role_nouns
        ),
        default=-1,
    )
    name = head_words[last_role + 1 :]
    if last_role < 0 or not name or not all(w[:1].isupper() for w in name):
        return None
    if name[-1].isupper() and name[-1].lower() in typer.role_nouns:
        return None  # "the former Hewlett-Packard CEO"
    # a title's surname may be an organisation word ("Mayor Don Guardian")
    inner = name[:-1] if len(name) > 1 and head_words[last_role] in typer.titles else name
    if any(w.rstrip(".,") in typer.org_words or _ACRONYM.match(w) for w in inner):
        return None
    return " ".join(name)


@settings(max_examples=400, deadline=None)
@given(st.lists(RUN_WORDS | st.sampled_from(["spokesman", "Gov.", "the", "Ministry"]), max_size=6))
def test_name_after_role_as_with_max(words: list[str]) -> None:
    typer = RESOLVER.typer
    assert typer._name_after_role(words) == _name_after_role_with_max(typer, words)
