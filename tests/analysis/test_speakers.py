"""One model of who speaks: typing, resolution of pronouns and descriptions, and sources.

Every example is invented; each stands for one pattern of news English.
"""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import analyze
from sourcecheck.core.analysis.sources import SourceTyper
from sourcecheck.core.analysis.speakers import SpeakerResolver, _Entity
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution


def speakers(text: str) -> list[tuple[str, str, str | None]]:
    """(source phrase, type, speaker) of every attribution outside quotes."""
    return [
        (a.source.text, a.source_type, a.speaker)
        for a in analyze(text).attributions
        if a.source is not None and not a.in_quote
    ]


def last(text: str) -> Attribution:
    return [a for a in analyze(text).attributions if not a.in_quote][-1]


# -- resolution ---------------------------------------------------------------------------


def test_he_skips_a_name_inside_a_quote() -> None:
    found = last(
        'Tom Reyes toured the plant on Monday. "Nobody here has heard of Victor Hale," he said.'
    )
    assert found.speaker == "Tom Reyes"


def test_he_skips_a_nationality_adjective() -> None:
    found = last("Marco Bellini met the Brazilian delegation in Rome. He said the talks went well.")
    assert found.speaker == "Marco Bellini"


def test_he_skips_places_and_dates() -> None:
    found = last(
        "Omar Haddad arrived late. In Concord, he said the vote would be close. "
        "In October, he said, turnout doubled."
    )
    assert found.speaker == "Omar Haddad"


def test_a_sentence_does_not_run_into_the_next_name() -> None:
    found = last("Grant Willis spoke in Miami. He said he had not seen the clash.")
    assert found.speaker == "Grant Willis"


def test_he_skips_a_possessive_and_a_name_used_as_a_modifier() -> None:
    found = last(
        "Dana Whitlock, the campaign manager, answered questions. Rupert Kline's plan "
        "was on the table, and Kline supporters cheered. She said the plan would pass."
    )
    assert found.speaker == "Dana Whitlock"


def test_he_prefers_the_last_speaker_over_a_name_in_reported_speech() -> None:
    found = last(
        "Paul Ostrowski said Martin Quayle would resign within a week. He added that "
        "the board had not met."
    )
    assert found.speaker == "Paul Ostrowski"


def test_she_skips_a_man_named_more_recently() -> None:
    found = last(
        "Ms. Okafor met voters on Tuesday. Her rival, Mr. Brandt, stayed home. "
        "She said the turnout surprised her."
    )
    assert found.speaker == "Okafor"


def test_gender_from_a_given_name() -> None:
    found = last(
        "Susan Delgado leads the committee. David Price, who sits on it, disagreed. "
        "She said the bill would pass."
    )
    assert found.speaker == "Susan Delgado"


def test_gender_the_text_shows_through_an_earlier_pronoun() -> None:
    found = last(
        "Alex Moreau chaired the session. Kiran Vale opened the meeting. She said the budget "
        "was tight. He said cuts were coming."
    )
    assert found.speaker == "Alex Moreau"


def test_the_senator_is_the_person_last_given_that_role() -> None:
    found = last(
        "Sen. Ruth Calder of Ohio spoke first. Later Tom Ibsen, a county clerk, took "
        "questions. The senator said the bill was dead."
    )
    assert found.speaker == "Ruth Calder"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Sen. Ruth Calder of Ohio spoke first. The Ohio senator and Democratic "
            "presidential candidate said the bill was dead.",
            "The Ohio senator and Democratic presidential candidate",
        ),
        (
            'Sen. Ruth Calder of Ohio spoke first. "The bill is dead," the Ohio senator and '
            "Democratic presidential candidate told reporters.",
            "the Ohio senator and Democratic presidential candidate",
        ),
        (
            "Ruth Calder spoke first. The former first lady and Ohio senator said the bill "
            "was dead.",
            "The former first lady and Ohio senator",
        ),
        (
            "Ruth Calder spoke first. The Democratic front-runner and former secretary of "
            "state said the bill was dead.",
            "The Democratic front-runner and former secretary of state",
        ),
        (
            "Ruth Calder spoke first. The influential delegate and party activist, who backs "
            "the bill, warned of a long fight.",
            "The influential delegate and party activist",
        ),
    ],
)
def test_one_person_given_two_roles_joined_by_and(text: str, source: str) -> None:
    found = last(text)
    assert found.source is not None and found.source.text == source
    assert found.speaker == "Ruth Calder"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Ruth Calder spoke first. The former secretary of state said the bill was dead.",
            "The former secretary of state",
        ),
        (
            "Ruth Calder spoke first. The bill, the former CEO of Harbor-Lane said, was dead.",
            "the former CEO of Harbor-Lane",
        ),
        (
            "Ruth Calder spoke first. But, the governor of Ohio added, the bill was dead.",
            "the governor of Ohio",
        ),
        (
            "Ruth Calder spoke first. The former senator from Ohio said the bill was dead.",
            "The former senator from Ohio",
        ),
        # a capitalised run is one modifier, so the determiner is within reach
        (
            "Ruth Calder spoke first. The former New York City mayor said the bill was dead.",
            "The former New York City mayor",
        ),
    ],
)
def test_a_role_of_a_place_or_a_body_is_a_description(text: str, source: str) -> None:
    found = last(text)
    assert found.source is not None and found.source.text == source
    assert found.speaker == "Ruth Calder"


