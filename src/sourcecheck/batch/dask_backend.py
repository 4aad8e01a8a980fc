"""Scoring beyond one machine with Dask (``pip install 'sourcecheck[dask]'``).

Each Dask partition is read, scored and written as one Parquet part by one task, on a
worker: ``DIR/part-NNNNN.parquet`` for partition NNNNN. Workers build their Engine once per
process (:func:`sourcecheck.batch.worker.cached_engine`) from the config dict they receive;
the engine and its plugins are never pickled, so plugins must be installed on every worker.
A part is written through a temporary name and renamed. A rerun reads every partition again
and skips the ids the parts already hold (as the local backend does), so it resumes correctly
whatever the partitions are; only partitions with new rows write a part, numbered after the
existing ones.

Python API::

    from dask.distributed import Client
    from sourcecheck.batch.dask_backend import run_dask, score_bag, score_dataframe

    client = Client("tcp://scheduler:8786")
    run_dask(["s3-mounted/corpus/"], "results.parquet", client=client)

    # or from your own collections:
    score_bag(bag_of_record_dicts, "results.parquet", fields={"body": "text"})
    scored = score_dataframe(ddf, fields={"body": "text"})   # lazy dask DataFrame of rows
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sourcecheck.batch.rows import BASE_COLUMNS, Row, bad_record_row, report_row
from sourcecheck.batch.runner import report_plugin_errors, run_metadata
from sourcecheck.batch.worker import build_engine, cached_engine, score_one
from sourcecheck.batch.writers import (
    PARQUET_META_FILE,
    _part_number,
    _write_json_atomic,
    check_resumable,
    column_type,
    open_parquet_lock,
    output_paths,
    refuse_output_as_input,
    rows_to_table,
)
from sourcecheck.core.config import Config
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.models import Article, PluginError
from sourcecheck.loaders.base import JsonProblem, loads_json, not_utf8
from sourcecheck.loaders.records import (
    JSONL_SUFFIXES,
    BadRecord,
    engine_loaders,
    iter_folder,
    read_articles,
    to_item,
    within_limit,
)


@dataclass
class DaskResult:
    parts_written: int
    #: Partitions with nothing new to write (every id already there, or no records).
    parts_skipped: int
    written: int
    failed: int
    #: Rows not written because their id was already in a part (a resumed run).
    already_done: int = 0
    #: Ids written by more than one new part: repeated in the input across partitions.
    duplicates: list[str] = field(default_factory=list)


@dataclass
class PartResult:
    """What one partition's task wrote: returned from the worker, small."""

    ids: list[str]
    failed: int
    already_done: int


def run_dask(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    config: Config | None = None,
    fields: Mapping[str, str] | None = None,
    scheduler: str | None = None,
    client: Any = None,
    blocksize: str | int = "16MiB",
    corpus_index: str | Path | None = None,
    on_plugin_error: Callable[[PluginError], None] | None = None,
) -> DaskResult:
    """Read ``inputs`` as a dask.bag and score it into ``out`` (a directory of parts)."""
    names = [str(i) for i in inputs]
    refuse_output_as_input(names, Path(out))
    bag = records_bag(names, blocksize, exclude=output_paths(Path(out)))
    return score_bag(
        bag,
        out,
        config=config,
        fields=fields,
        scheduler=scheduler,
        client=client,
        corpus_index=corpus_index,
        on_plugin_error=on_plugin_error,
    )


def records_bag(
    inputs: list[str], blocksize: str | int = "16MiB", exclude: Iterable[Path] = ()
) -> Any:
    """A dask.bag of ``(source, record)`` pairs: JSONL lines, CSV/Parquet rows, documents.

    Files under an ``exclude`` path (the run's output) are not read from folders.
    """
    import dask.bag as db
    import dask.dataframe as dd

    bags = []
    for path in _expand(inputs, list(exclude)):
        suffix = Path(path).suffix.lower()
        if suffix in JSONL_SUFFIXES:
            # surrogateescape keeps an invalid byte to its own line, found in _jsonl_item;
            # "strict" would fail the whole partition.
            lines = db.read_text(
                path, blocksize=blocksize, encoding="utf-8", errors="surrogateescape"
            )
            bags.append(lines.map(lambda line, p=path: (p, line)))
        elif suffix in (".csv", ".tsv"):
            frame = dd.read_csv(
                path,
                blocksize=blocksize,
                dtype=str,
                keep_default_na=False,
                sep="\t" if suffix == ".tsv" else ",",
            )
            bags.append(frame.to_bag(format="dict").map(lambda r, p=path: (p, r)))
        elif suffix == ".parquet":
            frame = dd.read_parquet(path)
            bags.append(frame.to_bag(format="dict").map(lambda r, p=path: (p, r)))
        else:
            bags.append(db.from_sequence([(path, None)]))
    if not bags:
        raise ConfigError("no input files found")
    return db.concat(bags)


