from __future__ import annotations

import json
import re

import pytest
from engine_support import COUNCIL, FixedScorer, RaisingScorer, engine_with

from sourcecheck import Article
from sourcecheck.core.models import Report
from sourcecheck.reporters.builtin import sourcecheck_reporters
from sourcecheck.reporters.evidence import Mark, segments
from sourcecheck.reporters.html import HtmlReporter
from sourcecheck.reporters.markdown import MarkdownReporter, escape
from sourcecheck.reporters.text import TextReporter

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HOSTILE_BODY = (
    "The council voted on Tuesday, officials said.\n\n"
    '<script>alert("pwned")</script> The clerk said <b>nothing</b> & left.\n'
)


def council_report() -> Report:
    scorers = (
        FixedScorer("anonymity", 0.2, 0.9, flag="a person familiar with the talks"),
        FixedScorer("naming", 0.9, flag="Maria Lopez"),
        RaisingScorer(),
    )
    return engine_with(*scorers).score(COUNCIL, source="desk/council.txt")


def hostile_report() -> Report:
    article = Article(title='<img src=x onerror="alert(1)">', body=HOSTILE_BODY)
    return engine_with(FixedScorer("tags", 0.3, flag="<script>")).score(article)


def test_every_builtin_format_is_registered() -> None:
    formats = {r.format for r in sourcecheck_reporters()}
    assert {"text", "json", "jsonl", "markdown", "html"} <= formats


def test_text_report_has_header_bars_effects_and_quoted_findings() -> None:
    out = TextReporter().render([council_report()])
    assert "Council passes harbour budget" in out
    # (0.9 x -30 + 1.0 x 40) / 1.9 = +6.8 over the baseline of 50: 56.8, shown rounded down
    assert "Score 56/100" in out and "thinly sourced" in out
    assert re.search(r"anonymity\s+█+░+\s+0\.20\s+▼\s+-\d+\.\d lowered", out)
    assert re.search(r"naming\s+█+░*\s+0\.90\s+▲\s+\+\d+\.\d raised", out)
    assert re.search(r"raising\s+─+\s+failed\s+left out\s+RuntimeError", out)
    assert "3:26" in out and "“Maria Lopez”" in out
    assert "“a person familiar with the talks”" in out
    assert "desk/council.txt" in out
    assert not ANSI.search(out)


