"""The example newsroom plugin, imported from its src folder and registered by hand.

Installing it would need pip and a build for every test run; the registration path is the
same one entry points use (``PluginManager.register``). test_installed_plugins.py does one
real install, which covers the entry point and runs the plugin's own test suite.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from sourcecheck.cli import main
from sourcecheck.testing import check_scorer

from .conftest import EXAMPLE

STORY = (
    "Dana Ruiz admitted that the Elm Street library would close in June.\n\n"
    '"It was a world-class library, and we admitted our mistakes," Ruiz said. '
    "Acme Corp., a leading provider of shelving, will buy the fittings, Mayor Tom Bell said.\n\n"
    "Two readers were admitted to hospital after the roof fell. Bell insisted."
)


@pytest.fixture
def house_style(import_from_src: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_from_src(EXAMPLE / "src", "sourcecheck_house_style")


def test_passes_conformance(house_style: ModuleType) -> None:
    check_scorer(house_style.HouseStyleScorer())


def test_flags_each_rule_at_the_right_words(
    house_style: ModuleType, sourcecheck_engine: Callable
) -> None:
    report = sourcecheck_engine(house_style).score(STORY)
    found = [(f.rule, f.span.text, f.line) for f in report.findings() if f.span]
    assert found == [
        ("house_style/title-on-first-reference", "Dana Ruiz", 1),
        ("house_style/loaded-verb", "admitted", 1),
        ("house_style/press-release-language", "leading provider", 3),
        ("house_style/loaded-verb", "insisted", 5),
    ]
    scorer = report.scorers[0]
    assert scorer.metrics == {
        "loaded_verb": 2,
        "title_on_first_reference": 1,
        "press_release_language": 1,
    }
    assert scorer.score is not None and 0.0 < scorer.score < 1.0


def test_config_file_options_reach_the_scorer(
    house_style: ModuleType,
    sourcecheck_register: Callable,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sourcecheck_register(house_style)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sourcecheck.toml").write_text(
        "[scorer.house_style]\nloaded_verbs = []\nrequire_title_on_first_reference = false\n",
        encoding="utf-8",
    )
    argv = ["score", str(tmp_path / "story.txt"), "--format", "json", "--enable", "house_style"]
    assert main(argv) == 0
    payload = json.loads(capsys.readouterr().out)
    reports = payload if isinstance(payload, list) else [payload]
    rules = [f["rule"] for s in reports[0]["scorers"] for f in s["findings"]]
    assert rules == ["house_style/press-release-language"]


def test_a_bad_option_in_config_is_one_line_exit_2(
    house_style: ModuleType,
    sourcecheck_register: Callable,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sourcecheck_register(house_style)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sourcecheck.toml").write_text(
        "[scorer.house_style]\ntitles = 'Mayor'\n", encoding="utf-8"
    )
    assert main(["score", str(tmp_path / "story.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "scorer 'house_style': option 'titles'" in err


def test_readme_and_tutorial_name_every_rule_and_option(house_style: ModuleType) -> None:
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    tutorial = (EXAMPLE.parents[2] / "docs" / "plugins" / "tutorial.md").read_text("utf-8")
    for rule in house_style.HouseStyleScorer.rules:
        assert f"house_style/{rule}" in readme
        assert f"`{rule}`" in tutorial
    for option in house_style.HouseStyleOptions.model_fields:
        assert option in readme and option in tutorial
