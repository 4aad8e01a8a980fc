"""Placeholder for the corroboration scorer."""

from __future__ import annotations

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, ScorerResult
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl


class CorroborationScorer(Scorer):
    name = "corroboration"
    version = "0.1.0"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return ScorerResult(score=0.5, confidence=0.5, summary="not implemented yet")


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [CorroborationScorer()]
