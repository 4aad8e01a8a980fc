from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck import Article
from sourcecheck.scorers.anonymous_sources import AnonymousSourcesScorer


def run(analysis, **options):
    scorer = AnonymousSourcesScorer().configure(options)
    return scorer.score(Article(body=analysis.body), analysis)


def rules(result) -> list[str]:
    return sorted(f.rule.split("/")[1] for f in result.findings)


def test_named_sources_only_score_one_with_capped_confidence(build, src) -> None:
    body = " ".join(f"The depot will close in May, Person{i} said." for i in range(8))
    result = run(build(body, [src(f"Person{i}") for i in range(8)]))
    assert result.score == 1.0
    assert result.findings == []
    assert result.confidence == pytest.approx(0.5)
    assert result.metrics["anonymous_share"] == 0.0


def test_no_attributions_gives_no_confidence(build) -> None:
    result = run(build("The depot will close in May."))
    assert result.score == 1.0
    assert result.confidence == 0.0


def test_anonymous_source_without_reason_is_flagged(build, src) -> None:
    body = "The depot will close in May, a senior transit official said."
    result = run(build(body, [src("a senior transit official", kind="anonymous")]))
    assert rules(result) == ["no-reason"]
    assert result.findings[0].span.text == "a senior transit official"
    assert result.metrics["no_reason"] == 1


def test_reason_in_the_same_sentence_satisfies_the_rule(build, src) -> None:
    body = (
        "The depot will close in May, said a senior transit official, who spoke on "
        "condition of anonymity because she was not authorized to discuss the budget."
    )
    result = run(build(body, [src("a senior transit official", kind="anonymous")]))
    assert rules(result) == []
    assert result.metrics["anonymous_with_reason"] == 1


def test_reason_given_by_connector_after_grant_phrase(build, src) -> None:
    body = (
        "Two board members, who requested anonymity to discuss the vote, said the "
        "depot would close."
    )
    result = run(build(body, [src("Two board members", kind="anonymous")]))
    assert "no-reason" not in rules(result)


def test_granted_anonymity_without_reason_still_needs_a_reason(build, src) -> None:
    body = "The depot will close, said a transit official, who spoke on condition of anonymity."
    result = run(build(body, [src("a transit official", kind="anonymous")]))
    assert rules(result) == ["no-reason"]
    assert "anonymity was granted" in result.findings[0].message


def test_reason_carries_over_to_later_mentions_of_the_same_source(build, src) -> None:
    body = (
        "The depot will close, said a senior transit official, who was not authorized to "
        "speak publicly.\n\n"
        "Bus routes will change. Drivers will be moved to Eastgate.\n\n"
        "The official said the union had been told."
    )
    sources = [
        src("a senior transit official", kind="anonymous"),
        src("The official", kind="anonymous"),
    ]
    result = run(build(body, sources))
    assert "no-reason" not in rules(result)


def test_another_official_is_a_new_source_needing_its_own_reason(build, src) -> None:
    body = (
        "The depot will close, said a senior transit official, who was not authorized to "
        "speak publicly.\n\n"
        "Bus routes will change. Drivers will be moved to Eastgate.\n\n"
        "Another official said the union had been told."
    )
    sources = [
        src("a senior transit official", kind="anonymous"),
        src("Another official", kind="anonymous"),
    ]
    result = run(build(body, sources))
    assert rules(result) == ["no-reason"]
    assert result.findings[0].span.text == "Another official"


@pytest.mark.parametrize(
    ("source", "bare"),
    [("a source", True), ("sources", True), ("one person", True), ("a union source", False)],
)
def test_bare_source_is_an_error(build, src, source: str, bare: bool) -> None:
    body = f"The depot will close, {source} said, because the matter is confidential."
    result = run(build(body, [src(source, kind="anonymous")]))
    assert ("bare-source" in rules(result)) is bare
    if bare:
        finding = next(f for f in result.findings if f.rule.endswith("bare-source"))
        assert finding.severity == "error"


def test_source_described_after_the_noun_is_not_bare(build, src) -> None:
    body = (
        "A source close to the board, who was not authorized to speak, said the depot will close."
    )
    result = run(build(body, [src("A source", kind="anonymous")]))
    assert "bare-source" not in rules(result)


def test_anonymous_criticism_is_flagged_but_information_is_not(build, src) -> None:
    reason = ", who was not authorized to discuss the plan"
    opinion = build(
        f"A city official{reason}, said the closure was a mistake.",
        [src("A city official", kind="anonymous", content="the closure was a mistake")],
    )
    criticised = build(
        f"A city official{reason}, criticized the mayor.",
        [src("A city official", cue="criticized", kind="anonymous")],
    )
    information = build(
        f"A city official{reason}, said the closure starts on May 3.",
        [src("A city official", kind="anonymous", content="the closure starts on May 3")],
    )
    assert rules(run(opinion)) == ["anonymous-opinion"]
    assert rules(run(criticised)) == ["anonymous-opinion"]
    assert rules(run(information)) == []
    assert run(information).score > run(opinion).score


def test_vague_source_with_opinion_is_flagged(build, src) -> None:
    body = "Critics called the plan reckless."
    result = run(build(body, [src("Critics", cue="called", kind="vague")]))
    assert rules(result) == ["anonymous-opinion"]
    assert result.metrics["vague"] == 1


