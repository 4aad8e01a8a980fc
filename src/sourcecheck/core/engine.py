"""The engine: article -> shared analysis -> scorers -> combiner -> report."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from sourcecheck._version import __version__
from sourcecheck.core.analysis import Analysis, Analyzer
from sourcecheck.core.budget import OverBudget, Timer
from sourcecheck.core.combiners import Combiner, band_for, default_combiner
from sourcecheck.core.config import Config
from sourcecheck.core.errors import (
    ConfigError,
    InputError,
    SkipScorer,
    SourcecheckError,
    first_problem,
)
from sourcecheck.core.inputs import text_problem
from sourcecheck.core.language import language_warning
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import (
    Article,
    ArticleInfo,
    Finding,
    PluginError,
    Report,
    ScorerReport,
    ScorerResult,
    Span,
    read_only_article,
    span_problem,
)
from sourcecheck.core.plugin_manager import PluginManager, call_one, strict_from_env
from sourcecheck.core.positions import LineIndex
from sourcecheck.core.rules import Rule
from sourcecheck.core.scorer import Scorer, scorer_name_problem


class ScorerFailure(SourcecheckError):
    """A scorer raised or returned something invalid, in strict mode."""


class Engine:
    """Scores articles. Build one and reuse it: plugins and patterns load once.

    >>> engine = Engine()
    >>> report = engine.score("The mayor said the bridge will reopen on Monday.")
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        plugins: PluginManager | None = None,
        strict: bool | None = None,
        scorers: Sequence[Scorer] | None = None,
    ) -> None:
        """``scorers``, when given, replaces the discovered scorers (tests, notebooks)."""
        self.config = config or Config()
        self.strict = (self.config.strict or strict_from_env()) if strict is None else strict
        self._given_scorers = list(scorers) if scorers is not None else None
        self.plugins = plugins or PluginManager.default(
            strict=self.strict,
            modules=self.config.plugins,
            directories=self.config.plugins_dir,
        )
        self.lexicons = Lexicons([*self._plugin_lexicons(), self.config.lexicons])
        self.analyzer = Analyzer(self.lexicons)
        self.scorers = self._configured_scorers()
        # Each scorer with the name and version it was loaded under (see _identity).
        self._loaded = [(s, s.name, s.version) for s in self.scorers]
        self.combiner: Combiner = self._combiner()

    # -- setup -------------------------------------------------------------------------

    def _all_scorers(self) -> dict[str, Scorer]:
        if self._given_scorers is not None:
            offered: Iterable[tuple[str, object]] = [("given", s) for s in self._given_scorers]
        else:
            offered = self._offered_scorers()
        found: dict[str, tuple[str, Scorer]] = {}
        for plugin_name, scorer in offered:
            problem = _scorer_problem(scorer)
            if problem is not None:
                self.plugins.report_failure(plugin_name, problem)
                continue
            assert isinstance(scorer, Scorer)
            if scorer.name in found:
                first = self.plugins.describe(found[scorer.name][0])
                raise ConfigError(
                    f"two scorers are named '{scorer.name}': from {first} and from "
                    f"{self.plugins.describe(plugin_name)}"
                )
            found[scorer.name] = (plugin_name, scorer)
        #: Which plugin provided each scorer (for ``sourcecheck plugins`` and error messages).
        self.scorer_plugins = {name: plugin for name, (plugin, _) in found.items()}
        return {name: scorer for name, (_, scorer) in found.items()}

    def _plugin_lexicons(self) -> Iterator[Mapping[str, Any]]:
        for plugin_name, lexicons in self.plugins.call_each("sourcecheck_lexicons"):
            if isinstance(lexicons, Mapping):
                yield lexicons
            else:
                self.plugins.report_failure(
                    plugin_name,
                    f"sourcecheck_lexicons returned {type(lexicons).__name__}, not a mapping",
                )

    def _offered_scorers(self) -> Iterator[tuple[str, object]]:
        for plugin_name, scorers in self.plugins.call_each("sourcecheck_scorers"):
            if not isinstance(scorers, (list, tuple)):
                self.plugins.report_failure(
                    plugin_name,
                    f"sourcecheck_scorers returned {type(scorers).__name__}, not a list",
                )
                continue
            for scorer in scorers:
                yield plugin_name, scorer

    def _configured_scorers(self) -> list[Scorer]:
        available = self._all_scorers()
        self.available_scorers = available
        names = set(self.config.enable) if self.config.enable is not None else set(available)
        known = ", ".join(sorted(available)) or "none"
        # enable/disable may come from flags, weights and options only from a config file.
        places = [
            ("enable", sorted(names), ""),
            ("disable", self.config.disable, ""),
            ("weights", list(self.config.weights), self._where()),
            ("scorer", list(self.config.scorer), self._where()),
        ]
        for key, mentioned, where in places:
            for name in mentioned:
                if name not in available:
                    raise ConfigError(f"{where}{key}: unknown scorer '{name}' (available: {known})")
        running = sorted(names - set(self.config.disable))
        for name in sorted(set(self.config.scorer) - set(running)):
            # Options of a disabled scorer are checked too: a typo should not wait to bite.
            self._configure(available[name])
        return [self._configure(available[name]) for name in running]

    def _configure(self, scorer: Scorer) -> Scorer:
        try:
            configured = scorer.configure(self.config.scorer.get(scorer.name, {}))
        except ConfigError as exc:
            raise ConfigError(f"{self._where()}{exc}") from None
        # Scorers read the lexicons the analysis uses, config and plugin additions included.
        return configured.with_lexicons(self.lexicons)

    def _where(self) -> str:
        """'FILE: ' when the config came from a file, so errors say which one to edit."""
        return f"{self.config.path}: " if self.config.path is not None else ""

    def _combiner(self) -> Combiner:
        try:
            chosen = self.plugins.pm.hook.sourcecheck_combiner(config=self.config)
        except (SourcecheckError, KeyboardInterrupt):
            raise  # a plugin's own one-line error (e.g. a bad model file): the user must fix it
        except BaseException as exc:  # sys.exit() too: plugin code must not end the run
            self.plugins.report_failure(
                "sourcecheck_combiner", f"raised {type(exc).__name__}: {exc}"
            )
            chosen = None
        if chosen is not None:
            return chosen
        return default_combiner(self.config, {s.name: s.default_weight for s in self.scorers})

    # -- scoring -----------------------------------------------------------------------

    def analyze(self, article: Article) -> Analysis:
        with Timer(self.config.time_budget) as timer:
            analysis, _ = self._analyze(article, read_only_article(article), timer)
        return analysis

    def _analyze(
        self, article: Article, shown: Article, timer: Timer
    ) -> tuple[Analysis, list[PluginError]]:
        """The shared analysis, and the enrichers that failed while adding to it.

        Enrichers see ``shown`` (the read-only copy of ``article``). Each writes to a copy
        of ``extras``, kept only when it returns in time: a failed enricher leaves nothing.
        """
        analysis = self.analyzer.analyze(article)
        enrichers = self.plugins.implementations("sourcecheck_enrich_analysis")
        if not enrichers:
            return analysis, []
        errors: list[PluginError] = []
        extras = analysis.extras
        for enricher in enrichers:
            working = dict(extras)
            arguments = {"article": shown, "analysis": replace(analysis, extras=working)}
            started = time.perf_counter()
            plugin_name, _, exc = call_one(enricher, arguments, timer)
            message = self._enricher_problem(exc, time.perf_counter() - started)
            if message is None:
                extras = working
                continue
            # A broken enricher costs this article's report an error, not the plugin's place.
            if self.strict:
                raise ScorerFailure(f"plugin '{plugin_name}': {message}") from exc
            errors.append(PluginError(plugin=plugin_name, message=message))
        return replace(analysis, extras=extras), errors

    def _enricher_problem(self, exc: BaseException | None, elapsed: float) -> str | None:
        hook = "sourcecheck_enrich_analysis"
        if isinstance(exc, OverBudget) or elapsed > self.config.time_budget:
            return f"{hook} {self._over_budget(elapsed)}"
        if exc is not None:
            return f"{hook} raised {type(exc).__name__}: {exc}"
        return None

    def _over_budget(self, elapsed: float) -> str:
        budget = self.config.time_budget
        if elapsed < budget:  # stopped by the timer a hair early (clock granularity)
            elapsed = budget
        return f"stopped after {elapsed:.1f}s: over its time budget of {budget}s"

    def score(self, article: Article | str, *, source: str | None = None) -> Report:
        """Score one article (or a plain text body) and explain the result.

        Raises InputError for text that cannot be scored (empty, only whitespace, NUL
        characters), as the command line refuses such a file, and TypeError for anything
        that is neither an Article nor a str.
        """
        article = _scorable(article, source)
        # Plugins get read-only views: none can change what another sees, or the report.
        shown = read_only_article(article)
        lines = LineIndex(article.body)
        with Timer(self.config.time_budget) as timer:
            analysis, enrich_errors = self._analyze(article, shown, timer)
            view = analysis.read_only()
            results = [self._run_scorer(s, shown, view, lines, timer) for s in self.scorers]
        combination = self.combiner.combine(results)
        for result in results:
            result.weight = combination.weights.get(result.name, 0.0)
            result.contribution = combination.contributions.get(result.name, 0.0)
            result.logit_contribution = combination.logit_contributions.get(result.name)
        warning = language_warning(article, analysis)
        return Report(
            article=_article_info(article, source),
            score=combination.score,
            band=band_for(combination.score, self.config.bands),
            baseline=combination.baseline,
            baseline_logit=combination.baseline_logit,
            logit=combination.logit,
            combiner=self.combiner.name,
            scorers=results,
            analysis=analysis.to_report(),
            warnings=[warning] if warning else [],
            errors=[*self.plugins.errors, *enrich_errors, *_scorer_errors(results)],
            versions=self.versions(),
        ).with_body(article.body)

    def score_batch(self, articles: Iterable[Article | str]) -> Iterator[Report]:
        """Score a stream of articles lazily: memory does not grow with the stream."""
        for article in articles:
            source = article.meta.get("source") if isinstance(article, Article) else None
            yield self.score(article, source=source if isinstance(source, str) else None)

    def versions(self) -> dict[str, str]:
        return {"sourcecheck": __version__, **dict(map(self._identity, self.scorers))}

    def _identity(self, scorer: Scorer) -> tuple[str, str]:
        """The name and version ``scorer`` was loaded under, checked then: a scorer that
        renames itself while scoring cannot take another scorer's entry, weight or version.
        One put in ``scorers`` after loading (a wrapper) is read as it is now."""
        for loaded, name, version in self._loaded:
            if loaded is scorer:
                return name, version
        return scorer.name, scorer.version

    def rules(self) -> dict[str, str]:
        """Every rule id the enabled scorers can emit, with its summary."""
        return {rule_id: rule.summary for rule_id, rule in self.rule_records().items()}

    def rule_records(self, *, every_scorer: bool = False) -> dict[str, Rule]:
        """The rules of the enabled scorers (of every loaded one with ``every_scorer``),
        keyed by full id (``scorer/rule``), in scorer then declaration order."""
        scorers = self.available_scorers.values() if every_scorer else self.scorers
        return {rule_id: rule for s in scorers for rule_id, rule in s.rule_records().items()}

    def _run_scorer(
        self, scorer: Scorer, article: Article, analysis: Analysis, lines: LineIndex, timer: Timer
    ) -> ScorerReport:
        name, version = self._identity(scorer)
        started = time.perf_counter()
        try:
            result = timer.call(scorer.score, article, analysis)
            report = _checked_report(name, version, result, article.body)
        except SkipScorer as skip:
            return ScorerReport(name=name, version=version, status="skipped", summary=str(skip))
        except KeyboardInterrupt:
            raise
        except OverBudget:
            return self._scorer_failed(
                name, version, self._over_budget(time.perf_counter() - started)
            )
        except BaseException as exc:
            # Isolate: one broken scorer must not sink the report, and a sys.exit() in it
            # must not end the run with exit code 0 and no output.
            if self.strict:
                raise ScorerFailure(f"scorer '{name}' failed: {exc}") from exc
            return _failed(name, version, _one_line(exc))
        elapsed = time.perf_counter() - started
        if elapsed > self.config.time_budget:  # where the timer cannot stop it (a thread)
            message = f"ran {elapsed:.1f}s, over its time budget of {self.config.time_budget}s"
            return self._scorer_failed(name, version, message)
        report.findings = self._apply_rule_levels(report.findings, lines)
        return report

    def _scorer_failed(self, name: str, version: str, message: str) -> ScorerReport:
        if self.strict:
            raise ScorerFailure(f"scorer '{name}' {message}")
        return _failed(name, version, message)

    def _apply_rule_levels(self, findings: list[Finding], lines: LineIndex) -> list[Finding]:
        """The findings with their configured severity and the line and column of their
        span, rules turned off left out, in body order.

        ``findings`` are the engine's own validated copies (see ``_checked_report``), so
        they are set in place."""
        levels = self.config.rules
        kept: list[Finding] = []
        for finding in findings:
            level = levels.get(finding.rule)
            if level == "off":
                continue
            if level is not None:
                finding.severity = level
            if finding.span is not None:
                finding.line, finding.column = lines.position(finding.span.start)
            kept.append(finding)
        return sorted(kept, key=_body_order)


