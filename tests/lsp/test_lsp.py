"""`sourcecheck lsp` driven by a real LSP client (pygls') over a subprocess's stdio."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient

from sourcecheck.core.config import Config
from sourcecheck.lsp.server import create_server, rule_links

WAIT_SECONDS = 60  # the server imports sourcecheck and builds an engine first

DRAFT = """# Ferry fares to rise

Fares will rise by 8 percent in May, a company official said on Monday.

Officials said the increase could be the first of several.
"""


class Client(BaseLanguageClient):
    """Collects every publishDiagnostics, and lets a test wait for the next one."""

    def __init__(self) -> None:
        super().__init__("sourcecheck-test", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def next_diagnostics(self) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.published.get(), WAIT_SECONDS)


async def _session(root: Path, steps: Any) -> Any:
    client = Client()
    env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache")}  # the rules page goes there
    await client.start_io(sys.executable, "-m", "sourcecheck", "lsp", cwd=str(root), env=env)
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=root.as_uri(),
                    process_id=None,
                )
            ),
            WAIT_SECONDS,
        )
        client.initialized(types.InitializedParams())
        return await steps(client)
    finally:
        await asyncio.wait_for(client.shutdown_async(None), WAIT_SECONDS)
        client.exit(None)
        await client.stop()


def _open(client: Client, uri: str, text: str, language: str = "markdown") -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )


def _change(client: Client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def _by_code(params: types.PublishDiagnosticsParams) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in params.diagnostics}


def test_diagnostics_on_open_and_change_at_the_right_ranges(tmp_path: Path) -> None:
    (tmp_path / "sourcecheck.toml").write_text(
        '[rules]\n"hedging/writer-hedge" = "error"\n', encoding="utf-8"
    )
    uri = (tmp_path / "ferry.md").as_uri()
    changed = DRAFT + "\n😀 Critics reportedly want a delay.\n"

    async def steps(client: Client) -> tuple[Any, Any, Any]:
        _open(client, uri, DRAFT)
        opened = await client.next_diagnostics()
        _change(client, uri, changed, 2)
        updated = await client.next_diagnostics()
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=updated.diagnostics[0].range,
                context=types.CodeActionContext(diagnostics=updated.diagnostics),
            )
        )
        return opened, updated, actions

    opened, updated, actions = asyncio.run(_session(tmp_path, steps))

    assert opened.uri == uri
    officials = _by_code(opened)["anonymous_sources/no-reason"]
    assert officials.range.start == types.Position(line=4, character=0)  # "Officials", line 5
    assert officials.range.end == types.Position(line=4, character=9)
    assert officials.severity == types.DiagnosticSeverity.Warning
    assert officials.source == "sourcecheck"
    assert officials.code_description is not None
    href = officials.code_description.href
    assert href.startswith((tmp_path / "cache" / "sourcecheck").as_uri())
    assert href.endswith("#anonymous_sources/no-reason")
    assert "hedging/writer-hedge" not in _by_code(opened)
    # After the change: "reportedly" on line 7, after an emoji that counts as two UTF-16
    # units (LSP's default position encoding), at the level the project's config gives it.
    hedge = _by_code(updated)["hedging/writer-hedge"]
    assert hedge.range.start == types.Position(line=6, character=11)
    assert hedge.range.end == types.Position(line=6, character=21)
    assert hedge.severity == types.DiagnosticSeverity.Error
    assert updated.version == 2
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text.startswith("<!-- sourcecheck: disable-next-line ")
    assert edit.range.start.character == 0


def test_an_inline_suppression_removes_the_diagnostic(tmp_path: Path) -> None:
    uri = (tmp_path / "ferry.md").as_uri()
    suppressed = DRAFT.replace(
        "Officials", "<!-- sourcecheck: disable-next-line anonymous_sources -->\nOfficials"
    )

    async def steps(client: Client) -> tuple[Any, Any]:
        _open(client, uri, DRAFT)
        before = await client.next_diagnostics()
        _change(client, uri, suppressed, 2)
        return before, await client.next_diagnostics()

    before, after = asyncio.run(_session(tmp_path, steps))

    def anonymous_lines(params: types.PublishDiagnosticsParams) -> list[int]:
        return sorted(
            d.range.start.line
            for d in params.diagnostics
            if d.code == "anonymous_sources/no-reason"
        )

    assert anonymous_lines(before) == [2, 4]  # "a company official", "Officials"
    assert anonymous_lines(after) == [2]  # "Officials", now on line 6, is suppressed


def test_plain_text_is_checked_and_other_languages_are_not(tmp_path: Path) -> None:
    text_uri = (tmp_path / "ferry.txt").as_uri()
    python_uri = (tmp_path / "tool.py").as_uri()

    async def steps(client: Client) -> tuple[Any, Any]:
        _open(client, python_uri, "print('Officials said it could rain.')\n", "python")
        python = await client.next_diagnostics()
        _open(client, text_uri, DRAFT.replace("# ", ""), "plaintext")
        return python, await client.next_diagnostics()

    python, text = asyncio.run(_session(tmp_path, steps))

    assert list(python.diagnostics) == []
    assert "anonymous_sources/no-reason" in _by_code(text)


def test_rule_links_follow_a_template_or_a_local_page(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rules = {"hedging/weasel": "Words like <some say> hide the source."}

    templated = rule_links(rules, "https://wiki.example/rules/{rule}")
    local = rule_links(rules, None)

    assert templated == {"hedging/weasel": "https://wiki.example/rules/hedging/weasel"}
    page, anchor = local["hedging/weasel"].split("#")
    assert anchor == "hedging/weasel"
    written = Path(page.removeprefix("file://")).read_text(encoding="utf-8")
    assert 'id="hedging/weasel"' in written and "&lt;some say&gt;" in written


def test_server_builds_one_engine_per_config_file(tmp_path: Path) -> None:
    made: list[Path | None] = []

    def config_for(path: Path | None) -> Config:
        made.append(path)
        return Config()

    server = create_server(config_for)
    first, _ = server.checker(tmp_path / "a.md")
    second, _ = server.checker(tmp_path / "b.md")

    assert first is second
    assert made == [tmp_path / "a.md", tmp_path / "b.md"]
