"""``sourcecheck rules`` lists every rule of every loaded scorer; ``sourcecheck rule ID``
explains one. Both print the scorers' Rule records, the same ones docs and SARIF use."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    EngineOptions,
    build_config,
    color_mode_of_context,
    color_option,
    engine_options,
    error,
    rich_console,
    stdout,
    warn_plugin_errors,
    write_output,
)
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.rules import (
    Rule,
    explanation_markdown,
    explanation_text,
    markdown_table,
    suppression_help,
    tabled_scorers,
    update_rule_tables,
)

_FORMATS = click.Choice(["text", "json", "markdown"])


def _format_option(help_text: str) -> Any:
    return click.option(
        "-f", "--format", "fmt", type=_FORMATS, default="text", show_default=True, help=help_text
    )


# The old spelling, kept hidden for a release: --format json is the one every command shares.
_json_alias = click.option("--json", "as_json", is_flag=True, hidden=True)


@click.command("rules")
@_format_option("text, json, or markdown (the rule tables the docs hold).")
@_json_alias
@color_option("the tables")
@click.option(
    "--update-doc",
    "docs",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Regenerate the rule tables in this Markdown file (blocks between "
    "'<!-- rules: SCORER -->' and '<!-- end rules -->'). Repeatable.",
)
@click.option(
    "--check",
    is_flag=True,
    help="With --update-doc: change nothing, exit 1 if a table is out of date.",
)
@engine_options
def rules_command(
    fmt: str,
    as_json: bool,
    color_mode: str,
    docs: tuple[Path, ...],
    check: bool,
    engine_opts: EngineOptions,
) -> int:
    """List every rule of every loaded scorer: id, default severity, configured level, summary."""
    engine = Engine(build_config(engine_opts))
    warn_plugin_errors(engine.plugins)
    if docs:
        return _update_docs(engine, docs, check)
    records = engine.rule_records(every_scorer=True)
    fmt = "json" if as_json else fmt
    if fmt == "json":
        rows = [_as_dict(engine, rule_id, rule) for rule_id, rule in records.items()]
        click.echo(json.dumps({"rules": rows}, indent=2, ensure_ascii=False), file=stdout())
    elif fmt == "markdown":
        sections = [f"## {name}\n\n{table}" for name, table in _tables(engine).items()]
        click.echo("\n".join(sections), nl=False, file=stdout())
    else:
        _console().print(_rule_table(engine, records))
    return EXIT_OK


@click.command("rule")
@click.argument("rule_id", metavar="ID")
@_format_option("text, json, or markdown.")
@_json_alias
@color_option("the explanation")
@engine_options
def rule_command(
    rule_id: str, fmt: str, as_json: bool, color_mode: str, engine_opts: EngineOptions
) -> int:
    """Explain one rule: what it flags, why it matters, an example, the fix, how to suppress.

    ID is a full rule id (anonymous_sources/no-reason) or, when only one scorer has it,
    the rule's own id (no-reason).
    """
    engine = Engine(build_config(engine_opts))
    warn_plugin_errors(engine.plugins)
    records = engine.rule_records(every_scorer=True)
    full_id = _resolve(rule_id, records)
    rule = records[full_id]
    fmt = "json" if as_json else fmt
    if fmt == "json":
        click.echo(
            json.dumps(_as_dict(engine, full_id, rule), indent=2, ensure_ascii=False), file=stdout()
        )
    elif fmt == "markdown":
        click.echo(explanation_markdown(full_id, rule), file=stdout())
    else:
        click.echo(explanation_text(full_id, rule), nl=False, file=stdout())
    return EXIT_OK


def _resolve(rule_id: str, records: dict[str, Rule]) -> str:
    if rule_id in records:
        return rule_id
    matches = [full for full in records if full.partition("/")[2] == rule_id]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise SourcecheckError(f"rule '{rule_id}' is ambiguous: {', '.join(matches)}")
    raise SourcecheckError(f"unknown rule '{rule_id}' ('sourcecheck rules' lists every rule)")


def _level(engine: Engine, rule_id: str, rule: Rule) -> str:
    """The level the config gives the rule, or its default; 'off' if its scorer is off."""
    scorer = rule_id.partition("/")[0]
    if scorer not in {s.name for s in engine.scorers}:
        return "off"
    return engine.config.rules.get(rule_id, rule.severity)


def _as_dict(engine: Engine, rule_id: str, rule: Rule) -> dict[str, Any]:
    return {
        "id": rule_id,
        "scorer": rule_id.partition("/")[0],
        "severity": rule.severity,
        "level": _level(engine, rule_id, rule),
        "summary": rule.summary,
        "details": rule.details,
        "why": rule.why,
        "example": rule.example,
        "fix": rule.fix,
        "suppress": [how for _, how in suppression_help(rule_id)],
    }


def _rule_table(engine: Engine, records: dict[str, Rule]) -> Table:
    table = Table(title="Rules", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("rule", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("level", no_wrap=True)
    table.add_column("summary")
    for rule_id, rule in records.items():
        level = _level(engine, rule_id, rule)
        shown = f"[dim]{level}[/]" if level == "off" else level
        table.add_row(rule_id, rule.severity, shown, escape(rule.summary))
    table.caption = "sourcecheck rule ID explains one."
    return table


def _tables(engine: Engine) -> dict[str, str]:
    """Each loaded scorer's rule table, in Markdown."""
    return {
        name: markdown_table(name, (scorer.rule(rule_id) for rule_id in scorer.rules))
        for name, scorer in sorted(engine.available_scorers.items())
    }


def _update_docs(engine: Engine, docs: Sequence[Path], check: bool) -> int:
    tables = _tables(engine)
    stale: list[str] = []
    for path in docs:
        text = path.read_text(encoding="utf-8")
        missing = [name for name in tabled_scorers(text) if name not in tables]
        if missing:
            error(f"{path}: no loaded scorer named {', '.join(missing)}")
            return EXIT_ERROR
        updated = update_rule_tables(text, tables)
        if updated == text:
            continue
        stale.append(str(path))
        if not check:
            write_output(path, updated)
    verb = "out of date" if check else "updated"
    for path_text in stale:
        click.echo(f"{path_text}: rule tables {verb}", err=True)
    return EXIT_FINDINGS if check and stale else EXIT_OK


def _console() -> Console:
    return rich_console(color_mode_of_context())  # type: ignore[no-any-return]
