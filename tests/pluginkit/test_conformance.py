"""check_scorer: each contract breach is caught, named precisely, and a good scorer passes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import ClassVar

import pytest

from sourcecheck import Analysis, Analyzer, Article, Finding, Scorer, ScorerResult, Span
from sourcecheck.testing import BUDGET_ENV, ConformanceError, check_scorer, conformance_inputs

_SAID = re.compile(r"\bsaid\b")


class SaidScorer(Scorer):
    """A well-behaved scorer: flags every 'said', spans in code points."""

    name = "said_counter"
    version = "1.0"
    rules: ClassVar[dict[str, str]] = {"said": "The word 'said'."}

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        body = article.body
        findings = [
            self.finding("said", "said", Span.of(body, m.start(), m.end()), "suggestion")
            for m in _SAID.finditer(body)
        ]
        return ScorerResult(score=1 / (1 + len(findings)), findings=findings)


def problems_of(scorer: Scorer, **kwargs: object) -> str:
    with pytest.raises(ConformanceError) as caught:
        check_scorer(scorer, huge_words=2_000, **kwargs)  # type: ignore[arg-type]
    assert caught.value.scorer_name == scorer.name
    return str(caught.value)


def test_a_correct_scorer_passes_and_every_input_is_timed() -> None:
    report = check_scorer(SaidScorer(), extra_inputs={"mine": "The chief said no."})
    assert set(report.seconds) == {*conformance_inputs(), "mine"}
    assert report.words["mine"] == 4
    assert report.words["huge"] >= 20_000
    assert report.words["empty"] == 0


def test_the_inputs_cover_empty_non_ascii_and_astral_text() -> None:
    bodies = {name: article.body for name, article in conformance_inputs().items()}
    assert bodies["empty"] == ""
    assert any(ord(char) > 0xFFFF for char in bodies["non-ascii"])  # emoji: not UTF-16 safe
    assert "\u2028" in bodies["odd-whitespace"]


def test_conformance_error_is_an_assertion_error_so_pytest_reports_it() -> None:
    assert issubclass(ConformanceError, AssertionError)


class CrashesOnEmpty(SaidScorer):
    name = "crashes"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        per_sentence = analysis.word_count / len(analysis.sentences)
        return ScorerResult(score=min(1.0, per_sentence / 100))


def test_an_exception_names_the_input_the_error_and_the_line() -> None:
    message = problems_of(CrashesOnEmpty())
    assert "input 'empty' (0 words): raised ZeroDivisionError: division by zero" in message
    assert re.search(r"\(at test_conformance\.py:\d+ in score\)", message)
    assert "input 'news'" not in message  # only the inputs that fail are listed


class ScoreAboveOne(SaidScorer):
    name = "above_one"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult.model_construct(score=1.5, confidence=1.0, metrics={}, findings=[])


def test_a_score_outside_zero_one_is_caught() -> None:
    assert "score 1.5 is outside [0, 1]" in problems_of(ScoreAboveOne())


class NaNMetric(SaidScorer):
    name = "nan_metric"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult(score=1.0, metrics={"ratio": float("nan")})


def test_a_nan_metric_is_caught() -> None:
    assert "metric 'ratio' is nan" in problems_of(NaNMetric())


class ReturnsDict(SaidScorer):
    name = "returns_dict"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return {"score": 1.0}  # type: ignore[return-value]


def test_returning_the_wrong_type_is_caught() -> None:
    assert "returned dict, not ScorerResult" in problems_of(ReturnsDict())


class UTF8Offsets(SaidScorer):
    """The classic bug: offsets computed on UTF-8 bytes instead of code points."""

    name = "utf8_offsets"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        raw = article.body.encode("utf-8")
        findings = []
        for m in re.finditer(rb"\bsaid\b", raw):
            span = Span(start=m.start(), end=m.end(), text="said")
            findings.append(self.finding("said", "said", span))
        return ScorerResult(score=1.0, findings=findings)


def test_byte_offsets_are_caught_on_non_ascii_text_only() -> None:
    message = problems_of(UTF8Offsets())
    assert "input 'non-ascii'" in message
    assert "text 'said' does not match body[" in message
    assert "input 'news'" not in message  # ASCII text: bytes and code points agree


class SpanPastTheEnd(SaidScorer):
    name = "past_the_end"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        n = len(article.body)
        span = Span(start=n, end=n + 3, text="...")
        return ScorerResult(score=1.0, findings=[self.finding("said", "end", span)])


def test_a_span_outside_the_text_is_caught() -> None:
    assert "span [4, 7) is outside the text (length 4)" in problems_of(SpanPastTheEnd())


class FatalSeverity(SaidScorer):
    name = "fatal_severity"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        finding = Finding.model_construct(rule="fatal_severity/said", severity="fatal", message="")
        return ScorerResult.model_construct(
            score=1.0, confidence=1.0, metrics={}, findings=[finding]
        )


def test_an_unknown_severity_is_caught() -> None:
    message = problems_of(FatalSeverity())
    assert "unknown severity 'fatal' (known: suggestion, warning, error)" in message


class UndeclaredRule(SaidScorer):
    name = "undeclared"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult(score=1.0, findings=[self.finding("mystery", "?")])


def test_an_undeclared_rule_is_caught_unless_allowed() -> None:
    assert "rule 'mystery' is not declared in UndeclaredRule.rules (said)" in problems_of(
        UndeclaredRule()
    )
    check_scorer(UndeclaredRule(), require_declared_rules=False, huge_words=2_000)


class ForeignRule(SaidScorer):
    name = "foreign"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult(score=1.0, findings=[Finding(rule="hedging/said", message="?")])


def test_a_rule_id_without_the_scorers_prefix_is_caught() -> None:
    assert "rule id must be 'foreign/<rule>'" in problems_of(ForeignRule())


class Drifting(SaidScorer):
    """Keeps state between calls, so the same article scores differently."""

    name = "drifting"

    def __init__(self) -> None:
        self.calls = itertools.count(1)

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult(score=1 / next(self.calls))


def test_a_non_deterministic_result_names_the_field_that_changed() -> None:
    message = problems_of(Drifting())
    assert "input 'empty' (0 words): not deterministic: result.score: 1.0 != 0.5" in message


class SortsSentencesInPlace(SaidScorer):
    name = "mutator"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        analysis.sentences.reverse()  # type: ignore[attr-defined]
        return ScorerResult(score=1.0)


def test_changing_the_shared_analysis_fails_the_scorer_as_the_engine_would() -> None:
    # The scorer gets the engine's read-only view: a tuple has no reverse().
    assert "raised AttributeError: 'tuple' object has no attribute 'reverse'" in problems_of(
        SortsSentencesInPlace()
    )


class CachesInExtras(SaidScorer):
    """Tries to memoise a derived value in extras, which scorers may only read."""

    name = "caches"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        analysis.extras.setdefault("caches", {"sentences": len(analysis.sentences)})
        return ScorerResult(score=1.0)


class EditsAnEnrichersValue(SaidScorer):
    name = "edits"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        analysis.extras["corpus"]["matches"] = 0  # the dict an enricher put there
        return ScorerResult(score=1.0)


def test_extras_are_read_only_and_an_edited_enricher_value_is_caught() -> None:
    assert "'mappingproxy' object has no attribute 'setdefault'" in problems_of(CachesInExtras())
    message = problems_of(EditsAnEnrichersValue(), analyzer=AnalyzerWithCorpus())
    assert "changed the shared Analysis (extras['corpus'])" in message


class AnalyzerWithCorpus(Analyzer):
    """Stands in for an engine whose enricher filled analysis.extras['corpus']."""

    def analyze(self, article: Article) -> Analysis:
        analysis = super().analyze(article)
        analysis.extras["corpus"] = {"matches": 2}
        return analysis


def stepping_clock(step: float) -> Callable[[], float]:
    """Each reading is ``step`` seconds after the previous one: every call takes ``step``."""
    readings = itertools.count()
    return lambda: next(readings) * step


def test_too_slow_is_judged_per_1000_words() -> None:
    with pytest.raises(ConformanceError) as caught:
        check_scorer(SaidScorer(), clock=stepping_clock(3.0), huge_words=5_000)
    message = str(caught.value)
    assert "input 'tiny' (1 word): too slow: 3.000s per call, budget 1.000s" in message
    assert "input 'huge'" not in message  # 5,000+ words: a budget of 5+ seconds


def test_the_budget_is_configurable_by_argument_and_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_scorer(
        SaidScorer(), clock=stepping_clock(3.0), budget_per_1000_words=4.0, huge_words=2_000
    )
    monkeypatch.setenv(BUDGET_ENV, "4")
    check_scorer(SaidScorer(), clock=stepping_clock(3.0), huge_words=2_000)
    monkeypatch.setenv(BUDGET_ENV, "soon")
    with pytest.raises(ValueError, match="SOURCECHECK_CONFORMANCE_BUDGET='soon'"):
        check_scorer(SaidScorer())


class BadlyNamed(SaidScorer):
    name = "Said Counter"
    version = ""


def test_a_bad_name_and_missing_version_fail_before_scoring() -> None:
    message = problems_of(BadlyNamed())
    assert "name 'Said Counter' must start with a lowercase letter" in message
    assert "version is empty" in message
    assert "input '" not in message


def test_something_that_is_not_a_scorer_is_refused() -> None:
    with pytest.raises(ConformanceError, match=r"is not a sourcecheck\.Scorer instance"):
        check_scorer(object())  # type: ignore[arg-type]


def test_every_problem_is_listed_one_per_line() -> None:
    error = ConformanceError("x", ["first problem", "second problem"])
    assert (
        str(error)
        == "scorer 'x' failed 2 conformance checks:\n  - first problem\n  - second problem"
    )
