"""``sourcecheck plugins``: what is installed, what loaded, and what failed."""

from __future__ import annotations

import json

import click
from rich import box
from rich.table import Table

from sourcecheck.cli.common import (
    EngineOptions,
    build_config,
    color_option,
    engine_options,
    rich_console,
    stdout,
    text_or_json_option,
    warn_plugin_errors,
)
from sourcecheck.core.engine import Engine
from sourcecheck.loaders.base import Loader
from sourcecheck.plugins.manager import PluginInfo
from sourcecheck.reporters.base import Reporter

STATUS_STYLE = {"ok": "green", "failed": "red", "not loaded": "dim"}


@click.command("plugins")
@text_or_json_option("Tables, or machine-readable JSON.")
@color_option("the tables")
@click.option("--all", "show_all", is_flag=True, help="Include built-in plugins.")
@engine_options
def plugins_command(
    output_format: str,
    color_mode: str,
    show_all: bool,
    engine_opts: EngineOptions,
) -> int:
    """List plugins: name, version, distribution, hooks and status; and the scorers."""
    config = build_config(
        engine_opts,
    )
    engine = Engine(config)
    # Collect what the other hooks return, so a plugin returning junk shows as failed here.
    engine.plugins.collect("sourcecheck_loaders", Loader)
    engine.plugins.collect("sourcecheck_reporters", Reporter)
    warn_plugin_errors(engine.plugins)
    infos = [i for i in engine.plugins.infos if show_all or i.origin != "builtin"]
    scorers = {s.name: s.version for s in engine.available_scorers.values()}
    if output_format == "json":
        payload = {
            "plugins": [i.as_dict() for i in infos],
            "scorers": scorers,
            "scorer_plugins": engine.scorer_plugins,
        }
        click.echo(json.dumps(payload, indent=2), file=stdout())
        return 0
    console = rich_console(color_mode)
    if infos:
        console.print(_plugin_table(infos))
    else:
        console.print("No third-party plugins installed (use --all to list the built-ins).")
    console.print(_scorer_table(engine))
    return 0


def _plugin_table(infos: list[PluginInfo]) -> Table:
    table = Table(title="Plugins", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("plugin", "version", "distribution / file", "origin"):
        table.add_column(column, no_wrap=True)
    table.add_column("status", max_width=60)
    table.add_column("hooks", no_wrap=True)
    for info in infos:
        status = info.error or (f"{info.status} ({info.note})" if info.note else info.status)
        table.add_row(
            info.name,
            info.version or "",
            info.distribution or "",
            info.origin,
            f"[{STATUS_STYLE.get(info.status, '')}]{_escape(status)}[/]",
            ", ".join(h.removeprefix("sourcecheck_") for h in info.hooks),
        )
    return table


def _scorer_table(engine: Engine) -> Table:
    table = Table(title="Scorers", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("scorer", "version", "from plugin", "enabled"):
        table.add_column(column)
    running = {s.name for s in engine.scorers}
    for name, scorer in sorted(engine.available_scorers.items()):
        table.add_row(
            name,
            scorer.version,
            engine.scorer_plugins.get(name, ""),
            "yes" if name in running else "[dim]no[/]",
        )
    return table


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
