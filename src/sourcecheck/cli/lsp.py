"""``sourcecheck lsp``: check findings as diagnostics in any editor (a language server)."""

from __future__ import annotations

from pathlib import Path

import click

from sourcecheck.cli.common import (
    MODEL_META_KEY,
    EngineOptions,
    build_config,
    engine_options,
    stdout,
)
from sourcecheck.core.config import Config


@click.command("lsp")
@click.option(
    "--rules-url",
    default=None,
    metavar="TEMPLATE",
    help="Where each rule is explained, {rule} standing for its id (default: a page of every "
    "rule written to the user's cache folder).",
)
@engine_options
def lsp_command(rules_url: str | None, engine_opts: EngineOptions) -> None:
    """Serve diagnostics over stdio to an editor's language client (Markdown and text).

    Each document is checked with the config file nearest to it (or --config), its rule
    levels and inline suppressions. Needs the lsp extra: pip install 'sourcecheck[lsp]'.
    """
    from sourcecheck.lsp.server import create_server

    # Read now: the server answers outside this command's click context.
    model = click.get_current_context().meta.get(MODEL_META_KEY)

    def config_for(path: Path | None) -> Config:
        return build_config(engine_opts, [str(path)] if path else [], model=model)

    config_for(None)  # a broken --config or flag fails here, in one line, not in the editor
    # stdout is the protocol channel: the reserved one, which plugin prints cannot reach.
    create_server(config_for, rules_url).start_io(stdout=stdout().buffer)
