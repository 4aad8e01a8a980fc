"""``check_scorer``: the conformance run every scorer, built-in or third-party, should pass.

It feeds the scorer the inputs of :mod:`sourcecheck.testing.inputs` (plus any the caller
adds), each through a fresh :class:`~sourcecheck.core.analysis.Analysis` built by the real
``Analyzer``, and checks what the engine relies on: no exception, a valid ``ScorerResult``,
scores and confidences in [0, 1], finite metrics, findings with a known severity and a rule
the scorer declares, spans inside the body whose text matches, the shared analysis left
untouched, the same result twice, and a time budget per 1,000 words.
"""

from __future__ import annotations

import dataclasses
import math
import os
import pickle
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from sourcecheck.core.analysis import Analysis, Analyzer
from sourcecheck.core.errors import first_problem
from sourcecheck.core.models import (
    SEVERITY_ORDER,
    Article,
    Finding,
    ScorerResult,
    read_only_article,
)
from sourcecheck.core.rules import RULE_ID, Rule, as_rule
from sourcecheck.core.scorer import Scorer, scorer_name_problem
from sourcecheck.testing.inputs import conformance_inputs

BUDGET_ENV = "SOURCECHECK_CONFORMANCE_BUDGET"
DEFAULT_BUDGET_PER_1000_WORDS = 1.0  # seconds; generous, so shared CI runners do not flake
_ANALYSIS_FIELDS = tuple(f.name for f in dataclasses.fields(Analysis) if f.name != "extras")


class ConformanceError(AssertionError):
    """A scorer broke the contract; the message lists every problem, one per line."""

    def __init__(self, scorer_name: str, problems: list[str]) -> None:
        self.scorer_name = scorer_name
        self.problems = problems
        count = f"{len(problems)} conformance check{'s' if len(problems) != 1 else ''}"
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"scorer '{scorer_name}' failed {count}:\n{lines}")


@dataclass
class ConformanceReport:
    """What a passing run measured: seconds per call (best of two) for each input."""

    scorer: str
    seconds: dict[str, float] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)

    def slowest(self) -> tuple[str, float]:
        name = max(self.seconds, key=self.seconds.__getitem__)
        return name, self.seconds[name]


def budget_from_env() -> float:
    value = os.environ.get(BUDGET_ENV, "").strip()
    if not value:
        return DEFAULT_BUDGET_PER_1000_WORDS
    try:
        budget = float(value)
    except ValueError:
        raise ValueError(f"{BUDGET_ENV}={value!r} is not a number of seconds") from None
    if not budget > 0:
        raise ValueError(f"{BUDGET_ENV}={value!r} must be a positive number of seconds")
    return budget


def check_scorer(
    scorer: Scorer,
    *,
    budget_per_1000_words: float | None = None,
    extra_inputs: Mapping[str, Article | str] | None = None,
    analyzer: Analyzer | None = None,
    require_declared_rules: bool = True,
    huge_words: int = 20_000,
    clock: Callable[[], float] = time.perf_counter,
) -> ConformanceReport:
    """Run ``scorer`` on awkward inputs; raise :class:`ConformanceError` if it misbehaves.

    ``budget_per_1000_words`` (default 1 s, or ``$SOURCECHECK_CONFORMANCE_BUDGET``) bounds
    one call; inputs under 1,000 words get the budget of 1,000 words. ``analyzer`` lets a
    plugin that adds lexicons analyse with them. ``clock`` exists for testing the checker.
    """
    budget = budget_per_1000_words if budget_per_1000_words is not None else budget_from_env()
    problems = _static_problems(scorer, require_declared_rules)
    if problems:  # without a valid name or options, running it would only add noise
        raise ConformanceError(_display_name(scorer), problems)
    analyzer = analyzer or Analyzer()
    inputs = {**conformance_inputs(huge_words), **_as_articles(extra_inputs or {})}
    report = ConformanceReport(scorer=scorer.name)
    for label, article in inputs.items():
        run = _InputRun(scorer, analyzer, label, article, require_declared_rules, clock)
        problems.extend(run.check(budget))
        report.seconds[label] = run.best_seconds
        report.words[label] = run.words
    if problems:
        raise ConformanceError(scorer.name, problems)
    return report


