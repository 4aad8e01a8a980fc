"""Scorer.finding's unvalidated fast path builds exactly what validation would."""

from __future__ import annotations

import pytest

from sourcecheck.core.models import Finding, Span
from sourcecheck.core.scorer import Scorer


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
