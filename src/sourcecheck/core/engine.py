"""The engine: article -> shared analysis -> scorers -> combiner -> report."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from sourcecheck.core.analysis import Analysis, Analyzer
from sourcecheck.core.combiners import Combiner, band_for, default_combiner
from sourcecheck.core.config import Config
from sourcecheck.core.errors import ConfigError, SourcecheckError
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
)
from sourcecheck.core.positions import LineIndex
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.manager import PluginManager, strict_from_env


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
    ) -> None:
        self.config = config or Config()
        self.strict = self.config.strict or strict_from_env() if strict is None else strict
        self.plugins = plugins or PluginManager.default(
            strict=self.strict,
            modules=self.config.plugins,
            directories=self.config.plugins_dir,
        )
        self.lexicons = Lexicons(
            [
                *(lex for _, lex in self.plugins.call_each("sourcecheck_lexicons")),
                self.config.lexicons,
            ]
        )
        self.analyzer = Analyzer(self.lexicons)
        self.scorers = self._configured_scorers()
        self.combiner: Combiner = self._combiner()

    # -- setup -------------------------------------------------------------------------

    def _all_scorers(self) -> dict[str, Scorer]:
        found: dict[str, tuple[str, Scorer]] = {}
        for plugin_name, scorers in self.plugins.call_each("sourcecheck_scorers"):
            for scorer in scorers:
                _check_scorer_class(plugin_name, scorer)
                if scorer.name in found:
                    first = self.plugins.describe(found[scorer.name][0])
                    raise ConfigError(
                        f"two scorers are named '{scorer.name}': from {first} and from "
                        f"{self.plugins.describe(plugin_name)}"
                    )
                found[scorer.name] = (plugin_name, scorer)
        return {name: scorer for name, (_, scorer) in found.items()}

    def _configured_scorers(self) -> list[Scorer]:
        available = self._all_scorers()
        self.available_scorers = available
        names = set(self.config.enable) if self.config.enable is not None else set(available)
        for name in [*names, *self.config.disable, *self.config.weights, *self.config.scorer]:
            if name not in available:
                known = ", ".join(sorted(available)) or "none"
                raise ConfigError(f"unknown scorer '{name}' (available: {known})")
        names -= set(self.config.disable)
        return [
            available[name].configure(self.config.scorer.get(name, {})) for name in sorted(names)
        ]

    def _combiner(self) -> Combiner:
        chosen = self.plugins.pm.hook.sourcecheck_combiner(config=self.config)
        if chosen is not None:
            return chosen
        return default_combiner(self.config, {s.name: s.default_weight for s in self.scorers})

    # -- scoring -----------------------------------------------------------------------

    def analyze(self, article: Article) -> Analysis:
        analysis = self.analyzer.analyze(article)
        self.plugins.pm.hook.sourcecheck_enrich_analysis(article=article, analysis=analysis)
        return analysis

    def score(self, article: Article | str, *, source: str | None = None) -> Report:
        """Score one article (or a plain text body) and explain the result."""
        if isinstance(article, str):
            article = Article(body=article)
        analysis = self.analyze(article)
        lines = LineIndex(article.body)
        results = [self._run_scorer(scorer, article, analysis, lines) for scorer in self.scorers]
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
            errors=list(self.plugins.errors) + _scorer_errors(results),
            versions=self.versions(),
        )

    def score_batch(self, articles: Iterable[Article]) -> Iterator[Report]:
        """Score a stream of articles lazily: memory does not grow with the stream."""
        for article in articles:
            yield self.score(article)

    def versions(self) -> dict[str, str]:
        from sourcecheck import __version__

        return {"sourcecheck": __version__, **{s.name: s.version for s in self.scorers}}

    def rules(self) -> dict[str, str]:
        """Every rule id the enabled scorers can emit, with its help text."""
        return {f"{s.name}/{rule}": text for s in self.scorers for rule, text in s.rules.items()}

    def _run_scorer(
        self, scorer: Scorer, article: Article, analysis: Analysis, lines: LineIndex
    ) -> ScorerReport:
        started = time.perf_counter()
        try:
            result = scorer.score(article, analysis)
            result = _validated(result, article.body)
        except Exception as exc:  # isolate: one broken scorer must not sink the report
            if self.strict:
                raise ScorerFailure(f"scorer '{scorer.name}' failed: {exc}") from exc
            return _failed(scorer, f"{type(exc).__name__}: {exc}")
        elapsed = time.perf_counter() - started
        if elapsed > self.config.time_budget:
            message = f"ran {elapsed:.1f}s, over its time budget of {self.config.time_budget}s"
            if self.strict:
                raise ScorerFailure(f"scorer '{scorer.name}' {message}")
            return _failed(scorer, message)
        findings = self._apply_rule_levels(result.findings, lines)
        return ScorerReport(
            name=scorer.name,
            version=scorer.version,
            status="ok",
            score=result.score,
            confidence=result.confidence,
            summary=result.summary,
            metrics=result.metrics,
            findings=findings,
        )

    def _apply_rule_levels(self, findings: list[Finding], lines: LineIndex) -> list[Finding]:
        kept: list[Finding] = []
        for finding in findings:
            level = self.config.rules.get(finding.rule)
            if level == "off":
                continue
            update: dict[str, Any] = {}
            if level is not None:
                update["severity"] = level
            if finding.span is not None:
                update["line"], update["column"] = lines.position(finding.span.start)
            kept.append(finding.model_copy(update=update) if update else finding)
        kept.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        return kept


def _check_scorer_class(plugin_name: str, scorer: object) -> None:
    if not isinstance(scorer, Scorer):
        raise ConfigError(
            f"plugin '{plugin_name}' returned {scorer!r} from sourcecheck_scorers, "
            "which is not a sourcecheck.Scorer instance"
        )
    name = scorer.name
    if not name or name != name.lower() or not name.replace("_", "").replace("-", "").isalnum():
        raise ConfigError(
            f"plugin '{plugin_name}': scorer name {name!r} must be lowercase letters, digits, "
            "'_' or '-'"
        )


def _validated(result: object, body: str) -> ScorerResult:
    """Re-validate what a scorer returned: type, ranges, and that every span is real."""
    if not isinstance(result, ScorerResult):
        raise TypeError(f"returned {type(result).__name__}, not ScorerResult")
    try:
        result = ScorerResult.model_validate(result.model_dump())
    except ValidationError as exc:
        raise ValueError(f"invalid result: {exc.errors()[0]['msg']}") from None
    for finding in result.findings:
        span = finding.span
        if span is None:
            continue
        if span.end > len(body) or body[span.start : span.end] != span.text:
            raise ValueError(
                f"finding {finding.rule} has span [{span.start}, {span.end}) "
                "that does not match the article body"
            )
    return result


def _failed(scorer: Scorer, message: str) -> ScorerReport:
    return ScorerReport(name=scorer.name, version=scorer.version, status="failed", error=message)


def _scorer_errors(results: list[ScorerReport]) -> list[PluginError]:
    return [
        PluginError(plugin=r.name, message=r.error or "failed")
        for r in results
        if r.status == "failed"
    ]


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
