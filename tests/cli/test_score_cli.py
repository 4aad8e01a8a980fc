from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sourcecheck.cli import main

Capture = pytest.CaptureFixture[str]


def score(*args: str | Path) -> int:
    return main(["score", *map(str, args)])


def only(plugins_dir: Path) -> list[str]:
    return ["--plugins-dir", str(plugins_dir), "--enable", "named_sources"]


def test_scores_a_file_as_json(story: Path, plugins_dir: Path, capsys: Capture) -> None:
    assert score(story, "-f", "json", *only(plugins_dir)) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["article"]["title"] == "Harbour fees to rise"
    assert report["article"]["source"] == str(story)
    assert report["score"] == 25.0 and report["band"] == "poorly sourced"
    [finding] = report["scorers"][0]["findings"]
    assert finding["span"]["text"] == "officials said"
    assert (finding["line"], finding["column"]) == (1, 55)
    assert captured.err == ""


def test_text_output_is_plain_when_not_a_terminal(
    story: Path, plugins_dir: Path, capsys: Capture
) -> None:
    assert score(story, *only(plugins_dir)) == 0
    out = capsys.readouterr().out
    assert "Harbour fees to rise" in out and "Score 25/100" in out
    assert "1:55" in out and "“officials said”" in out
    assert "\x1b[" not in out


def test_color_always_colours_the_text(story: Path, plugins_dir: Path, capsys: Capture) -> None:
    assert score(story, "--color", "always", *only(plugins_dir)) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_a_failing_scorer_is_reported_and_the_rest_stands(
    story: Path, plugins_dir: Path, capsys: Capture
) -> None:
    assert (
        score(
            story, "-f", "json", "--plugins-dir", plugins_dir, "--enable", "named_sources,explodes"
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    status = {s["name"]: s["status"] for s in report["scorers"]}
    assert status == {"explodes": "failed", "named_sources": "ok"}
    assert report["score"] == 25.0
    assert report["errors"][0]["plugin"] == "explodes"
    assert "ZeroDivisionError" in report["errors"][0]["message"]


def test_strict_turns_a_failing_scorer_into_exit_2(
    story: Path, plugins_dir: Path, capsys: Capture
) -> None:
    assert score(story, "--strict", "--plugins-dir", plugins_dir) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "sourcecheck: error: scorer 'explodes' failed: division by zero in house rules"
    ]


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n \t\n", "empty article text (only whitespace)"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    "latin1.txt": (b"Caf\xe9 owner said so.", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
    "broken.json": (b'{"body": "The mayor said so.",}', "1: malformed JSON"),
    "notext.json": (b'{"title": "No body here"}', "missing text field"),
    "broken.jsonl": (b'{"body": "ok, the clerk said."}\n{"body": \n', "2: malformed JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_each_bad_input_is_one_line_exit_2_and_the_rest_is_scored(
    tmp_path: Path, story: Path, plugins_dir: Path, capsys: Capture, name: str
) -> None:
    content, problem = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    assert score(bad, story, "-f", "jsonl", *only(plugins_dir)) == 2
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if "error:" in line]
    assert len(errors) == 1, captured.err
    assert errors[0].startswith(f"sourcecheck: error: {bad}")
    assert problem in errors[0]
    assert "Traceback" not in captured.err
    titles = [json.loads(line)["article"]["title"] for line in captured.out.splitlines()]
    assert titles[-1] == "Harbour fees to rise"


def test_a_missing_file_and_an_oversized_one(
    tmp_path: Path, story: Path, plugins_dir: Path, capsys: Capture
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Big\n\n" + "The clerk said the minutes were long. " * 20)
    assert (
        score(
            tmp_path / "gone.md",
            big,
            story,
            "--max-bytes",
            "500",
            "-f",
            "jsonl",
            *only(plugins_dir),
        )
        == 2
    )
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"sourcecheck: error: {tmp_path / 'gone.md'}: no such file",
        f"sourcecheck: error: {big}: larger than the size limit of 500 bytes (max_bytes)",
    ]
    assert len(captured.out.splitlines()) == 1


def test_the_size_limit_comes_from_the_config_file(
    tmp_path: Path, story: Path, plugins_dir: Path, capsys: Capture
) -> None:
    (tmp_path / "sourcecheck.toml").write_text("max_bytes = 50\n")
    assert score(story, *only(plugins_dir)) == 2
    assert "size limit of 50 bytes" in capsys.readouterr().err


def test_stdin_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, plugins_dir: Path, capsys: Capture
) -> None:
    text = "Quay closed\n\nThe quay is closed for repairs, officials said.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert score("-", "-f", "json", *only(plugins_dir)) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["article"]["title"] == "Quay closed"
    assert report["article"]["source"] == "-"


