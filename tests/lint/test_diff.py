"""``--diff BASE``: only findings on lines changed since a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sourcecheck.lint.diff import parse_unified_diff

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")

ORIGINAL = (
    "The harbour board met on Tuesday to set next year's mooring fees for small boats.\n"
    "\n"
    "A source said the vote was close.\n"
    "\n"
    "The chair, Ana Ruiz, said fees would rise by 12 per cent from April.\n"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "harbour.md").write_text(ORIGINAL, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_reported(run_check: RunCheck, *args: str) -> list[tuple[str, int]]:
    outcome = run_check(*args, "--format", "json", "--diff", "HEAD", "--enable", "probe")
    assert outcome.code in (0, 1), outcome.err
    document = json.loads(outcome.out)
    return [(f["path"], x["line"]) for f in document["files"] for x in f["findings"]]


def test_only_changed_lines_are_reported(run_check: RunCheck, repo: Path) -> None:
    draft = repo / "drafts" / "harbour.md"
    draft.write_text(ORIGINAL + "\nOfficials said the board would meet again.\n", "utf-8")
    assert lines_reported(run_check, "drafts") == [("drafts/harbour.md", 7)]


def test_unchanged_tree_reports_nothing_and_passes(run_check: RunCheck, repo: Path) -> None:
    outcome = run_check("drafts", "--diff", "HEAD")
    assert outcome.code == 0
    assert "1 outside the diff" in outcome.out


def test_untracked_draft_counts_as_all_new(run_check: RunCheck, repo: Path) -> None:
    (repo / "drafts" / "new.md").write_text(ORIGINAL, encoding="utf-8")
    assert lines_reported(run_check, "drafts") == [("drafts/new.md", 3)]


def test_edit_of_a_flagged_line_reports_it(run_check: RunCheck, repo: Path) -> None:
    draft = repo / "drafts" / "harbour.md"
    draft.write_text(ORIGINAL.replace("was close", "was very close"), encoding="utf-8")
    assert lines_reported(run_check, "drafts") == [("drafts/harbour.md", 3)]


def test_not_a_git_repository_is_a_clear_error(
    run_check: RunCheck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "d.md").write_text(ORIGINAL, encoding="utf-8")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outcome = run_check("d.md", "--diff", "main")
    assert outcome.code == 2
    assert "--diff needs a git repository" in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1


def test_unknown_revision_is_a_clear_error(run_check: RunCheck, repo: Path) -> None:
    outcome = run_check("drafts", "--diff", "no-such-branch")
    assert outcome.code == 2
    assert "no-such-branch" in outcome.err
    assert "Traceback" not in outcome.err


def test_parse_unified_diff_hunks(tmp_path: Path) -> None:
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -3 +3 @@\n-old\n+new\n"
        "@@ -10,0 +11,2 @@\n+++ added line that looks like a header\n+two\n"
        "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
        "diff --git a/y.md b/y.md\n--- a/y.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
    )
    changed = parse_unified_diff(diff, tmp_path)
    assert changed == {(tmp_path / "x.md").resolve(): {3, 11, 12}}
