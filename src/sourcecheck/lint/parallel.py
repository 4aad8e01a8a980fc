"""``check --jobs N``: files spread over worker processes, results in input order.

Each worker builds its own engine once, from the same config (plugins included: they are
loaded by name or folder, never pickled) and the same corpus index if there is one, then
checks the files it is handed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.lint.runner import Checker, CheckOptions, FileResult

_worker: Checker | None = None


def _start_worker(config: Config, options: CheckOptions, corpus_index: Path | None) -> None:
    global _worker
    engine = Engine(config)
    if corpus_index is not None:
        from sourcecheck.corpus.enricher import attach_corpus_index

        attach_corpus_index(engine, corpus_index)
    _worker = Checker(engine, options)


def _check(path: str) -> list[FileResult]:
    assert _worker is not None, "worker not initialised"
    return _worker.check_file(path)


def check_in_processes(
    files: Sequence[str],
    config: Config,
    options: CheckOptions,
    jobs: int,
    corpus_index: Path | None = None,
) -> Iterator[list[FileResult]]:
    """The results of each file, in the order given, checked by ``jobs`` processes."""
    chunk = max(1, min(32, len(files) // (jobs * 4)))
    start = (config, options, corpus_index)
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=start) as pool:
        yield from pool.map(_check, files, chunksize=chunk)
