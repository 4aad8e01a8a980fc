"""Tests for the house_style scorer, written with sourcecheck's testing helpers."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sourcecheck import ConfigError, Report
from sourcecheck.cli import main
from sourcecheck.testing import check_scorer, make_engine

import sourcecheck_house_style
from sourcecheck_house_style import HouseStyleScorer


def rules_and_words(report: Report) -> list[tuple[str, str]]:
    return [(f.rule.split("/")[1], f.span.text if f.span else "") for f in report.findings()]


def test_passes_the_conformance_run() -> None:
    check_scorer(HouseStyleScorer())


def test_clean_copy_scores_one(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        "Mayor Dana Ruiz said the library would close in June. The council voted 7-2."
    )
    assert report.findings() == []
    assert report.scorers[0].score == 1.0


def test_loaded_verbs_are_flagged_but_not_other_senses(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        "Mayor Dana Ruiz admitted that the budget was short. "
        "Two patients were admitted to hospital. The treasurer insisted."
    )
    assert rules_and_words(report) == [("loaded-verb", "admitted"), ("loaded-verb", "insisted")]


def test_quotes_are_the_sources_words(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        '"We have a world-class team and nobody admitted that," Mayor Dana Ruiz said.'
    )
    assert report.findings() == []


def test_first_reference_needs_a_title_or_role(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        "Dana Ruiz said the library would close. Ruiz said it was a hard choice.\n\n"
        "Tom Bell, the city's treasurer, said repairs were too costly. Bell said so twice."
    )
    [finding] = report.findings()
    assert finding.rule == "house_style/title-on-first-reference"
    assert finding.span is not None and finding.span.text == "Dana Ruiz"
    assert (finding.line, finding.column, finding.severity) == (1, 1, "suggestion")


def test_press_release_language_is_flagged(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        "Acme is pleased to announce a state-of-the-art plant, Mayor Dana Ruiz said."
    )
    assert rules_and_words(report) == [
        ("press-release-language", "pleased to announce"),
        ("press-release-language", "state-of-the-art"),
    ]
    assert report.scorers[0].metrics["press_release_language"] == 2


def test_options_change_what_is_flagged(sourcecheck_engine: Callable) -> None:
    text = "Dana Ruiz said the plan was revolutionary. She claimed that it was cheap."
    default = sourcecheck_engine(sourcecheck_house_style).score(text)
    assert [rule for rule, _ in rules_and_words(default)] == [
        "title-on-first-reference",
        "press-release-language",
        "loaded-verb",
    ]
    options = {
        "require_title_on_first_reference": False,
        "promotional_phrases": [],
        "loaded_verbs": ["claimed"],
    }
    relaxed = sourcecheck_engine(sourcecheck_house_style, scorer={"house_style": options})
    assert rules_and_words(relaxed.score(text)) == [("loaded-verb", "claimed")]


def test_rule_levels_from_config_apply(sourcecheck_engine: Callable) -> None:
    engine = sourcecheck_engine(sourcecheck_house_style, rules={"house_style/loaded-verb": "error"})
    [finding] = engine.score("Mayor Dana Ruiz conceded that it was late.").findings()
    assert finding.severity == "error"


def test_a_wrong_option_type_names_the_scorer_and_key(sourcecheck_engine: Callable) -> None:
    with pytest.raises(ConfigError, match="scorer 'house_style': option 'loaded_verbs'"):
        sourcecheck_engine(sourcecheck_house_style, scorer={"house_style": {"loaded_verbs": 3}})


def test_the_cli_lists_the_plugin(
    sourcecheck_register: Callable, capsys: pytest.CaptureFixture[str]
) -> None:
    sourcecheck_register(sourcecheck_house_style)
    assert main(["plugins", "--json"]) == 0
    assert "house_style" in json.loads(capsys.readouterr().out)["scorers"]


_ENGINE = make_engine(sourcecheck_house_style)
_NEWSY = st.sampled_from(
    ["Dana Ruiz", "said", "admitted that", "world-class", '"', "“", "”", ", the mayor,", "."]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_NEWSY, st.text(max_size=8)), max_size=30).map(" ".join))
def test_any_text_gives_a_valid_report_with_true_spans(body: str) -> None:
    assume(body.strip() and "\x00" not in body)  # sourcecheck refuses anything else as not text
    report = _ENGINE.score(body)
    scorer = report.scorers[0]
    assert scorer.status == "ok", scorer.error
    assert scorer.score is not None and 0.0 <= scorer.score <= 1.0
    for finding in scorer.findings:
        assert finding.span is not None
        assert body[finding.span.start : finding.span.end] == finding.span.text


def test_passive_uses_are_not_attribution(sourcecheck_engine: Callable) -> None:
    report = sourcecheck_engine(sourcecheck_house_style).score(
        "Three students were admitted. The evidence was revealed, Mayor Dana Ruiz said."
    )
    assert report.findings() == []
