"""``json`` (one document, versioned) and ``jsonl`` (one record per line) output."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sourcecheck.core.printable import escape_json_text
from sourcecheck.lint.formats.base import FormatContext
from sourcecheck.lint.runner import LEVELS, CheckRun, FileResult, LintFinding

CHECK_SCHEMA_VERSION = "1.0"


def finding_dict(finding: LintFinding) -> dict[str, Any]:
    region = finding.region
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "scorer": finding.scorer,
        "line": finding.line,
        "column": finding.column,
        "end_line": region.end_line if region else None,
        "end_column": region.end_column if region else None,
        "offset": region.offset if region else None,
        "length": region.length if region else None,
        "snippet": finding.snippet,
    }


def file_dict(result: FileResult) -> dict[str, Any]:
    report = result.report
    return {
        "path": result.path,
        "status": result.status,
        "error": result.error,
        "title": report.article.title if report else None,
        "score": report.score if report else None,
        "band": report.band if report else None,
        "baseline": report.baseline if report else None,
        "score_failed": result.score_failed,
        "scorers": [
            {
                "name": s.name,
                "version": s.version,
                "status": s.status,
                "score": s.score,
                "weight": s.weight,
                "contribution": s.contribution,
                "summary": s.summary,
            }
            for s in (report.scorers if report else [])
        ],
        "suppressed": result.suppressed,
        "hidden": result.hidden,
        "outside_diff": result.outside_diff,
        "notes": result.notes,
        "findings": [finding_dict(f) for f in result.findings],
    }


def render_json(run: CheckRun, context: FormatContext) -> str:
    counts = Counter(f.severity for r in run.files for f in r.findings)
    document = {
        "schema_version": CHECK_SCHEMA_VERSION,
        "tool": {"name": "sourcecheck", "version": context.version},
        "settings": {
            "min_level": run.options.min_level,
            "fail_level": run.options.fail_level,
            "fail_under": run.options.fail_under,
            "diff": run.options.changed is not None,
        },
        "summary": {
            "files": len(run.files),
            "errors": run.errors,
            "failed": run.failed,
            "findings": {level: counts[level] for level in LEVELS},
        },
        "files": [file_dict(r) for r in run.files],
    }
    return escape_json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def render_jsonl(run: CheckRun, context: FormatContext) -> str:
    """Each finding, then its file's summary: ``{"type": "finding" | "file", ...}``."""
    records: list[dict[str, Any]] = []
    for result in run.files:
        for finding in result.findings:
            records.append({"type": "finding", "path": result.path, **finding_dict(finding)})
        summary = file_dict(result)
        summary["findings"] = len(result.findings)
        records.append({"type": "file", **summary})
    return "".join(
        escape_json_text(
            json.dumps({"schema_version": CHECK_SCHEMA_VERSION, **r}, ensure_ascii=False)
        )
        + "\n"
        for r in records
    )
