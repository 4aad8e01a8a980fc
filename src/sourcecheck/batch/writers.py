"""Result sinks that survive being killed: JSONL and a directory of Parquet parts.

Resume design (documented in docs/batch.md):

* JSONL: rows are appended a chunk at a time, then flushed and fsynced. On restart the file
  is read back for its ids; a torn last line (no newline: the process died mid-write) is cut
  off, so its article is simply scored again. Run metadata lives in ``<out>.meta.json``.
* Parquet: ``--output results.parquet`` is a directory. Rows are buffered and written as
  ``part-NNNNNN.parquet`` through a temporary name and an atomic rename, so a part is either
  complete or absent. On restart, ids are read from the parts (only the ``id`` column) and
  leftover temporary files are deleted. Every part carries the run metadata in its schema
  metadata (key ``sourcecheck``) and the directory holds a copy in ``_sourcecheck.json``.

Either way a row is written exactly once: ids already in the output are skipped.

A run holds an exclusive lock on its output (the JSONL file itself, or ``.sourcecheck.lock``
in a Parquet directory) until it ends: a second run on the same output refuses to start,
instead of both appending the same rows or numbering their parts alike.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from sourcecheck.batch.rows import STRING_COLUMNS, Row
from sourcecheck.core.errors import ConfigError, InputError, SourcecheckError, writing_to
from sourcecheck.loaders.records import json_object_lines

META_KEY = "sourcecheck"
PARQUET_META_FILE = "_sourcecheck.json"
PARQUET_LOCK_FILE = ".sourcecheck.lock"
FORMAT_NAME = "sourcecheck-batch"
FORMAT_VERSION = 1
# What must match for a resumed run to append to an earlier one.
RESUME_KEYS = ("sourcecheck", "scorers", "config", "fields", "corpus_index", "column_names")
# --sql-names: "hedging.score" -> "hedging__score", so SQL engines take every name unquoted.
SQL_NAMES = "sql"


def sql_name(column: str) -> str:
    return column.replace(".", "__").replace("-", "_")


def from_sql_name(column: str) -> str:
    return column.replace("__", ".")


class Sink(Protocol):
    path: Path

    def open(self) -> set[str]:
        """Prepare the output and return the ids it already holds."""

    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


def is_parquet_output(path: Path) -> bool:
    return path.suffix.lower() == ".parquet" or path.is_dir()


def output_paths(path: Path) -> list[Path]:
    """Every file a run writes for output ``path`` (a directory stands for all inside it)."""
    if path.suffix.lower() in (".jsonl", ".ndjson", ".csv"):
        return [path, Path(f"{path}.meta.json")]
    return [path]


def refuse_output_as_input(inputs: Iterable[str], out: Path) -> None:
    """A one-line error when an input named on the command line is the run's own output."""
    from sourcecheck.loaders.records import is_under

    outputs = [p.resolve() for p in output_paths(out)]
    for given in inputs:
        if given != "-" and not Path(given).is_dir() and is_under(Path(given), outputs):
            raise ConfigError(f"{given}: is this run's output (--output), not an input")


def open_sink(
    path: Path, meta: dict[str, Any], rows_per_part: int = 2000, columns: list[str] | None = None
) -> Sink:
    """The sink for ``path``: ``.jsonl``/``.ndjson``, ``.csv`` or a ``.parquet`` directory.

    ``columns`` (a CSV's header) are the columns a probe article gave; with SQL names in
    ``meta``, every sink writes them renamed.
    """
    sink: Sink
    renamed = meta.get("column_names") == SQL_NAMES
    header = [sql_name(c) if renamed else c for c in columns or []]
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        sink = JsonlSink(path, meta)
    elif path.suffix.lower() == ".csv":
        sink = CsvSink(path, meta, header)
    elif is_parquet_output(path):
        sink = ParquetPartsSink(path, meta, rows_per_part)
    else:
        raise ConfigError(f"{path}: output must end in .jsonl, .ndjson, .csv or .parquet")
    return _Renaming(sink) if renamed else sink


