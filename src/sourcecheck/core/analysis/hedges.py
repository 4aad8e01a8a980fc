"""Hedge cues. (Placeholder: a handful of modals.)"""

from __future__ import annotations

import re

from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Hedge, Quote, Span

_HEDGE = re.compile(r"\b(may|might|could|reportedly|allegedly|possibly)\b", re.I)


class HedgeFinder:
    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        quotes: list[Quote],
        attributions: list[Attribution],
    ) -> list[Hedge]:
        return [
            Hedge(span=Span.of(body, m.start(), m.end()), category="epistemic_modal")
            for m in _HEDGE.finditer(body)
        ]
