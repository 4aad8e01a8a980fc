"""Cue and source recall (round cues10): report verbs the finder knows but missed for the
shape of their sentence. Each rule a general pattern of news English, each with its own
invented example."""

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


def reading(body: str, cue: str) -> tuple[str | None, str, str | None]:
    """The one attribution whose cue is ``cue``."""
    found = [triple for triple in triples(body) if triple[1] == cue]
    assert len(found) == 1, triples(body)
    return found[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'Mayor Ortiz said the levy was "a fair deal," adding that voters would decide.',
            ("Mayor Ortiz", "adding", "that voters would decide"),
        ),
        (
            "\"We can win it,\" Ms. Lund told the hosts of ''Good Morning,'' noting that she"
            " had raised more money.",
            ("Ms. Lund", "noting", "that she had raised more money"),
        ),
        (
            "The coach called the loss “a wake-up call,” saying the team would recover.",
            ("The coach", "saying", "the team would recover"),
        ),
    ],
)
def test_a_participle_after_a_comma_inside_closing_quotes(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "However, she held her fire on the mayor, calling him a friend.",
            ("she", "calling", "him a friend"),
        ),
        (
            "On Monday, they toured the plant, saying it would reopen.",
            ("they", "saying", "it would reopen"),
        ),
        (
            "And then Ms. Diaz went on the attack, saying the council had failed.",
            ("Ms. Diaz", "saying", "the council had failed"),
        ),
    ],
)
def test_a_participle_takes_a_lower_case_pronoun_or_a_name_after_a_connective(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


def test_a_participle_after_an_aside_takes_the_name_opening_the_sentence() -> None:
    body = "Mr. Lind, meanwhile, was making a fresh pitch to voters, refusing to concede."
    assert reading(body, "refusing") == ("Mr. Lind", "refusing", "to concede")


def test_a_dateline_opening_the_sentence_is_no_source() -> None:
    body = "DAYTON, May 3 — The party released a statement on Monday, offering an apology."
    assert all(source != "DAYTON" for source, _, _ in triples(body))


def test_a_participle_does_not_take_a_possessive_source() -> None:
    body = "The mayor assailed Lee's claim that the bridge was safe, calling it reckless."
    assert reading(body, "calling")[0] != "Lee's"


def test_a_long_name_cut_by_the_short_read_is_read_whole() -> None:
    body = '"We will hold the line," Democratic National Committee Chairman Theodore Oakes said.'
    assert reading(body, "said") == (
        "Democratic National Committee Chairman Theodore Oakes",
        "said",
        '"We will hold the line,"',
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "And he’s predicting that the race will tighten.",
            ("he", "predicting", "that the race will tighten"),
        ),
        ("She's describing the levy as a tax.", ("She", "describing", "the levy as a tax")),
        ("They’ve offered no details of the plan.", ("They", "offered", "no details of the plan")),
        ("And she’s predicted big wins in the fall.", ("she", "predicted", "big wins in the fall")),
    ],
)
def test_a_pronoun_with_a_contracted_auxiliary_is_the_source(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


@pytest.mark.parametrize(
    "body",
    [
        "They’re deemed safe by the board.",
        "He'd asked for a recount.",
        "She’s determined to win the seat.",
        "I’m told the talks have stalled.",
    ],
)
def test_a_contracted_passive_conditional_or_adjective_reports_nothing(body: str) -> None:
    assert all(
        source is None or source.lower() not in ("they", "he", "she")
        for source, _, _ in triples(body)
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Local officials were eager to say the plant was safe.",
            ("Local officials", "say", "the plant was safe"),
        ),
        ("Mayor Ruiz was quick to embrace the plan.", ("Mayor Ruiz", "embrace", "the plan")),
        ("Farmers tend to favor the tariff.", ("Farmers", "favor", "the tariff")),
        (
            "The board seemed ready to say that the fee was unlawful.",
            ("The board", "say", "that the fee was unlawful"),
        ),
    ],
)
def test_the_subject_of_a_verb_or_adjective_taking_an_infinitive_is_the_source(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The senator urged them to vote early.", ("The senator", "urged", "to vote early")),
        ("The mayor told reporters to expect delays.", ("The mayor", "told", "to expect delays")),
    ],
)
def test_after_an_addressee_an_infinitive_is_what_was_urged(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


@pytest.mark.parametrize(
    "body",
    [
        'He said that Obama\'s call earlier in the day to "come together" was a ploy.',
        "The ad ran during CNN's show Anderson Live on Friday.",
    ],
)
def test_a_noun_like_form_after_its_owner_is_a_noun(body: str) -> None:
    assert all(cue not in ("call", "call for", "show") for _, cue, _ in triples(body))


def test_an_owner_s_claim_with_a_that_clause_is_still_read() -> None:
    body = "Voters doubted the governor's claim that the road was safe."
    assert reading(body, "claim") == ("the governor's", "claim", "that the road was safe")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Giles tried to reach the campaign in October and said he had written papers.",
            ("Giles", "said", "he had written papers"),
        ),
        (
            "The judge rubbed his chin, and then said the fine was too high.",
            ("The judge", "said", "the fine was too high"),
        ),
    ],
)
def test_after_and_the_source_is_the_clause_subject_not_the_object_before_it(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, "said") == expected


def test_a_bare_verb_joining_an_infinitive_does_not_take_the_sentence_subject() -> None:
    body = "The mayor asked the residents to stay home and pledge their help to the crews."
    assert all(source != "The mayor" for source, cue, _ in triples(body) if cue == "pledge")


def test_a_bare_verb_joining_a_control_verb_s_infinitive_keeps_its_subject() -> None:
    body = "Governor Lee vowed to cut taxes and promise relief to farmers."
    assert reading(body, "promise")[0] == "Governor Lee"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Jo Sims — a teacher from Dover — says he made a late decision.",
            ("Jo Sims", "says", "he made a late decision"),
        ),
        (
            "Mr. Hale - in a line aimed at his rival - declared that the party must unite.",
            ("Mr. Hale", "declared", "that the party must unite"),
        ),
        (
            "Union leaders -- and, in particular, Ms. Reyes -- insisted that the deal stand.",
            ("Union leaders", "insisted", "that the deal stand"),
        ),
    ],
)
def test_the_source_stands_before_an_aside_between_dashes(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert reading(body, expected[1]) == expected


def test_a_range_with_an_en_dash_is_no_aside() -> None:
    body = "Sales in the 2015–16 season rose, the league said."
    assert reading(body, "said")[0] == "the league"


def test_a_quote_closed_with_an_opening_mark_ends_its_clause() -> None:
    body = "“It is unusual,“ said Lena Noble, an attorney with the group."
    assert reading(body, "said")[0] == "Lena Noble"


def test_a_comma_after_a_party_tag_sets_off_no_aside() -> None:
    body = "Sen. Jo Reed (D-R.I.), said after a lunch that he had not read the plan."
    assert reading(body, "said")[0] == "Sen. Jo Reed"


def test_a_dateline_does_not_hide_the_sentence_subject() -> None:
    body = "RIVERTON — Sen. Al Grant (R-Iowa) on Wednesday toured the dam and said it was safe."
    assert reading(body, "said") == ("Sen. Al Grant", "said", "it was safe")


def test_a_sentence_opening_with_said_takes_the_quote_after_its_speaker() -> None:
    body = 'The shop became a museum. Said Dora Lee, who grew up nearby, "We were proud of him."'
    assert reading(body, "Said") == ("Dora Lee", "Said", '"We were proud of him."')