class _Renaming:
    """A sink that writes every column under its SQL name."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.path = sink.path

    def open(self) -> set[str]:
        return self.sink.open()

    def write(self, rows: list[Row]) -> None:
        self.sink.write([{sql_name(key): value for key, value in row.items()} for row in rows])

    def close(self) -> None:
        self.sink.close()


def check_resumable(path: Path, previous: dict[str, Any], current: dict[str, Any]) -> None:
    """Refuse to mix rows computed with another version, config or column mapping."""
    for key in RESUME_KEYS:
        if previous.get(key) != current.get(key):
            raise ConfigError(
                f"{path}: was written with a different {key} (see its run metadata); "
                "resume with the same settings or choose a new --output"
            )


class OutputBusyError(SourcecheckError):
    """Another run holds the lock on this output."""


def lock_output(handle: IO[Any], output: Path) -> None:
    """Lock ``handle`` exclusively until it is closed, or refuse: another run holds it.

    Two runs on one output would append the same rows twice or write parts of the same
    numbers over each other, and both would exit 0.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no flock; one run per output is the user's
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputBusyError(
            f"{output}: another sourcecheck batch run is writing to it; "
            "wait for it to finish or choose another --output"
        ) from None


def open_parquet_lock(directory: Path) -> IO[Any]:
    """The held lock of a Parquet output directory (release it by closing the handle)."""
    handle = (directory / PARQUET_LOCK_FILE).open("a")
    try:
        lock_output(handle, directory)
    except BaseException:
        handle.close()
        raise
    return handle


class JsonlSink:
    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        self.path = path
        self.meta_path = Path(f"{path}.meta.json")
        self.meta = meta
        self._handle: Any = None

    def open(self) -> set[str]:
        existed = self.path.exists()
        if existed and not self.path.is_file():
            # Resuming reads the output back: /dev/full or a FIFO would never end.
            raise ConfigError(f"{self.path}: is not a regular file; choose a file for --output")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Opened (and locked) before anything is read, so no other run can write meanwhile.
        self._handle = self.path.open("a", encoding="utf-8")
        try:
            lock_output(self._handle, self.path)
            done = self._resume() if existed else set()
            _write_json_atomic(self.meta_path, self.meta)
        except BaseException:
            self.close()
            raise
        return done

    def _resume(self) -> set[str]:
        if self.meta_path.exists():
            check_resumable(self.path, _read_json(self.meta_path), self.meta)
        return _resume_jsonl(self.path)

    def write(self, rows: list[Row]) -> None:
        if not rows:
            return
        # allow_nan=False: a bare Infinity or NaN is not JSON, so numeric() made them null.
        lines = "".join(
            json.dumps(_finite(row), ensure_ascii=False, allow_nan=False) + "\n" for row in rows
        )
        _append_durably(self._handle, self.path, lines)

    def close(self) -> None:
        handle, self._handle = self._handle, None
        _close(handle, self.path)


def _finite(row: Row) -> Row:
    """``row`` with any float that is not finite (a plugin's own column) as None."""
    if all(not isinstance(v, float) or math.isfinite(v) for v in row.values()):
        return row
    return {k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in row.items()}


def _resume_jsonl(path: Path) -> set[str]:
    """Ids already written; cuts off a torn last line left by a killed run."""
    done: set[str] = set()
    good_end = 0
    with path.open("rb") as handle:
        for number, line in enumerate(iter(handle.readline, b""), start=1):
            if not line.endswith(b"\n"):
                break  # torn write: everything before it is intact
            try:
                done.add(str(json.loads(line)["id"]))
            except (json.JSONDecodeError, KeyError, TypeError):
                raise InputError(
                    str(path),
                    "is not a sourcecheck results file (bad row); choose a new --output",
                    number,
                ) from None
            good_end += len(line)
    if good_end < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
    return done


