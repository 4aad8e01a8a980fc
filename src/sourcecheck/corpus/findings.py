"""Put the corpus matches in the report: one finding per corroborated claim.

With ``--corpus-index`` the engine gets an extra scorer, ``corpus_matches``, that only
reports: it reads ``analysis.extras["corpus"]`` and, for each claim another outlet also
reports, emits a suggestion-level finding on that sentence naming the matching articles,
their outlets and how close they are. It carries no weight (weight 0, confidence 0), so the
overall score is what the real scorers, the corroboration scorer first, make of the matches.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, Finding, ScorerResult
from sourcecheck.core.scorer import Scorer

SHOWN_MATCHES = 3


class CorpusMatchScorer(Scorer):
    name = "corpus_matches"
    version = "1.0.0"
    description = "Lists, for each claim, the articles of other outlets that report it."
    default_weight = 0.0
    rules: ClassVar[dict[str, str]] = {
        "corroborated": "Another outlet reports this claim (from the corpus index).",
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        corpus = analysis.extras.get("corpus") or {}
        claims = [c for c in corpus.get("claims", []) if not c.get("boilerplate")]
        matched = [c for c in claims if c["matches"]]
        outlets = {m["outlet"] for c in matched for m in c["matches"]}
        return ScorerResult(
            score=len(matched) / len(claims) if claims else 0.0,
            confidence=0.0,  # informational: never moves the overall score
            summary=(
                f"{len(matched)} of {len(claims)} indexed claims reported by other outlets "
                f"({len(outlets)} outlets) in {corpus.get('indexed_articles', 0)} indexed articles."
            ),
            metrics={
                "indexed_claims": len(claims),
                "corroborated_claims": len(matched),
                "matched_outlets": len(outlets),
                "matches": sum(len(c["matches"]) for c in matched),
            },
            findings=[self._finding(claim, analysis) for claim in matched],
        )

    def _finding(self, claim: dict[str, Any], analysis: Analysis) -> Finding:
        matches = claim["matches"]
        outlets = len({m["outlet"] for m in matches})
        shown = "; ".join(
            f"{m['outlet']} ({m['similarity']:.2f}, {m['article_id']}, "
            f"{m['published'] or 'undated'}): \u201c{m['text']}\u201d"
            for m in matches[:SHOWN_MATCHES]
        )
        more = f"; and {len(matches) - SHOWN_MATCHES} more" if len(matches) > SHOWN_MATCHES else ""
        sentence = claim["sentence"]
        span = analysis.sentences[sentence].span if sentence < len(analysis.sentences) else None
        return self.finding(
            "corroborated",
            f"Also reported by {outlets} other outlet{'s' if outlets != 1 else ''}: {shown}{more}",
            span,
            "suggestion",
        )
