"""``sourcecheck schema``: print (or check) the JSON Schema of the report."""

from __future__ import annotations

from pathlib import Path

import click

from sourcecheck.cli.common import EXIT_ERROR, EXIT_OK, error
from sourcecheck.core.models import report_json_schema_text


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of stdout.",
)
@click.option(
    "--check",
    "check_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Exit 2 if this committed schema file differs from the current models.",
)
def schema_command(output: Path | None, check_path: Path | None) -> int:
    """The JSON Schema of the report (docs/report.schema.json is generated with this)."""
    text = report_json_schema_text()
    if check_path is not None:
        current = check_path.read_text(encoding="utf-8") if check_path.is_file() else ""
        if current != text:
            error(
                f"{check_path}: stale report schema; regenerate it with: sourcecheck schema -o {check_path}"
            )
            return EXIT_ERROR
        return EXIT_OK
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    return EXIT_OK