def test_plural_sources_for_a_direct_quote(build, src) -> None:
    body = (
        '"We will not reopen the depot," sources said, because they were not authorized to speak.'
    )
    result = run(build(body, [src("sources", kind="anonymous", direct=True)]))
    assert "plural-sources" in rules(result)


def test_plural_officials_followed_by_the_official_is_flagged(build, src) -> None:
    body = (
        "Officials, who were not authorized to speak, said the depot would close. "
        "The official added that drivers had been told."
    )
    sources = [
        src("Officials", kind="anonymous"),
        src("The official", cue="added", kind="anonymous"),
    ]
    result = run(build(body, sources))
    assert "plural-sources" in rules(result)


def test_plural_officials_alone_are_not_flagged(build, src) -> None:
    body = "Officials, who were not authorized to speak, said the depot would close."
    result = run(build(body, [src("Officials", kind="anonymous")]))
    assert "plural-sources" not in rules(result)


def test_each_broken_rule_lowers_the_score(build, src) -> None:
    named = build("The depot will close, Ana Ruiz said.", [src("Ana Ruiz")])
    justified = build(
        "The depot will close, said an aide who was not authorized to discuss the talks.",
        [src("an aide", kind="anonymous")],
    )
    unjustified = build("The depot will close, an aide said.", [src("an aide", kind="anonymous")])
    bare = build("The depot will close, a source said.", [src("a source", kind="anonymous")])
    scores = [run(a).score for a in (named, justified, unjustified, bare)]
    # Anonymity that keeps the rules costs nothing (AP); each broken rule costs.
    assert scores[0] == scores[1] == 1.0
    assert scores[1] > scores[2] > scores[3]


def test_a_flat_anonymity_penalty_can_be_configured(build, src) -> None:
    justified = build(
        "The depot will close, said an aide who was not authorized to discuss the talks.",
        [src("an aide", kind="anonymous")],
    )
    assert run(justified, anonymous_penalty=0.35).score < run(justified).score


def test_extra_reason_option_extends_the_lexicon(build, src) -> None:
    body = "The depot will close, an aide said, citing house rules on staff comment."
    analysis = build(body, [src("an aide", kind="anonymous")])
    assert rules(run(analysis)) == ["no-reason"]
    assert rules(run(analysis, extra_reasons=["house rules on staff comment"])) == []


KINDS = ["named_person", "named_organization", "anonymous", "vague", "unknown"]


@settings(max_examples=60, deadline=None)
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=5))
def test_score_and_confidence_stay_in_range_and_spans_match(build, src, kinds) -> None:
    body = " ".join(f"Item {i} is due, Source{i} said." for i in range(len(kinds)))
    analysis = build(body, [src(f"Source{i}", kind=k) for i, k in enumerate(kinds)])
    result = run(analysis)
    assert 0.0 <= result.score <= 1.0
    assert 0.0 <= result.confidence <= 1.0
    if all(k in ("named_person", "named_organization", "unknown") for k in kinds):
        assert result.score == 1.0
    for finding in result.findings:
        assert body[finding.span.start : finding.span.end] == finding.span.text


def test_missing_reason_is_reported_once_per_source_but_weighs_every_mention(build, src) -> None:
    body = "The depot will close, a transit official said. Drivers were told, the official said."
    once = build(body, [src("a transit official", kind="anonymous")])
    twice = build(
        body, [src("a transit official", kind="anonymous"), src("the official", kind="anonymous")]
    )
    result = run(twice)
    assert rules(result) == ["no-reason"]
    assert result.metrics["no_reason"] == 2
    assert result.score == pytest.approx(run(once).score)


def test_unnamed_officials_announcing_on_the_record_need_no_reason(build, src) -> None:
    body = "County officials announced on Wednesday that the bridge will close."
    result = run(build(body, [src("County officials", cue="announced", kind="anonymous")]))
    assert "no-reason" not in rules(result)


def test_sources_inside_a_quoted_speakers_words_are_not_the_reporters(build, src) -> None:
    body = '"A source told me the depot will close," Ana Ruiz said.'
    sources = [src("A source", cue="told", kind="anonymous", in_quote=True), src("Ana Ruiz")]
    result = run(build(body, sources))
    assert result.findings == []
    assert result.metrics["attributions"] == 1
    assert result.score == 1.0


def test_plural_sources_relaying_a_named_speakers_quote_are_not_flagged(build, src) -> None:
    body = '"I am done," Hanley said in the meeting, sources who were not authorized to speak said.'
    sources = [src("Hanley"), src("sources who were", kind="anonymous", direct=True)]
    assert "plural-sources" not in rules(run(build(body, sources)))


def test_options_come_from_the_engine_config_and_bad_keys_name_the_scorer() -> None:
    from sourcecheck import Config
    from sourcecheck.core.engine import Engine
    from sourcecheck.core.errors import ConfigError

    body = "The depot will close, said a transit aide, citing house rules on staff comment."
    default = Engine().score(body)
    config = Config(scorer={"anonymous_sources": {"extra_reasons": ["house rules on staff"]}})
    configured = Engine(config).score(body)

    def rules_of(report) -> set[str]:
        return {f.rule for f in report.findings() if f.rule.startswith("anonymous_sources/")}

    assert "anonymous_sources/no-reason" in rules_of(default)
    assert "anonymous_sources/no-reason" not in rules_of(configured)
    with pytest.raises(ConfigError, match=r"anonymous_sources.*reasons"):
        Engine(Config(scorer={"anonymous_sources": {"reasons": ["x"]}}))
