"""reviewdog's rdjsonl: one Diagnostic per line (``reviewdog -f=rdjsonl``).

Positions are 1-based with an exclusive end, and columns count UTF-8 bytes, as the
Reviewdog Diagnostic Format defines them.
"""

from __future__ import annotations

import json
from typing import Any

from sourcecheck.core.printable import escape_json_text
from sourcecheck.lint.formats.base import FormatContext
from sourcecheck.lint.runner import CheckRun, LintFinding
from sourcecheck.prose.positions import SourceMap

_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}


def _range(finding: LintFinding, source: SourceMap | None) -> dict[str, Any]:
    region = finding.region
    if region is None or source is None:
        return {"start": {"line": 1}}
    return {
        "start": {"line": region.line, "column": source.byte_column(region.line, region.column)},
        "end": {
            "line": region.end_line,
            "column": source.byte_column(region.end_line, region.end_column),
        },
    }


def render_rdjsonl(run: CheckRun, context: FormatContext) -> str:
    out: list[str] = []
    for result in run.files:
        for finding in result.findings:
            diagnostic = {
                "message": finding.message,
                "location": {"path": result.path, "range": _range(finding, result.source)},
                "severity": _SEVERITIES[finding.severity],
                "source": {"name": "sourcecheck"},
                "code": {"value": finding.rule},
            }
            out.append(escape_json_text(json.dumps(diagnostic, ensure_ascii=False)) + "\n")
    return "".join(out)
