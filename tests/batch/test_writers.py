from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_factory import FIELDS, records, write_jsonl

from sourcecheck.batch.writers import JsonlSink, ParquetPartsSink, open_sink, read_results
from sourcecheck.core.errors import ConfigError, InputError

META = {"sourcecheck": "0", "scorers": {}, "config": {}, "fields": {}, "corpus_index": None}


def _row(article_id: str) -> dict:
    return {"id": article_id, "status": "ok", "score": 50.0, "hedging.writer_density": 0.25}


def test_a_torn_last_line_is_cut_and_its_article_redone(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text(json.dumps(_row("a")) + "\n" + '{"id": "b", "sta', encoding="utf-8")
    sink = JsonlSink(out, META)
    assert sink.open() == {"a"}
    sink.write([_row("b")])
    sink.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_a_file_that_is_not_results_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text("hello\nworld\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a sourcecheck results file"):
        JsonlSink(out, META).open()


def test_parquet_parts_are_atomic_and_leftovers_removed(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    sink = ParquetPartsSink(out, META, rows_per_part=2)
    assert sink.open() == set()
    sink.write([_row("a"), _row("b"), _row("c")])
    (out / ".part-000009.tmp").write_bytes(b"half a part")  # a run died mid-write
    sink.close()
    again = ParquetPartsSink(out, META, rows_per_part=2)
    assert again.open() == {"a", "b", "c"}
    assert not list(out.glob(".part-*"))
    again.write([_row("d")])
    again.close()
    assert sorted(read_results(out)["id"]) == ["a", "b", "c", "d"]


def test_parts_with_different_metric_columns_are_unified(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    sink = ParquetPartsSink(out, META, rows_per_part=1)
    sink.open()
    sink.write([_row("a")])
    sink.write([{"id": "b", "status": "failed", "error": "x.jsonl:3: empty article text"}])
    sink.close()
    frame = read_results(out).set_index("id")
    assert frame.loc["b", "error"] == "x.jsonl:3: empty article text"
    assert frame.loc["a", "hedging.writer_density"] == 0.25


def test_unknown_output_suffix_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.jsonl, \.ndjson, \.csv or \.parquet"):
        open_sink(tmp_path / "results.xlsx", META)


def test_csv_output_resumes_and_reads_back(tmp_path: Path) -> None:
    import csv

    from sourcecheck.batch import read_results, run_batch

    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(8))
    out = tmp_path / "results.csv"
    first = run_batch([corpus], out, fields=FIELDS)
    assert first.written == 8
    with out.open("a", encoding="utf-8") as handle:
        handle.write('a99999,"torn')  # a run killed while writing a record
    again = run_batch([corpus], out, fields=FIELDS)
    assert again.already_done == 8 and again.written == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == [r["doc"] for r in records(8)]
    frame = read_results(out)
    assert frame["score"].between(0, 100).all() and "hedging.score" in frame.columns


def test_sql_names_need_no_quoting_and_read_back_dotted(tmp_path: Path) -> None:
    import re

    import pyarrow.parquet as pq

    from sourcecheck.batch import read_results, run_batch

    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(4))
    out = tmp_path / "results.parquet"
    run_batch([corpus], out, fields=FIELDS, sql_names=True)
    names = pq.read_schema(next(out.glob("part-*.parquet"))).names
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", name) for name in names), names
    assert "hedging__score" in names
    assert "hedging.score" in read_results(out).columns
