"""``sourcecheck new-scorer``: a package that installs, tests and lists, or a clear refusal."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from sourcecheck import __version__
from sourcecheck.cli import main
from sourcecheck.scaffold import Names, default_requirement, output_files
from sourcecheck.testing import check_scorer, make_engine

pytest_plugins = ["pytester"]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED_FILES = {
    "pyproject.toml",
    "README.md",
    ".gitignore",
    ".github/workflows/test.yml",
    "src/sourcecheck_wire_copy/__init__.py",
    "src/sourcecheck_wire_copy/scorer.py",
    "src/sourcecheck_wire_copy/py.typed",
    "tests/test_wire_copy.py",
}


def new_scorer(name: str, directory: Path) -> int:
    return main(["new-scorer", name, "--dir", str(directory)])


@pytest.fixture
def package(tmp_path: Path) -> Path:
    assert new_scorer("wire_copy", tmp_path) == 0
    return tmp_path / "sourcecheck-wire-copy"


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_creates_the_package_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new_scorer("wire_copy", tmp_path) == 0
    assert files_under(tmp_path / "sourcecheck-wire-copy") == EXPECTED_FILES
    out = capsys.readouterr().out
    assert out.startswith(f"Created {tmp_path / 'sourcecheck-wire-copy'} (scorer 'wire_copy'")
    assert "python -m pytest" in out


def test_no_placeholder_is_left_unfilled(package: Path) -> None:
    keys = "|".join(Names("wire_copy").values())
    for relative in EXPECTED_FILES:
        text = (package / relative).read_text(encoding="utf-8")
        assert not re.search(rf"\$\{{?({keys})\b", text), relative


def test_pyproject_declares_the_entry_point_and_classifier(package: Path) -> None:
    project = tomllib.loads((package / "pyproject.toml").read_text())["project"]
    assert project["name"] == "sourcecheck-wire-copy"
    assert project["entry-points"]["sourcecheck"] == {"wire_copy": "sourcecheck_wire_copy"}
    assert "Framework :: sourcecheck" in project["classifiers"]
    # Not on the package index: the release tag of the repository, never "sourcecheck>=".
    assert project["dependencies"] == [default_requirement()]
    assert default_requirement().startswith("sourcecheck @ git+https://")
    assert default_requirement().endswith(f"@v{__version__}")


def test_workflow_installs_and_runs_pytest_on_each_python(package: Path) -> None:
    workflow = yaml.safe_load((package / ".github/workflows/test.yml").read_text())
    job = workflow["jobs"]["test"]
    assert "3.10" in job["strategy"]["matrix"]["python-version"]
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    commands = " ".join(s.get("run", "") for s in job["steps"])
    assert "pip install -e '.[test]'" in commands
    assert "pytest" in commands


def test_generated_scorer_works_and_passes_conformance(
    package: Path, import_from_src: Callable[[Path, str], ModuleType]
) -> None:
    plugin = import_from_src(package / "src", "sourcecheck_wire_copy")
    check_scorer(plugin.WireCopyScorer(), huge_words=2_000)
    report = make_engine(plugin).score("Shares soared! Analysts said the rally was brief.")
    [finding] = report.findings()
    assert (finding.rule, finding.span.text if finding.span else None) == (
        "wire_copy/exclamation-mark",
        "!",
    )


def test_generated_tests_pass(package: Path, pytester: pytest.Pytester) -> None:
    pytester.syspathinsert(package / "src")
    result = pytester.runpytest_inprocess(
        str(package / "tests"), "-p", "no:cacheprovider", "-p", "no:hypothesispytest"
    )
    result.assert_outcomes(passed=6)


@pytest.mark.parametrize(
    "name", ["House", "2fast", "wire-copy", "class", "", "trailing_", "has space", "né"]
)
def test_invalid_name_is_refused_in_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new_scorer(name, tmp_path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"sourcecheck: error: invalid scorer name {name!r}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["abc\n", "abc\r", "abc\x1b", "ab\x00c", "\nabc", "abc\u2028"])
def test_a_name_with_a_control_character_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A final newline passed a '$'-anchored check and broke the generated pyproject."""
    assert new_scorer(name, tmp_path) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"sourcecheck: error: invalid scorer name {name!r}: ")
    assert list(tmp_path.iterdir()) == []


def test_existing_folder_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "sourcecheck-wire-copy"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine")
    assert new_scorer("wire_copy", tmp_path) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"sourcecheck: error: {existing}: already exists; choose another --dir or remove it\n"
    )
    assert files_under(existing) == {"notes.txt"}


def test_a_write_error_is_one_line_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_text", disk_full)
    assert new_scorer("wire_copy", tmp_path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.endswith("pyproject.toml: cannot write: No space left on device\n")
    assert list(tmp_path.iterdir()) == []


def test_missing_dir_is_created(tmp_path: Path) -> None:
    assert new_scorer("wire_copy", tmp_path / "plugins" / "ours") == 0
    assert (tmp_path / "plugins/ours/sourcecheck-wire-copy/pyproject.toml").is_file()


def test_every_template_is_shipped_as_package_data() -> None:
    from importlib import resources

    folder = resources.files("sourcecheck.scaffold") / "templates"
    shipped = {p.name for p in folder.iterdir()}
    needed = {t for t in output_files(Names("x")).values() if t}
    assert needed <= shipped
    assert all(name.endswith(".tmpl") for name in shipped)  # what package-data globs


def test_a_built_in_scorers_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new_scorer("hedging", tmp_path) == 2
    assert capsys.readouterr().err == (
        "sourcecheck: error: scorer name 'hedging' is taken by a built-in scorer (anonymous_sources, "
        "attribution_clarity, corroboration, hedging): choose another\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_refused_names_are_the_built_in_scorers() -> None:
    from sourcecheck import Config, Engine
    from sourcecheck.scaffold import BUILTIN_SCORER_NAMES

    assert set(Engine(Config()).available_scorers) == BUILTIN_SCORER_NAMES


def test_the_sourcecheck_dependency_can_point_at_a_local_checkout(tmp_path: Path) -> None:
    local = f"sourcecheck @ {Path(__file__).resolve().parents[2].as_uri()}"
    assert main(["new-scorer", "local_rules", "--dir", str(tmp_path), "--sourcecheck", local]) == 0
    pyproject = (tmp_path / "sourcecheck-local-rules" / "pyproject.toml").read_text()
    assert tomllib.loads(pyproject)["project"]["dependencies"] == [local]
    readme = (tmp_path / "sourcecheck-local-rules" / "README.md").read_text()
    assert "file:///path/to/sourcecheck" in readme