def _expand(inputs: list[str], exclude: list[Path]) -> list[str]:
    files: list[str] = []
    for path in inputs:
        if Path(path).is_dir():
            found = iter_folder(Path(path), _builtin_loaders(), exclude)
            files.extend(str(file) for file in found)
        else:
            files.append(path)
    return files


def _builtin_loaders() -> list[Any]:
    from sourcecheck.loaders.builtin import sourcecheck_loaders

    return sourcecheck_loaders()


def score_bag(
    bag: Any,
    out: str | Path,
    *,
    config: Config | None = None,
    fields: Mapping[str, str] | None = None,
    scheduler: str | None = None,
    client: Any = None,
    corpus_index: str | Path | None = None,
    on_plugin_error: Callable[[PluginError], None] | None = None,
) -> DaskResult:
    """Score a bag of ``(source, record)`` pairs or plain record dicts into Parquet parts."""
    import dask
    from dask import delayed

    config_data = (config or Config()).model_dump(mode="json")
    index = str(corpus_index) if corpus_index else None
    fields = dict(fields or {})
    out = Path(out)
    engine = build_engine(config_data, index)
    report_plugin_errors(engine, on_plugin_error)
    meta = run_metadata(engine, fields, index)
    lock, already = _prepare_output(out, meta)
    with lock:  # the output stays locked until every part is written
        # Ids already written are skipped by every task, as the local backend skips them: a
        # resumed run whose partitions came out differently must not write an article twice.
        done = delayed(frozenset(already), traverse=False)
        first = 1 + max((_part_number(p) for p in out.glob("part-*.parquet")), default=-1)
        todo = [
            delayed(score_partition_to_part)(
                partition, str(out), first + number, config_data, fields, index, meta, done
            )
            for number, partition in enumerate(bag.to_delayed())
        ]
        parts: list[PartResult] = _compute(todo, scheduler, client, dask)
    written = Counter(i for part in parts for i in part.ids)
    return DaskResult(
        parts_written=sum(1 for part in parts if part.ids),
        parts_skipped=sum(1 for part in parts if not part.ids),
        written=sum(len(part.ids) for part in parts),
        failed=sum(part.failed for part in parts),
        already_done=sum(part.already_done for part in parts),
        duplicates=sorted(i for i, count in written.items() if count > 1),
    )


def _compute(tasks: list[Any], scheduler: str | None, client: Any, dask: Any) -> list[Any]:
    if not tasks:
        return []
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    if scheduler:
        from distributed import Client

        with Client(scheduler) as remote:
            return list(remote.gather(remote.compute(tasks)))
    return list(dask.compute(*tasks, scheduler="processes"))


def _prepare_output(out: Path, meta: dict[str, Any]) -> tuple[IO[Any], set[str]]:
    """The output directory, locked (close the handle returned to release it), and the ids
    its parts already hold."""
    import pyarrow.parquet as pq

    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out}: exists and is not a directory of Parquet parts")
    out.mkdir(parents=True, exist_ok=True)
    lock = open_parquet_lock(out)
    try:
        meta_file = out / PARQUET_META_FILE
        parts = sorted(out.glob("part-*.parquet"))
        if meta_file.exists() and parts:
            import json

            check_resumable(out, json.loads(meta_file.read_text(encoding="utf-8")), meta)
        _write_json_atomic(meta_file, meta)
        done: set[str] = set()
        for part in parts:
            ids = pq.read_table(part, columns=["id"]).column("id").to_pylist()
            done.update(str(v) for v in ids)
    except BaseException:
        lock.close()
        raise
    return lock, done


def _part_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


def score_partition_to_part(
    partition: list[Any],
    out: str,
    number: int,
    config_data: dict[str, Any],
    fields: dict[str, str],
    corpus_index: str | None,
    meta: dict[str, Any],
    done: frozenset[str] = frozenset(),
) -> PartResult:
    """Runs on a worker: score one partition and write it as one Parquet part."""
    import pyarrow.parquet as pq

    engine = cached_engine(config_data, corpus_index)
    rows, already_done = score_new_records(engine, partition, fields, done)
    if not rows:  # everything already written (or an empty partition): no part to add
        return PartResult(ids=[], failed=0, already_done=already_done)
    final = Path(out) / _part_name(number)
    temporary = Path(out) / f".{_part_name(number)}.tmp"
    pq.write_table(rows_to_table(rows, meta), temporary)
    os.replace(temporary, final)
    return PartResult(
        ids=[str(row["id"]) for row in rows],
        failed=sum(1 for row in rows if row["status"] == "failed"),
        already_done=already_done,
    )


def score_records(engine: Any, partition: list[Any], fields: dict[str, str]) -> list[Row]:
    return score_new_records(engine, partition, fields, frozenset())[0]


