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
@click.option(
    "--sourcecheck",
    "requirement",
    metavar="SPEC",
    default="",
    help="The package's dependency on sourcecheck (default: this release's git tag; for a "
    "local checkout: 'sourcecheck @ file:///path/to/sourcecheck').",
)
def new_scorer_command(name: str, directory: Path, requirement: str) -> int:
    """Create the plugin package sourcecheck-NAME with a working example scorer."""
    root = create_package(name, directory, requirement)
    names = check_name(name, requirement)
    click.echo(f"Created {root} (scorer '{names.name}', package {names.package}).")
    click.echo(f"It depends on: {names.values()['sourcecheck_requirement']}")
    click.echo("Next:")
    click.echo(f"  cd {root}")
    click.echo("  python -m pip install -e '.[test]'")
    click.echo("  python -m pytest")
    click.echo(f"  sourcecheck plugins        # lists {names.name}")
    return 0
