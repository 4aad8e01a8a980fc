"""The language server: `check` findings as diagnostics, in any editor with an LSP client.

On open, change and save of a Markdown or text document, the document's current text (not
the file on disk) goes through the same machinery as ``sourcecheck check``: the nearest
config file to the document, its rule levels and ``min_level``, and the inline suppression
comments. Each finding becomes a diagnostic: severity mapped, the rule id as ``code``, and
a link to the rule's explanation as ``codeDescription``. A quick fix inserts a
``disable-next-line`` comment above a finding in Markdown.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace.text_document import TextDocument

from sourcecheck import __version__
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.lint.drafts import drafts_of_bytes
from sourcecheck.lint.runner import Checker, CheckOptions, LintFinding
from sourcecheck.loaders.base import Loader

log = logging.getLogger("sourcecheck.lsp")

SOURCE = "sourcecheck"
LANGUAGES = {"markdown": ".md", "plaintext": ".txt", "text": ".txt"}
SUFFIXES = (".md", ".markdown", ".txt", ".text")
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
}

#: How a document's config is found: a config from ``--config`` and the flags for every
#: document, else the nearest config file to the document.
ConfigFor = Callable[[Path | None], Config]


class SourcecheckServer(LanguageServer):
    def __init__(self, config_for: ConfigFor, rules_url: str | None = None) -> None:
        super().__init__(
            "sourcecheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.config_for = config_for
        self.rules_url = rules_url
        self._checkers: dict[str, tuple[Checker, dict[str, str]]] = {}

    def checker(self, path: Path | None) -> tuple[Checker, dict[str, str]]:
        """The checker for a document (one engine per config file), and its rule links."""
        config = self.config_for(path)
        key = str(config.path) if config.path else ""
        if key not in self._checkers:
            engine = Engine(config)
            options = CheckOptions(
                min_level=config.min_level,
                fail_level=config.fail_level,
                fail_under=config.fail_under,
            )
            loaders = engine.plugins.collect("sourcecheck_loaders", Loader)
            links = rule_links(engine.rules(), self.rules_url)
            self._checkers[key] = (Checker(engine, options, loaders), links)
        return self._checkers[key]


def rule_links(rules: dict[str, str], template: str | None) -> dict[str, str]:
    """A URL explaining each rule: ``template`` with ``{rule}`` filled in, or else an HTML
    page of every rule written once to the user's cache folder (offline, like the rest)."""
    if template:
        return {rule: template.replace("{rule}", rule) for rule in rules}
    page = _rules_page_path(rules)
    if not page.exists():
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_rules_page(rules), encoding="utf-8")
    return {rule: f"{page.as_uri()}#{rule}" for rule in rules}


def _rules_page_path(rules: dict[str, str]) -> Path:
    import hashlib
    import os

    digest = hashlib.sha1(repr(sorted(rules.items())).encode(), usedforsecurity=False)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "sourcecheck" / f"rules-{digest.hexdigest()[:12]}.html"


def _rules_page(rules: dict[str, str]) -> str:
    items = "".join(
        f'<dt id="{html.escape(rule)}"><code>{html.escape(rule)}</code></dt>'
        f"<dd>{html.escape(text)}</dd>"
        for rule, text in sorted(rules.items())
    )
    return (
        '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>sourcecheck rules</title>'
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;"
        "padding:0 1rem}dt{margin-top:1rem;font-weight:600}:target{background:#fff4c2}</style>"
        f"<h1>sourcecheck rules</h1><dl>{items}</dl></html>\n"
    )


def document_name(document: TextDocument) -> str | None:
    """The file name to check the document as (its suffix picks the reader), or None when
    it is neither Markdown nor text."""
    path = to_fs_path(document.uri) or document.uri
    if path.lower().endswith(SUFFIXES):
        return path
    suffix = LANGUAGES.get(document.language_id or "")
    return None if suffix is None else f"{path}{suffix}"


def diagnostics_for(server: SourcecheckServer, document: TextDocument) -> list[types.Diagnostic]:
    name = document_name(document)
    if name is None:
        return []
    path = to_fs_path(document.uri)
    try:
        checker, links = server.checker(Path(path) if path else None)
        drafts = list(drafts_of_bytes(document.source.encode("utf-8"), name, checker.loaders))
        results = [checker.check_draft(draft) for draft in drafts]
    except SourcecheckError as exc:  # an empty draft, a bad config: said once, as a warning
        return [_problem(str(exc))]
    return [
        _diagnostic(document, finding, links) for result in results for finding in result.findings
    ]


def _diagnostic(
    document: TextDocument, finding: LintFinding, links: dict[str, str]
) -> types.Diagnostic:
    link = links.get(finding.rule)
    return types.Diagnostic(
        range=_range(document, finding),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


def _range(document: TextDocument, finding: LintFinding) -> types.Range:
    """The finding's region, 0-based, in the units the client asked for (UTF-16 by
    default: an emoji before a finding moves its column by two, not one)."""
    region = finding.region
    if region is None:  # about the whole draft: its first line
        line, column, end_line, end_column = 1, 1, 1, 1
    else:
        line, column = region.line, region.column
        end_line, end_column = region.end_line, region.end_column
    code_points = types.Range(
        start=types.Position(line=line - 1, character=column - 1),
        end=types.Position(line=end_line - 1, character=end_column - 1),
    )
    return document.range_to_client_units(code_points)


def _problem(message: str) -> types.Diagnostic:
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=message,
        severity=types.DiagnosticSeverity.Warning,
        source=SOURCE,
    )


def quick_fixes(
    document: TextDocument, diagnostics: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    """For each sourcecheck diagnostic in a Markdown document: a comment that disables its
    rule on the line below, indented like that line."""
    name = document_name(document)
    if name is None or not name.lower().endswith((".md", ".markdown")):
        return []  # plain text has no comments to suppress with
    actions = []
    for diagnostic in diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str):
            continue
        line = diagnostic.range.start.line
        text = document.lines[line] if line < len(document.lines) else ""
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        comment = f"{indent}<!-- sourcecheck: disable-next-line {diagnostic.code} -->\n"
        at = types.Position(line=line, character=0)
        edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)
        actions.append(
            types.CodeAction(
                title=f"Disable {diagnostic.code} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={document.uri: [edit]}),
            )
        )
    return actions


def create_server(config_for: ConfigFor, rules_url: str | None = None) -> SourcecheckServer:
    server = SourcecheckServer(config_for, rules_url)

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        found = diagnostics_for(server, document)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version)
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        document = server.workspace.get_text_document(params.text_document.uri)
        return quick_fixes(document, params.context.diagnostics)

    return server
