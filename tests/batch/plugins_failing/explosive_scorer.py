"""A test plugin whose scorer raises on articles that mention a volcano."""

from __future__ import annotations

from sourcecheck import Analysis, Article, Scorer, ScorerResult, hookimpl


class ExplosiveScorer(Scorer):
    name = "explosive"
    version = "0.1"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        if "volcano" in article.body:
            raise RuntimeError("erupted")
        return ScorerResult(score=0.9, metrics={"calm": True, "label": "quiet"})


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [ExplosiveScorer()]