@pytest.mark.parametrize(
    "description",
    ["The New York Democrat", "The North Carolina Republican", "The former Harbor-Lane CEO"],
)
def test_a_place_or_company_before_a_member_or_role_is_no_name(description: str) -> None:
    found = last(f"Ruth Calder spoke first. {description} said the bill was dead.")
    assert found.speaker == "Ruth Calder"


def test_a_party_word_after_a_given_name_is_a_surname() -> None:
    found = last("Rep. Al Green spoke at the rally on Monday. He said the bill was dead.")
    assert found.speaker == "Al Green"


def test_a_person_described_by_age_alone() -> None:
    found = last("Ruth Calder spoke first. The 69-year-old said the bill was dead.")
    assert (found.source_type, found.speaker) == ("named_person", "Ruth Calder")
    found = last("Ruth Calder spoke first. A 45-year-old said the bill was dead.")
    assert (found.source_type, found.speaker) == ("anonymous", None)


def test_a_role_of_a_place_after_of_is_the_object_of_the_head_before() -> None:
    found = last("Ruth Calder spoke first. Critics of the mayor of Boston said the deal was off.")
    assert found.source is not None and found.source.text == "Critics of the mayor of Boston"
    assert found.speaker != "Ruth Calder"


def test_a_role_of_after_a_verb_is_its_object_not_a_source() -> None:
    text = "Ruth Calder spoke. A woman who has accused the mayor of fraud said he lied."
    sources = [a.source.text for a in analyze(text).attributions if a.source is not None]
    assert "the mayor of fraud" not in sources


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A former party chairman says the mayor should quit.\n\n"
            '"Now is the time," said Don Fowler, who led the party in the 1990s.',
            "Don Fowler",
        ),
        (
            "A spokesman for Senator Jo Dee called the report misleading.\n\n"
            "The report was long. Dee spokesman Brian Fallon said it was wrong.",
            "Brian Fallon",
        ),
        # a sentence's opening word before the role is no owner of it
        (
            "A spokesman for Senator Jo Dee called the report misleading.\n\n"
            "The report was long. But spokesman Brian Fallon said it was wrong.",
            "Brian Fallon",
        ),
        (
            "A spokesman for Senator Jo Dee called the report misleading.\n\n"
            "The report was long. Later spokesman Brian Fallon said it was wrong.",
            "Brian Fallon",
        ),
    ],
)
def test_a_ledes_indefinite_person_is_the_one_named_later(text: str, speaker: str) -> None:
    first = analyze(text).attributions[0]
    assert (first.source_type, first.speaker) == ("named_person", speaker)


@pytest.mark.parametrize(
    "text",
    [
        # an anonymous-source head stays anonymous, whoever the story introduces next
        "A senior official said the talks failed.\n\n"
        "The minister, Tom Reyes, who led the talks, disagreed.",
        # the same role for someone else's organisation
        "A spokesperson for the Parks Department said the city would decide.\n\n"
        "Harbor Group spokesperson Ron Lieberman told the paper it was wrong.",
        # someone introduced with a role of his own is not the lede's lawyer
        "A lawyer said the police were wrong.\n\n"
        "Police Chief Tom Rowe, who took office in May, said the officers acted properly.",
        "A lawyer said the police were wrong.\n\n"
        "Mayor Tom Rowe, who took office in May, said the officers acted properly.",
        # a man is not the lede's chairwoman
        "A former party chairwoman says the mayor should quit.\n\n"
        '"Now is the time," said Don Fowler, who led the party in the 1990s.',
        # the story says the name is withheld
        "An aide to the mayor, who spoke on condition of anonymity, said the deal was off.\n\n"
        "Tom Rowe, who chairs the board, said it was not.",
    ],
)
def test_a_ledes_anonymous_person_is_not_someone_named_later(text: str) -> None:
    first = analyze(text).attributions[0]
    assert (first.source_type, first.speaker) == ("anonymous", None)


def test_two_people_joined_by_and_stay_two() -> None:
    # each side has its own determiner, or the head is plural: not one person's two roles
    for text in (
        "Ruth Calder spoke first. The senator and the governor said the bill was dead.",
        "Ruth Calder spoke first. The mayor and city council members said the bill was dead.",
        # two bare roles are two people as often as one
        "Ruth Calder spoke first. The plaintiff and defendant said they would settle.",
        "Ruth Calder spoke first. The mother and daughter said they were robbed.",
    ):
        assert last(text).speaker != "Ruth Calder"


def test_the_spokesman_is_the_person_last_given_that_role() -> None:
    found = last(
        'Leo Brandt, a spokesman for the agency, said the fix was early. "It is early," '
        "said Nora Keane, an engineer. The spokesman said a report would follow."
    )
    assert found.speaker == "Leo Brandt"


def test_the_agency_and_it_resolve_to_the_organisation() -> None:
    found = speakers(
        "The Federal Aviation Administration grounded the jets. Ana Ruiz, a pilot, was "
        "upset. The agency said inspections would take a week. It said flights resume Friday."
    )
    assert found[-2][1:] == ("named_organization", "Federal Aviation Administration")
    assert found[-1][1:] == ("named_organization", "Federal Aviation Administration")


def test_the_group_is_the_organisation_that_is_a_group() -> None:
    found = last(
        "The Harbor Watch Coalition filed suit against the Port Authority on Monday. "
        "The coalition said the dredging broke state law."
    )
    assert found.speaker == "Harbor Watch Coalition"


def test_they_resolve_to_the_organisation_last_the_subject() -> None:
    found = last("Senate Democrats blocked the bill on Tuesday because they said it cut too much.")
    assert found.source_type == "named_organization"
    assert found.speaker == "Senate Democrats"


