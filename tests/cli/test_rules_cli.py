"""``sourcecheck rules`` and ``sourcecheck rule ID``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcecheck.cli import main
from sourcecheck.core.engine import Engine
from sourcecheck.lint.formats.sarif import _rule_descriptor

Capture = pytest.CaptureFixture[str]

# A plugin declaring its rules the old way, as published plugins do.
LEGACY_PLUGIN = """
from sourcecheck import Scorer, ScorerResult, hookimpl


class Shouting(Scorer):
    name = "shouting"
    version = "1.0"
    rules = {"exclamation": "Exclamation marks outside quotes read as editorialising."}

    def score(self, article, analysis):
        return ScorerResult(score=1.0)


@hookimpl
def sourcecheck_scorers():
    return [Shouting()]
"""


@pytest.fixture
def legacy_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "legacy_plugins"
    folder.mkdir()
    (folder / "shouting.py").write_text(LEGACY_PLUGIN, encoding="utf-8")
    return folder


def listed(capsys: Capture, *args: str) -> dict[str, dict]:
    assert main(["rules", *args]) == 0
    return {row["id"]: row for row in json.loads(capsys.readouterr().out)["rules"]}


def test_lists_every_builtin_rule_and_a_legacy_plugins(capsys: Capture, legacy_dir: Path) -> None:
    rows = listed(capsys, "--json", "--plugins-dir", str(legacy_dir))
    assert set(Engine().rule_records()) < set(rows)
    legacy = rows["shouting/exclamation"]
    assert legacy["summary"].startswith("Exclamation marks")
    assert (legacy["severity"], legacy["level"]) == ("warning", "warning")
    no_reason = rows["anonymous_sources/no-reason"]
    assert no_reason["why"] and no_reason["example"] and no_reason["fix"]


def test_format_json_is_the_same_as_json(capsys: Capture) -> None:
    assert listed(capsys, "--format", "json") == listed(capsys, "--json")


def test_level_shows_config_and_disabled_scorers(capsys: Capture, tmp_path: Path) -> None:
    config = tmp_path / "sourcecheck.toml"
    config.write_text('[rules]\n"corroboration/dominant-source" = "error"\n', encoding="utf-8")
    rows = listed(capsys, "--json", "--config", str(config), "--disable", "hedging")
    assert rows["corroboration/dominant-source"]["level"] == "error"
    assert rows["corroboration/dominant-source"]["severity"] == "suggestion"
    assert rows["hedging/weasel"]["level"] == "off"


def test_text_listing_names_each_rule(capsys: Capture) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "anonymous_sources/bare-source" in out and "hedging/stacked" in out


def test_rule_explains_one_by_its_short_id(capsys: Capture) -> None:
    assert main(["rule", "bare-source"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("anonymous_sources/bare-source (default severity: error)")
    for heading in ("Summary:", "Why it matters:", "Example:", "How to fix:", "How to suppress:"):
        assert heading in out


def test_rule_as_json(capsys: Capture) -> None:
    assert main(["rule", "hedging/evidential", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["id"] == "hedging/evidential" and row["severity"] == "warning"


def test_an_unknown_rule_is_a_usage_error(capsys: Capture) -> None:
    assert main(["rule", "no-such-rule"]) == 2
    assert "unknown rule 'no-such-rule'" in capsys.readouterr().err


def test_sarif_help_comes_from_the_record() -> None:
    records = Engine().rule_records()
    descriptor = _rule_descriptor(
        "corroboration/single-source", records["corroboration/single-source"]
    )
    assert descriptor["defaultConfiguration"] == {"level": "warning"}
    assert "Why it matters:" in descriptor["help"]["text"]
    assert "**How to fix**" in descriptor["help"]["markdown"]
