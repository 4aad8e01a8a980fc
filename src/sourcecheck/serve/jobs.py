"""What a scoring worker process does: build the engine once, then run one job at a time.

This module runs in the pool's worker processes and imports no web framework. A job is
plain data (bytes, a name whose suffix picks the loader, a time limit) and its outcome is
JSON text, so nothing heavier than bytes and strings crosses the process boundary.

The per-request time limit is kept here with ``SIGALRM`` (a worker runs its jobs on its main
thread): when it passes while a scorer runs, that scorer is interrupted and reported
``failed`` like any scorer that raises, and the rest of the report is still delivered. A
scorer stuck where Python cannot interrupt it (inside a C extension, or ignoring the
signal) is the parent's to handle: it kills the worker (see :mod:`sourcecheck.serve.pool`).
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sourcecheck import __version__
from sourcecheck.core.budget import OverBudget, call_within
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError, SourcecheckError
from sourcecheck.core.models import Article
from sourcecheck.lint.drafts import drafts_of_bytes
from sourcecheck.lint.formats.base import FormatContext
from sourcecheck.lint.formats.jsonout import render_json
from sourcecheck.lint.runner import Checker, CheckOptions, CheckRun
from sourcecheck.loaders.base import Loader, pick_loader

JobKind = Literal["score", "check", "ping"]
EngineFactory = Callable[[], Engine]

#: After the limit passes, how often the alarm fires again: a scorer that swallows the
#: first interruption (a broad ``except``) is interrupted again, and so is the next one.
_REFIRE_SECONDS = 0.05


@dataclass(frozen=True)
class Job:
    kind: JobKind
    data: bytes = b""
    name: str = "request.md"  # its suffix picks the loader, as a file's would
    fields: dict[str, str] = field(default_factory=dict)  # title, outlet, url given apart
    time_limit: float = 10.0


@dataclass(frozen=True)
class Outcome:
    """An HTTP status and its JSON body (a report, a check document or an error)."""

    status: int
    body: str
    failed_scorers: tuple[str, ...] = ()


def error_body(status: int, code: str, detail: str) -> str:
    return json.dumps({"status": status, "error": code, "detail": detail}, ensure_ascii=False)


class RequestTimeLimit(Exception):
    """Raised inside a scorer when the request's time limit has passed."""


class _Deadline:
    """The request's time limit, enforced only while a scorer runs.

    Outside a scorer (the shared analysis, the combiner) an interruption could leave no
    report at all, so passing the limit there only marks it: every scorer not yet run is
    then reported failed without running. Each scorer runs under the engine's own budget
    timer, cut to what is left of the request's limit.
    """

    def __init__(self) -> None:
        self.limit = 0.0
        self.started = 0.0
        self.passed = False

    def start(self, seconds: float) -> None:
        self.limit, self.passed = seconds, False
        self.started = time.monotonic()
        signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, _REFIRE_SECONDS)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)

    def remaining(self) -> float:
        return self.limit - (time.monotonic() - self.started)

    def _on_alarm(self, _signum: int, _frame: object) -> None:
        self.passed = True

    def message(self) -> str:
        return f"cut off at the request time limit of {self.limit:g}s"


class _TimedScorer:
    """A scorer whose ``score`` runs under the deadline; everything else is the scorer's."""

    def __init__(self, scorer: Any, deadline: _Deadline) -> None:
        self._scorer = scorer
        self._deadline = deadline

    def __getattr__(self, name: str) -> Any:
        return getattr(self._scorer, name)

    def score(self, article: Article, analysis: Any) -> Any:
        deadline = self._deadline
        left = deadline.remaining()
        if deadline.passed or left <= 0:
            raise RequestTimeLimit(f"not run: {deadline.message()} had passed")
        try:
            return call_within(left, self._scorer.score, article, analysis)
        except OverBudget:
            if deadline.remaining() > 0.05:
                raise  # the engine's own budget ran out first: its failure, its message
            deadline.passed = True
            raise RequestTimeLimit(deadline.message()) from None


class Worker:
    """One process's engine, checker and loaders, built once."""

    def __init__(self, engine: Engine) -> None:
        self.deadline = _Deadline()
        engine.scorers = [_TimedScorer(s, self.deadline) for s in engine.scorers]  # type: ignore[misc]
        self.engine = engine
        self.loaders: list[Loader] = engine.plugins.collect("sourcecheck_loaders", Loader)
        config = engine.config
        options = CheckOptions(
            min_level=config.min_level, fail_level=config.fail_level, fail_under=config.fail_under
        )
        self.checker = Checker(engine, options, self.loaders)

    def run(self, job: Job) -> Outcome:
        if job.kind == "ping":
            return Outcome(200, "{}")
        self.deadline.start(job.time_limit)
        try:
            return self._run(job)
        except RequestTimeLimit as exc:  # the limit passed outside any scorer's own handler
            return Outcome(504, error_body(504, "time_limit", str(exc)))
        except InputError as exc:
            return Outcome(422, error_body(422, "unreadable_text", exc.problem))
        except SourcecheckError as exc:  # strict mode: a failing scorer fails the request
            return Outcome(500, error_body(500, "scoring_failed", str(exc)))
        except Exception as exc:  # a bug: still a JSON answer, and the worker lives on
            detail = f"internal error (please report it): {type(exc).__name__}: {exc}"
            return Outcome(500, error_body(500, "internal_error", detail))
        finally:
            self.deadline.stop()

    def _run(self, job: Job) -> Outcome:
        if job.kind == "score":
            report = self.engine.score(self._article(job))
            failed = tuple(s.name for s in report.scorers if s.status == "failed")
            return Outcome(200, report.model_dump_json(), failed)
        drafts = list(drafts_of_bytes(job.data, job.name, self.loaders))
        results = [self.checker.check_draft(_with_fields(d, job.fields)) for d in drafts]
        run = CheckRun(files=results, rules=self.engine.rules(), options=self.checker.options)
        failed = tuple(
            s.name for r in results if r.report for s in r.report.scorers if s.status == "failed"
        )
        return Outcome(200, render_json(run, FormatContext(version=__version__)), failed)

    def _article(self, job: Job) -> Article:
        loader = pick_loader(job.name, job.data, self.loaders)
        loaded = next(iter(loader.load(job.data, job.name)))
        if isinstance(loaded, InputError):
            raise loaded
        loaded.meta.pop("source", None)  # the request's made-up file name is nobody's source
        return loaded.model_copy(update=job.fields) if job.fields else loaded


def _with_fields(draft: Any, fields: dict[str, str]) -> Any:
    if fields:
        draft.article = draft.article.model_copy(update=fields)
    return draft


_worker: Worker | None = None


def start_worker(engine_factory: EngineFactory) -> None:
    """The pool's initializer: the engine is built once per worker process."""
    global _worker
    # The parent handles Ctrl-C and stops the pool; a worker interrupted mid-job would only
    # print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Worker(engine_factory())


def run_job(job: Job) -> Outcome:
    assert _worker is not None, "worker not initialised"
    return _worker.run(job)
