"""The pytest plugin: fixtures isolate tests from installed plugins, and clean up after."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest

from sourcecheck.core import plugin_manager as manager_module

pytest_plugins = ["pytester"]

# Inner sessions skip plugins they do not need (hypothesis's summary imports all of it).
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest")

# An installed third-party plugin, faked as an entry point so no install is needed.
INTRUDER = """
from sourcecheck import Scorer, ScorerResult, hookimpl

class Intruder(Scorer):
    name = "intruder"
    version = "6.6"

    def score(self, article, analysis):
        return ScorerResult(score=0.0)

@hookimpl
def sourcecheck_scorers():
    return [Intruder()]
"""

INLINE_TESTS = """
import json

import sourcecheck
from sourcecheck import Scorer, ScorerResult
from sourcecheck.cli import main


class Mine(Scorer):
    name = "mine"
    version = "1.0"

    def score(self, article, analysis):
        return ScorerResult(score=1.0)


def test_installed_plugins_load_by_default():
    assert "intruder" in sourcecheck.Engine().available_scorers


def test_engine_fixture_has_only_the_named_plugins(sourcecheck_engine):
    assert set(sourcecheck_engine(Mine).available_scorers) == {"mine"}
    assert set(sourcecheck_engine(Mine()).available_scorers) == {"mine"}


def test_engine_fixture_can_add_the_builtins_but_not_installed_plugins(sourcecheck_engine):
    scorers = sourcecheck_engine(Mine, builtins=True).available_scorers
    assert {"mine", "hedging"} <= set(scorers)
    assert "intruder" not in scorers


def test_engine_fixture_takes_config_fields(sourcecheck_engine):
    engine = sourcecheck_engine(Mine, builtins=True, enable=["mine"])
    assert [scorer.name for scorer in engine.scorers] == ["mine"]


def test_register_reaches_the_cli_and_the_default_engine(sourcecheck_register, capsys):
    sourcecheck_register(Mine())
    assert main(["plugins", "--json"]) == 0
    scorers = json.loads(capsys.readouterr().out)["scorers"]
    assert "mine" in scorers and "intruder" not in scorers
    report = sourcecheck.score("The mayor said the bridge will reopen.")
    assert "mine" in [s.name for s in report.scorers]


def test_a_failing_test_that_registered(sourcecheck_register):
    sourcecheck_register(Mine())
    assert False, "fails on purpose"


def test_registration_ended_with_each_test():
    assert "mine" not in sourcecheck.Engine().available_scorers
    assert "mine" not in [s.name for s in sourcecheck.score("Officials said so.").scorers]
"""


def test_the_plugin_is_registered_for_pytest_through_pytest11() -> None:
    found = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert found.get("sourcecheck") == "_sourcecheck_pytestplugin"


def test_loading_the_plugin_does_not_import_sourcecheck() -> None:
    # pytest imports every pytest11 plugin at start-up, in every project of the env.
    code = (
        "import sys, _sourcecheck_pytestplugin; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sourcecheck'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_explicit_plugin_name_offers_the_same_fixtures(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        "def test_it(sourcecheck_engine, sourcecheck_register):\n"
        "    assert sourcecheck_engine().scorers == []\n"
    )
    without = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    without.assert_outcomes(errors=1)  # control: autoloading really is off
    result = pytester.runpytest_inprocess(
        "-p", "sourcecheck.testing.pytest_plugin", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=1)


def test_fixtures_isolate_from_installed_plugins_and_clean_up(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(intruder_plugin=INTRUDER)
    pytester.syspathinsert()
    intruder = metadata.EntryPoint("intruder", "intruder_plugin", manager_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(manager_module, "_entry_points", lambda: [intruder])
    monkeypatch.delenv(manager_module.LOAD_ENV, raising=False)
    pytester.makepyfile(test_inline=INLINE_TESTS)
    result = pytester.runpytest_inprocess(*QUIET, "--tb=line")
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines(["*AssertionError: fails on purpose"])
