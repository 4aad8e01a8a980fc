"""One spelling per idea across commands: -o/--output, --format json, --color; old ones hidden."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click
import pytest

from sourcecheck.cli import cli, main
from sourcecheck.cli.common import wants_color

REPO = Path(__file__).resolve().parents[2]
# Commands that write a file or folder, print JSON on request, or colour what they print.
WRITERS = ("score", "check", "batch", "compare", "index", "calibrate", "schema")
JSON_PRINTERS = ("score", "check", "compare", "plugins", "rules", "rule", "corroborate")
COLOURED = ("score", "check", "compare", "plugins", "rules", "rule")


def _options(name: str) -> dict[str, click.Option]:
    command = cli.commands[name]
    return {
        opt: param
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
    }


def _visible_help(name: str) -> str:
    command = cli.commands[name]
    return command.get_help(click.Context(command, info_name=name))


@pytest.mark.parametrize("name", WRITERS)
def test_output_is_dash_o_or_dash_dash_output(name: str) -> None:
    options = _options(name)
    assert "-o" in options and "--output" in options
    assert options["-o"] is options["--output"]
    assert "--out " not in _visible_help(name) and "--out," not in _visible_help(name)


@pytest.mark.parametrize("name", JSON_PRINTERS)
def test_json_is_format_json(name: str) -> None:
    options = _options(name)
    fmt = options["--format"]
    assert (isinstance(fmt.type, click.Choice) and "json" in fmt.type.choices) or name in (
        "score", "check",  # their formats include plugins' reporters: checked by running
    )  # fmt: skip
    assert "--json" not in _visible_help(name)


@pytest.mark.parametrize("name", COLOURED)
def test_colour_is_auto_always_never(name: str) -> None:
    color = _options(name)["--color"]
    assert list(color.type.choices) == ["auto", "always", "never"]  # type: ignore[attr-defined]
    assert color.default == "auto"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_and_force_color_are_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert wants_color("auto", _Terminal()) and not wants_color("auto", io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert wants_color("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color("auto", _Terminal())  # NO_COLOR wins over FORCE_COLOR
    assert wants_color("always", io.StringIO()) and not wants_color("never", _Terminal())


def test_old_spellings_still_work_for_a_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "body": "The mayor said the bridge will reopen on Monday."}) + "\n",
        encoding="utf-8",
    )
    assert main(["batch", str(corpus), "--out", str(tmp_path / "old.jsonl")]) == 0
    assert main(["batch", str(corpus), "-o", str(tmp_path / "new.jsonl")]) == 0
    assert (tmp_path / "old.jsonl").read_text().count("\n") == 1
    assert main(["plugins", "--json"]) == 0
    assert "scorers" in json.loads(capsys.readouterr().out)
    assert main(["plugins", "--format", "json"]) == 0
    assert "scorers" in json.loads(capsys.readouterr().out)
    assert main(["batch", str(corpus)]) == 2  # still required, under either name
    assert "--output" in capsys.readouterr().err


def test_score_accepts_a_folder_as_check_does(capsys: pytest.CaptureFixture[str]) -> None:
    folder = REPO / "examples" / "articles"
    assert main(["score", str(folder), "-f", "jsonl"]) == 0
    sources = [json.loads(line)["article"]["id"] for line in capsys.readouterr().out.splitlines()]
    expected = sorted(p for p in folder.iterdir() if p.suffix == ".md")
    assert len(sources) == len(expected)


def test_shell_completion_works_as_documented() -> None:
    import os
    import subprocess
    import sys

    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert "_SOURCECHECK_COMPLETE=bash_source sourcecheck" in doc
    executable = str(Path(sys.executable).parent / "sourcecheck")
    env = {**os.environ, "_SOURCECHECK_COMPLETE": "bash_source"}
    script = subprocess.run([executable], env=env, capture_output=True, text=True, timeout=60)
    assert "complete -o nosort -F _sourcecheck_completion sourcecheck" in script.stdout
    env = {**os.environ, "_SOURCECHECK_COMPLETE": "bash_complete", "COMP_WORDS": "sourcecheck sc",
           "COMP_CWORD": "1"}  # fmt: skip
    words = subprocess.run([executable], env=env, capture_output=True, text=True, timeout=60)
    assert words.stdout.split() == ["plain,schema", "plain,score"]


def test_check_and_index_show_progress_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = REPO / "examples" / "articles"
    assert main(["check", str(drafts), "--progress", "--exit-zero", "-q"]) in (0, 1)
    assert "checking" in capsys.readouterr().err
    assert main(["check", str(drafts), "--no-progress", "--exit-zero", "-q"]) in (0, 1)
    assert "checking" not in capsys.readouterr().err
    assert main(["index", str(drafts), "-o", str(tmp_path / "idx"), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "indexing" in err and "6/6" in err


def test_show_settings_says_where_each_setting_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sourcecheck.toml").write_text('fail_level = "warning"\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text("The mayor said so.\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "draft.md"), "--show-settings", "--min-level", "error"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"# config file: {tmp_path / 'sourcecheck.toml'}" in out
    assert 'fail_level = "warning"  # config file' in out
    assert 'min_level = "error"  # command line' in out
    assert "max_bytes = 2000000  # default" in out
    assert "draft.md" not in out  # nothing was checked


def test_score_and_batch_walk_folders_the_way_gitignore_says(tmp_path: Path) -> None:
    from sourcecheck.batch.readers import iter_folder
    from sourcecheck.loaders.records import iter_folder as loaders_iter_folder

    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/old/\nscratch.md\n", encoding="utf-8")
    for name in ("drafts/a.md", "drafts/old/b.md", "drafts/scratch.md", "drafts/c.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("The mayor said so.\n", encoding="utf-8")
    from sourcecheck.loaders.builtin import sourcecheck_loaders

    for walk in (iter_folder, loaders_iter_folder):
        found = [p.name for p in walk(tmp_path / "drafts", sourcecheck_loaders())]
        assert found == ["a.md", "c.jsonl"]
