"""Rule records: declared once, read by findings, listings, docs and SARIF."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import BaseModel, ConfigDict

from sourcecheck import Article, Scorer, ScorerResult, Span
from sourcecheck.cli import main
from sourcecheck.core.analysis import Analysis
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import SEVERITY_ORDER
from sourcecheck.core.rules import (
    Rule,
    declare_rules,
    explanation_text,
    markdown_table,
    update_rule_tables,
)
from sourcecheck.testing import check_scorer

ROOT = Path(__file__).resolve().parents[2]
GENERATED_DOCS = [ROOT / "docs" / "scorers.md", ROOT / "docs" / "hedging.md"]


class LegacyScorer(Scorer):
    """A published plugin's way of declaring rules: a help text per rule id."""

    name = "legacy"
    version = "1.0"
    rules: ClassVar[dict[str, str]] = {"shouting": "Exclamation marks read as editorialising."}

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        at = article.body.find("!")
        findings = []
        if at >= 0:
            span = Span.of(article.body, at, at + 1)
            findings.append(self.finding("shouting", "An exclamation mark.", span))
        return ScorerResult(score=0.5, findings=findings)


class HouseOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = 2


class HouseScorer(Scorer[HouseOptions]):
    name = "house"
    version = "1.0"
    rules = declare_rules(
        Rule(
            id="lone-source",
            severity="error",
            summary="A story quoting one person.",
            why="One account is unconfirmed.",
            example="The mayor said so.",
            fix="Add a second source.",
        )
    )

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        limit: int = self.options.limit  # typed by Scorer[HouseOptions], no cast needed
        findings = [self.finding("lone-source", f"Fewer than {limit} sources.")]
        return ScorerResult(score=0.5, findings=findings)


def test_a_rule_declared_twice_is_an_error() -> None:
    with pytest.raises(ValueError, match="'a' is declared twice"):
        declare_rules(Rule(id="a", summary="x"), Rule(id="a", summary="y"))


def test_a_legacy_help_text_becomes_a_record_with_that_summary() -> None:
    (record,) = LegacyScorer().rule_records().values()
    assert record == Rule(id="shouting", summary="Exclamation marks read as editorialising.")
    assert LegacyScorer().rules["shouting"].startswith("Exclamation")  # still a str to the plugin


def test_a_finding_takes_its_rules_declared_severity() -> None:
    (finding,) = HouseScorer().score(Article(body="x"), Analysis(body="x")).findings
    assert (finding.rule, finding.severity) == ("house/lone-source", "error")
    legacy = LegacyScorer().score(Article(body="Now!"), Analysis(body="Now!"))
    assert legacy.findings[0].severity == "warning"


def test_a_given_severity_still_wins() -> None:
    finding = HouseScorer().finding("lone-source", "m", severity="suggestion")
    assert finding.severity == "suggestion"


def test_scorer_generic_over_its_options_sets_and_types_them() -> None:
    assert HouseScorer.Options is HouseOptions
    configured = HouseScorer().configure({"limit": 5})
    assert isinstance(configured, HouseScorer)
    assert configured.options.limit == 5


def test_both_kinds_of_plugin_pass_conformance() -> None:
    check_scorer(LegacyScorer(), huge_words=2_000)
    check_scorer(HouseScorer(), huge_words=2_000)


def test_conformance_catches_a_record_filed_under_another_id() -> None:
    class Misfiled(HouseScorer):
        rules: ClassVar[dict[str, Rule]] = {"lone-source": Rule(id="other", summary="x")}

    with pytest.raises(AssertionError, match="holds the record of 'other'"):
        check_scorer(Misfiled(), huge_words=2_000)


def test_engine_lists_plugin_rules_the_same_as_builtin_ones() -> None:
    engine = Engine(Config(), scorers=[LegacyScorer(), HouseScorer()])
    records = engine.rule_records()
    assert sorted(records) == ["house/lone-source", "legacy/shouting"]
    assert engine.rules()["house/lone-source"] == "A story quoting one person."


def test_explanation_says_why_and_how_to_fix_and_suppress() -> None:
    text = explanation_text("house/lone-source", HouseScorer().rule("lone-source"))
    for words in (
        "default severity: error",
        "Why it matters:",
        "One account is unconfirmed.",
        "Example:",
        "How to fix:",
        "disable-next-line house/lone-source",
        '"house/lone-source" = "off"',
    ):
        assert words in text


def test_generated_blocks_are_replaced_and_the_rest_kept() -> None:
    table = markdown_table("house", [HouseScorer().rule("lone-source")])
    text = "Intro.\n<!-- rules: house -->\nold table\n<!-- end rules -->\nOutro.\n"
    updated = update_rule_tables(text, {"house": table})
    assert updated.startswith("Intro.\n<!-- rules: house -->\n| rule | severity")
    assert "old table" not in updated and updated.endswith("<!-- end rules -->\nOutro.\n")
    assert "| `house/lone-source` | error | A story quoting one person. |" in updated
    assert update_rule_tables(updated, {"house": table}) == updated


def test_the_docs_rule_tables_are_current() -> None:
    # If this fails: sourcecheck rules --update-doc docs/scorers.md --update-doc docs/hedging.md
    docs = [arg for path in GENERATED_DOCS for arg in ("--update-doc", str(path))]
    assert main(["rules", *docs, "--check"]) == 0


BUILTIN = Engine().rule_records()


@pytest.mark.parametrize("rule_id", list(BUILTIN))
def test_each_builtin_rule_is_documented_and_its_example_fires_it(rule_id: str) -> None:
    rule = BUILTIN[rule_id]
    assert rule.summary and rule.why and rule.example and rule.fix
    scorer = rule_id.partition("/")[0]
    report = Engine(Config(enable=[scorer])).score(rule.example)
    assert rule_id in {f.rule for f in report.findings()}


def test_builtin_findings_never_exceed_their_rules_declared_severity() -> None:
    """A scorer may lower a finding it is unsure of (a suggestion), never raise one."""
    engine = Engine()
    articles = sorted((ROOT / "examples" / "articles").glob("*.md"))
    seen = set()
    for path in articles:
        for finding in engine.score(path.read_text(encoding="utf-8")).findings():
            declared = SEVERITY_ORDER[BUILTIN[finding.rule].severity]
            assert SEVERITY_ORDER[finding.severity] <= declared, finding.rule
            seen.add(finding.rule)
    assert len(seen) >= 3
