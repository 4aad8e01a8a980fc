from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from batch_factory import FIELDS, news_record, records, write_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.models import Article
from sourcecheck.loaders.records import BadRecord, count_records, read_articles


def _write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_jsonl_csv_and_parquet_give_the_same_articles(tmp_path: Path) -> None:
    rows = records(12)
    jsonl = write_jsonl(tmp_path / "c.jsonl", rows)
    csv_file = _write_csv(tmp_path / "c.csv", rows)
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    read = {
        name: [
            (a.id, a.outlet, a.body, a.title, str(a.published))
            for a in read_articles([path], FIELDS)
        ]
        for name, path in {"jsonl": jsonl, "csv": csv_file, "parquet": parquet}.items()
    }
    assert read["jsonl"] == read["csv"] == read["parquet"]
    assert [r[0] for r in read["jsonl"]] == [r["doc"] for r in rows]
    assert read["jsonl"][0][1] == rows[0]["paper"]


def test_folder_is_walked_in_sorted_order_and_mixes_formats(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "b" / "two.jsonl", records(3))
    (tmp_path / "a.md").write_text(
        "---\ntitle: Harbour dredging\noutlet: Bay Bulletin\n---\n"
        "The port authority said dredging starts in May, its director told reporters.\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article type: ignored
    items = list(read_articles([tmp_path], FIELDS))
    assert [type(i) for i in items] == [Article] * 4
    assert items[0].outlet == "Bay Bulletin"
    assert [i.id for i in items[1:]] == ["a00000", "a00001", "a00002"]


def test_bad_records_become_errors_with_stable_ids(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl",
        [news_record(1)],
        extra_lines=["{not json", json.dumps({"doc": "empty1", "story": "   "}), "[1, 2]"],
    )
    items = list(read_articles([path], FIELDS))
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert [b.id for b in bad] == [f"{path}:2", "empty1", f"{path}:4"]
    assert "malformed JSON" in bad[0].error and str(path) in bad[0].error
    assert bad[1].error.startswith(f"{path}:3: ")  # the loader's own wording follows
    again = [i.id for i in read_articles([path], FIELDS) if isinstance(i, BadRecord)]
    assert again == [b.id for b in bad]


def test_missing_file_and_non_parquet_are_errors_not_exceptions(tmp_path: Path) -> None:
    fake = tmp_path / "fake.parquet"
    fake.write_text("not parquet", encoding="utf-8")
    items = list(read_articles([tmp_path / "missing.jsonl", fake], FIELDS))
    assert all(isinstance(i, BadRecord) for i in items)
    assert "no such file" in items[0].error
    assert "not a Parquet file" in items[1].error


def test_count_records_matches_what_is_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", records(7))
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(records(5)), parquet)
    assert count_records([path, parquet]) == 12


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["ok", "bad", "blank"]), max_size=25))
def test_every_nonblank_line_yields_exactly_one_item(tmp_path_factory, kinds: list[str]) -> None:
    folder = tmp_path_factory.mktemp("lines")
    lines = []
    for number, kind in enumerate(kinds):
        if kind == "ok":
            lines.append(json.dumps(news_record(number)))
        elif kind == "bad":
            lines.append('{"doc": ')
        else:
            lines.append("   ")
    path = folder / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([path], FIELDS))
    assert len(items) == kinds.count("ok") + kinds.count("bad")
    assert sum(isinstance(i, BadRecord) for i in items) == kinds.count("bad")
