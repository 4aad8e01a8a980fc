"""Smoke test of the anonymous-phrase coverage benchmark on a list we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from script_loading import load_script

ROOT = Path(__file__).resolve().parent.parent


def load():  # type: ignore[no-untyped-def]
    return load_script(ROOT / "benchmarks" / "anonymous_phrases.py", "anonymous_phrases_benchmark")


bench = load()


def test_sentences_follow_the_phrase_shape() -> None:
    assert bench.sentence_for("a person close to") == (
        "A person close to the talks said the talks had stalled."
    )
    assert bench.sentence_for("according to a source familiar with") == (
        "The talks stalled, according to a source familiar with the talks."
    )
    assert bench.sentence_for("asked that his name be withheld") == (
        "The talks had stalled, said Dana, a local aide who asked that his name be withheld."
    )


def test_main_counts_recognised_phrases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    phrases = tmp_path / "phrases.txt"
    phrases.write_text(
        '# ours\n"two people briefed on the plan"\n"Mayor Ana Ruiz"\n', encoding="utf-8"
    )
    assert bench.main(["--phrases", str(phrases)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1/2 phrases typed anonymous")
    assert "Mayor Ana Ruiz" in out


def test_missing_list_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--phrases", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
