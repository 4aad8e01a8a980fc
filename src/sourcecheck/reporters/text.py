"""The terminal report: a header with the score and band, a bar per scorer, top findings.

Rendered with rich. Colour only when asked (the CLI asks when stdout is a TTY); without
it the output is plain text with the same layout, fit for logs and pipes.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from typing import ClassVar

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sourcecheck.calibration.explain import explain_calibrated
from sourcecheck.core.combiners import shown_score
from sourcecheck.core.models import Report, ScorerReport
from sourcecheck.core.printable import one_line_printable as printable
from sourcecheck.reporters.base import Reporter
from sourcecheck.reporters.evidence import (
    contributions_sum,
    effect,
    ranked_findings,
    shorten,
    where,
)

BAR_CELLS = 20
PLAIN_WIDTH = 100
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


class TextReporter(Reporter):
    """A report a person reads in the terminal."""

    format = "text"
    description = "a report for people, in the terminal (colour on a TTY)"
    streams: ClassVar[bool] = True

    def __init__(self, *, max_findings: int = 8, width: int | None = None) -> None:
        self.max_findings = max_findings
        self.width = width

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width or (_terminal_width() if color else PLAIN_WIDTH),
            force_terminal=color,
            no_color=not color,
            color_system="standard" if color else None,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )
        for report in reports:
            console.print(self.renderable(report))
        return buffer.getvalue()

    def renderable(self, report: Report) -> RenderableType:
        parts: list[RenderableType] = [_score_line(report), Text()]
        parts.append(_breakdown(report))
        parts.append(_arithmetic(report))
        parts.extend(self._findings(report))
        parts.extend(_notes(report))
        title = Text(
            printable(report.article.title or f"article {report.article.id}"), style="bold"
        )
        return Panel(
            Group(*parts),
            title=title,
            title_align="left",
            subtitle=_origin(report),
            subtitle_align="right",
            box=box.ROUNDED,
            padding=(0, 1),
        )

    def _findings(self, report: Report) -> list[RenderableType]:
        ranked = ranked_findings(report)
        if not ranked:
            return [Text("\nNo findings.", style="dim")]
        shown = ranked[: self.max_findings]
        heading = "Top findings" if len(ranked) > len(shown) else "Findings"
        count = f" ({len(shown)} of {len(ranked)})" if len(ranked) > len(shown) else ""
        # A grid, so a long message wraps inside its own column instead of under line:col.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True, style="dim", min_width=7)
        grid.add_column(no_wrap=True, min_width=10)
        grid.add_column(overflow="fold")
        for _, finding in shown:
            detail = Text(printable(finding.message))
            detail.append(f"  [{printable(finding.rule)}]", style="dim")
            if finding.span is not None and finding.span.text.strip():
                detail.append(f"\n“{printable(shorten(finding.span.text))}”", style="italic")
            severity = Text(finding.severity, style=SEVERITY_STYLE.get(finding.severity, ""))
            grid.add_row(where(finding), severity, detail)
        return [Text(f"\n{heading}{count}", style="bold"), grid]


def _score_line(report: Report) -> Text:
    line = Text("Score ")
    if report.score is None:
        line.append("n/a", style="bold")
    else:
        line.append(shown_score(report.score), style=f"bold {_score_style(report.score)}")
        line.append("/100")
    line.append("  ·  ")
    style = _score_style(report.score) if report.score is not None else ""
    line.append(printable(report.band), style=style)
    return line


def _score_style(score: float) -> str:
    if score >= 80:
        return "green"
    if score >= 60:
        return "bright_green"
    if score >= 40:
        return "yellow"
    return "red"


def _breakdown(report: Report) -> Table:
    table = Table(box=None, show_header=True, header_style="dim", pad_edge=False, expand=False)
    table.add_column("scorer", no_wrap=True)
    table.add_column("score", no_wrap=True)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("effect on overall", no_wrap=True)
    table.add_column("summary", overflow="fold")
    for scorer in report.scorers:
        table.add_row(*_scorer_row(scorer))
    return table


def _scorer_row(scorer: ScorerReport) -> tuple[Text, Text, Text, Text, Text]:
    name = Text(scorer.name)
    if scorer.status != "ok" or scorer.score is None:
        detail = printable(scorer.error or scorer.summary)
        return (
            name,
            Text("─" * BAR_CELLS, style="dim"),
            Text(scorer.status, style="red" if scorer.status == "failed" else "dim"),
            Text("left out", style="dim"),
            Text(detail, style="red" if scorer.status == "failed" else "dim"),
        )
    filled = round(scorer.score * BAR_CELLS)
    bar = Text("█" * filled, style=_score_style(scorer.score * 100))
    bar.append("░" * (BAR_CELLS - filled), style="dim")
    what = effect(scorer)
    style = {"raised": "green", "lowered": "red"}.get(what, "dim")
    arrow = {"raised": "▲", "lowered": "▼"}.get(what, "•")
    change = Text(f"{arrow} {scorer.contribution:+5.1f} {what}", style=style)
    return name, bar, Text(f"{scorer.score:.2f}"), change, Text(printable(scorer.summary))


def _arithmetic(report: Report) -> Text:
    if report.score is None:
        return Text("\nNo scorer could be combined into an overall score.", style="dim")
    total = contributions_sum(report)
    text = Text(
        f"\nbaseline {report.baseline:.1f} {'+' if total >= 0 else '-'} contributions "
        f"{abs(total):.1f} = {report.score:.1f}",
        style="dim",
    )
    # A calibrated model adds up in log-odds; say so, with what raised and lowered it.
    for line in explain_calibrated(report):
        text.append("\n" + line)
    return text


def _notes(report: Report) -> list[RenderableType]:
    notes: list[RenderableType] = []
    for warning in report.warnings:
        notes.append(Text(f"! {printable(warning)}", style="yellow"))
    scorers = {s.name for s in report.scorers}
    for error in report.errors:
        if error.plugin in scorers:
            continue  # already shown, with its error, in the breakdown
        notes.append(Text(f"✗ {printable(error.plugin)}: {printable(error.message)}", style="red"))
    return [Text(), *notes] if notes else []


def _origin(report: Report) -> Text | None:
    bits = [printable(b) for b in (report.article.source, report.article.outlet) if b]
    return Text(" · ".join(bits), style="dim") if bits else None


def _terminal_width() -> int:
    return max(60, min(shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns, 140))
