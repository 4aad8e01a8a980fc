"""Fitting: grouped folds never leak a group, features and labels are read as documented."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.calibration.data import parse_label
from sourcecheck.calibration.features import FeatureSpec, candidate_values
from sourcecheck.calibration.fit import (
    CalibrationError,
    Collected,
    _common_metrics,
    auc,
    choose_features,
    grouped_folds,
    informative,
    reliability_bins,
)
from sourcecheck.core.errors import ConfigError, InputError
from sourcecheck.core.models import ScorerReport


@st.composite
def grouped_labels(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, int]:
    n_groups = draw(st.integers(min_value=3, max_value=12))
    sizes = draw(st.lists(st.integers(1, 6), min_size=n_groups, max_size=n_groups))
    groups = np.repeat([f"outlet-{i}" for i in range(n_groups)], sizes)
    labels = np.array(draw(st.lists(st.integers(0, 1), min_size=len(groups), max_size=len(groups))))
    folds = draw(st.integers(min_value=2, max_value=6))
    return labels, groups, folds


@pytest.mark.filterwarnings("ignore:The least populated class:UserWarning")
@settings(max_examples=60, deadline=None)
@given(data=grouped_labels(), seed=st.integers(0, 1000))
def test_grouped_cv_never_puts_one_group_in_both_train_and_test(
    data: tuple[np.ndarray, np.ndarray, int], seed: int
) -> None:
    labels, groups, folds = data
    splits = grouped_folds(labels, groups, folds, seed)
    tested = np.concatenate([test for _, test in splits])
    assert sorted(tested) == list(range(len(labels)))  # every article tested exactly once
    for train, test in splits:
        assert not set(groups[train]) & set(groups[test])


def test_too_few_groups_for_grouped_cv_is_a_clear_error() -> None:
    with pytest.raises(CalibrationError, match="at least 3 groups, got 2"):
        grouped_folds(np.array([0, 1, 0, 1]), np.array(["a", "a", "b", "b"]), 5)


def test_auc_is_none_when_only_one_label_is_present() -> None:
    assert auc(np.array([1, 1, 1]), np.array([0.2, 0.5, 0.9])) is None
    assert auc(np.array([0, 1, 1]), np.array([0.2, np.nan, 0.9])) == 1.0


def test_reliability_bins_cover_every_prediction_once() -> None:
    labels = np.array([0, 0, 1, 1, 1, 0])
    probability = np.array([0.05, 0.15, 0.55, 0.95, 1.0, 0.0])
    bins = reliability_bins(labels, probability)
    assert sum(b.count for b in bins) == len(labels)
    top = bins[-1]
    assert (top.lower, top.upper, top.count, top.observed) == (0.8, 1.0, 2, 1.0)


def test_candidate_values_read_scores_confidences_and_numeric_metrics_only() -> None:
    report = ScorerReport(
        name="hedging",
        version="1",
        status="ok",
        score=0.8,
        confidence=0.5,
        metrics={"hedges": 3, "share": 0.25, "flagged": True, "label": "high", "none": None},
    )
    failed = ScorerReport(name="corroboration", version="1", status="failed", score=None)
    assert candidate_values([report, failed]) == {
        "hedging": 0.8,
        "hedging:confidence": 0.5,
        "hedging.hedges": 3.0,
        "hedging.share": 0.25,
        "hedging.flagged": 1.0,
    }


def test_feature_specs_parse_and_name_round_trip() -> None:
    for text in ["hedging", "hedging:confidence", "hedging.writer.per_100_words"]:
        assert FeatureSpec.parse(text).name == text
    assert FeatureSpec.parse("hedging.share") == FeatureSpec("hedging", "metric", "share")
    with pytest.raises(ConfigError, match="metric name missing"):
        FeatureSpec.parse("hedging.")


def test_all_metrics_keeps_common_varying_metrics_only() -> None:
    collected = Collected(
        values=[
            {"h": 0.5, "h.varies": 1.0, "h.constant": 2.0, "h.rare": 1.0},
            {"h": 0.6, "h.varies": 3.0, "h.constant": 2.0},
            {"h": 0.7, "h.varies": 2.0, "h.constant": 2.0},
        ]
    )
    assert _common_metrics(collected) == [FeatureSpec("h", "metric", "varies")]


@pytest.mark.parametrize(
    ("value", "label"),
    [(1, 1), (0, 0), (True, 1), ("1", 1), ("0", 0), ("yes", 1), ("False", 0), (1.0, 1)],
)
def test_labels_are_read_as_zero_or_one(value: object, label: int) -> None:
    assert parse_label(value, "reliable", "data.csv", 3) == label


@pytest.mark.parametrize("value", [None, "", "maybe", 2, 0.5])
def test_other_labels_are_errors_naming_file_line_and_field(value: object) -> None:
    with pytest.raises(InputError, match=r"^data\.csv:3: .*'reliable'"):
        parse_label(value, "reliable", "data.csv", 3)


def test_constant_and_unmeasured_features_are_left_out_by_name() -> None:
    specs = [FeatureSpec("a"), FeatureSpec("b"), FeatureSpec("c")]
    x = np.array([[0.2, 1.0, np.nan], [0.4, 1.0, np.nan], [np.nan, 1.0, np.nan]])
    assert informative(specs, x) == ([FeatureSpec("a")], ["b", "c"])
    with pytest.raises(CalibrationError, match="no feature varies"):
        informative(specs[1:], x[:, 1:])


def test_features_default_to_every_score_and_unknown_scorers_fail_before_scoring() -> None:
    assert choose_features([], ["b", "a"]) == [FeatureSpec("b"), FeatureSpec("a")]
    with pytest.raises(CalibrationError, match=r"feature scorer\(s\) house not enabled"):
        choose_features([FeatureSpec.parse("house.rate")], ["a", "b"])


@pytest.mark.filterwarnings("ignore:The least populated class:UserWarning")
def test_folds_are_capped_by_the_largest_label_not_refused() -> None:
    # Found by the property test above: 3 groups, labels [0, 0, 1], 3 folds asked for.
    splits = grouped_folds(np.array([0, 0, 1]), np.array(["a", "b", "c"]), 3, seed=0)
    assert len(splits) == 2
    assert sorted(np.concatenate([test for _, test in splits])) == [0, 1, 2]


def test_folds_fit_the_groups_of_each_label() -> None:
    # Six outlets, three of each label (the example corpus's shape): five folds would leave
    # test folds of one label only; three folds put one outlet of each label in every fold.
    groups = np.repeat([f"outlet-{i}" for i in range(6)], 4)
    labels = np.repeat([1, 0, 1, 0, 1, 0], 4)
    splits = grouped_folds(labels, groups, 5, seed=0)
    assert len(splits) == 3
    for _, test in splits:
        assert set(labels[test]) == {0, 1}


def test_a_label_in_too_few_groups_is_an_error_that_says_what_to_do() -> None:
    from sourcecheck.calibration.fit import _check_groups_per_label

    groups = np.array(["a", "b", "c", "d", "e"])
    with pytest.raises(CalibrationError, match=r"reliable=1 is found in only 2 group\(s\)"):
        _check_groups_per_label(np.array([1, 1, 0, 0, 0]), groups, "reliable")
    _check_groups_per_label(np.array([1, 1, 1, 0, 0, 0]), np.append(groups, "f"), "reliable")
