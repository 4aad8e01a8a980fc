from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from engine_support import COUNCIL, FixedScorer, RaisingScorer, engine_with

from sourcecheck.cli import main
from sourcecheck.core.models import SCHEMA_VERSION, Report, report_json_schema_text

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    # If this fails, regenerate: sourcecheck schema -o docs/report.schema.json
    assert COMMITTED.read_text(encoding="utf-8") == report_json_schema_text()


def test_a_real_report_validates_against_the_committed_schema() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    report = engine_with(FixedScorer("a", 0.4, flag="may"), RaisingScorer()).score(COUNCIL)
    jsonschema.validate(json.loads(report.to_json()), schema)


def test_the_schema_lets_later_versions_add_fields() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    report = json.loads(engine_with(FixedScorer("a", 0.4)).score(COUNCIL).to_json())
    report["added_in_a_later_version"] = {"x": 1}
    report["scorers"][0]["also_new"] = True
    jsonschema.validate(report, schema)


def test_the_schema_requires_the_contract_fields() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    required = set(schema["required"])
    assert {
        "schema_version",
        "article",
        "score",
        "band",
        "baseline",
        "scorers",
        "analysis",
        "errors",
        "versions",
    } <= required
    scorer = schema["$defs"]["ScorerReport"]["properties"]
    assert {
        "name",
        "version",
        "status",
        "score",
        "weight",
        "contribution",
        "confidence",
        "summary",
        "metrics",
        "findings",
    } <= set(scorer)
    assert schema["$defs"]["ScorerReport"]["properties"]["status"]["enum"] == [
        "ok",
        "failed",
        "skipped",
    ]


def test_report_round_trips_through_json() -> None:
    report = engine_with(FixedScorer("a", 0.4, flag="said")).score(COUNCIL)
    again = Report.model_validate_json(report.to_json())
    assert again.to_json() == report.to_json()
    assert again.schema_version == SCHEMA_VERSION


def test_schema_command_writes_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text() == report_json_schema_text()
    assert main(["schema", "--check", str(target)]) == 0
    target.write_text("{}\n")
    assert main(["schema", "--check", str(target)]) == 2
    assert "stale report schema" in capsys.readouterr().err


def test_every_report_and_scorer_field_is_documented() -> None:
    from sourcecheck.core.models import ScorerReport

    docs = (COMMITTED.parent / "report.md").read_text(encoding="utf-8")
    fields = [*Report.model_fields, *ScorerReport.model_fields]
    missing = [n for n in fields if f"`{n}`" not in docs and f"`{n}[]`" not in docs]
    assert missing == [], f"add these fields to docs/report.md: {missing}"
