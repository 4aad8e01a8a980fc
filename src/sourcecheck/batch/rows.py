"""One flat row per article: what researchers load into pandas, DuckDB or R.

Column names are stable and dotted: ``<scorer>.score``, ``<scorer>.confidence``,
``<scorer>.status`` and one ``<scorer>.<metric>`` per numeric metric. Booleans become 0/1
floats, so every metric column has one type across a whole corpus.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from sourcecheck.core.models import Article, Report, ScorerReport
from sourcecheck.loaders.records import BadRecord

Row = dict[str, Any]

# The columns every row has, in order; Parquet writers type them as strings or floats.
BASE_COLUMNS: tuple[str, ...] = (
    "id",
    "outlet",
    "title",
    "published",
    "source",
    "status",
    "error",
    "score",
    "band",
    "word_count",
    "sentence_count",
    "claim_count",
    "attribution_count",
)
STRING_COLUMNS = frozenset(
    {"id", "outlet", "title", "published", "source", "status", "error", "band"}
)
STATUS_OK, STATUS_FAILED = "ok", "failed"
# Per-scorer columns a metric of the same name must not overwrite.
SCORER_FIELDS = frozenset({"score", "confidence", "contribution", "status", "error"})


def report_row(report: Report, article: Article) -> Row:
    """The flat row of a scored article."""
    analysis = report.analysis
    row: Row = {
        "id": report.article.id,
        "outlet": report.article.outlet,
        "title": report.article.title or None,
        "published": iso(report.article.published),
        "source": _source(article),
        "status": STATUS_OK,
        "error": None,
        "score": report.score,
        "band": report.band,
        "word_count": analysis.word_count,
        "sentence_count": analysis.sentence_count,
        "claim_count": len(analysis.claims),
        "attribution_count": len(analysis.attributions),
    }
    for scorer in report.scorers:
        row.update(scorer_columns(scorer))
    return row


def scorer_columns(scorer: ScorerReport) -> Row:
    prefix = scorer.name
    columns: Row = {
        f"{prefix}.score": scorer.score,
        f"{prefix}.confidence": scorer.confidence,
        f"{prefix}.contribution": scorer.contribution,
        f"{prefix}.status": scorer.status,
    }
    if scorer.error:
        columns[f"{prefix}.error"] = scorer.error
    for metric, value in scorer.metrics.items():
        if isinstance(value, int | float):  # text and None stay in the JSON report only
            name = f"{metric}_metric" if metric in SCORER_FIELDS else metric
            columns[f"{prefix}.{name}"] = numeric(value)  # null when not finite
    return columns


def failed_row(
    article_id: str,
    error: str,
    *,
    outlet: str | None = None,
    source: str | None = None,
    article: Article | None = None,
) -> Row:
    """The row of an article that could not be read or scored: it never disappears."""
    row: Row = dict.fromkeys(BASE_COLUMNS)
    row.update(id=article_id, outlet=outlet, source=source, status=STATUS_FAILED, error=error)
    if article is not None:
        row.update(
            title=article.title or None,
            published=iso(article.published),
            source=_source(article) or source,
        )
    return row


def bad_record_row(record: BadRecord) -> Row:
    return failed_row(record.id, record.error, outlet=record.outlet, source=record.source)


def numeric(value: object) -> float | None:
    """A metric as a float, or None when it is text (text metrics stay in the JSON report)
    or not finite: JSON has no Infinity or NaN, and the JSON report writes them as null."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int past float's range is no more finite than inf
            return None
        return number if math.isfinite(number) else None
    return None


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _source(article: Article) -> str | None:
    source = article.meta.get("source")
    return str(source) if source is not None else None
