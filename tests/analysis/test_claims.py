"""Claims: which sentences assert something, and whether each is attributed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import analyze, claims
from sourcecheck.core.analysis.claims import is_claim


def claims_of(body: str) -> list[tuple[str, bool]]:
    return [(c.span.text, c.attributed) for c in analyze(body).claims]


def test_unattributed_and_attributed_claims() -> None:
    body = (
        "The council delayed the budget vote on Tuesday. "
        "Mayor Ana Ruiz said the delay would cost $2 million."
    )
    assert claims_of(body) == [
        ("The council delayed the budget vote on Tuesday.", False),
        ("Mayor Ana Ruiz said the delay would cost $2 million.", True),
    ]


def test_questions_headlines_and_bylines_are_not_claims() -> None:
    assert not is_claim("Will the council act?")
    assert not is_claim("“Is this fair?” she asked.")
    assert not is_claim("Budget vote delayed again")
    assert not is_claim("By Jane Roe")
    assert is_claim("Taxes rose 4 percent last year.")


def test_sentence_covered_by_multi_sentence_quote_content_is_attributed() -> None:
    body = "“The roads are broken. The schools are next,” said Tom Lee, a council member."
    assert claims_of(body) == [
        ("“The roads are broken.", True),
        ("The schools are next,” said Tom Lee, a council member.", True),
    ]


def test_quote_continuing_an_attributed_quote_in_the_next_paragraph() -> None:
    body = (
        "The chief said: “We started in March.\n\n"
        "“Then the floods came and the pumps failed.”\n\n"
        "Repairs will take a year."
    )
    claims = analyze(body).claims
    assert [(c.span.text, c.attributed) for c in claims] == [
        ("The chief said: “We started in March.", True),
        ("“Then the floods came and the pumps failed.”", True),
        ("Repairs will take a year.", False),
    ]
    assert claims[1].attributions == claims[0].attributions


def test_claim_lists_the_attributions_that_support_it() -> None:
    analysis = analyze("Smith said the vote was rigged, according to the Gazette.")
    assert analysis.claims[0].attributions == (0, 1)


# Sentences built to reach both regexes: byline openers, question marks, word counts
# around the thresholds, and any character at all.
_WORD = st.sampled_from(
    ["By", "BY", "Photo", "Updated", "Sources", "Is", "it", "fair?", "U.S.", "x"]
)
_SENTENCE = st.builds(
    lambda words, end, noise: " ".join(words) + end + noise,
    st.lists(_WORD, max_size=12),
    st.sampled_from(["", ".", "?", '?"', "!", "?)"]),
    st.text(max_size=3),
)


@settings(max_examples=500, deadline=None)
@given(_SENTENCE | st.text(max_size=40))
def test_is_claim_substring_checks_change_nothing(text: str) -> None:
    # The regexes alone, as is_claim used them before its substring pre-checks.
    rejected = claims._QUESTION.search(text) is not None or claims._BYLINE.match(text)
    expected = not rejected and claims._has_words(
        text, 3 if claims._ends_with_stop(text) else claims.MIN_WORDS_WITHOUT_STOP
    )
    assert is_claim(text) == expected


def test_an_attribution_naming_nobody_does_not_support_a_claim() -> None:
    # "is expected to" is reported by the finder as a cue without a source: the claim
    # still needs one.
    analysis = analyze("The dam is expected to fail within a year.")
    assert analysis.attributions and analysis.attributions[0].source is None
    assert not any(claim.attributed for claim in analysis.claims)
