from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from sourcecheck.compare.stats import (
    CompareOptions,
    adjust_p_values,
    bootstrap_ci,
    group_table,
    group_tests,
    with_groups,
)


def _frame(shifts: dict[str, float], n: int = 40, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, shift in shifts.items():
        for i in range(n):
            score = float(np.clip(rng.normal(50 + shift, 8), 0, 100))
            rows.append(
                {
                    "id": f"{outlet}-{i}",
                    "outlet": outlet,
                    "published": f"2025-{i % 3 + 1:02d}-10",
                    "status": "ok",
                    "score": score,
                    "hedging.score": score / 100,
                }
            )
    return pd.DataFrame(rows)


def test_groups_that_differ_are_detected_and_equal_ones_are_not() -> None:
    options = CompareOptions(resamples=500)
    different = group_tests(with_groups(_frame({"A": 0, "B": 20}), ("outlet",)), options)
    assert different.p_value < 0.001
    assert different.pairwise[0]["p_adjusted"] < 0.001
    assert different.pairwise[0]["prob_a_higher"] < 0.2  # A scores below B
    same = group_tests(with_groups(_frame({"A": 0, "B": 0, "C": 0}), ("outlet",)), options)
    assert same.p_value > 0.01


def test_table_has_counts_means_medians_and_intervals_around_them() -> None:
    frame = _frame({"A": 0, "B": 15})
    frame.loc[0, "status"] = "failed"  # failed rows are not scores
    table = group_table(with_groups(frame, ("outlet",)), CompareOptions(resamples=500))
    a = table.set_index("group").loc["A"]
    assert a["n"] == 39
    assert a["mean_low"] <= a["mean"] <= a["mean_high"]
    assert a["median_low"] <= a["median"] <= a["median_high"]
    assert a["hedging.score.low"] <= a["hedging.score.mean"] <= a["hedging.score.high"]


def test_month_groups_come_from_published_dates() -> None:
    grouped = with_groups(_frame({"A": 0}), ("outlet", "month"))
    assert set(grouped["group"]) == {"A / 2025-01", "A / 2025-02", "A / 2025-03"}


def test_unknown_group_column_is_named() -> None:
    with pytest.raises(KeyError, match="section"):
        with_groups(_frame({"A": 0}), ("section",))


def test_identical_scores_are_reported_not_crashed() -> None:
    frame = _frame({"A": 0, "B": 0})
    frame["score"] = 50.0
    result = group_tests(with_groups(frame, ("outlet",)), CompareOptions())
    assert result.p_value == 1.0 and "identical" in result.note


def test_small_groups_are_left_out_of_tests() -> None:
    frame = pd.concat([_frame({"A": 0, "B": 5}), _frame({"C": 0}, n=3)])
    result = group_tests(with_groups(frame, ("outlet",)), CompareOptions(min_n=5))
    assert result.excluded == ["C"] and result.groups == ["A", "B"]


def test_holm_matches_the_textbook_example() -> None:
    # Holm (1979) step-down: sorted p * (m - rank), made monotone, capped at 1.
    assert adjust_p_values([0.01, 0.04, 0.03, 0.005], "holm") == pytest.approx(
        [0.03, 0.06, 0.06, 0.02]
    )


def test_bh_is_scipys_benjamini_hochberg() -> None:
    p = [0.01, 0.04, 0.03, 0.005, 0.5]
    assert adjust_p_values(p, "bh") == pytest.approx(stats.false_discovery_control(p))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=12), st.sampled_from(["holm", "bh"]))
def test_adjusted_p_values_never_shrink_and_stay_below_one(p: list[float], method: str) -> None:
    adjusted = adjust_p_values(p, method)
    assert all(a >= raw - 1e-12 and a <= 1.0 for a, raw in zip(adjusted, p, strict=True))


def test_bootstrap_interval_is_reproducible_with_a_seed() -> None:
    values = np.random.default_rng(0).normal(60, 10, 50)
    options = CompareOptions(resamples=300, seed=5)
    assert bootstrap_ci(values, np.mean, options) == bootstrap_ci(values, np.mean, options)
    low, high = bootstrap_ci(values, np.mean, options)
    assert low < values.mean() < high
