"""Moved to :mod:`sourcecheck.loaders.records` (the claim index reads corpora too, and
batch uses the claim index); this name stays for code that imports it."""

from sourcecheck.loaders.records import (
    JSONL_SUFFIXES,
    MAPPABLE_FIELDS,
    PARQUET_BATCH_ROWS,
    TABLE_SUFFIXES,
    BadRecord,
    Item,
    count_records,
    engine_loaders,
    is_under,
    iter_folder,
    json_object_lines,
    read_articles,
    to_item,
    within_limit,
)

__all__ = [
    "JSONL_SUFFIXES",
    "MAPPABLE_FIELDS",
    "PARQUET_BATCH_ROWS",
    "TABLE_SUFFIXES",
    "BadRecord",
    "Item",
    "count_records",
    "engine_loaders",
    "is_under",
    "iter_folder",
    "json_object_lines",
    "read_articles",
    "to_item",
    "within_limit",
]
