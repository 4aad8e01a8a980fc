"""SARIF 2.1.0 output: the structure code scanning relies on, and the official schema.

The OASIS schema is not vendored into the repository: it is published under the OASIS IPR
policy, not an open-source licence. The schema test reads it only where
SOURCECHECK_SARIF_SCHEMA names a copy (tests never read the shared data folder beside the
repository); the structural test below checks what GitHub code scanning needs without it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA_CANDIDATES = [Path(os.environ.get("SOURCECHECK_SARIF_SCHEMA", "/nonexistent"))]


def sarif(run_check: RunCheck, *args: str) -> dict[str, Any]:
    outcome = run_check("drafts", "--format", "sarif", "--root", ".", *args)
    assert outcome.code in (0, 1)
    return json.loads(outcome.out)


@pytest.fixture
def document(run_check: RunCheck, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(FIXTURES)
    return sarif(run_check)


def test_validates_against_the_official_schema(document: dict[str, Any]) -> None:
    schema_path = next((p for p in SCHEMA_CANDIDATES if p.is_file()), None)
    if schema_path is None:
        pytest.skip("official SARIF schema not present (not vendored: OASIS IPR licence)")
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    validator.validate(document)
    # The golden file also holds an unreadable draft's notification.
    golden = json.loads((Path(__file__).parent / "golden" / "check.sarif").read_text("utf-8"))
    assert golden["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    validator.validate(golden)


def test_structure_code_scanning_needs(document: dict[str, Any]) -> None:
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sourcecheck"
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(set(ids))
    assert set(ids) == {
        "probe/lone-source",
        "probe/reportedly",
        "probe/vague-officials",
        "probe_length/short",
    }
    for rule in rules:
        assert rule["help"]["text"].strip() and rule["shortDescription"]["text"].strip()
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    fingerprints = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not re.match(r"^[a-z]+:|^/", artifact["uri"])  # repository-relative
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        if "charOffset" in region:
            assert region["startColumn"] >= 1 and region["endLine"] >= region["startLine"]
            text = (FIXTURES / artifact["uri"]).read_text(encoding="utf-8")
            start, length = region["charOffset"], region["charLength"]
            assert text[start : start + length] == region["snippet"]["text"]
        props = result["properties"]
        assert {"articleScore", "scorerScore", "severity", "band"} <= set(props)
        fingerprints.append(result["partialFingerprints"]["sourcecheckFinding/v1"])
    assert len(fingerprints) == len(set(fingerprints)) == 10
    artifacts = run["artifacts"]
    assert all("score" in a["properties"] and "scorers" in a["properties"] for a in artifacts)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_fingerprints_survive_lines_added_above(
    run_check: RunCheck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    text = (FIXTURES / "drafts" / "storm.txt").read_text(encoding="utf-8")
    draft = tmp_path / "drafts" / "storm.txt"
    draft.write_text(text, encoding="utf-8")

    def prints() -> list[str]:
        results = sarif(run_check)["runs"][0]["results"]
        return [r["partialFingerprints"]["sourcecheckFinding/v1"] for r in results]

    before = prints()
    title, rest = text.split("\n\n", 1)
    draft.write_text(f"{title}\n\nA new opening paragraph.\n\n{rest}", encoding="utf-8")
    assert prints() == before


def test_files_outside_the_root_get_absolute_uris(
    run_check: RunCheck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES)
    outside = tmp_path / "elsewhere.md"
    outside.write_text("A source said the pier will close. " + "The board met. " * 8, "utf-8")
    outcome = run_check(str(outside), "--format", "sarif", "--root", ".")
    (result,) = json.loads(outcome.out)["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == outside.resolve().as_uri()
    assert "uriBaseId" not in artifact
