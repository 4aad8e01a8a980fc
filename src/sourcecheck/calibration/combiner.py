"""The calibrated combiner: a logistic model's probability, explained additively twice.

On the **log-odds** scale the explanation is exact and context free::

    logit = baseline_logit + sum(logit_contribution_i)
    logit_contribution_i = coefficient_i * (value_i - mean_i) / scale_i

where ``baseline_logit`` is the intercept, the log-odds of an article whose every feature sits
at its training mean. A scorer's logit contribution is the sum over its features.

On the **points** scale (0-100, what the report's ``score`` is) the score is
``100 * sigmoid(logit)`` and the baseline is ``100 * sigmoid(baseline_logit)``. The sigmoid
is not linear, so points cannot be context free; each feature gets the share of the change
in points that its log-odds contribution is of the change in log-odds::

    points_i = 100 * slope * logit_contribution_i
    slope    = (sigmoid(logit) - sigmoid(baseline_logit)) / (logit - baseline_logit)

``slope`` is the secant of the sigmoid between the baseline and the article, always > 0, so a
feature that raised the log-odds raised the points, and ``baseline + sum(points_i) == score``.
What depends on the rest of the article is only how many points a log-odds step is worth.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from sourcecheck.calibration.features import values_by_spec
from sourcecheck.calibration.model import CalibrationModel, ModelFileError, load_model
from sourcecheck.core.combiners import CONTRIBUTION_DIGITS, Combination
from sourcecheck.core.models import ScorerReport

log = logging.getLogger(__name__)

# Log-odds are shown to 6 decimals, points to CONTRIBUTION_DIGITS (4), as the weighted combiner.
LOGIT_DIGITS = 6
# Below this change in log-odds the secant equals the derivative to double precision.
_TINY_LOGIT = 1e-9


def sigmoid(logit: float) -> float:
    """1 / (1 + e^-x), written so that neither branch overflows."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)


def secant_slope(start: float, end: float) -> float:
    """Probability gained per unit of log-odds between two logits (> 0)."""
    if abs(end - start) < _TINY_LOGIT:
        p = sigmoid(start)
        return p * (1.0 - p)
    return (sigmoid(end) - sigmoid(start)) / (end - start)


class CalibratedCombiner:
    """Combines scorer results with a model fitted by ``sourcecheck calibrate``."""

    name = "calibrated"

    def __init__(self, model: CalibrationModel, source: str = "model") -> None:
        self.model = model
        self.source = source
        self._checked = False
        self._weights = self.weights()

    @classmethod
    def from_file(cls, path: Path) -> CalibratedCombiner:
        return cls(load_model(path), str(path))

    def combine(self, results: list[ScorerReport]) -> Combination:
        if not self._checked:
            self.check_scorers(results)
        values = values_by_spec((f.spec for f in self.model.features), results)
        baseline_logit = round(self.model.intercept, LOGIT_DIGITS)
        baseline = round(100.0 * sigmoid(baseline_logit), CONTRIBUTION_DIGITS)
        if all(value is None for value in values.values()):
            # Nothing the model reads was measured: a score would be the base rate, not a
            # judgement of this article, so say "unscored" instead.
            return Combination(score=None, baseline=baseline, baseline_logit=baseline_logit)
        logits = self._logit_by_scorer(results, values)
        # The logit is the sum of its rounded parts, so that identity holds exactly as shown.
        logit = round(baseline_logit + sum(logits.values()), LOGIT_DIGITS)
        slope = secant_slope(baseline_logit, logit)
        points = {
            name: round(100.0 * slope * part, CONTRIBUTION_DIGITS) for name, part in logits.items()
        }
        score = min(100.0, max(0.0, round(100.0 * sigmoid(logit), CONTRIBUTION_DIGITS)))
        _absorb_rounding(points, score - baseline)
        return Combination(
            score=score,
            baseline=baseline,
            weights={name: self._weights.get(name, 0.0) for name in logits},
            contributions=points,
            baseline_logit=baseline_logit,
            logit=logit,
            logit_contributions=logits,
        )

    def _logit_by_scorer(
        self, results: list[ScorerReport], values: dict[str, float | None]
    ) -> dict[str, float]:
        """Each cleanly-run scorer's log-odds contribution (0 when it is not in the model).

        A failed scorer gets none: its features are missing and so contributed 0 anyway.
        """
        logits = {r.name: 0.0 for r in results if r.status == "ok"}
        for feature in self.model.features:
            if feature.scorer in logits:
                logits[feature.scorer] += feature.logit_contribution(values[feature.name])
        return {name: round(value, LOGIT_DIGITS) for name, value in logits.items()}

    def weights(self) -> dict[str, float]:
        """Each scorer's share of the model's total |standardised coefficient| (sums to 1).

        Standardised coefficients are log-odds per standard deviation, so the shares compare
        how strongly the model leans on each scorer, like the weighted combiner's weights.
        """
        magnitude: dict[str, float] = {}
        for feature in self.model.features:
            magnitude[feature.scorer] = magnitude.get(feature.scorer, 0.0) + abs(
                feature.coefficient
            )
        total = sum(magnitude.values())
        if total == 0:
            return dict.fromkeys(magnitude, 0.0)
        return {
            name: round(value / total, CONTRIBUTION_DIGITS) for name, value in magnitude.items()
        }

    def check_scorers(self, results: list[ScorerReport]) -> None:
        """A model scorer that did not run is an error; one of another version, a warning."""
        self._checked = True
        ran = {r.name: r.version for r in results}
        missing = [name for name in self.model.scorers if name not in ran]
        if missing:
            available = ", ".join(sorted(ran)) or "none"
            raise ModelFileError(
                f"{self.source}: the model uses scorer(s) {', '.join(missing)}, which are not "
                f"installed or not enabled (scorers that ran: {available})"
            )
        for name in self.model.scorers:
            trained = self.model.scorer_versions[name]
            if ran[name] != trained:
                log.warning(
                    "sourcecheck: warning: %s: model trained with %s %s, installed is %s; "
                    "recalibrate to be sure the coefficients still mean what they did",
                    self.source,
                    name,
                    trained,
                    ran[name],
                )


def _absorb_rounding(points: dict[str, float], total: float) -> None:
    """Make the rounded points sum to ``total``: the rounding residue (a few 1e-4 at most)
    goes to the largest contribution, where it changes the least in relative terms."""
    residue = round(total - sum(points.values()), CONTRIBUTION_DIGITS)
    if residue and points:
        largest = max(points, key=lambda name: abs(points[name]))
        points[largest] = round(points[largest] + residue, CONTRIBUTION_DIGITS)
