"""Features: the numbers from a report that a calibrated model combines.

A feature is named after where its value comes from in a :class:`ScorerReport`:

- ``NAME``            the scorer's score (0-1, 1 = best practice)
- ``NAME:confidence`` the scorer's confidence (0-1, how much evidence it had)
- ``NAME.METRIC``     one numeric metric of the scorer

A value is missing when the scorer did not run cleanly or the metric is absent or not a
finite number; the model then uses the training mean, so a missing feature contributes 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sourcecheck.core.errors import ConfigError
from sourcecheck.core.models import MetricValue, ScorerReport

FeatureKind = Literal["score", "confidence", "metric"]
CONFIDENCE_SUFFIX = ":confidence"


@dataclass(frozen=True)
class FeatureSpec:
    """Where one feature's value comes from."""

    scorer: str
    kind: FeatureKind = "score"
    metric: str | None = None

    @property
    def name(self) -> str:
        if self.kind == "confidence":
            return f"{self.scorer}{CONFIDENCE_SUFFIX}"
        if self.kind == "metric":
            return f"{self.scorer}.{self.metric}"
        return self.scorer

    @classmethod
    def parse(cls, text: str) -> FeatureSpec:
        """``NAME``, ``NAME:confidence`` or ``NAME.METRIC``; anything else is a ConfigError."""
        text = text.strip()
        if text.endswith(CONFIDENCE_SUFFIX):
            return cls(_scorer_part(text[: -len(CONFIDENCE_SUFFIX)], text), "confidence")
        scorer, dot, metric = text.partition(".")
        if dot:
            if not metric:
                raise ConfigError(f"feature '{text}': metric name missing after '.'")
            return cls(_scorer_part(scorer, text), "metric", metric)
        return cls(_scorer_part(scorer, text), "score")

    def describe(self, scorer_description: str = "") -> str:
        """What the feature measures, for the model file and the coefficient table."""
        if self.kind == "confidence":
            return f"confidence of {self.scorer} (0-1: how much evidence it had)"
        if self.kind == "metric":
            return f"metric '{self.metric}' of {self.scorer}"
        about = f": {scorer_description}" if scorer_description else ""
        return f"score of {self.scorer} (0-1, 1 = best practice){about}"

    def value(self, result: ScorerReport) -> float | None:
        """This feature's value in one scorer's report, or None when it is missing."""
        if result.status != "ok":
            return None
        if self.kind == "score":
            return _finite(result.score)
        if self.kind == "confidence":
            return _finite(result.confidence)
        return _finite(result.metrics.get(self.metric or ""))


def _scorer_part(scorer: str, text: str) -> str:
    if not scorer:
        raise ConfigError(f"feature '{text}': scorer name missing")
    return scorer


def _finite(value: MetricValue) -> float | None:
    # bool is an int subclass: a yes/no metric is a 0/1 feature, which is what we want.
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def candidate_values(results: Iterable[ScorerReport]) -> dict[str, float]:
    """Every feature value a report offers: scores, confidences and numeric metrics."""
    values: dict[str, float] = {}
    for result in results:
        specs = [FeatureSpec(result.name), FeatureSpec(result.name, "confidence")]
        specs += [FeatureSpec(result.name, "metric", key) for key in result.metrics]
        for spec in specs:
            value = spec.value(result)
            if value is not None:
                values[spec.name] = value
    return values


def values_by_spec(
    specs: Iterable[FeatureSpec], results: Iterable[ScorerReport]
) -> dict[str, float | None]:
    """The value of each spec in one report (None where missing)."""
    by_scorer = {r.name: r for r in results}
    return {
        spec.name: spec.value(by_scorer[spec.scorer]) if spec.scorer in by_scorer else None
        for spec in specs
    }
