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
            "The senator echoed the governor's warning.",
            ("The senator", "echoed", "the governor's warning"),
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


def test_seem_and_appear_are_the_writer_hedging_not_a_cue() -> None:
    # PolNeAR annotates "X seemed ..." as an attribution; an editor reads it as the writer's
    # hedge, which the hedging scorer must see in the writer's voice.
    assert triples("The plan seems to have failed, and voters appeared unconvinced.") == []


def test_words_after_a_quote_and_its_speaker_are_not_the_content() -> None:
    body = '"We will win this state," Clinton said to cheers from the crowd.'
    assert triples(body) == [("Clinton", "said", '"We will win this state,"')]


def test_quote_after_a_quote_and_its_speaker_is_still_the_content() -> None:
    body = '"Not again," Ms. Ortiz said to cheers, "not this year."'
    assert triples(body) == [
        ("Ms. Ortiz", "said", '"Not again," Ms. Ortiz said to cheers, "not this year."')
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Obama on Tuesday accused Republicans of obstruction.", "Obama"),
        ("The ministry earlier this week said exports fell.", "The ministry"),
        ("Mayor Ruiz late Monday said the bridge would reopen.", "Mayor Ruiz"),
    ],
)
def test_time_phrase_between_subject_and_cue(body: str, source: str) -> None:
    assert [t[0] for t in triples(body)] == [source]


def test_a_week_alone_before_a_cue_is_not_a_time_phrase() -> None:
    # A period noun needs an opener to be skipped ("last week"); here it is the subject.
    assert triples("The Week said the vote was close.")[0][0] == "The Week"


def test_lower_case_job_title_before_a_name_is_part_of_the_source() -> None:
    body = "Experts disagree, and psychologist Jane Roe says the effect is small."
    assert triples(body) == [("psychologist Jane Roe", "says", "the effect is small")]


def test_bare_plural_agent_noun_is_a_source() -> None:
    body = "The fine was small, and regulators say the bank broke the rules."
    assert triples(body) == [("regulators", "say", "the bank broke the rules")]


def test_word_with_an_agent_ending_that_is_no_agent_is_not_a_source() -> None:
    found = triples("They asked whether Smith said the plan had failed.")
    assert ("Smith", "said", "the plan had failed") in found


@pytest.mark.parametrize(
    "body",
    [
        "Amid his strong showing in Iowa, the senator raised more money.",
        "Rubio's showing was weak.",
        "She praised his posting abilities.",
    ],
)
def test_gerund_after_a_determiner_is_not_a_cue(body: str) -> None:
    assert all(t[1] not in ("showing", "posting") for t in triples(body))


def test_participle_after_a_determined_noun_with_a_clause_stays_a_cue() -> None:
    body = "The group issued a statement saying that the vote was rigged."
    assert ("a statement", "saying", "that the vote was rigged") in triples(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The chairman has aggressively defended the new rules.",
            ("The chairman", "defended", "the new rules"),
        ),
        (
            "Mr. Putin vehemently opposed the trade agreement.",
            ("Mr. Putin", "opposed", "the trade agreement"),
        ),
        (
            "Walker now says he is being denied a venue.",
            ("Walker", "says", "he is being denied a venue"),
        ),
    ],
)
def test_adverbs_between_source_and_cue(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(body)


def test_a_noun_ending_in_ly_before_a_cue_is_the_source() -> None:
    assert triples("Her family said the trip was safe.")[0][0] == "Her family"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Republicans continue to warn that the deal was a mistake.",
            ("Republicans", "warn", "that the deal was a mistake"),
        ),
        (
            "Mr. Hale went on to say the vote was rigged.",
            ("Mr. Hale", "say", "the vote was rigged"),
        ),
    ],
)
def test_subject_of_the_verb_before_an_infinitive_cue(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert triples(body) == [expected]


def test_infinitive_after_a_noun_has_no_source() -> None:
    assert triples("The plan to say goodbye failed.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The move was confirmed by strategists.",
            ("strategists", "was confirmed", "The move"),
        ),
        (
            "The campaign, first reported by The Ledger, is a key element of the plan.",
            ("The Ledger", "first reported", "The campaign"),
        ),
    ],
)
def test_passive_cue_takes_its_source_after_by(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


def test_passive_cue_without_an_agent_is_not_an_attribution() -> None:
    assert triples("The results were announced on Saturday.") == []


def test_non_human_subject_with_a_that_clause() -> None:
    body = "His tax returns show that he paid no federal tax."
    assert triples(body) == [("His tax returns", "show", "that he paid no federal tax")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("On social issues they lean left: 42% say they are liberal.", "42%"),
        ("About four in 10 said they were angry.", "four in 10"),
        ("One in five say the bridge is unsafe.", "One in five"),
        ("Nearly nine out of 10 say the bridge is unsafe.", "nine out of 10"),
        ("Two-thirds say the bridge is unsafe.", "Two-thirds"),
    ],
)
def test_a_share_of_people_is_a_source(body: str, source: str) -> None:
    assert [t[0] for t in triples(body)] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Asked on Monday whether she would run, Ms. Diaz laughed.",
            (None, "Asked", "whether she would run"),
        ),
        (
            "Ms. Diaz laughed when asked by Senator Lund if she would run.",
            ("Senator Lund", "asked", "if she would run"),
        ),
        (
            "Ms. Diaz laughed when asked by a reporter if she would run.",
            (None, "asked", "if she would run"),
        ),
    ],
)
def test_asked_takes_the_question_as_content(
    body: str, expected: tuple[str | None, str, str]
) -> None:
    assert expected in triples(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The governor is expected to sign the bill on Friday.",
            (None, "is expected", "to sign the bill on Friday"),
        ),
        (
            "Two aides are said to be drafting a reply.",
            (None, "are said", "to be drafting a reply"),
        ),
        ("The mayor isn’t expected to attend.", (None, "isn’t expected", "to attend")),
        (
            "The mayor had been told that the bridge would close.",
            (None, "had been told", "that the bridge would close"),
        ),
    ],
)
def test_raising_passives_are_cues_without_a_source(
    body: str, expected: tuple[None, str, str]
) -> None:
    assert triples(body) == [expected]


