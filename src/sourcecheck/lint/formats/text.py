"""The default format: ``path:line:col: severity rule message``, then a line per file."""

from __future__ import annotations

from collections import Counter

import click

from sourcecheck.core.combiners import shown_score
from sourcecheck.core.printable import escape_controls, one_line_printable
from sourcecheck.lint.formats.base import FormatContext, plural
from sourcecheck.lint.runner import CheckRun, FileResult, LintFinding

_ORDER = ("error", "warning", "suggestion")
_COLORS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


def render_text(run: CheckRun, context: FormatContext) -> str:
    if context.statistics:
        return render_statistics(run)
    lines: list[str] = []
    for result in run.files:
        if result.error is not None:
            continue  # read errors go to stderr, one line each (see the check command)
        lines.extend(_finding_line(result.path, f, context.color) for f in result.findings)
        if not context.quiet:
            lines.append(_summary_line(result, run, context.color))
    if not context.quiet:
        lines.append(_total_line(run))
    return "\n".join(lines) + "\n" if lines else ""


def render_statistics(run: CheckRun) -> str:
    """One line per rule, most frequent first: count, rule, level (as ruff --statistics)."""
    counts = Counter((f.rule, f.severity) for result in run.files for f in result.findings)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = len(str(max(counts.values(), default=0)))
    return "".join(f"{n:>{width}}  {rule}  [{severity}]\n" for (rule, severity), n in ranked)


def _finding_line(path: str, finding: LintFinding, color: bool) -> str:
    # A file name is the draft writer's to choose: a newline in it must not start a line
    # that a CI runner reads as its own command.
    where = f"{escape_controls(path)}:{finding.line}:{finding.column}:"
    severity, rule = finding.severity, escape_controls(finding.rule)
    if color:
        where = click.style(where, bold=True)
        severity = click.style(severity, fg=_COLORS[severity])
        rule = click.style(rule, dim=True)
    return f"{where} {severity} {rule} {one_line_printable(finding.message)}"


def _counts(findings: list[LintFinding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(plural(counts[level], level) for level in _ORDER if counts[level])


def _summary_line(result: FileResult, run: CheckRun, color: bool) -> str:
    report = result.report
    assert report is not None
    score = "n/a" if report.score is None else f"{shown_score(report.score)}/100"
    parts = [_counts(result.findings) or "no findings"]
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed")
    if result.hidden:
        parts.append(f"{result.hidden} below {run.options.min_level}")
    if result.outside_diff:
        parts.append(f"{result.outside_diff} outside the diff")
    line = f"{escape_controls(result.path)}: score {score} ({escape_controls(report.band)}); "
    line += ", ".join(parts)
    if result.score_failed:
        flag = f"FAILED: score under {run.options.fail_under:g}"
        line += f" [{click.style(flag, fg='red', bold=True) if color else flag}]"
    return line


def _total_line(run: CheckRun) -> str:
    checked = [f for f in run.files if f.error is None]
    findings = [finding for f in checked for finding in f.findings]
    line = f"Checked {plural(len(checked), 'draft')}: {_counts(findings) or 'no findings'}"
    if run.errors:
        line += f"; {plural(run.errors, 'draft')} could not be read"
    return line + "."
