"""What a loader is, and the checks every input goes through before it becomes an Article."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article

LoadResult = Article | InputError

ARTICLE_FIELDS = {"id", "title", "outlet", "url", "published", "authors", "language", "meta"}
TEXT_FIELDS = ("body", "text", "content")
STDIN = "-"


class Loader:
    """Turns the bytes of one input into articles (or per-item errors, never exceptions).

    Yielding an :class:`InputError` instead of raising lets a JSONL file with one bad line
    still deliver every good one.
    """

    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        raise NotImplementedError


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (BOM tolerated), or an InputError saying why the bytes are not text."""
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(body: str, source: str, line: int | None = None) -> None:
    if not body.strip():
        raise InputError(source, "empty article text", line)


def article_from_mapping(
    record: Mapping[str, Any],
    source: str,
    line: int | None = None,
    fields: Mapping[str, str] | None = None,
) -> Article:
    """An Article from a JSON/CSV record: text in ``body``/``text``/``content``, rest in meta.

    ``fields`` maps Article field names to the record's column names (``--text-field``...).
    """
    fields = fields or {}
    text_keys = (fields["body"],) if "body" in fields else TEXT_FIELDS
    text_key = next((k for k in text_keys if k in record), None)
    if text_key is None:
        raise InputError(source, f"missing text field (one of: {', '.join(text_keys)})", line)
    body = record[text_key]
    if not isinstance(body, str):
        raise InputError(source, f"field '{text_key}' is {type(body).__name__}, not text", line)
    require_text(body, source, line)
    data: dict[str, Any] = {"body": body.replace("\r\n", "\n"), "meta": {}}
    used = {text_key}
    for name in ARTICLE_FIELDS - {"meta"}:
        key = fields.get(name, name)
        if key in record and record[key] not in (None, ""):
            data[name] = record[key]
            used.add(key)
    if isinstance(data.get("authors"), str):
        data["authors"] = [a.strip() for a in data["authors"].split(",") if a.strip()]
    if "id" in data:
        data["id"] = str(data["id"])
    data["meta"] = {k: v for k, v in record.items() if k not in used and k != "meta"}
    if isinstance(record.get("meta"), dict):
        data["meta"].update(record["meta"])
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise InputError(source, f"field '{key}': {first['msg']}", line) from None


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of a file (or stdin for '-'), refusing what is missing or too large."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(path, "no such file")
        if file.is_dir():
            raise InputError(path, "is a directory, not a file")
        try:
            with file.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise InputError(path, f"larger than the size limit of {max_bytes:,} bytes (max_bytes)")
    return data


def pick_loader(path: str, data: bytes, loaders: Iterable[Loader]) -> Loader:
    by_suffix = {suffix: loader for loader in loaders for suffix in loader.suffixes}
    suffix = Path(path).suffix.lower() if path != STDIN else _sniff(data)
    if suffix not in by_suffix:
        known = ", ".join(sorted(by_suffix))
        raise InputError(path, f"unknown file type '{suffix or '(none)'}' (known: {known})")
    return by_suffix[suffix]


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return ".jsonl" if data.strip().count(b"\n") and head == b"{" else ".json"
    if head == b"<":
        return ".html"
    if data.startswith(b"---"):
        return ".md"
    return ".txt"


def load_path(path: str, loaders: Iterable[Loader], max_bytes: int) -> Iterator[LoadResult]:
    """Every article in one input, with errors yielded in place of what could not load."""
    try:
        data = read_input(path, max_bytes)
        loader = pick_loader(path, data, loaders)
    except InputError as error:
        yield error
        return
    try:
        yield from loader.load(data, path)
    except InputError as error:
        yield error