def test_expected_as_an_adjective_is_not_a_cue() -> None:
    assert triples("The expected storm never came.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The state's chief auditor, Dana Ruiz, said the books were balanced.",
            ("Dana Ruiz", "said", "the books were balanced"),
        ),
        (
            "Rep. Pat Kerr, R-Ohio, said the bill would pass.",
            ("Rep. Pat Kerr", "said", "the bill would pass"),
        ),
        (
            "Ann Lee, Mrs. Vance's chief of staff, said the trip was long.",
            ("Ann Lee", "said", "the trip was long"),
        ),
        (
            "Representative Pat Kerr, Republican of Ohio, said the bill would pass.",
            ("Representative Pat Kerr", "said", "the bill would pass"),
        ),
    ],
)
def test_appositives_that_open_with_a_capital(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


def test_a_description_then_a_name_gives_the_name_its_role() -> None:
    (found,) = find("A county spokesman, Chris Abbott, said the road was closed.")
    assert found.source is not None and found.source.text == "Chris Abbott"
    assert found.role == "A county spokesman"


def test_a_belief_inside_a_report_is_part_of_the_report() -> None:
    assert triples("Mr. Lee told reporters that he believes the dam will hold.") == [
        ("Mr. Lee", "told", "that he believes the dam will hold")
    ]


def test_a_belief_on_its_own_is_still_a_cue() -> None:
    assert triples("Mr. Lee believes the dam will hold.") == [
        ("Mr. Lee", "believes", "the dam will hold")
    ]


def test_said_without_a_readable_source_keeps_its_cue_and_content() -> None:
    body = "Officers with no direct knowledge of the case but with long experience said it failed."
    assert triples(body) == [(None, "said", "it failed")]


def test_a_question_put_to_the_subject_is_a_cue_without_a_source() -> None:
    assert triples("The mayor was asked about the flood.") == [
        (None, "was asked", "about the flood")
    ]


def test_a_name_after_a_party_tag_and_role_is_the_source() -> None:
    body = "Rep. Jo Dee (D-Md.), chair of the panel, said the mayor was not worried."
    assert triples(body) == [("Rep. Jo Dee", "said", "the mayor was not worried")]


def test_said_then_a_name_and_a_verb_is_not_an_inverted_source() -> None:
    body = "Some days later, said Mr. Dee was not worried."
    assert all(source != "Mr. Dee" for source, _, _ in triples(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ms. Ruiz slammed the plan as reckless.",
            ("Ms. Ruiz", "slammed", "the plan as reckless"),
        ),
        (
            "The mayor emailed that the road was closed.",
            ("The mayor", "emailed", "that the road was closed"),
        ),
        (
            "Ms. Ruiz wondered whether the dam would hold.",
            ("Ms. Ruiz", "wondered", "whether the dam would hold"),
        ),
    ],
)
def test_more_report_verbs(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


def test_the_nouns_of_new_report_verbs_are_not_cues() -> None:
    assert triples("Her emails were no wonder to the champions.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The mayor is known for her long speeches.", (None, "is known for", "her long speeches")),
        ("The fund, known as the River Trust, grew.", (None, "known as", "the River Trust, grew")),
    ],
)
def test_known_for_and_known_as(body: str, expected: tuple[None, str, str]) -> None:
    assert triples(body) == [expected]


