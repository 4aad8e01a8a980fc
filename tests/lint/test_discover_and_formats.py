"""Folder walking with include/exclude globs, GitHub escaping, and `score` on Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck.cli import main
from sourcecheck.lint.discover import discover, matches
from sourcecheck.lint.formats.github import command, escape_data, escape_property

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

FIXTURES = Path(__file__).parent / "fixtures"
PLUGINS = Path(__file__).parent / "plugins"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "a.md",
        "b.txt",
        "c.html",
        "notes.json",
        "sub/d.markdown",
        "archive/old.md",
        "wires/ap.md",
        ".git/e.md",
        "sub/skip.draft.md",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The mayor said so.\n", encoding="utf-8")
    return tmp_path


def found(root: Path, include: list[str], exclude: list[str]) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in discover([str(root)], include, exclude)]


def test_default_globs_walk_drafts_only(tree: Path) -> None:
    include = ["*.md", "*.markdown", "*.txt", "*.html"]
    assert found(tree, include, []) == [
        "a.md",
        "b.txt",
        "c.html",
        "archive/old.md",
        "sub/d.markdown",
        "sub/skip.draft.md",
        "wires/ap.md",
    ]


def test_exclude_by_name_anywhere_and_by_relative_path(tree: Path) -> None:
    assert found(tree, ["*.md"], ["archive", "wires/*", "*.draft.md"]) == ["a.md"]


def test_named_files_are_checked_even_if_excluded_or_not_included(tree: Path) -> None:
    named = str(tree / "archive" / "old.md")
    assert list(discover([named], ["*.txt"], ["archive"])) == [named]


def test_config_include_exclude_apply_to_check(run_check: RunCheck, tree: Path) -> None:
    config = tree / "sc.toml"
    config.write_text('enable = ["probe"]\ninclude = ["*.md"]\nexclude = ["archive"]\n', "utf-8")
    outcome = run_check(str(tree), "--config", str(config), "--format", "json")
    paths = [Path(f["path"]).relative_to(tree).as_posix() for f in json.loads(outcome.out)["files"]]
    assert paths == ["a.md", "sub/skip.draft.md", "wires/ap.md"]


def test_matches_with_slash_uses_relative_path() -> None:
    assert matches("wires/ap.md", ["wires/*"])
    assert not matches("local/wires.md", ["wires/*"])
    assert matches("x/archive/y.md", ["archive"])
    assert not matches("x/archive/y.md", ["archive"], any_part=False)


def test_github_command_escaping() -> None:
    line = command("warning", "50% done\r\nnext", file="a,b:c.md", line=3, title="x:y")
    assert line == "::warning file=a%2Cb%3Ac.md,line=3,title=x%3Ay::50%25 done%0D%0Anext"


@given(st.text())
def test_escaped_values_never_contain_separators(value: str) -> None:
    assert not set(escape_property(value)) & {",", ":", "\n", "\r"}
    assert not set(escape_data(value)) & {"\n", "\r"}
    # Decoding in the runner's order restores the original.
    decoded = escape_property(value)
    for code, char in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]:
        decoded = decoded.replace(code, char)
    assert decoded == value


def test_score_command_still_reads_markdown_with_front_matter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    draft = FIXTURES / "drafts" / "council.md"
    code = main(["score", str(draft), "--format", "json", "--plugins-dir", str(PLUGINS)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    article = report["article"]
    assert article["title"] == "Council delays vote on the Millbrook bridge"
    assert article["outlet"] == "The Riverside Ledger"
    assert article["url"] == "https://ledger.example/millbrook-bridge"
    assert article["published"] == "2026-03-14"
    assert article["authors"] == ["Dana Okafor", "Luis Ferreira"]


def test_folders_are_walked_the_way_gitignore_says(tmp_path: Path) -> None:
    from sourcecheck.lint.discover import discover

    repo = tmp_path / "newsroom"
    (repo / ".git").mkdir(parents=True)
    (repo / ".gitignore").write_text("build/\n*.tmp.md\n", encoding="utf-8")
    drafts = repo / "drafts"
    for name in ("a.md", "b.tmp.md", "build/c.md", "notes/d.md", "notes/e.md"):
        (drafts / name).parent.mkdir(parents=True, exist_ok=True)
        (drafts / name).write_text("The mayor said so.\n", encoding="utf-8")
    (drafts / "notes" / ".gitignore").write_text("e.md\n", encoding="utf-8")

    found = [Path(p).relative_to(drafts).as_posix() for p in discover([str(drafts)], ["*.md"], [])]
    assert found == ["a.md", "notes/d.md"]
    # A file named on the command line is always read, ignored or not.
    assert list(discover([str(drafts / "b.tmp.md")], ["*.md"], [])) == [str(drafts / "b.tmp.md")]
