"""``sourcecheck schema``: print (or check) the JSON Schema of the report."""

from __future__ import annotations

from pathlib import Path

import click

from sourcecheck.cli.common import EXIT_ERROR, EXIT_OK, error, write_output
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
        return _check(check_path, text)
    if output is not None:
        write_output(output, text)
    else:
        click.echo(text, nl=False)
    return EXIT_OK


def _check(path: Path, schema: str) -> int:
    """EXIT_OK when the committed schema at ``path`` is the current one."""
    regenerate = f"regenerate it with: sourcecheck schema -o {path}"
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        error(f"{path}: no such file; {regenerate}")
        return EXIT_ERROR
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        error(f"{path}: cannot read the schema: {reason}")
        return EXIT_ERROR
    if current != schema:
        error(f"{path}: stale report schema; {regenerate}")
        return EXIT_ERROR
    return EXIT_OK
