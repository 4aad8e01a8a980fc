from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck import Analysis, Article
from sourcecheck.core.analysis import analyze
from sourcecheck.scorers.corroboration import CorpusIndex, CorroborationScorer


def run(analysis, scorer: CorroborationScorer | None = None, **options):
    configured = (scorer or CorroborationScorer()).configure(options)
    return configured.score(Article(body=analysis.body), analysis)


def rules(result) -> list[str]:
    return sorted(f.rule.split("/")[1] for f in result.findings)


def test_one_source_throughout_is_flagged_single_source(build, src) -> None:
    body = (
        "The mill will close in June, Ana Ruiz said. "
        "About 140 jobs will go, Ruiz said. "
        "Ruiz said the owners had tried to sell it."
    )
    sources = [src("Ana Ruiz"), src("Ruiz", speaker="Ruiz"), src("Ruiz", speaker="Ruiz")]
    result = run(build(body, sources))
    assert result.metrics["independent_sources"] == 1
    assert rules(result) == ["single-source"]
    assert result.findings[0].span.text == "Ana Ruiz"
    assert "Ana Ruiz" in result.findings[0].message
    assert result.score < 0.25


def test_three_independent_sources_score_higher_without_findings(build, src) -> None:
    body = (
        "The mill will close in June, Ana Ruiz said. "
        "About 140 jobs will go, the Millworkers Union said. "
        "A filing with the state shows the owners tried to sell it."
    )
    sources = [
        src("Ana Ruiz"),
        src("the Millworkers Union", kind="named_organization"),
        src("A filing with the state", cue="shows", kind="document"),
    ]
    single = run(build(body, [src("Ana Ruiz")]))
    three = run(build(body, sources))
    assert three.metrics["independent_sources"] == 3
    assert three.findings == []
    assert three.score > single.score + 0.3


def test_spokesperson_and_their_organisation_count_once(build, src) -> None:
    body = (
        "The Harbor Authority said the pier would reopen. "
        "Repairs cost $2 million, said Lee Park, a spokeswoman for the Harbor Authority."
    )
    sources = [
        src("The Harbor Authority", kind="named_organization", speaker="Harbor Authority"),
        src("Lee Park", role="a spokeswoman for the Harbor Authority"),
    ]
    result = run(build(body, sources))
    assert result.metrics["independent_sources"] == 1
    assert rules(result) == ["single-source"]


def test_relayed_quote_is_one_chain_of_evidence(build, src) -> None:
    body = "Ana Ruiz told the Valley Courier that the mill would close."
    sources = [
        src("Ana Ruiz", cue="told"),
        src("the Valley Courier", cue="told", kind="named_organization", via=0),
    ]
    assert run(build(body, sources)).metrics["independent_sources"] == 1


def test_another_anonymous_official_is_a_second_source(build, src) -> None:
    body = (
        "The mill will close, a state official said. "
        "Another official said buyers had walked away. "
        "The official said talks had ended."
    )
    sources = [
        src("a state official", kind="anonymous"),
        src("Another official", kind="anonymous"),
        src("The official", kind="anonymous"),
    ]
    result = run(build(body, sources))
    assert result.metrics["anonymous_sources"] == 2
    assert result.metrics["independent_sources"] == 2


def test_vague_sources_do_not_count_as_sources(build, src) -> None:
    body = "The mill will close, critics said. Ana Ruiz said the owners tried to sell."
    result = run(build(body, [src("critics", kind="vague"), src("Ana Ruiz")]))
    assert result.metrics["independent_sources"] == 1


def test_claim_backed_by_two_sources_in_its_sentence_is_corroborated(build, src) -> None:
    body = (
        "The mill will close, Ana Ruiz and the Millworkers Union said. Rents rose, Tom Hale said."
    )
    sources = [
        src("Ana Ruiz"),
        src("the Millworkers Union", kind="named_organization"),
        src("Tom Hale"),
    ]
    result = run(build(body, sources))
    assert result.metrics["corroborated_claims"] == 1
    assert result.metrics["attributed_claims"] == 2


def test_confirming_source_corroborates_the_claim_before_it(build, src) -> None:
    body = "The mill will close in June, Ana Ruiz said. The Labor Department confirmed the date."
    confirmed = [
        src("Ana Ruiz"),
        src("The Labor Department", cue="confirmed", kind="named_organization"),
    ]
    assert run(build(body, confirmed)).metrics["corroborated_claims"] == 2
    own_body = "The mill will close in June, Ana Ruiz said. Ruiz later confirmed the date."
    own_confirmation = [src("Ana Ruiz"), src("Ruiz", cue="confirmed")]
    assert run(build(own_body, own_confirmation)).metrics["corroborated_claims"] == 0


