"""Smoke test of the PolNeAR benchmark on a tiny brat fixture of our own sentences."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest
from script_loading import load_script

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "polnear_tiny"


def load_benchmark() -> ModuleType:
    return load_script(ROOT / "benchmarks" / "polnear.py", "polnear_benchmark")


polnear = load_benchmark()


def test_parse_ann_reads_spans_linked_by_events() -> None:
    text = (FIXTURE / "dev" / "text" / "tiny_bridge.txt").read_text(encoding="utf-8")
    ann = (FIXTURE / "dev" / "attributions" / "tiny_bridge_aaaa.ann").read_text(encoding="utf-8")
    gold = polnear.parse_ann(ann, text)
    assert {text[s:e] for s, e in gold["cue"]} == {"said"}
    assert {text[s:e] for s, e in gold["source"]} == {"Mayor Ana Ruiz", "Tom Lee, a council member"}
    assert len(gold["content"]) == 2


def test_discontinuous_span_is_compared_by_its_extent() -> None:
    text = "abc def ghi jkl"
    gold = polnear.parse_ann("T1\tContent 0 3;8 11\tabc ghi\nE1\tAttribution:T2 Content:T1\n", text)
    assert gold["content"] == {(0, 11)}


def test_run_scores_the_fixture_with_the_first_annotator() -> None:
    result = polnear.run(FIXTURE, "dev")
    assert result.articles == 2  # the empty second annotator file is not used
    for kind in polnear.KINDS:
        precision, recall, f1 = result.counts[kind].scores("exact")
        assert (precision, recall, f1) == (1.0, 1.0, 1.0), kind
    assert "cue" in result.table()


def test_overlap_match_counts_partial_spans() -> None:
    counts = polnear.Counts()
    counts.add({(0, 5), (20, 25)}, {(3, 9)})
    assert counts.scores("exact") == (0.0, 0.0, 0.0)
    assert counts.scores("overlap")[:2] == (0.5, 1.0)


def test_main_reports_a_missing_folder_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert polnear.main(["--data", str(tmp_path), "--split", "dev"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err


def test_error_listing_runs_on_the_tiny_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import polnear_errors
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert polnear_errors.main(["--data", str(FIXTURE), "--split", "dev", "--kind", "all"]) == 0
    out = capsys.readouterr().out
    for kind in polnear_errors.ERROR_KINDS:
        assert f"== {kind}:" in out
