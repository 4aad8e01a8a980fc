from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_factory import FIELDS, news_record, records, write_jsonl

from sourcecheck import __version__
from sourcecheck.batch import read_metadata, read_results, run_batch
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import ConfigError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "corpus.jsonl",
        records(30),
        extra_lines=["{broken", json.dumps({"doc": "blank", "story": ""})],
    )


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_one_row_per_input_record_with_failures_kept(
    corpus: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"results{suffix}"
    failures: list[str] = []
    summary = run_batch(
        [corpus],
        out,
        fields=FIELDS,
        chunk_size=7,
        rows_per_part=10,
        on_failure=lambda row: failures.append(row["id"]),
    )
    frame = read_results(out)
    assert summary.written == len(frame) == 32
    assert frame["id"].is_unique
    failed = frame[frame["status"] == "failed"]
    assert sorted(failed["id"]) == sorted([f"{corpus}:31", "blank"])
    assert failed["error"].str.len().min() > 0
    assert sorted(failures) == sorted(failed["id"])
    ok = frame[frame["status"] == "ok"]
    assert ok["score"].between(0, 100).all()
    assert set(ok["outlet"]) == {"North Gazette", "River Herald", "Coastal Daily"}


def test_rows_have_a_flat_column_per_scorer(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    run_batch([corpus], out, fields=FIELDS)
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    for scorer in Engine().scorers:
        for column in ("score", "confidence", "status", "contribution"):
            assert f"{scorer.name}.{column}" in row
    assert not any(isinstance(v, dict | list) for v in row.values())


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_metadata_records_versions_config_and_fields(
    corpus: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"r{suffix}"
    run_batch([corpus], out, fields=FIELDS, config=Config(time_budget=7.5))
    meta = read_metadata(out)
    assert meta["sourcecheck"] == __version__
    assert meta["scorers"] == {s.name: s.version for s in Engine().scorers}
    assert meta["config"]["time_budget"] == 7.5
    assert meta["fields"] == FIELDS
    if suffix == ".parquet":
        part = next(out.glob("part-*.parquet"))
        assert read_metadata(part)["config"]["time_budget"] == 7.5


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_rerun_skips_what_is_written_and_adds_only_new_articles(
    tmp_path: Path, suffix: str
) -> None:
    first = write_jsonl(tmp_path / "c.jsonl", records(10))
    out = tmp_path / f"r{suffix}"
    run_batch([first], out, fields=FIELDS, rows_per_part=4)
    write_jsonl(first, records(15))  # the corpus grew
    summary = run_batch([first], out, fields=FIELDS, rows_per_part=4)
    assert summary.already_done == 10
    assert summary.written == 5
    frame = read_results(out)
    assert sorted(frame["id"]) == sorted(r["doc"] for r in records(15))


def test_repeated_ids_in_the_input_are_written_once_and_reported(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [news_record(1), news_record(2), news_record(1)])
    summary = run_batch([corpus], tmp_path / "r.jsonl", fields=FIELDS)
    assert summary.written == 2
    assert summary.duplicates == ["a00001"]


def test_resume_refuses_a_different_config(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    run_batch([corpus], out, fields=FIELDS)
    with pytest.raises(ConfigError, match="different config"):
        run_batch([corpus], out, fields=FIELDS, config=Config(time_budget=3.0))
    with pytest.raises(ConfigError, match="different fields"):
        run_batch([corpus], out, fields={**FIELDS, "title": "story"})


def test_two_worker_processes_give_the_same_rows_as_one(corpus: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    run_batch([corpus], serial, fields=FIELDS)
    run_batch([corpus], parallel, fields=FIELDS, workers=2, chunk_size=5)

    def rows(path: Path) -> dict[str, dict]:
        return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}

    assert rows(serial) == rows(parallel)
    # Order is kept too: chunks are collected in the order they were sent.
    assert list(rows(serial)) == list(rows(parallel))


PLUGINS_FAILING = Path(__file__).with_name("plugins_failing")


def _volcano_corpus(tmp_path: Path) -> Path:
    rows = records(4)
    rows[1]["story"] = "The volcano near Elmsworth erupted on Monday, the survey office said."
    return write_jsonl(tmp_path / "c.jsonl", rows)


def test_a_failing_scorer_is_a_column_not_a_lost_article(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    config = Config(plugins_dir=[str(PLUGINS_FAILING)])
    run_batch([_volcano_corpus(tmp_path)], out, fields=FIELDS, config=config)
    frame = read_results(out).set_index("id")
    assert (frame["status"] == "ok").all()
    assert frame.loc["a00001", "explosive.status"] == "failed"
    assert "erupted" in frame.loc["a00001", "explosive.error"]
    assert frame.loc["a00000", "explosive.score"] == 0.9
    assert frame.loc["a00000", "explosive.calm"] == 1.0  # booleans become 0/1
    assert "explosive.label" not in frame.columns  # text metrics stay in the JSON report


def test_in_strict_mode_the_article_fails_and_the_run_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    config = Config(plugins_dir=[str(PLUGINS_FAILING)], strict=True)
    summary = run_batch([_volcano_corpus(tmp_path)], out, fields=FIELDS, config=config, workers=2)
    frame = read_results(out).set_index("id")
    assert summary.written == 4 and summary.failed == 1
    assert frame.loc["a00001", "status"] == "failed"
    assert "erupted" in frame.loc["a00001", "error"]
    assert list(frame.index) == ["a00000", "a00001", "a00002", "a00003"]


@pytest.mark.slow
def test_a_script_without_a_main_guard_is_told_about_the_guard(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(6))
    script = tmp_path / "no_guard.py"
    script.write_text(
        "from sourcecheck.batch import run_batch\n"
        f"run_batch([{str(corpus)!r}], {str(tmp_path / 'out.jsonl')!r}, workers=2,\n"
        f"          fields={FIELDS!r})\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert 'if __name__ == "__main__":' in done.stderr
    assert "out of memory or killed?" not in done.stderr
