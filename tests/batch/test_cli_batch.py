from __future__ import annotations

import json
from pathlib import Path

from batch_factory import FIELD_FLAGS, records, write_jsonl

from sourcecheck.batch import read_results
from sourcecheck.cli import main


def test_bad_lines_are_one_line_errors_exit_2_and_the_rest_is_scored(
    tmp_path: Path, capsys
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(5), extra_lines=["{half"])
    out = tmp_path / "r.parquet"
    assert main(["batch", str(corpus), "--out", str(out), *FIELD_FLAGS]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        err[0]
        == f"sourcecheck: error: {corpus}:6: malformed JSON: Expecting property name enclosed in double quotes"
    )
    assert "6 rows written" in err[-1] and "1 failed" in err[-1]
    assert len(read_results(out)) == 6


def test_progress_bar_goes_to_stderr_only_when_asked(tmp_path: Path, capsys) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(5))
    assert main(["batch", str(corpus), "--out", str(tmp_path / "a.jsonl"), *FIELD_FLAGS]) == 0
    quiet = capsys.readouterr()
    assert "art/s" not in quiet.err and quiet.out == ""
    assert (
        main(["batch", str(corpus), "--out", str(tmp_path / "b.jsonl"), "--progress", *FIELD_FLAGS])
        == 0
    )
    loud = capsys.readouterr()
    assert "art/s" in loud.err and "5/5" in loud.err and loud.out == ""


def test_csv_with_column_mapping(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records(1)[0]))
        writer.writeheader()
        writer.writerows(records(4))
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(path), "--out", str(out), *FIELD_FLAGS]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a00000", "a00001", "a00002", "a00003"]
    assert rows[1]["outlet"] == "River Herald" and rows[1]["published"] == "2025-02-02"
    assert rows[0]["source"] == f"{path}:2"


def test_wrong_output_suffix_is_a_usage_error(tmp_path: Path, capsys) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", records(1))
    assert main(["batch", str(corpus), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert "must end in .jsonl" in capsys.readouterr().err
