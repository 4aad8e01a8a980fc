"""``sourcecheck calibrate`` end to end, then ``score --model`` with what it wrote."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from calibration_helpers import synthetic_records

from sourcecheck.calibration import load_model
from sourcecheck.cli import main

pytestmark = pytest.mark.slow  # fits a few hundred small regressions: seconds, not millis


# The CLI tests calibrate on the test plugin's scorer alone (--enable cues): the built-in
# scorers get better over time, and these tests must not change meaning when they do.


def _calibrate(*args: str | Path) -> int:
    return main(["calibrate", *map(str, args)])


def test_calibrate_learns_from_sourcing_and_the_model_scores(
    tmp_path: Path,
    labelled_jsonl: Path,
    cue_plugin_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "model.json"
    code = _calibrate(
        labelled_jsonl, "--label-field", "reliable", "--group-field", "outlet",
        "--out", out, "--plugins-dir", cue_plugin_dir, "--enable", "cues", "--folds", "3",
    )  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    model = load_model(out)
    assert model.training.n == 40 and model.training.groups == 8
    assert model.training.positives == 20
    assert model.scorer_versions["cues"] == "1.0"
    cues = next(f for f in model.features if f.name == "cues")
    assert cues.coefficient > 0  # more attribution cues, more likely the reliable outlets
    assert model.cv.auc is not None and model.cv.auc > 0.7
    assert len(model.cv.auc_folds) == model.cv.folds == 3
    assert "calibrated model" in printed and "default weighted score" in printed
    assert "Brier score" in printed and "score of cues" in printed

    article = tmp_path / "draft.txt"
    article.write_text(
        "The county engineer said the bridge will reopen on Monday. "
        "According to the transport department, repairs cost $2 million.\n",
        encoding="utf-8",
    )
    code = main(["score", str(article), "--model", str(out), "--plugins-dir",
                 str(cue_plugin_dir), "-f", "json"])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["combiner"] == "calibrated"
    ok = [s for s in report["scorers"] if s["status"] == "ok"]
    assert report["baseline"] + sum(s["contribution"] for s in ok) == pytest.approx(report["score"])
    logit_sum = report["baseline_logit"] + sum(s["logit_contribution"] for s in ok)
    assert logit_sum == pytest.approx(report["logit"])
    assert report["score"] > report["baseline"]  # a well-attributed draft is raised


def test_calibrate_reads_csv_and_reports_bad_rows_but_goes_on(
    tmp_path: Path, cue_plugin_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = synthetic_records(outlets=6, per_outlet=4)
    rows[3]["reliable"] = "perhaps"
    path = tmp_path / "labelled.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "story", "outlet", "reliable"])
        writer.writeheader()
        for row in rows:
            writer.writerow({"id": row["id"], "story": row["text"] + "\nSecond line.",
                             "outlet": row["outlet"], "reliable": row["reliable"]})  # fmt: skip
    out = tmp_path / "model.json"
    code = _calibrate(
        path, "--label-field", "reliable", "--group-field", "outlet", "--text-field", "story",
        "--out", out, "--plugins-dir", cue_plugin_dir, "--enable", "cues", "--folds", "3",
        "--feature", "cues",
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 2  # a bad row is an error even though the rest was used
    assert f"{path}:8: label field 'reliable' is 'perhaps'" in captured.err
    assert load_model(out).training.n == 23
    assert load_model(out).training.skipped == 1


def test_score_with_a_bad_model_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "model.json"
    model.write_text('{"format": "sourcecheck-calibration", "features": "all"}', encoding="utf-8")
    article = tmp_path / "draft.txt"
    article.write_text("The mayor said the bridge will reopen.\n", encoding="utf-8")
    code = main(["score", str(article), "--model", str(model)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(model) in err and "Traceback" not in err


def test_calibrate_refuses_a_single_label(
    tmp_path: Path, cue_plugin_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "labelled.jsonl"
    rows = [r for r in synthetic_records() if r["reliable"] == 1]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code = _calibrate(path, "--label-field", "reliable", "--group-field", "outlet",
                      "--out", tmp_path / "m.json", "--plugins-dir", cue_plugin_dir,
                      "--enable", "cues")  # fmt: skip
    assert code == 2
    assert "need both 0 and 1" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
