"""A test plugin whose scorer does a fixed amount of arithmetic per article.

It makes a run last long enough to be killed part-way, without any sleep or clock.
"""

from __future__ import annotations

from sourcecheck import Analysis, Article, Scorer, ScorerResult, hookimpl


class BusyScorer(Scorer):
    name = "busy"
    version = "1.0"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        total = sum(i * i for i in range(20_000))
        return ScorerResult(score=1.0 if total else 0.0, metrics={"words": analysis.word_count})


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [BusyScorer()]