# -- typing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source_type", "speaker"),
    [
        (
            "Interior Ministry spokesman Tom Silva said the border was closed.",
            "named_person",
            "Tom Silva",
        ),
        ("Lisbon says the deal is final.", "named_organization", "Lisbon"),
        ("A strategist monitoring the race said turnout would be low.", "anonymous", None),
        ("A new poll shows the mayor trailing.", "vague", None),
        ("The Harlow Post poll shows the mayor trailing.", "document", None),
        ("Fifty-two percent of voters say the city is on the wrong track.", "vague", None),
        ("Recent polling shows the mayor trailing.", "vague", None),
        ("A conservative group said the rule was unlawful.", "anonymous", None),
        # Some of the party's members, not the party: an editor asks "which Democrats?"
        ("Democrats said the bill would fail.", "vague", None),
        ("The Republicans argued the bill would fail.", "vague", None),
        ("One user wrote that the rally was a circus.", "anonymous", None),
        ("Another said the plan would pass.", "anonymous", None),
        ("His wife said he would not run again.", "unknown", None),
        ("Emails revealed the closures were deliberate.", "vague", None),
        ("There were emails that night showing the closures were planned.", "vague", None),
        ("Public polls show the mayor trailing.", "vague", None),
        ("Even an anti-Trump PAC said the levy was unlawful.", "anonymous", None),
        ("The NAACP said the levy was unlawful.", "named_organization", "NAACP"),
        ("Clinton's campaign said the ad was false.", "named_organization", "Clinton's campaign"),
        ("I'm told the deal is close.", "anonymous", None),
        ("Someone called it a quiet revolution.", "anonymous", None),
        ("Nobody said the count was fair.", "unknown", None),
        ("Union leaders say the deal is fair.", "vague", None),
        ("The AFL-CIO said the deal was fair.", "named_organization", "AFL-CIO"),
        ("The second official said the talks had stalled.", "anonymous", None),
    ],
)
def test_source_types(text: str, source_type: str, speaker: str | None) -> None:
    found = next(a for a in analyze(text).attributions if a.source is not None)
    assert (found.source_type, found.speaker) == (source_type, speaker)


def test_a_share_of_people_is_the_finding_of_the_poll_named_before() -> None:
    found = speakers(
        "A Harlow Post poll found the mayor trailing. Fifty-two percent of voters say the "
        "city is on the wrong track."
    )
    assert [source_type for _, source_type, _ in found] == ["document", "document"]


def test_a_quarter_of_people_is_a_share() -> None:
    found = speakers(
        "A Harlow Post poll found the mayor trailing. A quarter say they will vote for someone else."
    )
    assert [source_type for _, source_type, _ in found] == ["document", "document"]


def test_the_second_official_is_not_a_person_named_before() -> None:
    found = last(
        "Tom Reyes, the mayor, spoke first. An official said the talks had stalled. "
        '"They will resume," said the second official.'
    )
    assert found.source_type == "anonymous"


def test_a_region_and_a_month_are_not_people() -> None:
    found = speakers("The West said the sanctions would stay. October showed a drop.")
    assert [source_type for _, source_type, _ in found] == ["named_organization", "unknown"]


def test_who_spoke_on_condition_of_anonymity_is_anonymous() -> None:
    found = last(
        "Dana, who spoke on condition of anonymity because she feared losing her job, "
        "said the plant had cut corners."
    )
    assert found.source_type == "anonymous"


# -- sources -------------------------------------------------------------------------------


def test_every_attribution_points_at_its_source() -> None:
    analysis = analyze(
        "Ana Ruiz said the mill would close. Ruiz said 140 jobs would go. She said talks "
        "had failed. The union said it would strike."
    )
    ids = [a.source_id for a in analysis.attributions]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    ruiz = analysis.sources[ids[0]]
    assert (ruiz.type, ruiz.name) == ("named_person", "Ana Ruiz")
    assert [m.text for m in ruiz.mentions] == ["Ana Ruiz", "Ruiz", "She"]
    for index, attribution in enumerate(analysis.attributions):
        source = analysis.sources[attribution.source_id]
        assert index in source.attributions
        assert attribution.source_type == source.type


def test_another_official_is_a_new_source_and_the_official_is_not() -> None:
    analysis = analyze(
        "A senior official said the talks had stalled. Another official said a deal was "
        "near. The official said the talks would resume."
    )
    ids = [a.source_id for a in analysis.attributions]
    assert ids[0] != ids[1]
    assert ids[2] == ids[1]


def test_an_anonymous_source_carries_its_stated_reason() -> None:
    analysis = analyze(
        "A senior official said the talks had stalled. The official spoke on condition of "
        "anonymity because the talks are private."
    )
    source = analysis.sources[analysis.attributions[0].source_id]
    assert source.type == "anonymous"
    assert source.reason is not None
    assert source.reason.text.startswith("because")


def test_a_spokesperson_is_part_of_the_organisation() -> None:
    analysis = analyze(
        "The Harbor Authority said the pier would reopen. Repairs cost $2 million, said "
        "Lee Park, a spokeswoman for the Harbor Authority."
    )
    authority, park = (analysis.sources[a.source_id] for a in analysis.attributions)
    assert park.part_of == authority.id


def test_two_sources_in_one_phrase_are_two_sources_of_one_attribution() -> None:
    analysis = analyze(
        "The line will close for a month, according to both the transit authority and the "
        "mayor's office."
    )
    assert len(analysis.sources) == 2
    assert all(source.attributions == (0,) for source in analysis.sources)


