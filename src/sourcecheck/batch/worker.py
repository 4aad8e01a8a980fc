"""What runs inside a worker process: one Engine per process, built once, never pickled.

Only plain data crosses the process boundary: the config as a dict on the way in (to the
initializer), article dicts in chunks, and flat rows on the way out.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from typing import Any

from sourcecheck.batch.rows import Row, failed_row, report_row
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article

_ENGINES: dict[str, Engine] = {}
_CURRENT: Engine | None = None


def build_engine(config_data: dict[str, Any], corpus_index: str | None = None) -> Engine:
    """An Engine for this config, with the corpus enricher registered when asked."""
    engine = Engine(Config.model_validate(config_data))
    if corpus_index:
        from sourcecheck.corpus.enricher import attach_corpus_index

        attach_corpus_index(engine, corpus_index)
    return engine


def cached_engine(config_data: dict[str, Any], corpus_index: str | None = None) -> Engine:
    """The process-wide Engine for this config (Dask tasks call this on every partition)."""
    import json

    key = json.dumps([config_data, corpus_index], sort_keys=True, default=str)
    if key not in _ENGINES:
        _ENGINES[key] = build_engine(config_data, corpus_index)
    return _ENGINES[key]


def init_worker(config_data: dict[str, Any], corpus_index: str | None) -> None:
    """ProcessPoolExecutor initializer: build the engine once for this process."""
    global _CURRENT
    # Ctrl-C reaches the whole process group: let the main process alone handle it (it
    # flushes what is written and stops the pool) instead of every worker printing a trace.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _CURRENT = build_engine(config_data, corpus_index)


def _exit_with_parent() -> None:
    """Exit when the main process dies, even by ``kill -9``, instead of lingering forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])  # ready once the parent is gone
        os._exit(1)

    threading.Thread(target=watch, name="sourcecheck-parent-watch", daemon=True).start()


def score_chunk(articles: list[dict[str, Any]]) -> list[Row]:
    """Score a chunk of article dicts in the worker's engine."""
    if _CURRENT is None:
        raise RuntimeError("worker used before init_worker ran")
    return score_articles(_CURRENT, [Article.model_validate(a) for a in articles])


def score_articles(engine: Engine, articles: list[Article]) -> list[Row]:
    return [score_one(engine, article) for article in articles]


def score_one(engine: Engine, article: Article) -> Row:
    """A row for the article; an exception becomes a failed row, never a lost article."""
    try:
        report = engine.score(article, source=article.meta.get("source"))
    except Exception as exc:  # one article's failure must not stop a 100,000-article run
        return failed_row(
            article.id,
            f"{type(exc).__name__}: {exc}",
            outlet=article.outlet,
            article=article,
        )
    return report_row(report, article)
