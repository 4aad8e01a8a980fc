"""Invariants of the whole analysis on arbitrary text, including unbalanced quotes."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import Analysis, Analyzer
from sourcecheck.core.models import Article, Span

ANALYZER = Analyzer()

# Pieces that exercise every rule: marks, abbreviations, cues, names, newlines.
PIECES = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "``",
    ".",
    "?",
    "!",
    ",",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "said",
    "says",
    "told",
    "according to",
    "citing",
    "he",
    "she",
    "they",
    "Smith",
    "Maria Lopez",
    "Sen.",
    "U.S.",
    "Mr.",
    "Oct. 5",
    "3.5",
    "a senior official",
    "analysts",
    "the report",
    "that",
    "the plan",
    "will",
    "fail",
    "who",
    ", a former aide,",
    "Beijing",
    "I think",
    "saying",
    "and",
    "was",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    # shouted: read in a recased copy of the body (see analysis.shouting)
    st.lists(st.sampled_from(PIECES), max_size=60).map(lambda pieces: "".join(pieces).upper()),
    st.text(max_size=300),
)


def all_spans(analysis: Analysis) -> list[Span]:
    spans: list[Span] = [*analysis.paragraphs, *(s.span for s in analysis.sentences)]
    for quote in analysis.quotes:
        spans += [quote.span, quote.inner]
    for attribution in analysis.attributions:
        spans += [s for s in (attribution.source, attribution.cue, attribution.content) if s]
    spans += [claim.span for claim in analysis.claims]
    spans += [hedge.span for hedge in analysis.hedges]
    for source in analysis.sources:
        spans += source.mentions
    return spans


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_span_points_into_the_body(body: str) -> None:
    analysis = ANALYZER.analyze(Article(body=body))
    for span in all_spans(analysis):
        assert 0 <= span.start <= span.end <= len(body)
        assert span.text == body[span.start : span.end]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentences_and_paragraphs_are_ordered_and_disjoint(body: str) -> None:
    analysis = ANALYZER.analyze(Article(body=body))
    for spans in (analysis.paragraphs, [s.span for s in analysis.sentences]):
        for before, after in pairwise(spans):
            assert before.end <= after.start
        assert all(span.text.strip() == span.text and span.text for span in spans)
    paragraph_of = [s.paragraph for s in analysis.sentences]
    assert paragraph_of == sorted(paragraph_of)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_indices_are_consistent(body: str) -> None:
    analysis = ANALYZER.analyze(Article(body=body))
    count = len(analysis.attributions)
    for attribution in analysis.attributions:
        assert 0 <= attribution.sentence < len(analysis.sentences)
        assert attribution.via is None or 0 <= attribution.via < count
        sentence = analysis.sentences[attribution.sentence].span
        assert attribution.cue is not None
        assert sentence.start <= attribution.cue.start < sentence.end
    for claim in analysis.claims:
        assert claim.attributed == bool(claim.attributions)
        assert all(0 <= i < count for i in claim.attributions)
    for quote in analysis.quotes:
        assert quote.span.start <= quote.inner.start <= quote.inner.end <= quote.span.end
