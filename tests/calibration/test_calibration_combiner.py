"""The calibrated combiner: contributions add up on both scales, and it plugs into the engine."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest
from calibration_helpers import fixed_engine, make_model
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck import Config, hookimpl
from sourcecheck.calibration import (
    CalibratedCombiner,
    ModelFileError,
    explain_calibrated,
    save_model,
    sigmoid,
)
from sourcecheck.calibration.combiner import secant_slope
from sourcecheck.core.combiners import Combination
from sourcecheck.core.config import load_config
from sourcecheck.core.models import ScorerReport

SCORERS = ["anonymous_sources", "attribution_clarity", "corroboration", "hedging"]
unit = st.floats(min_value=0.0, max_value=1.0)
coefficient = st.floats(min_value=-8.0, max_value=8.0)


def _report(name: str, score: float | None, status: str = "ok") -> ScorerReport:
    return ScorerReport(name=name, version="0.1.0", status=status, score=score, confidence=1.0)


@given(
    scores=st.lists(unit, min_size=4, max_size=4),
    coefficients=st.lists(coefficient, min_size=4, max_size=4),
    means=st.lists(unit, min_size=4, max_size=4),
    scales=st.lists(st.floats(min_value=0.01, max_value=2.0), min_size=4, max_size=4),
    intercept=st.floats(min_value=-5.0, max_value=5.0),
)
def test_contributions_add_up_in_log_odds_and_in_points(
    scores: list[float],
    coefficients: list[float],
    means: list[float],
    scales: list[float],
    intercept: float,
) -> None:
    model = make_model(list(zip(SCORERS, means, scales, coefficients, strict=True)), intercept)
    results = [_report(name, score) for name, score in zip(SCORERS, scores, strict=True)]
    combination = CalibratedCombiner(model).combine(results)
    assert combination.logit is not None and combination.score is not None
    expected_logit = intercept + sum(
        c * (s - m) / sc for c, s, m, sc in zip(coefficients, scores, means, scales, strict=True)
    )
    assert combination.logit == pytest.approx(expected_logit, abs=1e-5)  # 6-decimal parts
    logit_sum = combination.baseline_logit + sum(combination.logit_contributions.values())
    assert logit_sum == pytest.approx(combination.logit, abs=1e-9)
    # Points are shown to 4 decimals: the score is the probability to that rounding.
    assert combination.score == pytest.approx(100 * sigmoid(combination.logit), abs=5.1e-5)
    points_sum = combination.baseline + sum(combination.contributions.values())
    assert points_sum == pytest.approx(combination.score, abs=1e-9)
    for name in SCORERS:
        # A feature that raised the log-odds raised the points, and the other way round.
        points, logit = combination.contributions[name], combination.logit_contributions[name]
        # (Beyond the 4-decimal rounding, which can only move a near-zero contribution.)
        assert abs(points) <= 1e-3 or math.copysign(1, points) == math.copysign(1, logit)


def test_baseline_is_the_probability_at_the_training_mean() -> None:
    model = make_model([("hedging", 0.5, 0.25, 2.0)], intercept=0.4)
    combination = CalibratedCombiner(model).combine([_report("hedging", 0.5)])
    assert combination.baseline == pytest.approx(100 * sigmoid(0.4))
    assert combination.score == pytest.approx(combination.baseline)
    assert combination.logit_contributions == {"hedging": 0.0}


def test_one_standard_deviation_adds_the_coefficient_in_log_odds() -> None:
    model = make_model([("hedging", 0.5, 0.25, 2.0)], intercept=0.0)
    combination = CalibratedCombiner(model).combine([_report("hedging", 0.75)])
    assert combination.logit_contributions["hedging"] == pytest.approx(2.0)
    assert combination.score == pytest.approx(100 / (1 + math.exp(-2.0)))


def test_a_failed_scorer_contributes_nothing_and_the_rest_still_count() -> None:
    model = make_model([("hedging", 0.5, 0.25, 2.0), ("corroboration", 0.5, 0.25, -1.0)])
    results = [_report("hedging", None, status="failed"), _report("corroboration", 0.25)]
    combination = CalibratedCombiner(model).combine(results)
    assert "hedging" not in combination.logit_contributions
    assert combination.logit_contributions["corroboration"] == pytest.approx(1.0)


def test_nothing_measured_is_unscored_not_the_base_rate() -> None:
    model = make_model([("hedging", 0.5, 0.25, 2.0)])
    combination = CalibratedCombiner(model).combine([_report("hedging", None, "failed")])
    assert combination.score is None


def test_secant_slope_is_positive_and_tends_to_the_derivative() -> None:
    assert secant_slope(0.0, 0.0) == pytest.approx(0.25)
    assert secant_slope(1.0, 1.0 + 1e-12) == pytest.approx(sigmoid(1.0) * (1 - sigmoid(1.0)))
    assert secant_slope(-30.0, 30.0) == pytest.approx(1 / 60, rel=1e-6)
    assert sigmoid(-800.0) == 0.0 and sigmoid(800.0) == 1.0  # no overflow either way


# -- through the engine and its plugins ----------------------------------------------------

STORY = "The mayor said the bridge will reopen on Monday."


def test_config_model_switches_the_engine_to_the_calibrated_combiner(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.4, 0.2, 1.0), ("beta", 0.4, 0.2, 1.0)], 0.2), path)
    engine = fixed_engine({"alpha": 0.5, "beta": 0.3}, Config(model=str(path)))
    report = engine.score(STORY)
    assert report.combiner == "calibrated"
    assert report.baseline_logit == pytest.approx(0.2)
    # alpha is +0.5 SD above the training mean, beta -0.5 SD: +0.5 and -0.5 log-odds.
    by_name = {s.name: s for s in report.scorers}
    assert by_name["alpha"].logit_contribution == pytest.approx(0.5)
    assert by_name["beta"].logit_contribution == pytest.approx(-0.5)
    assert report.logit == pytest.approx(0.2)
    assert report.score == pytest.approx(100 * sigmoid(0.2), abs=1e-4)
    assert by_name["alpha"].contribution == pytest.approx(-by_name["beta"].contribution)
    assert by_name["alpha"].weight == pytest.approx(0.5)
    assert report.baseline + sum(s.contribution for s in report.scorers) == pytest.approx(
        report.score
    )


def test_the_weighted_combiner_leaves_the_log_odds_fields_empty() -> None:
    report = fixed_engine({"alpha": 0.9}).score(STORY)
    assert report.combiner == "weighted"
    assert report.logit is None and report.baseline_logit is None
    assert report.scorers[0].logit_contribution is None


def test_relative_model_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    save_model(make_model([("alpha", 0.5, 0.2, 1.0)]), tmp_path / "models" / "m.json")
    config_file = tmp_path / "sourcecheck.toml"
    config_file.write_text('model = "models/m.json"\n', encoding="utf-8")
    config = load_config(config_file)
    # Absolute from the start, so a copy of the config in a batch worker still finds it.
    assert config.model == str(tmp_path / "models" / "m.json")
    engine = fixed_engine({"alpha": 0.7}, config)
    assert engine.combiner.name == "calibrated"
    assert engine.score(STORY).logit == pytest.approx(1.0)


def test_model_naming_a_scorer_that_is_not_installed_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("house_style", 0.5, 0.2, 1.0)]), path)
    engine = fixed_engine({"alpha": 0.5}, Config(model=str(path)))
    with pytest.raises(ModelFileError) as caught:
        engine.score(STORY)
    assert str(caught.value) == (
        f"{path}: the model uses scorer(s) house_style, which are not installed or not "
        "enabled (scorers that ran: alpha)"
    )


def test_model_trained_on_other_scorer_versions_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.5, 0.2, 1.0)]), path)  # trained on alpha 1.0
    engine = fixed_engine({"alpha": 0.5}, Config(model=str(path)), versions={"alpha": "2.0"})
    with caplog.at_level(logging.WARNING, logger="sourcecheck.calibration.combiner"):
        engine.score(STORY)
        engine.score("The council said the road will close.")
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "model trained with alpha 1.0, installed is 2.0" in warnings[0]


def test_same_scorer_versions_do_not_warn(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.5, 0.2, 1.0)]), path)
    with caplog.at_level(logging.WARNING, logger="sourcecheck.calibration.combiner"):
        fixed_engine({"alpha": 0.5}, Config(model=str(path))).score(STORY)
    assert caplog.records == []


class _HouseCombiner:
    """A newsroom's own combiner: the worst scorer decides."""

    name = "worst"

    def combine(self, results: list[ScorerReport]) -> Combination:
        scores = {r.name: r.score for r in results if r.score is not None}
        worst = min(scores, key=scores.__getitem__)
        return Combination(
            score=100 * scores[worst],
            baseline=100.0,
            contributions={worst: 100 * scores[worst] - 100},
        )


