"""Streaming readers: JSONL, CSV, Parquet, JSON and folders of files -> articles.

Every reader yields one item at a time, so a corpus of any size is read in constant memory
(a single ``.json`` array and single-article files such as ``.md`` are read whole: they are
one document). A record that cannot become an article is yielded as a :class:`BadRecord`
with a stable id, so it is written as a failed row and skipped on resume like any other.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecheck.core.errors import InputError
from sourcecheck.core.inputs import has_surrogate
from sourcecheck.core.models import Article
from sourcecheck.loaders.base import (
    STDIN,
    JsonProblem,
    Loader,
    article_from_mapping,
    decode_line,
    load_path,
    loads_json,
    not_utf8,
    over_limit,
    special_kind,
)
from sourcecheck.loaders.gitignore import walk_files

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (*JSONL_SUFFIXES, ".csv", ".tsv", ".parquet", ".json")
PARQUET_BATCH_ROWS = 512

# Article field -> CLI flag: what ``--id-field`` and friends map.
MAPPABLE_FIELDS = ("id", "body", "title", "outlet", "published", "url", "authors", "language")


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input record that could not be read. ``id`` is stable across runs."""

    id: str
    error: str
    source: str
    outlet: str | None = None


Item = Article | BadRecord


def read_articles(
    inputs: Iterable[str | Path],
    fields: Mapping[str, str] | None = None,
    loaders: list[Loader] | None = None,
    max_bytes: int = 2_000_000,
    *,
    exclude: Iterable[Path] = (),
) -> Iterator[Item]:
    """Every article of every input (files, folders, ``-`` for JSONL on stdin), in order.

    An article whose text is over ``max_bytes`` is a BadRecord: in a table or JSONL file
    the limit applies to each article, as it does to a whole single-article file. Files
    at or under an ``exclude`` path (the run's own output) are never read from a folder.
    """
    fields = dict(fields or {})
    if loaders is None:
        from sourcecheck.loaders.builtin import sourcecheck_loaders

        loaders = sourcecheck_loaders()
    skip = [path.resolve() for path in exclude]
    for item in _read_inputs(inputs, fields, loaders, max_bytes, skip):
        yield within_limit(item, max_bytes)


def within_limit(item: Item, max_bytes: int) -> Item:
    """``item``, or a BadRecord when it is an article whose text is over ``max_bytes``."""
    if isinstance(item, BadRecord):
        return item
    problem = over_limit(item, max_bytes)
    if problem is None:
        return item
    source = str(item.meta.get("source") or item.id)
    return BadRecord(id=item.id, error=f"{source}: {problem}", source=source, outlet=item.outlet)


def _read_inputs(
    inputs: Iterable[str | Path],
    fields: dict[str, str],
    loaders: list[Loader],
    max_bytes: int,
    skip: list[Path],
) -> Iterator[Item]:
    for raw in inputs:
        path = str(raw)
        if path == STDIN:
            # The bytes, not sys.stdin: its text layer may turn invalid UTF-8 into surrogates.
            yield from _jsonl_lines(sys.stdin.buffer, STDIN, fields)
        elif Path(path).is_dir():
            for file in iter_folder(Path(path), loaders, skip):
                yield from _read_file(str(file), fields, loaders, max_bytes)
        else:
            yield from _read_file(path, fields, loaders, max_bytes)


def engine_loaders(engine: Any) -> list[Loader]:
    """The input loaders an engine's plugins provide (built-ins and third-party)."""
    return [
        loader for _, found in engine.plugins.call_each("sourcecheck_loaders") for loader in found
    ]


def iter_folder(
    folder: Path, loaders: list[Loader] | None = None, exclude: Iterable[Path] = ()
) -> Iterator[Path]:
    """Files under ``folder`` that some reader understands, sorted so runs are repeatable.

    Files at or under an ``exclude`` path are left out: a run's own results (and their
    ``.meta.json``) inside the folder it reads are not input.
    """
    known = set(TABLE_SUFFIXES) | {s for loader in loaders or [] for s in loader.suffixes}
    skip = [path.resolve() for path in exclude]
    for file in walk_files(folder):  # what .gitignore ignores is skipped, as git does
        readable = file.suffix.lower() in known and not file.name.startswith(".")
        if readable and not (skip and is_under(file, skip)):
            yield file


def is_under(path: Path, roots: list[Path]) -> bool:
    """Whether ``path`` (resolved) is one of ``roots`` (resolved) or inside one."""
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def _read_file(
    path: str, fields: dict[str, str], loaders: list[Loader] | None, max_bytes: int
) -> Iterator[Item]:
    suffix = Path(path).suffix.lower()
    if not Path(path).is_file():
        yield BadRecord(id=path, error=f"{path}: {_not_a_file(path)}", source=path)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as handle:  # decoded line by line: one bad byte, one bad line
                yield from _jsonl_lines(handle, path, fields)
        elif suffix in (".csv", ".tsv"):
            yield from _csv_records(path, fields, "\t" if suffix == ".tsv" else ",")
        elif suffix == ".parquet":
            yield from _parquet_records(path, fields)
        elif suffix == ".json":
            yield from _json_records(path, fields)
        else:
            yield from _single_documents(path, loaders, max_bytes)
    except UnicodeDecodeError as exc:
        yield BadRecord(id=path, error=f"{path}: not UTF-8 text ({exc.reason})", source=path)
    except OSError as exc:
        yield BadRecord(id=path, error=f"{path}: cannot read: {exc.strerror or exc}", source=path)


