"""The outputs pasted in docs/ci.md are what the commands print today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from sourcecheck.cli import main

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "ci.md"
EXAMPLES = REPO / "examples" / "ci"
COMMAND = "$ sourcecheck check drafts --plugins-dir plugins --enable house_rules"


def documented_runs() -> list[tuple[str, list[str]]]:
    """(command, expected lines) for each console example run in examples/ci."""
    runs = []
    for block in re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        lines = block.splitlines()
        for index, line in enumerate(lines):
            if not line.startswith(COMMAND) or "--diff" in line or "--output" in line:
                continue
            expected = []
            for following in lines[index + 1 :]:
                if following.startswith("$ ") or following.strip() == "...":
                    break
                expected.append(following)
            runs.append((line[2:], expected))
    return runs


RUNS = documented_runs()


def test_the_doc_has_examples_to_check() -> None:
    assert len(RUNS) >= 5


@pytest.mark.parametrize(("command", "expected"), RUNS, ids=[c for c, _ in RUNS])
def test_documented_output_is_real(
    command: str,
    expected: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(EXAMPLES)
    # --root: GitHub paths are relative to the repository root, as in a git checkout.
    main([*shlex.split(command)[1:], "--root", str(REPO)])
    actual = capsys.readouterr().out.splitlines()
    assert actual[: len(expected)] == expected


def check_options() -> set[str]:
    from sourcecheck.cli.check import check_command

    return {opt for param in check_command.params for opt in getattr(param, "opts", [])}


def test_workflow_uses_only_real_check_options() -> None:
    import yaml

    workflow = yaml.safe_load((EXAMPLES / "sourcecheck.yml").read_text(encoding="utf-8"))
    runs = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "sourcecheck check" in step.get("run", "")
    ]
    assert len(runs) == 2
    known = check_options()
    for run in runs:
        options = [word for word in shlex.split(run) if word.startswith("-")]
        assert set(options) <= known, run
    formats = {shlex.split(run)[shlex.split(run).index("--format") + 1] for run in runs}
    assert formats == {"sarif", "github"}


def test_pre_commit_hook_runs_check_on_drafts() -> None:
    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "sourcecheck"
    assert hook["entry"] == "sourcecheck check"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ["a.md", "b.markdown", "c.txt", "d.html", "e.htm"])
    assert not pattern.search("setup.py")
