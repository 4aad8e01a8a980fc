from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from sourcecheck.batch.writers import rows_to_table
from sourcecheck.cli import main
from sourcecheck.compare import CompareOptions, compare, write_report


def _results(path: Path) -> Path:
    import pyarrow.parquet as pq

    rng = np.random.default_rng(1)
    rows = []
    for outlet, centre in [("Plain News", 55.0), ("<script>alert(1)</script>", 70.0)]:
        for i in range(25):
            score = float(np.clip(rng.normal(centre, 6), 0, 100))
            rows.append(
                {"id": f"{outlet}{i}", "outlet": outlet, "published": f"2025-0{i % 2 + 1}-03",
                 "status": "ok", "score": score, "hedging.score": score / 100,
                 "corroboration.score": 1 - score / 100}
            )  # fmt: skip
    rows.append({"id": "bad", "outlet": "Plain News", "status": "failed", "error": "x"})
    path.mkdir()
    pq.write_table(
        rows_to_table(rows, {"sourcecheck": "9.9", "scorers": {"hedging": "1"}}),
        path / "part-000000.parquet",
    )
    return path


def test_report_files_are_written_and_html_escapes_outlet_names(tmp_path: Path) -> None:
    results = _results(tmp_path / "r.parquet")
    comparison = compare(results, CompareOptions(by=("outlet", "month"), resamples=300))
    written = write_report(comparison, tmp_path / "out")
    for name in ("table", "tests", "markdown", "html", "score_distributions.png",
                 "score_distributions.svg", "scorer_profile.png", "monthly_trend.svg"):  # fmt: skip
        assert written[name].stat().st_size > 0, name
    html = written["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "data:image/png;base64," in html  # self-contained
    assert written["score_distributions.png"].read_bytes()[:4] == b"\x89PNG"
    data = json.loads(written["tests"].read_text(encoding="utf-8"))
    assert data["versions"]["sourcecheck"] == "9.9"
    assert len(data["groups"]) == 4


def test_cli_prints_table_and_json(tmp_path: Path, capsys) -> None:
    results = _results(tmp_path / "r.parquet")
    assert main(["compare", str(results), "--resamples", "200"]) == 0
    out = capsys.readouterr().out
    assert "Plain News" in out and "Kruskal-Wallis on score over 2 groups" in out
    assert (
        main(["compare", str(results), "--json", "--correction", "bh", "--resamples", "200"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["tests"]["p_value"] < 0.001
    assert data["options"]["correction"] == "bh"


def test_cli_errors_are_one_line_with_exit_code_2(tmp_path: Path, capsys) -> None:
    assert main(["compare", str(tmp_path / "missing.parquet")]) == 2
    assert main(["compare", str(_results(tmp_path / "r.parquet")), "--by", "section"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("sourcecheck: error:") for line in err)
    assert "section" in err[1]


def test_any_scorer_column_can_be_the_compared_metric(tmp_path: Path, capsys) -> None:
    results = _results(tmp_path / "r.parquet")
    command = ["compare", str(results), "--metric", "corroboration.score", "--json"]
    assert main([*command, "--resamples", "200"]) == 0
    data = json.loads(capsys.readouterr().out)
    means = {g["group"]: g["mean"] for g in data["groups"]}
    # corroboration.score is 1 - score/100 in the fixture: the order of outlets flips.
    assert means["Plain News"] > means["<script>alert(1)</script>"]
    assert 0 < means["Plain News"] < 1
    assert main(["compare", str(results), "--metric", "nope.score"]) == 2
    assert "nope.score" in capsys.readouterr().err


def test_unreadable_results_name_the_file_and_line(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "results.jsonl"
    broken.write_text('{"id": "a", "score": 50}\n\n{"id": "b", "score":\n', encoding="utf-8")
    not_rows = tmp_path / "rows.jsonl"
    not_rows.write_text('{"id": "a", "score": 50}\n[1, 2]\n', encoding="utf-8")
    spreadsheet = tmp_path / "results.csv"
    spreadsheet.write_text("id,score\na,50\n", encoding="utf-8")
    fake = tmp_path / "results.parquet"
    fake.write_text("id,score\n", encoding="utf-8")
    for path in (broken, not_rows, spreadsheet, fake):
        assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == f"sourcecheck: error: {broken}:3: malformed JSON: Expecting value"
    assert err[1] == f"sourcecheck: error: {not_rows}:2: line is not a JSON object"
    assert str(spreadsheet) in err[2] and ".jsonl or .parquet" in err[2]
    assert str(fake) in err[3] and "unreadable Parquet" in err[3]
    assert len(err) == 4 and not any("internal error" in line for line in err)
