"""A tiny example plugin for the corpus demo: share of sentences that carry an attribution.

Load it with ``--plugins-dir examples/corpus``. It reads only the shared analysis
(``analysis.attributions``, ``analysis.sentences``), like any real scorer should.
"""

from __future__ import annotations

from sourcecheck import Analysis, Article, Scorer, ScorerResult, hookimpl


class AttributedShare(Scorer):
    name = "attributed_share"
    version = "0.1.0"
    description = "Share of sentences with an attribution (demo plugin)."

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        sentences = max(1, len(analysis.sentences))
        attributed = len({a.sentence for a in analysis.attributions})
        share = attributed / sentences
        return ScorerResult(
            score=min(1.0, 2 * share),
            confidence=min(1.0, sentences / 10),
            metrics={"attributed_sentences": attributed, "share": round(share, 4)},
        )


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [AttributedShare()]
