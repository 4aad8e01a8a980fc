"""The ``sourcecheck`` command line. Each subcommand lives in its own module."""

from __future__ import annotations

import click

from sourcecheck._version import __version__
from sourcecheck.cli.batch import batch_command
from sourcecheck.cli.calibrate import calibrate_command
from sourcecheck.cli.check import check_command
from sourcecheck.cli.common import run_main
from sourcecheck.cli.compare import compare_command
from sourcecheck.cli.index import corroborate_command, index_command
from sourcecheck.cli.lsp import lsp_command
from sourcecheck.cli.new_scorer import new_scorer_command
from sourcecheck.cli.plugins_cmd import plugins_command
from sourcecheck.cli.rules_cmd import rule_command, rules_command
from sourcecheck.cli.schema_cmd import schema_command
from sourcecheck.cli.score import score_command
from sourcecheck.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sourcecheck")
def cli() -> None:
    """Score how well news articles source their claims."""


cli.add_command(score_command)
cli.add_command(plugins_command)
cli.add_command(rules_command)
cli.add_command(rule_command)
cli.add_command(schema_command)
cli.add_command(check_command)
cli.add_command(new_scorer_command)
cli.add_command(batch_command)
cli.add_command(compare_command)
cli.add_command(index_command)
cli.add_command(corroborate_command)
cli.add_command(calibrate_command)
cli.add_command(serve_command)
cli.add_command(lsp_command)


def main(argv: list[str] | None = None) -> int:
    return run_main(cli, argv)
