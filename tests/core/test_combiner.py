from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck.core.combiners import WeightedCombiner, band_for
from sourcecheck.core.config import Band, Config
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.models import ScorerReport


def ok(name: str, score: float, confidence: float = 1.0) -> ScorerReport:
    return ScorerReport(name=name, version="1", status="ok", score=score, confidence=confidence)


def failed(name: str) -> ScorerReport:
    return ScorerReport(name=name, version="1", status="failed", error="boom")


results_strategy = st.lists(
    st.builds(
        ok,
        name=st.sampled_from(["a", "b", "c", "d", "e"]),
        score=st.floats(0, 1),
        confidence=st.floats(0, 1),
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda r: r.name,
)


@given(results_strategy, st.dictionaries(st.sampled_from("abcde"), st.floats(0, 10)))
def test_baseline_plus_contributions_is_the_score(
    results: list[ScorerReport], weights: dict[str, float]
) -> None:
    combination = WeightedCombiner(weights).combine(results)
    if combination.score is None:
        assert all(weights.get(r.name, 1.0) == 0 for r in results)
        return
    total = combination.baseline + sum(combination.contributions.values())
    assert combination.score == pytest.approx(total, abs=1e-6)
    assert 0.0 <= combination.score <= 100.0


def test_equal_scorers_split_the_weight_and_move_the_score_their_way() -> None:
    combination = WeightedCombiner().combine([ok("a", 1.0), ok("b", 0.0)])
    assert combination.contributions == {"a": 25.0, "b": -25.0}
    assert combination.score == 50.0


def test_lower_confidence_means_less_weight() -> None:
    combination = WeightedCombiner().combine([ok("sure", 0.9, 1.0), ok("unsure", 0.1, 0.25)])
    assert combination.weights["sure"] == pytest.approx(0.8)
    assert combination.weights["unsure"] == pytest.approx(0.2)
    assert combination.score == pytest.approx(50 + 80 * 0.4 - 20 * 0.4)


def test_configured_weights_scale_the_share() -> None:
    combination = WeightedCombiner({"a": 3.0}).combine([ok("a", 1.0), ok("b", 1.0)])
    assert combination.weights == {"a": 0.75, "b": 0.25}


def test_failed_scorers_are_left_out_of_the_combination() -> None:
    combination = WeightedCombiner().combine([ok("a", 0.8), failed("broken")])
    assert "broken" not in combination.contributions
    assert combination.score == pytest.approx(80.0)


def test_no_usable_scorer_gives_no_score() -> None:
    combination = WeightedCombiner().combine([failed("a")])
    assert combination.score is None
    assert band_for(combination.score) == "unscored"


def test_zero_confidence_everywhere_falls_back_to_configured_weights() -> None:
    combination = WeightedCombiner({"a": 1.0, "b": 0.0}).combine(
        [ok("a", 1.0, 0.0), ok("b", 0.0, 0.0)]
    )
    assert combination.weights == {"a": 1.0, "b": 0.0}
    assert combination.score == 100.0


def test_all_weights_zero_means_unscored_not_a_division_by_zero() -> None:
    combination = WeightedCombiner({"a": 0.0}).combine([ok("a", 0.9)])
    assert combination.score is None


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (100.0, "well sourced"),
        (80.0, "well sourced"),
        (79.99, "adequately sourced"),
        (40.0, "thinly sourced"),
        (0.0, "poorly sourced"),
    ],
)
def test_default_bands(score: float, label: str) -> None:
    assert band_for(score) == label


def test_custom_bands_are_used_in_order_of_their_minimum() -> None:
    bands = [Band(min=0, label="weak"), Band(min=70, label="strong")]
    assert band_for(69.9, bands) == "weak"
    assert band_for(70.0, bands) == "strong"


def test_bands_must_start_at_zero() -> None:
    with pytest.raises(ValueError, match="lowest band must have min = 0"):
        Config(bands=[{"min": 10, "label": "some"}])


def test_band_gap_in_a_config_file_is_an_error_naming_the_file(tmp_path) -> None:
    from sourcecheck.core.config import load_config

    path = tmp_path / "sourcecheck.toml"
    path.write_text('bands = [{min = 50, label = "ok"}]\n')
    with pytest.raises(ConfigError, match=r"sourcecheck\.toml: key 'bands'"):
        load_config(path)


def test_rounding_drift_past_zero_is_absorbed_so_the_sum_still_holds() -> None:
    # Three equal weights of 1/3: each contribution rounds to -16.6667, summing to -50.0001.
    combination = WeightedCombiner().combine([ok("a", 0.0), ok("b", 0.0), ok("c", 0.0)])
    assert combination.score == 0.0
    total = combination.baseline + sum(combination.contributions.values())
    assert total == pytest.approx(0.0, abs=1e-9)