def test_a_show_title_in_quotes_is_not_what_was_said() -> None:
    body = 'Mr. Dee said on ABC\'s "This Week" that the dam would hold.'
    assert triples(body) == [("Mr. Dee", "said", "that the dam would hold")]


def test_a_title_case_headline_has_capitalised_cues() -> None:
    body = "County Board Says Dam Will Hold Through Spring\n\nThe board met on Monday."
    assert triples(body) == [("County Board", "Says", "Dam Will Hold Through Spring")]


def test_capitalised_words_mid_sentence_in_prose_are_not_cues() -> None:
    assert triples("The board met Hope Said, the new clerk.") == []


@pytest.mark.parametrize(
    "body", ["The mayor spoke with voters on Monday.", "The mayor found himself alone."]
)
def test_verbs_that_report_nothing_before_these_words(body: str) -> None:
    assert triples(body) == []


def test_spoke_about_is_still_a_cue() -> None:
    assert triples("The mayor spoke about the dam.") == [("The mayor", "spoke", "about the dam")]


@pytest.mark.parametrize(
    "body",
    [
        "The county, however, says that the dam is safe.",
        "The county, for its part, says that the dam is safe.",
    ],
)
def test_an_aside_between_source_and_cue(body: str) -> None:
    assert triples(body) == [("The county", "says", "that the dam is safe")]


@pytest.mark.parametrize(
    "body",
    [
        "The nominating contest ends in June.",
        "The mayor maintained a lead of ten points.",
        "She advised the campaign on its ads.",
    ],
)
def test_forms_that_are_rarely_reports_are_not_cues(body: str) -> None:
    assert triples(body) == []


def test_a_phrasal_participle_after_a_cue_shares_its_source() -> None:
    body = '"It is over," he said, referring to the vote on the dam.'
    assert triples(body) == [
        ("he", "said", '"It is over,"'),
        ("he", "referring to", "the vote on the dam"),
    ]


def test_a_phrasal_participle_after_a_clause_shares_its_subject() -> None:
    body = "The mayor criticized the plan, pointing to the cost."
    assert ("The mayor", "pointing to", "the cost") in triples(body)


def test_a_relative_clause_in_a_role_is_an_attribution_of_its_own() -> None:
    body = "Mr. Dee, who said the dam was safe, said he was unaware of the leak."
    assert triples(body) == [
        ("who", "said", "the dam was safe"),
        ("Mr. Dee", "said", "he was unaware of the leak"),
    ]


def test_a_cue_further_inside_a_role_is_still_not_one() -> None:
    body = '"It is bad," said Dana Cole, a nurse who asked not to be named.'
    assert [cue for _, cue, _ in triples(body)] == ["said"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The mayor left no doubt of her plans, saying that she would run.", "The mayor"),
        ("Both councils stiffened their stand, saying that the dam must close.", "Both councils"),
        (
            "At a rally in Troy, Ohio, on Sunday, Ms. Lee went further, saying that it must close.",
            "Ms. Lee",
        ),
    ],
)
def test_saying_after_a_clause_takes_its_subject(body: str, source: str) -> None:
    assert [s for s, cue, _ in triples(body) if cue == "saying"] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The dam leaked for years, current and former engineers said.",
            "current and former engineers",
        ),
        ("The dam is safe, state and local officials said.", "state and local officials"),
        ("The rain fell and officials said the dam held.", "officials"),
    ],
)
def test_coordinated_modifiers_of_a_source(body: str, source: str) -> None:
    assert [s for s, _, _ in triples(body)] == [source]


