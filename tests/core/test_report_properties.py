"""Invariants that must hold for any text: spans are real, scores in range, output stable."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcecheck import Article, Scorer, ScorerResult, Span
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Report
from sourcecheck.core.positions import LineIndex
from sourcecheck.reporters.evidence import evidence_layers, segments
from sourcecheck.reporters.html import HtmlReporter

# News-like text: words, quotes of both kinds, sentence ends, newlines, and some non-ASCII.
NEWSY = st.text(
    alphabet=st.sampled_from(list("abcdefghij ABCDEF.,;:!?'\"“”‘’—-\n\t0123456789éßø中<>&")),
    min_size=1,
    max_size=400,
)
# What the engine scores: not only whitespace (that is refused as empty article text).
BODY = NEWSY.filter(str.strip)


class SpanPicker(Scorer):
    """Flags the words at offsets chosen by hypothesis, clipped to the body."""

    name = "picker"
    version = "1.0"

    def __init__(self, cuts: list[tuple[int, int]], score: float, confidence: float) -> None:
        self.cuts = cuts
        self._score = score
        self._confidence = confidence

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        body = article.body
        findings = []
        for a, b in self.cuts:
            start, end = sorted((a % (len(body) + 1), b % (len(body) + 1)))
            span = Span(start=start, end=end, text=body[start:end])
            findings.append(self.finding("picked", "picked", span))
        return ScorerResult(score=self._score, confidence=self._confidence, findings=findings)


@cache
def engine(copy: int) -> Engine:
    """Engines are built once (the analysis patterns are costly); ``copy`` gives a second."""
    return Engine(Config(), scorers=[SpanPicker([], 0.5, 1.0)])


def build(cuts: list[tuple[int, int]], score: float, confidence: float, copy: int = 0) -> Engine:
    built = engine(copy)
    picker = built.scorers[0]
    assert isinstance(picker, SpanPicker)
    picker.cuts, picker._score, picker._confidence = cuts, score, confidence
    return built


def all_spans(report: Report) -> list[Span]:
    spans = [f.span for s in report.scorers for f in s.findings if f.span]
    for a in report.analysis.attributions:
        spans += [s for s in (a.source, a.cue, a.content) if s]
    spans += [h.span for h in report.analysis.hedges]
    spans += [c.span for c in report.analysis.claims]
    return spans


PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    body=BODY,
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), max_size=5),
    score=st.floats(0, 1),
    confidence=st.floats(0, 1),
)
def test_reports_are_sound_for_any_text(
    body: str, cuts: list[tuple[int, int]], score: float, confidence: float
) -> None:
    article = Article(body=body)
    report = build(cuts, score, confidence).score(article)
    for span in all_spans(report):
        assert 0 <= span.start <= span.end <= len(body)
        assert body[span.start : span.end] == span.text
    assert report.score is not None and 0.0 <= report.score <= 100.0
    ok = [s for s in report.scorers if s.status == "ok"]
    assert abs(report.baseline + sum(s.contribution for s in ok) - report.score) < 1e-6
    for finding in report.scorers[0].findings:
        assert finding.span is not None
        line, column = finding.line, finding.column
        before = body[: finding.span.start]
        assert line == before.count("\n") + 1
        assert column == len(before) - (before.rfind("\n") + 1) + 1
    again = build(cuts, score, confidence, copy=1).score(Article(body=body))
    assert again.to_json() == report.to_json()


@PROPERTY
@given(body=BODY, cuts=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=6))
def test_html_keeps_every_word_and_every_marked_character_of_the_body(
    body: str, cuts: list[tuple[int, int]]
) -> None:
    import html

    report = build(cuts, 0.5, 1.0).score(Article(body=body))
    marks = [m for layer in evidence_layers(report) for m in layer.marks]
    pieces = segments(len(body), marks)
    assert "".join(body[p.start : p.end] for p in pieces) == body
    page = HtmlReporter().render([report])
    article = re.search(r'<article class="body">(.*)</article>', page, re.S)
    assert article is not None
    # Only blank runs outside any mark may be shortened (the blanks of front matter and
    # markup); every other character is shown, and every highlighted one exactly.
    shown = html.unescape(re.sub(r"</?mark[^>]*>", "", article.group(1)))
    assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", body)
    marked = [
        html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", article.group(1), re.S)
    ]
    assert marked == [body[p.start : p.end] for p in pieces if p.marks]


@given(text=NEWSY, offset=st.integers(0, 400))
def test_line_index_matches_counting_by_hand(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    before = text[:offset]
    expected = (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)
    assert LineIndex(text).position(offset) == expected


@PROPERTY
@given(
    title=NEWSY,
    body=BODY,
    cuts=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=3),
)
def test_article_text_never_becomes_markup(
    title: str, body: str, cuts: list[tuple[int, int]]
) -> None:
    from sourcecheck.reporters.markdown import MarkdownReporter

    report = build(cuts, 0.5, 1.0).score(Article(title=title, body=body))
    assert "<" not in MarkdownReporter().render([report])
    page = HtmlReporter().render([report])
    article = re.search(r'<article class="body">(.*)</article>', page, re.S)
    assert article is not None
    # Inside the article only our own <mark> tags appear, whatever the text held.
    assert set(re.findall(r"</?([a-zA-Z]+)", article.group(1))) <= {"mark"}
    assert "<script" not in page.lower()