def test_sources_are_in_the_report() -> None:
    from sourcecheck.core.engine import Engine
    from sourcecheck.core.models import Article

    report = Engine().score(Article(body="Ana Ruiz said the mill would close. She said so."))
    assert [s.name for s in report.analysis.sources] == ["Ana Ruiz"]
    assert [a.source_id for a in report.analysis.attributions] == [0, 0]


# -- round two: patterns from the tuning half ----------------------------------------------


def test_a_role_word_before_the_name_gives_the_gender() -> None:
    found = last(
        "Tom Reyes visited the port. Ministry spokeswoman Kestrel Aoki said exports fell. "
        "He said the port would reopen."
    )
    assert found.speaker == "Tom Reyes"


def test_an_interjection_is_not_part_of_the_name() -> None:
    found = last(
        "Congratulations Ellen Park on the win, Tom Reyes wrote. She said the count was fair."
    )
    assert found.speaker == "Ellen Park"


def test_a_person_named_after_an_organisation_role() -> None:
    found = last(
        "Tom Reyes picked a western. Former Brightline CEO Carly Vance named a drama. "
        '"I watch it every year," she said.'
    )
    assert found.speaker == "Carly Vance"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Delbert" and "Marjorie" are in the census's lists, not the curated one.
        (
            "Marjorie Lane runs the farm. Delbert Hume, who owns the next field, disagreed. "
            '"It rained all week," she said.',
            "Marjorie Lane",
        ),
        (
            "Delbert Hume runs the farm. Marjorie Lane, who owns the next field, disagreed. "
            '"It rained all week," he said.',
            "Delbert Hume",
        ),
    ],
)
def test_a_census_given_name_tells_the_gender_of_a_full_name(text: str, speaker: str) -> None:
    assert last(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # given names common in world news that the 1990 U.S. Census does not know
        (
            "Kofi Mensah met Ruth Calder on Monday. She said the talks went well.",
            "Ruth Calder",
        ),
        (
            "Yulia Petrenko met Tom Ibsen on Monday. He said the talks went well.",
            "Tom Ibsen",
        ),
        (
            "Narendra Rao met Ann Lee on Monday. She said the talks went well.",
            "Ann Lee",
        ),
    ],
)
def test_a_world_given_name_tells_the_gender(text: str, speaker: str) -> None:
    assert last(text).speaker == speaker


def test_a_census_given_name_alone_tells_no_gender() -> None:
    # "Carter" is a man's given name in the census, but alone it is a surname: "she" may
    # take her as the latest speaker.
    found = last(
        'Ruth Oyelaran spoke for an hour. Carter disagreed. "We need more time," she said.'
    )
    assert found.speaker == "Carter"


def test_a_day_is_not_a_person() -> None:
    found = last(
        "Ann Lee campaigned across the state. Super Tuesday came and went. "
        "She said the results were encouraging."
    )
    assert found.speaker == "Ann Lee"


def test_a_number_word_is_not_a_name() -> None:
    found = last("Mara Quinn read the list. Two Ohio counties refused; she said the rest agreed.")
    assert found.speaker == "Mara Quinn"


def test_a_possessive_before_a_cue_is_no_speaker() -> None:
    found = last(
        "Tom Reyes spoke for an hour. Victor Hale’s continued support for the bill "
        'surprised the crowd. "It was a good day," he said.'
    )
    assert found.speaker == "Tom Reyes"


def test_they_with_nothing_to_stand_for_is_not_a_vague_source() -> None:
    found = last("They pushed the mayor for details on the budget.")
    assert found.source_type == "unknown"


def test_liken_is_a_cue() -> None:
    found = last("Critics have likened the plan to a tax hike.")
    assert (found.source.text, found.cue.text, found.source_type) == (
        "Critics",
        "have likened",
        "vague",
    )


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("The party held onto most of its seats while adding three more.", []),
        (
            # both participles are Clinton's ("to protect jobs" is what she promised)
            "Clinton struck a calm tone, urging voters to wait and promising to protect jobs.",
            ["Clinton", "Clinton"],
        ),
    ],
)
def test_a_participle_after_a_conjunction_takes_no_words_before_it(
    text: str, sources: list[str]
) -> None:
    found = [a.source.text for a in analyze(text).attributions if a.source is not None]
    assert found == sources


def test_each_one_user_is_someone_new() -> None:
    analysis = analyze(
        '"It is great fun," one user wrote. "The show goes on," one user wrote. '
        "The official said the ban would stay."
    )
    ids = [a.source_id for a in analysis.attributions if not a.in_quote]
    assert len(set(ids[:2])) == 2


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "As the paper noted in an editorial, the mayor has few friends left.",
            "the mayor has few friends left",
        ),
        ("The mayor has few friends left, as the paper noted.", "The mayor has few friends left"),
    ],
)
def test_an_as_aside_attributes_the_main_clause(text: str, content: str) -> None:
    found = last(text)
    assert (found.source.text, found.content.text) == ("the paper", content)


def test_a_name_after_a_quoted_word_is_no_subject() -> None:
    found = last(
        'Victor Hale spoke first. Then he turned to "little" Sam Ortiz. He listed his wins.'
    )
    assert found.speaker == "Victor Hale"


def test_a_nickname_does_not_hide_the_subject() -> None:
    found = last(
        'The Daily Ledger covered the march. Juan "Chico" Reyes carried a sign. '
        '"I cried the whole way," he said.'
    )
    assert found.speaker in ("Reyes", "Juan Reyes")