class CsvSink:
    """One CSV file with one header: the probe's columns, then any the first rows add.

    A column first seen after the header was written (a metric a scorer reports only
    sometimes) is left out of the CSV; JSONL and Parquet keep every column. Resume reads the
    ids back and drops a torn last record, as for JSONL.
    """

    def __init__(self, path: Path, meta: dict[str, Any], columns: list[str]) -> None:
        self.path = path
        self.meta_path = Path(f"{path}.meta.json")
        self.meta = meta
        self.columns = list(columns)
        self._header: list[str] | None = None
        self._handle: Any = None

    def open(self) -> set[str]:
        if self.path.exists() and not self.path.is_file():
            # Resuming reads the output back: /dev/full or a FIFO would never end.
            raise ConfigError(f"{self.path}: is not a regular file; choose a file for --output")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Opened (and locked) before anything is read, so no other run can write meanwhile.
        self._handle = self.path.open("a", encoding="utf-8", newline="")
        try:
            lock_output(self._handle, self.path)
            done: set[str] = set()
            if self.path.stat().st_size:
                if self.meta_path.exists():
                    check_resumable(self.path, _read_json(self.meta_path), self.meta)
                self._header, done = _resume_csv(self.path)
            _write_json_atomic(self.meta_path, self.meta)
        except BaseException:
            self.close()
            raise
        return done

    def write(self, rows: list[Row]) -> None:
        if not rows:
            return
        buffer = io.StringIO(newline="")
        if self._header is None:
            self._header = list(dict.fromkeys([*self.columns, *(k for r in rows for k in r)]))
            csv.writer(buffer).writerow(self._header)
        csv.DictWriter(buffer, self._header, extrasaction="ignore").writerows(rows)
        _append_durably(self._handle, self.path, buffer.getvalue())

    def close(self) -> None:
        handle, self._handle = self._handle, None
        _close(handle, self.path)


def _resume_csv(path: Path) -> tuple[list[str], set[str]]:
    """The header and the ids already written; a torn last record is cut off."""
    text = path.read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text, newline="")))
    header, rows = records[0], records[1:]
    complete = text.endswith("\n")
    if rows and (not complete or len(rows[-1]) != len(header)):
        rows = rows[:-1]
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows([header, *rows])
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    where = header.index("id") if "id" in header else header.index(sql_name("id"))
    return header, {row[where] for row in rows}


class ParquetPartsSink:
    def __init__(self, path: Path, meta: dict[str, Any], rows_per_part: int) -> None:
        self.path = path
        self.meta = meta
        self.rows_per_part = max(1, rows_per_part)
        self._buffer: list[Row] = []
        self._next_part = 0
        self._lock: IO[Any] | None = None

    def open(self) -> set[str]:
        if self.path.exists() and not self.path.is_dir():
            raise ConfigError(f"{self.path}: exists and is not a directory of Parquet parts")
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = open_parquet_lock(self.path)
        try:
            return self._resume()
        except BaseException:
            self._release()
            raise

    def _resume(self) -> set[str]:
        import pyarrow.parquet as pq

        meta_file = self.path / PARQUET_META_FILE
        parts = sorted(self.path.glob("part-*.parquet"))
        if parts and meta_file.exists():
            check_resumable(self.path, _read_json(meta_file), self.meta)
        for leftover in self.path.glob(".part-*.tmp"):
            leftover.unlink()  # a part that was being written when the run died
        done: set[str] = set()
        for part in parts:
            done.update(
                str(v) for v in pq.read_table(part, columns=["id"]).column("id").to_pylist()
            )
        self._next_part = 1 + max((_part_number(p) for p in parts), default=-1)
        _write_json_atomic(meta_file, self.meta)
        return done

    def write(self, rows: list[Row]) -> None:
        self._buffer.extend(rows)
        if len(self._buffer) >= self.rows_per_part:
            self._flush()

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _flush(self) -> None:
        if not self._buffer:
            return
        with writing_to(self.path):
            self._write_part()

    def _write_part(self) -> None:
        import pyarrow.parquet as pq

        table = rows_to_table(self._buffer, self.meta)
        final = self.path / f"part-{self._next_part:06d}.parquet"
        temporary = self.path / f".part-{self._next_part:06d}.tmp"
        pq.write_table(table, temporary)
        _fsync_file(temporary)
        os.replace(temporary, final)  # atomic: a part is complete or absent
        self._next_part += 1
        self._buffer = []


