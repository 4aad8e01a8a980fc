"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule the enabled scorers declare (descriptions,
default level and help generated from each rule's record), sorted, so a rule keeps its id
and index between runs. URIs are relative to the repository root (``%SRCROOT%``). Columns count code points, said once in
``run.columnKind``; ``charOffset``/``charLength`` count characters of the file as it is on
disk (CRLF endings included). ``partialFingerprints`` hash the rule, the file and the
flagged words, not the line number, so an alert survives edits above it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from sourcecheck.core.printable import escape_json_text
from sourcecheck.core.rules import Rule, explanation_markdown, explanation_text
from sourcecheck.lint.formats.base import SARIF_LEVELS, FormatContext
from sourcecheck.lint.runner import CheckRun, FileResult, LintFinding

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "sourcecheckFinding/v1"
NO_HELP = "No help text is declared for this rule."


def _rule_descriptor(rule_id: str, rule: Rule) -> dict[str, Any]:
    """A SARIF reportingDescriptor, its help generated from the rule's record."""
    scorer, _, name = rule_id.partition("/")
    full = " ".join(part for part in (rule.summary, rule.details) if part)
    return {
        "id": rule_id,
        "name": "".join(
            part.capitalize() for part in (name or scorer).replace("_", "-").split("-")
        ),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "help": {
            "text": explanation_text(rule_id, rule),
            "markdown": explanation_markdown(rule_id, rule),
        },
        "properties": {"tags": ["sourcing", scorer]},
    }


def _rules(run: CheckRun) -> dict[str, Rule]:
    rules = dict(run.rules)
    for result in run.files:
        for finding in result.findings:
            if finding.rule not in rules:
                rules[finding.rule] = Rule(id=finding.rule.partition("/")[2], summary=NO_HELP)
    return dict(sorted(rules.items()))


def _location(uri: str, relative: bool, index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": uri, "index": index}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    return location


def _region(finding: LintFinding) -> dict[str, Any]:
    region = finding.region
    if region is None:
        return {"startLine": 1}
    out: dict[str, Any] = {
        "startLine": region.line,
        "startColumn": region.column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
        "charOffset": region.offset,
        "charLength": region.length,
    }
    if finding.snippet:
        out["snippet"] = {"text": finding.snippet}
    return out


def _fingerprint(finding: LintFinding, uri: str, occurrence: int) -> str:
    words = " ".join(finding.snippet.split())
    key = "\0".join((finding.rule, uri, words, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _scores(result: FileResult) -> dict[str, Any]:
    report = result.report
    if report is None:
        return {}
    return {
        "score": report.score,
        "band": report.band,
        "scorers": {s.name: s.score for s in report.scorers},
    }


def _results(
    result: FileResult, location: dict[str, Any], rule_index: dict[str, int]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: Counter[tuple[str, str]] = Counter()
    scores = _scores(result)
    scorer_scores = scores.get("scorers", {})
    for finding in result.findings:
        occurrence_key = (finding.rule, " ".join(finding.snippet.split()))
        seen[occurrence_key] += 1
        out.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": rule_index[finding.rule],
                "level": SARIF_LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": _region(finding)}}
                ],
                "partialFingerprints": {
                    FINGERPRINT_KEY: _fingerprint(finding, location["uri"], seen[occurrence_key])
                },
                "properties": {
                    "severity": finding.severity,
                    "scorer": finding.scorer,
                    "scorerScore": scorer_scores.get(finding.scorer),
                    "articleScore": scores.get("score"),
                    "band": scores.get("band"),
                },
            }
        )
    return out


def _notification(message: str, location: dict[str, Any]) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location}}],
    }


def sarif_document(run: CheckRun, context: FormatContext) -> dict[str, Any]:
    rules = _rules(run)
    rule_index = {rule: i for i, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in run.files:
        uri, relative = context.uri(result.path)
        location = _location(uri, relative, len(artifacts))
        artifact_location = {k: v for k, v in location.items() if k != "index"}
        artifacts.append({"location": artifact_location, "properties": _scores(result)})
        if result.error is not None:
            notifications.append(_notification(f"{result.path}: {result.error}", location))
            continue
        results.extend(_results(result, location, rule_index))
    root_uri = context.root.resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sourcecheck",
                        "version": context.version,
                        "semanticVersion": context.version,
                        "rules": [_rule_descriptor(r, h) for r, h in rules.items()],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": run.errors == 0,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
                "properties": {
                    "minLevel": run.options.min_level,
                    "failLevel": run.options.fail_level,
                    "failUnder": run.options.fail_under,
                },
            }
        ],
    }


def render_sarif(run: CheckRun, context: FormatContext) -> str:
    document = json.dumps(sarif_document(run, context), indent=2, ensure_ascii=False)
    return escape_json_text(document) + "\n"
