"""``sourcecheck new-scorer NAME``: start a scorer plugin package that works right away."""

from __future__ import annotations

from pathlib import Path

import click

from sourcecheck.scaffold import check_name, create_package


@click.command("new-scorer")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the package in (created if missing).",
)
def new_scorer_command(name: str, directory: Path) -> int:
    """Create the plugin package sourcecheck-NAME with a working example scorer."""
    root = create_package(name, directory)
    names = check_name(name)
    click.echo(f"Created {root} (scorer '{names.name}', package {names.package}).")
    click.echo("Next:")
    click.echo(f"  cd {root}")
    click.echo("  python -m pip install -e '.[test]'")
    click.echo("  python -m pytest")
    click.echo(f"  sourcecheck plugins        # lists {names.name}")
    return 0
