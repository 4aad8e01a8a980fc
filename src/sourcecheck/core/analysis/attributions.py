"""Attributions: source, cue and content. (Placeholder: 'X said' only.)"""

from __future__ import annotations

import re

from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Quote, Span

_SAID = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)*) (said|says|told)\b")


class AttributionFinder:
    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons

    def find(self, body: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Attribution]:
        found: list[Attribution] = []
        for index, sentence in enumerate(sentences):
            span = sentence.span
            for m in _SAID.finditer(body, span.start, span.end):
                found.append(
                    Attribution(
                        source=Span.of(body, m.start(1), m.end(1)),
                        cue=Span.of(body, m.start(2), m.end(2)),
                        content=None,
                        source_type="named_person",
                        speaker=m.group(1),
                        sentence=index,
                    )
                )
        return found
