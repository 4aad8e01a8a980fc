"""The bridge to scoring: an analysis enricher that adds corpus matches to every article.

It is an ordinary ``sourcecheck_enrich_analysis`` hook implementation, registered on an
engine's plugin manager, so the corroboration scorer (or any plugin) finds the matches in
``analysis.extras["corpus"]`` without knowing where they came from.
"""

from __future__ import annotations

from pathlib import Path

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article
from sourcecheck.corpus.index import ClaimIndex, MatchOptions
from sourcecheck.plugins.hookspecs import hookimpl

EXTRAS_KEY = "corpus"
PLUGIN_NAME = "sourcecheck.corpus"


class CorpusEnricher:
    """Holds one loaded index; one per process (built in the worker initializer)."""

    def __init__(self, index: ClaimIndex, options: MatchOptions | None = None) -> None:
        self.index = index
        self.options = options or index.match  # the thresholds chosen when it was built

    @hookimpl
    def sourcecheck_enrich_analysis(self, article: Article, analysis: Analysis) -> None:
        analysis.extras[EXTRAS_KEY] = self.index.corroborate(article, analysis.claims, self.options)


def attach_corpus_index(
    engine: Engine, path: str | Path, options: MatchOptions | None = None
) -> CorpusEnricher:
    """Load the index at ``path`` and make ``engine`` enrich every analysis with it."""
    enricher = CorpusEnricher(ClaimIndex.load(path), options)
    engine.plugins.register(enricher, name=PLUGIN_NAME, origin="builtin")
    _add_match_findings(engine)
    return enricher


def _add_match_findings(engine: Engine) -> None:
    """Add the weightless ``corpus_matches`` scorer so reports list each claim's matches."""
    from sourcecheck.corpus.findings import CorpusMatchScorer

    scorer = CorpusMatchScorer()
    if any(s.name == scorer.name for s in engine.scorers):
        return
    engine.scorers.append(scorer)
    weights = getattr(engine.combiner, "weights", None)
    if isinstance(weights, dict):
        weights.setdefault(scorer.name, 0.0)  # report only: never part of the overall score