def test_called_a_name_then_a_quote_is_what_they_were_called() -> None:
    found = last('The council held a vote; one lawmaker called Hale "the orange prince."')
    assert (found.source.text, found.source_type) == ("one lawmaker", "anonymous")


def test_a_source_after_the_cue_runs_past_a_dotted_abbreviation() -> None:
    found = analyze("Exports fell, according to the U.S. Commerce Department.").attributions[0]
    assert found.source.text == "the U.S. Commerce Department"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("Lee, citing data from the Harbor Authority, said ten ships were late.", "document"),
        ("A poll by the Harlow Post shows the mayor ahead.", "document"),
        ("A poll of Ohio voters shows the mayor ahead.", "vague"),
    ],
)
def test_a_maker_named_after_the_document(text: str, source_type: str) -> None:
    found = analyze(text).attributions[0]
    assert found.source_type == source_type


def test_a_share_of_people_is_the_finding_of_a_poll_named_in_passing() -> None:
    found = last(
        "A new Harlow Post poll is out. Nine in 10 registered voters say the mayor is fine."
    )
    assert (found.source.text, found.source_type) == ("Nine in 10 registered voters", "document")


# -- resolution: rules from the fresh editorial gold (each example invented) --------------


def test_the_person_asked_is_who_answers() -> None:
    found = last(
        "Tom Ortiz interviewed the mayor on Friday. Ortiz asked Carl Dunmore whether the "
        'budget would pass. "I am sure it will," he said.'
    )
    assert found.speaker == "Carl Dunmore"


def test_he_is_not_the_person_he_told() -> None:
    found = last(
        "Peter Vance spoke at the rally, and Tom Hadley asked about taxes. "
        '"They will go down," he told Hadley.'
    )
    assert found.speaker == "Peter Vance"


def test_the_second_of_two_coordinated_names_is_not_the_subject() -> None:
    found = last(
        "Governor Ruth Amsel visited the site. Ruth Amsel and Deputy Mayor Karen Holt laid "
        'wreaths at the memorial. "We grieve with you," she said.'
    )
    assert found.speaker == "Ruth Amsel"


def test_a_party_and_state_tag_is_not_a_name() -> None:
    found = last("Sen. Joel Marsh (R-Tex.) spoke last. He said the bill would fail.")
    assert found.speaker == "Joel Marsh"


def test_a_capital_the_story_also_writes_in_lower_case_is_not_a_name() -> None:
    found = last(
        'Adam Kell spoke in the square. "Our country deserves better," he said.\n'
        "– Country first –\n"
        '"We will win," he said.'
    )
    assert found.speaker == "Adam Kell"


def test_a_family_named_in_the_plural_is_not_she() -> None:
    found = last(
        "Mrs. Dalton took questions in the hall. The Daltons said they had moved to Vermont. "
        '"I would say yes," she said.'
    )
    assert found.speaker == "Dalton"


def test_a_name_after_an_outlet_and_a_role_word_is_the_subject() -> None:
    found = last(
        "Mrs. Fenwick said she doubted it. The Harbor Gazette columnist Nina Roth disagreed "
        'on Tuesday. "It matters," she wrote.'
    )
    assert found.speaker == "Nina Roth"


def test_a_possessive_opening_the_sentence_is_she_in_that_sentence() -> None:
    found = last(
        'Priya Nand watched the count. "It\'s over," Priya Nand said. '
        "Lia Tran's future is unclear, but she said last week that she would lead."
    )
    assert found.speaker == "Lia Tran"


def test_a_plural_possessive_keeps_the_whole_surname() -> None:
    # "Jones'" is Jones's, not "Jone" with an apostrophe and an "s" stripped.
    found = last("Reporters waited outside Doug Jones' office. He said the plan would pass.")
    assert found.speaker == "Doug Jones"


def test_a_named_person_close_to_someone_is_still_named() -> None:
    found = last('"He liked them," said Edgar Lunt, a former mayor who is close to the family.')
    assert found.source_type == "named_person"
    assert found.speaker == "Edgar Lunt"


def test_a_title_with_of_before_the_name_is_the_named_person() -> None:
    found = last(
        "The vote was close. Secretary of State John F. Kerry said in a statement that it was fair."
    )
    assert (found.source_type, found.speaker) == ("named_person", "John F. Kerry")


def test_the_woman_is_the_unnamed_woman_just_introduced() -> None:
    found = last(
        "Mrs. Dalton spoke first. At the meeting, a young woman asked Mrs. Dalton about the "
        'plan. "Is it fair?" the woman said.'
    )
    assert found.source_type == "anonymous"


def test_the_lawmaker_named_paragraphs_after_an_unnamed_introduction() -> None:
    found = last(
        "A lawmaker in the province is calling for a recount after the vote. "
        "Voters waited for hours at many of the polling stations, and some of them left "
        "before they could cast a ballot, according to the election commission's report. "
        '"The count cannot stand," Joel Ramos said in a bill filed on Monday. '
        "The bill would require a second count in every district where the lines were "
        "longer than two hours, and it would fund more staff for the next election. "
        "The lawmaker said the count was rushed."
    )
    assert found.speaker == "Joel Ramos"


@pytest.mark.parametrize(
    "middle",
    [
        "The view from here of Super Tuesday highlighted both.",
        "According to White House-era documents, it was close.",
    ],
)
def test_a_capital_that_is_part_of_a_date_or_a_description_is_no_speaker(middle: str) -> None:
    found = last(f"Tom Reyes spoke at noon. {middle} He said the count was fair.")
    assert found.speaker == "Tom Reyes"


