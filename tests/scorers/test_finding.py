"""Scorer.finding and scorer_result build, unvalidated, exactly what validation would."""

from __future__ import annotations

import pytest

from sourcecheck.core.models import Finding, ScorerResult, Span
from sourcecheck.core.scorer import Scorer, scorer_result


class _Named(Scorer):
    name = "named"


@pytest.mark.parametrize("severity", ["suggestion", "warning", "error"])
@pytest.mark.parametrize("span", [None, Span.of("The mayor said.", 4, 9)])
def test_finding_equals_the_validated_model(span: Span | None, severity: str) -> None:
    fast = _Named().finding("rule", "A message.", span, severity)  # type: ignore[arg-type]
    slow = Finding(rule="named/rule", severity=severity, message="A message.", span=span)
    assert type(fast) is Finding
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_extra is None and fast.__pydantic_private__ is None


def test_finding_validates_anything_unusual() -> None:
    with pytest.raises(ValueError):
        _Named().finding("rule", "A message.", None, "fatal")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "values",
    [
        {"score": 0.5, "confidence": 1.0, "summary": "s", "metrics": {"n": 1, "x": 0.5}},
        {"score": 1.0, "confidence": 0.0, "summary": "", "metrics": {"b": True, "t": "a"}},
        {"score": 0.25, "confidence": 0.5, "summary": "s", "metrics": {"none": None}},
        # Not plainly valid: pydantic converts or refuses these, as it always did.
        {"score": 1, "confidence": 0.5, "summary": "s", "metrics": {}},
        {"score": 0.5, "confidence": 0.5, "summary": "s", "metrics": {"n": [1]}},
        {"score": 1.5, "confidence": 0.5, "summary": "s", "metrics": {}},
        {"score": float("nan"), "confidence": 0.5, "summary": "s", "metrics": {}},
    ],
)
def test_scorer_result_equals_the_validated_model(values: dict) -> None:
    findings = [_Named().finding("rule", "A message.", Span.of("The mayor said.", 4, 9))]
    try:
        slow = ScorerResult(**values, findings=findings)
    except ValueError:
        with pytest.raises(ValueError):
            scorer_result(**values, findings=findings)
        return
    fast = scorer_result(**values, findings=findings)
    assert type(fast) is ScorerResult
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    assert [type(v) for v in fast.metrics.values()] == [type(v) for v in slow.metrics.values()]
