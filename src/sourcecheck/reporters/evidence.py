"""What the human-facing reporters share: evidence layers, segments and ranked findings.

A *layer* is one set of highlighted spans the reader can toggle: one per scorer (its
findings) plus the shared analysis (attributions, hedges). :func:`segments` cuts the body
into runs that are covered by the same marks, so overlapping evidence renders without
nesting tags.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sourcecheck.core.models import SEVERITY_ORDER, Finding, Report, ScorerReport, Span

ATTRIBUTIONS_LAYER = "analysis:attributions"
HEDGES_LAYER = "analysis:hedges"


@dataclass(frozen=True)
class Mark:
    """One highlighted span: which layer it belongs to and what it means."""

    layer: str
    start: int
    end: int
    note: str


@dataclass
class Layer:
    key: str
    label: str
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    """A run of the body ``[start, end)`` covered by exactly the marks in ``marks``."""

    start: int
    end: int
    marks: tuple[Mark, ...]


def evidence_layers(report: Report) -> list[Layer]:
    """The scorer layers (in report order) then the analysis layers; empty ones dropped."""
    layers = [_scorer_layer(scorer) for scorer in report.scorers]
    layers.append(_attribution_layer(report))
    layers.append(_hedge_layer(report))
    return [layer for layer in layers if layer.marks]


def _scorer_layer(scorer: ScorerReport) -> Layer:
    layer = Layer(key=f"scorer:{scorer.name}", label=scorer.name)
    for finding in scorer.findings:
        if finding.span is not None and finding.span.end > finding.span.start:
            note = f"{finding.severity} {finding.rule}: {finding.message}"
            layer.marks.append(_mark(layer.key, finding.span, note))
    return layer


def _attribution_layer(report: Report) -> Layer:
    layer = Layer(key=ATTRIBUTIONS_LAYER, label="attributions")
    for attribution in report.analysis.attributions:
        who = attribution.speaker or attribution.source_type.replace("_", " ")
        parts = [
            (attribution.source, f"source ({who})"),
            (attribution.cue, f"attribution cue for {who}"),
        ]
        for span, note in parts:
            if span is not None and span.end > span.start:
                layer.marks.append(_mark(layer.key, span, note))
    return layer


def _hedge_layer(report: Report) -> Layer:
    layer = Layer(key=HEDGES_LAYER, label="hedges")
    for hedge in report.analysis.hedges:
        note = f"hedge: {hedge.category.replace('_', ' ')} ({hedge.voice}'s voice)"
        layer.marks.append(_mark(layer.key, hedge.span, note))
    return layer


def _mark(layer: str, span: Span, note: str) -> Mark:
    return Mark(layer=layer, start=span.start, end=span.end, note=note)


def segments(length: int, marks: list[Mark]) -> list[Segment]:
    """Cut ``[0, length)`` at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= length]
    by_start = sorted(marks, key=lambda m: (m.start, m.end, m.layer, m.note))
    active: list[Mark] = []
    pieces: list[Segment] = []
    next_mark = 0
    for start, end in itertools.pairwise(cuts):
        while next_mark < len(by_start) and by_start[next_mark].start <= start:
            active.append(by_start[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > start]
        pieces.append(Segment(start, end, tuple(active)))
    return pieces


def ranked_findings(report: Report) -> list[tuple[ScorerReport, Finding]]:
    """Findings most worth reading first: by severity, then where they are in the text.

    A finding a scorer reported twice (same rule, words and message: two attributions of
    one source, say) is listed once: a reader gains nothing from the second.
    """
    unique: dict[tuple[object, ...], tuple[ScorerReport, Finding]] = {}
    for scorer in report.scorers:
        for f in scorer.findings:
            span = (f.span.start, f.span.end) if f.span else None
            unique.setdefault((scorer.name, f.rule, span, f.message, f.severity), (scorer, f))
    found = list(unique.values())
    return sorted(
        found,
        key=lambda pair: (
            -SEVERITY_ORDER.get(pair[1].severity, 0),
            pair[1].span.start if pair[1].span else -1,
            pair[1].rule,
        ),
    )


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters, cut in the middle of long quotes."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    half = (limit - 1) // 2
    return f"{flat[:half].rstrip()}…{flat[-(limit - 1 - half) :].lstrip()}"


def where(finding: Finding) -> str:
    """'line:col' of a finding, or '-' when it points at no words."""
    if finding.line is None or finding.column is None:
        return "-"
    return f"{finding.line}:{finding.column}"


def effect(scorer: ScorerReport) -> str:
    """'raised', 'lowered' or 'no effect' on the overall score."""
    if scorer.status != "ok":
        return scorer.status
    if scorer.contribution > 0:
        return "raised"
    if scorer.contribution < 0:
        return "lowered"
    return "no effect"


def contributions_sum(report: Report) -> float:
    return sum(s.contribution for s in report.scorers if s.status == "ok")
