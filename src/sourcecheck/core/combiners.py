"""Combiners turn scorer results into one explainable overall score.

The contract every combiner keeps: ``baseline + sum(contributions) == score``, so a
report can always say what raised the score and what lowered it.
"""

from __future__ import annotations

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
    """

    name = "weighted"
    baseline = 50.0

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = weights or {}

    def combine(self, results: list[ScorerReport]) -> Combination:
        usable = [r for r in results if r.status == "ok" and r.score is not None]
        if not usable:
            return Combination(score=None, baseline=self.baseline)
        raw = {r.name: self.weights.get(r.name, 1.0) * (r.confidence or 0.0) for r in usable}
        total = sum(raw.values())
        if total <= 0:
            # No scorer had any evidence: fall back to equal weights rather than divide by 0.
            raw = {name: 1.0 for name in raw}
            total = float(len(raw))
        weights = {name: w / total for name, w in raw.items()}
        contributions = {
            r.name: round(100.0 * weights[r.name] * (r.score - 0.5), CONTRIBUTION_DIGITS)
            for r in usable
            if r.score is not None
        }
        score = round(self.baseline + sum(contributions.values()), CONTRIBUTION_DIGITS)
        score = min(100.0, max(0.0, score))
        return Combination(
            score=score,
            baseline=self.baseline,
            weights={k: round(v, CONTRIBUTION_DIGITS) for k, v in weights.items()},
            contributions=contributions,
        )


def band_for(score: float | None, bands: list[Band] | None = None) -> str:
    if score is None:
        return "unscored"
    for band in sorted(bands or DEFAULT_BANDS, key=lambda b: -b.min):
        if score >= band.min:
            return band.label
    return "unscored"


def default_combiner(config: Config, default_weights: dict[str, float]) -> WeightedCombiner:
    return WeightedCombiner({**default_weights, **config.weights})
