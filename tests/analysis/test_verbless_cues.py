"""Cues without a report verb: "In a poll, ..." and a headline's "Name: what they said"."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article

ANALYZER = Analyzer()


def triples(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (
            a.source.text if a.source else None,
            a.cue.text if a.cue else None,
            a.content.text if a.content else None,
        )
        for a in ANALYZER.analyze(Article(body=body)).attributions
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "In a Harlow Ledger poll released Monday, 52 percent of renters backed the levy.",
            ("a Harlow Ledger poll released Monday", "In", "52 percent of renters backed the levy"),
        ),
        (
            "In a Ledger/KHRL poll of 1,001 likely voters, the mayor led by nine points.",
            ("a Ledger/KHRL poll of 1,001 likely voters", "In", "the mayor led by nine points"),
        ),
        (
            "In the latest county survey of 600 voters, the mayor led by nine points.",
            ("the latest county survey of 600 voters", "In", "the mayor led by nine points"),
        ),
    ],
)
def test_a_sentence_opening_with_in_a_poll_attributes_the_rest_to_the_poll(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert triples(body) == [expected]


@pytest.mark.parametrize(
    ("body", "source_type"),
    [
        ("In a Ledger poll released Monday, the mayor led by nine points.", "document"),
        ("In a Harlow Ledger survey conducted last week, the mayor led.", "document"),
        ("In a poll released Monday by the Ledger, the mayor led by nine points.", "document"),
        # No maker named: vague, as "a new poll" is (docs/analysis.md), never a person.
        ("In a poll released Monday, the mayor led by nine points.", "vague"),
    ],
)
def test_a_poll_released_on_a_day_is_a_document_not_a_person(body: str, source_type: str) -> None:
    found = ANALYZER.analyze(Article(body=body)).attributions
    assert [a.cue.text if a.cue else None for a in found] == ["In"]
    assert found[0].source_type == source_type


@pytest.mark.parametrize(
    "body",
    [
        "The mayor trails badly in the polls.",  # mid-sentence: mostly not a cue in news
        "In Iowa, where polls close at eight, turnout was light.",  # a clause, not a poll
        "In the race, polling places opened late.",
    ],
)
def test_in_before_a_poll_word_elsewhere_is_no_cue(body: str) -> None:
    assert all(cue != "In" and cue != "in" for _, cue, _ in triples(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ortiz: Bridge Closure 'Defies Explanation'\n\nThe bridge closed on Monday.",
            ("Ortiz", ":", "Bridge Closure 'Defies Explanation'"),
        ),
        (
            "The hearing went on.\n\nKEMP: I think the county has to pay for it.",
            ("KEMP", ":", "I think the county has to pay for it"),
        ),
    ],
)
def test_a_speaker_and_a_colon_opening_a_paragraph_attribute_the_rest(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(body)


@pytest.mark.parametrize(
    "body",
    [
        "Update: The meeting was moved to Friday.",  # a label
        "Contributing: Dana Ortiz.",
        "Poll: Ortiz and Kemp in dead heat in Harlow",  # what a poll found: no one speaks
        "The results came in.\n\nOrtiz: 547.\n\nKemp: 46.",  # a tally, not a statement
        "The council met. Wait, it gets better: the mayor left.",  # not a paragraph's start
    ],
)
def test_a_colon_after_a_label_a_tally_or_mid_paragraph_is_no_cue(body: str) -> None:
    assert all(cue != ":" for _, cue, _ in triples(body))


@pytest.mark.parametrize(
    "body",
    [
        "The Bottom Line: The levy fails without renters.",  # section headings
        "Why It Matters: The bridge carries most of the county's freight.",
        "Key Points: The council voted twice on the levy.",
        "Here's What We Know: The bridge closed on Monday.",
        "HARLOW CITY\n\nWASHINGTON: The council voted twice on the levy.",  # a dateline
        "The vote was close.\n\nKabul: Officials closed the bridge on Monday.",
    ],
)
def test_a_colon_after_a_heading_or_a_dateline_is_no_cue(body: str) -> None:
    assert all(cue != ":" for _, cue, _ in triples(body))


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Ryan: Levy Vote 'Defies Explanation'\n\nThe bridge closed.", "Ryan"),
        ("The hearing went on.\n\nTAPPER: Do you think the county should pay?", "TAPPER"),
    ],
)
def test_a_name_before_a_colon_is_still_a_speaker(body: str, speaker: str) -> None:
    assert (speaker, ":") in [(source, cue) for source, cue, _ in triples(body)]


def test_a_colon_is_read_once_and_only_from_its_own_paragraph() -> None:
    body = "Refugees.\n\nLittle Relief for Refugees: The crisis is what the body was made for."
    assert [cue for _, cue, _ in triples(body)] == [":"]
