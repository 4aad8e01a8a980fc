"""Issue #16, "A plugin cannot harm the others", through the command line: a scorer that
never returns is stopped at its time budget in ``score``, ``check`` and a ``batch`` worker,
and the other scorers' results stand."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from .conftest import RunCli

# A scorer that never returns: without a timer, the run would hang.
LOOPING_PLUGIN = """
import sourcecheck


class Endless(sourcecheck.Scorer):
    name = "endless"
    version = "0.1"

    def score(self, article, analysis):
        while True:
            pass


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Endless()]
"""

BUDGET_MESSAGE = "over its time budget of 0.2s"


def _looping_setup(tmp_path: Path, stem: str) -> tuple[Path, Path]:
    """A plugins folder with the endless scorer in ``stem.py``, and a config of 0.2 s."""
    plugins = tmp_path / f"plugins_{stem}"
    plugins.mkdir()
    (plugins / f"{stem}.py").write_text(LOOPING_PLUGIN, encoding="utf-8")
    config = tmp_path / "budget.toml"
    config.write_text("time_budget = 0.2\n", encoding="utf-8")
    return plugins, config


def _scores(report: dict) -> dict[str, float | None]:
    return {s["name"]: s["score"] for s in report["scorers"] if s["name"] != "endless"}


def test_score_stops_an_endless_scorer_at_its_budget(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins, config = _looping_setup(tmp_path, "isolation_endless_score")
    without = json.loads(run_cli("score", good_story, "--format", "json", "--isolated").out)
    started = time.monotonic()
    outcome = run_cli(
        "score", good_story, "--format", "json", "--config", config, "--plugins-dir", plugins
    )
    assert time.monotonic() - started < 10
    assert outcome.code == 0
    report = json.loads(outcome.out)
    endless = next(s for s in report["scorers"] if s["name"] == "endless")
    assert endless["status"] == "failed" and BUDGET_MESSAGE in endless["error"]
    assert _scores(report) == _scores(without)
    assert report["score"] == without["score"]


def test_check_stops_an_endless_scorer_and_warns(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins, config = _looping_setup(tmp_path, "isolation_endless_check")
    started = time.monotonic()
    outcome = run_cli("check", good_story, "--config", config, "--plugins-dir", plugins)
    assert time.monotonic() - started < 10
    assert outcome.code == 0
    assert BUDGET_MESSAGE in outcome.err


@pytest.mark.slow
def test_a_batch_worker_stops_an_endless_scorer(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins, config = _looping_setup(tmp_path, "isolation_endless_batch")
    out = tmp_path / "results.jsonl"
    started = time.monotonic()
    outcome = run_cli(
        "batch", good_story, "--out", out, "--workers", "2",
        "--config", config, "--plugins-dir", plugins,
    )  # fmt: skip
    assert time.monotonic() - started < 60
    assert outcome.code == 0, outcome.err
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["endless.status"] == "failed"
    assert BUDGET_MESSAGE in row["endless.error"]
    assert row["score"] is not None
