from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck import Article
from sourcecheck.core.analysis.needs_source import builtin_model, has_figure
from sourcecheck.core.errors import ConfigError
from sourcecheck.scorers.attribution_clarity import AttributionClarityScorer

BODY = (
    "The county will close the Elm Street bridge for six weeks, Ana Ruiz said. "
    "Repairs will start on Monday, the Transport Department said. "
    "The detour adds twelve minutes to the average commute. "
    "The bridge was built in 1961."
)


def run(analysis, **options):
    scorer = AttributionClarityScorer().configure(options)
    return scorer.score(Article(body=analysis.body), analysis)


def test_many_claims_attributed_to_named_people_with_roles_score_near_one(build, src) -> None:
    people = [f"Person{i}" for i in range(30)]
    body = " ".join(f"Fact {i} holds, {who}, the engineer, said." for i, who in enumerate(people))
    result = run(build(body, [src(who, role="the engineer") for who in people]))
    assert result.score > 0.95
    assert result.findings == []
    assert result.metrics["attributed_share"] == 1.0
    assert result.metrics["checkable_attributions"] == 30


def test_two_checkable_attributions_score_by_the_documented_formula(build, src) -> None:
    body = (
        "The bridge will close for six weeks, Ana Ruiz, the county engineer, said. "
        "Crews found cracks in two piers, Tom Hale, the site foreman, said."
    )
    analysis = build(
        body,
        [
            src("Ana Ruiz", role="the county engineer"),
            src("Tom Hale", role="the site foreman"),
        ],
    )
    result = run(analysis)
    assert result.score == pytest.approx(0.2 * 1.0 + 0.8 * (1 - math.exp(-2 / 8)))


def test_an_opinion_piece_scores_lower_than_the_same_news(build, src) -> None:
    body = "The plan will raise rents, Ana Ruiz, the city planner, said."
    news = build(body, [src("Ana Ruiz", role="the city planner")])
    opinion = replace(build(body, [src("Ana Ruiz", role="the city planner")]), genre="opinion")
    assert run(opinion).score == pytest.approx(0.5 * run(news).score)


def test_a_sure_finding_is_a_warning_and_a_less_certain_one_a_suggestion(build, src) -> None:
    body = (
        "The council approved the plan, Ana Ruiz said. The plan was popular. It costs $4 million."
    )
    model = builtin_model()
    less_sure = (model.threshold + model.warning_threshold) / 2
    analysis = build(body, [src("Ana Ruiz")], needs={1: less_sure, 2: 1.0})
    result = run(analysis)
    by_rule = {f.rule: f for f in result.findings}
    assert set(by_rule) == {
        "attribution_clarity/unattributed-claim",
        "attribution_clarity/unattributed-figure",
    }
    assert by_rule["attribution_clarity/unattributed-figure"].severity == "warning"
    assert by_rule["attribution_clarity/unattributed-figure"].span.text == "It costs $4 million."
    assert by_rule["attribution_clarity/unattributed-claim"].severity == "suggestion"
    assert result.metrics["attributed_claims"] == 1
    assert result.metrics["claims"] == 3


def test_claims_the_model_clears_get_no_finding(build, src) -> None:
    body = "The council approved the plan, Ana Ruiz said. The plan was popular."
    below = builtin_model().threshold / 2
    result = run(build(body, [src("Ana Ruiz")], needs={1: below}))
    assert result.findings == []


def test_vague_attribution_is_flagged_and_scores_below_a_named_one(build, src) -> None:
    named = build(
        "The plan will raise rents, Ana Ruiz said.", [src("Ana Ruiz", kind="named_person")]
    )
    vague = build("The plan will raise rents, critics said.", [src("critics", kind="vague")])
    named_result, vague_result = run(named), run(vague)
    assert vague_result.score < named_result.score
    assert [f.rule for f in vague_result.findings] == ["attribution_clarity/vague-attribution"]
    assert vague_result.findings[0].span.text == "critics"
    assert "critics" in vague_result.findings[0].message


def test_a_vague_lead_in_named_in_the_next_sentence_is_not_flagged(build, src) -> None:
    lead_in = build(
        "Not everyone welcomed the plan. Ana Ruiz, who runs a bakery, said rents would rise.",
        [src("everyone", cue="welcomed", kind="vague"), src("Ana Ruiz", kind="named_person")],
    )
    left_vague = build(
        "Not everyone welcomed the plan. The vote is on Friday, the clerk's notice said.",
        [src("everyone", cue="welcomed", kind="vague"), src("the clerk's notice", kind="unknown")],
    )
    assert "attribution_clarity/vague-attribution" not in {f.rule for f in run(lead_in).findings}
    assert "attribution_clarity/vague-attribution" in {f.rule for f in run(left_vague).findings}


