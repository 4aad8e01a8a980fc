"""Score a corpus into a results file: streaming, resumable, in parallel on one machine."""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecheck.batch.progress import BatchProgress
from sourcecheck.batch.rows import (
    BASE_COLUMNS,
    STATUS_FAILED,
    Row,
    bad_record_row,
    failed_row,
    report_row,
)
from sourcecheck.batch.worker import build_engine, init_worker, score_articles, score_chunk
from sourcecheck.batch.writers import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SQL_NAMES,
    open_sink,
    output_paths,
    refuse_output_as_input,
)
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.models import Article, PluginError
from sourcecheck.loaders.records import (
    BadRecord,
    Item,
    count_records,
    engine_loaders,
    read_articles,
)

DEFAULT_CHUNK = 64
# Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
INFLIGHT_PER_WORKER = 2


@dataclass
class BatchSummary:
    written: int = 0
    failed: int = 0
    already_done: int = 0
    duplicates: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _Chunk:
    """A slice of the input, in input order: rows for unreadable records, articles to score."""

    entries: list[Article | Row] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def articles(self) -> list[Article]:
        return [e for e in self.entries if isinstance(e, Article)]

    def rows(self, scored: list[Row]) -> list[Row]:
        """Every entry's row in input order, given the rows of ``articles``."""
        pending = iter(scored)
        return [next(pending) if isinstance(e, Article) else e for e in self.entries]


def run_metadata(
    engine: Engine, fields: Mapping[str, str] | None, corpus_index: str | None
) -> dict[str, Any]:
    """What a results file records so a score can be reproduced (and a resume checked)."""
    versions = engine.versions()
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "sourcecheck": versions.pop("sourcecheck"),
        "scorers": versions,
        "config": engine.config.model_dump(mode="json"),
        "fields": dict(fields or {}),
        "corpus_index": str(corpus_index) if corpus_index else None,
        "combiner": engine.combiner.name,
    }


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    config: Config | None = None,
    fields: Mapping[str, str] | None = None,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
    rows_per_part: int = 2000,
    progress: bool = False,
    corpus_index: str | Path | None = None,
    on_failure: Callable[[Row], None] | None = None,
    on_plugin_error: Callable[[PluginError], None] | None = None,
    sql_names: bool = False,
) -> BatchSummary:
    """Score every article of ``inputs`` into ``out`` (.jsonl, or a .parquet directory).

    Articles whose id is already in ``out`` are skipped, so running it again after a crash
    finishes the job without duplicates.
    """
    inputs = [str(i) for i in inputs]
    refuse_output_as_input(inputs, Path(out))
    config_data = (config or Config()).model_dump(mode="json")
    index = str(corpus_index) if corpus_index else None
    engine = build_engine(config_data, index)
    report_plugin_errors(engine, on_plugin_error)
    meta = run_metadata(engine, fields, index)
    if sql_names:
        meta["column_names"] = SQL_NAMES
    columns = _probe_columns(engine) if Path(out).suffix.lower() == ".csv" else None
    sink = open_sink(Path(out), meta, rows_per_part, columns)
    done = sink.open()  # locks the output until sink.close()
    summary = BatchSummary(already_done=0)
    started = time.perf_counter()
    try:
        loaders = engine_loaders(engine)
        # A folder holding --output is read without it: a rerun must not score its own results.
        own = output_paths(Path(out))
        total = count_records(inputs, loaders, own) if progress else None
        items = read_articles(inputs, fields, loaders, engine.config.max_bytes, exclude=own)
        chunks = _chunks(items, done, summary, max(1, chunk_size))
        with BatchProgress(progress, total) as bar:
            bar.advance(0)
            scored = (
                _score_serial(engine, chunks)
                if workers <= 1
                else _score_parallel(chunks, workers, config_data, index)
            )
            for rows, skipped in scored:
                sink.write(rows)
                _tally(summary, rows, on_failure)
                bar.advance(len(rows) + skipped)
    finally:
        sink.close()
        summary.seconds = time.perf_counter() - started
    return summary


MAIN_GUARD_HINT = (
    "when a script calls run_batch(..., workers=N), its calls must sit under "
    '`if __name__ == "__main__":` (worker processes start by importing the script)'
)


def _probe_columns(engine: Engine) -> list[str]:
    """The columns one short article gives: a CSV header that holds every usual column."""
    probe = Article(id="probe", body="The council said on Monday that the bridge will reopen.")
    return list(dict.fromkeys([*BASE_COLUMNS, *report_row(engine.score(probe), probe)]))


