"""The engine's fast paths give exactly what the slow, obvious code they replace gave."""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import sys
from typing import Any

import pytest
from engine_support import COUNCIL, ReturningScorer, engine_with
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck import Finding, ScorerResult, Span
from sourcecheck.core.engine import _checked_report
from sourcecheck.core.inputs import has_surrogate
from sourcecheck.core.language import (
    _ENGLISH_FUNCTION_WORDS,
    _LETTERS_AS_A,
    MIN_SHARE,
    padded_letters,
    reaches_share,
)
from sourcecheck.core.models import ScorerReport
from sourcecheck.core.positions import LineIndex

# Letters of several scripts, digits of two, marks that are word characters but not
# letters ('_', '²'), the punctuation news copy uses, letters str.lower turns into ASCII
# (the Kelvin sign) or into a letter and a mark ('İ'), and a lone surrogate.
TEXT = st.text(
    alphabet=st.sampled_from(
        [*"the an said Was IT of é ß ø 中 İ ı ſ \u212a \u0307 _ ² ٣ 7 .,'\"“”’—-\n\t", "\ud800"]
    ),
    max_size=300,
)


def _word_regex(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_padded_letters_hold_the_words_of_the_word_regex(text: str) -> None:
    letters = padded_letters(text)
    assert letters.startswith(b" ") and letters.endswith(b" ")
    assert set(letters) <= set(b" abcdefghijklmnopqrstuvwxyz")
    words = [word.decode("ascii") for word in letters.split()]
    expected = _word_regex(text)
    for word, regex_word in zip(words, expected, strict=True):
        assert (word == regex_word) if regex_word.isascii() else ("q" in word)


WORDS = st.lists(st.sampled_from(["the", "of", "to", "said", "is", "x", "yz", "théâ"]), max_size=80)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from([" ", "  ", ", ", "\n", "—"]))
def test_english_share_is_the_share_of_function_words(words: list[str], gap: str) -> None:
    text = gap.join(words)
    expected = _word_regex(text)
    letters = padded_letters(text)
    assert letters.translate(_LETTERS_AS_A).count(b" a") == len(expected)
    if expected:
        found = sum(word in _ENGLISH_FUNCTION_WORDS for word in expected)
        assert reaches_share(letters, len(expected)) == (found / len(expected) >= MIN_SHARE)


def test_only_letters_lower_case_to_letters_or_ascii() -> None:
    """What lets the English check lower-case with ``bytes.translate`` on the ASCII letters
    alone: every other character lower-cases to characters that are neither."""
    letter = re.compile(r"[^\W\d_]")
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if lowered != char and not letter.match(char):
            assert not any(letter.match(c) or c.isascii() for c in lowered), hex(code)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab\n\r é")), max_size=200), st.data())
