"""Issue #16, "Nothing runs uninvited": only trusted configs load code, and plugin code
cannot corrupt output or end a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GOOD_STORY, RunCli

# A plugin file that leaves a mark when it is imported: proof that code ran.
MARKING_PLUGIN = 'from pathlib import Path\nPath(__file__).with_name("{mark}").write_text("ran")\n'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _marking_plugin(folder: Path, stem: str) -> Path:
    """A plugin file ``folder/stem.py`` that writes ``folder/stem.ran`` when imported."""
    _write(folder / f"{stem}.py", MARKING_PLUGIN.format(mark=f"{stem}.ran"))
    return folder / f"{stem}.ran"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory: a project folder with no config of its own yet."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def test_a_config_beside_an_input_never_loads_code(run_cli: RunCli, project: Path) -> None:
    untrusted = project / "untrusted"
    mark = _marking_plugin(untrusted / "tools", "trust_beside_input")
    config = _write(untrusted / "sourcecheck.toml", 'plugins_dir = ["tools"]\n')
    story = _write(untrusted / "story.md", GOOD_STORY)
    outcome = run_cli("check", story)
    assert not mark.exists()
    assert outcome.code == 0
    [warning] = [line for line in outcome.err_lines if "plugins_dir" in line]
    assert warning.startswith(f"sourcecheck: warning: {config}: plugins and plugins_dir not loaded")


def test_a_module_named_beside_an_input_is_not_imported(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = project / "site"
    mark = _marking_plugin(modules, "trust_named_module")
    monkeypatch.syspath_prepend(str(modules))
    _write(project / "drafts" / "sourcecheck.toml", 'plugins = ["trust_named_module"]\n')
    story = _write(project / "drafts" / "story.txt", GOOD_STORY)
    outcome = run_cli("score", story, "--format", "json")
    assert outcome.code == 0
    assert not mark.exists()


def test_a_nested_config_keeps_its_rules_and_the_project_keeps_its_plugins(
    run_cli: RunCli, project: Path
) -> None:
    project_mark = _marking_plugin(project / "house", "trust_project_plugin")
    config = _write(project / "sourcecheck.toml", 'plugins_dir = ["house"]\n')
    nested_mark = _marking_plugin(project / "drafts" / "tools", "trust_nested_plugin")
    _write(
        project / "drafts" / "sourcecheck.toml",
        'plugins_dir = ["tools"]\ndisable = ["hedging"]\n',
    )
    story = _write(project / "drafts" / "story.txt", GOOD_STORY)
    outcome = run_cli("score", story, "--format", "json")
    assert outcome.code == 0
    assert project_mark.exists() and not nested_mark.exists()
    assert '"hedging"' not in outcome.out  # the nested config's rule still applies
    assert f"sourcecheck: note: loading plugins named in {config}: " in outcome.err


def test_the_project_config_loads_code_and_is_named(run_cli: RunCli, project: Path) -> None:
    mark = _marking_plugin(project / "house", "trust_project_only")
    config = _write(project / "pyproject.toml", '[tool.sourcecheck]\nplugins_dir = ["house"]\n')
    story = _write(project / "story.txt", GOOD_STORY)
    outcome = run_cli("check", story)
    assert mark.exists()
    assert outcome.err_lines[0] == (
        f"sourcecheck: note: loading plugins named in {config}: {project / 'house'}/*.py"
    )


def test_a_config_named_with_config_is_trusted(run_cli: RunCli, project: Path) -> None:
    elsewhere = project.parent / "elsewhere"
    mark = _marking_plugin(elsewhere / "tools", "trust_explicit")
    config = _write(elsewhere / "sourcecheck.toml", 'plugins_dir = ["tools"]\n')
    story = _write(project / "story.txt", GOOD_STORY)
    assert run_cli("check", story, "--config", config).code == 0
    assert mark.exists()


def test_isolated_ignores_every_config_file(run_cli: RunCli, project: Path) -> None:
    mark = _marking_plugin(project / "house", "trust_isolated")
    _write(project / "sourcecheck.toml", 'plugins_dir = ["house"]\ndisable = ["hedging"]\n')
    story = _write(project / "story.txt", GOOD_STORY)
    outcome = run_cli("score", story, "--format", "json", "--isolated")
    assert outcome.code == 0 and outcome.err == ""
    assert not mark.exists()
    assert '"hedging"' in outcome.out


def test_isolated_and_config_together_are_a_usage_error(run_cli: RunCli, project: Path) -> None:
    config = _write(project / "sourcecheck.toml", "strict = true\n")
    story = _write(project / "story.txt", GOOD_STORY)
    outcome = run_cli("check", story, "--isolated", "--config", config)
    assert outcome.code == 2
    assert "--isolated" in outcome.err and "Traceback" not in outcome.err


# A plugin that prints on import and while scoring, to stdout by every route there is.
PRINTING_PLUGIN = """
import os
import sys

import sourcecheck

print("::error file=x.md,line=1::printed on import")


