"""Test scorers for the linter tests: fixed phrases, fixed severities, a fixed score.

The built-in scorers are still changing; these make the linter's outputs depend only on
the linter. Loaded with ``--plugins-dir tests/lint/plugins --enable probe,probe_length``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sourcecheck import hookimpl
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, Finding, ScorerResult, Severity, Span
from sourcecheck.core.scorer import Scorer

PHRASES: list[tuple[re.Pattern[str], str, Severity, str]] = [
    (
        re.compile(r"\ba source\b", re.I),
        "lone-source",
        "error",
        "'a source' alone: say who they are or why they cannot be named",
    ),
    (
        re.compile(r"\bofficials\s+said\b", re.I),
        "vague-officials",
        "warning",
        "which officials? Name them or give their role",
    ),
    (
        re.compile(r"\breportedly\b", re.I),
        "reportedly",
        "suggestion",
        "'reportedly': reported by whom?",
    ),
]
PENALTY = {"error": 0.25, "warning": 0.1, "suggestion": 0.05}


class ProbeScorer(Scorer):
    name = "probe"
    version = "1.0"
    rules: ClassVar[dict[str, str]] = {
        "lone-source": "An unnamed single source needs a description or a reason for anonymity.",
        "vague-officials": "Officials in the plural should be identified by name or role.",
        "reportedly": "Say who reported it instead of 'reportedly'.",
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        findings: list[Finding] = []
        for pattern, rule, severity, message in PHRASES:
            for match in pattern.finditer(article.body):
                span = Span.of(article.body, match.start(), match.end())
                findings.append(self.finding(rule, message, span, severity))
        penalty = sum(PENALTY[f.severity] for f in findings)
        return ScorerResult(score=max(0.0, 1.0 - penalty), findings=findings)


class ProbeLengthScorer(Scorer):
    """A finding with no span: about the whole draft."""

    name = "probe_length"
    version = "1.0"
    rules: ClassVar[dict[str, str]] = {
        "short": "A draft under 25 words is too short to judge its sourcing."
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        words = len(article.body.split())
        if words >= 25:
            return ScorerResult(score=1.0)
        finding = self.finding("short", f"only {words} words", severity="suggestion")
        return ScorerResult(score=0.5, findings=[finding])


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [ProbeScorer(), ProbeLengthScorer()]