def test_line_index_matches_counting_newlines(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    line = bisect.bisect_right(starts, offset)
    assert LineIndex(text).position(offset) == (line, offset - starts[line - 1] + 1)


BODY = COUNCIL.body
SPANS = st.builds(
    lambda a, b: Span.of(BODY, min(a, b), max(a, b)),
    st.integers(0, len(BODY)),
    st.integers(0, len(BODY)),
)
FINDINGS = st.builds(
    Finding,
    rule=st.sampled_from(["returning/a", "returning/b"]),
    severity=st.sampled_from(["suggestion", "warning", "error"]),
    message=st.text(max_size=10),
    span=st.none() | SPANS,
    line=st.none() | st.integers(1, 9),
)
METRICS = st.dictionaries(
    st.text(max_size=5),
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    max_size=4,
)
RESULTS = st.builds(
    ScorerResult,
    score=st.floats(0, 1),
    confidence=st.floats(0, 1),
    summary=st.text(max_size=10),
    metrics=METRICS,
    findings=st.lists(FINDINGS, max_size=4),
)


def dump_with_types(result: ScorerResult) -> Any:
    """The dump, with every leaf tagged by its type (1 == 1.0 == True would hide a change)."""

    def tag(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: tag(item) for key, item in value.items()}
        if isinstance(value, list):
            return [tag(item) for item in value]
        return (type(value).__name__, value)

    return tag(result.model_dump())


@settings(max_examples=200, deadline=None)
@given(RESULTS)
def test_the_engine_check_of_a_valid_result_equals_its_full_revalidation(
    result: ScorerResult,
) -> None:
    revalidated = ScorerResult.model_validate(result.model_dump())
    entry = _checked_report(_Flagger.name, _Flagger.version, result, BODY)
    assert (entry.name, entry.version, entry.status) == ("flagger", _Flagger.version, "ok")
    checked = ScorerResult.model_construct(
        **{name: getattr(entry, name) for name in ScorerResult.model_fields}
    )
    assert dump_with_types(checked) == dump_with_types(revalidated)
    # The engine's own findings: it sets their line and column without touching the scorer's.
    assert not any(
        mine is theirs for mine, theirs in zip(entry.findings, result.findings, strict=True)
    )


def test_a_report_entry_types_the_fields_of_a_result_as_the_result_does() -> None:
    """What lets the engine validate a result straight into its ScorerReport: the fields
    they share have one type, bar the two whose ranges it checks with ScorerResult's rules."""
    entry_fields = ScorerReport.model_fields
    for name, field in ScorerResult.model_fields.items():
        if name in ("score", "confidence"):
            assert entry_fields[name].annotation == field.annotation | None
        else:
            assert entry_fields[name].annotation == field.annotation, name
            assert entry_fields[name].metadata == field.metadata, name


def _mutated(field: str, value: object, *, in_finding: bool = False) -> ScorerResult:
    """A valid result with one value changed after validation (no validate_assignment)."""
    span = Span.of(BODY, 4, 8)
    finding = Finding(rule="returning/x", message="m", span=span)
    result = ScorerResult(score=0.5, findings=[finding])
    if in_finding:
        object.__setattr__(finding, field, value)
    else:
        object.__setattr__(result, field, value)
    return result


@pytest.mark.parametrize(
    "result",
    [
        _mutated("score", 1.5),
        _mutated("score", math.nan),
        _mutated("confidence", -0.1),
        _mutated("summary", 3),
        _mutated("metrics", {"ok": [1, 2]}),
        _mutated("findings", ["not a finding"]),
        _mutated("severity", "fatal", in_finding=True),
        _mutated("message", None, in_finding=True),
        _mutated("span", Span(start=4, end=8, text="city!"), in_finding=True),
        _mutated("span", Span(start=-1, end=3, text="The c"), in_finding=True),
        _mutated("span", Span(start=4.0, end=8, text=BODY[4:8]), in_finding=True),  # type: ignore[arg-type]
        _mutated("span", (4, 8), in_finding=True),
        _mutated("findings", (Finding.model_construct(rule="returning/x", severity="fatal"),)),
    ],
    ids=[
        "score-above-1",
        "score-nan",
        "confidence-below-0",
        "summary-not-str",
        "metric-list",
        "finding-not-finding",
        "unknown-severity",
        "message-none",
        "span-text-length",
        "span-negative",
        "span-float-offset",
        "span-not-a-span",
        "findings-tuple-of-unchecked",
    ],
)
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_a_value_changed_after_validation_still_fails_the_scorer(result: ScorerResult) -> None:
    report = engine_with(ReturningScorer(result)).score(COUNCIL)
    assert report.scorers[0].status == "failed"
    error = report.scorers[0].error or ""
    assert "invalid result" in error or "span" in error


def test_a_value_pydantic_would_coerce_is_coerced_as_before() -> None:
    result = ScorerResult.model_construct(
        score=1, confidence=1.0, summary="", metrics={}, findings=[]
    )
    entry = _checked_report(_Flagger.name, _Flagger.version, result, BODY)
    assert entry.score == 1.0 and type(entry.score) is float


class _Flagger(ReturningScorer):
    name = "flagger"


def test_scorer_finding_still_rejects_an_unknown_severity() -> None:
    with pytest.raises(ValueError, match="severity"):
        _Flagger(None).finding("x", "m", None, "fatal")  # type: ignore[arg-type]


def test_a_span_of_a_body_is_a_frozen_record() -> None:
    first = Span.of(BODY, 0, 3)
    assert first == Span(start=0, end=3, text=BODY[:3])
    moved = dataclasses.replace(first, start=1, text=BODY[1:3])
    assert moved.start == 1 and first.start == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.start = 2  # type: ignore[misc]


_SURROGATE_CLASS = re.compile("[\ud800-\udfff]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a’\ud800\udbff\udc00\udfff\ue000\U0001f600 ", max_size=12))
def test_surrogate_check_agrees_with_a_search_for_the_surrogate_class(text: str) -> None:
    """Strict UTF-8 refuses exactly the surrogates, paired in the string or not."""
    assert has_surrogate(text) == (_SURROGATE_CLASS.search(text) is not None)


def test_a_result_missing_its_score_fails_the_scorer() -> None:
    """The engine reads a result's values from the model: a score it does not hold (left out
    of ``model_construct``) is refused by ScorerResult's rule, not taken as no score."""
    result = ScorerResult.model_construct(confidence=1.0)
    assert "score" not in vars(result)
    report = engine_with(ReturningScorer(result)).score(COUNCIL)
    assert report.scorers[0].status == "failed"
    assert "invalid result" in (report.scorers[0].error or "")
