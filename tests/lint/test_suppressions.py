"""Inline suppression comments in Markdown and HTML drafts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sourcecheck.lint.suppressions import parse_suppressions
from sourcecheck.prose.markdown import Comment
from sourcecheck.prose.positions import SourceMap

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

FILLER = "The council met on Monday to discuss the budget for the coming year and the new roads."


def rules_found(
    run_check: RunCheck, tmp_path: Path, text: str, name: str = "d.md"
) -> list[tuple[str, int]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    outcome = run_check(str(path), "--format", "json", "--exit-zero", "--enable", "probe")
    document = json.loads(outcome.out)
    return [(f["rule"], f["line"]) for f in document["files"][0]["findings"]]


def test_disable_and_enable_bracket_a_passage(run_check: RunCheck, tmp_path: Path) -> None:
    text = (
        f"{FILLER}\nA source spoke first.\n\n"
        "<!-- sourcecheck: disable probe/lone-source -->\n"
        "A source spoke again. Officials said more.\n"
        "<!-- sourcecheck: enable probe/lone-source -->\n\n"
        "A source spoke last.\n"
    )
    assert rules_found(run_check, tmp_path, text) == [
        ("probe/lone-source", 2),
        ("probe/vague-officials", 5),
        ("probe/lone-source", 8),
    ]


def test_disable_without_rule_silences_everything_until_enable(
    run_check: RunCheck, tmp_path: Path
) -> None:
    text = (
        f"{FILLER}\n<!-- sourcecheck: disable -->\n\n"
        "A source said so. Officials said so. It reportedly happened.\n\n"
        "<!-- sourcecheck: enable -->\nOfficials said it again.\n"
    )
    assert rules_found(run_check, tmp_path, text) == [("probe/vague-officials", 7)]


def test_scorer_name_covers_all_its_rules(run_check: RunCheck, tmp_path: Path) -> None:
    text = f"<!-- sourcecheck: disable probe -->\n{FILLER} A source said so. Officials said so.\n"
    assert rules_found(run_check, tmp_path, text) == []


def test_disable_next_line_skips_blank_lines_and_covers_one_line(
    run_check: RunCheck, tmp_path: Path
) -> None:
    text = (
        f"{FILLER}\n\n<!-- sourcecheck: disable-next-line probe/lone-source, probe/reportedly -->\n\n"
        "A source reportedly said so. Officials said so.\nA source said it twice.\n"
    )
    assert rules_found(run_check, tmp_path, text) == [
        ("probe/vague-officials", 5),
        ("probe/lone-source", 6),
    ]


def test_suppression_comment_is_not_article_text(run_check: RunCheck, tmp_path: Path) -> None:
    # The directive itself names words the probe would flag; they must not be scored.
    text = f"{FILLER}\n<!-- sourcecheck: disable-next-line a source officials said reportedly -->\nQuiet line.\n"
    assert rules_found(run_check, tmp_path, text) == []


def test_directives_in_code_do_nothing(run_check: RunCheck, tmp_path: Path) -> None:
    text = f"{FILLER}\n\n```\n<!-- sourcecheck: disable -->\n```\n\nA source said so.\n"
    assert rules_found(run_check, tmp_path, text) == [("probe/lone-source", 7)]


def test_html_draft_suppression(run_check: RunCheck, tmp_path: Path) -> None:
    text = (
        f"<p>{FILLER}</p>\n<!-- sourcecheck: disable probe/vague-officials -->\n"
        "<p>Officials said yes. A source said no.</p>\n"
    )
    assert rules_found(run_check, tmp_path, text, "d.html") == [("probe/lone-source", 3)]


def test_plain_text_has_no_suppression_comments(run_check: RunCheck, tmp_path: Path) -> None:
    text = f"{FILLER}\n<!-- sourcecheck: disable -->\nA source said so.\n"
    assert rules_found(run_check, tmp_path, text, "d.txt") == [("probe/lone-source", 3)]


def test_suppressed_findings_are_counted_and_do_not_fail(
    run_check: RunCheck, tmp_path: Path
) -> None:
    path = tmp_path / "d.md"
    path.write_text(f"<!-- sourcecheck: disable -->\n{FILLER} A source said so.\n", "utf-8")
    outcome = run_check(str(path), "--enable", "probe")
    assert outcome.code == 0
    assert "no findings, 1 suppressed" in outcome.out


def test_unknown_directive_is_warned_about(run_check: RunCheck, tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(f"{FILLER}\n\n<!-- sourcecheck: disabel probe -->\n", "utf-8")
    outcome = run_check(str(path))
    assert f"{path}: line 3: unknown sourcecheck directive 'disabel'" in outcome.err


@pytest.mark.parametrize(
    ("comment", "rule", "expected"),
    [
        ("sourcecheck: disable", "a/b", True),
        ("sourcecheck:disable a/b", "a/b", True),
        ("sourcecheck: disable a", "a/b", True),
        ("sourcecheck: disable a/c", "a/b", False),
        ("sourcecheck: disable ab", "a/b", False),
        ("other: disable", "a/b", False),
    ],
)
def test_rule_matching(comment: str, rule: str, expected: bool) -> None:
    text = f"<!--{comment}-->\nline two\n"
    found = parse_suppressions([Comment(0, text.index("\n"), comment)], SourceMap(text))
    assert found.suppressed(rule, offset=text.index("line"), line=2) is expected


def test_disable_all_then_enable_one_rule() -> None:
    text = "xyz\n"
    comments = [Comment(1, 2, "sourcecheck: disable"), Comment(2, 3, "sourcecheck: enable a/b")]
    found = parse_suppressions(comments, SourceMap(text))
    assert not found.suppressed("a/b", offset=3, line=1)
    assert found.suppressed("a/c", offset=3, line=1)
    assert not found.suppressed("a/c", offset=0, line=1)  # before the directive


def test_a_suppression_naming_an_unknown_rule_is_warned_about(
    run_check: RunCheck, tmp_path: Path
) -> None:
    path = tmp_path / "d.md"
    text = f"{FILLER}\n\n<!-- sourcecheck: disable probe/lone-sorce -->\nA source said so.\n"
    path.write_text(text, "utf-8")
    outcome = run_check(str(path))
    assert f"{path}: line 3: suppression names unknown rule 'probe/lone-sorce'" in outcome.err
    # A scorer's name and a real rule id are known: no warning for them.
    path.write_text(text.replace("probe/lone-sorce", "probe, probe/lone-source"), "utf-8")
    assert "unknown rule" not in run_check(str(path)).err


def test_a_suppression_that_hides_nothing_is_warned_about(
    run_check: RunCheck, tmp_path: Path
) -> None:
    path = tmp_path / "d.md"
    path.write_text(
        f"{FILLER}\n\n<!-- sourcecheck: disable-next-line probe/lone-source -->\n"
        "A source said so.\n\n<!-- sourcecheck: disable-next-line probe/reportedly -->\n"
        "Officials said so.\n",
        "utf-8",
    )
    err = run_check(str(path)).err
    assert f"{path}: line 6: 'sourcecheck: disable-next-line' suppressed nothing here" in err
    assert "line 3:" not in err  # that one hid the lone source
