"""``sourcecheck batch``: score a corpus into one flat row per article (JSONL or Parquet)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EngineOptions,
    build_config,
    engine_options,
    error,
    hidden_alias,
    max_bytes_option,
    warn,
    warn_plugin_error,
)

corpus_index_option = click.option(
    "--corpus-index",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Claim index (from `sourcecheck index`): count corroborating articles of other outlets.",
)


FIELD_FLAGS = {
    "id": "--id-field",
    "body": "--text-field",
    "title": "--title-field",
    "outlet": "--outlet-field",
    "published": "--published-field",
    "url": "--url-field",
    "authors": "--authors-field",
    "language": "--language-field",
}


def field_options(func: click.decorators.FC) -> click.decorators.FC:
    """``--id-field COLUMN`` and friends: which input column holds which article field."""
    for name, flag in reversed(FIELD_FLAGS.items()):
        func = click.option(
            flag, f"field_{name}", metavar="COLUMN", help=f"Input column holding the {name}."
        )(func)
    return func


def collect_fields(values: dict[str, str | None]) -> dict[str, str]:
    """The column mapping from the ``field_*`` keyword arguments that were given."""
    return {
        key.removeprefix("field_"): value
        for key, value in values.items()
        if key.startswith("field_") and value
    }


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    help="results.jsonl, results.csv, or results.parquet (a directory of parts; with --engine "
    "dask, a directory). Required.",
)
@hidden_alias("--out", "out", type=click.Path(path_type=Path))
@field_options
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes on this machine.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles shipped to a worker at a time.",
)
@click.option(
    "--rows-per-part",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="Rows per Parquet part file (a resumed run redoes at most this many).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: only when stderr is a terminal).",
)
@click.option(
    "--engine",
    "backend",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run here, or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (default: dask's local process scheduler).",
)
@click.option(
    "--blocksize",
    default="16MiB",
    show_default=True,
    help="Dask: bytes of JSONL/CSV input per partition.",
)
@click.option(
    "--sql-names",
    is_flag=True,
    help="Column names SQL engines accept unquoted: hedging__score for hedging.score.",
)
@max_bytes_option
@corpus_index_option
@engine_options
def batch_command(
    inputs: tuple[str, ...],
    out: Path | None,
    workers: int,
    chunk_size: int,
    rows_per_part: int,
    progress: bool | None,
    backend: str,
    scheduler: str | None,
    blocksize: str,
    sql_names: bool,
    max_bytes: int | None,
    corpus_index: Path | None,
    engine_opts: EngineOptions,
    **field_values: str | None,
) -> int:
    """Score a corpus (JSONL, CSV, Parquet, JSON, folders) into one row per article.

    Run it again with the same --output after a crash or Ctrl-C: articles already written are
    skipped, so nothing is lost and nothing is written twice.
    """
    if out is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    config = build_config(engine_opts, inputs, max_bytes=max_bytes)
    fields = collect_fields(field_values)
    show_progress = sys.stderr.isatty() if progress is None else progress
    if backend == "dask":
        return _run_dask(inputs, out, config, fields, scheduler, blocksize, corpus_index)
    from sourcecheck.batch.runner import run_batch

    summary = run_batch(
        inputs,
        out,
        config=config,
        fields=fields,
        workers=workers,
        chunk_size=chunk_size,
        rows_per_part=rows_per_part,
        progress=show_progress,
        corpus_index=corpus_index,
        on_failure=lambda row: error(str(row["error"])),
        on_plugin_error=warn_plugin_error,
        sql_names=sql_names,
    )
    if summary.duplicates:
        shown = ", ".join(summary.duplicates[:5])
        warn(f"{len(summary.duplicates)} repeated article ids kept once (e.g. {shown})")
    click.echo(
        f"{summary.written} rows written to {out} ({summary.failed} failed, "
        f"{summary.already_done} already there) in {summary.seconds:.1f}s "
        f"({summary.rate:,.0f} articles/s)",
        err=True,
    )
    return EXIT_ERROR if summary.failed else EXIT_OK


def _run_dask(
    inputs: tuple[str, ...],
    out: Path,
    config: object,
    fields: dict[str, str],
    scheduler: str | None,
    blocksize: str,
    corpus_index: Path | None,
) -> int:
    from sourcecheck.batch.dask_backend import run_dask

    result = run_dask(
        inputs,
        out,
        config=config,  # type: ignore[arg-type]
        fields=fields,
        scheduler=scheduler,
        blocksize=blocksize,
        corpus_index=corpus_index,
        on_plugin_error=warn_plugin_error,
    )
    if result.duplicates:
        shown = ", ".join(result.duplicates[:5])
        warn(
            f"{len(result.duplicates)} article ids written by more than one partition "
            f"(e.g. {shown}): the input repeats them across partitions"
        )
    click.echo(
        f"{result.written} rows in {result.parts_written} new parts under {out} "
        f"({result.parts_skipped} parts and {result.already_done} rows already there, "
        f"{result.failed} failed rows)",
        err=True,
    )
    return EXIT_ERROR if result.failed else EXIT_OK
