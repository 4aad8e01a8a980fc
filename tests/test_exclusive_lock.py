"""The lock that lets a timing test run while no other xdist worker runs a test."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from exclusive_lock import WorkersLock

pytest.importorskip("fcntl", reason="no flock on Windows")


def _locks(folder: Path, count: int) -> list[WorkersLock]:
    made = [WorkersLock.in_folder(folder) for _ in range(count)]
    assert all(made)
    return made  # type: ignore[return-value]


def test_readers_share_and_a_writer_waits_for_them(tmp_path: Path) -> None:
    reader, other, writer = _locks(tmp_path, 3)
    assert reader.share() and other.share(blocking=False)
    assert not writer.take(blocking=False)
    reader.release()
    assert not writer.take(blocking=False)
    other.release()
    assert writer.take(blocking=False) and writer.exclusive
    assert not reader.share(blocking=False)
    writer.release()
    assert not writer.exclusive and reader.share(blocking=False)


def test_a_waiting_writer_goes_before_readers_that_come_after_it(tmp_path: Path) -> None:
    reader, writer, latecomer = _locks(tmp_path, 3)
    assert reader.share()
    waiting = threading.Thread(target=writer.take)
    waiting.start()
    deadline = time.monotonic() + 10
    while latecomer.share(blocking=False):  # until the writer holds the turnstile
        latecomer.release()
        assert time.monotonic() < deadline
    assert not writer.exclusive
    reader.release()
    waiting.join(timeout=10)
    assert writer.exclusive and not latecomer.share(blocking=False)
    writer.release()
