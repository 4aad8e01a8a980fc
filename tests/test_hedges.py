"""Hedge cue detection: categories, spans, the tricky readings, voice."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis.hedges import CATEGORIES, HedgeFinder, LexiconError, _trie_regex
from sourcecheck.core.analysis.text import segment
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Hedge, Quote, Span

FINDER = HedgeFinder(Lexicons())


def find(body: str, quotes: list[Quote] | None = None, attributions=None) -> list[Hedge]:
    _, sentences = segment(body)
    return FINDER.find(body, sentences, quotes or [], attributions or [])


def cues(body: str) -> list[tuple[str, str]]:
    return [(h.span.text, h.category) for h in find(body)]


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("The council may delay the vote until spring.", "may", "epistemic_modal"),
        ("The fire might have started in the kitchen.", "might", "epistemic_modal"),
        ("The strike could spread to other ports.", "could", "epistemic_modal"),
        ("The ferry may have been overloaded.", "may have been", "epistemic_modal"),
        (
            "It is possible that the ballots were miscounted.",
            "It is possible that",
            "epistemic_modal",
        ),
        ("A recount is unlikely to change the result.", "unlikely", "epistemic_modal"),
        ("Police could not rule out arson.", "could not rule out", "epistemic_modal"),
        ("The figures suggest a slowdown in hiring.", "suggest", "speculative_verb"),
        ("The suspect appears to have fled north.", "appears", "speculative_verb"),
        ("The plant is expected to reopen in June.", "expected", "speculative_verb"),
        ("The minister reportedly offered to resign.", "reportedly", "evidential"),
        ("The man allegedly stole three cars.", "allegedly", "evidential"),
        ("The painting purportedly dates from 1650.", "purportedly", "evidential"),
        ("He claims that the fund was never audited.", "claims", "evidential"),
        ("The castle is said to be haunted.", "is said", "evidential"),
        ("It was said that the king never slept.", "It was said", "weasel"),
        ("The storm left about 40 families homeless.", "about", "approximator"),
        ("Repairs will cost roughly $2 million.", "roughly", "approximator"),
        ("The fire destroyed some 300 hectares of forest.", "some", "approximator"),
        ("Nearly half of the voters stayed home.", "Nearly", "approximator"),
        ("The march drew an estimated 10,000 people.", "an estimated", "approximator"),
        ("If approved, the tax would take effect in July.", "If", "conditional"),
        ("The deal collapses unless both sides sign by Friday.", "unless", "conditional"),
        ("The outage was probably caused by a storm.", "probably", "adverb"),
        ("Perhaps the board will reconsider.", "Perhaps", "adverb"),
        ("The bridge is widely believed to be unsafe.", "believed", "weasel"),
        ("Critics say the policy has failed.", "Critics say", "weasel"),
        ("Some people believe the plan has failed.", "Some people believe", "weasel"),
        ("The town is widely seen as a safe haven.", "seen", "weasel"),
    ],
)
def test_each_category_with_exact_span(sentence: str, cue: str, category: str) -> None:
    hedges = find(sentence)
    assert [(h.span.text, h.category) for h in hedges] == [(cue, category)]
    start = sentence.index(cue)
    assert (hedges[0].span.start, hedges[0].span.end) == (start, start + len(cue))


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum reopened in May after a long renovation.",
        "The hearing is set for May 3 at the county courthouse.",
        "Sales fell last May, the company said.",
        "Theresa May met the delegation in London.",
        "May was the wettest month on record in the valley.",
        "The election will be held on May 21, 2026.",
        "Elections are held every May.",
    ],
)
def test_may_the_month_or_the_name_is_no_hedge(sentence: str) -> None:
    assert cues(sentence) == []


def test_modal_may_next_to_the_month_is_found_once() -> None:
    body = "Prices may rise again in May, the bank warned."
    hedges = find(body)
    assert [(h.span.start, h.span.text) for h in hedges] == [(7, "may")]


def test_sentence_initial_may_is_modal_only_before_a_pronoun() -> None:
    assert cues("May I ask a question? May we go now?") == [
        ("May", "epistemic_modal"),
        ("May", "epistemic_modal"),
    ]
    assert cues("May 1 is a holiday.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The parade showed off the country's military might.",
        "She pulled the rope with all her might.",
        "The might of the storm surprised forecasters.",
    ],
)
def test_might_the_noun_is_no_hedge(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The company could not be reached for comment.",
        "Rescuers could not reach the village until Monday.",
        "The firm couldn't pay its workers in March.",
    ],
)
def test_could_not_is_inability_not_a_hedge(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor talked about the budget for an hour.",
        "Residents are worried about 3D-printed guns.",
        "The team walked around the lake.",
    ],
)
def test_about_and_around_only_approximate_numbers(sentence: str) -> None:
    assert [c for c in cues(sentence) if c[1] == "approximator"] == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The fund lost about $3 million last year.", "about"),
        ("About a third of the staff quit.", "About"),
        ("The storm lasted around two hours.", "around"),
        ("Almost 1,200 homes lost power.", "Almost"),
    ],
)
def test_approximators_before_quantities(sentence: str, cue: str) -> None:
    assert cues(sentence) == [(cue, "approximator")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment claims rose sharply in April.",
        "The claims were dismissed by a federal judge.",
        "The group claimed responsibility for the attack.",
        "She works at a think tank in Washington.",
        "Why would anyone think about moving now?",
        "The suspect was arrested on Friday.",
        "Some people have left the town for good.",
        "The proposal was considered but rejected.",
    ],
)
def test_nouns_and_fixed_phrases_are_no_hedge(sentence: str) -> None:
    assert cues(sentence) == []


def test_claims_as_a_verb_distances_the_writer() -> None:
    assert cues("The company claims it was hacked.") == [("claims", "evidential")]


def test_hedge_inside_a_quote_is_the_source_voice() -> None:
    body = '"We may need more time," the engineer said. The repairs may cost more.'
    inner_end = body.index(",")
    quote = Quote(span=Span.of(body, 0, inner_end + 2), inner=Span.of(body, 1, inner_end + 1))
    hedges = find(body, quotes=[quote])
    assert [(h.span.start, h.voice) for h in hedges] == [
        (4, "source"),
        (body.rindex("may"), "writer"),
    ]


def test_hedge_inside_attributed_content_is_the_source_voice() -> None:
    body = "Officials said the bridge might close. It might rain."
    content = Span.of(body, body.index("the bridge"), body.index("."))
    said = Span.of(body, body.index("said"), body.index("said") + 4)
    attribution = Attribution(source=Span.of(body, 0, 9), cue=said, content=content)
    voices = [(h.span.text, h.voice) for h in find(body, attributions=[attribution])]
    assert voices == [("might", "source"), ("might", "writer")]


def test_hedge_that_is_an_attribution_cue_is_the_source_voice() -> None:
    body = "Investigators suggest the fire was set deliberately."
    cue = Span.of(body, body.index("suggest"), body.index("suggest") + 7)
    attribution = Attribution(source=Span.of(body, 0, 13), cue=cue, content=None)
    assert [h.voice for h in find(body, attributions=[attribution])] == ["source"]
    assert [h.voice for h in find(body)] == ["writer"]


def test_sentence_index_points_at_the_hedge_sentence() -> None:
    body = "The vote is Tuesday. Turnout may be low. Perhaps it will rain."
    assert [h.sentence for h in find(body)] == [1, 2]


def test_offsets_survive_text_whose_lowercase_is_longer() -> None:
    # "İ" lower-cases to two code points; offsets must still point into the original body.
    body = "İstanbul officials may delay the İzmir vote."
    hedge = find(body)[0]
    assert body[hedge.span.start : hedge.span.end] == "may"


def test_curly_apostrophes_and_line_breaks_inside_multiword_cues() -> None:
    assert cues("Police can’t rule out\nfoul play.") == [("can’t rule out", "epistemic_modal")]


def test_config_and_plugins_extend_the_lexicon() -> None:
    lexicons = Lexicons([{"hedges": {"adverb": ["in theory", "[{be}] tipped [to]"]}}])
    finder = HedgeFinder(lexicons)
    body = "In theory the line is safe. She is tipped to win."
    _, sentences = segment(body)
    found = [(h.span.text, h.category) for h in finder.find(body, sentences, [], [])]
    assert found == [("In theory", "adverb"), ("tipped", "adverb")]


def test_groups_in_a_core_expand_to_every_combination() -> None:
    lexicons = Lexicons([{"hedges": {"weasel": ["(pundits|insiders) (say|whisper)"]}}])
    finder = HedgeFinder(lexicons)
    body = "Pundits whisper that insiders say otherwise."
    _, sentences = segment(body)
    found = [h.span.text for h in finder.find(body, sentences, [], [])]
    assert found == ["Pundits whisper", "insiders say"]


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ({"doubtish": ["maybe"]}, "category 'doubtish'"),
        ({"adverb": ["[{nope}] maybe"]}, "unknown macro {nope}"),
        ({"adverb": ["[{be}]"]}, "no cue words"),
        ({"adverb": ["(maybe|perhaps"]}, "unbalanced parenthesis"),
    ],
)
def test_bad_lexicon_entries_are_config_errors(entries: dict, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem) as caught:
        HedgeFinder(Lexicons([{"hedges": entries}]))
    assert isinstance(caught.value, ConfigError)


NEWS_WORDS = [
    "may", "May", "might", "could", "not", "about", "40", "reportedly", "the", "mayor",
    "said", "is", "believed", "to", "if", "some", "people", "claims", "that", "in", "3",
    "perhaps", "critics", "say", "\"", ".", ",", "\n", "it", "possible", "rule", "out",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=60))
def test_invariants_spans_categories_determinism(words: list[str]) -> None:
    body = " ".join(words)
    first = find(body)
    assert first == find(body)
    previous_end = 0
    for hedge in first:
        assert 0 <= hedge.span.start < hedge.span.end <= len(body)
        assert body[hedge.span.start : hedge.span.end] == hedge.span.text
        assert hedge.category in CATEGORIES
        # With no quotes or attributions only a third party's belief is a source's.
        assert hedge.voice == "writer" or any(
            held.span.text == "believed"
            and held.sentence == hedge.sentence
            and held.span.start <= hedge.span.start
            for held in first
        )
        assert hedge.span.start >= previous_end  # in body order, never overlapping
        previous_end = hedge.span.end


def test_empty_body_and_no_sentences() -> None:
    assert FINDER.find("", [], [], []) == []
    body = "It may rain."
    assert [h.sentence for h in FINDER.find(body, [], [], [])] == [0]
    only = [Sentence(Span.of(body, 0, len(body)), 0)]
    assert [h.span.text for h in FINDER.find(body, only, [], [])] == ["may"]


def test_start_macro_only_matches_at_the_start_of_a_sentence() -> None:
    finder = HedgeFinder(Lexicons([{"hedges": {"adverb": ["[{start}] granted"]}}]))
    body = "Granted, the plan is bold. The permit was granted on Monday."
    _, sentences = segment(body)
    assert [h.span.start for h in finder.find(body, sentences, [], [])] == [0]


@settings(max_examples=100, deadline=None)
@given(
    st.sets(
        st.lists(st.sampled_from(["ab", "a", "b", "ba", "abc"]), min_size=1, max_size=3).map(
            " ".join
        ),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.sampled_from(["ab", "a", "b", "ba", "abc", "c"]), min_size=1, max_size=3).map(
        " ".join
    ),
)
def test_trie_regex_matches_exactly_the_phrases(phrases: set[str], candidate: str) -> None:
    pattern = re.compile(rf"\b{_trie_regex(sorted(phrases))}\b")
    assert (pattern.fullmatch(candidate) is not None) == (candidate in phrases)
