"""Issue #16, "One bad record never stops a corpus": each hostile record is one failed row
with its reason, every other record is scored, and a rerun finishes instead of failing again."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from sourcecheck.batch.dask_backend import score_records
from sourcecheck.batch.worker import build_engine
from sourcecheck.cli import main
from sourcecheck.core.config import Config

GOOD_BODY = (
    "The county council voted 6-3 on Tuesday to delay the ferry contract, the clerk said. "
    '"We need another month to read the bids," said council leader Maria Okafor.'
)
DEEP_LINE = '{"id": "deep", "body": ' + "[" * 100_000 + "]" * 100_000 + "}"
LONG_ID_LINE = '{"id": ' + "7" * 5000 + ', "body": "The mayor said so."}'
BAD_DATE_DRAFT = f"---\ntitle: Ferry\npublished: 2020-13-45\n---\n\n{GOOD_BODY}\n"


def _good(number: int) -> str:
    return json.dumps({"id": f"good{number}", "body": GOOD_BODY})


def _rows(path: Path) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in map(json.loads, path.read_text().splitlines())}


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    lines = [_good(1), DEEP_LINE, LONG_ID_LINE, _good(2)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_hostile_jsonl_lines_are_failed_rows_and_a_rerun_completes(
    hostile_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(hostile_corpus), "--out", str(out)]) == 2
    rows = _rows(out)
    assert [rows[i]["status"] for i in ("good1", "good2")] == ["ok", "ok"]
    deep, long_id = rows[f"{hostile_corpus}:2"], rows[f"{hostile_corpus}:3"]
    assert deep["status"] == long_id["status"] == "failed"
    assert deep["error"].endswith(":2: JSON nested too deeply to read")
    assert long_id["error"].endswith(":3: unreadable JSON: a number with too many digits")
    assert "internal error" not in capsys.readouterr().err
    assert main(["batch", str(hostile_corpus), "--out", str(out)]) == 0
    assert "0 rows written" in capsys.readouterr().err
    assert len(_rows(out)) == 4


def test_a_front_matter_date_that_does_not_exist_is_a_failed_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "a.md"
    bad.write_text(BAD_DATE_DRAFT, encoding="utf-8")
    ok = tmp_path / "ok.md"
    ok.write_text(f"# Ferry\n\n{GOOD_BODY}\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(bad), str(ok), "--out", str(out)]) == 2
    rows = _rows(out)
    assert rows[str(bad)]["status"] == "failed"
    assert (
        "front matter has a value that cannot be read: month must be in 1..12"
        in (rows[str(bad)]["error"])
    )
    assert [row["status"] for row in rows.values()].count("ok") == 1
    assert "internal error" not in capsys.readouterr().err


def test_a_cyclic_front_matter_is_a_failed_row_with_workers(tmp_path: Path) -> None:
    """YAML aliases can make a cycle, which cannot be sent to a worker process."""
    cyclic = tmp_path / "cyclic.md"
    cyclic.write_text(f"---\ntags: &a [*a]\n---\n\n{GOOD_BODY}\n", encoding="utf-8")
    ok = tmp_path / "ok.md"
    ok.write_text(f"# Ferry\n\n{GOOD_BODY}\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(cyclic), str(ok), "--out", str(out), "--workers", "2"]) == 2
    statuses = sorted(row["status"] for row in _rows(out).values())
    assert statuses == ["failed", "ok"]


def test_dask_partitions_turn_hostile_records_into_failed_rows(tmp_path: Path) -> None:
    bad = tmp_path / "a.md"
    bad.write_text(BAD_DATE_DRAFT, encoding="utf-8")
    engine = build_engine(Config().model_dump(mode="json"))
    source = str(tmp_path / "corpus.jsonl")
    partition = [(source, line) for line in (_good(1), DEEP_LINE, LONG_ID_LINE, _good(2))]
    rows = score_records(engine, [*partition, (str(bad), None)], {})
    assert [row["status"] for row in rows] == ["ok", "failed", "failed", "ok", "failed"]
    assert rows[1]["error"] == f"{source}: JSON nested too deeply to read"
    assert "month must be in 1..12" in rows[4]["error"]


def _utf8_corpus(path: Path) -> Path:
    """Good lines around an invalid byte and a JSON-escaped unpaired surrogate."""
    lines = [
        _good(1).encode(),
        b'{"id": "bad\xff", "body": "The mayor said so."}',
        _good(2).encode(),
        b'{"id": "sur\\ud800", "body": "The mayor said \\udc00 so."}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_an_invalid_utf8_byte_fails_its_line_only(tmp_path: Path) -> None:
    corpus = _utf8_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(corpus), "--out", str(out)]) == 2
    rows = _rows(out)
    assert [rows[i]["status"] for i in ("good1", "good2")] == ["ok", "ok"]
    assert rows[f"{corpus}:2"]["error"] == (
        f"{corpus}:2: not UTF-8 text (invalid byte 0xff at column 12)"
    )
    assert rows[f"{corpus}:4"]["error"] == (f"{corpus}:4: not text (holds an unpaired surrogate)")


def test_invalid_utf8_on_stdin_is_an_error_not_a_surrogate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _utf8_corpus(tmp_path / "corpus.jsonl").read_bytes()
    # What a POSIX locale gives: a text layer that turns invalid bytes into surrogates.
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = tmp_path / "results.jsonl"
    assert main(["batch", "-", "--out", str(out)]) == 2
    rows = _rows(out)
    assert rows["-:2"]["error"] == "-:2: not UTF-8 text (invalid byte 0xff at column 12)"
    assert sorted(row["status"] for row in rows.values()) == ["failed", "failed", "ok", "ok"]


def test_score_reads_the_good_lines_around_an_invalid_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _utf8_corpus(tmp_path / "corpus.jsonl")
    assert main(["score", str(corpus), "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert [json.loads(line)["article"]["id"] for line in captured.out.splitlines()] == [
        "good1",
        "good2",
    ]
    assert captured.err.splitlines() == [
        f"sourcecheck: error: {corpus}:2: not UTF-8 text (invalid byte 0xff at column 12)",
        f"sourcecheck: error: {corpus}:4: not text (holds an unpaired surrogate)",
    ]


def test_dask_reads_the_good_lines_around_an_invalid_byte(tmp_path: Path) -> None:
    from sourcecheck.batch.dask_backend import records_bag

    corpus = _utf8_corpus(tmp_path / "corpus.jsonl")
    partition = records_bag([str(corpus)]).compute(scheduler="sync")
    engine = build_engine(Config().model_dump(mode="json"))
    rows = score_records(engine, partition, {})
    assert [row["status"] for row in rows] == ["ok", "failed", "ok", "failed"]
    assert rows[1]["error"] == f"{corpus}: not UTF-8 text (invalid byte 0xff at column 12)"
    assert rows[1]["id"] != rows[3]["id"]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_batch_applies_max_bytes_to_each_article(tmp_path: Path, suffix: str) -> None:
    big = {"id": "big", "body": GOOD_BODY * 20}  # 3,000-odd bytes
    small = {"id": "small", "body": GOOD_BODY}
    corpus = tmp_path / f"corpus{suffix}"
    if suffix == ".jsonl":
        corpus.write_text(f"{json.dumps(big)}\n{json.dumps(small)}\n", encoding="utf-8")
    else:
        with corpus.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, ["id", "body"])
            writer.writeheader()
            writer.writerows([big, small])
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(corpus), "--out", str(out), "--max-bytes", "1000"]) == 2
    rows = _rows(out)
    assert rows["small"]["status"] == "ok"
    assert rows["big"]["status"] == "failed"
    size = len(big["body"].encode())
    assert rows["big"]["error"].endswith(
        f": article 'big' text is {size:,} bytes, over the size limit of 1,000 bytes (max_bytes)"
    )


def test_dask_applies_max_bytes_to_each_article(tmp_path: Path) -> None:
    engine = build_engine(Config(max_bytes=1000).model_dump(mode="json"))
    big = json.dumps({"id": "big", "body": GOOD_BODY * 20})
    rows = score_records(engine, [("c.jsonl", big), ("c.jsonl", _good(1))], {})
    assert [row["status"] for row in rows] == ["failed", "ok"]
    assert "over the size limit of 1,000 bytes" in rows[0]["error"]


@pytest.mark.parametrize("name", ["results.jsonl", "results.parquet"])
def test_a_second_run_on_a_locked_output_refuses(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sourcecheck.batch.runner import run_metadata
    from sourcecheck.batch.writers import open_sink

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f"{_good(1)}\n{_good(2)}\n", encoding="utf-8")
    out = tmp_path / name
    # The first run, still writing: it holds the output's lock.
    first = open_sink(out, run_metadata(build_engine(Config().model_dump()), {}, None))
    first.open()
    try:
        assert main(["batch", str(corpus), "--out", str(out)]) == 2
        assert capsys.readouterr().err.splitlines() == [
            f"sourcecheck: error: {out}: another sourcecheck batch run is writing to it; "
            "wait for it to finish or choose another --output"
        ]
    finally:
        first.close()
    assert main(["batch", str(corpus), "--out", str(out)]) == 0


def test_dask_refuses_an_output_another_run_holds(tmp_path: Path) -> None:
    from sourcecheck.batch.dask_backend import run_dask
    from sourcecheck.batch.writers import OutputBusyError, open_parquet_lock

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f"{_good(1)}\n", encoding="utf-8")
    out = tmp_path / "results.parquet"
    out.mkdir()
    with open_parquet_lock(out), pytest.raises(OutputBusyError, match="another sourcecheck"):
        run_dask([corpus], out)
    assert not list(out.glob("part-*"))


@pytest.mark.parametrize("name", ["results.jsonl", "results.parquet"])
def test_a_rerun_never_reads_its_own_output_from_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.md").write_text(f"# Ferry\n\n{GOOD_BODY}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert main(["batch", ".", "--output", f"./{name}"]) == 0
    err = capsys.readouterr().err
    assert "error" not in err
    assert "0 rows written" in err.splitlines()[-1]


def test_naming_the_output_as_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f"{_good(1)}\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(corpus), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["batch", str(corpus), f"{out}.meta.json", "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"sourcecheck: error: {out}.meta.json: is this run's output (--output), not an input\n"
    )


def test_dask_never_reads_its_own_output_from_the_folder(tmp_path: Path) -> None:
    from sourcecheck.batch.dask_backend import records_bag

    (tmp_path / "story.md").write_text(f"# Ferry\n\n{GOOD_BODY}\n", encoding="utf-8")
    out = tmp_path / "results.parquet"
    out.mkdir()
    (out / "part-00000.parquet").write_bytes(b"PAR1")
    (tmp_path / "other.jsonl").write_text(f"{_good(1)}\n", encoding="utf-8")
    sources = {source for source, _ in records_bag([str(tmp_path)], exclude=[out]).compute()}
    assert sources == {str(tmp_path / "story.md"), str(tmp_path / "other.jsonl")}


INFINITE_METRICS = """
import sourcecheck


class Ratios(sourcecheck.Scorer):
    name = "ratios"
    version = "0.1"

    def score(self, article, analysis):
        metrics = {"ratio": float("inf"), "dip": float("-inf"), "huge": 10**400, "fine": 2}
        return sourcecheck.ScorerResult(score=0.5, summary="ratios", metrics=metrics)


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Ratios()]
"""


def _strict_json(line: str) -> dict[str, Any]:
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(line, parse_constant=refuse)


def test_a_metric_that_is_not_finite_is_written_as_null(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "bad_records_ratios.py").write_text(INFINITE_METRICS, encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f"{_good(1)}\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(corpus), "--out", str(out), "--plugins-dir", str(plugins)]) == 0
    [row] = [_strict_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["ratios.ratio"] is None and row["ratios.dip"] is None
    assert row["ratios.huge"] is None and row["ratios.fine"] == 2.0
