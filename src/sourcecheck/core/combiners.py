"""Combiners turn scorer results into one explainable overall score.

The contract every combiner keeps: ``baseline + sum(contributions) == score`` (to the
rounding of :data:`CONTRIBUTION_DIGITS`), so a report can always say what raised the score
and what lowered it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol

from sourcecheck.core.config import DEFAULT_BANDS, Band, Config
from sourcecheck.core.models import ScorerReport

CONTRIBUTION_DIGITS = 4


@dataclass
class Combination:
    score: float | None
    baseline: float
    weights: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)
    # Log-odds combiners (sourcecheck.calibration) also explain the score on the logit scale.
    baseline_logit: float | None = None
    logit: float | None = None
    logit_contributions: dict[str, float] = field(default_factory=dict)


class Combiner(Protocol):
    name: str

    def combine(self, results: list[ScorerReport]) -> Combination: ...


class WeightedCombiner:
    """A confidence-weighted mean of scorer scores, on 0-100, around a baseline of 50.

    Effective weight = configured weight x confidence, so a scorer with little evidence
    (a story with no quotes, for the quote-based scorers) counts for little. Each scorer's
    contribution is ``100 * w_i / sum(w) * (score_i - 0.5)``: positive raised the score,
    negative lowered it, and together with the baseline they sum to the overall score.

    Only scorers whose status is ``ok`` take part. When every usable scorer has zero
    confidence the configured weights alone decide; when those are all zero too there is
    nothing to combine and the score is ``None`` (band "unscored").
    """

    name = "weighted"
    baseline = 50.0

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = weights or {}

    def combine(self, results: list[ScorerReport]) -> Combination:
        usable = {r.name: r for r in results if r.status == "ok" and r.score is not None}
        weights = self.normalised_weights(list(usable.values()))
        if not weights:
            return Combination(score=None, baseline=self.baseline)
        contributions = {
            name: round(100.0 * weight * (_score(usable[name]) - 0.5), CONTRIBUTION_DIGITS)
            for name, weight in weights.items()
        }
        # Summing the rounded contributions keeps the report's arithmetic exact for a reader.
        score = round(self.baseline + sum(contributions.values()), CONTRIBUTION_DIGITS)
        clamped = min(100.0, max(0.0, score))
        if clamped != score:
            # Rounding drifted past an end of the scale (all scores 0 or all 1): move the drift
            # into the largest contribution, so baseline + contributions still equals the score.
            largest = max(contributions, key=lambda name: abs(contributions[name]))
            contributions[largest] = round(
                contributions[largest] + clamped - score, CONTRIBUTION_DIGITS
            )
        return Combination(
            score=clamped,
            baseline=self.baseline,
            weights={k: round(v, CONTRIBUTION_DIGITS) for k, v in weights.items()},
            contributions=contributions,
        )

    def normalised_weights(self, usable: list[ScorerReport]) -> dict[str, float]:
        """Weights summing to 1 over ``usable``; empty when no scorer carries any weight."""
        configured = {r.name: max(0.0, self.weights.get(r.name, 1.0)) for r in usable}
        raw = {r.name: configured[r.name] * (r.confidence or 0.0) for r in usable}
        if sum(raw.values()) <= 0:
            # No scorer had any evidence: the configured weights are all we have to go on.
            raw = configured
        total = sum(raw.values())
        if total <= 0:
            return {}
        return {name: weight / total for name, weight in raw.items()}


def _score(result: ScorerReport) -> float:
    return result.score if result.score is not None else 0.5


def shown_score(score: float | None) -> str:
    """The score as a whole number for people: rounded down, so what is shown never reaches
    a band the score itself does not (79.6 shows as 79, "adequately sourced", not 80)."""
    return "n/a" if score is None else str(math.floor(score))


def band_for(score: float | None, bands: list[Band] | None = None) -> str:
    """The label of the highest band whose ``min`` the score reaches; "unscored" for None."""
    if score is None:
        return "unscored"
    ordered = sorted(bands or DEFAULT_BANDS, key=lambda b: -b.min)
    for band in ordered:
        if score >= band.min:
            return band.label
    return ordered[-1].label


def default_combiner(config: Config, default_weights: dict[str, float]) -> WeightedCombiner:
    return WeightedCombiner({**default_weights, **config.weights})