def test_non_english_is_scored_with_a_warning(
    tmp_path: Path, plugins_dir: Path, capsys: Capture
) -> None:
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"id": "fr1", "language": "fr", "body": "Le maire a parlé."}) + "\n")
    assert score(path, "-f", "jsonl", *only(plugins_dir)) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["score"] is not None
    assert re.search(rf"warning: {re.escape(str(path))}: article language is 'fr'", captured.err)


def test_html_output_to_a_file(
    story: Path, plugins_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    target = tmp_path / "report.html"
    assert score(story, "-f", "html", "-o", target, *only(plugins_dir)) == 0
    page = target.read_text()
    # The finding's words may be cut into several runs where analysis evidence overlaps.
    runs = re.findall(r'<mark class="[^"]*l-scorer-named_sources[^"]*"[^>]*>([^<]*)</mark>', page)
    assert "".join(runs) == "officials said"
    assert capsys.readouterr().out == ""


def test_markdown_output(story: Path, plugins_dir: Path, capsys: Capture) -> None:
    assert score(story, "-f", "markdown", *only(plugins_dir)) == 0
    assert "| `named_sources` | 0.25 |" in capsys.readouterr().out


def test_an_unknown_format_is_a_usage_error(story: Path, capsys: Capture) -> None:
    assert score(story, "-f", "pdf") == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err


def test_a_bad_config_file_is_exit_2_naming_file_and_key(
    tmp_path: Path, story: Path, capsys: Capture
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.sourcecheck]\nweights = { hedging = 'heavy' }\n")
    assert score(story) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"sourcecheck: error: {config}: key 'weights.hedging'")


def test_a_bad_scorer_option_is_exit_2_naming_scorer_and_key(
    tmp_path: Path, story: Path, capsys: Capture
) -> None:
    (tmp_path / "sourcecheck.toml").write_text("[scorer.hedging]\nstrictness = 3\n")
    assert score(story) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "sourcecheck.toml: scorer 'hedging': option 'strictness'" in line


def test_fail_under_exits_1(story: Path, plugins_dir: Path, capsys: Capture) -> None:
    assert score(story, "--fail-under", "30", *only(plugins_dir)) == 1
    assert score(story, "--fail-under", "20", *only(plugins_dir)) == 0


def test_output_is_deterministic(story: Path, plugins_dir: Path, capsys: Capture) -> None:
    score(story, "-f", "json", *only(plugins_dir))
    first = capsys.readouterr().out
    score(story, "-f", "json", *only(plugins_dir))
    assert capsys.readouterr().out == first


def run_cli(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sourcecheck.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
        env={**os.environ, "SOURCECHECK_LOAD_PLUGINS": ""},
    )


@pytest.mark.slow
def test_end_to_end_bad_input_in_a_real_process(tmp_path: Path, story: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    result = run_cli("score", str(bad), str(story), "-f", "jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"sourcecheck: error: {bad}:1: malformed JSON: Expecting ',' delimiter (column 6)"
    ]
    assert json.loads(result.stdout)["article"]["title"] == "Harbour fees to rise"


@pytest.mark.slow
def test_end_to_end_stdin_and_version(tmp_path: Path) -> None:
    result = run_cli(
        "score", "-", "-f", "json", stdin=b"The clerk said the vote was close.\n", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_version"] == "1.1"
    version = run_cli("--version")
    assert version.returncode == 0 and b"sourcecheck" in version.stdout


def test_an_unwritable_output_is_one_line_exit_2(
    story: Path, tmp_path: Path, capsys: Capture
) -> None:
    target = tmp_path / "missing-folder" / "report.json"
    assert score(story, "-o", target) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"sourcecheck: error: {target}: cannot write the output: No such file or directory"
    ]


@pytest.mark.slow
def test_json_is_identical_across_processes_and_hash_seeds(tmp_path: Path, story: Path) -> None:
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "sourcecheck.cli", "score", str(story), "-f", "json"],
            capture_output=True,
            cwd=tmp_path,
            timeout=120,
            check=False,
            env={**os.environ, "SOURCECHECK_LOAD_PLUGINS": "", "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_crash_while_scoring_one_article_does_not_lose_the_others(
    tmp_path: Path, plugins_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    from sourcecheck.core.analysis import Analyzer

    real = Analyzer.analyze

    def fragile(self: Analyzer, article: object) -> object:
        if "TRIGGER" in article.body:  # type: ignore[attr-defined]
            raise IndexError("sentence index out of range")
        return real(self, article)  # type: ignore[arg-type]

    monkeypatch.setattr(Analyzer, "analyze", fragile)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "bad", "body": "TRIGGER, officials said."})
        + "\n"
        + json.dumps({"id": "good", "body": "The quay reopened, officials said."})
        + "\n"
    )
    assert score(feed, "-f", "jsonl", *only(plugins_dir)) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"sourcecheck: error: {feed}: article 'bad': could not be scored: "
        "IndexError: sentence index out of range"
    ]
    assert [json.loads(line)["article"]["id"] for line in captured.out.splitlines()] == ["good"]
