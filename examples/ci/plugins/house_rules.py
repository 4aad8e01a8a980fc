"""A newsroom's house rules as a sourcecheck scorer: the kind of plugin a desk writes.

Three rules from common newsroom standards: "a source" alone is not allowed; officials
in the plural should be identified; "reportedly" should say who reported it. Load it with
``--plugins-dir examples/ci/plugins`` (or list the module in ``plugins = [...]``).
"""

from __future__ import annotations

import re
from typing import ClassVar

from sourcecheck import hookimpl
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, Finding, ScorerResult, Severity, Span
from sourcecheck.core.scorer import Scorer

RULES: list[tuple[str, re.Pattern[str], Severity, str]] = [
    (
        "lone-source",
        re.compile(r"\ba source\b(?!\s+(?:familiar|close)\b)", re.I),
        "error",
        "'a source' alone: say who they are, or why they could not be named",
    ),
    (
        "unnamed-officials",
        re.compile(r"\bofficials\s+(?:said|say|told)\b", re.I),
        "warning",
        "which officials? Give a name, or at least a role and an agency",
    ),
    (
        "reportedly",
        re.compile(r"\breportedly\b", re.I),
        "suggestion",
        "'reportedly': say who reported it",
    ),
]


class HouseRules(Scorer):
    name = "house_rules"
    version = "1.0"
    description = "The desk's sourcing rules."
    rules: ClassVar[dict[str, str]] = {
        "lone-source": "Never 'a source' alone: describe the source or say why they are anonymous.",
        "unnamed-officials": "Officials in the plural need names, or a role and an agency.",
        "reportedly": "Attribute reports: say who reported it instead of 'reportedly'.",
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        findings: list[Finding] = []
        for rule, pattern, severity, message in RULES:
            for match in pattern.finditer(article.body):
                span = Span.of(article.body, match.start(), match.end())
                findings.append(self.finding(rule, message, span, severity))
        penalty = sum(
            {"error": 0.3, "warning": 0.15, "suggestion": 0.05}[f.severity] for f in findings
        )
        return ScorerResult(score=round(max(0.0, 1.0 - penalty), 4), findings=findings)


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [HouseRules()]