def score_new_records(
    engine: Any, partition: list[Any], fields: dict[str, str], done: frozenset[str]
) -> tuple[list[Row], int]:
    """Rows for a partition's records not in ``done``, and how many were; repeats kept once."""
    rows: list[Row] = []
    seen: set[str] = set()
    already_done = 0
    loaders = engine_loaders(engine)
    max_bytes = engine.config.max_bytes
    for position, entry in enumerate(partition, start=1):
        for found in _items(entry, position, fields, loaders, max_bytes):
            item = within_limit(found, max_bytes)
            if item.id in done:
                already_done += 1
            elif item.id not in seen:  # a repeated id is kept once, as locally
                seen.add(item.id)
                rows.append(
                    bad_record_row(item) if isinstance(item, BadRecord) else score_one(engine, item)
                )
    return rows, already_done


def _items(
    entry: Any, position: int, fields: dict[str, str], loaders: list[Any], max_bytes: int
) -> Iterable[Article | BadRecord]:
    source, record = entry if isinstance(entry, tuple) else ("<bag>", entry)
    if record is None:  # a whole document (folder file): read it like the local reader does
        return read_articles([source], fields, loaders, max_bytes)
    if isinstance(record, str):
        return _jsonl_item(source, record, fields)
    return [to_item(_clean(record), source, position, fields)]


def _jsonl_item(source: str, line: str, fields: dict[str, str]) -> list[Article | BadRecord]:
    import hashlib

    if not line.strip():
        return []
    raw = line.encode("utf-8", "surrogateescape")
    # No line numbers in a dask text partition: key the error by the line's content.
    digest = hashlib.sha1(raw, usedforsecurity=False).hexdigest()[:12]
    try:
        record = loads_json(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return [BadRecord(f"{source}#{digest}", f"{source}: {not_utf8(exc)}", source)]
    except JsonProblem as problem:
        return [BadRecord(f"{source}#{digest}", f"{source}: {problem.msg}", source)]
    if not isinstance(record, dict):
        return [BadRecord(f"{source}#{line[:20]}", f"{source}: line is not a JSON object", source)]
    item = to_item(record, source, 0, fields)
    if isinstance(item, BadRecord) and item.id == f"{source}:0":
        # Without an id of its own, "line 0" would be every such line's id: use the digest.
        error = item.error.replace(f"{source}:0", source, 1)
        item = dataclasses.replace(item, id=f"{source}#{digest}", error=error)
    return [item]


def _clean(record: Mapping[str, Any]) -> dict[str, Any]:
    """pandas NaN/NaT -> None, Timestamps -> datetimes, so records validate as articles."""
    import pandas as pd

    cleaned: dict[str, Any] = {}
    for key, value in record.items():
        if value is not None and not isinstance(value, list | dict) and pd.isna(value):
            value = None
        elif isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        cleaned[str(key)] = value
    return cleaned


# -- dask.dataframe ---------------------------------------------------------------------


def probe_columns(config: Config | None = None) -> list[str]:
    """The row columns a config produces, from scoring one short probe article."""
    engine = build_engine((config or Config()).model_dump(mode="json"))
    probe = Article(id="probe", body="The council said on Monday that the bridge will reopen.")
    return list(dict.fromkeys([*BASE_COLUMNS, *report_row(engine.score(probe), probe)]))


def score_partition(
    frame: Any,
    fields: dict[str, str],
    config_data: dict[str, Any],
    corpus_index: str | None,
    columns: list[str],
) -> Any:
    """``map_partitions`` body: a pandas frame of records -> a frame of result rows."""
    import pandas as pd

    engine = cached_engine(config_data, corpus_index)
    records = [("<dataframe>", r) for r in frame.to_dict(orient="records")]
    rows = score_records(engine, records, fields)
    result = pd.DataFrame.from_records(rows, columns=columns)
    return result.astype(_dtypes(columns))


def _dtypes(columns: list[str]) -> dict[str, str]:
    import pyarrow as pa

    # pandas "string", not object: dask infers a Parquet schema from the meta frame, and an
    # object column there has no Arrow type (to_parquet fails with ArrowInvalid).
    return {c: "string" if column_type(c) == pa.string() else "float64" for c in columns}


def score_dataframe(
    ddf: Any,
    *,
    fields: Mapping[str, str] | None = None,
    config: Config | None = None,
    corpus_index: str | Path | None = None,
    columns: list[str] | None = None,
) -> Any:
    """A lazy dask DataFrame of result rows, via ``ddf.map_partitions``.

    A DataFrame needs one schema: the columns are those of :func:`probe_columns` unless
    given; a metric a scorer reports only for some articles needs ``columns`` to be kept.
    """
    import pandas as pd

    config_data = (config or Config()).model_dump(mode="json")
    columns = columns or probe_columns(config)
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _dtypes(columns).items()})
    index = str(corpus_index) if corpus_index else None
    return ddf.map_partitions(
        score_partition, dict(fields or {}), config_data, index, columns, meta=meta
    )
