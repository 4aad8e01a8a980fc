"""``sourcecheck compare``: per-group scores with CIs, significance tests, plots, report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sourcecheck.cli.common import (
    EXIT_OK,
    color_option,
    hidden_alias,
    stdout,
    terminal_width,
    text_or_json_option,
    wants_color,
)
from sourcecheck.core.errors import InputError


@click.command("compare")
@click.argument("results", type=click.Path(path_type=Path))
@click.option(
    "--by",
    "by",
    multiple=True,
    default=("outlet",),
    show_default=True,
    help="Group by this column; 'month' is derived from 'published'. Repeatable.",
)
@click.option(
    "--metric",
    default="score",
    show_default=True,
    help="Column to compare and test: the overall score, or e.g. hedging.score.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write table.csv, comparison.json, PNG/SVG plots, report.md and report.html here.",
)
@hidden_alias("--out", "output", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--correction",
    type=click.Choice(["holm", "bh"]),
    default="holm",
    show_default=True,
    help="Multiple-comparison correction of pairwise p-values.",
)
@click.option(
    "--alpha",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.05,
    show_default=True,
    help="A pair differs when its adjusted p-value is below this.",
)
@click.option("--all-pairs", is_flag=True, help="List every pair, not only those that differ.")
@click.option(
    "--resamples",
    type=click.IntRange(min=100),
    default=2000,
    show_default=True,
    help="Bootstrap resamples per confidence interval.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--min-n",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Groups with fewer scored articles are left out of the tests.",
)
@text_or_json_option("Print the comparison as tables or as JSON.")
@color_option("the tables")
def compare_command(
    results: Path,
    by: tuple[str, ...],
    metric: str,
    output: Path | None,
    correction: str,
    alpha: float,
    all_pairs: bool,
    resamples: int,
    seed: int,
    min_n: int,
    output_format: str,
    color_mode: str,
) -> int:
    """Compare outlets on batch results (a .jsonl file or a .parquet directory)."""
    from sourcecheck.compare import CompareOptions, compare, render_text, write_report

    options = CompareOptions(
        by=by,
        metric=metric,
        correction=correction,
        resamples=resamples,
        seed=seed,
        min_n=min_n,
        alpha=alpha,
        all_pairs=all_pairs,
    )
    try:
        comparison = compare(results, options)
    except KeyError as exc:
        raise InputError(str(results), str(exc.args[0])) from None
    if comparison.frame.empty:
        raise InputError(str(results), "holds no scored articles to compare")
    if output is not None:
        written = write_report(comparison, output)
        click.echo(f"wrote {len(written)} files to {output} (open {written['html']})", err=True)
    if output_format == "json":
        click.echo(json.dumps(comparison.as_dict(), indent=2), file=stdout())
    else:
        color = wants_color(color_mode)
        text = render_text(comparison, width=terminal_width(), color=color)
        click.echo(text, nl=False, color=color or None, file=stdout())
    return EXIT_OK
