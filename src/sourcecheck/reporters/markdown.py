"""The Markdown report: for pull-request comments, wikis and newsroom chat."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from sourcecheck.core.combiners import shown_score
from sourcecheck.core.models import Report, ScorerReport
from sourcecheck.core.printable import one_line_printable
from sourcecheck.reporters.base import Reporter
from sourcecheck.reporters.evidence import (
    contributions_sum,
    effect,
    ranked_findings,
    shorten,
    where,
)

# Characters Markdown would read as markup; '<' and '&' become entities instead, so article
# text can never turn into raw HTML where a renderer allows it.
_MARKUP = re.compile(r"([\\`*_{}\[\]|~])")


def escape(text: str) -> str:
    """``text`` shown literally in Markdown (one line: newlines become spaces)."""
    flat = one_line_printable(text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKUP.sub(r"\\\1", flat)


class MarkdownReporter(Reporter):
    format = "markdown"
    description = "a Markdown report (pull-request comments, wikis)"
    streams: ClassVar[bool] = True

    def __init__(self, *, max_findings: int = 20) -> None:
        self.max_findings = max_findings

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        return "".join(self.render_one(report) for report in reports)

    def render_one(self, report: Report) -> str:
        lines = [f"## {escape(report.article.title or 'article ' + report.article.id)}", ""]
        lines += [_score_line(report), ""]
        lines += _breakdown(report)
        lines += self._findings(report)
        lines += _notes(report)
        return "\n".join(lines) + "\n\n"

    def _findings(self, report: Report) -> list[str]:
        ranked = ranked_findings(report)
        if not ranked:
            return ["No findings.", ""]
        shown = ranked[: self.max_findings]
        more = f" ({len(shown)} of {len(ranked)})" if len(ranked) > len(shown) else ""
        lines = [f"### Findings{more}", ""]
        for _, finding in shown:
            quoted = f" — “{escape(shorten(finding.span.text))}”" if finding.span else ""
            lines.append(
                f"- `{where(finding)}` **{finding.severity}** {escape(finding.message)}"
                f"{quoted} (`{finding.rule}`)"
            )
        return [*lines, ""]


def _score_line(report: Report) -> str:
    if report.score is None:
        return f"**Score: n/a** ({escape(report.band)})"
    total = contributions_sum(report)
    return (
        f"**Score: {shown_score(report.score)}/100**, {escape(report.band)} "
        f"(baseline {report.baseline:.1f} {'+' if total >= 0 else '−'} {abs(total):.1f})"
    )


def _breakdown(report: Report) -> list[str]:
    lines = [
        "| Scorer | Score | Weight | Contribution | Summary |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    lines += [_row(scorer) for scorer in report.scorers]
    return [*lines, ""]


def _row(scorer: ScorerReport) -> str:
    if scorer.status != "ok" or scorer.score is None:
        detail = escape(scorer.error or scorer.summary)
        return f"| `{scorer.name}` | {scorer.status} | – | left out | {detail} |"
    return (
        f"| `{scorer.name}` | {scorer.score:.2f} | {scorer.weight:.2f} | "
        f"{scorer.contribution:+.1f} ({effect(scorer)}) | {escape(scorer.summary)} |"
    )


def _notes(report: Report) -> list[str]:
    lines = [f"> **Warning:** {escape(w)}" for w in report.warnings]
    lines += [f"> **Error** in `{e.plugin}`: {escape(e.message)}" for e in report.errors]
    return [*lines, ""] if lines else []
