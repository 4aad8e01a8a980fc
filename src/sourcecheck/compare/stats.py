"""Per-group summaries and tests of whether groups (outlets, months) score differently.

Scores are bounded and often skewed, so the tests are rank-based: Kruskal-Wallis across all
groups, then pairwise Mann-Whitney U with a multiple-comparison correction (Holm controls
the family-wise error; Benjamini-Hochberg the false discovery rate). Confidence intervals
are percentile bootstraps, which assume nothing about the shape of the distribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

SCORE = "score"
VALUE = "_value"  # the compared metric, copied under one name so every step reads it
MONTH = "month"
GROUP = "group"
CORRECTIONS = ("holm", "bh")


@dataclass(frozen=True)
class CompareOptions:
    by: tuple[str, ...] = ("outlet",)
    metric: str = SCORE  # the overall score, or any numeric column: "hedging.score"...
    correction: str = "holm"
    resamples: int = 2000
    confidence: float = 0.95
    seed: int = 0
    min_n: int = 5
    alpha: float = 0.05  # a pair "differs" when its adjusted p-value is below this
    all_pairs: bool = False  # list every pair in text and reports, not only those that differ


def scorer_columns(frame: pd.DataFrame) -> list[str]:
    """``<scorer>.score`` columns of scorers that count towards the score, in name order.

    A reporting-only scorer (weight 0, such as ``corpus_matches``) contributes exactly 0 to
    every article: it says something in the report but is not part of the score's profile.
    It can still be compared on its own with ``--metric NAME.score``.
    """
    return sorted(
        c
        for c in frame.columns
        if c.endswith(".score") and c != SCORE and not _reporting_only(frame, c)
    )


def _reporting_only(frame: pd.DataFrame, score_column: str) -> bool:
    contribution = score_column.removesuffix(".score") + ".contribution"
    if contribution not in frame.columns:
        return False
    values = pd.to_numeric(frame[contribution], errors="coerce").dropna()
    return bool(len(values)) and bool((values == 0).all())


def with_groups(frame: pd.DataFrame, by: Sequence[str], metric: str = SCORE) -> pd.DataFrame:
    """Scored rows with a value for ``metric``, labelled with a ``group`` from ``by``."""
    frame = frame.copy()
    if MONTH in by and MONTH not in frame.columns:
        published = pd.to_datetime(
            frame.get("published"), utc=True, errors="coerce", format="ISO8601"
        )
        frame[MONTH] = published.dt.strftime("%Y-%m")
    missing = [column for column in (*by, metric) if column not in frame.columns]
    if missing:
        known = ", ".join(c for c in frame.columns if "." not in c)
        raise KeyError(f"no column {', '.join(missing)} in the results (have: {known}, month)")
    ok = frame["status"].eq("ok") if "status" in frame.columns else True
    frame = frame[ok & pd.to_numeric(frame[metric], errors="coerce").notna()]
    frame[VALUE] = pd.to_numeric(frame[metric], errors="coerce").astype(float)
    labels = frame[list(by)].astype("string").fillna("(unknown)")
    frame[GROUP] = labels.agg(" / ".join, axis=1) if len(by) > 1 else labels[by[0]]
    return frame


def bootstrap_ci(
    values: np.ndarray, statistic: Any, options: CompareOptions
) -> tuple[float, float]:
    """Percentile bootstrap CI; NaN when there are fewer than two values."""
    values = values[~np.isnan(values)]
    if len(values) < 2:
        return float("nan"), float("nan")
    if np.all(values == values[0]):
        return float(values[0]), float(values[0])  # no spread, nothing to resample
    result = stats.bootstrap(
        (values,),
        statistic,
        n_resamples=options.resamples,
        confidence_level=options.confidence,
        method="percentile",
        vectorized=True,
        rng=np.random.default_rng(options.seed),
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def group_table(frame: pd.DataFrame, options: CompareOptions) -> pd.DataFrame:
    """One row per group: n, mean and median score with bootstrap CIs, each scorer's mean."""
    scorers = scorer_columns(frame)
    rows = []
    for name, group in frame.groupby(GROUP, sort=True):
        scores = group[VALUE].to_numpy(dtype=float)
        mean_ci = bootstrap_ci(scores, np.mean, options)
        median_ci = bootstrap_ci(scores, np.median, options)
        row: dict[str, Any] = {
            GROUP: name,
            "n": len(scores),
            "mean": float(np.mean(scores)),
            "mean_low": mean_ci[0],
            "mean_high": mean_ci[1],
            "median": float(np.median(scores)),
            "median_low": median_ci[0],
            "median_high": median_ci[1],
        }
        for column in scorers:
            values = group[column].to_numpy(dtype=float)
            low, high = bootstrap_ci(values, np.mean, options)
            row[f"{column}.mean"] = (
                float(np.nanmean(values)) if np.any(~np.isnan(values)) else np.nan
            )
            row[f"{column}.low"], row[f"{column}.high"] = low, high
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass
class TestResult:
    test: str = "kruskal-wallis"
    statistic: float = float("nan")
    p_value: float = float("nan")
    groups: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    note: str = ""
    pairwise: list[dict[str, Any]] = field(default_factory=list)

    def differing_pairs(self, alpha: float) -> list[dict[str, Any]]:
        return [p for p in self.pairwise if p["p_adjusted"] < alpha]

    def as_dict(self) -> dict[str, Any]:
        return {
            "test": self.test,
            "statistic": _finite(self.statistic),
            "p_value": _finite(self.p_value),
            "groups": self.groups,
            "excluded_small_groups": self.excluded,
            "note": self.note,
            "pairwise": self.pairwise,
        }