def test_one_dominant_source_among_several_is_a_suggestion(build, src) -> None:
    body = " ".join(f"Point {i} holds, Ana Ruiz said." for i in range(6)) + " Tom Hale agreed."
    sources = [src("Ana Ruiz") for _ in range(6)] + [src("Tom Hale", cue="agreed")]
    result = run(build(body, sources))
    assert rules(result) == ["dominant-source"]
    assert result.findings[0].severity == "suggestion"
    even = build(
        " ".join(f"Point {i} holds, Person{i} said." for i in range(4)),
        [src(f"Person{i}") for i in range(4)],
    )
    assert run(even).metrics["effective_sources"] > result.metrics["effective_sources"]


def test_no_sources_at_all_scores_zero_and_says_so(build) -> None:
    result = run(build("The mill will close. Jobs will go. The town will suffer."))
    assert result.score == 0.0
    assert rules(result) == ["no-sources"]
    assert result.confidence == pytest.approx(1.5 / 6)


class FakeCorpus:
    """A corpus index that says claim 0 was reported by two other outlets."""

    def corroborations(self, article: Article, analysis: Analysis) -> Mapping[int, int]:
        return {0: 2}


def test_corpus_index_on_the_scorer_adds_cross_article_corroboration(build, src) -> None:
    body = "The mill will close, Ana Ruiz said. Rents rose, Tom Hale said."
    analysis = build(body, [src("Ana Ruiz"), src("Tom Hale")])
    alone = run(analysis)
    with_corpus = run(analysis, CorroborationScorer(corpus_index=FakeCorpus()))
    assert isinstance(FakeCorpus(), CorpusIndex)
    assert alone.metrics["corpus_used"] is False
    assert with_corpus.metrics["corpus_corroborated_claims"] == 1
    assert with_corpus.score > alone.score
    assert run(analysis, CorroborationScorer(FakeCorpus()), use_corpus=False).score == alone.score
    assert run(analysis, CorroborationScorer(FakeCorpus()), corpus_min_outlets=3).score == (
        alone.score
    )


def test_corpus_counts_from_analysis_extras(build, src) -> None:
    analysis = build("The mill will close, Ana Ruiz said.", [src("Ana Ruiz")])
    analysis.extras["corpus"] = {0: 1}
    assert run(analysis).metrics["corpus_corroborated_claims"] == 1
    analysis.extras["corpus"] = "not an index"
    with pytest.raises(TypeError, match="corpus"):
        run(analysis)


KINDS = ["named_person", "named_organization", "document", "anonymous", "vague", "author"]


@settings(max_examples=60, deadline=None)
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=0, max_size=5))
def test_score_in_range_and_adding_a_new_named_source_never_hurts(build, src, kinds) -> None:
    sentences = [f"Item {i} is due, Source{i} said." for i in range(len(kinds))]
    base_body = " ".join([*sentences, "The plant is old."])
    base = run(build(base_body, [src(f"Source{i}", kind=k) for i, k in enumerate(kinds)]))
    more_body = " ".join([*sentences, "The plant is old, Newcomer said."])
    more = run(
        build(
            more_body, [*(src(f"Source{i}", kind=k) for i, k in enumerate(kinds)), src("Newcomer")]
        )
    )
    assert 0.0 <= base.score <= 1.0
    assert 0.0 <= base.confidence <= 1.0
    assert more.metrics["independent_sources"] == base.metrics["independent_sources"] + 1
    assert more.score >= base.score - 1e-9


def test_executive_speaks_for_their_company(build, src) -> None:
    body = (
        "Greenfield Foods will build a plant, the company said. "
        "Helen Marsh, Greenfield's chief executive, said it will open in 2027."
    )
    sources = [
        src("the company", kind="named_organization", speaker="Greenfield Foods"),
        src("Helen Marsh", role="Greenfield's chief executive"),
    ]
    assert run(build(body, sources)).metrics["independent_sources"] == 1


def test_unidentified_and_in_quote_attributions_are_not_independent_sources(build, src) -> None:
    body = (
        'The mill will close, Ana Ruiz said. "The bank told us no," Tom Hale said. '
        "Which adds to the pressure, it said."
    )
    sources = [
        src("Ana Ruiz"),
        src("The bank", cue="told", kind="named_organization", in_quote=True),
        src("Tom Hale"),
        src("it", kind="unknown"),
    ]
    result = run(build(body, sources))
    assert result.metrics["independent_sources"] == 2
    assert result.metrics["unidentified_attributions"] == 1


def test_the_company_is_the_company_named_in_the_story(build, src) -> None:
    body = (
        "The plant will open in 2027, the company said. "
        "Greenfield Foods said it had the permits. "
        "Jobs will pay $24 an hour, the company said."
    )
    sources = [
        src("the company", kind="named_organization", speaker=None),
        src("Greenfield Foods"),  # typed as a person: the org-name ending corrects it
        src("the company", kind="named_organization", speaker=None),
    ]
    result = run(build(body, sources))
    assert result.metrics["independent_sources"] == 1
    assert result.metrics["named_sources"] == 1
    assert rules(result) == ["single-source"]