def _not_a_file(path: str) -> str:
    """Why ``path``, which is not a regular file, cannot be read (a FIFO would hang)."""
    try:
        kind = special_kind(os.stat(path).st_mode)
    except OSError:
        return "no such file"
    return f"is {kind}, not a regular file (read a pipe with '-')"


def to_item(record: Mapping[str, Any], source: str, line: int, fields: Mapping[str, str]) -> Item:
    """An Article, or a BadRecord keyed by the record's id (or ``source:line``)."""
    try:
        article = article_from_mapping(record, source, line, fields)
    except InputError as error:
        return _bad_mapping(record, source, line, fields, str(error))
    except Exception as exc:  # whatever a record holds, it is one failed row, not the end
        where = f"{source}:{line}" if line else source
        problem = f"{where}: cannot read the record: {type(exc).__name__}: {exc}"
        return _bad_mapping(record, source, line, fields, problem)
    article.meta.setdefault("source", f"{source}:{line}" if line else source)
    return article


def _bad_mapping(
    record: Mapping[str, Any], source: str, line: int, fields: Mapping[str, str], error: str
) -> BadRecord:
    """A BadRecord keyed by the record's own id when it has a usable one."""
    raw_id = record.get(fields.get("id", "id"))
    outlet = record.get(fields.get("outlet", "outlet"))
    return BadRecord(
        id=_text_or(raw_id, f"{source}:{line}"),
        error=error,
        source=source,
        outlet=_text_or(outlet, None),
    )


def _text_or(value: object, default: str | None) -> str | None:
    if value in (None, ""):
        return default
    try:
        text = str(value)
    except Exception:  # e.g. an int too long to print: fall back to the default
        return default
    return default if has_surrogate(text) else text  # no UTF-8 output could hold it


def _jsonl_lines(
    lines: Iterable[str | bytes], source: str, fields: dict[str, str]
) -> Iterator[Item]:
    for number, record in json_object_lines(lines):
        if isinstance(record, str):
            yield _bad(source, number, record)
        else:
            yield to_item(record, source, number, fields)


def json_object_lines(
    lines: Iterable[str | bytes],
) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, object) for each non-blank line of a .jsonl, or (line number, problem)
    where the line is not UTF-8, not JSON or not a JSON object."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = decode_line(raw, number) if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield number, not_utf8(exc)
            continue
        if not line.strip():
            continue
        try:
            record = loads_json(line)
        except JsonProblem as problem:
            yield number, problem.msg
            continue
        yield number, record if isinstance(record, dict) else "line is not a JSON object"


def _csv_records(path: str, fields: dict[str, str], delimiter: str) -> Iterator[Item]:
    # Article bodies are long: lift the csv module's 128 kB field limit.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        for record in reader:
            yield to_item(record, path, reader.line_num, fields)


def _parquet_records(path: str, fields: dict[str, str]) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield _bad(
            path, None, "Parquet input needs the parquet extra: pip install 'sourcecheck[parquet]'"
        )
        return
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that isn't Parquet
        yield _bad(path, None, f"not a Parquet file ({type(exc).__name__})")
        return
    row = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            yield to_item(record, path, row, fields)


def _json_records(path: str, fields: dict[str, str]) -> Iterator[Item]:
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    try:
        value = loads_json(text)
    except JsonProblem as problem:
        yield _bad(path, problem.line, problem.msg)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records, start=1):
        if isinstance(record, dict):
            yield to_item(record, path, index, fields)
        else:
            yield _bad(path, index, f"item {index} is not a JSON object")


def _single_documents(path: str, loaders: list[Loader] | None, max_bytes: int) -> Iterator[Item]:
    for index, item in enumerate(load_path(path, loaders or [], max_bytes), start=1):
        if isinstance(item, InputError):
            yield BadRecord(
                id=path if index == 1 else f"{path}:{index}", error=str(item), source=path
            )
        else:
            item.meta.setdefault("source", path)
            yield item


def _bad(source: str, line: int | None, problem: str) -> BadRecord:
    where = f"{source}:{line}" if line is not None else source
    return BadRecord(id=where, error=f"{where}: {problem}", source=source)


def count_records(
    inputs: Iterable[str | Path],
    loaders: list[Loader] | None = None,
    exclude: Iterable[Path] = (),
) -> int | None:
    """A cheap total for the progress bar, or None when it can't be known without parsing."""
    total = 0
    exclude = list(exclude)
    for raw in inputs:
        path = Path(raw)
        files = list(iter_folder(path, loaders, exclude)) if path.is_dir() else [path]
        for file in files:
            counted = _count_file(file)
            if counted is None:
                return None
            total += counted
    return total


def _count_file(file: Path) -> int | None:
    suffix = file.suffix.lower()
    if str(file) == STDIN or not file.is_file():
        return None if str(file) == STDIN else 0
    if suffix in JSONL_SUFFIXES:
        with file.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(file).metadata.num_rows)
        except Exception:
            return 0
    if suffix in (".csv", ".tsv"):
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with file.open(encoding="utf-8-sig", newline="", errors="replace") as handle:
            return max(0, sum(1 for _ in csv.reader(handle)) - 1)
    if suffix == ".json":
        return None
    return 1
