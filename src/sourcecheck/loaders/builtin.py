"""The built-in loaders: plain text, Markdown with front matter, HTML, JSON and JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.lint.markdown import MarkdownProse, markdown_prose
from sourcecheck.lint.markdown import split_front_matter as split_front_matter
from sourcecheck.loaders.base import Loader, LoadResult, article_from_mapping, decode, require_text
from sourcecheck.plugins.hookspecs import hookimpl


class TextLoader(Loader):
    """Plain text; a short first line followed by a blank line is the title."""

    name = "text"
    suffixes = (".txt", ".text")

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        text = decode(data, source)
        require_text(text, source)
        title, body = split_title(text)
        yield Article(title=title, body=body, meta={"source": source})


def split_title(text: str) -> tuple[str, str]:
    first, sep, rest = text.partition("\n\n")
    if sep and "\n" not in first.strip() and len(first) <= 200 and rest.strip():
        return first.strip(), rest
    return "", text


class MarkdownLoader(Loader):
    """Markdown with optional YAML front matter (title, outlet, url, published, authors).

    The body is the prose only, at the same offsets as in the file (see
    :mod:`sourcecheck.lint.markdown`): markup, code and front matter become spaces, so
    every line and column a scorer reports points into the file. A leading level-1
    heading is the title (when the front matter has none) and is not body text.
    """

    name = "markdown"
    suffixes = (".md", ".markdown")

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
    suffixes = (".html", ".htm")

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        try:
            import trafilatura
        except ImportError:
            raise InputError(
                source, "HTML input needs the html extra: pip install 'sourcecheck[html]'"
            ) from None
        html = decode(data, source)
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if extracted is None:
            raise InputError(source, "no article text found in the HTML")
        fields = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = fields.get("text") or ""
        require_text(body, source)
        yield Article(
            title=fields.get("title") or "",
            body=body,
            url=fields.get("url"),
            outlet=fields.get("sitename"),
            authors=[a.strip() for a in (fields.get("author") or "").split(";") if a.strip()],
            meta={"source": source},
        )


class JsonLoader(Loader):
    """One article as a JSON object, or a JSON array of them."""

    name = "json"
    suffixes = (".json",)

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        text = decode(data, source)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"malformed JSON: {exc.msg}", exc.lineno) from None
        records = value if isinstance(value, list) else [value]
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                yield InputError(source, f"item {index} is not a JSON object")
                continue
            try:
                yield article_from_mapping(record, source)
            except InputError as error:
                yield error


class JsonLinesLoader(Loader):
    """One JSON object per line; a bad line is an error for that line only."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        text = decode(data, source)
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(source, f"malformed JSON: {exc.msg}", number)
                continue
            if not isinstance(record, dict):
                yield InputError(source, "line is not a JSON object", number)
                continue
            try:
                yield article_from_mapping(record, source, number)
            except InputError as error:
                yield error


@hookimpl
def sourcecheck_loaders() -> list[Loader]:
    return [TextLoader(), MarkdownLoader(), HtmlLoader(), JsonLoader(), JsonLinesLoader()]