def test_text_report_is_coloured_only_when_asked() -> None:
    coloured = TextReporter(width=100).render([council_report()], color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == TextReporter(width=100).render([council_report()])


def test_text_report_shows_only_the_top_findings() -> None:
    out = TextReporter(max_findings=1).render([council_report()])
    assert "Top findings (1 of 2)" in out


def test_markdown_report_has_a_breakdown_table_and_escapes_text() -> None:
    out = MarkdownReporter().render([council_report()])
    assert out.startswith("## Council passes harbour budget\n")
    assert "| `anonymity` | 0.20 |" in out and "(lowered)" in out
    assert "| `raising` | failed | – | left out | RuntimeError: lexicon file vanished |" in out
    assert "`3:26` **warning** Flagged 'Maria Lopez'. — “Maria Lopez”" in out
    hostile = MarkdownReporter().render([hostile_report()])
    assert "<script>" not in hostile and "<img" not in hostile
    assert "&lt;script>" in hostile


def test_markdown_escape_neutralises_markup() -> None:
    assert escape("a|b *c* <i>") == r"a\|b \*c\* &lt;i>"


def test_html_is_one_self_contained_file() -> None:
    page = HtmlReporter().render([council_report()])
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page


def test_html_highlights_evidence_per_scorer_with_toggles() -> None:
    page = HtmlReporter().render([council_report()])
    assert 'class="layer l-scorer-naming"' in page
    assert 'for="r0-l-scorer-naming"' in page
    assert re.search(r'<mark class="[^"]*l-scorer-naming[^"]*"[^>]*>Maria Lopez</mark>', page)
    assert "input.l-scorer-naming:checked ~ article.body mark.l-scorer-naming" in page
    assert "+" in page and "lowered" in page and "raised" in page


def test_html_escapes_article_text_title_and_messages() -> None:
    page = HtmlReporter().render([hostile_report()])
    assert "<script>" not in page
    assert "<b>nothing</b>" not in page
    assert "alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "&lt;b&gt;nothing&lt;/b&gt; &amp; left." in page
    # The flagged "<script>" is highlighted, and still escaped inside its mark.
    assert re.search(r"<mark [^>]*>&lt;script&gt;</mark>", page)


def test_html_of_a_saved_report_without_the_body_still_renders() -> None:
    saved = Report.model_validate_json(council_report().to_json())
    page = HtmlReporter().render([saved])
    assert "not part of a saved report" in page
    assert "Maria Lopez" in page  # quoted in the findings list


def test_html_of_several_reports_keeps_toggle_ids_apart() -> None:
    page = HtmlReporter().render([council_report(), council_report()])
    assert 'id="r0-l-scorer-naming"' in page and 'id="r1-l-scorer-naming"' in page


def test_json_reporter_one_object_or_an_array() -> None:
    reporter = next(r for r in sourcecheck_reporters() if r.format == "json")
    one = json.loads(reporter.render([council_report()]))
    assert one["article"]["title"] == "Council passes harbour budget"
    several = json.loads(reporter.render([council_report(), hostile_report()]))
    assert [r["scorers"][0]["name"] for r in several] == ["anonymity", "tags"]


def test_jsonl_reporter_one_line_per_report() -> None:
    reporter = next(r for r in sourcecheck_reporters() if r.format == "jsonl")
    lines = reporter.render([council_report(), hostile_report()]).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["scorers"][0]["findings"][0]["span"]["text"] == "<script>"


@pytest.mark.parametrize("fmt", ["text", "markdown", "jsonl"])
def test_streaming_formats_render_the_same_one_by_one(fmt: str) -> None:
    reporter = next(r for r in sourcecheck_reporters() if r.format == fmt)
    reports = [council_report(), hostile_report()]
    assert reporter.streams
    together = reporter.render(reports)
    assert together == "".join(reporter.render([r]) for r in reports)


def test_segments_cover_overlaps_without_nesting() -> None:
    marks = [Mark("a", 2, 6, "first"), Mark("b", 4, 8, "second")]
    pieces = segments(10, marks)
    assert [(p.start, p.end, [m.layer for m in p.marks]) for p in pieces] == [
        (0, 2, []),
        (2, 4, ["a"]),
        (4, 6, ["a", "b"]),
        (6, 8, ["b"]),
        (8, 10, []),
    ]


def test_html_highlights_analysis_attributions_and_hedges() -> None:
    from engine_support import COUNCIL_BODY, span_of

    from sourcecheck.core.models import AnalysisReport, ArticleInfo, Attribution, Hedge

    analysis = AnalysisReport(
        attributions=[
            Attribution(
                source=span_of(COUNCIL_BODY, "Maria Lopez"),
                cue=span_of(COUNCIL_BODY, "said Maria"),
                source_type="named_person",
                speaker="Maria Lopez",
            )
        ],
        hedges=[Hedge(span=span_of(COUNCIL_BODY, "may"), category="epistemic_modal")],
    )
    report = Report(article=ArticleInfo(id="x", title="Council"), analysis=analysis)
    page = HtmlReporter().render([report.with_body(COUNCIL_BODY)])
    assert "attributions (2)" in page and "hedges (1)" in page
    # "said Maria" and "Maria Lopez" overlap on "Maria": one run carries both notes.
    assert re.search(
        r'<mark class="l-analysis-attributions" title="[^"]*cue[^"]*">said </mark>', page
    )
    assert 'title="attribution cue for Maria Lopez\nsource (Maria Lopez)">Maria</mark>' in page
    assert re.search(
        r'<mark class="l-analysis-hedges" title="hedge: epistemic modal[^"]*">may</mark>', page
    )


class _TwiceScorer(FixedScorer):
    """Reports the same finding twice, as a scorer may for two attributions of one source."""

    def score(self, article, analysis):
        result = super().score(article, analysis)
        result.findings = result.findings * 2
        return result


def _colour_of(page: str, layer: str) -> str:
    found = re.search(rf"\.swatch\.{layer} {{ background: (#[0-9a-f]{{6}}); }}", page)
    assert found is not None, layer
    return found.group(1)


def test_html_colours_belong_to_the_scorer_not_its_place_in_the_list() -> None:
    both = HtmlReporter().render([council_report()])
    alone = HtmlReporter().render(
        [engine_with(FixedScorer("naming", 0.9, flag="Maria Lopez")).score(COUNCIL)]
    )
    hedging = HtmlReporter().render([engine_with(FixedScorer("hedging", 0.5)).score(COUNCIL)])

    assert _colour_of(both, "l-scorer-naming") == _colour_of(alone, "l-scorer-naming")
    assert _colour_of(both, "l-scorer-anonymity") != _colour_of(both, "l-scorer-naming")
    assert _colour_of(hedging, "l-scorer-hedging") == "#ffd27a"  # even with no findings


def test_html_lists_a_finding_reported_twice_once() -> None:
    report = engine_with(_TwiceScorer("naming", 0.5, flag="Maria Lopez")).score(COUNCIL)
    page = HtmlReporter().render([report])

    listed = page[page.index('<ol class="findings">') :]
    assert len(report.scorers[0].findings) == 2
    assert listed.count("<li>") == 1


def test_html_findings_link_to_their_highlighted_words() -> None:
    page = HtmlReporter().render([council_report()])
    target = re.search(r'<a href="#(r0-at-(\d+))"><span class="where">3:26</span></a>', page)

    assert target is not None
    assert re.search(rf'<mark class="[^"]*" id="{target.group(1)}"[^>]*>Maria Lopez</mark>', page)
    assert COUNCIL.body[int(target.group(2)) :].startswith("Maria Lopez")


def test_html_shows_no_gap_where_front_matter_was_blanked() -> None:
    from sourcecheck.loaders.builtin import MarkdownLoader

    text = "---\ntitle: Budget\noutlet: The Ledger\n---\n\n\n\nThe council voted, officials said.\n"
    article, _ = MarkdownLoader().load_text(text, "budget.md")
    page = HtmlReporter().render([engine_with(FixedScorer("naming", 0.5)).score(article)])

    assert article.body.startswith("   \n")  # blanked in place, so offsets stay the file's
    assert '<article class="body">The council voted' in page


def test_a_shown_score_never_reaches_a_band_its_score_does_not() -> None:
    from sourcecheck.core.combiners import band_for, shown_score

    for score in (79.6, 79.99, 59.5, 80.0, 0.0, 100.0):
        assert band_for(float(shown_score(score))) == band_for(score)
    assert shown_score(None) == "n/a"