def test_generic_reference_with_two_companies_goes_to_the_last_named(build, src) -> None:
    body = (
        "Greenfield Foods said it will expand. Harvest Mills said it will not. "
        "Prices will rise, the company said."
    )
    sources = [
        src("Greenfield Foods", kind="named_organization"),
        src("Harvest Mills", kind="named_organization"),
        src("the company", kind="named_organization", speaker=None),
    ]
    result = run(build(body, sources))
    assert result.metrics["independent_sources"] == 2
    assert result.metrics["top_source_share"] == pytest.approx(2 / 3, abs=1e-4)


def test_a_pronoun_is_the_person_last_named_not_a_new_source() -> None:
    # Resolution is the analysis's: the scorer counts the sources it was given.
    result = run(analyze("The plant will open, Helen Marsh said. She said hiring starts in May."))
    assert result.metrics["independent_sources"] == 1
    alone = run(analyze("She said hiring starts in May."))
    assert alone.metrics["independent_sources"] == 0


def test_two_sources_named_in_one_according_to_corroborate_the_claim() -> None:
    body = (
        "The line will close for a month, according to both the transit authority and the "
        "mayor's office."
    )
    result = run(analyze(body))
    assert result.metrics["corroborated_claims"] == 1


def test_a_source_that_also_reported_it_corroborates_the_claim_before() -> None:
    body = (
        "The plant will close in June, the Valley Gazette reported. The Courier also reported it."
    )
    result = run(analyze(body))
    assert result.metrics["independent_sources"] == 2
    assert result.metrics["corroborated_claims"] == 2


def test_corpus_match_report_from_the_claim_index_counts_distinct_outlets(build, src) -> None:
    body = "The mill will close, Ana Ruiz said. Rents rose, Tom Hale said."
    analysis = build(body, [src("Ana Ruiz"), src("Tom Hale")])
    analysis.extras["corpus"] = {
        "index": "claims.idx",
        "threshold": 0.4,
        "claims": [
            {"sentence": 0, "matches": [{"outlet": "Courier"}, {"outlet": "Courier"}]},
            {"sentence": 1, "matches": []},
        ],
    }
    result = run(analysis)
    assert result.metrics["corpus_corroborated_claims"] == 1
    assert run(analysis, corpus_min_outlets=2).metrics["corpus_corroborated_claims"] == 0


class GivenCorpus:
    """A corpus index answering with a fixed {claim index: other outlets} mapping."""

    def __init__(self, counts: Mapping[int, int]) -> None:
        self.counts = counts

    def corroborations(self, article: Article, analysis: Analysis) -> Mapping[int, int]:
        return self.counts


# (attributed?, cue) per sentence: unattributed claims, plain and confirming attributions.
_SENTENCE_PLANS = st.tuples(
    st.booleans(), st.sampled_from(["said", "confirmed", "also said"]), st.sampled_from(KINDS)
)


@settings(max_examples=150, deadline=None)
@given(
    plans=st.lists(_SENTENCE_PLANS, min_size=1, max_size=8),
    counts=st.dictionaries(st.integers(-2, 12), st.integers(0, 4), max_size=12),
    min_outlets=st.integers(1, 3),
)
def test_shares_are_shares_and_only_attributed_claims_are_corroborated(
    build, src, plans, counts, min_outlets
) -> None:
    """Issue #14: corroborated_claims exceeded attributed_claims and the share reached 4.0
    when other outlets reported claims the article does not attribute."""
    sentences, sources = [], []
    for i, (attributed, cue, kind) in enumerate(plans):
        if attributed:
            sentences.append(f"Item {i} is due, Source{i} {cue}.")
            sources.append(src(f"Source{i}", cue=cue, kind=kind))
        else:
            sentences.append(f"Item {i} is due.")
    analysis = build(" ".join(sentences), sources)
    result = run(analysis, CorroborationScorer(GivenCorpus(counts)), corpus_min_outlets=min_outlets)
    metrics = result.metrics
    assert 0.0 <= metrics["corroborated_share"] <= 1.0
    assert 0.0 <= metrics["top_source_share"] <= 1.0
    assert metrics["corroborated_claims"] <= metrics["attributed_claims"]
    assert metrics["corpus_corroborated_claims"] <= metrics["corroborated_claims"]
    assert metrics["attributed_claims"] == sum(1 for attributed, _, _ in plans if attributed)
    assert 0.0 <= result.score <= 1.0


def test_other_outlets_reporting_an_unattributed_claim_do_not_corroborate_it(build, src) -> None:
    body = "The mill will close, Ana Ruiz said. Rents rose. Jobs will go. The town will shrink."
    analysis = build(body, [src("Ana Ruiz")])
    result = run(analysis, CorroborationScorer(GivenCorpus({0: 2, 1: 2, 2: 2, 3: 2, 9: 2})))
    assert result.metrics["attributed_claims"] == 1
    assert result.metrics["corroborated_claims"] == 1
    assert result.metrics["corpus_corroborated_claims"] == 1
    assert result.metrics["corroborated_share"] == 1.0
