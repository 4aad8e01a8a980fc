"""Source typing of phrases, and resolution of pronouns and descriptions."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import analyze
from sourcecheck.core.analysis.sources import SourceTyper
from sourcecheck.core.lexicons import Lexicons

TYPER = SourceTyper(Lexicons())


@pytest.mark.parametrize(
    ("phrase", "source_type"),
    [
        ("Maria Lopez", "named_person"),
        ("Sen. Jane Doe", "named_person"),
        ("the Justice Department", "named_organization"),
        ("the FBI", "named_organization"),
        ("Reuters", "named_organization"),
        ("The Daily Gazette", "named_organization"),
        ("Moscow", "named_organization"),
        ("the report", "document"),
        ("a Pew poll", "document"),
        ("court filings", "document"),
        ("a senior official", "anonymous"),
        ("two people familiar with the talks", "anonymous"),
        ("officials", "anonymous"),
        ("critics", "vague"),
        ("Some analysts", "vague"),
        ("many", "vague"),
        # a post-modifier word used as an adjective is no post-modifier
        ("an inside source", "anonymous"),
        ("Acme representatives", "anonymous"),
        # an unnumbered few of the people in a role
        ("other Republican candidates", "vague"),
        ("some senators", "vague"),
        # a plural that is not the singular plus "s" ("witnesses" is no "witnesse")
        ("some witnesses", "vague"),
        ("other deputies", "vague"),
        # the people a quantity counts, not the quantity
        ("a wide array of economists", "vague"),
        ("a handful of aides", "anonymous"),
        # plural organisations left unnamed
        ("civil liberties groups", "vague"),
        # a relative clause is no part of the head
        ("the analysts I interviewed", "vague"),
        ("the officials whose budgets were cut", "anonymous"),
        ("environmental groups that have sued the state", "vague"),
        ("the two unions that had backed him", "unknown"),
        ("the number of delegates", "unknown"),  # a figure, not people
        # "both" refers like "the": the two the story has named
        ("both outlets", "unknown"),
        ("both experts", "unknown"),
        ("other news outlets", "vague"),
        ("both polls", "document"),
        # a majority or minority of a body the story names is its members, not a crowd
        ("the conservative majority on the Supreme Court", "unknown"),
        ("a 51-seat majority in the Senate", "unknown"),
        ("the House's Democratic minority", "unknown"),
        ("a silent majority", "vague"),
        ("a majority of voters", "document"),
        # people in a role the lexicons need not list, counted but not named
        ("three speechwriters", "vague"),
        ("several retired generals", "vague"),
        ("two events", "unknown"),
        # a definite plural is people or things the story brought up, not an unnamed crowd
        ("the candidates", "unknown"),
        ("the debate moderators", "unknown"),
        ("the experts", "vague"),
        ("the officials", "anonymous"),
        # "-is" is no plural
        ("the budget crisis", "unknown"),
        # a participle and its agent after the head: the maker named, or the people unnamed
        ("emails obtained by the Ledger", "document"),
        ("memos obtained by investigators", "vague"),
        ("aides interviewed by the board", "anonymous"),
        # a review whose maker is not named
        ("a review of court records", "vague"),
        ("a review by the Ledger", "document"),
        ("exit polls reported by the Ledger", "document"),
        ("review", "document"),  # alone, a verb ("teams that review reports")
        ("poll", "vague"),  # a headline's bare poll ("Poll finds ...") is an unnamed one
        # "one" or "another" before a person is one of many; before a thing, no source
        ("one commenter", "anonymous"),
        ("another prominent conservative", "anonymous"),
        ("one point", "unknown"),
        ("one of two witnesses", "anonymous"),
        ("another reason", "unknown"),
        # collectives the vague lexicon lists
        ("pollsters", "vague"),
        ("security specialists", "vague"),
        # a quantifier post-modified by a place or "of them" is the head
        ("many in the farm lobby", "vague"),
        ("most of them", "vague"),
        ("some of his aides", "anonymous"),
        # a singular demonym alone is a surname, not a people speaking
        ("Cuban", "named_person"),
        ("Cubans", "vague"),
        ("Saudis", "vague"),
        # the plural of a demonym the lexicon lists singular only is a people, no name
        ("Texans", "vague"),
        ("the Kenyans", "vague"),
        # a party member's noun alone is a cut phrase's adjective; with "a", a member
        ("Republican", "unknown"),
        ("a Republican", "anonymous"),
        # what "as" brings after the head is no part of it ("known by some economists as")
        ("some economists as a", "vague"),
        # "both ... and" joins two heads: "both" determines neither
        ("both Democrats and Republicans", "vague"),
        ("both critics and supporters", "vague"),
        ("both liberal and conservative groups", "vague"),
        # "both" determines the possessor, not the head, as in "leaders of both parties"
        ("both parties' leaders", "vague"),
        ("leaders of both parties", "vague"),
        # a place or a people is where a crowd lives, not a body with members
        ("a majority in Ohio", "vague"),
        ("America's silent majority", "vague"),
        ("the Republican majority in the Senate", "unknown"),
        # a named maker after a relative "that" and its auxiliary, as after the participle
        ("emails that were released by the Ledger", "document"),
        ("a poll that was conducted by the Ledger", "document"),
        ("polls that have been released", "vague"),
        # negated and contracted auxiliaries open a relative clause too
        ("environmental groups that haven't sued the state", "vague"),
        ("environmental groups that’s suing the state", "vague"),
        ("critics that won't back the bill", "vague"),
        # "that is," restates the head ("i.e."): no relative clause
        ("critics, that is, economists", "vague"),
        # "both" + a head the anonymous lexicon lists: the unnamed people it refers to, as
        # "the officials" are ("Two officials spoke on condition of anonymity. Both officials")
        ("both officials", "anonymous"),
        # a name that takes "the" is no person; a title still makes one
        ("The Islamic State", "named_organization"),
        ("the Affordable Care Act", "named_organization"),
        ("the Rev. Al Sharpton", "named_person"),
    ],
)
def test_phrase_types(phrase: str, source_type: str) -> None:
    assert TYPER.classify(phrase).source_type == source_type


def test_it_resolves_to_a_name_that_takes_the() -> None:
    found = analyze("The Islamic Front said it shelled the base. It said more would follow.")
    speakers = [(a.source.text, a.speaker) for a in found.attributions if a.source]
    assert speakers == [("The Islamic Front", "Islamic Front"), ("It", "Islamic Front")]


def test_named_person_speaker_drops_the_title() -> None:
    assert TYPER.classify("Sen. Jane Doe").speaker == "Jane Doe"


def test_it_resolves_to_the_last_organization() -> None:
    found = analyze(
        "The Acme Corporation said sales fell. It added that it would cut jobs."
    ).attributions
    assert [a.source.text for a in found if a.source] == ["The Acme Corporation", "It"]
    assert found[1].source_type == "named_organization"
    assert found[1].speaker == "Acme Corporation"


def test_description_of_an_organization_resolves_to_it() -> None:
    found = analyze(
        "The Federal Aviation Administration grounded the jets. The agency said inspections "
        "would take a week."
    ).attributions
    assert found[-1].source is not None and found[-1].source.text == "The agency"
    assert found[-1].source_type == "named_organization"
    assert found[-1].speaker == "Federal Aviation Administration"


def test_pronoun_can_refer_to_a_person_mentioned_but_not_quoted() -> None:
    found = analyze(
        "Gov. Lena Brooks toured the flooded town. She said help was on the way."
    ).attributions
    assert found[0].speaker == "Lena Brooks"
    assert found[0].source_type == "named_person"


def test_relative_who_takes_its_antecedent() -> None:
    found = analyze(
        "The vote was delayed by Omar Diaz, who said the count was flawed."
    ).attributions
    assert found[0].source is not None and found[0].source.text == "who"
    assert found[0].speaker == "Omar Diaz"


def test_definite_official_after_an_anonymous_one_stays_anonymous() -> None:
    found = analyze(
        "A senior official said the talks had stalled. The official said a deal was unlikely."
    ).attributions
    assert [a.source_type for a in found] == ["anonymous", "anonymous"]


def test_unresolvable_pronoun_is_unknown() -> None:
    found = analyze("He said the dam would hold.").attributions
    assert found[0].source_type == "unknown"
    assert found[0].speaker is None


@pytest.mark.parametrize(
    ("phrase", "source_type"),
    [
        ("The", "unknown"),
        ("the", "unknown"),
        ("the the", "unknown"),
        # "Md. said": a state speaking is its government, as "Ohio argued" is
        ("Md.", "named_organization"),
    ],
)
def test_a_phrase_of_determiners_or_a_state_types_without_error(
    phrase: str, source_type: str
) -> None:
    assert TYPER.classify(phrase).source_type == source_type


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("the Obama administration", "Obama administration"),
        ("The Rivera campaign", "Rivera campaign"),
        # a candidate's team or camp is the campaign
        ("the Rivera team", "Rivera campaign"),
        ("The Rivera camp", "Rivera campaign"),
        ("Rivera's team", "Rivera's campaign"),
        ("the Ohio Democratic Party", "Ohio Democratic Party"),
    ],
)
def test_an_organisation_named_by_its_owner(phrase: str, speaker: str) -> None:
    info = TYPER.classify(phrase)
    assert (info.source_type, info.kind, info.speaker) == ("named_organization", "named", speaker)


@pytest.mark.parametrize("phrase", ["the campaign", "the state's largest union", "The Agency"])
def test_an_organisation_no_name_owns_is_a_description(phrase: str) -> None:
    assert TYPER.classify(phrase).kind == "org_description"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a relative clause without "who", the writer its subject
        (
            "Nearly all the economists I consulted said the levy would fail.",
            "economists I consulted",
        ),
        ("Critics we spoke to say the ruling stands.", "Critics we spoke to"),
        # a head with a long coordinated post-modifier: read past the first few words
        (
            "Analysts on Scandinavian shipping and naval strategy said the port would close.",
            "Analysts on Scandinavian shipping and naval strategy",
        ),
        # plural organisations as a bare head
        ("Farm advocacy groups warned that the tariff would hurt growers.", "advocacy groups"),
        # one of a group, the group unnamed
        ("The port, as one of the harbour engineers noted, floods often.", "one of the"),
        # "implore" reports a plea
        ("Two lobbyists implored the board to reconsider.", "Two lobbyists"),
        # a name with "and" in it, post-modifying a head
        (
            "Later, a spokeswoman for the Fish and Wildlife Service said the trail was shut.",
            "a spokeswoman for the Fish and Wildlife Service",
        ),
        # weasel collectives the lexicon lists, post-modified by where they stand
        ("Partisans on both sides warn that the levy will pass.", "Partisans on both sides"),
        ("The clip spread fast. Other netizens said the mayor looked tired.", "Other netizens"),
        # "there" is where the source is, not the source
        ("Officials there say that the plant will stay open.", "Officials"),
        # a past participle and its agent post-modify the head
        (
            "The audit ended. A witness interviewed by county staff said the logs were wiped.",
            "A witness interviewed by county staff",
        ),
    ],
)
def test_unnamed_sources_found_before_their_cue(text: str, source: str) -> None:
    analysis = analyze(text)
    found = [
        (analysis.body[a.source.start : a.source.end], a.source_type)
        for a in analysis.attributions
        if a.source is not None
    ]
    assert any(source in phrase and kind in ("vague", "anonymous") for phrase, kind in found), found


def test_a_number_after_the_keeps_the_phrase_definite() -> None:
    analysis = analyze("The two rival contenders are questioning each other's fitness.")
    (attribution,) = analysis.attributions
    assert attribution.source is not None and attribution.source_type == "unknown"
    assert attribution.source.text == "The two rival contenders"


def test_a_partitive_with_its_noun_cut_off_is_no_source() -> None:
    analysis = analyze("He pointed at a man at one of the rallies and called him a friend.")
    assert all(a.source_type not in ("vague", "anonymous") for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Other senators most strongly opposed the levy.", "Other senators"),
        ("Farm groups more often warned that the tariff would hurt.", "Farm groups"),
        # a degree word grading the cue itself
        ("Farm groups most feared a glut.", "Farm groups"),
        # a degree word opening the sentence is the source itself
        ("Most strongly opposed the levy.", "Most"),
    ],
)
def test_a_degree_word_before_an_adverb_is_no_part_of_the_source(text: str, source: str) -> None:
    sources = [a.source.text for a in analyze(text).attributions if a.source is not None]
    assert sources == [source]


def test_a_percentage_of_a_party_is_the_polls_finding_not_the_party() -> None:
    text = "A Marist poll was released. In it, 61% of Democrats say the race is close."
    (attribution,) = [a for a in analyze(text).attributions if a.cue and a.cue.text == "say"]
    assert attribution.source is not None and attribution.source.text == "61% of Democrats"
    assert attribution.source_type == "document"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        ("Jo Dee and other tenants protested the rent rise.", "Jo Dee and other tenants", "Jo Dee"),
        ("The Farm Bureau and others warned of a glut.", "The Farm Bureau and others", None),
    ],
)
def test_a_name_leading_other_people_is_the_source(
    text: str, source: str, speaker: str | None
) -> None:
    (attribution,) = analyze(text).attributions
    assert attribution.source is not None and attribution.source.text == source
    assert attribution.source_type in ("named_person", "named_organization")
    assert speaker is None or attribution.speaker == speaker


def test_people_leading_other_people_stay_unnamed() -> None:
    (attribution,) = analyze("Angry tenants and other residents protested the rise.").attributions
    assert attribution.source_type == "vague"


@pytest.mark.parametrize(
    ("text", "source_type", "speaker"),
    [
        (
            "Other farm unions, including the Grain Growers League, backed the levy.",
            "named_organization",
            "Grain Growers League",
        ),
        ("Several mayors, among them Jo Dee, said the levy was fair.", "named_person", "Jo Dee"),
        # a listing of kinds, not names, leaves the group unnamed
        ("Liberal groups, including tenant unions, said the levy was fair.", "vague", None),
    ],
)
def test_a_group_named_right_after_by_a_listing(
    text: str, source_type: str, speaker: str | None
) -> None:
    (attribution,) = analyze(text).attributions
    assert (attribution.source_type, attribution.speaker) == (source_type, speaker)


@pytest.mark.parametrize("phrase", ["one in five", "Three in four voters", "nine in 10 Americans"])
def test_a_ratio_with_a_number_word_is_a_share(phrase: str) -> None:
    assert TYPER.classify(phrase).kind == "share"


def test_the_and_a_singular_demonym_is_a_person_the_story_brought_up() -> None:
    text = 'Gov. Jo Dee toured Austin on Monday. "We will win," the Texan said.'
    (attribution,) = analyze(text).attributions
    assert (attribution.source_type, attribution.speaker) == ("named_person", "Jo Dee")


def test_a_name_whose_role_has_an_appositive_of_its_own_is_the_source() -> None:
    text = "Jo Dee, chief executive of Acme Rail, a freight company, said the line would close."
    (attribution,) = analyze(text).attributions
    assert attribution.source is not None and attribution.source.text == "Jo Dee"
    assert attribution.source_type == "named_person"
    assert attribution.role == "chief executive of Acme Rail, a freight company"


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # the people a named poll asked speak through it
        (
            "In all, 64 percent of voters in a recent Marist poll said the levy was fair.",
            "voters in a recent Marist poll",
            "document",
        ),
        # a share of two groups joined by "and"
        (
            "A Marist poll came out. In it, 31% of farmers and farm-state voters said no.",
            "31% of farmers and farm-state voters",
            "document",
        ),
        # the head before "of" is the source, not the object of "of"
        (
            "Critics of the plan in the legislature said it would fail.",
            "Critics of the plan in the legislature",
            "vague",
        ),
        ("The new poll of voters in all 50 states revealed a split.", "The new poll", "document"),
        # the results of an unnamed poll are that poll's
        ("Early results of an exit poll of farm voters show a split.", "an exit poll", "vague"),
    ],
)
def test_who_speaks_through_a_poll_or_a_head_before_of(
    text: str, source: str, source_type: str
) -> None:
    found = [
        (a.source.text, a.source_type) for a in analyze(text).attributions if a.source is not None
    ]
    assert any(source in phrase and kind == source_type for phrase, kind in found), found


def test_a_pronoun_leading_other_people_is_resolved_as_the_pronoun() -> None:
    text = (
        "Sen. Pat Dee ran early. Later, he and other rivals complained that the rules were unfair."
    )
    (attribution,) = [a for a in analyze(text).attributions if a.cue and a.cue.text == "complained"]
    assert attribution.source is not None and attribution.source.text == "he and other rivals"
    assert (attribution.source_type, attribution.speaker) == ("named_person", "Pat Dee")


@pytest.mark.parametrize("phrase", ["respondents", "those surveyed", "the voters polled"])
def test_the_people_a_poll_asked_are_its_finding(phrase: str) -> None:
    assert TYPER.classify(phrase).kind == "share"


@pytest.mark.parametrize(
    ("phrase", "source_type", "speaker"),
    [
        # "İ" lower-cases to two characters: an index found in the lower case must not
        # cut the phrase itself one character late for each
        ("İzzet İnan and other Democrats", "named_person", "İzzet İnan"),
        ("İİİİ İİİİ voters in a Marist poll", "document", None),
    ],
)
def test_a_dotted_capital_i_does_not_shift_where_the_phrase_is_cut(
    phrase: str, source_type: str, speaker: str | None
) -> None:
    info = TYPER.classify(phrase)
    assert (info.source_type, info.speaker) == (source_type, speaker)


@pytest.mark.parametrize("opening", ["The line lost money.", '"Fine."', "iPhones sold."])
def test_a_name_opening_its_sentence_keeps_its_role_whatever_opens_the_article(
    opening: str,
) -> None:
    text = f"{opening} Dee, chief executive of Acme Rail, a freight company, said it would close."
    (attribution,) = analyze(text).attributions
    assert attribution.source is not None and attribution.source.text == "Dee"
    assert attribution.source_type == "named_person"


@pytest.mark.parametrize("phrase", ["A Texan", "another Texan", "One Texan", "an American"])
def test_a_demonym_after_an_article_is_one_unnamed_person(phrase: str) -> None:
    assert TYPER.classify(phrase).source_type == "anonymous"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A Texan said it was fine.", "A Texan"),
        ("It rained, and another Texan said it was fine.", "another Texan"),
    ],
)
def test_the_article_before_a_demonym_stays_in_the_source(text: str, source: str) -> None:
    # Cut off, the demonym alone read as a surname ("Cuban said": Mark Cuban)
    (attribution,) = analyze(text).attributions
    assert attribution.source is not None and attribution.source.text == source
    assert (attribution.source_type, attribution.speaker) == ("anonymous", None)


@pytest.mark.parametrize(
    ("text", "source_type", "speaker"),
    [
        # a people's name alone is nobody named unless the story gave it as a surname
        ("American said the fares would rise.", "unknown", None),
        ("A Native American group met. American said the fares would rise.", "unknown", None),
        ("Mark Cuban owns the team. Cuban said the fares would rise.", "named_person", "Cuban"),
        ("Sen. Tom Irish spoke. Then Cuban said the fares would rise.", "unknown", None),
    ],
)
def test_a_demonym_alone_is_a_surname_only_where_the_story_named_one(
    text: str, source_type: str, speaker: str | None
) -> None:
    (attribution,) = analyze(text).attributions
    assert (attribution.source_type, attribution.speaker) == (source_type, speaker)


def test_an_appositive_reads_at_most_three_commas_even_after_a_names_role(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name's role found at the last comma tried ends the search, as any answer does."""
    from sourcecheck.core.analysis import phrases

    tried: list[int] = []

    def appositive_at(self, body, words, comma, window, end):
        tried.append(comma)
        return phrases.SourceBefore(0, 2) if len(tried) == 3 else None

    monkeypatch.setattr(phrases.SourceReader, "_appositive_at", appositive_at)
    monkeypatch.setattr(phrases, "_names_before", lambda body, window, found: True)
    monkeypatch.setattr(phrases, "_name_then_plain_role", lambda words, comma: True)
    reader = phrases.SourceReader(set(), set())
    body = "Aa Bb, Cc Dd, Ee Ff, Gg Hh, Ii Jj, Kk Ll, said"
    found = reader._appositive(body, 0, len(body) - len(" said"))
    assert (found, len(tried)) == (phrases.SourceBefore(0, 2), 3)
