"""Kill a batch run with SIGKILL part-way, run it again, and check every row is there once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from batch_factory import FIELD_FLAGS, records, write_jsonl

from sourcecheck.batch import read_results

PLUGINS = Path(__file__).with_name("plugins")
ARTICLES = 200
DEADLINE = 60.0


def _command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "sourcecheck.cli", "batch", str(corpus), "--out", str(out),
        "--plugins-dir", str(PLUGINS), "--chunk-size", "8", "--no-progress", *FIELD_FLAGS, *extra,
    ]  # fmt: skip


def _jsonl_rows(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


def _parquet_rows(out: Path) -> int:
    return len(list(out.glob("part-*.parquet")))  # one part per 20 rows below


def _kill_when(process: subprocess.Popen, ready: Callable[[], bool]) -> None:
    """Poll the output until ``ready``, then SIGKILL; fail if the deadline passes first.

    Worker processes must not outlive their killed parent.
    """
    deadline = time.monotonic() + DEADLINE
    while not ready():
        assert process.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline, "no output before the deadline"
        time.sleep(0.01)  # polling interval only: nothing depends on how long this is
    workers = psutil.Process(process.pid).children(recursive=True)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=DEADLINE)
    for orphan in alive:
        orphan.kill()
    assert not alive, f"{len(alive)} worker processes outlived the killed run"


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_run_killed_then_resumed_has_every_row_once(tmp_path: Path, workers: str) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(ARTICLES))
    out = tmp_path / "results.jsonl"
    process = subprocess.Popen(_command(corpus, out, "--workers", workers), stderr=subprocess.PIPE)
    _kill_when(process, lambda: _jsonl_rows(out) >= 40)
    written_before = _jsonl_rows(out)
    assert 40 <= written_before < ARTICLES
    finished = subprocess.run(
        _command(corpus, out, "--workers", workers), capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == ARTICLES
    assert set(ids) == {r["doc"] for r in records(ARTICLES)}
    assert "already there" in finished.stderr


@pytest.mark.slow
def test_parquet_run_killed_then_resumed_has_every_row_once(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(ARTICLES))
    out = tmp_path / "results.parquet"
    command = _command(corpus, out, "--rows-per-part", "20")
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    _kill_when(process, lambda: _parquet_rows(out) >= 3)
    assert 3 <= _parquet_rows(out) < ARTICLES // 20
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    frame = read_results(out)
    assert frame["id"].is_unique
    assert set(frame["id"]) == {r["doc"] for r in records(ARTICLES)}
    assert (frame["busy.score"] == 1.0).all()