def report_plugin_errors(
    engine: Engine, on_plugin_error: Callable[[PluginError], None] | None
) -> None:
    """Hand each plugin load failure of the parent's engine to the caller, once per run.

    Workers build their own engines from the same config, so the parent's are the run's.
    """
    if on_plugin_error is not None:
        for plugin_error in engine.plugins.errors:
            on_plugin_error(plugin_error)


def _tally(
    summary: BatchSummary, rows: list[Row], on_failure: Callable[[Row], None] | None
) -> None:
    summary.written += len(rows)
    for row in rows:
        if row["status"] == STATUS_FAILED:
            summary.failed += 1
            if on_failure is not None:
                on_failure(row)


def _chunks(
    items: Iterator[Item], done: set[str], summary: BatchSummary, size: int
) -> Iterator[tuple[_Chunk, int]]:
    """Chunks of work, each with how many already-written items were skipped before it.

    ``done`` grows as ids are queued, which also drops a repeated id within the input.
    """
    chunk, skipped = _Chunk(), 0
    seen_this_run: set[str] = set()
    for item in items:
        if item.id in done:
            if item.id in seen_this_run:
                summary.duplicates.append(item.id)
            else:
                summary.already_done += 1
            skipped += 1
            continue
        done.add(item.id)
        seen_this_run.add(item.id)
        chunk.entries.append(bad_record_row(item) if isinstance(item, BadRecord) else item)
        if len(chunk) >= size:
            yield chunk, skipped
            chunk, skipped = _Chunk(), 0
    if len(chunk) or skipped:
        yield chunk, skipped


def _score_serial(
    engine: Engine, chunks: Iterator[tuple[_Chunk, int]]
) -> Iterator[tuple[list[Row], int]]:
    for chunk, skipped in chunks:
        yield chunk.rows(score_articles(engine, chunk.articles)), skipped


def _score_parallel(
    chunks: Iterator[tuple[_Chunk, int]],
    workers: int,
    config_data: dict[str, Any],
    corpus_index: str | None,
) -> Iterator[tuple[list[Row], int]]:
    # spawn, not fork: each worker imports plugins itself, so nothing is inherited or pickled
    # but the config dict, and no lock held by a thread of the parent can be copied locked.
    context = multiprocessing.get_context("spawn")
    inflight: deque[tuple[_Chunk, int, Future[list[Row]] | None]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(config_data, corpus_index),
    ) as pool:
        try:
            for chunk, skipped in chunks:
                payload = _payload(chunk)
                future = pool.submit(score_chunk, payload) if payload else None
                inflight.append((chunk, skipped, future))
                # Backpressure: never read further ahead than the workers can keep up with.
                while len(inflight) >= workers * INFLIGHT_PER_WORKER:
                    yield _collect(*inflight.popleft())
            while inflight:
                yield _collect(*inflight.popleft())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _payload(chunk: _Chunk) -> list[dict[str, Any]]:
    """The chunk's articles as plain data for a worker.

    An article that cannot be sent (front matter whose YAML aliases make a cycle) becomes
    its failed row here, so it does not take the run down with it.
    """
    payload: list[dict[str, Any]] = []
    for index, entry in enumerate(chunk.entries):
        if not isinstance(entry, Article):
            continue
        try:
            payload.append(entry.model_dump(mode="json"))
        except Exception as exc:
            where = entry.meta.get("source") or entry.id
            problem = f"{where}: cannot be sent to a worker: {type(exc).__name__}: {exc}"
            chunk.entries[index] = failed_row(entry.id, problem, outlet=entry.outlet, article=entry)
    return payload


def _collect(
    chunk: _Chunk, skipped: int, future: Future[list[Row]] | None
) -> tuple[list[Row], int]:
    if future is None:
        return chunk.rows([]), skipped
    try:
        rows = future.result()
    except BrokenProcessPool:
        raise SourcecheckError(
            "a worker process died: killed, out of memory, or a script without a main guard "
            f"({MAIN_GUARD_HINT}); run the same command again to resume"
        ) from None
    except Exception as exc:  # e.g. an article that could not be sent to the worker
        rows = [
            failed_row(a.id, f"{type(exc).__name__}: {exc}", outlet=a.outlet, article=a)
            for a in chunk.articles
        ]
    return chunk.rows(rows), skipped
