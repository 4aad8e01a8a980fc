"""Every article command, fed each kind of bad file next to a good one.

Each bad file must give one line on stderr naming it, exit code 2, no traceback, and the
good file must still be scored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import FRENCH_STORY, GOOD_STORY, RunCli, assert_one_line_errors

GOOD_JSONL_ROW = {"id": "ferry-1", "outlet": "Harbour Post", "text": GOOD_STORY}

# name -> (file content, words the error must contain)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n   ", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    "utf16.txt": (GOOD_STORY.encode("utf-16"), "UTF-16"),
    "latin1.txt": ("Le café a fermé, a dit le maire.".encode("latin-1"), "UTF-8"),
    "broken.jsonl": (b'{"id": "a", "text": "The mayor spoke."}\n{"id": "b", "text": \n', ":2:"),
    "textless.jsonl": (b'{"id": "a", "title": "No body here"}\n', "text field"),
}


def _write_bad(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name][0])
    return path


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_score_names_the_bad_file_and_scores_the_rest(
    run_cli: RunCli, tmp_path: Path, good_story: Path, name: str
) -> None:
    bad = _write_bad(tmp_path, name)
    outcome = run_cli("score", bad, good_story, "--format", "jsonl")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    errors = [line for line in outcome.err_lines if "error:" in line]
    assert len(errors) == 1
    assert bad.name in errors[0] and BAD_FILES[name][1] in errors[0]
    scored = [json.loads(line) for line in outcome.out.splitlines()]
    assert scored[-1]["article"]["source"] == str(good_story)  # after the bad file


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "utf16.txt", "latin1.txt"])
def test_check_names_the_bad_draft_and_checks_the_rest(
    run_cli: RunCli, tmp_path: Path, good_story: Path, name: str
) -> None:
    bad = _write_bad(tmp_path, name)
    outcome = run_cli("check", bad, good_story, "--format", "json")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert any(bad.name in line and "error:" in line for line in outcome.err_lines)
    assert good_story.name in outcome.out


@pytest.mark.parametrize("name", ["empty.txt", "utf16.txt", "broken.jsonl", "textless.jsonl"])
def test_batch_names_the_bad_input_and_writes_the_rest(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    bad = _write_bad(tmp_path, name)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOOD_JSONL_ROW) + "\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    outcome = run_cli("batch", bad, good, "--out", out, "--no-progress")
    assert outcome.code == 2
    assert "Traceback" not in outcome.err
    assert any(bad.name in line and "error:" in line for line in outcome.err_lines)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert any(row["id"] == "ferry-1" and row["status"] == "ok" for row in rows)


def test_missing_file_and_folder_are_named(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    outcome = run_cli("score", tmp_path / "nowhere.txt", empty, good_story, "-f", "jsonl")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert "nowhere.txt: no such file" in outcome.err
    assert "empty: folder holds no file that sourcecheck reads" in outcome.err
    assert len(outcome.out.splitlines()) == 1


def test_oversized_article_is_refused_by_name(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD_STORY * 20, encoding="utf-8")
    outcome = run_cli("score", big, good_story, "--max-bytes", "2000", "-f", "jsonl")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert "big.txt: larger than the size limit of 2,000 bytes" in outcome.err
    assert len(outcome.out.splitlines()) == 1


def test_a_french_article_is_scored_with_a_warning(run_cli: RunCli, tmp_path: Path) -> None:
    story = tmp_path / "bac.txt"
    story.write_text(FRENCH_STORY, encoding="utf-8")
    outcome = run_cli("score", story, "-f", "json")
    assert outcome.code == 0
    assert_one_line_errors(outcome)
    assert "bac.txt: article does not look like English" in outcome.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("bogus_key = 1\n", "unknown key 'bogus_key'"),
        ('fail_under = "high"\n', "key 'fail_under'"),
        ("fail_under = [\n", "not valid TOML"),
    ],
)
@pytest.mark.parametrize("command", ["score", "check", "plugins"])
def test_bad_config_is_one_line_naming_the_file(
    run_cli: RunCli, tmp_path: Path, good_story: Path, command: str, content: str, expected: str
) -> None:
    config = tmp_path / "sourcecheck.toml"
    config.write_text(content, encoding="utf-8")
    inputs = [] if command == "plugins" else [good_story]
    outcome = run_cli(command, *inputs, "--config", config)
    assert outcome.code == 2
    assert len(outcome.err_lines) == 1
    assert outcome.err.startswith(f"sourcecheck: error: {config}: {expected}")
