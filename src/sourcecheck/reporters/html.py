"""The HTML report: one self-contained file with the article and its evidence highlighted.

Each scorer's findings and the shared analysis (attributions, hedges) are a layer the
reader can switch on and off; the toggles are plain checkboxes and CSS, no script. Every
piece of article text, title, message and name goes through :func:`html.escape`: an
article is untrusted input and must never become markup.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from sourcecheck.core.models import Report, ScorerReport
from sourcecheck.reporters.base import Reporter
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

# Colour-blind-safe (Okabe-Ito) hues, light enough to read black text on.
PALETTE = ("#ffd27a", "#9fd3f5", "#f7b2a1", "#a8e0c9", "#d9b8e8", "#f5e68c", "#b9c9f0", "#e6c3a3")

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
.findings li { margin-bottom: .4rem; }
.findings code, .where { color: var(--muted); font-size: .85rem; }
.sev-error { color: #b42318; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
.sev-suggestion { color: #0969da; font-weight: 600; }
.notes p { margin: .25rem 0; } .notes .error { color: #b42318; } .notes .warning { color: #9a6700; }
footer { color: var(--muted); font-size: .8rem; margin-top: 1.5rem; }
"""


class HtmlReporter(Reporter):
    format = "html"
    description = "one self-contained HTML file: the article with its evidence highlighted"

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        keys = sorted({layer.key for report in reports for layer in evidence_layers(report)})
        colours = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}
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
        _findings(report),
        _notes(report),
        _footer(report),
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def _header(report: Report) -> str:
    info = report.article
    title = info.title or f"article {info.id}"
    origin = " · ".join(_e(bit) for bit in (info.source, info.outlet, info.url) if bit)
    score = "n/a" if report.score is None else f"{report.score:.0f}"
    return (
        f"<header><h1>{_e(title)}</h1>"
        + (f'<p class="origin">{origin}</p>' if origin else "")
        + f'<p class="score"><strong>{score}</strong>/100'
        f'<span class="band">{_e(report.band)}</span></p></header>'
    )


def _breakdown(report: Report) -> str:
    rows = [_row(scorer) for scorer in report.scorers]
    return (
        "<table><thead><tr><th>Scorer</th><th>Score</th><th></th><th>Weight</th>"
        "<th>Contribution</th><th>Summary</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _row(scorer: ScorerReport) -> str:
    name = f'<td>{_e(scorer.name)} <span class="where">{_e(scorer.version)}</span></td>'
    if scorer.status != "ok" or scorer.score is None:
        detail = _e(scorer.error or scorer.summary)
        return (
            f'<tr>{name}<td class="{_e(scorer.status)}">{_e(scorer.status)}</td><td></td>'
            f'<td></td><td class="left-out">left out</td><td class="{_e(scorer.status)}">'
            f"{detail}</td></tr>"
        )
    what = effect(scorer)
    return (
        f'<tr>{name}<td class="num">{scorer.score:.2f}</td>'
        f'<td><div class="bar {_bar_class(scorer.score)}">'
        f'<span style="width: {scorer.score * 100:.0f}%"></span></div></td>'
        f'<td class="num">{scorer.weight:.2f}</td>'
        f'<td class="num {what.replace(" ", "-")}">{scorer.contribution:+.1f} {_e(what)}</td>'
        f"<td>{_e(scorer.summary)}</td></tr>"
    )


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
    return f'{toggles}{legend}<article class="body">{_highlighted(body, marks)}</article>'


def _highlighted(body: str, marks: list[Mark]) -> str:
    out: list[str] = []
    for piece in segments(len(body), marks):
        text = _e(body[piece.start : piece.end])
        if not piece.marks:
            out.append(text)
            continue
        classes = " ".join(sorted({_layer_class(m.layer) for m in piece.marks}))
        notes = "\n".join(dict.fromkeys(m.note for m in piece.marks))
        out.append(f'<mark class="{classes}" title="{_e(notes)}">{text}</mark>')
    return "".join(out)


def _findings(report: Report) -> str:
    ranked = ranked_findings(report)
    if not ranked:
        return "<h2>Findings</h2><p>No findings.</p>"
    items = []
    for _, finding in ranked:
        quote = f" “{_e(shorten(finding.span.text, 120))}”" if finding.span else ""
        items.append(
            f'<li><span class="where">{_e(where(finding))}</span> '
            f'<span class="sev-{_e(finding.severity)}">{_e(finding.severity)}</span> '
            f"{_e(finding.message)}{quote} <code>{_e(finding.rule)}</code></li>"
        )
    return f'<h2>Findings</h2><ol class="findings">{"".join(items)}</ol>'


def _notes(report: Report) -> str:
    notes = [f'<p class="warning">Warning: {_e(w)}</p>' for w in report.warnings]
    notes += [
        f'<p class="error">Error in {_e(e.plugin)}: {_e(e.message)}</p>' for e in report.errors
    ]
    return f'<div class="notes">{"".join(notes)}</div>' if notes else ""


def _footer(report: Report) -> str:
    versions = ", ".join(f"{_e(k)} {_e(v)}" for k, v in sorted(report.versions.items()))
    return f"<footer>Report schema {_e(report.schema_version)} · {versions}</footer>"