def test_a_passive_agent_with_an_appositive_is_the_subject() -> None:
    found = last(
        '"We will fight," said Murray. He was joined on the call by Ilse Varga, president '
        "of the tenants union. She said the rent rise was unlawful."
    )
    assert found.speaker == "Ilse Varga"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reyes spoke first. The Harbor Museum issued a statement on Friday. Recalling "
        "the flood, the statement urged residents to give.",
        # the statement brought up before its maker, in the maker's sentence
        "Tom Reyes spoke first. In a statement announcing the gift, the Harbor Museum "
        "called the flood a disaster. The statement also urged residents to give.",
    ],
)
def test_the_statement_is_its_maker_speaking(text: str) -> None:
    found = last(text)
    assert (found.source_type, found.speaker) == ("named_organization", "Harbor Museum")


def test_a_misstatement_is_no_statement_its_maker_issued() -> None:
    found = last("Jo Dee made misstatements in May. The statement said the bill was dead.")
    assert found.speaker != "Jo Dee"


def test_two_full_names_joined_by_and_are_two_sources() -> None:
    analysis = analyze(
        "Lena Ortiz spoke first. Other members, including Lena Ortiz and Paul Hart, have "
        "backed the plan, saying it would pass."
    )
    names = sorted(s.name for s in analysis.sources if s.name)
    assert names == ["Lena Ortiz", "Paul Hart"]


def test_a_one_word_passive_agent_is_an_aside() -> None:
    found = last(
        "Gov. Tom Walker, one of the candidates vanquished by Trump in the race, had pledged "
        'support. "It is sad," he told reporters.'
    )
    assert found.speaker == "Tom Walker"


def test_an_acronym_that_names_one_company_stays_named() -> None:
    found = last("In June, a desperate HP asked workers to take a pay cut.")
    assert found.source_type == "named_organization"


# -- party, state and nationality (each example invented) ----------------------------------


def test_the_florida_senator_is_not_the_senator_from_another_state() -> None:
    found = last(
        "Ana Ruiz, the senator from Vermont, spoke first. Tom Hale campaigned with "
        "Sen. Joel Marsh, R-Iowa. The Florida senator told reporters he felt good."
    )
    assert found.speaker == "Tom Hale"


def test_the_republican_nominee_is_the_one_the_text_calls_republican() -> None:
    found = last(
        "Republican nominee Carl Dunmore spoke in Ohio. Democratic nominee Ruth Amsel "
        "spoke in Iowa, and Tom Hale joined her. The Republican nominee said the count "
        "was rigged."
    )
    assert found.speaker == "Carl Dunmore"


def test_a_description_before_who_is_its_person() -> None:
    found = last(
        "Brazilian President Ana Lima met Tom Hale on Friday. Hale said trade would grow. "
        "Hale then sat through a lecture from the Brazilian president, who said tariffs "
        "hurt both."
    )
    assert found.speaker == "Ana Lima"


def test_god_is_not_a_person_of_the_story() -> None:
    found = last(
        "Tom Hale ended his campaign on Friday. We will see if God offers us another chance. "
        "The former senator said he would rest."
    )
    assert found.speaker == "Tom Hale"


def test_a_poll_whose_maker_the_next_sentence_names_is_a_document() -> None:
    found = analyze(
        "The mayor trails by four points, a new poll has found. The poll, released on "
        "Wednesday by the Harlow Institute of Policy, surveyed 900 voters."
    ).attributions[0]
    assert (found.source_type, found.speaker) == ("document", "the Harlow Institute of Policy")


def test_a_poll_whose_maker_is_never_named_stays_vague() -> None:
    found = analyze(
        "The mayor trails by four points, a new poll has found. The poll surveyed 900 voters."
    ).attributions[0]
    assert found.source_type == "vague"


def test_a_name_with_a_plural_noun_inside_is_a_movement() -> None:
    found = speakers(
        "The Harbor Times covered the march. Black Lives Matter issued a statement on "
        'Friday. "We will not march," the group said in a statement.'
    )
    assert found[-1][1:] == ("named_organization", "Black Lives Matter")


def test_a_three_word_name_is_still_a_person() -> None:
    found = last("Juan Carlos Varela spoke first. He said the bill would pass.")
    assert (found.source_type, found.speaker) == ("named_person", "Juan Carlos Varela")


def test_a_state_abbreviation_before_who_is_not_a_person() -> None:
    found = last(
        "Ann Lee spoke first. Dana Rawlings, 59, of Ashton, Md., who watched the ceremony, "
        "said it brought back memories. She said she had toured the museum."
    )
    assert found.speaker == "Dana Rawlings"


def test_who_after_a_name_never_reaches_into_the_paragraph_before() -> None:
    found = last(
        "The vote was called by Sen. Jo Dee.\n\nOrtiz, who said the bill would pass, left early."
    )
    assert (found.source_type, found.speaker) == ("named_person", "Ortiz")


def test_a_hyphenated_given_name_is_part_of_the_name() -> None:
    found = last(
        "Foreign Minister Jean-Marc Arnaud spoke in Paris. In New York, Secretary General "
        "Ban Ki-soo condemned what he called a brazen breach."
    )
    assert found.speaker == "Ban Ki-soo"


