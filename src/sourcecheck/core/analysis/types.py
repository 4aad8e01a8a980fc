"""The shared analysis of one article, computed once and read by every scorer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from sourcecheck.core.models import (
    AnalysisReport,
    Attribution,
    Claim,
    Genre,
    Hedge,
    Quote,
    Source,
    SourceType,
    Span,
)
from sourcecheck.core.records import set_through_slots


@dataclass(slots=True)
class AttributionDraft:
    """An attribution while the analysis builds it, with the fields of ``Attribution``.

    The finder fills in the words, speaker resolution ``source_type`` and ``speaker``,
    source building ``source_id``; then each becomes a frozen ``Attribution`` once
    (rebuilding a frozen record for every field a later stage sets would cost more than
    the rest of those stages).
    """

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    source_type: SourceType = "unknown"
    speaker: str | None = None
    role: str | None = None
    direct: bool = False
    sentence: int = 0
    via: int | None = None
    in_quote: bool = False
    source_id: int | None = None

    @classmethod
    def of(cls, attribution: Attribution) -> AttributionDraft:
        return cls(**{name: getattr(attribution, name) for name in _ATTRIBUTION_FIELDS})

    def freeze(self) -> Attribution:
        return Attribution(
            source=self.source,
            cue=self.cue,
            content=self.content,
            source_type=self.source_type,
            speaker=self.speaker,
            role=self.role,
            direct=self.direct,
            sentence=self.sentence,
            via=self.via,
            in_quote=self.in_quote,
            source_id=self.source_id,
        )


_ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))


@set_through_slots
@dataclass(slots=True, frozen=True)
class Sentence:
    span: Span
    paragraph: int


@dataclass(slots=True, frozen=True)
class Analysis:
    """Everything scorers need to know about the text, so none of them re-parses it.

    Collections are tuples in body order (lists given are made tuples), the records are
    frozen and the analysis itself cannot be reassigned: every scorer reads the same one, so
    none can change what the others see. ``Attribution.sentence``, ``Hedge.sentence`` and
    ``Claim.sentence`` index into ``sentences``; ``Attribution.source_id`` into ``sources``.
    ``extras`` is where analysis enrichers (plugins) put what they compute, keyed by their
    plugin name; the engine gives scorers a read-only view of it.
    """

    body: str
    language: str | None = None
    paragraphs: Sequence[Span] = ()
    sentences: Sequence[Sentence] = ()
    quotes: Sequence[Quote] = ()
    attributions: Sequence[Attribution] = ()
    hedges: Sequence[Hedge] = ()
    claims: Sequence[Claim] = ()
    sources: Sequence[Source] = ()
    word_count: int = 0
    genre: Genre = "news"
    extras: dict[str, Any] | MappingProxyType[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in _COLLECTIONS:
            value = getattr(self, name)
            if type(value) is not tuple:
                # Frozen: the dataclass's own __init__ sets fields the same way.
                object.__setattr__(self, name, tuple(value))

    def read_only(self) -> Analysis:
        """This analysis with ``extras`` as a read-only mapping: what scorers are given."""
        if type(self.extras) is MappingProxyType:
            return self
        return replace(self, extras=MappingProxyType(self.extras))

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


#: The fields of Analysis that hold records in body order (tuples once built).
_COLLECTIONS = tuple(
    f.name
    for f in fields(Analysis)
    if f.name not in ("body", "language", "word_count", "genre", "extras")
)
