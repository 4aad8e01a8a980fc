"""``sourcecheck score``: score articles and print their reports."""

from __future__ import annotations

from pathlib import Path

import click

from sourcecheck.cli.batch import corpus_index_option
from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    build_config,
    engine_options,
    error,
    iter_inputs,
    loaders_of,
    warn,
)
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Report
from sourcecheck.reporters.base import Reporter


@click.command("score")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE... | -")
@click.option(
    "-f",
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="Output format: text, json, jsonl, markdown, html (or a plugin's).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the output to this file instead of stdout.",
)
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this.")
@corpus_index_option
@engine_options
def score_command(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    max_bytes: int | None,
    corpus_index: Path | None,
    config_path: Path | None,
    plugins_dirs: tuple[Path, ...],
    strict: bool | None,
    enable: str | None,
    disable: str | None,
) -> int:
    """Score news articles (.txt, .md, .html, .json, .jsonl, or - for stdin)."""
    config = build_config(
        config_path,
        inputs,
        plugins_dirs=plugins_dirs,
        strict=strict,
        enable=enable,
        disable=disable,
        max_bytes=max_bytes,
    )
    engine = Engine(config)
    if corpus_index is not None:
        from sourcecheck.corpus.enricher import attach_corpus_index

        attach_corpus_index(engine, corpus_index)
    for plugin_error in engine.plugins.errors:
        warn(f"plugin '{plugin_error.plugin}' {plugin_error.message}")
    reporter = reporter_for(engine, fmt)
    reports: list[Report] = []
    failed = False
    for item in iter_inputs(inputs, loaders_of(engine.plugins), config.max_bytes):
        if isinstance(item, InputError):
            error(str(item))
            failed = True
            continue
        report = engine.score(item, source=item.meta.get("source"))
        for message in report.warnings:
            warn(f"{report.article.source or report.article.id}: {message}")
        reports.append(report)
    if reports:
        color = output is None and click.get_text_stream("stdout").isatty()
        rendered = reporter.render(reports, color=color)
        if output:
            output.write_text(rendered, encoding="utf-8")
        else:
            click.echo(rendered, nl=False)
    return EXIT_ERROR if failed else EXIT_OK


def reporter_for(engine: Engine, fmt: str) -> Reporter:
    reporters = {
        r.format: r for _, found in engine.plugins.call_each("sourcecheck_reporters") for r in found
    }
    if fmt not in reporters:
        raise click.UsageError(f"unknown format '{fmt}' (known: {', '.join(sorted(reporters))})")
    return reporters[fmt]