def _body_order(finding: Finding) -> tuple[int, str]:
    return (finding.span.start if finding.span is not None else -1, finding.rule)


def _scorer_problem(scorer: object) -> str | None:
    """Why ``scorer`` cannot be used, or None when it can."""
    if not isinstance(scorer, Scorer):
        return (
            f"sourcecheck_scorers returned {scorer!r}, which is not a sourcecheck.Scorer instance"
        )
    return scorer_name_problem(scorer.name)


def _checked_report(name: str, version: str, result: object, body: str) -> ScorerReport:
    """What the scorer ``name`` returned, checked, as its entry in the report: the one
    check of a result, built-in or plugin.

    The values are read from the result as they are now, whatever the scorer did after
    building it (``model_construct``, assignment, a list changed in place), and validated
    once, straight into the ``ScorerReport``: its fields have the types of
    ``ScorerResult``'s, and the ranges of ``score`` and ``confidence`` are checked against
    ``ScorerResult``'s own field rules. Every finding becomes a new ``Finding`` the engine
    owns, and every span must lie on the words of ``body``.
    """
    if not isinstance(result, ScorerResult):
        raise TypeError(f"returned {type(result).__name__}, not ScorerResult")
    values = _field_values(_RESULT_FIELDS, result)
    if "findings" in values:
        values["findings"] = _finding_values(values["findings"])
    try:
        for field, (rule, default) in _RESULT_RANGES.items():
            values[field] = rule.validate_python(values.get(field, default))
        report = ScorerReport.model_validate(
            {"name": name, "version": version, "status": "ok", **values}
        )
    except ValidationError as exc:
        raise ValueError(f"invalid result: {exc.errors()[0]['msg']}") from None
    for finding in report.findings:
        finding.span = _own_span(finding.span)
        problem = span_problem(finding.span, body)
        if problem is not None:
            raise ValueError(f"finding {finding.rule} has {problem}")
    return report