def test_a_running_mate_is_not_the_nominee() -> None:
    found = last(
        "Republican nominee Carl Dunmore spoke in Ohio. Tom Hale, the Republican vice "
        "presidential nominee, spoke in Iowa. The Republican nominee said the count was rigged."
    )
    assert found.speaker == "Carl Dunmore"


def test_the_us_senator_is_a_senator_of_any_state() -> None:
    found = last(
        "Ruth Amsel, a senator from New York, spoke in Iowa. The U.S. senator said the vote "
        "was a mistake."
    )
    assert found.speaker == "Ruth Amsel"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ('A friend commented: "For you, it is the economy."', "anonymous"),
        ("The Chinese said emissions would fall by a third.", "named_organization"),
        ("Hale refused. His attorney said Hale would appear in private.", "unknown"),
    ],
)
def test_friends_governments_and_possessed_roles(text: str, source_type: str) -> None:
    assert last(text).source_type == source_type


def test_two_names_joined_by_and_are_not_one_person() -> None:
    found = speakers(
        "Hale and Amsel point out their own records.\n\nTom Hale and Ruth Amsel vied for "
        'the title. "We will win," she said.'
    )
    assert found[-1][1:] == ("named_person", "Ruth Amsel")


def test_the_owner_of_a_role_before_its_holder_is_no_subject() -> None:
    found = last(
        "Ruth Amsel spoke in Iowa.\n\nAmsel communication director Jennifer Palmer said "
        'Hale was reduced to insults. "This man wants to be president," she said.'
    )
    assert found.speaker == "Jennifer Palmer"


def test_a_title_case_headline_is_not_one_long_name() -> None:
    found = last(
        "Susan Lee Goes After Tom Hale As The New Mark Price.\n\n"
        "Mark Price spoke on Monday. Lee attacked Hale. She said the plan would fail."
    )
    assert found.speaker == "Susan Lee"


def test_a_clause_subject_after_a_comma_is_no_appositive() -> None:
    found = last(
        "Susan Lee spoke first. In an interview with hosts Tom Hale and Ann Price, the "
        "Democratic presidential candidate said that the plan was mean-spirited and would fail."
    )
    assert found.speaker == "Susan Lee"


def test_a_possessive_role_no_one_was_given_is_nobody_named() -> None:
    found = last(
        "Tom Hale, the committee chairman, spoke first. Pagano refused to testify. "
        "Pagano's lawyer has said he will refuse again."
    )
    assert (found.source_type, found.speaker) == ("unknown", None)


def test_the_owner_of_a_statement_speaks() -> None:
    found = last(
        "Ilya Sharpe wrote a brief. Tom Hale disagreed. Sharpe's argument is that the court erred."
    )
    assert found.speaker == "Ilya Sharpe"


@pytest.mark.parametrize(
    "text",
    [
        "Over the years, the town council has said it would fix the road.",
        "The town council has said over the years that it would fix the road.",
    ],
)
def test_over_the_years_is_not_a_source(text: str) -> None:
    found = [a.source.text for a in analyze(text).attributions if a.source is not None]
    assert found and not any("years" in source for source in found)


def _resolver() -> SpeakerResolver:
    return SpeakerResolver(SourceTyper(Lexicons()), Lexicons())


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("Hillary Clinton Goes After Donald Trump, Says Aide", [("Donald Trump", False, 27)]),
        ("Clinton Attacks Donald Trump's Plan For Jobs", [("Donald Trump", True, 16)]),
        ("Anna Ann Smith Goes To The Fair", [("Ann Smith", False, 5)]),
    ],
)
def test_headline_names_are_read_as_names_are(run: str, names: list[tuple[str, bool, int]]) -> None:
    """A headline's names lose a comma and a possessive, as other names do, and stand
    where they are written (a word is never found inside the word before it)."""
    found = _resolver()._parse_run(run)
    for name, possessive, offset in names:
        mention = next(m for m in found if m.name == name)
        assert (mention.possessive, mention.offset) == (possessive, offset)
        assert run[offset:].startswith(name)


@pytest.mark.parametrize(
    ("words", "traits"),
    [
        (["Miss", "Universe"], set()),
        (["La", "Niña"], set()),
        (["Del", "Rio"], set()),
        (["Mass", "General"], set()),
        (["Ill", "Will"], set()),
        (["Miss.,"], {"place:Mississippi"}),
        (["(R-La.)"], {"party:republican", "place:Louisiana"}),
        (["D-Del"], {"party:democratic", "place:Delaware"}),
    ],
)
def test_a_state_abbreviation_needs_its_period_or_a_party_tag(
    words: list[str], traits: set[str]
) -> None:
    assert _resolver()._traits(words) == traits


@pytest.mark.parametrize(
    ("words", "roles"),
    [
        (["the", "Republican", "nominee"], {"nominee"}),
        (["the", "Running", "Mate", "of", "the", "nominee"], set()),
        (["Assistant", "secretary"], set()),
        (["the", "vice", "presidential", "nominee"], set()),
    ],
)
def test_a_deputy_role_is_not_the_role_in_any_case(words: list[str], roles: set[str]) -> None:
    entity = _Entity("Jane Doe", "person")
    _resolver()._describe(entity, words)
    assert entity.roles == roles


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("Trump Calls On Obama To Resign", []),
        ("Hillary Clinton Meets With Bernie Sanders", ["Hillary Clinton", "Bernie Sanders"]),
        ("Why Donald Trump Is Up In Ohio", ["Donald Trump"]),
    ],
)
def test_a_headline_names_only_given_names_and_the_word_after(run: str, names: list[str]) -> None:
    assert [m.name for m in _resolver()._parse_run(run)] == names


