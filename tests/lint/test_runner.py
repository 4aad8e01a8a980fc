"""The checker as a library: an engine with registered test scorers, no CLI."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.lint.runner import Checker, CheckOptions, CheckRun, FileResult, LintFinding
from sourcecheck.plugins.manager import PluginManager
from sourcecheck.prose.positions import Region

PLUGIN = Path(__file__).parent / "plugins" / "lint_probe.py"
TEXT = (
    "The harbour board met on Tuesday to set the mooring fees for next year's season.\n"
    "A source said the vote was close. Officials\n"
    "said a second meeting is planned.\n"
)


def engine(**config: object) -> Engine:
    spec = importlib.util.spec_from_file_location("lint_probe_for_runner", PLUGIN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    manager = PluginManager.default(entry_points=False)
    manager.register(module, name="lint_probe")
    return Engine(Config(enable=["probe"], **config), plugins=manager)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_checker_places_findings_in_the_file(draft: Path) -> None:
    run = Checker(engine(), CheckOptions()).run([str(draft)])
    (result,) = run.files
    placed = [(f.rule, f.line, f.column, f.snippet) for f in result.findings]
    assert placed == [
        ("probe/lone-source", 2, 1, "A source"),
        ("probe/vague-officials", 2, 35, "Officials\nsaid"),
    ]
    assert run.rules["probe/lone-source"].summary.startswith("An unnamed single source")
    assert run.exit_code() == 1


def test_a_finding_spanning_lines_is_in_the_diff_if_any_line_changed(draft: Path) -> None:
    options = CheckOptions(changed={draft.resolve(): {3}})
    (result,) = Checker(engine(), options).run([str(draft)]).files
    assert [f.rule for f in result.findings] == ["probe/vague-officials"]
    assert result.outside_diff == 1
    assert not result.failed  # the error was outside the diff


def test_fail_under_ignores_untouched_drafts_with_diff(draft: Path) -> None:
    options = CheckOptions(fail_under=99, changed={})
    (result,) = Checker(engine(), options).run([str(draft)]).files
    assert not result.score_failed
    touched = CheckOptions(fail_under=99, changed={draft.resolve(): None})
    (result,) = Checker(engine(), touched).run([str(draft)]).files
    assert result.score_failed


def test_lines_of_a_region_ending_at_column_one() -> None:
    region = Region(line=2, column=5, end_line=4, end_column=1, offset=0, length=0)
    finding = LintFinding("a/b", "warning", "m", "a", region)
    assert list(finding.lines()) == [2, 3]
    assert list(LintFinding("a/b", "warning", "m", "a", None).lines()) == [1]


@pytest.mark.parametrize(
    ("files", "exit_zero", "expected"),
    [
        ([FileResult("a")], False, 0),
        ([FileResult("a", failed_findings=1)], False, 1),
        ([FileResult("a", score_failed=True)], True, 0),
        ([FileResult("a", failed_findings=1), FileResult("b", error="bad")], False, 2),
        ([FileResult("b", error="bad")], True, 2),
    ],
)
def test_exit_code_precedence(files: list[FileResult], exit_zero: bool, expected: int) -> None:
    run = CheckRun(files=files, rules={}, options=CheckOptions())
    assert run.exit_code(exit_zero=exit_zero) == expected