def _as_articles(extra: Mapping[str, Article | str]) -> dict[str, Article]:
    return {
        label: value if isinstance(value, Article) else Article(body=value)
        for label, value in extra.items()
    }


def _display_name(scorer: object) -> str:
    return str(getattr(scorer, "name", "") or type(scorer).__name__)


def _static_problems(scorer: object, require_declared_rules: bool) -> list[str]:
    """What is wrong with the scorer before it scores anything."""
    if not isinstance(scorer, Scorer):
        return [f"{scorer!r} is not a sourcecheck.Scorer instance"]
    problems: list[str] = []
    name_problem = scorer_name_problem(scorer.name)
    if name_problem is not None:
        problems.append(name_problem)
    if not scorer.version:
        problems.append("version is empty; reports stamp it so scores can be reproduced")
    try:
        scorer.configure({})
    except Exception as exc:  # an Options model must work with no options at all
        problems.append(f"configure({{}}) raised {type(exc).__name__}: {exc}")
    bad_rules = [rule for rule in scorer.rules if not RULE_ID.fullmatch(rule)]
    if require_declared_rules and bad_rules:
        problems.append(f"rule names {bad_rules} must be lowercase letters, digits, '_' or '-'")
    problems.extend(_record_problems(scorer))
    return problems


def _record_problems(scorer: Scorer) -> list[str]:
    """Rule records filed under another id, or with a severity the engine does not know."""
    problems: list[str] = []
    for key, declared in scorer.rules.items():
        if not isinstance(declared, (Rule, str)):
            problems.append(f"rule {key!r} is declared as {declared!r}, not a Rule or a str")
            continue
        rule = as_rule(key, declared)
        if rule.id != key:
            problems.append(f"rule {key!r} holds the record of {rule.id!r}: use declare_rules")
        if rule.severity not in SEVERITY_ORDER:
            problems.append(f"rule {key!r} has unknown severity {rule.severity!r}")
    return problems


class _InputRun:
    """Scores one input twice (fresh analysis each time) and lists what went wrong."""

    def __init__(
        self,
        scorer: Scorer,
        analyzer: Analyzer,
        label: str,
        article: Article,
        require_declared_rules: bool,
        clock: Callable[[], float],
    ) -> None:
        self.scorer = scorer
        self.analyzer = analyzer
        self.article = article
        self.require_declared_rules = require_declared_rules
        self.clock = clock
        self.label = label
        self.words = 0
        self.best_seconds = math.inf

    @property
    def where(self) -> str:
        plural = "" if self.words == 1 else "s"
        return f"input '{self.label}' ({self.words} word{plural})"

    def check(self, budget_per_1000_words: float) -> list[str]:
        results: list[dict[str, Any]] = []
        for attempt in range(2):
            outcome = self._score_once(check_mutation=attempt == 0)
            if isinstance(outcome, str):
                return [outcome]
            results.append(outcome)
        problems = []
        if results[0] != results[1]:
            problems.append(f"{self.where}: not deterministic: {_first_difference(*results)}")
        allowed = budget_per_1000_words * max(1.0, self.words / 1000)
        if self.best_seconds > allowed:
            problems.append(
                f"{self.where}: too slow: {self.best_seconds:.3f}s per call, budget "
                f"{allowed:.3f}s ({budget_per_1000_words:g}s per 1,000 words)"
            )
        return problems

    def _score_once(self, check_mutation: bool) -> dict[str, Any] | str:
        """The result as JSON-ready data, or the one problem that makes it unusable."""
        analysis = self.analyzer.analyze(self.article)
        self.words = analysis.word_count
        before = _fingerprint(analysis) if check_mutation else None
        # What the engine gives scorers: read-only views (assigning raises, in the scorer).
        article, shown = read_only_article(self.article), analysis.read_only()
        started = self.clock()
        try:
            result = self.scorer.score(article, shown)
        except Exception as exc:
            return f"{self.where}: raised {type(exc).__name__}: {exc}{_origin(exc)}"
        self.best_seconds = min(self.best_seconds, self.clock() - started)
        problem = (
            _result_problem(result)
            or self._findings_problem(result)
            or _revalidation_problem(result)
        )
        if problem is None and before is not None:
            problem = _mutation_problem(before, _fingerprint(analysis))
        if problem is not None:
            return f"{self.where}: {problem}"
        return result.model_dump(mode="json")

    def _findings_problem(self, result: ScorerResult) -> str | None:
        body = self.article.body
        for index, finding in enumerate(result.findings, start=1):
            problem = _finding_problem(finding, body, self.scorer, self.require_declared_rules)
            if problem:
                rule = getattr(finding, "rule", "?")
                return f"finding #{index} ({rule!r}): {problem}"
        return None