def rows_to_table(rows: list[Row], meta: dict[str, Any] | None = None) -> Any:
    """A pyarrow Table with one column per key seen, strings or float64, plus run metadata."""
    import pyarrow as pa

    names = list(dict.fromkeys(key for row in rows for key in row))
    arrays = [pa.array([row.get(name) for row in rows], type=column_type(name)) for name in names]
    schema_meta = {META_KEY: json.dumps(meta)} if meta is not None else None
    return pa.Table.from_arrays(arrays, names=names).replace_schema_metadata(schema_meta)


def column_type(name: str) -> Any:
    import pyarrow as pa

    textual = name in STRING_COLUMNS or name.endswith((".status", ".error", "__status", "__error"))
    return pa.string() if textual else pa.float64()


def _part_number(path: Path) -> int:
    try:
        return int(path.stem.split("-")[-1])
    except ValueError:
        return -1


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"unreadable run metadata: {exc}") from None


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _append_durably(handle: Any, path: Path, text: str) -> None:
    """Append ``text`` and fsync it: a chunk is on disk before the next one is scored."""
    with writing_to(path):
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _close(handle: Any, path: Path) -> None:
    if handle is not None:
        with writing_to(path):
            handle.close()


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def iter_result_files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(path.glob("part-*.parquet"))
    else:
        yield path


def read_results(path: str | Path, columns: Iterable[str] | None = None) -> Any:
    """Batch results (JSONL file, Parquet file or parts directory) as a pandas DataFrame.

    Parts can have different metric columns (a scorer may report a metric only sometimes):
    they are unified, missing values become NaN.
    """
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such results file or directory")
    wanted = list(columns) if columns is not None else None
    if path.suffix.lower() == ".csv":
        frame = pd.read_csv(path, dtype={"id": str, "outlet": str, "title": str})
        return _dotted(frame, path)[wanted] if wanted else _dotted(frame, path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        try:
            frame = _dotted(pd.read_json(path, lines=True, dtype=False), path)
        # pandas' messages give a byte position at best; pandas 2 raises AttributeError on
        # a line that is a JSON array, pandas 3 ValueError: the file is read again for the line
        except (ValueError, TypeError, AttributeError):
            raise _jsonl_problem(path) from None
        return frame[[c for c in wanted if c in frame.columns]] if wanted else frame
    if path.is_file() and path.suffix.lower() != ".parquet":
        raise InputError(
            str(path), "results must be a .jsonl, .csv or .parquet file, or a directory of parts"
        )
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = []
    for file in iter_result_files(path):
        try:
            available = pq.read_schema(file).names
            picked = [c for c in wanted if c in available] if wanted else None
            tables.append(pq.read_table(file, columns=picked))
        except (pa.ArrowException, OSError) as exc:
            raise InputError(str(file), f"unreadable Parquet: {_first_line(exc)}") from None
    if not tables:
        raise InputError(str(path), "holds no result parts (part-*.parquet)")
    return _dotted(pa.concat_tables(tables, promote_options="default").to_pandas(), path)


def _dotted(frame: Any, path: Path) -> Any:
    """Results written with --sql-names, under the usual dotted names again."""
    try:
        renamed = read_metadata(path).get("column_names") == SQL_NAMES
    except (OSError, ValueError, InputError):
        renamed = False
    return frame.rename(columns=from_sql_name) if renamed else frame


def _jsonl_problem(path: Path) -> InputError:
    """Which line of a results .jsonl pandas could not read, and why."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, row in json_object_lines(lines):
            if isinstance(row, str):
                return InputError(str(path), row, number)
    return InputError(str(path), "not a results file of JSON objects, one per line")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def read_metadata(path: str | Path) -> dict[str, Any]:
    """The run metadata (versions, config, fields) of a results file or directory."""
    import pyarrow.parquet as pq

    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".csv"):
        return _read_json(Path(f"{path}.meta.json"))
    if path.is_dir():
        if (path / PARQUET_META_FILE).exists():
            return _read_json(path / PARQUET_META_FILE)
        parts = list(iter_result_files(path))  # parts written by other tools
        if not parts:
            return {}
        path = parts[0]
    metadata = pq.read_schema(path).metadata or {}
    raw = metadata.get(META_KEY.encode())
    return json.loads(raw) if raw else {}