def _finding_values(findings: object) -> object:
    """``findings`` with each ``Finding`` in it replaced by its values, to validate again.

    Validation would take a Finding instance as it is, unchecked, and keep the scorer's own
    object in the report. Any iterable that validation reads as a list (a tuple left by
    ``model_construct``, a set) is read here too, not only a list.
    """
    if isinstance(findings, (str, bytes, Mapping)) or not isinstance(findings, Iterable):
        return findings
    return [_field_values(_FINDING_FIELDS, f) if isinstance(f, Finding) else f for f in findings]


def _own_span(span: object) -> object:
    """A new plain ``Span`` with the values of ``span``, read once; anything else as it is.

    Validation keeps a scorer's Span instance as it is: the scorer (or another one of its
    plugin, run later) could still change it after the check, with ``object.__setattr__``
    or a subclass whose fields are properties.
    """
    if not isinstance(span, Span):
        return span
    return Span(span.start, span.end, span.text)


def _field_values(names: tuple[str, ...], instance: BaseModel) -> dict[str, Any]:
    """The values of the fields ``names`` that ``instance`` holds, to validate again.

    Read from its ``__dict__``, where pydantic keeps them (a field missing there is left to
    validation to fill in or refuse); ``getattr`` on a model costs several times more.
    """
    held = vars(instance)
    return {name: held[name] for name in names if name in held}


