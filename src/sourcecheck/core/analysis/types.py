"""The shared analysis of one article, computed once and read by every scorer."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from sourcecheck.core.models import (
    AnalysisReport,
    Attribution,
    Claim,
    Genre,
    Hedge,
    Quote,
    Source,
    Span,
    fill_unchecked,
)

ModelT = TypeVar("ModelT", bound=BaseModel)


def build(cls: type[ModelT], **values: Any) -> ModelT:
    """A model instance from values the analysis computed itself, without re-validating.

    The analysis builds dozens of attributions, quotes and claims per article from offsets
    it has just checked; pydantic validation of each was a tenth of the analysis time.
    Fields not given take their declared default.
    """
    defaults = _defaults(cls)
    if len(values) < len(defaults):  # callers pass field names only: equal means all given
        for name, factory, default in defaults:
            if name not in values:
                values[name] = factory() if factory is not None else default
    return fill_unchecked(cls, values)


@cache
def _defaults(cls: type[BaseModel]) -> tuple[tuple[str, Any, Any], ...]:
    """(field, default factory, default) for every field of ``cls``, computed once."""
    return tuple(
        (name, info.default_factory, info.default) for name, info in cls.model_fields.items()
    )


@dataclass(slots=True)
class Sentence:
    span: Span
    paragraph: int


@dataclass(slots=True)
class Analysis:
    """Everything scorers need to know about the text, so none of them re-parses it.

    Lists are in body order. ``Attribution.sentence``, ``Hedge.sentence`` and
    ``Claim.sentence`` index into ``sentences``; ``Attribution.source_id`` into ``sources``. ``extras`` is where analysis enrichers
    (plugins) put what they compute, keyed by their plugin name.
    """

    body: str
    language: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    word_count: int = 0
    genre: Genre = "news"
    extras: dict[str, Any] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one starting before it)."""
        lo, hi = 0, len(self.sentences) - 1
        found = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].span.start <= offset:
                found, lo = mid, mid + 1
            else:
                hi = mid - 1
        return found

    def to_report(self) -> AnalysisReport:
        return AnalysisReport(
            word_count=self.word_count,
            sentence_count=len(self.sentences),
            paragraph_count=len(self.paragraphs),
            attributions=self.attributions,
            hedges=self.hedges,
            claims=self.claims,
            genre=self.genre,
            sources=self.sources,
        )
