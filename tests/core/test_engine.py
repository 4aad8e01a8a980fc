from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from engine_support import (
    COUNCIL,
    COUNCIL_BODY,
    FixedScorer,
    RaisingScorer,
    ReturningScorer,
    engine_with,
    span_of,
)

import sourcecheck
from sourcecheck import Article, Finding, ScorerResult, Span, hookimpl
from sourcecheck.core.config import Config, load_config
from sourcecheck.core.engine import Engine, ScorerFailure
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.models import Report
from sourcecheck.plugins.manager import PluginManager


def ok_names(report: Report) -> list[str]:
    return [s.name for s in report.scorers if s.status == "ok"]


def assert_adds_up(report: Report) -> None:
    assert report.score is not None
    total = report.baseline + sum(s.contribution for s in report.scorers if s.status == "ok")
    assert report.score == pytest.approx(total, abs=1e-6)


def test_report_explains_the_score_with_contributions() -> None:
    report = engine_with(FixedScorer("high", 0.9), FixedScorer("low", 0.3)).score(COUNCIL)
    assert_adds_up(report)
    by_name = {s.name: s for s in report.scorers}
    assert by_name["high"].contribution > 0 > by_name["low"].contribution
    assert report.score == pytest.approx(60.0)
    assert report.band == "adequately sourced"
    assert report.versions["high"] == "1.0"
    assert report.versions["sourcecheck"] == sourcecheck.__version__


def test_a_raising_scorer_is_failed_and_the_rest_stands() -> None:
    report = engine_with(FixedScorer("good", 0.8), RaisingScorer()).score(COUNCIL)
    broken = next(s for s in report.scorers if s.name == "raising")
    assert broken.status == "failed"
    assert "RuntimeError: lexicon file vanished" in (broken.error or "")
    assert broken.contribution == 0.0 and broken.weight == 0.0
    assert ok_names(report) == ["good"]
    assert report.score == pytest.approx(80.0)
    assert [e.plugin for e in report.errors] == ["raising"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"score": 0.5}, "returned dict, not ScorerResult"),
        (None, "returned NoneType"),
        (
            ScorerResult.model_construct(
                score=1.7, confidence=1.0, summary="", metrics={}, findings=[]
            ),
            "invalid result",
        ),
        (
            ScorerResult.model_construct(
                score=math.nan, confidence=1.0, summary="", metrics={}, findings=[]
            ),
            "invalid result",
        ),
        (
            ScorerResult.model_construct(
                score=0.5, confidence=-1.0, summary="", metrics={}, findings=[]
            ),
            "invalid result",
        ),
    ],
)
def test_an_invalid_result_is_failed_with_its_problem(value: object, problem: str) -> None:
    report = engine_with(FixedScorer("good", 0.6), ReturningScorer(value)).score(COUNCIL)
    bad = next(s for s in report.scorers if s.name == "returning")
    assert bad.status == "failed"
    assert problem in (bad.error or "")
    assert report.score == pytest.approx(60.0)


def test_a_finding_whose_span_is_not_in_the_body_fails_the_scorer() -> None:
    wrong = Span(start=0, end=5, text="Mayor")  # the body starts with "The c"
    result = ScorerResult(
        score=0.5, findings=[Finding(rule="returning/x", message="m", span=wrong)]
    )
    report = engine_with(ReturningScorer(result)).score(COUNCIL)
    assert report.scorers[0].status == "failed"
    assert "does not match the article body" in (report.scorers[0].error or "")
    assert report.score is None and report.band == "unscored"


def test_strict_mode_turns_a_scorer_failure_into_an_error() -> None:
    engine = Engine(Config(strict=True), scorers=[RaisingScorer()])
    with pytest.raises(ScorerFailure, match="scorer 'raising' failed"):
        engine.score(COUNCIL)


def test_strict_mode_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_STRICT", "1")
    engine = Engine(scorers=[RaisingScorer()])
    assert engine.strict
    with pytest.raises(ScorerFailure):
        engine.score(COUNCIL)