_RESULT_FIELDS = tuple(ScorerResult.model_fields)
_FINDING_FIELDS = tuple(Finding.model_fields)


def _range_rule(name: str) -> tuple[TypeAdapter[float], Any]:
    """The rules of ``ScorerResult``'s field ``name`` (type and bounds) on their own, and
    its default (pydantic's "undefined" for a required field, which the rules refuse)."""
    field = ScorerResult.model_fields[name]
    return TypeAdapter(Annotated[(field.annotation, *field.metadata)]), field.default


#: What ``ScorerResult`` allows in the fields that ``ScorerReport`` types more loosely (a
#: failed or skipped scorer has no score).
_RESULT_RANGES = {name: _range_rule(name) for name in ("score", "confidence")}


def _failed(name: str, version: str, message: str) -> ScorerReport:
    return ScorerReport(name=name, version=version, status="failed", error=message)


def _scorer_errors(results: list[ScorerReport]) -> list[PluginError]:
    return [
        PluginError(plugin=r.name, message=r.error or "failed")
        for r in results
        if r.status == "failed"
    ]


def _scorable(article: object, source: str | None) -> Article:
    """``article`` as an Article whose text can be scored, or the error saying why not."""
    if isinstance(article, str):
        _require_text(article, source or "text")  # before Article(): it hashes the text
        return Article(body=article)
    if not isinstance(article, Article):
        hint = " (decode it first: data.decode('utf-8'))" if isinstance(article, bytes) else ""
        raise TypeError(f"score() takes an Article or a str, not {type(article).__name__}{hint}")
    _require_text(article.body, source or f"article '{article.id}'")
    return article


def _require_text(body: str, where: str) -> None:
    # An empty text scored 73.7 and NULs 100 "well sourced": no score beats a wrong one.
    problem = text_problem(body)
    if problem is not None:
        raise InputError(where, problem)


def _article_info(article: Article, source: str | None) -> ArticleInfo:
    return ArticleInfo(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        authors=article.authors,
        language=article.language,
        source=source,
    )


def _one_line(exc: BaseException) -> str:
    """A scorer's error as one line for the report (pydantic's run to several, with a URL)."""
    if isinstance(exc, ValidationError):
        where, first = first_problem(exc)
        return f"ValidationError: {where}: {first['msg']}" if where else first["msg"]
    return f"{type(exc).__name__}: " + " ".join(str(exc).split())