def test_specificity_order_follows_newsroom_practice(build, src) -> None:
    """A named person with a role and a document can be checked; a bare name or an
    organisation only partly; an unnamed or vague source not at all."""
    body = "The plan will raise rents, X said."
    kinds = ["document", "named_person", "named_organization", "anonymous", "vague"]
    document, person, organization, anonymous, vague = (
        run(build(body, [src("X", kind=kind)])).score for kind in kinds
    )
    with_role = run(build(body, [src("X", role="the city planner")])).score
    assert with_role == pytest.approx(document)
    assert person == pytest.approx(organization)
    assert document > person > anonymous
    assert anonymous == pytest.approx(vague)


def test_no_claims_means_full_score_and_no_confidence(build) -> None:
    result = run(build("Hello.", claims=[]))
    assert result.score == 1.0
    assert result.confidence == 0.0


def test_claims_without_any_attribution_score_zero(build) -> None:
    result = run(build("Rents rose last year. The council did nothing."))
    assert result.score == 0.0
    assert result.confidence == pytest.approx(2 / 8)


def test_confidence_grows_with_claims(build, src) -> None:
    few = run(build(BODY, [src("Ana Ruiz")], claims=[0]))
    many = run(build(BODY, [src("Ana Ruiz")]))
    assert many.confidence > few.confidence


def test_share_weight_option_changes_the_balance(build, src) -> None:
    analysis = build(
        BODY, [src("Ana Ruiz"), src("the Transport Department", kind="named_organization")]
    )
    share_only = run(analysis, share_weight=1.0)
    specificity_only = run(analysis, share_weight=0.0)
    assert share_only.score == pytest.approx(0.5)
    assert specificity_only.score == pytest.approx(1 - math.exp(-(0.25 + 0.25) / 8))


def test_unknown_specificity_kind_is_a_config_error_naming_the_scorer() -> None:
    with pytest.raises(ConfigError, match=r"attribution_clarity.*specificity"):
        AttributionClarityScorer().configure({"specificity": {"celebrity": 1.0}})


KINDS = ["named_person", "named_organization", "document", "anonymous", "vague", "unknown"]


@settings(max_examples=60, deadline=None)
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=4), data=st.data())
def test_upgrading_a_source_never_lowers_the_score(build, src, kinds, data) -> None:
    """Invariant: a more specific source never makes attribution clarity worse."""
    body = " ".join(f"Fact number {i} is true, Source{i} said." for i in range(len(kinds)))
    before = run(build(body, [src(f"Source{i}", kind=k) for i, k in enumerate(kinds)]))
    which = data.draw(st.integers(0, len(kinds) - 1))
    upgraded = [src(f"Source{i}", kind=k) for i, k in enumerate(kinds)]
    upgraded[which] = src(f"Source{which}", kind="named_person", role="the city planner")
    after = run(build(body, upgraded))
    assert 0.0 <= before.score <= 1.0
    assert after.score >= before.score - 1e-9


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was built in 1961.",
        "Voting ends on Nov. 6 at 8 p.m.",
        "The meeting is at 10:30 on March 19.",
        "It was the 1990s, and the 4th of July.",
    ],
)
def test_dates_years_and_times_are_not_figures(text: str) -> None:
    assert not has_figure(text)


@pytest.mark.parametrize(
    "text",
    [
        "It costs $4 million.",
        "Turnout rose 12 percent.",
        "Some 4,500 people came.",
        "Sales doubled.",
        "Prices rose 3.5% in 2015.",
    ],
)
def test_counts_money_and_shares_are_figures(text: str) -> None:
    assert has_figure(text)


@given(st.integers(1800, 2099))
def test_a_year_alone_is_never_a_figure(year: int) -> None:
    assert not has_figure(f"In {year}, the law changed.")


def test_in_an_opinion_piece_even_a_sure_finding_is_only_a_suggestion(build, src) -> None:
    body = "The council approved the plan, Ana Ruiz said. It costs $4 million."
    news = build(body, [src("Ana Ruiz")], needs={1: 1.0})
    opinion = replace(build(body, [src("Ana Ruiz")], needs={1: 1.0}), genre="opinion")
    assert [f.severity for f in run(news).findings] == ["warning"]
    assert [f.severity for f in run(opinion).findings] == ["suggestion"]
