"""Issue #16, "A plugin cannot harm the others": scorers and enrichers get read-only views,
a failed enricher's changes are discarded, and a call past its time budget is stopped."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from engine_support import COUNCIL_BODY

from sourcecheck import Article, Finding, Scorer, ScorerResult, Span
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.budget import OverBudget, call_within
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine, ScorerFailure, _checked_report
from sourcecheck.core.hookspecs import hookimpl
from sourcecheck.core.models import Report, span_problem
from sourcecheck.core.plugin_manager import PluginManager

ARTICLE = Article(
    title="Council passes harbour budget",
    body=COUNCIL_BODY,
    authors=["A. Writer"],
    meta={"source": "council.md", "tags": ["harbour"]},
)

Action = Callable[[Article, Analysis], object]


class Doing(Scorer):
    """Does ``action`` to what it is given, then scores 1. Runs first (scorers run by name)."""

    name = "aaa_hostile"
    version = "1.0"

    def __init__(self, action: Action) -> None:
        self.action = action

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        self.action(article, analysis)
        return ScorerResult(score=1.0)


def _set(target: object, name: str, value: object) -> None:
    setattr(target, name, value)


HOSTILE_ACTIONS: dict[str, Action] = {
    "clear the attributions": lambda article, analysis: analysis.attributions.clear(),  # type: ignore[attr-defined]
    "rename a speaker": lambda article, analysis: _set(analysis.attributions[0], "speaker", "x"),
    "empty the body": lambda article, analysis: _set(article, "body", ""),
    "replace the attributions": lambda article, analysis: _set(analysis, "attributions", ()),
    "edit a claim's attributions": lambda article, analysis: analysis.claims[0].attributions.append(9),  # type: ignore[attr-defined]
    "edit a source's mentions": lambda article, analysis: analysis.sources[0].mentions.clear(),  # type: ignore[attr-defined]
    "move a sentence": lambda article, analysis: _set(analysis.sentences[0], "paragraph", 9),
    "write to extras": lambda article, analysis: analysis.extras.update(x=1),  # type: ignore[attr-defined]
    "edit the meta": lambda article, analysis: article.meta["tags"].append("x"),
    "edit the authors": lambda article, analysis: article.authors.clear(),
}  # fmt: skip


def _engine(*extra: Scorer, budget: float = 10.0, strict: bool = False) -> Engine:
    plugins = PluginManager.default(entry_points=False)
    builtin = Engine(Config(), plugins=plugins).scorers
    return Engine(
        Config(time_budget=budget), plugins=plugins, scorers=[*builtin, *extra], strict=strict
    )


def _others(report: Report, *names: str) -> list[dict[str, Any]]:
    return [s.model_dump() for s in report.scorers if s.name not in names]


@pytest.mark.parametrize("action", HOSTILE_ACTIONS.values(), ids=HOSTILE_ACTIONS.keys())
def test_a_hostile_scorer_fails_itself_and_the_others_score_as_without_it(action: Action) -> None:
    without = _engine().score(ARTICLE)
    report = _engine(Doing(action)).score(ARTICLE)
    hostile = next(s for s in report.scorers if s.name == "aaa_hostile")
    assert hostile.status == "failed"
    assert _others(report, "aaa_hostile") == _others(without)
    assert report.score == without.score
    assert report.analysis == without.analysis
    assert report.article == without.article


class Enricher:
    """An enricher plugin: writes ``value`` under ``key`` in extras, then does ``then``."""

    def __init__(self, key: str, then: Callable[[Analysis], None] | None = None) -> None:
        self.key, self.then, self.saw = key, then, {}

    @hookimpl
    def sourcecheck_enrich_analysis(self, article: Article, analysis: Analysis) -> None:
        self.saw = dict(analysis.extras)
        analysis.extras[self.key] = {"from": self.key}
        if self.then is not None:
            self.then(analysis)


def _raise(analysis: Analysis) -> None:
    raise RuntimeError("broke halfway")


def _endless(analysis: Analysis) -> None:
    while True:
        pass


def test_a_failed_enrichers_changes_are_discarded() -> None:
    engine = _engine()
    failing, after = Enricher("half", then=_raise), Enricher("whole")
    engine.plugins.register(failing, name="failing")
    engine.plugins.register(after, name="after")
    analysis = engine.analyze(ARTICLE)
    assert dict(analysis.extras) == {"whole": {"from": "whole"}}
    assert after.saw == {}  # the next enricher never saw the failed one's half-work
    report = engine.score(ARTICLE)
    [error] = report.errors
    assert error.plugin == "failing" and "RuntimeError: broke halfway" in error.message


def test_an_enricher_cannot_change_the_built_in_analysis_or_the_article() -> None:
    clearing = Enricher("clears", then=lambda analysis: analysis.attributions.clear())  # type: ignore[attr-defined]
    engine = _engine()
    engine.plugins.register(clearing, name="clearing")
    report = engine.score(ARTICLE)
    assert report.analysis == _engine().score(ARTICLE).analysis
    assert "clears" not in engine.analyze(ARTICLE).extras
    assert [e.plugin for e in report.errors] == ["clearing"]


def test_an_endless_enricher_is_stopped_at_the_budget_and_discarded() -> None:
    engine = _engine(budget=0.2)
    engine.plugins.register(Enricher("loops", then=_endless), name="endless")
    started = time.monotonic()
    report = engine.score(ARTICLE)
    assert time.monotonic() - started < 5
    [error] = report.errors
    assert error.plugin == "endless" and "over its time budget of 0.2s" in error.message
    assert report.score == _engine().score(ARTICLE).score


def test_an_endless_scorer_is_stopped_and_the_others_stand() -> None:
    started = time.monotonic()
    report = _engine(Doing(lambda article, analysis: _endless(analysis)), budget=0.2).score(ARTICLE)
    assert time.monotonic() - started < 5
    hostile = next(s for s in report.scorers if s.name == "aaa_hostile")
    assert hostile.status == "failed"
    assert hostile.error is not None and "over its time budget of 0.2s" in hostile.error
    without = _engine().score(ARTICLE)
    assert _others(report, "aaa_hostile") == _others(without)
    assert report.score == without.score


def test_a_scorer_that_swallows_the_stop_once_is_stopped_again() -> None:
    def careless(article: Article, analysis: Analysis) -> None:
        with contextlib.suppress(BaseException):  # swallows everything, then loops again
            _endless(analysis)
        _endless(analysis)

    started = time.monotonic()
    report = _engine(Doing(careless), budget=0.2).score(ARTICLE)
    assert time.monotonic() - started < 5
    assert next(s for s in report.scorers if s.name == "aaa_hostile").status == "failed"


def test_over_budget_is_an_error_in_strict_mode() -> None:
    engine = _engine(Doing(lambda article, analysis: _endless(analysis)), budget=0.2, strict=True)
    with pytest.raises(ScorerFailure, match=r"over its time budget of 0\.2s"):
        engine.score(ARTICLE)


def test_the_timer_restores_the_previous_alarm_handler_and_timer() -> None:
    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the previous alarm fired during the test")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with pytest.raises(OverBudget):
            call_within(0.1, _endless, None)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert 25 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30
        assert call_within(0.1, sum, [1, 2]) == 3
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_the_budget_is_checked_after_the_call() -> None:
    # No signal reaches another thread: the scorer runs to its end, then is marked failed.
    engine = _engine(Doing(lambda article, analysis: time.sleep(0.3)), budget=0.1)
    reports: list[Report] = []
    worker = threading.Thread(target=lambda: reports.append(engine.score(ARTICLE)))
    worker.start()
    worker.join(30)
    hostile = next(s for s in reports[0].scorers if s.name == "aaa_hostile")
    assert hostile.status == "failed"
    assert hostile.error is not None and "over its time budget of 0.1s" in hostile.error


class _Keeping(Scorer):
    """Flags four words of the body, keeping the span it hands the engine."""

    name = "aaa_keeping"
    version = "1.0"
    span = Span.of(COUNCIL_BODY, 4, 8)

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        finding = Finding(rule="aaa_keeping/x", message="m", span=self.span)
        return ScorerResult(score=1.0, findings=[finding])


class _Moving(Scorer):
    """Runs after ``_Keeping`` and moves the span it kept off the body's words."""

    name = "bbb_moving"
    version = "1.0"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        object.__setattr__(_Keeping.span, "start", 1)
        return ScorerResult(score=1.0)