def test_a_scorer_over_its_time_budget_is_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fake clock: the scorer appears to take 30 s without the test waiting for it.
    clock = itertools.count(step=30.0)
    monkeypatch.setattr("sourcecheck.core.engine.time.perf_counter", lambda: next(clock))
    report = engine_with(FixedScorer("slow", 0.9), time_budget=10.0).score(COUNCIL)
    assert report.scorers[0].status == "failed"
    assert "over its time budget of 10.0s" in (report.scorers[0].error or "")


def test_findings_get_line_and_column_of_their_first_character() -> None:
    report = engine_with(FixedScorer("flags", 0.5, flag="Maria Lopez")).score(COUNCIL)
    finding = report.scorers[0].findings[0]
    line_three = COUNCIL_BODY.split("\n")[2]
    assert (finding.line, finding.column) == (3, line_three.index("Maria Lopez") + 1)
    assert finding.column == 26
    assert finding.span is not None and finding.span.text == "Maria Lopez"
    assert finding.rule == "flags/flagged"


def test_rule_levels_override_severity_or_switch_a_rule_off() -> None:
    scorer = FixedScorer("flags", 0.5, flag="officials said")
    raised = engine_with(scorer, rules={"flags/flagged": "error"}).score(COUNCIL)
    assert raised.scorers[0].findings[0].severity == "error"
    silenced = engine_with(scorer, rules={"flags/flagged": "off"}).score(COUNCIL)
    assert silenced.scorers[0].findings == []


def test_enable_and_disable_choose_the_scorers() -> None:
    scorers = (FixedScorer("a", 0.2), FixedScorer("b", 0.4), FixedScorer("c", 0.6))
    assert ok_names(engine_with(*scorers, enable=["a", "c"]).score(COUNCIL)) == ["a", "c"]
    assert ok_names(engine_with(*scorers, disable=["b"]).score(COUNCIL)) == ["a", "c"]


def test_an_unknown_scorer_name_is_an_error_listing_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"^enable: unknown scorer 'nope' \(available: a\)"):
        engine_with(FixedScorer("a", 0.5), enable=["nope"])


def test_an_unknown_scorer_in_a_config_file_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "sourcecheck.toml"
    path.write_text("[weights]\nhedgin = 2.0\n")
    with pytest.raises(ConfigError) as caught:
        Engine(load_config(path), scorers=[FixedScorer("hedging", 0.5)])
    assert str(caught.value) == (f"{path}: weights: unknown scorer 'hedgin' (available: hedging)")


def test_scorer_options_are_validated_by_the_scorer(tmp_path: Path) -> None:
    engine = engine_with(FixedScorer("a", 0.5), scorer={"a": {"threshold": 7}})
    assert engine.scorers[0].options.threshold == 7  # type: ignore[attr-defined]
    config_file = tmp_path / "sourcecheck.toml"
    config_file.write_text("[scorer.a]\nthreshhold = 2\n")
    with pytest.raises(ConfigError) as caught:
        Engine(load_config(config_file), scorers=[FixedScorer("a", 0.5)])
    message = str(caught.value)
    assert str(config_file) in message
    assert "scorer 'a'" in message and "'threshhold'" in message


def test_a_bad_option_value_names_scorer_key_and_problem() -> None:
    with pytest.raises(
        ConfigError, match=r"scorer 'a': option 'threshold': .*greater than or equal to 0"
    ):
        engine_with(FixedScorer("a", 0.5), scorer={"a": {"threshold": -1}})


def test_two_scorers_with_one_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="two scorers are named 'twin'"):
        engine_with(FixedScorer("twin", 0.5), FixedScorer("twin", 0.7))


def test_the_same_input_gives_byte_identical_json() -> None:
    scorers = (FixedScorer("a", 0.35, 0.6, flag="may"), FixedScorer("b", 0.9, flag="said"))
    first = engine_with(*scorers).score(COUNCIL).to_json()
    again = engine_with(*scorers).score(COUNCIL.model_copy()).to_json()
    assert first == again
    assert json.loads(first)["article"]["id"] == COUNCIL.id


