"""``sourcecheck plugins``: what is installed, what loaded, and what failed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sourcecheck.cli.common import build_config, engine_options, warn
from sourcecheck.core.engine import Engine


@click.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--all", "show_all", is_flag=True, help="Include built-in plugins.")
@engine_options
def plugins_command(
    as_json: bool,
    show_all: bool,
    config_path: Path | None,
    plugins_dirs: tuple[Path, ...],
    strict: bool | None,
    enable: str | None,
    disable: str | None,
) -> int:
    """List plugins: name, version, distribution, hooks and status."""
    config = build_config(
        config_path, plugins_dirs=plugins_dirs, strict=strict, enable=enable, disable=disable
    )
    engine = Engine(config)
    for plugin_error in engine.plugins.errors:
        warn(f"plugin '{plugin_error.plugin}' {plugin_error.message}")
    infos = [i for i in engine.plugins.infos if show_all or i.origin != "builtin"]
    scorers = {s.name: s.version for s in engine.available_scorers.values()}
    if as_json:
        payload = {"plugins": [i.as_dict() for i in infos], "scorers": scorers}
        click.echo(json.dumps(payload, indent=2))
        return 0
    if not infos:
        click.echo("No third-party plugins installed (use --all to list the built-ins).")
    for info in infos:
        version = f" {info.version}" if info.version else ""
        dist = f" [{info.distribution}]" if info.distribution else ""
        status = info.error or info.status
        click.echo(f"{info.name}{version}{dist} ({info.origin}) {status}")
        if info.hooks:
            click.echo(f"    hooks: {', '.join(info.hooks)}")
    click.echo(f"scorers: {', '.join(f'{n} {v}' for n, v in sorted(scorers.items()))}")
    return 0
