"""The built-in loaders: plain text, Markdown with front matter, HTML, JSON and JSONL."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.loaders.base import (
    JsonProblem,
    Loader,
    LoadResult,
    article_from_mapping,
    decode,
    decode_line,
    loads_json,
    not_utf8,
    refuse_binary,
    require_text,
)
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.prose import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from sourcecheck.prose.markdown import MarkdownProse, markdown_prose
from sourcecheck.prose.markdown import split_front_matter as split_front_matter


class TextLoader(Loader):
    """Plain text whose first line is the title (see :func:`split_title`)."""

    name = "text"
    suffixes = (".txt", ".text")

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        text = decode(data, source)
        require_text(text, source)
        title, body = split_title(text)
        require_text(body, source)
        yield Article(title=title, body=body, meta={"source": source})


MAX_TITLE_CHARS = 200
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'")


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)``: the first line is the title when it reads like one.

    It does when a blank line follows it, or when it is short and does not end like a
    sentence. A file that is one paragraph of prose keeps all its text as the body, so
    nothing a scorer should read is lost to the title.
    """
    start = len(text) - len(text.lstrip())
    first, newline, rest = text[start:].partition("\n")
    if not newline or not rest.strip() or len(first.strip()) > MAX_TITLE_CHARS:
        return "", text
    title = first.strip()
    followed_by_blank = rest.startswith("\n") or not rest.partition("\n")[0].strip()
    if followed_by_blank or not title.endswith(_SENTENCE_END):
        return title, rest.lstrip("\n")
    return "", text


class MarkdownLoader(Loader):
    """Markdown with optional YAML front matter (title, outlet, url, published, authors).

    The body is the prose only, at the same offsets as in the file (see
    :mod:`sourcecheck.prose.markdown`): markup, code and front matter become spaces, so
    every line and column a scorer reports points into the file. A leading level-1
    heading is the title (when the front matter has none) and is not body text.
    """

    name = "markdown"
    suffixes = MARKDOWN_SUFFIXES

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        yield self.load_text(decode(data, source), source)[0]

    def load_text(self, text: str, source: str) -> tuple[Article, MarkdownProse]:
        """The article of a decoded document, and the prose extraction behind it."""
        prose = markdown_prose(text, source)
        require_text(prose.body, source)
        record = {**prose.front_matter, "body": prose.body}
        if prose.title and not record.get("title"):
            record["title"] = prose.title
        return article_from_mapping(record, source), prose


class HtmlLoader(Loader):
    """HTML pages: the article text is extracted with trafilatura (``sourcecheck[html]``)."""

    name = "html"
    suffixes = HTML_SUFFIXES

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        try:
            import trafilatura
        except ImportError:
            raise InputError(
                source, "HTML input needs the html extra: pip install 'sourcecheck[html]'"
            ) from None
        html = decode(data, source)
        require_text(html, source)
        # trafilatura logs parse trouble; our one-line InputError says it instead.
        logging.getLogger("trafilatura").addHandler(logging.NullHandler())
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if extracted is None:
            raise InputError(source, "no article text found in the HTML")
        fields = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = fields.get("text") or ""
        if not body.strip():
            raise InputError(source, "no article text found in the HTML")
        yield Article(
            title=fields.get("title") or "",
            body=body,
            url=fields.get("url"),
            outlet=fields.get("sitename"),
            authors=[a.strip() for a in (fields.get("author") or "").split(";") if a.strip()],
            language=fields.get("language") or None,
            meta={"source": source},
        )


class JsonLoader(Loader):
    """One article as a JSON object, or a JSON array of them."""

    name = "json"
    suffixes = (".json",)
    collection = True

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        text = decode(data, source)
        try:
            value = loads_json(text)
        except JsonProblem as problem:
            raise InputError(source, problem.located(), problem.line) from None
        if isinstance(value, dict):
            yield _record_article(value, source)
            return
        if not isinstance(value, list):
            raise InputError(source, f"expected a JSON object or array, got {_json_type(value)}")
        if not value:
            raise InputError(source, "empty JSON array: no articles")
        for index, record in enumerate(value):
            yield _record_article(record, source, where=f"item {index}: ")


class JsonLinesLoader(Loader):
    """One JSON object per line; a bad line is an error for that line only."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")
    collection = True

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        refuse_binary(data, source)
        found_any = False
        for number, raw in enumerate(data.split(b"\n"), start=1):
            try:  # line by line: an invalid byte loses its line, not the whole file
                line = decode_line(raw, number)
            except UnicodeDecodeError as exc:
                found_any = True
                yield InputError(source, not_utf8(exc), number)
                continue
            if not line.strip():
                continue
            found_any = True
            try:
                record = loads_json(line)
            except JsonProblem as problem:
                yield InputError(source, problem.located(), number)
                continue
            yield _record_article(record, source, line=number)
        if not found_any:
            yield InputError(source, "only blank lines: no articles")


def _record_article(
    record: object, source: str, *, line: int | None = None, where: str = ""
) -> LoadResult:
    """The article of one JSON record, or the error saying why it is not one."""
    if not isinstance(record, dict):
        return InputError(source, f"{where}expected a JSON object, got {_json_type(record)}", line)
    try:
        return article_from_mapping(record, source, line)
    except InputError as error:
        return InputError(source, f"{where}{error.problem}", line) if where else error


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


@hookimpl
def sourcecheck_loaders() -> list[Loader]:
    return [TextLoader(), MarkdownLoader(), HtmlLoader(), JsonLoader(), JsonLinesLoader()]
