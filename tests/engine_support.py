"""Scorers and articles written for the engine tests (not the built-in scorers' values)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sourcecheck import Article, Scorer, ScorerResult, Span
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine

COUNCIL_BODY = (
    "The city council approved the harbour budget on Tuesday, officials said.\n"
    "\n"
    '"We had no choice," said Maria Lopez, the council president. Critics say the plan '
    "may raise fees, according to a person familiar with the talks.\n"
)
COUNCIL = Article(title="Council passes harbour budget", body=COUNCIL_BODY)


def span_of(body: str, words: str) -> Span:
    start = body.index(words)
    return Span(start=start, end=start + len(words), text=words)


class FixedScorer(Scorer):
    """Returns the score and confidence it was built with, and flags a phrase if given."""

    version = "1.0"

    class Options(BaseModel):
        model_config = ConfigDict(extra="forbid")
        threshold: int = Field(default=3, ge=0)

    def __init__(
        self, name: str, score: float, confidence: float = 1.0, flag: str | None = None
    ) -> None:
        self.name = name  # type: ignore[misc]  # instance override of the class attribute
        self._score = score
        self._confidence = confidence
        self._flag = flag

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        findings = []
        if self._flag and self._flag in article.body:
            findings.append(
                self.finding(
                    "flagged", f"Flagged '{self._flag}'.", span_of(article.body, self._flag)
                )
            )
        return ScorerResult(
            score=self._score,
            confidence=self._confidence,
            summary=f"fixed at {self._score}",
            metrics={"flagged": len(findings)},
            findings=findings,
        )


class RaisingScorer(Scorer):
    name = "raising"
    version = "0.1"

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        raise RuntimeError("lexicon file vanished")


class ReturningScorer(Scorer):
    """Returns whatever it was given, to test how the engine checks results."""

    name = "returning"
    version = "0.1"

    def __init__(self, value: Any) -> None:
        self.value = value

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        return self.value


def engine_with(*scorers: Scorer, **config: Any) -> Engine:
    return Engine(Config(**config), scorers=list(scorers))
