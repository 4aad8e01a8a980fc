"""A comparison end to end: load results, summarise, test, plot, and write the report.

The HTML report is self-contained (figures embedded as base64 PNG) and escapes every
string that came from the data, outlet names included.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sourcecheck.batch.writers import read_metadata, read_results
from sourcecheck.compare.stats import (
    GROUP,
    CompareOptions,
    TestResult,
    group_table,
    group_tests,
    scorer_columns,
    with_groups,
)


@dataclass
class Comparison:
    frame: pd.DataFrame
    table: pd.DataFrame
    tests: TestResult
    options: CompareOptions
    metadata: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "options": asdict(self.options),
            "groups": json.loads(self.table.to_json(orient="records")),
            "tests": self.tests.as_dict(),
            "versions": {
                "sourcecheck": self.metadata.get("sourcecheck"),
                **self.metadata.get("scorers", {}),
            },
        }


def compare(results: str | Path, options: CompareOptions | None = None) -> Comparison:
    options = options or CompareOptions()
    frame = read_results(results)
    grouped = with_groups(frame, options.by, options.metric)
    try:
        metadata = read_metadata(results)
    except Exception:  # metadata is informative here, never required
        metadata = {}
    return Comparison(
        frame=grouped,
        table=group_table(grouped, options),
        tests=group_tests(grouped, options),
        options=options,
        metadata=metadata,
    )


def write_report(comparison: Comparison, out: Path) -> dict[str, Path]:
    """table.csv, tests.json, figures (PNG + SVG), report.md and report.html under ``out``."""
    from sourcecheck.compare.plots import draw_all

    out.mkdir(parents=True, exist_ok=True)
    written = {"table": out / "table.csv", "tests": out / "comparison.json"}
    comparison.table.to_csv(written["table"], index=False)
    written["tests"].write_text(json.dumps(comparison.as_dict(), indent=2) + "\n", encoding="utf-8")
    options = comparison.options
    images = draw_all(comparison.frame, comparison.table, options.by, out, options.metric)
    written["markdown"] = out / "report.md"
    written["markdown"].write_text(render_markdown(comparison, images), encoding="utf-8")
    written["html"] = out / "report.html"
    written["html"].write_text(render_html(comparison, images), encoding="utf-8")
    for name, paths in images.items():
        for path in paths:
            written[f"{name}.{path.suffix[1:]}"] = path
    return written


# -- text ------------------------------------------------------------------------------


def summary_rows(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """The group table as display strings: header and rows."""
    scorers = scorer_columns(comparison.frame)
    metric = comparison.options.metric
    header = [
        "group",
        "n",
        f"{metric} mean [95% CI]",
        f"{metric} median [95% CI]",
        *[s.removesuffix(".score") for s in scorers],
    ]
    digits = 1 if metric == "score" else 3
    rows = []
    for record in comparison.table.to_dict(orient="records"):
        rows.append(
            [
                str(record[GROUP]),
                str(record["n"]),
                _with_ci(record["mean"], record["mean_low"], record["mean_high"], digits),
                _with_ci(record["median"], record["median_low"], record["median_high"], digits),
                *[
                    _with_ci(record[f"{s}.mean"], record[f"{s}.low"], record[f"{s}.high"], 2)
                    for s in scorers
                ],
            ]
        )
    return header, rows


def tests_lines(tests: TestResult, options: CompareOptions) -> list[str]:
    lines = []
    if tests.p_value == tests.p_value:  # not NaN
        lines.append(
            f"Kruskal-Wallis on {options.metric} over {len(tests.groups)} groups: "
            f"H = {tests.statistic:.3f}, p {_p(tests.p_value, relation=True)}"
        )
    if tests.note:
        lines.append(f"Note: {tests.note}.")
    if tests.excluded:
        lines.append(f"Too small to test (n below minimum): {', '.join(tests.excluded)}.")
    if tests.pairwise:
        lines.append(_pairs_sentence(tests, options))
    return lines


def _correction_name(correction: str) -> str:
    return "Holm" if correction == "holm" else "Benjamini-Hochberg"


def _pairs_sentence(tests: TestResult, options: CompareOptions) -> str:
    """What the pairwise table below holds, so an empty one is never a mystery."""
    differing = len(tests.differing_pairs(options.alpha))
    name = _correction_name(options.correction)
    head = (
        f"Pairwise Mann-Whitney U, p-values adjusted with {name}: {differing} of "
        f"{len(tests.pairwise)} pairs differ (adjusted p < {options.alpha:g})"
    )
    if options.all_pairs:
        return head + "; every pair listed."
    if differing == 0:
        return head + "; --all-pairs lists them all."
    return head + ", listed below (--all-pairs for every pair)."


def shown_pairs(comparison: Comparison) -> list[dict[str, Any]]:
    options = comparison.options
    tests = comparison.tests
    return tests.pairwise if options.all_pairs else tests.differing_pairs(options.alpha)


def render_text(comparison: Comparison, width: int = 80, color: bool = False) -> str:
    """The comparison as rich tables that fit ``width`` columns."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
    )
    console.print(_summary_table(comparison))
    scorers = scorer_columns(comparison.frame)
    if scorers:
        console.print(_profile_table(comparison, scorers))
    for line in tests_lines(comparison.tests, comparison.options):
        console.print(Text(line))
    pairs = shown_pairs(comparison)
    if pairs:
        console.print(_rich_table(*_pairwise_rows(pairs), title=None))
    text = buffer.getvalue()
    return text if color else "".join(line.rstrip() + "\n" for line in text.splitlines())


