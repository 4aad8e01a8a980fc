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
    spreadsheet = tmp_path / "results.xlsx"
    spreadsheet.write_text("id,score\na,50\n", encoding="utf-8")
    fake = tmp_path / "results.parquet"
    fake.write_text("id,score\n", encoding="utf-8")
    for path in (broken, not_rows, spreadsheet, fake):
        assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == f"sourcecheck: error: {broken}:3: malformed JSON: Expecting value"
    assert err[1] == f"sourcecheck: error: {not_rows}:2: line is not a JSON object"
    assert str(spreadsheet) in err[2] and ".jsonl, .csv or .parquet" in err[2]
    assert str(fake) in err[3] and "unreadable Parquet" in err[3]
    assert len(err) == 4 and not any("internal error" in line for line in err)


def _wide_results(path: Path, *, reporting_scorer: bool = True) -> Path:
    """Four outlets, five scorers with long names, one reporting-only scorer (weight 0)."""
    import pyarrow.parquet as pq

    rng = np.random.default_rng(3)
    rows = []
    for outlet, centre in [("Northern Evening Chronicle", 50.0), ("Southern Morning Post", 52.0),
                           ("Western Daily Register", 70.0), ("Eastern Weekly Courier", 71.0)]:  # fmt: skip
        for i in range(20):
            score = float(np.clip(rng.normal(centre, 5), 0, 100))
            row = {"id": f"{outlet}{i}", "outlet": outlet, "status": "ok", "score": score,
                   "published": f"2025-0{i % 3 + 1}-10"}  # fmt: skip
            for scorer in ("attribution_clarity", "anonymous_sources", "corroboration",
                           "hedging", "house_style_checks"):  # fmt: skip
                row[f"{scorer}.score"] = score / 100
                row[f"{scorer}.contribution"] = score / 10 - 5
            if reporting_scorer:
                row["corpus_matches.score"] = 1.0
                row["corpus_matches.contribution"] = 0.0
            rows.append(row)
    path.mkdir()
    pq.write_table(rows_to_table(rows, {}), path / "part-000000.parquet")
    return path


def test_text_fits_80_columns_and_lists_the_pairs_that_differ(tmp_path: Path) -> None:
    from sourcecheck.compare import render_text

    comparison = compare(_wide_results(tmp_path / "r.parquet"), CompareOptions(resamples=200))
    text = render_text(comparison, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "4 of 6 pairs differ (adjusted p < 0.05), listed below" in " ".join(text.split())
    pair_lines = [line for line in text.splitlines() if line.lstrip().startswith(
        ("Northern", "Southern", "Western", "Eastern")) and "<0.001" in line]  # fmt: skip
    assert len(pair_lines) == 4  # the two similar pairs are not listed
    everything = render_text(
        compare(tmp_path / "r.parquet", CompareOptions(resamples=200, all_pairs=True)), width=80
    )
    assert "every pair listed" in " ".join(everything.split())


def test_no_pair_differing_is_said_not_left_as_an_empty_heading(tmp_path: Path) -> None:
    from sourcecheck.compare import render_text

    results = _wide_results(tmp_path / "r.parquet")
    comparison = compare(results, CompareOptions(resamples=200, alpha=1e-12))
    flat = " ".join(render_text(comparison).split())
    assert "0 of 6 pairs differ" in flat and "--all-pairs lists them all" in flat


def test_a_reporting_only_scorer_is_not_a_column_of_the_profile(tmp_path: Path) -> None:
    comparison = compare(_wide_results(tmp_path / "r.parquet"), CompareOptions(resamples=200))
    assert "corpus_matches.score.mean" not in comparison.table.columns
    assert "hedging.score.mean" in comparison.table.columns
    # Still comparable on its own when asked for.
    alone = compare(tmp_path / "r.parquet", CompareOptions(metric="corpus_matches.score"))
    assert set(alone.table["mean"]) == {1.0}


def test_crossed_with_month_the_figures_stay_per_outlet(tmp_path: Path) -> None:
    import matplotlib.colors as mcolors

    from sourcecheck.compare.plots import HEATMAP, OKABE_ITO, monthly_trend, score_distributions

    comparison = compare(
        _wide_results(tmp_path / "r.parquet"),
        CompareOptions(by=("outlet", "month"), resamples=200),
    )
    assert len(comparison.table) == 12  # 4 outlets x 3 months
    boxes = score_distributions(comparison.frame, by="outlet")
    labels = [t.get_text() for t in boxes.axes[0].get_yticklabels()]
    assert len(labels) == 4 and all("(n=20)" in label for label in labels)
    trend = monthly_trend(comparison.frame, "outlet")
    axes = trend.axes[0]
    palette = {mcolors.to_hex(c) for c in OKABE_ITO}
    assert {mcolors.to_hex(line.get_color()) for line in axes.get_lines()} <= palette
    assert len(axes.collections) == 4  # one 95% band per outlet
    assert all("(n=20)" in t.get_text() for t in axes.get_legend().get_texts())
    written = write_report(comparison, tmp_path / "out")
    assert written["monthly_trend.png"].stat().st_size > 0
    assert HEATMAP == "cividis"


def test_cli_spellings_old_and_new(tmp_path: Path, capsys) -> None:
    results = _wide_results(tmp_path / "r.parquet")
    base = ["compare", str(results), "--resamples", "200"]
    assert main([*base, "--format", "json", "-o", str(tmp_path / "a")]) == 0
    assert json.loads(capsys.readouterr().out)["options"]["by"] == ["outlet"]
    assert main([*base, "--json", "--out", str(tmp_path / "b")]) == 0  # hidden, for a release
    assert json.loads(capsys.readouterr().out)["options"]["by"] == ["outlet"]
    assert (tmp_path / "a" / "table.csv").is_file() and (tmp_path / "b" / "table.csv").is_file()
    from sourcecheck.cli.compare import compare_command

    shown = compare_command.get_help(__import__("click").Context(compare_command))
    assert "--output" in shown and "--format" in shown and "--color" in shown
    assert "--json" not in shown and "--out " not in shown
