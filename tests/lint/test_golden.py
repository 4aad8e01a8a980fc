"""Golden-output tests: every format, on the fixture drafts, with the probe scorers.

Regenerate after an intended change with ``SOURCECHECK_REGEN_GOLDEN=1 pytest tests/lint``
and review the diff: these files are the output contract users' tools parse.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sourcecheck import __version__

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

FIXTURES = Path(__file__).parent / "fixtures"

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("SOURCECHECK_REGEN_GOLDEN") == "1"
FORMATS = {
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github.txt",
    "rdjsonl": "rdjsonl",
}


def checked_tree(tmp_path: Path) -> Path:
    """The fixture drafts plus a draft that is not UTF-8 (made here: no binary in git)."""
    shutil.copytree(FIXTURES / "drafts", tmp_path / "drafts")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "latin1.md").write_bytes(b"The mayor said \xff the bridge is safe.\n")
    return tmp_path


def normalized(output: str) -> str:
    """Output without what changes between machines and releases."""
    root_uri = Path.cwd().resolve().as_uri().rstrip("/") + "/"
    return output.replace(f'"{__version__}"', '"VERSION"').replace(root_uri, "file:///ROOT/")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_output_matches_golden_file(
    fmt: str, run_check: RunCheck, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(checked_tree(tmp_path))
    outcome = run_check("drafts", "broken", "--format", fmt, "--root", ".")
    assert outcome.code == 2  # broken/ holds a draft that is not UTF-8
    assert outcome.err.strip() == (
        "sourcecheck: error: broken/latin1.md: not UTF-8 text (invalid byte 0xff at offset 15)"
    )
    golden = GOLDEN / f"check.{FORMATS[fmt]}"
    actual = normalized(outcome.out)
    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run with SOURCECHECK_REGEN_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def test_golden_outputs_agree_on_the_findings(
    run_check: RunCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format reports the same (path, line, column, rule) set."""
    import json

    monkeypatch.chdir(FIXTURES)
    text = run_check("drafts").out.splitlines()
    from_text = {tuple(line.split(": ", 1)[0].rsplit(":", 2)) for line in text if ":" in line}
    document = json.loads(run_check("drafts", "--format", "json").out)
    from_json = {
        (f["path"], str(x["line"]), str(x["column"]))
        for f in document["files"]
        for x in f["findings"]
    }
    from_text = {t for t in from_text if len(t) == 3}
    assert from_json == from_text
    assert len(from_json) == sum(document["summary"]["findings"].values())


def test_parallel_jobs_give_the_same_output(
    run_check: RunCheck, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(checked_tree(tmp_path))
    one = run_check("drafts", "broken", "--format", "json", "--jobs", "1")
    two = run_check("drafts", "broken", "--format", "json", "--jobs", "2")
    assert (one.code, one.out, one.err) == (two.code, two.out, two.err)
    assert one.code == 2
