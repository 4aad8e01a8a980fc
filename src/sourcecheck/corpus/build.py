"""Build a claim index from a corpus, reading it the same way ``sourcecheck batch`` does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.corpus.index import IndexBuilder, MatchOptions
from sourcecheck.corpus.vectors import VectorSpec
from sourcecheck.loaders.records import BadRecord, engine_loaders, read_articles


def build_index(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    fields: Mapping[str, str] | None = None,
    config: Config | None = None,
    spec: VectorSpec | None = None,
    part_size: int = 20_000,
    match: MatchOptions | None = None,
    on_error: Callable[[str], None] | None = None,
    on_record: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Index the claims (``engine.analyze(article).claims``) of every article in ``inputs``.

    Returns the manifest. Unreadable records are reported through ``on_error`` and skipped;
    a repeated article id is indexed once. ``on_record`` is called for each record read.
    """
    engine = Engine(config or Config())
    builder = IndexBuilder(Path(out), spec, part_size, match)
    loaders = engine_loaders(engine)
    seen: set[str] = set()
    errors = 0
    # The index's own files (JSON among them) are not articles, even in a folder being read.
    articles = read_articles(inputs, fields, loaders, engine.config.max_bytes, exclude=[Path(out)])
    for item in articles:
        if on_record is not None:
            on_record()
        if isinstance(item, BadRecord):
            errors += 1
            if on_error is not None:
                on_error(item.error)
            continue
        if item.id in seen:
            continue
        seen.add(item.id)
        builder.add(item, engine.analyze(item).claims)
    manifest = builder.finish()
    manifest["errors"] = errors
    return manifest
