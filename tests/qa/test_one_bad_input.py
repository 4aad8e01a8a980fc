"""Issue #16, "One bad record never stops a corpus", for the article commands: one bad input
is one line on stderr, the others are scored, and no output file is left half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import GOOD_STORY, RunCli, assert_one_line_errors

BAD_DATE_DRAFT = "---\ntitle: Ferry\npublished: 2020-13-45\n---\n\n" + GOOD_STORY

# A loader plugin with a bug: it raises something other than an InputError.
BROKEN_LOADER = """
import sourcecheck
from sourcecheck.loaders.base import Loader


class StoryLoader(Loader):
    name = "story"
    suffixes = (".story",)

    def load(self, data, source):
        raise KeyError("headline")
        yield


@sourcecheck.hookimpl
def sourcecheck_loaders():
    return [StoryLoader()]
"""


@pytest.fixture
def bad_date(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text(BAD_DATE_DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["score", "check"])
def test_a_bad_date_fails_its_draft_and_the_next_is_scored(
    run_cli: RunCli, bad_date: Path, good_story: Path, command: str
) -> None:
    outcome = run_cli(command, bad_date, good_story, "--format", "json")
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert "a.md: front matter has a value that cannot be read: month must be in 1..12" in (
        outcome.err
    )
    assert "ferry.txt" in outcome.out


@pytest.mark.parametrize("command", ["score", "check"])
def test_a_loader_that_raises_fails_its_input_only(
    run_cli: RunCli, tmp_path: Path, good_story: Path, command: str
) -> None:
    plugins = tmp_path / "loaders"
    plugins.mkdir()
    (plugins / f"one_bad_loader_{command}.py").write_text(BROKEN_LOADER, encoding="utf-8")
    story = tmp_path / "a.story"
    story.write_text(GOOD_STORY, encoding="utf-8")
    args = ("--plugins-dir", plugins, "--format", "json")
    outcome = run_cli(command, story, good_story, *args)
    assert outcome.code == 2
    assert_one_line_errors(outcome)
    assert "a.story" in outcome.err and "could not be read: KeyError: 'headline'" in outcome.err
    assert "ferry.txt" in outcome.out


def test_score_output_is_not_created_when_nothing_could_be_scored(
    run_cli: RunCli, bad_date: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    assert run_cli("score", bad_date, "-f", "json", "-o", out).code == 2
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary left behind


def test_a_failed_score_run_leaves_the_previous_output_whole(
    run_cli: RunCli, bad_date: Path, good_story: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    assert run_cli("score", good_story, "-f", "json", "-o", out).code == 0
    before = out.read_text(encoding="utf-8")
    # A scorer failing in strict mode stops the run part-way.
    plugins = tmp_path / "strict_plugins"
    plugins.mkdir()
    (plugins / "one_bad_raises.py").write_text(RAISING_SCORER, encoding="utf-8")
    args = ("-f", "json", "-o", out, "--plugins-dir", plugins, "--strict")
    assert run_cli("score", good_story, *args).code == 2
    assert out.read_text(encoding="utf-8") == before
    json.loads(before)


def test_score_output_holds_what_was_scored(
    run_cli: RunCli, bad_date: Path, good_story: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports.jsonl"
    assert run_cli("score", bad_date, good_story, "-f", "jsonl", "-o", out).code == 2
    [report] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report["article"]["source"] == str(good_story)


RAISING_SCORER = """
import sourcecheck


class Raises(sourcecheck.Scorer):
    name = "raises"
    version = "0.1"

    def score(self, article, analysis):
        raise RuntimeError("house rules broke")


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Raises()]
"""