def test_according_to_takes_a_long_source_phrase() -> None:
    body = (
        "According to early results of the exit poll conducted by Harlow Research for "
        "The Harlow Ledger and two television stations, most voters want a new bridge."
    )
    source = (
        "early results of the exit poll conducted by Harlow Research for "
        "The Harlow Ledger and two television stations"
    )
    assert (source, "According to", "most voters want a new bridge") in triples(body)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ('"The bridge will close," Mr. Bishop said.', "Mr. Bishop"),
        ("Rep. Walt King said the bridge would close.", "Rep. Walt King"),
    ],
)
def test_a_surname_that_is_also_a_title_is_a_name(body: str, source: str) -> None:
    assert [a.source.text for a in find(body) if a.source] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The mayor said, however, that the bridge would close.",
            ("The mayor", "said", "that the bridge would close"),
        ),
        (
            "The mayor said — in a radio interview, as it happens — that the bridge would close.",
            ("The mayor", "said", "that the bridge would close"),
        ),
        (
            "Ms. Lee says, win or lose, she will stay in the race.",
            ("Ms. Lee", "says", "she will stay in the race"),
        ),
    ],
)
def test_an_aside_between_the_cue_and_its_clause(body: str, expected: tuple[str, str, str]) -> None:
    assert triples(body) == [expected]


def test_a_possessor_keeps_its_determiner() -> None:
    body = "The bridge will close, the county executive's spokesman said."
    assert triples(body) == [("the county executive's spokesman", "said", "The bridge will close")]


def test_quoting_after_a_comma_names_whom_the_report_quotes() -> None:
    body = "The council reported, quoting an unnamed county official, that the bridge would close."
    assert triples(body) == [
        ("The council", "reported", "that the bridge would close"),
        ("an unnamed county official", "quoting", "that the bridge would close"),
    ]


def test_quoted_as_saying_gives_the_quoted_person_the_words() -> None:
    body = "The Ledger quoted an unnamed aide as saying the bridge would close."
    attributions = find(body)
    assert [triple(a) for a in attributions] == [
        ("The Ledger", "quoted", "an unnamed aide as saying the bridge would close"),
        ("an unnamed aide", "as saying", "the bridge would close"),
    ]
    assert attributions[1].via == 0


def test_a_noun_like_cue_before_a_pronoun_clause_is_a_verb() -> None:
    body = "The county's tax filings show she paid no tax."
    assert triples(body) == [("The county's tax filings", "show", "she paid no tax")]


def test_demurred_is_a_cue() -> None:
    body = "Asked whether she would run, the mayor demurred, saying it was too early."
    assert ("the mayor", "demurred", "Asked whether she would run") in triples(body)


def test_a_colon_handing_over_to_a_quote_is_a_cue() -> None:
    body = 'The mayor went further: "The bridge will close in May."'
    assert triples(body) == [("The mayor", ":", '"The bridge will close in May."')]


def test_a_colon_after_a_cue_leaves_the_quote_to_the_verb() -> None:
    body = 'The mayor told reporters: "The bridge will close in May."'
    assert [cue for _, cue, _ in triples(body)] == ["told"]


def test_a_colon_before_a_quote_in_the_next_paragraph() -> None:
    body = 'At the hearing, the mayor declared:\n\n"The bridge will close in May."'
    assert triples(body) == [("the mayor", "declared", '"The bridge will close in May."')]


@pytest.mark.parametrize(
    "body",
    [
        "Dana Reyes, 34, a nurse from Reno, said the bridge would close.",
        "Dana Reyes, a nurse from Reno, Nev., said the bridge would close.",
        "Dana Reyes, 34, who lives near the river, says the bridge will close.",
    ],
)
def test_a_role_with_commas_of_its_own(body: str) -> None:
    assert [a.source.text for a in find(body) if a.source] == ["Dana Reyes"]


def test_a_verb_after_a_role_is_no_part_of_it() -> None:
    body = "Dana Reyes, the nurse and author, endorsed the plan Monday, saying it was overdue."
    assert [(source, cue) for source, cue, _ in triples(body)] == [
        ("Dana Reyes", "endorsed"),
        ("Dana Reyes", "saying"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The levy, a wide array of economists say, will slow growth.",
            "a wide array of economists",
        ),
        ("Dozens of nurses said the ward was closing.", "Dozens of nurses"),
        (
            "The officials whose budgets were cut say the ward is closing.",
            "The officials whose budgets were cut",
        ),
        (
            "A person familiar with the county's internal review said the ward was closing.",
            "A person familiar with the county's internal review",
        ),
    ],
)
def test_longer_source_phrases(body: str, source: str) -> None:
    assert [a.source.text for a in find(body) if a.source] == [source]