def _result_problem(result: object) -> str | None:
    if not isinstance(result, ScorerResult):
        return f"returned {type(result).__name__}, not ScorerResult"
    for name in ("score", "confidence"):
        value = getattr(result, name)
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            return f"{name} {value!r} is outside [0, 1]"
    for key, value in result.metrics.items():
        if isinstance(value, float) and not math.isfinite(value):
            return f"metric {key!r} is {value!r}; JSON has no NaN or infinity"
    return None


def _revalidation_problem(result: ScorerResult) -> str | None:
    try:  # catches what model_construct() or attribute assignment slipped past validation
        ScorerResult.model_validate(result.model_dump())
    except ValidationError as exc:
        location, error = first_problem(exc)
        return f"invalid ScorerResult at {location}: {error['msg']}"
    return None


def _finding_problem(
    finding: object, body: str, scorer: Scorer, require_declared_rules: bool
) -> str | None:
    if not isinstance(finding, Finding):
        return f"is a {type(finding).__name__}, not a Finding"
    if finding.severity not in SEVERITY_ORDER:
        known = ", ".join(SEVERITY_ORDER)
        return f"unknown severity {finding.severity!r} (known: {known})"
    prefix, _, rule = finding.rule.partition("/")
    if prefix != scorer.name or not rule:
        return f"rule id must be '{scorer.name}/<rule>' (use Scorer.finding())"
    if require_declared_rules and rule not in scorer.rules:
        declared = ", ".join(sorted(scorer.rules)) or "none"
        return f"rule {rule!r} is not declared in {type(scorer).__name__}.rules ({declared})"
    span = finding.span
    if span is None:
        return None
    if not 0 <= span.start <= span.end <= len(body):
        return f"span [{span.start}, {span.end}) is outside the text (length {len(body)})"
    actual = body[span.start : span.end]
    if actual != span.text:
        return (
            f"span [{span.start}, {span.end}) text {_clip(span.text)} does not match "
            f"body[{span.start}:{span.end}] = {_clip(actual)} (offsets are code points)"
        )
    return None


def _fingerprint(analysis: Analysis) -> dict[str, bytes] | None:
    """Each part of the analysis as bytes, compared in memory (never stored).

    Pickled rather than deep-copied: the cheaper of the two on a long analysis.
    """
    parts: dict[str, Any] = {name: getattr(analysis, name) for name in _ANALYSIS_FIELDS}
    parts.update({f"extras[{key!r}]": value for key, value in analysis.extras.items()})
    try:
        return {name: pickle.dumps(value, pickle.HIGHEST_PROTOCOL) for name, value in parts.items()}
    except Exception:  # an enricher stored something unpicklable in extras: skip the check
        return None


def _mutation_problem(before: dict[str, bytes], after: dict[str, bytes] | None) -> str | None:
    """Which shared parts changed: the analysis is read-only, but a value an enricher put
    in ``extras`` is shared as it is (a dict stays a dict)."""
    if after is None:
        return None
    changed = [name for name, data in before.items() if after.get(name) != data]
    if not changed:
        return None
    return (
        f"changed the shared Analysis ({', '.join(changed)}), which other scorers read: "
        "copy before editing"
    )


def _origin(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" (at {os.path.basename(last.filename)}:{last.lineno} in {last.name})"


def _first_difference(first: Any, second: Any, path: str = "result") -> str:
    """Where two JSON-like values first differ, e.g. 'result.findings[2].span.start: 3 != 4'."""
    if isinstance(first, dict) and isinstance(second, dict):
        for key in sorted(set(first) | set(second), key=str):
            if first.get(key) != second.get(key):
                return _first_difference(first.get(key), second.get(key), f"{path}.{key}")
    if isinstance(first, list) and isinstance(second, list):
        if len(first) != len(second):
            return f"{path} has {len(first)} items, then {len(second)}"
        for index, (a, b) in enumerate(zip(first, second, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{index}]")
    return f"{path}: {_clip(first)} != {_clip(second)}"


def _clip(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
