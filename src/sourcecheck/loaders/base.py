"""What a loader is, and the checks every input goes through before it becomes an Article."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError

from sourcecheck.core.errors import InputError, first_problem
from sourcecheck.core.inputs import has_surrogate, text_problem
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
    #: A file of many articles (JSON array, JSONL): the size limit applies to each
    #: article's text rather than to the whole file, so a corpus is not refused.
    collection: ClassVar[bool] = False

    def load(self, data: bytes, source: str) -> Iterator[LoadResult]:
        raise NotImplementedError


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (BOM tolerated), or an InputError saying why the bytes are not text."""
    refuse_binary(data, source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_binary(data: bytes, source: str) -> None:
    """An InputError when the bytes are UTF-16 or binary rather than UTF-8 text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Checked before the NUL test: UTF-16 is text, just not in the encoding we read.
        raise InputError(source, "UTF-16 text: sourcecheck reads UTF-8 (save the file as UTF-8)")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")


def decode_line(raw: bytes, number: int) -> str:
    """Line ``number`` (from 1) of a file as UTF-8; a BOM is allowed on the first line.

    Raises UnicodeDecodeError: a collection decoded line by line loses one bad line to an
    invalid byte, not the whole file.
    """
    return raw.decode("utf-8-sig" if number == 1 else "utf-8")


def not_utf8(exc: UnicodeDecodeError) -> str:
    """The one-line problem of a line that is not UTF-8."""
    return f"not UTF-8 text (invalid byte 0x{exc.object[exc.start]:02x} at column {exc.start + 1})"


class JsonProblem(ValueError):
    """Why a JSON text could not be read: ``msg`` for a one-line error, and where."""

    def __init__(self, msg: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(msg)
        self.msg, self.line, self.column = msg, line, column

    def located(self) -> str:
        """``msg`` with its column, when known: 'malformed JSON: ... (column 5)'."""
        return f"{self.msg} (column {self.column})" if self.column is not None else self.msg


def loads_json(text: str | bytes) -> Any:
    """``json.loads``, with every way an input can fail it raised as a :class:`JsonProblem`.

    Besides malformed JSON, a hostile record can nest deeper than the parser recurses or
    hold an integer of more digits than Python converts: each is one bad record, never a
    reason to stop a corpus.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"malformed JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonProblem("JSON nested too deeply to read") from None
    except ValueError as exc:  # int(): "Exceeds the limit (4300 digits) for integer ..."
        reason = "a number with too many digits" if "digits" in str(exc) else str(exc)
        raise JsonProblem(f"unreadable JSON: {reason}") from None


def require_text(body: str, source: str, line: int | None = None) -> None:
    """An InputError when ``body`` is not text to score (empty, whitespace, NULs)."""
    problem = text_problem(body)
    if problem is not None:
        raise InputError(source, problem, line)


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
    unpaired = next((key for key, value in data.items() if has_surrogate(value)), None)
    if unpaired is not None:
        # JSON can spell one ("\\ud800"): not Unicode, and no UTF-8 output could hold it.
        key = text_key if unpaired == "body" else fields.get(unpaired, unpaired)
        raise InputError(source, f"field '{key}' holds an unpaired surrogate, not text", line)
    data["meta"] = {k: v for k, v in record.items() if k not in used and k != "meta"}
    if isinstance(record.get("meta"), dict):
        data["meta"].update(record["meta"])
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        key, first = first_problem(exc)
        raise InputError(source, f"field '{key}': {first['msg']}", line) from None


def read_input(path: str, max_bytes: int | None) -> bytes:
    """The bytes of a file (or stdin for '-'), refusing what is missing or too large.

    ``max_bytes=None`` reads without a limit (collections, checked per article instead).
    """
    if path == STDIN:
        data = (
            sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)
        )
    else:
        data = _read_file(path, max_bytes)
    if len(data) == 0:
        raise InputError(path, "empty file")
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(path, f"larger than the size limit of {max_bytes:,} bytes (max_bytes)")
    return data


def _read_file(path: str, max_bytes: int | None) -> bytes:
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file")
    if file.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        # Non-blocking, so that opening a FIFO returns at once instead of waiting for a
        # writer; its type is then checked on the open file, which cannot change under us.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        refuse_special(os.fstat(fd).st_mode, path)
        try:
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """What kind of special file ``mode`` is ('a named pipe (FIFO)'), or None for a file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), "a special file")


def refuse_special(mode: int, path: str) -> None:
    """An InputError for anything but a regular file: a FIFO or a device would hang the
    read or never end (/dev/zero). Pipe data in through '-' instead."""
    kind = special_kind(mode)
    if kind is not None:
        raise InputError(path, f"is {kind}, not a regular file (read a pipe with '-')")


def pick_loader(path: str, data: bytes, loaders: Iterable[Loader]) -> Loader:
    by_suffix = {suffix: loader for loader in loaders for suffix in loader.suffixes}
    suffix = Path(path).suffix.lower() if path != STDIN else _sniff(data)
    if suffix not in by_suffix:
        known = ", ".join(sorted(by_suffix))
        raise InputError(path, f"unknown file type '{suffix or '(none)'}' (known: {known})")
    return by_suffix[suffix]


def loader_for_suffix(path: str, loaders: Iterable[Loader]) -> Loader | None:
    """The loader claiming the file's suffix, or None (unknown suffix, or stdin)."""
    if path == STDIN:
        return None
    suffix = Path(path).suffix.lower()
    return next((loader for loader in loaders if suffix in loader.suffixes), None)


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return ".jsonl" if data.strip().count(b"\n") and head == b"{" else ".json"
    if head == b"<":
        return ".html"
    if data.startswith(b"---"):
        return ".md"
    return ".txt"


def load_path(path: str, loaders: Iterable[Loader], max_bytes: int | None) -> Iterator[LoadResult]:
    """Every article in one input, with errors yielded in place of what could not load.

    ``max_bytes`` limits a single-article file; in a collection (JSON, JSONL) it limits
    each article's text, so a large corpus file still loads.
    """
    loaders = list(loaders)
    known = loader_for_suffix(path, loaders)
    # stdin has no suffix: read it whole, then sniff; the limit is applied below.
    file_limit = None if path == STDIN or (known is not None and known.collection) else max_bytes
    try:
        data = read_input(path, file_limit)
        loader = known or pick_loader(path, data, loaders)
        if not loader.collection and max_bytes is not None and len(data) > max_bytes:
            raise InputError(path, f"larger than the size limit of {max_bytes:,} bytes (max_bytes)")
    except InputError as error:
        yield error
        return
    try:
        for item in loader.load(data, path):
            yield _within_limit(item, path, max_bytes) if loader.collection else item
    except InputError as error:
        yield error
    except Exception as exc:  # a loader's bug (a plugin's, or ours) loses this input only
        yield InputError(path, f"could not be read: {type(exc).__name__}: {exc}")


def _within_limit(item: LoadResult, source: str, max_bytes: int | None) -> LoadResult:
    if max_bytes is None or isinstance(item, InputError):
        return item
    problem = over_limit(item, max_bytes)
    return item if problem is None else InputError(source, problem)


def over_limit(article: Article, max_bytes: int) -> str | None:
    """Why the article's text is over ``max_bytes`` (UTF-8 bytes), or None when it is not."""
    body = article.body
    if len(body) * 4 <= max_bytes:  # no character takes more than 4 bytes: skip encoding
        return None
    size = len(body.encode("utf-8"))
    if size <= max_bytes:
        return None
    return (
        f"article '{article.id}' text is {size:,} bytes, over the size limit of "
        f"{max_bytes:,} bytes (max_bytes)"
    )
