"""Batch scoring for researchers: stream a corpus into flat rows, resumably, in parallel.

    from sourcecheck.batch import run_batch, read_results
    summary = run_batch(["corpus.jsonl"], "results.parquet", workers=2)
    frame = read_results("results.parquet")

The Dask backend is in :mod:`sourcecheck.batch.dask_backend` (``sourcecheck[dask]``).
"""

from sourcecheck.batch.rows import failed_row, report_row
from sourcecheck.batch.runner import BatchSummary, run_batch, run_metadata
from sourcecheck.batch.writers import read_metadata, read_results
from sourcecheck.loaders.records import BadRecord, read_articles

__all__ = [
    "BadRecord",
    "BatchSummary",
    "failed_row",
    "read_articles",
    "read_metadata",
    "read_results",
    "report_row",
    "run_batch",
    "run_metadata",
]
