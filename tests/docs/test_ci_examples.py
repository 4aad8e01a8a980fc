"""The pre-commit and GitHub Actions examples pin this release and run as pre-commit runs them."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

from sourcecheck import __version__
from sourcecheck.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY = PYPROJECT["project"]["urls"]["Repository"]
# The version is dynamic (sourcecheck/_version.py): the installed one is this checkout's.
TAG = f"v{__version__}"


def _pre_commit_config() -> dict:
    doc = (REPO / "docs/ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:.*?)```", doc, re.S)
    assert block is not None
    return yaml.safe_load(block.group(1))


def test_examples_pin_this_release_of_this_repository() -> None:
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "sourcecheck._version.__version__"
    }
    [repo] = _pre_commit_config()["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY, TAG)
    hooks_comment = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert f"repo: {REPOSITORY}" in hooks_comment and f"rev: {TAG}" in hooks_comment
    workflow = yaml.safe_load((REPO / "examples/ci/sourcecheck.yml").read_text(encoding="utf-8"))
    installs = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "pip install" in step.get("run", "")
    ]
    assert installs and all(f"git+{REPOSITORY}@{TAG}" in run for run in installs)


def _staged_like_pre_commit(hook: dict, files: list[Path]) -> list[str]:
    """The files pre-commit would pass: those matching ``files`` (``types: [text]`` holds)."""
    pattern = re.compile(hook["files"])
    return [str(f) for f in files if pattern.search(str(f)) and f.is_file()]


@pytest.mark.parametrize("fail_level", ["warning", "error"])
def test_the_hook_runs_on_this_repository_as_pre_commit_would(
    fail_level: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [configured] = _pre_commit_config()["repos"][0]["hooks"]
    assert configured["id"] == hook["id"] and hook["language"] == "python"
    monkeypatch.chdir(REPO / "examples/ci")
    candidates = [*sorted(Path("drafts").rglob("*")), Path("sourcecheck.yml")]
    staged = _staged_like_pre_commit(hook, candidates)
    assert staged and "sourcecheck.yml" not in staged  # only drafts match `files`
    entry = shlex.split(hook["entry"])
    assert entry[0] == "sourcecheck"
    args = ["--fail-level", fail_level]
    code = main([*entry[1:], *args, "--plugins-dir", "plugins", *staged])
    out = capsys.readouterr()
    # pre-commit blocks the commit on a non-zero exit: 1 for findings, never a usage error.
    assert code in (0, 1), out.err
    assert f"Checked {len(staged)} drafts" in out.out
