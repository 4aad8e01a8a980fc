"""``sourcecheck score``: score articles and print their reports."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

import click

from sourcecheck.cli.batch import corpus_index_option
from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    EngineOptions,
    atomic_output,
    build_config,
    color_option,
    engine_options,
    error,
    fail_under_option,
    iter_inputs,
    loaders_of,
    max_bytes_option,
    output_option,
    stdout,
    wants_color,
    warn,
    warn_plugin_errors,
)
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError, SourcecheckError
from sourcecheck.core.models import Article, Report
from sourcecheck.core.printable import escape_controls
from sourcecheck.loaders.base import Loader
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
@output_option
@max_bytes_option
@color_option("the text report")
@fail_under_option("Exit 1 when an article scores under SCORE (0-100).")
@corpus_index_option
@engine_options
def score_command(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    max_bytes: int | None,
    color_mode: str,
    fail_under: float | None,
    corpus_index: Path | None,
    engine_opts: EngineOptions,
) -> int:
    """Score news articles (.txt, .md, .html, .json, .jsonl, or - for stdin).

    Exit codes: 0 every input scored, 1 an article scored under --fail-under, 2 a usage,
    config or input error (the other inputs are still scored and written).
    """
    config = build_config(
        engine_opts,
        inputs,
        max_bytes=max_bytes,
        fail_under=fail_under,
    )
    engine = Engine(config)
    # Collected before the warnings, so a plugin returning junk from these hooks is named too.
    loaders = loaders_of(engine.plugins)
    reporter = reporter_for(engine, fmt)
    if corpus_index is not None:
        from sourcecheck.corpus.enricher import attach_corpus_index

        attach_corpus_index(engine, corpus_index)
    warn_plugin_errors(engine.plugins)
    with ExitStack() as stack:
        out = stack.enter_context(atomic_output(output)) if output else None
        color = out is None and wants_color(color_mode)
        outcome = _score_all(engine, inputs, loaders, reporter, out or stdout(), color=color)
    if outcome.input_failed:
        return EXIT_ERROR
    if config.fail_under is not None and outcome.lowest < config.fail_under:
        return EXIT_FINDINGS
    return EXIT_OK


class _Outcome:
    def __init__(self) -> None:
        self.input_failed = False
        self.lowest = 100.0


def _score_all(
    engine: Engine,
    inputs: tuple[str, ...],
    loaders: list[Loader],
    reporter: Reporter,
    out: TextIO,
    *,
    color: bool,
) -> _Outcome:
    """Score every input, writing as it goes when the format streams."""
    outcome = _Outcome()
    held: list[Report] = []
    for item in iter_inputs(inputs, loaders, engine.config.max_bytes):
        if isinstance(item, InputError):
            error(str(item))
            outcome.input_failed = True
            continue
        report = _score_one(engine, item)
        if report is None:
            outcome.input_failed = True
            continue
        for message in report.warnings:
            warn(f"{escape_controls(report.article.source or report.article.id)}: {message}")
        if report.score is not None:
            outcome.lowest = min(outcome.lowest, report.score)
        if reporter.streams:
            _write(out, reporter.render([report], color=color))
        else:
            held.append(report)
    if held:
        _write(out, reporter.render(held, color=color))
    return outcome


def _score_one(engine: Engine, article: Article) -> Report | None:
    """The article's report; None (after one line on stderr) when scoring itself broke."""
    source = article.meta.get("source")
    try:
        return engine.score(article, source=source if isinstance(source, str) else None)
    except InputError as exc:  # text the engine refuses, from a loader that let it through
        error(str(exc))
        return None
    except SourcecheckError:
        raise  # strict mode and friends: the run stops with that one line
    except Exception as exc:  # a bug in the analysis must not lose the rest of the batch
        where = f"{source}: article '{article.id}'" if source else f"article '{article.id}'"
        error(f"{where}: could not be scored: {type(exc).__name__}: {exc}")
        return None


def _write(out: TextIO, text: str) -> None:
    out.write(text)
    out.flush()


def reporter_for(engine: Engine, fmt: str) -> Reporter:
    reporters = {r.format: r for r in engine.plugins.collect("sourcecheck_reporters", Reporter)}
    if fmt not in reporters:
        raise click.UsageError(f"unknown format '{fmt}' (known: {', '.join(sorted(reporters))})")
    return reporters[fmt]
