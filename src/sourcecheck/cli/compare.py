"""``sourcecheck compare``: per-group scores with CIs, significance tests, plots, report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sourcecheck.cli.common import EXIT_OK
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
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write table.csv, comparison.json, PNG/SVG plots, report.md and report.html here.",
)
@click.option(
    "--correction",
    type=click.Choice(["holm", "bh"]),
    default="holm",
    show_default=True,
    help="Multiple-comparison correction of pairwise p-values.",
)
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
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def compare_command(
    results: Path,
    by: tuple[str, ...],
    metric: str,
    out: Path | None,
    correction: str,
    resamples: int,
    seed: int,
    min_n: int,
    as_json: bool,
) -> int:
    """Compare outlets on batch results (a .jsonl file or a .parquet directory)."""
    from sourcecheck.compare import CompareOptions, compare, render_text, write_report

    options = CompareOptions(
        by=by, metric=metric, correction=correction, resamples=resamples, seed=seed, min_n=min_n
    )
    try:
        comparison = compare(results, options)
    except KeyError as exc:
        raise InputError(str(results), str(exc.args[0])) from None
    if comparison.frame.empty:
        raise InputError(str(results), "holds no scored articles to compare")
    if out is not None:
        written = write_report(comparison, out)
        click.echo(f"wrote {len(written)} files to {out} (open {written['html']})", err=True)
    if as_json:
        click.echo(json.dumps(comparison.as_dict(), indent=2))
    else:
        click.echo(render_text(comparison), nl=False)
    return EXIT_OK
