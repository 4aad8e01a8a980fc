"""Cue and span patterns of issue #13: stance verbs, sources before cues, spans PolNeAR counts."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article, Attribution

ANALYZER = Analyzer()


def find(body: str) -> list[Attribution]:
    return ANALYZER.analyze(Article(body=body)).attributions


def triple(a: Attribution) -> tuple[str | None, str | None, str | None]:
    return (
        a.source.text if a.source else None,
        a.cue.text if a.cue else None,
        a.content.text if a.content else None,
    )


def triples(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [triple(a) for a in find(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The senator seemed unconvinced by the plan.",
            ("The senator", "seemed", "unconvinced by the plan"),
        ),
        (
            "Ms. Vance voiced concern that the dam would fail.",
            ("Ms. Vance", "voiced", "concern that the dam would fail"),
        ),
        (
            "The governor touted the new tax credit.",
            ("The governor", "touted", "the new tax credit"),
        ),
        (
            "The mayor sought a recount of the ballots.",
            ("The mayor", "sought", "a recount of the ballots"),
        ),
    ],
)
def test_stance_verbs_are_cues(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The talks will continue next week.",
        "Her speaking fee was paid by the charity.",
        "The new rules list three exemptions.",
    ],
)
def test_stance_forms_that_are_mostly_nouns_are_not_cues(body: str) -> None:
    assert triples(body) == []
