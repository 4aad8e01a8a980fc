"""Words the cue pattern finds that report nothing, so the claim around them stays the
writer's: a phrasal "show up", an adjectival participle, an -ing form with its object after
it, a subordinate clause's subject taken for the sentence's."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.attributions.source import in_subordinate_clause, subject_of
from sourcecheck.core.models import Article

ANALYZER = Analyzer()


def cues(body: str) -> list[str]:
    return [a.cue.text for a in ANALYZER.analyze(Article(body=body)).attributions if a.cue]


def sources(body: str) -> list[str | None]:
    return [
        a.source.text if a.source else None
        for a in ANALYZER.analyze(Article(body=body)).attributions
    ]


@pytest.mark.parametrize(
    "body",
    [
        "In county after county, young voters just aren't showing up.",
        "Few residents showed up for the hearing on the levy.",
    ],
)
def test_show_up_is_no_cue(body: str) -> None:
    assert cues(body) == []


def test_show_before_a_clause_is_still_a_cue() -> None:
    assert cues("The county's records show the levy failed twice.") == ["show"]


@pytest.mark.parametrize(
    "body",
    [
        "For the mayor, the town's emotionally charged revolt is the defeat she feared most.",
        "The council's widely reported deal came on Monday.",
    ],
)
def test_a_participle_between_a_determiner_and_a_noun_is_an_adjective(body: str) -> None:
    assert "charged" not in cues(body) and "reported" not in cues(body)


def test_a_participle_taking_an_object_after_a_name_is_still_a_cue() -> None:
    assert "charged" in cues("Prosecutors in Harlow charged that the mayor took bribes.")


@pytest.mark.parametrize(
    "body",
    [
        "The family warned reporters that the road was closed.",
        "His ally warned reporters that the road was closed.",
    ],
)
def test_a_noun_ending_in_ly_before_a_participle_is_no_adverb(body: str) -> None:
    assert cues(body) == ["warned"]


def test_an_ing_form_takes_no_source_after_it() -> None:
    body = (
        "Then she steeled herself for the riskiest act of the campaign: "
        "protesting Mayor Ortiz inside one of his rallies."
    )
    assert "Mayor Ortiz" not in sources(body)


def test_a_subordinate_clause_is_not_the_subject_of_a_participle() -> None:
    body = "As Mayor Ortiz has raised the stakes, a movement has formed, shouting at his events."
    assert subject_of(body, 0, body.index("shouting")) is None
    plain = "Mayor Ortiz raised the stakes, shouting at his events."
    assert subject_of(plain, 0, plain.index("shouting")) == (0, 11, None)


@pytest.mark.parametrize("opener", ["Until", "Whereas", "Unless", "Once"])
def test_every_subordinator_opens_a_clause_not_a_subject(opener: str) -> None:
    body = f"{opener} Mayor Ortiz has raised the stakes, a movement has formed, shouting."
    assert subject_of(body, 0, body.index("shouting")) is None
    body = f"He spoke {opener.lower()} they answered questions."
    assert in_subordinate_clause(body, 0, body.index("they"))


def test_and_after_a_subordinate_clause_joins_the_main_clause() -> None:
    body = "He talked over them as they answered questions and assured voters that he would win."
    found = ANALYZER.analyze(Article(body=body)).attributions
    assured = next(a for a in found if a.cue and a.cue.text == "assured")
    assert assured.source is not None and assured.source.text == "He"


@pytest.mark.parametrize(
    "body",
    [
        "The board called an emergency meeting to review the merger.",
        "The prime minister calls a snap election for June.",
    ],
)
def test_calling_a_meeting_is_no_cue(body: str) -> None:
    assert "called" not in cues(body) and "calls" not in cues(body)


def test_a_cue_after_a_called_meeting_keeps_its_source() -> None:
    body = "The board called a meeting to review the merger, which analysts said was doomed."
    assert "analysts" in sources(body)


def test_calling_for_a_vote_is_still_a_cue() -> None:
    assert cues("The senator called for a vote on the bill.")
