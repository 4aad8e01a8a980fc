"""``sourcecheck check``: lint drafts for sourcing, for editors and CI (like Vale or ruff)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from sourcecheck._version import __version__
from sourcecheck.batch.progress import BatchProgress
from sourcecheck.cli.batch import corpus_index_option
from sourcecheck.cli.common import (
    COLOR_MODES,
    EngineOptions,
    build_config,
    engine_options,
    error,
    fail_under_option,
    hidden_alias,
    loaders_of,
    max_bytes_option,
    output_option,
    settings_text,
    stdout,
    wants_color,
    warn,
    warn_plugin_errors,
    write_output,
)
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import PluginError
from sourcecheck.core.printable import escape_controls
from sourcecheck.lint.diff import DiffError, changed_lines, git_toplevel
from sourcecheck.lint.formats import FORMATS, FormatContext
from sourcecheck.lint.runner import LEVELS, Checker, CheckOptions, CheckRun

_LEVEL = click.Choice(LEVELS)


@click.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text: path:line:col lines; json/jsonl; sarif (code scanning); github "
    "(PR annotations); rdjsonl (reviewdog).",
)
@output_option
@click.option(
    "--min-level", type=_LEVEL, default=None, help="Show findings at this level or above."
)
@click.option(
    "--fail-level", type=_LEVEL, default=None, help="Fail on findings at this level or above."
)
@fail_under_option("Fail when a draft scores under SCORE (0-100).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still on errors).")
@click.option(
    "--diff",
    "diff_base",
    metavar="BASE",
    default=None,
    help="Only report findings on lines changed since the git revision BASE.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Repository root for SARIF/GitHub paths (default: git top level, else cwd).",
)
@click.option(
    "--color",
    "color_mode",
    type=click.Choice(COLOR_MODES),
    default="auto",
    show_default=True,
    is_flag=False,
    flag_value="always",  # a bare --color, as before
    help="Colour the text output (auto: on a terminal; NO_COLOR turns it off, FORCE_COLOR on).",
)
@hidden_alias("--no-color", "color_mode", is_flag=True, flag_value="never")
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the resolved settings and where each came from, then exit.",
)
@click.option("-q", "--quiet", is_flag=True, help="Text: print the findings and nothing else.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar on stderr over many files (default: on a terminal, from 20 files).",
)
@click.option("--statistics", is_flag=True, help="Text: a count per rule instead of the findings.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Report only these rules or scorers (comma list; repeatable).",
)
@click.option(
    "--ignore",
    "ignore_rules",
    multiple=True,
    metavar="RULES",
    help="Do not report these rules or scorers (comma list; repeatable).",
)
@max_bytes_option
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="The name (and type, by suffix) of the draft read from '-' (stdin).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Worker processes (0: one per CPU).",
)
@corpus_index_option
@engine_options
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    min_level: str | None,
    fail_level: str | None,
    fail_under: float | None,
    exit_zero: bool,
    diff_base: str | None,
    root: Path | None,
    color_mode: str,
    show_settings: bool,
    quiet: bool,
    progress: bool | None,
    statistics: bool,
    select: tuple[str, ...],
    ignore_rules: tuple[str, ...],
    max_bytes: int | None,
    jobs: int,
    stdin_filename: str | None,
    corpus_index: Path | None,
    engine_opts: EngineOptions,
) -> int:
    """Check drafts (.md, .txt, .html; folders are walked; - is stdin) for sourcing.

    Exit status: 0 clean, 1 findings at or above --fail-level (default: error) or a score
    under --fail-under, 2 a usage, config or input error.
    """
    config = build_config(
        engine_opts,
        paths,
        max_bytes=max_bytes,
        min_level=min_level,
        fail_level=fail_level,
        fail_under=fail_under,
    )
    if show_settings:
        click.echo(settings_text(config, engine_opts, paths), nl=False, file=stdout())
        return 0
    engine = Engine(config)
    if corpus_index is not None:
        from sourcecheck.corpus.enricher import attach_corpus_index

        attach_corpus_index(engine, corpus_index)  # loaded here first: a bad index fails once
    warn_plugin_errors(engine.plugins)
    options = _options(config, paths, diff_base, stdin_filename)
    options = replace(options, select=_rule_list(select), ignore=_rule_list(ignore_rules))
    checker = Checker(engine, options, loaders_of(engine.plugins), corpus_index=corpus_index)
    with _FileProgress(_wants_progress(progress)) as bar:
        run = checker.run(paths, jobs or os.cpu_count() or 1, on_progress=bar.update)
    _report_problems(run, already_reported=engine.plugins.errors)
    if not run.files:
        warn(f"no drafts found (include: {', '.join(config.include)})")
    color = output is None and wants_color(color_mode)
    context = FormatContext(__version__, color, quiet=quiet, statistics=statistics)
    _write(run, fmt, output, context, root)
    return run.exit_code(exit_zero=exit_zero)


def _write(
    run: CheckRun, fmt: str, output: Path | None, context: FormatContext, root: Path | None
) -> None:
    """Render ``run`` in ``fmt`` to ``output`` or stdout."""
    if root is None:  # only SARIF and GitHub paths are repository-relative
        root = _repository_root() if fmt in ("sarif", "github") else Path.cwd()
    rendered = FORMATS[fmt](run, replace(context, root=root))
    if output is not None:
        write_output(output, rendered)
    else:
        click.echo(rendered, nl=False, color=context.color or None, file=stdout())


MIN_FILES_FOR_PROGRESS = 20


def _wants_progress(flag: bool | None) -> bool | None:
    """True or False when asked; None: decide by terminal and file count."""
    if flag is not None:
        return flag
    return None if sys.stderr.isatty() else False


class _FileProgress:
    """A bar of files checked, started once the number of files is known."""

    def __init__(self, wanted: bool | None) -> None:
        self.wanted = wanted
        self.bar: BatchProgress | None = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if self.wanted is False or (self.wanted is None and total < MIN_FILES_FOR_PROGRESS):
                self.wanted = False
                return
            self.bar = BatchProgress(True, total, "checking").__enter__()
        self.bar.advance(1)

    def __enter__(self) -> _FileProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _rule_list(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _options(
    config: Config, paths: tuple[str, ...], diff_base: str | None, stdin_filename: str | None
) -> CheckOptions:
    changed = None
    if diff_base is not None:
        named = [stdin_filename or "" if p == "-" else p for p in paths]
        changed = changed_lines(diff_base, [p for p in named if p])
    return CheckOptions(
        min_level=config.min_level,
        fail_level=config.fail_level,
        fail_under=config.fail_under,
        changed=changed,
        stdin_filename=stdin_filename,
    )


def _report_problems(run: CheckRun, already_reported: list[PluginError]) -> None:
    """Unreadable drafts and bad directives: one line each on stderr, whatever the format.

    Every report repeats the plugins that failed to load; those were warned about once
    already, so only the scorers that failed on this draft are named per draft.
    """
    for result in run.files:
        path = escape_controls(result.path)  # before one_line could read its newlines
        if result.error is not None:
            error(f"{path}: {result.error}")
        for note in result.notes:
            warn(f"{path}: {note}")
        if result.report is not None:
            for message in result.report.warnings:
                warn(f"{path}: {message}")
            for failure in result.report.errors:
                if failure in already_reported:
                    continue
                warn(f"{path}: scorer '{failure.plugin}' {failure.message}")


def _repository_root() -> Path:
    """The git top level of the working directory, else the working directory."""
    try:
        return git_toplevel(Path.cwd())
    except DiffError:
        return Path.cwd()
