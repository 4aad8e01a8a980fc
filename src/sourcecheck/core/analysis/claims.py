"""Claims: sentences that assert something, attributed or not. (Placeholder.)"""

from __future__ import annotations

from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Attribution, Claim, Quote


def find_claims(
    body: str,
    sentences: list[Sentence],
    quotes: list[Quote],
    attributions: list[Attribution],
) -> list[Claim]:
    by_sentence: dict[int, list[int]] = {}
    for i, attribution in enumerate(attributions):
        by_sentence.setdefault(attribution.sentence, []).append(i)
    return [
        Claim(
            span=s.span,
            sentence=i,
            attributed=i in by_sentence,
            attributions=by_sentence.get(i, []),
        )
        for i, s in enumerate(sentences)
    ]
