"""Issue #16: special files are refused by type instead of hanging a run, and I/O errors
(a full disk, a folder that cannot be written) are one line naming the file, never
"internal error (please report it)"."""

from __future__ import annotations

import errno
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import RunCli, assert_one_line_errors

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail a test that blocks (reading a FIFO with no writer) instead of hanging the run."""

    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError("blocked for 20 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["score", "check"])
@pytest.mark.usefixtures("deadline")
def test_a_fifo_is_refused_and_the_next_input_is_scored(
    run_cli: RunCli, fifo: Path, good_story: Path, command: str
) -> None:
    outcome = run_cli(command, fifo, good_story, "--format", "json")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in outcome.err
    assert "ferry.txt" in outcome.out


@pytest.mark.usefixtures("deadline")
def test_batch_names_a_fifo_for_what_it_is(run_cli: RunCli, fifo: Path, tmp_path: Path) -> None:
    outcome = run_cli("batch", fifo, "--out", tmp_path / "results.jsonl")
    assert outcome.code == 2
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in outcome.err


def test_a_device_is_refused_by_type(run_cli: RunCli) -> None:
    outcome = run_cli("score", "/dev/zero")
    assert outcome.err_lines == [
        "sourcecheck: error: /dev/zero: is a character device, not a regular file "
        "(read a pipe with '-')"
    ]


@pytest.mark.usefixtures("deadline")
def test_a_config_file_that_is_a_fifo_is_refused(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    config = tmp_path / "sourcecheck.toml"
    os.mkfifo(config)
    outcome = run_cli("score", good_story, "--config", config)
    assert outcome.err_lines == [f"sourcecheck: error: {config}: config file is not a regular file"]


def test_a_batch_output_that_is_not_a_regular_file_is_refused(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    """Resuming reads the output back: /dev/full would be read for ever."""
    out = tmp_path / "results.jsonl"
    out.symlink_to("/dev/full")
    outcome = run_cli("batch", good_story, "--out", out)
    assert outcome.err_lines == [
        f"sourcecheck: error: {out}: is not a regular file; choose a file for --output"
    ]


@pytest.mark.parametrize("command", ["score", "check"])
def test_a_full_disk_is_one_line_naming_the_output(
    run_cli: RunCli, good_story: Path, command: str
) -> None:
    outcome = run_cli(command, good_story, "-o", "/dev/full")
    assert outcome.code == 2
    assert outcome.err_lines == ["sourcecheck: error: /dev/full: No space left on device"]


def test_a_full_disk_in_batch_is_one_line_naming_the_output(
    run_cli: RunCli, good_story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("sourcecheck.batch.writers.os.fsync", no_space)
    out = tmp_path / "results.jsonl"
    outcome = run_cli("batch", good_story, "--out", out)
    assert outcome.code == 2
    assert outcome.err_lines == [f"sourcecheck: error: {out}: No space left on device"]


@pytest.mark.parametrize("out", ["results.jsonl", "results.parquet"])
def test_an_output_folder_that_cannot_be_made_is_one_line(
    run_cli: RunCli, good_story: Path, out: str
) -> None:
    # /proc refuses new entries even to root, where a chmod'ed folder would not.
    target = Path("/proc/sourcecheck-no-such-dir") / out
    outcome = run_cli("batch", good_story, "--out", target)
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert "internal error" not in outcome.err
    assert outcome.err_lines[0].startswith("sourcecheck: error: /proc/sourcecheck-no-such-dir")


def test_index_into_a_folder_that_cannot_be_made_is_one_line(
    run_cli: RunCli, good_story: Path
) -> None:
    outcome = run_cli("index", good_story, "--out", "/proc/sourcecheck-no-such-dir/claims.idx")
    assert outcome.code == 2
    assert "internal error" not in outcome.err
    assert_one_line_errors(outcome)
