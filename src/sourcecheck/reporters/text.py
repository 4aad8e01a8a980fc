"""The terminal report (placeholder: to be made rich)."""

from __future__ import annotations

from collections.abc import Sequence

from sourcecheck.core.models import Report
from sourcecheck.reporters.base import Reporter


class TextReporter(Reporter):
    format = "text"
    description = "a report for people, in the terminal"

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        out: list[str] = []
        for report in reports:
            score = "n/a" if report.score is None else f"{report.score:.0f}"
            out.append(f"{report.article.title or report.article.id}: {score}/100 ({report.band})")
            for s in report.scorers:
                shown = "failed" if s.score is None else f"{s.score:.2f}"
                out.append(f"  {s.name:<22} {shown:>6}  {s.contribution:+.1f}  {s.summary}")
            for f in report.findings():
                out.append(f"  {f.line}:{f.column} {f.severity} {f.rule} {f.message}")
        return "\n".join(out) + "\n"
