"""Labelled articles for calibration: JSONL / JSON / CSV records with a 0/1 label and a group.

Each bad record is an :class:`InputError` naming the file and line, yielded in place of the
record so that one bad line does not stop the rest.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.loaders.base import (
    JsonProblem,
    article_from_mapping,
    decode,
    loads_json,
    read_input,
)

TRUE_LABELS = {"1", "true", "yes", "reliable", "credible"}
FALSE_LABELS = {"0", "false", "no", "unreliable", "fake"}
CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class LabelledArticle:
    article: Article
    label: int
    group: str


@dataclass(frozen=True)
class Fields:
    """Which record fields hold the label, the group and (optionally) the text."""

    label: str
    group: str | None = None
    text: str | None = None


Record = tuple[Mapping[str, Any], int | None]


def iter_labelled(
    paths: list[str], fields: Fields, max_bytes: int
) -> Iterator[LabelledArticle | InputError]:
    """Every labelled article of every input file, in order, errors in place.

    ``max_bytes`` limits each article's text, as in ``batch``: a labelled corpus is one file
    of many articles and is never refused as a whole.
    """
    for path in paths:
        first = True
        for item in iter_records(path):
            if isinstance(item, InputError):
                yield item
                continue
            record, line = item
            if first:
                first = False
                absent = _absent_field(record, fields)
                if absent is not None:
                    # A mistyped --label-field would otherwise give one error per record.
                    yield InputError(path, absent, line)
                    break
            try:
                yield labelled(record, path, line, fields, max_bytes)
            except InputError as error:
                yield error


def _absent_field(record: Mapping[str, Any], fields: Fields) -> str | None:
    """Why a file's first record shows a label or group field name is wrong, if it does."""
    for role, name in (("label", fields.label), ("group", fields.group)):
        if name is not None and name not in record:
            present = ", ".join(sorted(map(str, record))) or "none"
            return f"no {role} field '{name}' in the records (fields: {present})"
    return None


def labelled(
    record: Mapping[str, Any],
    source: str,
    line: int | None,
    fields: Fields,
    max_bytes: int | None = None,
) -> LabelledArticle:
    mapping = {"body": fields.text} if fields.text else None
    article = article_from_mapping(record, source, line, mapping)
    _check_size(article, source, line, max_bytes)
    label = parse_label(record.get(fields.label), fields.label, source, line)
    if fields.group is None:
        # Without a group every article is its own group: honest about what CV can promise.
        return LabelledArticle(article, label, f"article:{article.id}")
    group = record.get(fields.group)
    if group in (None, ""):
        raise InputError(source, f"missing group field '{fields.group}'", line)
    return LabelledArticle(article, label, str(group))


def _check_size(article: Article, source: str, line: int | None, max_bytes: int | None) -> None:
    if max_bytes is None:
        return
    size = len(article.body.encode("utf-8"))
    if size > max_bytes:
        raise InputError(
            source,
            f"article '{article.id}' text is {size:,} bytes, over the size limit of "
            f"{max_bytes:,} bytes (max_bytes)",
            line,
        )


def parse_label(value: Any, field: str, source: str, line: int | None) -> int:
    """1 or 0 from a bool, 0/1 number or a yes/no word; anything else is an InputError."""
    if value is None or value == "":
        raise InputError(source, f"missing label field '{field}'", line)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    word = str(value).strip().lower()
    if word in TRUE_LABELS or word in {"1.0"}:
        return 1
    if word in FALSE_LABELS or word in {"0.0"}:
        return 0
    raise InputError(source, f"label field '{field}' is {value!r}, not 0/1 or true/false", line)


def iter_records(path: str) -> Iterator[Record | InputError]:
    try:
        text = decode(read_input(path, None), path)
    except InputError as error:
        yield error
        return
    suffix = Path(path).suffix.lower()
    if suffix in CSV_SUFFIXES:
        yield from _csv_records(text, path, CSV_SUFFIXES[suffix])
    elif suffix in JSONL_SUFFIXES:
        yield from _jsonl_records(text, path)
    elif suffix == ".json":
        yield from _json_records(text, path)
    else:
        known = ", ".join([*CSV_SUFFIXES, *JSONL_SUFFIXES, ".json"])
        yield InputError(path, f"labelled data must be one of {known}, not '{suffix or '(none)'}'")


def _csv_records(text: str, source: str, delimiter: str) -> Iterator[Record | InputError]:
    # Bodies run over many lines and can be long: lift the csv module's 128 KiB field cap.
    csv.field_size_limit(max(csv.field_size_limit(), 2**30))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 2  # the line a record starts on: bodies span lines, so it is not line_num
    try:
        for row in reader:
            if None in row:
                yield InputError(source, "more values than header columns", start)
            else:
                yield row, start
            start = reader.line_num + 1
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV: {exc}", start)


def _jsonl_records(text: str, source: str) -> Iterator[Record | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        yield _json_object(line, source, number)


def _json_records(text: str, source: str) -> Iterator[Record | InputError]:
    try:
        value = loads_json(text)
    except JsonProblem as problem:
        yield InputError(source, problem.msg, problem.line)
        return
    for index, record in enumerate(value if isinstance(value, list) else [value]):
        if isinstance(record, dict):
            yield record, None
        else:
            yield InputError(source, f"item {index} is not a JSON object")


def _json_object(line: str, source: str, number: int) -> Record | InputError:
    try:
        record = loads_json(line)
    except JsonProblem as problem:
        return InputError(source, problem.msg, number)
    if not isinstance(record, dict):
        return InputError(source, "line is not a JSON object", number)
    return record, number