def test_a_span_moved_after_the_check_does_not_move_in_the_report() -> None:
    original = _Keeping.span
    try:
        report = _engine(_Keeping(), _Moving()).score(ARTICLE)
    finally:
        _Keeping.span = original
    kept = next(s for s in report.scorers if s.name == "aaa_keeping")
    (finding,) = kept.findings
    assert finding.span is not None and type(finding.span) is Span
    assert span_problem(finding.span, COUNCIL_BODY) is None


class _ShiftingSpan(Span):
    """A span whose start moves off its words once ``moved`` is set."""

    __slots__ = ("moved",)

    def __init__(self, start: int, end: int, text: str) -> None:
        super().__init__(start, end, text)
        object.__setattr__(self, "moved", False)

    @property  # type: ignore[override]
    def start(self) -> int:
        return 0 if self.moved else 4


def test_a_span_subclass_is_read_into_a_plain_span_at_the_check() -> None:
    shifting = _ShiftingSpan(4, 8, COUNCIL_BODY[4:8])
    finding = Finding.model_construct(rule="r/x", message="m", span=shifting)
    result = ScorerResult.model_construct(score=1.0, findings=[finding])
    entry = _checked_report("r", "1.0", result, COUNCIL_BODY)
    object.__setattr__(shifting, "moved", True)
    span = entry.findings[0].span
    assert type(span) is Span and span_problem(span, COUNCIL_BODY) is None


class _Renaming(Scorer):
    """Takes the name ``taken`` (None: keeps its own) and a new version while scoring."""

    name = "aaa_renaming"
    version = "1.0"

    def __init__(self, taken: str | None) -> None:
        self.taken = taken

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        if self.taken is not None:
            self.name, self.version = self.taken, "9.9"
        return ScorerResult(score=0.0)


@pytest.mark.parametrize("taken", ["attribution_clarity", "source_diversity"])
def test_a_scorer_renaming_itself_keeps_its_own_entry_and_weight(taken: str) -> None:
    """Neither a running scorer's name nor that of one configured but not running."""
    engine = _engine(_Renaming(taken))
    expected = _engine(_Renaming(None)).score(ARTICLE)
    for _ in range(2):  # the next article too: the name stays the one it was loaded under
        report = engine.score(ARTICLE)
        assert [s.model_dump() for s in report.scorers] == [
            s.model_dump() for s in expected.scorers
        ]
        assert (report.score, report.versions) == (expected.score, expected.versions)
