"""Issue #16: the Python API refuses what the command line refuses, instead of scoring it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sourcecheck
from sourcecheck import Article, InputError
from sourcecheck.cli import main

STORY = "The council voted on Tuesday to delay the ferry contract, the clerk said."


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "text: empty article text"),
        (" \n\t ", "text: empty article text (only whitespace)"),
        ("\x00" * 100, "text: not text (contains NUL characters)"),
        (f"{STORY}\x00", "text: not text (contains NUL characters)"),
        (f"{STORY} \ud800", "text: not text (holds an unpaired surrogate)"),
    ],
)
def test_empty_and_non_text_input_is_an_input_error(text: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        sourcecheck.score(text)
    assert str(raised.value) == problem


def test_an_empty_article_is_named_by_its_id() -> None:
    with pytest.raises(InputError, match=r"^article 'empty-1': empty article text$"):
        sourcecheck.score(Article(id="empty-1", body=""))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "score() takes an Article or a str, not NoneType"),
        (STORY.encode(), "score() takes an Article or a str, not bytes (decode it first"),
        (42, "score() takes an Article or a str, not int"),
    ],
)
def test_none_or_bytes_is_a_clear_type_error(value: object, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        sourcecheck.score(value)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)


def test_text_still_scores() -> None:
    assert sourcecheck.score(STORY).score is not None


def test_nul_past_the_binary_sniff_is_an_input_error_on_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late_nul = tmp_path / "late.txt"
    late_nul.write_text("Title\n\n" + STORY * 200 + "\x00", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "nul", "body": "\x00" * 50}) + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(f"Ferry\n\n{STORY}\n", encoding="utf-8")
    assert main(["score", str(late_nul), str(rows), str(good), "-f", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"sourcecheck: error: {late_nul}: not text (contains NUL characters)",
        f"sourcecheck: error: {rows}:1: not text (contains NUL characters)",
    ]
    assert [json.loads(line)["article"]["source"] for line in captured.out.splitlines()] == [
        str(good)
    ]
