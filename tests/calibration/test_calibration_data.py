"""Reading labelled records: a wrong field name is one error per file, not one per record."""

from __future__ import annotations

import json
from pathlib import Path

from sourcecheck.calibration.data import Fields, LabelledArticle, iter_labelled
from sourcecheck.core.errors import InputError

RECORDS = [
    {"body": "The mayor said the bridge will reopen on Monday.", "ok": 1, "outlet": "a"},
    {"body": "Officials said the school will close early.", "ok": 0, "outlet": "b"},
    {"body": "The council approved the budget, its clerk said.", "ok": 1, "outlet": "c"},
]


def _write(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return str(path)


def test_a_mistyped_label_field_is_one_error_naming_the_fields(tmp_path: Path) -> None:
    wrong, right = _write(tmp_path, "wrong.jsonl"), _write(tmp_path, "right.jsonl")
    items = list(iter_labelled([wrong, right], Fields("reliable", "outlet"), 10**6))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 2  # one for each file: the field is wrong for both
    assert all("no label field 'reliable'" in str(e) for e in errors)
    assert "fields: body, ok, outlet" in str(errors[0]) and wrong in str(errors[0])


def test_a_mistyped_group_field_is_named_and_good_files_still_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "data.jsonl")
    items = list(iter_labelled([path], Fields("ok", "source"), 10**6))
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{path}:1: no group field 'source' in the records (fields: body, ok, outlet)"
    ]
    good = list(iter_labelled([path], Fields("ok", "outlet"), 10**6))
    assert [i.label for i in good if isinstance(i, LabelledArticle)] == [1, 0, 1]


def test_a_record_missing_its_label_later_is_still_an_error_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "gap.jsonl"
    rows = [RECORDS[0], {"body": "Police said the road is open.", "outlet": "d"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = list(iter_labelled([str(path)], Fields("ok", "outlet"), 10**6))
    assert isinstance(items[0], LabelledArticle)
    assert isinstance(items[1], InputError) and "missing label field 'ok'" in str(items[1])


def test_the_size_limit_is_per_article_not_per_file(tmp_path: Path) -> None:
    # A labelled corpus is one file of many articles: a file larger than the limit is read,
    # and only the one article over the limit is refused, with its line.
    long_body = "The clerk said the vote passed. " * 20
    records = [{"body": long_body, "ok": 1, "outlet": f"o{n}", "id": f"a{n}"} for n in range(9)]
    records[4]["body"] = long_body * 3
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    limit = len(long_body) + 10
    assert path.stat().st_size > limit * 5

    items = list(iter_labelled([str(path)], Fields("ok", "outlet"), limit))

    read = [i for i in items if isinstance(i, LabelledArticle)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(read) == 8
    assert len(errors) == 1
    assert "article 'a4'" in str(errors[0]) and "over the size limit" in str(errors[0])
    assert errors[0].line == 5
