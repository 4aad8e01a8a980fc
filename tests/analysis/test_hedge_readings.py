"""Hedge readings an editor agrees with: which words are the writer's hedges (issue #13).

Each case is one general pattern of news English, in a sentence written for this test.
"""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import analyze
from sourcecheck.core.analysis.hedges import HedgeFinder, LexiconError
from sourcecheck.core.analysis.text import segment
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Hedge

FINDER = HedgeFinder(Lexicons())


def find(body: str) -> list[Hedge]:
    """Hedges with no quotes or attributions: only the hedge finder's own rules."""
    _, sentences = segment(body)
    return FINDER.find(body, sentences, [], [])


def readings(body: str) -> list[tuple[str, str, str]]:
    return [(h.span.text, h.category, h.voice) for h in find(body)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "appeared" before a comparative or an adjective means "seemed".
        (
            "Younger voters appeared more likely to back the levy.",
            [("appeared", "speculative_verb", "writer")],
        ),
        ("The mayor appeared tired after the vote.", [("appeared", "speculative_verb", "writer")]),
        # An agentless "seen as" is the writer's reading; "widely seen as" stays a weasel.
        ("The move was seen as a snub to the council.", [("seen", "speculative_verb", "writer")]),
        (
            "It is virtually certain the bill will pass.",
            [("virtually certain", "epistemic_modal", "writer")],
        ),
        (
            "The levy is all but certain to fail.",
            [("all but certain", "epistemic_modal", "writer")],
        ),
        # "expected to" with no holder before it: a reduced passive, the writer's forecast.
        (
            "The runoff is in June, with both incumbents expected to win.",
            [("expected", "speculative_verb", "writer")],
        ),
        (
            "The mayor's seeming reluctance surprised the council.",
            [("seeming", "speculative_verb", "writer")],
        ),
        (
            "It is plausible that the fire spread from the roof.",
            [("plausible", "epistemic_modal", "writer")],
        ),
    ],
)
def test_writer_hedges_that_were_missed(sentence: str, expected: list) -> None:
    assert readings(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Comparative likelihood is a finding about a group, not doubt.
        "Older voters are more likely to turn out than younger ones.",
        "She is the candidate most likely to win the nomination.",
        # The noun "claim", after a determiner, a possessive, a preposition or an adjective.
        "The mayor's claim that the budget balanced was false.",
        "Voters' claims that the count was rigged were dismissed.",
        "A flood of claims that the count was rigged reached the court.",
        "His false claim to the title was rejected.",
        # "could" of ability or an option, and the generic "one could" / "you might".
        "Only residents who could prove their address were let in.",
        "The crowd could only watch as the roof fell.",
        "One could argue the fee is too high.",
        "You might expect the council to object.",
        # An aim to look a certain way is not the writer's doubt.
        "The mayor tried to appear calm during the vote.",
        # An active "expected to" reports the subject's own expectation.
        "He expected to win easily.",
        # "plausible" grading an argument, not a claim.
        "She made a plausible case for the levy.",
    ],
)
def test_readings_that_are_no_hedge(sentence: str) -> None:
    assert readings(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        # Degree adaptors approximate, as "about 40" does (Prince et al. 1982).
        ("Voters were somewhat divided on the levy.", "somewhat", "approximator"),
        ("The plan is kind of vague on costs.", "kind of", "approximator"),
        # An open question, like a bare "whether", states no claim to soften.
        ("It was not clear whether the mayor knew.", "It was not clear whether", "conditional"),
        ("The board did not say whether it would appeal.", "whether", "conditional"),
    ],
)
def test_quiet_categories_for_precision_and_open_questions(
    sentence: str, cue: str, category: str
) -> None:
    assert [(h.span.text, h.category) for h in find(sentence)] == [(cue, category)]


def test_a_third_partys_belief_and_its_clause_are_the_holders() -> None:
    body = "Seventy percent of voters now believe the mayor could win."
    assert readings(body) == [
        ("believe", "speculative_verb", "source"),
        ("could", "epistemic_modal", "source"),
    ]


def test_the_writers_own_belief_stays_the_writers() -> None:
    assert [h.voice for h in find("I think the mayor could win.")] == ["writer", "writer"]


def test_a_crowd_or_a_passive_holds_no_belief_of_its_own() -> None:
    # "many consider" is a weasel the writer chose; "believed to be" has no holder.
    assert [h.voice for h in find("Many consider the plan likely to fail.")] == [
        "writer",
        "writer",
    ]
    assert [h.voice for h in find("The gunman, believed to be 25, may have fled.")] == [
        "writer",
        "writer",
    ]


def test_a_held_clause_ends_where_the_writer_adds_a_contrast() -> None:
    body = "Critics of the plan believe it could fail, but the vote may be close."
    assert readings(body) == [
        ("believe", "speculative_verb", "source"),
        ("could", "epistemic_modal", "source"),
        ("may", "epistemic_modal", "writer"),
    ]


def test_a_documents_reported_hedge_is_the_documents() -> None:
    analysis = analyze("The report suggests the plan may fail. The vote may be close.")
    assert [(h.span.text, h.voice) for h in analysis.hedges] == [
        ("suggests", "source"),
        ("may", "source"),
        ("may", "writer"),
    ]


def test_not_hedges_entries_from_config_drop_a_reading() -> None:
    lexicons = Lexicons([{"hedges": {"not_hedges": ["[more] probable"]}}])
    finder = HedgeFinder(lexicons)
    body = "A delay is more probable than a cut. A delay is probable."
    _, sentences = segment(body)
    assert [h.span.start for h in finder.find(body, sentences, [], [])] == [body.rindex("probable")]


def test_unknown_categories_still_fail_and_name_not_hedges() -> None:
    with pytest.raises(LexiconError, match="not_hedges"):
        HedgeFinder(Lexicons([{"hedges": {"not_hedge": ["maybe"]}}]))