class Chatty(sourcecheck.Scorer):
    name = "chatty"
    version = "0.1"

    def score(self, article, analysis):
        print("::error::printed while scoring")
        print("to the original stdout", file=sys.__stdout__, flush=True)
        os.write(1, b"straight to descriptor 1\\n")
        return sourcecheck.ScorerResult(score=0.5, summary="chatty")


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Chatty()]
"""


def _printing_plugins(tmp_path: Path, stem: str) -> Path:
    folder = tmp_path / f"printing_{stem}"
    _write(folder / f"{stem}.py", PRINTING_PLUGIN)
    return folder


@pytest.mark.parametrize("command", ["score", "check"])
def test_a_plugin_printing_cannot_corrupt_json_output(
    run_cli: RunCli, tmp_path: Path, good_story: Path, command: str
) -> None:
    plugins = _printing_plugins(tmp_path, f"trust_print_{command}")
    outcome = run_cli(command, good_story, "--format", "json", "--plugins-dir", plugins)
    assert outcome.code == 0
    json.loads(outcome.out)
    assert "printed on import" in outcome.err and "printed while scoring" in outcome.err


def test_a_plugin_printing_cannot_inject_github_annotations(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins = _printing_plugins(tmp_path, "trust_print_github")
    outcome = run_cli("check", good_story, "--format", "github", "--plugins-dir", plugins)
    assert "printed" not in outcome.out


@pytest.mark.slow
def test_plugin_output_on_descriptor_1_goes_to_stderr(tmp_path: Path, good_story: Path) -> None:
    """The whole process: print(), sys.__stdout__ and os.write(1) all reach stderr."""
    plugins = _printing_plugins(tmp_path, "trust_print_fd")
    command = [sys.executable, "-m", "sourcecheck.cli", "score", str(good_story)]
    done = subprocess.run(
        [*command, "--format", "json", "--plugins-dir", str(plugins)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SOURCECHECK_LOAD_PLUGINS": ""},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scorers"]
    for printed in ("printed on import", "to the original stdout", "straight to descriptor 1"):
        assert printed in done.stderr


EXITING_PLUGIN = """
import sys

import sourcecheck


class Quitter(sourcecheck.Scorer):
    name = "quitter"
    version = "0.1"

    def score(self, article, analysis):
        sys.exit(0)


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Quitter()]
"""


def test_sys_exit_in_a_scorer_is_a_failed_scorer(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins = _write(tmp_path / "exiting" / "trust_quitter.py", EXITING_PLUGIN).parent
    outcome = run_cli("score", good_story, "--format", "json", "--plugins-dir", plugins)
    report = json.loads(outcome.out)
    quitter = next(s for s in report["scorers"] if s["name"] == "quitter")
    assert quitter["status"] == "failed" and quitter["error"] == "SystemExit: 0"
    assert report["score"] is not None  # the other scorers still count
    strict = run_cli("score", good_story, "--plugins-dir", plugins, "--strict")
    assert strict.code == 2
    assert strict.err_lines == ["sourcecheck: error: scorer 'quitter' failed: 0"]


def test_sys_exit_on_import_is_a_plugin_that_failed_to_load(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins = _write(tmp_path / "exiting" / "trust_exit_on_import.py", "raise SystemExit(3)\n")
    outcome = run_cli("check", good_story, "--plugins-dir", plugins.parent)
    assert outcome.code == 0
    assert "plugin 'trust_exit_on_import' failed to load: SystemExit: 3" in outcome.err


# A draft name a pull request could choose: a newline, then a GitHub workflow command,
# then an escape sequence that clears the terminal.
HOSTILE_NAME = "a\n::error file=x.md::injected\x1b[2J.md"
HOSTILE_DRAFT = (
    '---\ntitle: "Bridge \\x1b[31mred\\x1b[0m \\u2028 \\x85 \\u202e title"\n---\n\n'
    + GOOD_STORY.split("\n\n", 1)[1]
)
RAW_CONTROLS = ("\x1b", "\u2028", "\x85", "\u202e")


def _hostile_draft(folder: Path) -> Path:
    return _write(folder / HOSTILE_NAME, HOSTILE_DRAFT)


def _assert_inert(output: str) -> None:
    """No line of ``output`` is the injected command, and no control character is raw."""
    assert not [line for line in output.splitlines() if line.startswith("::error file=x.md")]
    assert not [char for char in RAW_CONTROLS if char in output]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "rdjsonl"])
def test_check_escapes_control_characters_in_every_format(
    run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    draft = _hostile_draft(tmp_path / "drafts")
    outcome = run_cli("check", draft, "--format", fmt, "--root", tmp_path)
    assert outcome.code == 0, outcome.err
    _assert_inert(outcome.out)
    if fmt == "text":
        assert outcome.out.startswith(
            f"{tmp_path}/drafts/a\\n::error file=x.md::injected\\x1b[2J.md:"
        )
    if fmt in ("json", "sarif"):
        json.loads(outcome.out)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown"])
def test_score_escapes_control_characters_in_every_format(
    run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    draft = _hostile_draft(tmp_path)
    outcome = run_cli("score", draft, "--format", fmt, "--color", "never")
    assert outcome.code == 0, outcome.err
    _assert_inert(outcome.out)


def test_stderr_names_a_hostile_file_on_one_inert_line(run_cli: RunCli, tmp_path: Path) -> None:
    empty = _write(tmp_path / HOSTILE_NAME, "")
    outcome = run_cli("check", empty)
    assert outcome.code == 2
    assert outcome.err_lines == [
        f"sourcecheck: error: {empty}: empty file".replace(
            HOSTILE_NAME, "a\\n::error file=x.md::injected\\x1b[2J.md"
        )
    ]
