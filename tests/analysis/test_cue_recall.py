"""Cue and source recall on PolNeAR's conventions (round cue8): each rule a general pattern
of news English, each with its own invented example."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article

ANALYZER = Analyzer()


def triples(body: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (a.source.text if a.source else None, a.cue.text, a.content.text if a.content else None)
        for a in ANALYZER.analyze(Article(body=body)).attributions
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The mayor wants to raise the bus fare.",
            ("The mayor", "wants", "to raise the bus fare"),
        ),
        ("They hope to win Ohio.", ("They", "hope", "to win Ohio")),
        ("Dana Reyes vowed to fight on.", ("Dana Reyes", "vowed", "to fight on")),
    ],
)
def test_a_short_infinitive_is_what_is_wanted(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize("body", ["She spoke to reporters.", "The mayor wants to the left."])
def test_to_before_a_noun_is_no_infinitive(body: str) -> None:
    assert triples(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The governor plans to sign the bill Friday.",
            ("The governor", "plans", "to sign the bill Friday"),
        ),
        ("Mr. Okafor decided to quit the race.", ("Mr. Okafor", "decided", "to quit the race")),
    ],
)
def test_a_plan_before_an_infinitive_is_a_cue(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The governor's plan to cut taxes stalled.",
        "The late votes decided the race.",
        "The rally was planned for Monday.",
    ],
)
def test_a_plan_as_a_noun_or_a_decided_contest_is_no_cue(body: str) -> None:
    assert triples(body) == []


def test_a_plan_inside_what_was_said_is_the_said_content() -> None:
    assert triples("Ms. Lund said she plans to run again.") == [
        ("Ms. Lund", "said", "she plans to run again")
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Ms. Ortiz, during a town hall in Dayton, Ohio, said she would run.", "Ms. Ortiz"),
        ("Mr. Lind, then 38, said he was told to wait.", "Mr. Lind"),
        ("But Hale, meanwhile, who has no endorsements, said that proves his point.", "Hale"),
    ],
)
def test_a_name_opening_the_sentence_before_an_aside(body: str, source: str) -> None:
    assert [t[0] for t in triples(body)] == [source]


def test_an_opening_phrase_that_is_no_name_is_no_source() -> None:
    assert [t[0] for t in triples("In Ohio, on Monday, said nothing.")] == [None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mr. Vance made it clear that he would not run.",
            ("Mr. Vance", "made it clear", "that he would not run"),
        ),
        ("She made clear she would stay.", ("She", "made clear", "she would stay")),
        ("Lee declined to rule out a run.", ("Lee", "declined", "to rule out a run")),
    ],
)
def test_stances_made_clear_or_declined(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize(
    "body", ["The agency declined to comment.", "Prices declined to a new low."]
)
def test_declining_to_comment_says_nothing(body: str) -> None:
    assert triples(body) == []


def test_a_report_verb_before_a_that_clause_keeps_its_cue_without_a_source() -> None:
    body = (
        "Officials at the port authority and several shipping lines in the region "
        "— including two that run ferries — have long argued that the fees are too high."
    )
    found = triples(body)
    assert [(cue, content) for _, cue, content in found] == [
        ("argued", "that the fees are too high")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "It is only fair to say that the plan had flaws.",
        "Officials at the port and several lines in the region — including two that run"
        " ferries — did not mention that on the trail.",
        "While hinting that the plan had flaws, the mayor left.",
    ],
)
def test_no_unsourced_cue_for_an_infinitive_a_determiner_or_a_hedge(body: str) -> None:
    assert [cue for _, cue, _ in triples(body)] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Many voters see the race as a referendum on the mayor.",
            ("Many voters", "see", "the race as a referendum on the mayor"),
        ),
        ("Ms. Obi viewed him as weak.", ("Ms. Obi", "viewed", "him as weak")),
    ],
)
def test_a_view_with_an_as_complement_is_a_cue(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize(
    "body", ["The campaign saw a rise in turnout.", "The view from the hill is wide."]
)
def test_seeing_without_as_reports_nothing(body: str) -> None:
    assert triples(body) == []


@pytest.mark.parametrize(
    "body", ["The mayor reportedly plans to resign.", "The mayor reportedly wants to resign."]
)
def test_a_relayed_plan_or_wish_is_the_writers(body: str) -> None:
    assert triples(body) == []