def _summary_table(comparison: Comparison) -> Table:
    header, rows = summary_rows(comparison)
    metric = comparison.options.metric
    return _rich_table(header[:4], [r[:4] for r in rows], title=f"{metric} by group")


def _profile_table(comparison: Comparison, scorers: list[str]) -> Table:
    header = ["group", *(s.removesuffix(".score") for s in scorers)]
    rows = [
        [str(record[GROUP]), *(_number(record[f"{s}.mean"], 2) for s in scorers)]
        for record in comparison.table.to_dict(orient="records")
    ]
    title = "mean scorer score by group (1 = best practice; CIs in table.csv)"
    return _rich_table(header, rows, title=title)


def _rich_table(header: list[str], rows: list[list[str]], title: str | None) -> Table:
    # Text objects, never markup strings: "[95% CI]" and outlet names are data, not styles.
    table = Table(
        title=Text(title) if title else None,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        header_style="bold",
    )
    for index, name in enumerate(header):
        first = index == 0
        table.add_column(
            Text(name), overflow="fold", justify="left" if first else "right", no_wrap=first
        )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _number(value: float, digits: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def render_markdown(comparison: Comparison, images: dict[str, list[Path]]) -> str:
    header, rows = summary_rows(comparison)
    parts = [
        "# sourcecheck comparison",
        "",
        _provenance(comparison),
        "",
        "## Scores per group",
        "",
        _md_table(header, rows),
        "",
        "## Do the groups differ?",
        "",
        *[f"- {line}" for line in tests_lines(comparison.tests, comparison.options)],
        "",
    ]
    if shown_pairs(comparison):
        parts += [_md_table(*_pairwise_rows(shown_pairs(comparison))), ""]
    parts += ["## Figures", ""]
    for name, paths in images.items():
        png = next(p for p in paths if p.suffix == ".png")
        parts += [f"![{name.replace('_', ' ')}]({png.name})", ""]
    return "\n".join(parts)


def render_html(comparison: Comparison, images: dict[str, list[Path]]) -> str:
    header, rows = summary_rows(comparison)
    body = [
        "<h1>sourcecheck comparison</h1>",
        f"<p>{html.escape(_provenance(comparison))}</p>",
        "<h2>Scores per group</h2>",
        _html_table(header, rows),
        "<h2>Do the groups differ?</h2>",
        "<ul>",
        *[
            f"<li>{html.escape(line)}</li>"
            for line in tests_lines(comparison.tests, comparison.options)
        ],
        "</ul>",
    ]
    if shown_pairs(comparison):
        body.append(_html_table(*_pairwise_rows(shown_pairs(comparison))))
    body.append("<h2>Figures</h2>")
    for name, paths in images.items():
        png = next(p for p in paths if p.suffix == ".png")
        encoded = base64.b64encode(png.read_bytes()).decode("ascii")
        alt = html.escape(name.replace("_", " "))
        body.append(f'<figure><img alt="{alt}" src="data:image/png;base64,{encoded}"></figure>')
    style = (
        "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
        "text-align:left}img{max-width:100%}"
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>sourcecheck comparison</title><style>{style}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _pairwise_rows(pairs: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    header = ["a", "b", "n a", "n b", "P(a > b)", "p", "p adjusted"]
    rows = [
        [
            str(p["a"]),
            str(p["b"]),
            str(p["n_a"]),
            str(p["n_b"]),
            f"{p['prob_a_higher']:.2f}",
            _p(p["p_value"]),
            _p(p["p_adjusted"]),
        ]
        for p in pairs
    ]
    return header, rows


def _provenance(comparison: Comparison) -> str:
    meta = comparison.metadata
    versions = ", ".join(f"{k} {v}" for k, v in sorted(meta.get("scorers", {}).items()))
    by = " x ".join(comparison.options.by)
    return (
        f"{len(comparison.frame)} scored articles grouped by {by}; sourcecheck "
        f"{meta.get('sourcecheck', '?')}; scorers: {versions or '?'}; "
        f"{comparison.options.resamples} bootstrap resamples, seed {comparison.options.seed}."
    )


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _with_ci(value: float, low: float, high: float, digits: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if low is None or math.isnan(low):
        return f"{value:.{digits}f}"
    return f"{value:.{digits}f} [{low:.{digits}f}, {high:.{digits}f}]"


def _p(value: float, relation: bool = False) -> str:
    if value < 0.001:
        return "< 0.001" if relation else "<0.001"
    return f"= {value:.3f}" if relation else f"{value:.3f}"