def test_who_names_the_person_the_text_met_under_that_surname() -> None:
    # "Lopez, who said": the antecedent is Maria Lopez, a woman, so "he" is Tom Reyes.
    text = (
        "Voters backed Lopez on Sunday. Maria Lopez thanked her voters. Tom Reyes said the result "
        'helped Lopez, who said she was grateful. "It was close," he said.'
    )
    assert speakers(text)[-1][2] == "Tom Reyes"


def test_a_possessive_inside_a_run_ends_the_owner_s_name() -> None:
    # "Sen. Bernie Sands’ College for All Act" names a bill, not a person called so.
    text = (
        "Rep. Alan Grey spoke on Monday. Grey has introduced Sen. Bernie Sands’ College for "
        "All Act in the House and would push for it in the Senate, he said."
    )
    assert speakers(text)[-1][2] == "Alan Grey"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the organisation of whom "she" would be, not the latest organisation
        (
            "Dana Reyes toured Ohio on Monday. The Acme Group ran ads against her. "
            "Her campaign said the ads were false.",
            "Reyes's campaign",
        ),
        (
            "The Reyes Group opened a school. Tom Reyes toured it with the Acme Group. "
            "His group said the school would grow.",
            "Reyes Group",
        ),
    ],
)
def test_a_pronoun_s_organisation_is_its_person_s(text: str, speaker: str) -> None:
    assert last(text).speaker == speaker


def test_a_name_in_apposition_to_the_subject_is_the_subject() -> None:
    # "One delegate, state party chairwoman Nora Vale, ...": she is whom "she" means, not
    # the Ann Pike named before.
    text = (
        "Ann Pike won the state. One delegate, Ohio Democratic Party chairwoman Nora Vale, "
        'pledged her vote to Pike on Monday. "We need to close this out," she said.'
    )
    assert speakers(text)[-1][2] == "Nora Vale"


def test_it_is_the_organisation_named_earlier_in_its_sentence() -> None:
    text = (
        "The State Department reviewed its servers on Monday. Files from the Harbor "
        "Authority began to leak after it announced a breach."
    )
    assert speakers(text)[-1][2] == "Harbor Authority"


def test_the_role_of_someone_introduced_unnamed_stays_anonymous() -> None:
    # "A witness ... The witness said": the unnamed witness, not the mayor named before.
    text = (
        "Mayor Tom Hale toured the site. A witness interviewed by investigators was at the "
        "plant that night. The witness said the lights went out."
    )
    assert speakers(text)[-1][1:] == ("anonymous", None)
    named = "Tom Hale toured the site. The mayor said the lights went out."
    assert speakers(named)[-1][2] == "Tom Hale"


@pytest.mark.parametrize(
    ("run", "named"),
    [
        # a place of several words, or one ending in a place word, is nobody
        ("Atlantic City", []),
        ("Salt Lake City", []),
        ("Orange County", []),
        ("New Polls", []),
        # a seat of government of several words is one government
        ("Saudi Arabia", [("Saudi Arabia", "government")]),
        ("Buenos Aires", [("Buenos Aires", "government")]),
        # a place before a title is the person's trait, not part of the name
        ("New Hampshire Gov. Maggie Hassan", [("Maggie Hassan", "person")]),
        ("New York Times", [("New York Times", "organization")]),
        # a titled person whose surname is an organisation word
        ("Mayor Don Guardian", [("Don Guardian", "person")]),
    ],
)
def test_places_of_several_words_and_titled_names(run: str, named: list[tuple[str, str]]) -> None:
    lexicons = Lexicons()
    resolver = SpeakerResolver(SourceTyper(lexicons), lexicons)
    assert [(m.name, m.kind) for m in resolver._parse_run(run)] == named


@pytest.mark.parametrize(
    ("phrase", "source_type", "speaker"),
    [
        ("Mayor Don Guardian", "named_person", "Don Guardian"),
        ("Atlantic City", "named_organization", "Atlantic City"),
    ],
)
def test_a_titled_surname_and_a_city_speaking(phrase: str, source_type: str, speaker: str) -> None:
    info = SourceTyper(Lexicons()).classify(phrase)
    assert (info.source_type, info.speaker) == (source_type, speaker)


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("Many Democrats want the bill passed before the recess.", "unknown"),
        ("Some liberals backed the measure in the spring.", "unknown"),
        ("Many opponents of the tax have embraced the idea.", "unknown"),
        ("Critics say the plan will fail.", "vague"),
        ("Experts agree it will be difficult to win.", "vague"),
    ],
)
def test_a_group_that_wants_or_takes_a_side_is_no_unnamed_source(
    text: str, source_type: str
) -> None:
    (found,) = [a for a in analyze(text).attributions if a.source is not None]
    assert found.source_type == source_type


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The plan, union members and leaders say, is dead.", "union members and leaders"),
        ("Economists and analysts say the tax would work.", "Economists and analysts"),
    ],
)
def test_two_kinds_of_people_joined_by_and_are_one_group(text: str, source: str) -> None:
    (found,) = [a for a in analyze(text).attributions if a.source is not None]
    assert (found.source.text, found.source_type) == (source, "vague")


def test_they_after_two_named_people_speaking_together_is_both() -> None:
    found = last(
        "Ana Ruiz and Tom Bell, a county clerk, argued that the office is not needed. "
        "The state can do that work, they said."
    )
    assert found.speaker == "Ana Ruiz and Tom Bell"
