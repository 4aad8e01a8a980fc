from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sourcecheck.cli import main
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import ConfigError, PluginLoadError

BROKEN_IMPORT = "import sourcecheck_no_such_dependency\n"


@pytest.fixture
def three_dists(install: Callable[..., None], working_plugin: Callable[..., str]) -> None:
    install(
        "house-rules",
        "1.2.0",
        {"house_rules": "house_rules_plugin"},
        {"house_rules_plugin": working_plugin("house_style")},
    )
    install(
        "broken-rules",
        "0.1",
        {"broken_rules": "broken_rules_plugin"},
        {"broken_rules_plugin": BROKEN_IMPORT},
    )
    install(
        "copycat-rules",
        "0.3",
        {"copycat": "copycat_plugin"},
        {"copycat_plugin": working_plugin("house_style", "0.3")},
    )


def test_an_installed_plugin_is_found_through_its_entry_point(
    install: Callable[..., None],
    working_plugin: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install(
        "house-rules",
        "1.2.0",
        {"house_rules": "house_rules_plugin"},
        {"house_rules_plugin": working_plugin("house_style")},
    )
    monkeypatch.delenv("SOURCECHECK_LOAD_PLUGINS")
    engine = Engine()
    assert "house_style" in engine.available_scorers
    info = engine.plugins.info("house_rules")
    assert info is not None
    assert (info.origin, info.distribution, info.version, info.status) == (
        "entrypoint",
        "house-rules",
        "1.2.0",
        "ok",
    )
    assert info.hooks == ["sourcecheck_scorers"]
    report = engine.score("The harbour master said the ferry would resume.")
    assert report.versions["house_style"] == "1.2.0"


def test_an_empty_selection_loads_no_installed_plugin(three_dists: None) -> None:
    engine = Engine()  # the test conftest sets SOURCECHECK_LOAD_PLUGINS=""
    assert "house_style" not in engine.available_scorers
    assert {i.name: i.status for i in engine.plugins.infos if i.origin == "entrypoint"} == {
        "broken_rules": "not loaded",
        "copycat": "not loaded",
        "house_rules": "not loaded",
    }
    assert engine.plugins.errors == []


@pytest.mark.parametrize(
    "selection", ["house-rules", "House_Rules", "house_rules", " house-rules ,"]
)
def test_the_selection_names_distributions_or_entry_points(
    three_dists: None, monkeypatch: pytest.MonkeyPatch, selection: str
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", selection)
    engine = Engine()
    assert engine.available_scorers["house_style"].version == "1.2.0"
    assert engine.plugins.errors == []  # the broken one was not selected, so not imported


def test_a_plugin_that_fails_to_import_is_named_and_skipped(
    three_dists: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules,broken-rules")
    engine = Engine()
    [error] = engine.plugins.errors
    assert error.plugin == "broken_rules"
    assert (
        "ModuleNotFoundError" in error.message and "sourcecheck_no_such_dependency" in error.message
    )
    assert "house_style" in engine.available_scorers
    report = engine.score("The harbour master said the ferry would resume.")
    assert report.score is not None
    assert [e.plugin for e in report.errors] == ["broken_rules"]


def test_strict_mode_makes_an_import_failure_fatal(
    three_dists: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "broken-rules")
    with pytest.raises(PluginLoadError, match="plugin 'broken_rules' failed to load"):
        Engine(Config(strict=True))


def test_two_scorers_with_one_name_name_both_distributions(
    three_dists: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules,copycat-rules")
    with pytest.raises(ConfigError) as caught:
        Engine()
    message = str(caught.value)
    assert "two scorers are named 'house_style'" in message
    assert "copycat (copycat-rules 0.3)" in message
    assert "house_rules (house-rules 1.2.0)" in message


def test_a_plugin_scorer_named_like_a_builtin_is_an_error(
    install: Callable[..., None],
    working_plugin: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install(
        "shadow",
        "9.9",
        {"shadow": "shadow_plugin"},
        {"shadow_plugin": working_plugin("hedging", "9.9")},
    )
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "shadow")
    with pytest.raises(
        ConfigError, match=r"sourcecheck\.scorers\.hedging and from shadow \(shadow 9\.9\)"
    ):
        Engine()


MISBEHAVING = {
    "returns_junk": (
        "from sourcecheck import hookimpl\n"
        "@hookimpl\ndef sourcecheck_scorers():\n    return ['not a scorer']\n",
        "not a sourcecheck.Scorer instance",
    ),
    "misspelt_hook": (
        "from sourcecheck import hookimpl\n@hookimpl\ndef sourcecheck_scorer():\n    return []\n",
        "unknown hook(s) sourcecheck_scorer",
    ),
    "raises_in_hook": (
        "from sourcecheck import hookimpl\n"
        "@hookimpl\ndef sourcecheck_scorers():\n    raise RuntimeError('no config')\n",
        "hook sourcecheck_scorers raised RuntimeError: no config",
    ),
    "bad_lexicons": (
        "from sourcecheck import hookimpl\n"
        "@hookimpl\ndef sourcecheck_lexicons():\n    return ['not', 'a', 'mapping']\n",
        "sourcecheck_lexicons returned list, not a mapping",
    ),
    "bad_name": (
        "from sourcecheck import Scorer, hookimpl\n"
        "class S(Scorer):\n    name = 'Bad Name'\n"
        "@hookimpl\ndef sourcecheck_scorers():\n    return [S()]\n",
        "scorer name 'Bad Name' must start with a lowercase letter",
    ),
}


@pytest.mark.parametrize("case", sorted(MISBEHAVING))
def test_a_misbehaving_plugin_is_skipped_with_its_reason(tmp_path: Path, case: str) -> None:
    source, reason = MISBEHAVING[case]
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / f"{case}.py").write_text(source)
    engine = Engine(Config(plugins_dir=[str(folder)]))
    [error] = engine.plugins.errors
    assert error.plugin == case and reason in error.message
    assert engine.score("The mayor said the bridge would reopen.").score is not None
    with pytest.raises(PluginLoadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        Engine(Config(plugins_dir=[str(folder)], strict=True))


def test_a_plugins_dir_that_does_not_exist_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="plugins directory does not exist"):
        Engine(Config(plugins_dir=[str(tmp_path / "absent")]))


def test_config_plugins_lists_importable_modules(
    site: Path, working_plugin: Callable[..., str]
) -> None:
    (site / "desk_rules.py").write_text(working_plugin("desk_style"))
    engine = Engine(Config(plugins=["desk_rules"]))
    assert "desk_style" in engine.available_scorers
    assert engine.plugins.info("desk_rules").origin == "config"  # type: ignore[union-attr]
    missing = Engine(Config(plugins=["desk_rules_missing"]))
    assert [e.plugin for e in missing.plugins.errors] == ["desk_rules_missing"]


def test_plugins_command_lists_installed_plugins_as_json(
    three_dists: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules,broken-rules")
    assert main(["plugins", "--json"]) == 0
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    by_name = {p["name"]: p for p in listing["plugins"]}
    assert by_name["house_rules"]["status"] == "ok"
    assert by_name["house_rules"]["distribution"] == "house-rules"
    assert by_name["broken_rules"]["status"] == "failed"
    assert by_name["copycat"]["status"] == "not loaded"
    assert not any(p["origin"] == "builtin" for p in listing["plugins"])
    assert listing["scorers"]["house_style"] == "1.2.0"
    assert "plugin 'broken_rules' failed to load" in captured.err


def test_plugins_command_all_includes_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--all"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"sourcecheck\.scorers\.hedging\s+\S+\s+builtin\s+ok\s+scorers", out)
    assert re.search(r"hedging\s+\S+\s+sourcecheck\.scorers\.hedging\s+yes", out)
    assert main(["plugins"]) == 0
    assert "No third-party plugins installed" in capsys.readouterr().out


def test_plugins_command_strict_exits_2_with_one_line(
    three_dists: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "broken-rules")
    monkeypatch.setenv("SOURCECHECK_STRICT", "1")
    assert main(["plugins"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "sourcecheck: error: plugin 'broken_rules' failed to load: ModuleNotFoundError: "
        "No module named 'sourcecheck_no_such_dependency'"
    ]


def test_score_with_a_duplicate_scorer_exits_2_naming_both(
    three_dists: None,
    monkeypatch: pytest.MonkeyPatch,
    story: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules,copycat-rules")
    assert main(["score", str(story)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.strip().splitlines()
    assert "house-rules 1.2.0" in line and "copycat-rules 0.3" in line


def test_score_warns_about_a_broken_plugin_by_name_and_still_scores(
    three_dists: None,
    monkeypatch: pytest.MonkeyPatch,
    story: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules,broken-rules")
    assert main(["score", str(story), "-f", "json", "--enable", "house_style"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "sourcecheck: warning: plugin 'broken_rules' failed to load: ModuleNotFoundError: "
        "No module named 'sourcecheck_no_such_dependency'"
    ]
    report = json.loads(captured.out)
    assert report["score"] == 75.0
    assert report["versions"]["house_style"] == "1.2.0"


REPORTER_PLUGIN = """
from sourcecheck import hookimpl
from sourcecheck.reporters.base import Reporter


class ScoreOnly(Reporter):
    format = "score-only"

    def render(self, reports, *, color=False):
        return "".join(f"{r.article.title}\\t{r.score:.1f}\\n" for r in reports)


@hookimpl
def sourcecheck_reporters():
    return [ScoreOnly(), "not a reporter"]
"""


def test_a_plugin_reporter_is_usable_and_junk_beside_it_is_named(
    tmp_path: Path, story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "score_only.py").write_text(REPORTER_PLUGIN)
    code = main(["score", str(story), "-f", "score-only", "--plugins-dir", str(folder)])
    captured = capsys.readouterr()
    assert code == 0
    assert re.fullmatch(r"Ferry service resumes\t\d+\.\d\n", captured.out)
    assert captured.err.splitlines() == [
        "sourcecheck: warning: plugin 'score_only' sourcecheck_reporters returned "
        "'not a reporter', not a Reporter"
    ]
    assert main(["plugins", "--plugins-dir", str(folder), "--strict"]) == 2
    assert "not a Reporter" in capsys.readouterr().err


def test_a_plugin_reached_twice_loads_once(
    install: Callable[..., None],
    working_plugin: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install(
        "house-rules",
        "1.2.0",
        {"house_rules": "house_rules_plugin"},
        {"house_rules_plugin": working_plugin("house_style")},
    )
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "house-rules")
    engine = Engine(Config(plugins=["house_rules_plugin"]))
    assert engine.plugins.errors == []
    assert list(engine.available_scorers).count("house_style") == 1
    again = engine.plugins.info("house_rules_plugin")
    assert again is not None and again.error is None
    assert again.note == "already loaded as 'house_rules'"


def test_a_selected_plugin_that_is_not_installed_is_named(
    three_dists: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "House_Rules,hous-rules")
    engine = Engine()
    assert "house_style" in engine.available_scorers  # the right name still loads
    assert [(e.plugin, e.message) for e in engine.plugins.errors] == [
        ("hous-rules", "is named in SOURCECHECK_LOAD_PLUGINS but no installed plugin has that name")
    ]
    with pytest.raises(PluginLoadError, match="plugin 'hous-rules' is named in"):
        Engine(Config(strict=True))