def test_score_batch_is_lazy() -> None:
    def endless() -> itertools.count:
        for n in itertools.count():
            yield Article(body=f"Story number {n}, the clerk said.")

    stream = engine_with(FixedScorer("a", 0.5)).score_batch(endless())
    reports = list(itertools.islice(stream, 3))
    assert [r.article.id for r in reports] == [
        Article(body=f"Story number {n}, the clerk said.").id for n in range(3)
    ]


def test_public_score_function_takes_text_or_article_and_config() -> None:
    report = sourcecheck.score("The port authority said the ferry would run on Sunday.")
    assert report.score is not None and 0 <= report.score <= 100
    only_one = sourcecheck.score(COUNCIL, config=Config(enable=["hedging"]))
    assert [s.name for s in only_one.scorers] == ["hedging"]
    assert only_one.article.title == COUNCIL.title
    from_dict = sourcecheck.score(COUNCIL, config={"disable": ["hedging"]})
    assert "hedging" not in [s.name for s in from_dict.scorers]
    with pytest.raises(ConfigError, match="config: unknown key 'enabel'"):
        sourcecheck.score(COUNCIL, config={"enabel": ["hedging"]})


def test_declared_non_english_is_scored_with_a_warning() -> None:
    article = Article(body=COUNCIL_BODY, language="de")
    report = engine_with(FixedScorer("a", 0.5)).score(article)
    assert report.score is not None
    assert any("'de'" in w for w in report.warnings)


def test_undeclared_non_english_is_detected_and_warned_about() -> None:
    body = (
        "El consejo municipal aprobó ayer el presupuesto del puerto después de una larga "
        "sesión. Según la presidenta del consejo, María López, no había otra opción para "
        "mantener abiertos los muelles durante el invierno próximo."
    )
    report = engine_with(FixedScorer("a", 0.5)).score(Article(body=body))
    assert report.score is not None
    assert any("does not look like English" in w for w in report.warnings)
    assert engine_with(FixedScorer("a", 0.5)).score(COUNCIL).warnings == []


class _BrokenEnricher:
    @hookimpl
    def sourcecheck_enrich_analysis(self, article: Article, analysis: object) -> None:
        raise KeyError("gazetteer")


def test_a_raising_analysis_enricher_is_reported_and_scoring_goes_on() -> None:
    plugins = PluginManager.default(entry_points=False)
    plugins.register(_BrokenEnricher(), name="gazetteer-plugin")
    engine = Engine(Config(), plugins=plugins, scorers=[FixedScorer("a", 0.7)])
    report = engine.score(COUNCIL)
    assert report.score == pytest.approx(70.0)
    assert any(e.plugin == "gazetteer-plugin" and "KeyError" in e.message for e in report.errors)


def test_report_keeps_the_body_in_memory_but_not_in_json() -> None:
    report = engine_with(FixedScorer("a", 0.5)).score(COUNCIL)
    assert report.body == COUNCIL_BODY
    assert '"body"' not in report.to_json()
    assert json.dumps(COUNCIL_BODY) not in report.to_json()
    assert Report.model_validate_json(report.to_json()).body is None


def test_span_of_helper_is_exact() -> None:
    assert span_of(COUNCIL_BODY, "Critics").text == "Critics"


class _NotApplicable(FixedScorer):
    def score(self, article: Article, analysis: object) -> ScorerResult:  # type: ignore[override]
        raise sourcecheck.SkipScorer("no quotes to check")


def test_a_scorer_can_skip_an_article_without_failing() -> None:
    engine = engine_with(FixedScorer("a", 0.8), _NotApplicable("quotes", 0.0), strict=True)
    report = engine.score(COUNCIL)
    skipped = next(s for s in report.scorers if s.name == "quotes")
    assert (skipped.status, skipped.summary, skipped.score) == (
        "skipped",
        "no quotes to check",
        None,
    )
    assert skipped.contribution == 0.0
    assert report.errors == []
    assert report.score == pytest.approx(80.0)


def test_options_of_a_disabled_scorer_are_checked_too() -> None:
    with pytest.raises(ConfigError, match="scorer 'b': option 'treshold'"):
        engine_with(
            FixedScorer("a", 0.5),
            FixedScorer("b", 0.5),
            disable=["b"],
            scorer={"b": {"treshold": 1}},
        )
