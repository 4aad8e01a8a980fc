"""Follow-ups found in QA: batch names broken plugins; scorer errors stay one line."""

from __future__ import annotations

import json
from pathlib import Path

import sourcecheck
from sourcecheck.cli import main
from sourcecheck.plugins.manager import PluginManager


class _OutOfRange(sourcecheck.Scorer):
    name = "out_of_range"
    version = "1"

    def score(self, article, analysis):  # type: ignore[no-untyped-def]
        return sourcecheck.ScorerResult(score=2.0)


class _Plugin:
    @sourcecheck.hookimpl
    def sourcecheck_scorers(self) -> list[sourcecheck.Scorer]:
        return [_OutOfRange()]


def test_batch_names_a_plugin_that_failed_to_load(tmp_path: Path, capsys) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "broken.py").write_text("raise RuntimeError('no word list')\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The mayor said so."}) + "\n")
    code = main(
        ["batch", str(corpus), "--out", str(tmp_path / "r.jsonl"), "--plugins-dir", str(plugins)]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert "plugin 'broken' failed to load: RuntimeError: no word list" in err


def test_a_scorer_raising_a_validation_error_is_recorded_on_one_line() -> None:
    manager = PluginManager.default(entry_points=False)
    manager.register(_Plugin(), name="out_of_range_plugin")
    report = sourcecheck.Engine(plugins=manager).score("The mayor said the bridge will reopen.")
    failed = next(s for s in report.scorers if s.name == "out_of_range")
    assert failed.status == "failed"
    assert failed.error is not None and "\n" not in failed.error
    assert "less than or equal to 1" in failed.error
