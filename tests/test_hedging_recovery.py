"""Smoke test of benchmarks/hedging_recovery.py on CSV files written for this test."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import pytest
from script_loading import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "hedging_recovery.py"
BODIES = {
    1: ["The council approved the budget on Monday, the clerk said.", "Ana Ruiz won the vote."],
    0: ["Officials may perhaps be hiding something, some say.", "It could possibly be a cover-up."],
}


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(SCRIPT, "hedging_recovery")


def test_auc_matches_hand_counts(bench) -> None:
    assert bench.auc([3.0, 4.0], [1.0, 2.0]) == 1.0
    assert bench.auc([1.0], [2.0]) == 0.0
    assert bench.auc([1.0, 2.0], [1.0, 2.0]) == pytest.approx(0.5)


def test_main_reads_both_labels_and_prints_every_metric(bench, tmp_path, capsys) -> None:
    for label, bodies in BODIES.items():
        folder = tmp_path / ("reliable" if label else "unreliable")
        folder.mkdir()
        with (folder / "outlet.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["publisher", "body_text", "reliability"])
            writer.writeheader()
            for body in bodies:
                writer.writerow(
                    {"publisher": f"Outlet {label}", "body_text": body, "reliability": label}
                )
    assert bench.main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 reliable, 2 unreliable" in out
    score_line = next(line for line in out.splitlines() if line.startswith("score"))
    assert float(score_line.split()[-1]) == 1.0  # the hedged bodies all score lower
    assert bench.main(["--data", str(tmp_path / "missing")]) == 2
