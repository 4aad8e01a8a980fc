"""The HTML report: one self-contained file with the article and its evidence highlighted.

Each scorer's findings and the shared analysis (attributions, hedges) are a layer the
reader can switch on and off; the toggles are plain checkboxes and CSS, no script. Every
piece of article text, title, message and name goes through :func:`html.escape`: an
article is untrusted input and must never become markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from sourcecheck.core.combiners import shown_score
from sourcecheck.core.models import Finding, Report, ScorerReport
from sourcecheck.reporters.base import Reporter
from sourcecheck.reporters.colours import layer_colour
from sourcecheck.reporters.evidence import (
    Layer,
    Mark,
    contributions_sum,
    effect,
    evidence_layers,
    ranked_findings,
    segments,
    shorten,
    where,
)

CSS = """
:root { color-scheme: light; --ink: #1d1f23; --muted: #5f6570; --rule: #dde1e6; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0; background: #f6f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
section.report { background: #fff; border: 1px solid var(--rule); border-radius: 10px;
  padding: 1.5rem 2rem; margin-bottom: 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.origin { color: var(--muted); font-size: .9rem; margin: 0; }
.score { font-size: 1.15rem; margin: .75rem 0 0; }
.score strong { font-size: 2.2rem; }
.band { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; margin-left: .5rem;
  background: #eef0f3; font-weight: 600; }
.arith { color: var(--muted); font-size: .9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { width: 8rem; height: .7rem; background: #eef0f3; border-radius: .35rem; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #6b8fd6; }
.bar.good > span { background: #2da44e; } .bar.fair > span { background: #d4a72c; }
.bar.poor > span { background: #cf222e; }
.raised { color: #1a7f37; } .lowered { color: #b42318; } .failed { color: #b42318; }
.left-out { color: var(--muted); }
.toggles { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .5rem 0 1rem; }
.toggles label { cursor: pointer; user-select: none; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px;
  vertical-align: -2px; margin-right: .25rem; }
input.layer { position: absolute; opacity: 0; width: 1px; height: 1px; }
.toggles label::before { content: "☐ "; color: var(--muted); }
article.body { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, serif;
  font-size: 1.05rem; line-height: 1.7; border-left: 3px solid var(--rule); padding-left: 1rem; }
article.body mark { background: none; color: inherit; border-radius: 2px; }
article.body mark:target { outline: 3px solid #1f5fbf; }
.summary { display: block; color: var(--muted); font-size: .85rem; }
.findings li { margin-bottom: .4rem; }
.findings code, .where { color: var(--muted); font-size: .85rem; }
.sev-error { color: #b42318; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
.sev-suggestion { color: #0969da; font-weight: 600; }
.notes p { margin: .25rem 0; } .notes .error { color: #b42318; } .notes .warning { color: #9a6700; }
footer { color: var(--muted); font-size: .8rem; margin-top: 1.5rem; }
@media (max-width: 600px) {
  main { padding: .5rem; }
  section.report { padding: 1rem; }
  .col-bar, .col-weight { display: none; }
  th, td { padding: .3rem .25rem; }
  table { font-size: .85rem; }
}
"""


class HtmlReporter(Reporter):
    format = "html"
    description = "one self-contained HTML file: the article with its evidence highlighted"

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        keys = sorted(
            {layer.key for report in reports for layer in evidence_layers(report)}
            | {f"scorer:{s.name}" for report in reports for s in report.scorers}
        )
        colours = {key: layer_colour(key) for key in keys}
        sections = [_section(index, report, colours) for index, report in enumerate(reports)]
        title = reports[0].article.title if len(reports) == 1 else f"{len(reports)} articles"
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>sourcecheck: {_e(title or 'report')}</title>\n"
            f"<style>{CSS}{_layer_css(colours)}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(sections)
            + "\n</main>\n</body>\n</html>\n"
        )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _layer_class(key: str) -> str:
    """A CSS class for a layer key (scorer names are already [a-z0-9_-])."""
    return "l-" + key.replace(":", "-")


def _layer_css(colours: dict[str, str]) -> str:
    # A checked toggle colours its layer's marks in the article that follows it (a sibling).
    rules = []
    for key, colour in colours.items():
        cls = _layer_class(key)
        # Analysis evidence is underlined and scorer findings are shaded, so where both
        # cover the same words (a hedge inside a flagged claim) both stay visible.
        style = (
            f"box-shadow: inset 0 -0.3em 0 {colour}"
            if key.startswith("analysis:")
            else f"background: {colour}"
        )
        rules.append(f"input.{cls}:checked ~ article.body mark.{cls} {{ {style}; }}")
        rules.append(f"input.{cls}:checked ~ .toggles label.{cls}::before {{ content: '☑ '; }}")
        rules.append(f".swatch.{cls} {{ background: {colour}; }}")
    return "\n" + "\n".join(rules) + "\n"


def _section(index: int, report: Report, colours: dict[str, str]) -> str:
    layers = evidence_layers(report)
    parts = [
        f'<section class="report" id="report-{index}">',
        _header(report),
        "<h2>Breakdown</h2>",
        _breakdown(report),
        _arithmetic(report),
        "<h2>Evidence</h2>",
        _evidence(index, report, layers),
        _findings(report, index),
        _notes(report),
        _footer(report),
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def _header(report: Report) -> str:
    info = report.article
    title = info.title or f"article {info.id}"
    origin = " · ".join(_e(bit) for bit in (info.source, info.outlet, info.url) if bit)
    score = shown_score(report.score)
    return (
        f"<header><h1>{_e(title)}</h1>"
        + (f'<p class="origin">{origin}</p>' if origin else "")
        + f'<p class="score"><strong>{score}</strong>/100'
        f'<span class="band">{_e(report.band)}</span></p></header>'
    )


def _breakdown(report: Report) -> str:
    rows = [_row(scorer) for scorer in report.scorers]
    return (
        '<div class="table-wrap"><table><thead><tr><th>Scorer</th><th>Score</th>'
        '<th class="col-bar"></th><th class="col-weight">Weight</th><th>Contribution</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def _row(scorer: ScorerReport) -> str:
    # The summary sits under the name, not in a column of its own: the table then fits a
    # phone's width with the bar and weight columns hidden.
    if scorer.status != "ok" or scorer.score is None:
        detail = (
            f'<span class="summary {_e(scorer.status)}">{_e(scorer.error or scorer.summary)}</span>'
        )
        return (
            f"<tr>{_name_cell(scorer, detail)}"
            f'<td class="{_e(scorer.status)}">{_e(scorer.status)}</td><td class="col-bar"></td>'
            f'<td class="col-weight"></td><td class="left-out">left out</td></tr>'
        )
    what = effect(scorer)
    summary = f'<span class="summary">{_e(scorer.summary)}</span>' if scorer.summary else ""
    return (
        f"<tr>{_name_cell(scorer, summary)}"
        f'<td class="num">{scorer.score:.2f}</td>'
        f'<td class="col-bar"><div class="bar {_bar_class(scorer.score)}">'
        f'<span style="width: {scorer.score * 100:.0f}%"></span></div></td>'
        f'<td class="num col-weight">{scorer.weight:.2f}</td>'
        f'<td class="num {what.replace(" ", "-")}">{scorer.contribution:+.1f} {_e(what)}</td></tr>'
    )


def _name_cell(scorer: ScorerReport, below: str) -> str:
    swatch = f'<span class="swatch {_layer_class("scorer:" + scorer.name)}"></span>'
    version = f'<span class="where">{_e(scorer.version)}</span>'
    return f"<td>{swatch}{_e(scorer.name)} {version}{below}</td>"


def _bar_class(score: float) -> str:
    return "good" if score >= 0.6 else "fair" if score >= 0.4 else "poor"


def _arithmetic(report: Report) -> str:
    if report.score is None:
        return '<p class="arith">No scorer could be combined into an overall score.</p>'
    total = contributions_sum(report)
    sign = "+" if total >= 0 else "−"
    return (
        f'<p class="arith">baseline {report.baseline:.1f} {sign} contributions '
        f"{abs(total):.1f} = {report.score:.1f}</p>"
    )


def _evidence(index: int, report: Report, layers: list[Layer]) -> str:
    body = report.body
    if body is None:
        return "<p>The article text is not part of a saved report; the findings below quote it.</p>"
    toggles = "".join(
        f'<input type="checkbox" class="layer {_layer_class(layer.key)}" '
        f'id="r{index}-{_layer_class(layer.key)}" checked>'
        for layer in layers
    )
    labels = "".join(
        f'<label class="{_layer_class(layer.key)}" for="r{index}-{_layer_class(layer.key)}">'
        f'<span class="swatch {_layer_class(layer.key)}"></span>{_e(layer.label)} '
        f"({len(layer.marks)})</label>"
        for layer in layers
    )
    legend = (
        f'<div class="toggles">{labels}</div>' if layers else "<p>No evidence to highlight.</p>"
    )
    marks = [mark for layer in layers for mark in layer.marks]
    anchors = {
        f.span.start for _, f in ranked_findings(report) if f.span and f.span.end > f.span.start
    }
    highlighted = _highlighted(body, marks, anchors, f"r{index}-at-")
    return f'{toggles}{legend}<article class="body">{highlighted}</article>'


# Markdown bodies keep the file's offsets by blanking front matter and markup with spaces;
# shown as they are, those blanks are a gap above the article and between paragraphs.
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _shown(text: str, *, at_start: bool) -> str:
    """Unhighlighted body text as shown: blank lines collapsed, no blank lead-in."""
    text = _BLANK_LINES.sub("\n\n", text)
    return text.lstrip() if at_start else text


def _highlighted(body: str, marks: list[Mark], anchors: set[int], prefix: str) -> str:
    """The body with its marks; the first run at each finding's start carries an id, so
    the findings list can link to the words."""
    out: list[str] = []
    for piece in segments(len(body), marks):
        raw = body[piece.start : piece.end]
        if not piece.marks:
            out.append(_e(_shown(raw, at_start=piece.start == 0)))
            continue
        classes = " ".join(sorted({_layer_class(m.layer) for m in piece.marks}))
        notes = "\n".join(dict.fromkeys(m.note for m in piece.marks))
        anchor = f' id="{prefix}{piece.start}"' if piece.start in anchors else ""
        if anchor:
            anchors = anchors - {piece.start}
        out.append(f'<mark class="{classes}"{anchor} title="{_e(notes)}">{_e(raw)}</mark>')
    return "".join(out)


def _findings(report: Report, index: int = 0) -> str:
    ranked = ranked_findings(report)
    if not ranked:
        return "<h2>Findings</h2><p>No findings.</p>"
    linked = report.body is not None
    items = []
    for _, finding in ranked:
        quote = f" “{_e(shorten(finding.span.text, 120))}”" if finding.span else ""
        items.append(
            f"<li>{_where_link(finding, index, linked)} "
            f'<span class="sev-{_e(finding.severity)}">{_e(finding.severity)}</span> '
            f"{_e(finding.message)}{quote} <code>{_e(finding.rule)}</code></li>"
        )
    return f'<h2>Findings</h2><ol class="findings">{"".join(items)}</ol>'


def _where_link(finding: Finding, index: int, linked: bool) -> str:
    """'line:col', linking to the highlighted words when the report has the text."""
    span = finding.span
    text = f'<span class="where">{_e(where(finding))}</span>'
    if not linked or span is None or span.end <= span.start:
        return text
    return f'<a href="#r{index}-at-{span.start}">{text}</a>'


def _notes(report: Report) -> str:
    notes = [f'<p class="warning">Warning: {_e(w)}</p>' for w in report.warnings]
    notes += [
        f'<p class="error">Error in {_e(e.plugin)}: {_e(e.message)}</p>' for e in report.errors
    ]
    return f'<div class="notes">{"".join(notes)}</div>' if notes else ""


def _footer(report: Report) -> str:
    versions = ", ".join(f"{_e(k)} {_e(v)}" for k, v in sorted(report.versions.items()))
    return f"<footer>Report schema {_e(report.schema_version)} · {versions}</footer>"
