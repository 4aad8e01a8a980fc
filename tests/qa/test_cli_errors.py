"""Regression tests for the command-line problems found in release QA."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from sourcecheck.cli.common import one_line, run_main

from .conftest import RunCli, assert_one_line_errors

RAISES_ON_IMPORT = 'raise RuntimeError("house rules could not find their word list")\n'

SCORES_TWO = """
import sourcecheck


class Overeager(sourcecheck.Scorer):
    name = "overeager"
    version = "0.1"

    def score(self, article, analysis):
        return sourcecheck.ScorerResult(score=2.0, summary="more than perfect")


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Overeager()]
"""


def _plugin_dir(tmp_path: Path, filename: str, source: str) -> Path:
    # Unique module names: a plugin file is imported under its stem.
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / filename).write_text(source, encoding="utf-8")
    return folder


def test_check_names_a_plugin_that_failed_to_load_once_not_per_draft(
    run_cli: RunCli, tmp_path: Path, good_story: Path
) -> None:
    plugins = _plugin_dir(tmp_path, "qa_house_rules_import.py", RAISES_ON_IMPORT)
    second = tmp_path / "second.txt"
    second.write_text(good_story.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = run_cli("check", good_story, second, "--plugins-dir", plugins)
    assert_one_line_errors(outcome)
    mentions = [line for line in outcome.err_lines if "qa_house_rules_import" in line]
    assert mentions == [
        "sourcecheck: warning: plugin 'qa_house_rules_import' failed to load: "
        "RuntimeError: house rules could not find their word list"
    ]


@pytest.mark.parametrize("strict", [False, True])
def test_a_score_out_of_range_is_reported_on_one_line(
    run_cli: RunCli, tmp_path: Path, good_story: Path, strict: bool
) -> None:
    plugins = _plugin_dir(tmp_path, f"qa_overeager_{strict}.py", SCORES_TWO)
    outcome = run_cli(
        "check", good_story, "--plugins-dir", plugins, *(["--strict"] if strict else [])
    )
    assert outcome.code == (2 if strict else 0)
    assert_one_line_errors(outcome)
    [line] = [line for line in outcome.err_lines if "overeager" in line]
    assert "less than or equal to 1" in line


def test_one_line_joins_the_lines_of_a_message() -> None:
    assert (
        one_line("1 validation error\nscore\n  too big\n\n") == "1 validation error; score; too big"
    )
    assert one_line("already one line") == "already one line"


@pytest.mark.parametrize("command", ["check", "schema"])
def test_an_unwritable_output_is_one_line(run_cli: RunCli, tmp_path: Path, command: str) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.txt"
    draft = tmp_path / "draft.txt"
    draft.write_text("The clerk said the vote was 6-3.\n", encoding="utf-8")
    args = [draft] if command == "check" else []
    outcome = run_cli(command, *args, "--output", target)
    assert outcome.code == 2
    assert outcome.err_lines == [
        f"sourcecheck: error: {target}: cannot write the output: No such file or directory"
    ]


def test_schema_check_of_a_missing_file_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "report.schema.json"
    outcome = run_cli("schema", "--check", missing)
    assert outcome.code == 2
    assert outcome.err_lines == [
        f"sourcecheck: error: {missing}: no such file; "
        f"regenerate it with: sourcecheck schema -o {missing}"
    ]


def test_schema_check_of_a_binary_file_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    binary = tmp_path / "schema.json"
    binary.write_bytes(b"\xff\xfe\x00\x01 not a schema")
    outcome = run_cli("schema", "--check", binary)
    assert outcome.code == 2
    assert outcome.err_lines == [
        f"sourcecheck: error: {binary}: cannot read the schema: not UTF-8 text"
    ]


def test_schema_check_passes_on_the_schema_it_writes(run_cli: RunCli, tmp_path: Path) -> None:
    written = tmp_path / "report.schema.json"
    assert run_cli("schema", "-o", written).code == 0
    assert json.loads(written.read_text(encoding="utf-8"))["title"]
    assert run_cli("schema", "--check", written).code == 0


def test_check_refuses_a_zero_max_bytes_as_a_usage_error(run_cli: RunCli, good_story: Path) -> None:
    outcome = run_cli("check", good_story, "--max-bytes", "0")
    assert outcome.code == 2
    assert "Invalid value for '--max-bytes'" in outcome.err


def test_an_unexpected_exception_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    @click.group()
    def group() -> None:
        pass

    @group.command("explode")
    def explode() -> None:
        raise KeyError("a bug in a command")

    assert run_main(group, ["explode"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "sourcecheck: error: internal error (please report it): KeyError: 'a bug in a command'\n"
    )


def test_python_dash_m_sourcecheck_runs_the_cli() -> None:
    import subprocess
    import sys

    from sourcecheck import __version__

    done = subprocess.run(
        [sys.executable, "-m", "sourcecheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"sourcecheck, version {__version__}"


def _group_raising(exc: Exception) -> click.Group:
    @click.group()
    def group() -> None:
        pass

    @group.command("run")
    def run() -> None:
        raise exc

    return group


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("pyarrow", "this needs the parquet extra (pyarrow is not installed): "),
        (
            "sklearn.feature_extraction",
            "this needs the research extra (sklearn is not installed): ",
        ),
        ("nosuchmodule", "internal error (please report it): ModuleNotFoundError: "),
    ],
)
def test_a_missing_optional_dependency_names_the_extra(
    capsys: pytest.CaptureFixture[str], module: str, expected: str
) -> None:
    missing = ModuleNotFoundError(f"No module named '{module}'", name=module)
    assert run_main(_group_raising(missing), ["run"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"sourcecheck: error: {expected}")


def test_every_extra_named_for_a_module_exists() -> None:
    import sys

    from sourcecheck.cli.common import EXTRA_OF_MODULE

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for module, extra in EXTRA_OF_MODULE.items():
        wanted = {"sklearn": "scikit-learn"}.get(module, module)
        assert any(wanted in requirement for requirement in extras[extra]), (module, extra)
