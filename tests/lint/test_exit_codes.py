"""Exit codes: 0 clean, 1 failing findings or score, 2 usage, config or input errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

CLEAN = "The library will open on Sundays, head librarian Tomás Reyes said on Wednesday, after a survey of readers found strong support for longer weekend hours.\n"
WARNING_ONLY = CLEAN + "\nOfficials said the budget allows it.\n"
ERROR = CLEAN + "\nA source said the budget allows it.\n"


@pytest.fixture
def draft(tmp_path: Path):
    def write(text: str, name: str = "d.md") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_clean_draft_exits_0(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft(CLEAN))
    assert outcome.code == 0
    assert "no findings" in outcome.out


def test_error_finding_exits_1(run_check: RunCheck, draft) -> None:
    assert run_check(draft(ERROR)).code == 1


def test_warning_below_default_fail_level_exits_0(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft(WARNING_ONLY))
    assert outcome.code == 0
    assert "warning probe/vague-officials" in outcome.out


def test_fail_level_warning_fails_on_warnings(run_check: RunCheck, draft) -> None:
    assert run_check(draft(WARNING_ONLY), "--fail-level", "warning").code == 1


def test_config_fail_level_and_flag_override(run_check: RunCheck, draft, tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text('enable = ["probe"]\nfail_level = "warning"\n', encoding="utf-8")
    path = draft(WARNING_ONLY)
    assert run_check(path, "--config", str(config)).code == 1
    assert run_check(path, "--config", str(config), "--fail-level", "error").code == 0


def test_rule_level_from_config_changes_failure(run_check: RunCheck, draft, tmp_path: Path) -> None:
    config = tmp_path / "rules.toml"
    config.write_text(
        'enable = ["probe"]\n[rules]\n"probe/lone-source" = "warning"\n', encoding="utf-8"
    )
    outcome = run_check(draft(ERROR), "--config", str(config))
    assert outcome.code == 0
    assert "warning probe/lone-source" in outcome.out


def test_rule_off_in_config_drops_it(run_check: RunCheck, draft, tmp_path: Path) -> None:
    config = tmp_path / "off.toml"
    config.write_text('enable = ["probe"]\n[rules]\n"probe/lone-source" = "off"\n', "utf-8")
    outcome = run_check(draft(ERROR), "--config", str(config))
    assert outcome.code == 0
    assert "lone-source" not in outcome.out


def test_min_level_hides_and_hidden_findings_cannot_fail(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft(WARNING_ONLY), "--min-level", "error", "--fail-level", "warning")
    assert outcome.code == 0
    assert "vague-officials" not in outcome.out
    assert "1 below error" in outcome.out


def test_fail_under_fails_a_low_score(run_check: RunCheck, draft) -> None:
    path = draft(ERROR)  # probe 0.75, probe_length 1.0 -> 87.5
    assert run_check(path, "--fail-under", "90").code == 1
    assert run_check(path, "--fail-under", "85", "--fail-level", "error").code == 1  # the error
    assert run_check(draft(WARNING_ONLY, "w.md"), "--fail-under", "90").code == 0  # 95
    outcome = run_check(path, "--fail-under", "90", "--format", "github")
    assert "is under the threshold of 90" in outcome.out


def test_exit_zero_reports_but_passes(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft(ERROR), "--exit-zero", "--fail-under", "99")
    assert outcome.code == 0
    assert "error probe/lone-source" in outcome.out


def test_unreadable_draft_exits_2_and_others_are_still_checked(
    run_check: RunCheck, draft, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    good = draft(ERROR)
    outcome = run_check(str(bad), good, "--exit-zero")
    assert outcome.code == 2
    assert (
        outcome.err.strip()
        == f"sourcecheck: error: {bad}: binary file (contains NUL bytes), not text"
    )
    assert "error probe/lone-source" in outcome.out
    assert "1 draft could not be read" in outcome.out


def test_bad_front_matter_names_file_and_line(run_check: RunCheck, draft) -> None:
    path = draft("---\ntitle: [oops\n---\nBody text.\n")
    outcome = run_check(path)
    assert outcome.code == 2
    assert outcome.err.startswith(
        f"sourcecheck: error: {path}: line 3: front matter is not valid YAML"
    )
    assert "Traceback" not in outcome.err


def test_missing_path_exits_2(run_check: RunCheck, tmp_path: Path) -> None:
    outcome = run_check(str(tmp_path / "nope.md"))
    assert outcome.code == 2
    assert "nope.md: no such file or directory" in outcome.err


def test_empty_draft_exits_2(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft("---\ntitle: Only a title\n---\n\n```\ncode only\n```\n"))
    assert outcome.code == 2
    assert "empty article text" in outcome.err


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--min-level", "fatal"],
        ["--fail-under", "101"],
        ["--enable", "no_such_scorer"],
    ],
)
def test_usage_and_config_errors_exit_2(run_check: RunCheck, draft, args: list[str]) -> None:
    outcome = run_check(draft(CLEAN), *args)
    assert outcome.code == 2
    assert outcome.err.strip()
    assert "Traceback" not in outcome.err


def test_invalid_config_file_exits_2(run_check: RunCheck, draft, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('fail_level = "fatal"\n', encoding="utf-8")
    outcome = run_check(draft(CLEAN), "--config", str(config))
    assert outcome.code == 2
    assert "fail_level" in outcome.err


def test_output_file_and_color(run_check: RunCheck, draft, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    outcome = run_check(draft(ERROR), "--output", str(target))
    assert outcome.out == ""
    assert "error probe/lone-source" in target.read_text(encoding="utf-8")
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    assert "\x1b[31merror" in run_check(draft(ERROR), "--color").out


def test_stdin_with_a_filename(
    run_check: RunCheck, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io
    import sys

    html = f"<p>{CLEAN}</p>\n<p>A source said the budget allows it.</p>\n"
    fake_stdin = io.TextIOWrapper(io.BytesIO(html.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    outcome = run_check("-", "--stdin-filename", "drafts/budget.html")
    assert outcome.code == 1
    assert outcome.out.startswith("drafts/budget.html:3:4: error probe/lone-source")


def test_draft_over_the_size_limit_exits_2(run_check: RunCheck, draft) -> None:
    outcome = run_check(draft(ERROR), "--max-bytes", "100")
    assert outcome.code == 2
    assert "larger than the size limit of 100 bytes" in outcome.err


def test_folder_without_drafts_warns_and_passes(run_check: RunCheck, tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    outcome = run_check(str(tmp_path))
    assert outcome.code == 0
    assert "no drafts found (include: *.md, *.markdown, *.txt, *.html)" in outcome.err


def test_select_ignore_quiet_and_statistics(run_check: RunCheck, tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "A source said the ferry will stop. Officials said so too. It reportedly ends soon.\n",
        encoding="utf-8",
    )
    full = run_check(str(draft), "--exit-zero")
    rules = {"probe/lone-source", "probe/vague-officials", "probe/reportedly"}
    assert all(rule in full.out for rule in rules)

    ignored = run_check(str(draft), "--ignore", "probe/lone-source,probe/reportedly")
    assert "probe/vague-officials" in ignored.out and "lone-source" not in ignored.out
    assert ignored.code == 0  # the error was ignored, so it cannot fail the run
    selected = run_check(str(draft), "--select", "probe/reportedly", "--exit-zero")
    assert "reportedly" in selected.out and "officials" not in selected.out

    quiet = run_check(str(draft), "-q", "--exit-zero")
    assert quiet.out.splitlines() == [line for line in full.out.splitlines() if ": score " not in
                                      line and not line.startswith("Checked ")]  # fmt: skip
    stats = run_check(str(draft), "--statistics", "--exit-zero", "--select", "probe")
    assert sorted(stats.out.split("\n")[:-1]) == sorted(
        f"1  {rule}  [{level}]" for rule, level in
        [("probe/lone-source", "error"), ("probe/vague-officials", "warning"),
         ("probe/reportedly", "suggestion")]
    )  # fmt: skip