class _HousePlugin:
    @hookimpl
    def sourcecheck_combiner(self, config: Config) -> _HouseCombiner:
        return _HouseCombiner()


def test_a_plugin_combiner_registered_later_wins_over_the_built_in(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.5, 0.2, 1.0)]), path)
    engine = fixed_engine(
        {"alpha": 0.9, "house_rules": 0.2}, Config(model=str(path)), extra_plugins=(_HousePlugin(),)
    )
    report = engine.score(STORY)
    assert report.combiner == "worst"
    assert report.score == pytest.approx(20.0)


def test_explanation_names_what_raised_and_lowered_the_score(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.4, 0.2, 1.0), ("beta", 0.6, 0.2, 1.0)]), path)
    engine = fixed_engine({"alpha": 0.5, "beta": 0.5}, Config(model=str(path)))
    lines = "\n".join(explain_calibrated(engine.score(STORY)))
    assert "alpha raised it by 0.50 log-odds (+" in lines
    assert "beta lowered it by 0.50 log-odds (-" in lines
    assert explain_calibrated(fixed_engine({"alpha": 0.5}).score(STORY)) == []


def test_the_documented_newsroom_combiner_works_as_written(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "calibration.md"
    text = docs.read_text(encoding="utf-8")
    start = text.index("# newsroom_combiner.py")
    code = text[start : text.index("```", start)]
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "newsroom_combiner.py").write_text(code, encoding="utf-8")
    engine = fixed_engine({"alpha": 0.9, "house_rules": 0.2}, directories=(folder,))
    report = engine.score(STORY)
    assert report.combiner == "weakest-link"
    assert report.score == pytest.approx(20.0)  # house_rules scored 0.2, the weakest link
    assert report.baseline + sum(s.contribution for s in report.scorers) == pytest.approx(20.0)


def test_the_text_report_explains_a_calibrated_score_in_log_odds(tmp_path: Path) -> None:
    from sourcecheck.reporters.text import TextReporter

    path = tmp_path / "model.json"
    save_model(make_model([("alpha", 0.4, 0.2, 1.0), ("beta", 0.6, 0.2, 1.0)]), path)
    engine = fixed_engine({"alpha": 0.5, "beta": 0.5}, Config(model=str(path)))
    text = TextReporter(width=120).render([engine.score(STORY)])
    assert "alpha raised it by 0.50 log-odds" in text
    plain = TextReporter(width=120).render([fixed_engine({"alpha": 0.5}).score(STORY)])
    assert "log-odds" not in plain
