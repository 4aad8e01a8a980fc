"""Reading one draft: the article the engine scores, plus what it takes to point back.

Markdown and HTML drafts are read here rather than through the generic loader hook,
because a linter needs more than the article: where each body character sits in the file
and the suppression comments. Other file types go through the loader plugins, and their
positions are recovered by finding the body in the file text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.lint.suppressions import Suppressions, parse_suppressions
from sourcecheck.loaders.base import (
    STDIN,
    Loader,
    decode,
    pick_loader,
    read_input,
    require_text,
)
from sourcecheck.loaders.builtin import MarkdownLoader
from sourcecheck.prose import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from sourcecheck.prose.html import html_prose
from sourcecheck.prose.markdown import Comment
from sourcecheck.prose.positions import BodyMap, SourceMap


@dataclass
class Draft:
    path: str
    article: Article
    body_map: BodyMap
    source: SourceMap
    suppressions: Suppressions


def read_drafts(
    path: str, loaders: Iterable[Loader], max_bytes: int, name: str | None = None
) -> Iterator[Draft]:
    """The draft(s) in one file; raises :class:`InputError` when it cannot be read.

    ``path`` is read ('-' is stdin); ``name`` is what the draft is called in output and
    decides its type (``--stdin-filename``), and defaults to ``path``.
    """
    data = read_input(path, max_bytes)
    named = name or path
    yield from drafts_of_bytes(data, named, loaders, sniff=named == STDIN)


def drafts_of_bytes(
    data: bytes, path: str, loaders: Iterable[Loader], *, sniff: bool = False
) -> Iterator[Draft]:
    """The draft(s) in ``data``, named ``path`` (whose suffix gives the type unless
    ``sniff``); raises :class:`InputError` when the bytes are not a readable draft.

    The file-less half of :func:`read_drafts`, for drafts that arrive over HTTP or an
    editor's language server.
    """
    text = decode(data, path)
    raw = _raw_text(data)
    source = SourceMap(text, raw)
    suffix = _sniff(text) if sniff else Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        article, prose = MarkdownLoader().load_text(text, path)
        yield _draft(path, article, BodyMap(), source, prose.comments)
    elif suffix in HTML_SUFFIXES:
        yield _html_draft(path, text, source)
    else:
        yield from _loader_drafts(path, data, text, source, loaders)


def _sniff(text: str) -> str:
    """The type of an unnamed draft on stdin: HTML if it opens with a tag, else Markdown."""
    return ".html" if text.lstrip().startswith("<") else ".md"


def _raw_text(data: bytes) -> str:
    # decode() already proved the bytes are UTF-8; keep the BOM and CRs for raw offsets.
    return data.decode("utf-8")


def _draft(
    path: str, article: Article, body_map: BodyMap, source: SourceMap, comments: list[Comment]
) -> Draft:
    article.meta.setdefault("source", path)
    return Draft(path, article, body_map, source, parse_suppressions(comments, source))


def _html_draft(path: str, text: str, source: SourceMap) -> Draft:
    prose = html_prose(text)
    require_text(prose.body, path)
    article = Article(title=prose.title, body=prose.body, meta={"source": path})
    return _draft(path, article, BodyMap(offsets=prose.offsets), source, prose.comments)


def _loader_drafts(
    path: str, data: bytes, text: str, source: SourceMap, loaders: Iterable[Loader]
) -> Iterator[Draft]:
    loader = pick_loader(path, data, loaders)
    for item in loader.load(data, path):
        if isinstance(item, InputError):
            raise item
        yield _draft(path, item, BodyMap(shift=_body_shift(text, item.body)), source, [])


def _body_shift(text: str, body: str) -> int:
    """Where the body starts in the file text (plain text: after a title line)."""
    if text.endswith(body):
        return len(text) - len(body)
    found = text.find(body)
    return max(found, 0)