def group_tests(frame: pd.DataFrame, options: CompareOptions) -> TestResult:
    """Kruskal-Wallis over groups with at least ``min_n`` articles, then corrected pairs."""
    samples = {str(k): g[VALUE].to_numpy(dtype=float) for k, g in frame.groupby(GROUP, sort=True)}
    result = TestResult(
        groups=[k for k, v in samples.items() if len(v) >= options.min_n],
        excluded=[k for k, v in samples.items() if len(v) < options.min_n],
    )
    tested = {k: samples[k] for k in result.groups}
    if len(tested) < 2:
        result.note = f"fewer than two groups with at least {options.min_n} articles"
        return result
    pooled = np.concatenate(list(tested.values()))
    if np.all(pooled == pooled[0]):
        result.statistic, result.p_value = 0.0, 1.0
        result.note = "every score is identical: no difference to test"
    else:
        statistic, p_value = stats.kruskal(*tested.values())
        result.statistic, result.p_value = float(statistic), float(p_value)
    result.pairwise = pairwise_tests(tested, options.correction)
    return result


def pairwise_tests(samples: dict[str, np.ndarray], correction: str) -> list[dict[str, Any]]:
    """Two-sided Mann-Whitney U for each pair, with corrected p-values and an effect size."""
    pairs = []
    for a, b in combinations(samples, 2):
        x, y = samples[a], samples[b]
        if np.all(np.concatenate([x, y]) == x[0]):
            u_stat, p_value = len(x) * len(y) / 2.0, 1.0
        else:
            u_stat, p_value = stats.mannwhitneyu(x, y, alternative="two-sided")
        pairs.append(
            {
                "a": a,
                "b": b,
                "n_a": len(x),
                "n_b": len(y),
                "u": float(u_stat),
                # P(score_a > score_b) + ties/2: 0.5 means no difference.
                "prob_a_higher": float(u_stat) / (len(x) * len(y)),
                "p_value": float(p_value),
            }
        )
    adjusted = adjust_p_values([p["p_value"] for p in pairs], correction)
    for pair, p_adjusted in zip(pairs, adjusted, strict=True):
        pair["p_adjusted"] = p_adjusted
    return pairs


def adjust_p_values(p_values: Sequence[float], correction: str) -> list[float]:
    """Holm step-down or Benjamini-Hochberg adjusted p-values, in the input order."""
    if not p_values:
        return []
    values = np.asarray(p_values, dtype=float)
    if correction == "bh":
        return [float(v) for v in stats.false_discovery_control(values, method="bh")]
    if correction != "holm":
        raise ValueError(f"unknown correction '{correction}' (known: {', '.join(CORRECTIONS)})")
    order = np.argsort(values)
    m = len(values)
    stepped = np.maximum.accumulate((m - np.arange(m)) * values[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return [float(v) for v in adjusted]


def _finite(value: float) -> float | None:
    return None if value is None or np.isnan(value) else float(value)
