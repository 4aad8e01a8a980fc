"""GitHub Actions workflow commands: each finding becomes an annotation on the PR.

    ::warning file=drafts/a.md,line=3,col=5,endLine=3,endColumn=21,title=RULE::MESSAGE

Escaping follows the runner's rules: in the message, '%', CR and LF are percent-encoded;
in property values ':' and ',' are too, or they would end the value early. Any other
control character in the message is written as an escape (``\\x1b``).
"""

from __future__ import annotations

from sourcecheck.core.combiners import shown_score
from sourcecheck.core.printable import escape_controls
from sourcecheck.lint.formats.base import FormatContext
from sourcecheck.lint.runner import CheckRun, LintFinding

_LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    # Properties must decode to the file's real name, so only their separators are encoded;
    # in the message, other control characters mean nothing to the runner but could colour
    # or garble its log, so they are written as escapes.
    return f"::{level} {props}::{escape_controls(escape_data(message))}"


def _annotation(path: str, finding: LintFinding) -> str:
    region = finding.region
    properties: dict[str, str | int] = {"file": path, "line": finding.line, "col": finding.column}
    if region is not None:
        properties.update(endLine=region.end_line, endColumn=region.end_column)
    properties["title"] = f"sourcecheck {finding.rule}"
    return command(_LEVELS[finding.severity], finding.message, **properties)


def render_github(run: CheckRun, context: FormatContext) -> str:
    lines: list[str] = []
    for result in run.files:
        path = context.repo_path(result.path)
        if result.error is not None:
            lines.append(command("error", f"cannot read: {result.error}", file=path))
            continue
        lines.extend(_annotation(path, f) for f in result.findings)
        report = result.report
        if result.score_failed and report is not None:
            score = "n/a" if report.score is None else f"{shown_score(report.score)}/100"
            message = (
                f"sourcing score {score} ({report.band}) is under the threshold "
                f"of {run.options.fail_under:g}"
            )
            lines.append(command("error", message, file=path, title="sourcecheck score"))
    return "".join(line + "\n" for line in lines)
