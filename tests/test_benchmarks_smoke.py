"""The benchmark scripts run end to end on tiny fixtures written here (no shared data)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from types import ModuleType

import pytest
from script_loading import load_script

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

WELL_SOURCED = (
    "The clinic will add 40 beds by June, said Dr. {name}, the hospital's medical director. "
    "The state health department confirmed the expansion in a statement on Monday. "
    '"We have hired twelve nurses already," said {name2}, a spokeswoman for the hospital. '
    "A county budget report shows the project costs $3 million."
)
UNSOURCED = (
    "The clinic is a disaster and everyone knows it. The beds will never open. "
    "Critics say the hospital is hiding the truth about the money. "
    "The whole plan is a scam and the numbers are made up. Nobody should trust a word of it, "
    "and the people running it should be ashamed of themselves."
)


def load(name: str) -> ModuleType:
    return load_script(BENCHMARKS / f"{name}.py", f"bench_{name}")


def write_recovery_outlet(path: Path, publisher: str, reliable: int, bodies: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    columns = ["news_id", "url", "publisher", "title", "body_text", "reliability"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", *columns])  # the reliable files carry a pandas index column
        for i, body in enumerate(bodies):
            writer.writerow(
                [i, i, f"https://{publisher}.example/{i}", publisher, "T", body, reliable]
            )


@pytest.fixture
def credibility_data(tmp_path: Path) -> Path:
    names = [("Ana Ruiz", "Lee Park"), ("Tom Hale", "Mia Cole"), ("Omar Diaz", "Eva Lund")]
    sourced = [WELL_SOURCED.format(name=a, name2=b) for a, b in names]
    root = tmp_path / "credibility"
    recovery = root / "recovery"
    write_recovery_outlet(recovery / "reliable" / "a.csv", "Alpha", 1, sourced)
    write_recovery_outlet(recovery / "reliable" / "b.csv", "Beta", 1, [*sourced[:2], ""])
    write_recovery_outlet(recovery / "unreliable" / "c.csv", "Gamma", 0, [UNSOURCED] * 3)
    write_recovery_outlet(recovery / "unreliable" / "d.csv", "Delta", 0, [UNSOURCED] * 2)
    fakes = root / "fa-kes" / "FA-KES-Dataset.csv"
    fakes.parent.mkdir(parents=True)
    with fakes.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit_id", "article_title", "article_content", "source", "labels"])
        for i in range(6):
            body = sourced[i % 3] if i % 2 else UNSOURCED
            writer.writerow([i, "T", body, "wire" if i < 3 else "daily", i % 2])
    return root


def auc_values(text: str, section: str) -> dict[str, float]:
    block = text.split(section, 1)[1]
    found = re.findall(r"^(\w+)\s+(\d\.\d{3})", block, re.M)
    return {name: float(value) for name, value in found}


@pytest.mark.slow
def test_credibility_benchmark_prints_auc_tables(credibility_data: Path, capsys) -> None:
    credibility = load("credibility")
    code = credibility.main(["--data", str(credibility_data), "--bootstrap", "20"])
    out = capsys.readouterr().out
    assert code == 0
    assert "ReCOVery: 10 articles, 4 outlets (2 reliable, 2 unreliable)" in out
    assert "FA-KES (negative control): 6 articles, 3 credible, 3 fake" in out
    assert "1 recovery rows with a body under 200 characters" in out
    recovery = auc_values(out, "ReCOVery:")
    assert {"overall", "attribution_clarity", "corroboration", "anonymous_sources"} <= set(recovery)
    assert all(0.0 <= value <= 1.0 for value in recovery.values())
    # The fixture's reliable outlets are sourced and the unreliable ones are not.
    assert recovery["overall"] > 0.9
    assert auc_values(out, "FA-KES")["overall"] > 0.9


@pytest.mark.slow
def test_credibility_limit_takes_n_articles_per_outlet(credibility_data: Path, capsys) -> None:
    credibility = load("credibility")
    credibility.main(["--data", str(credibility_data), "--limit", "1", "--bootstrap", "0"])
    out = capsys.readouterr().out
    assert "ReCOVery: 4 articles, 4 outlets" in out
    assert "FA-KES (negative control): 2 articles" in out


def test_credibility_missing_data_is_exit_2(tmp_path: Path, capsys) -> None:
    credibility = load("credibility")
    assert credibility.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_generated_articles_reach_the_length_and_are_reproducible() -> None:
    speed = load("speed")
    first = speed.make_corpus(3, 400, seed=1)
    assert first == speed.make_corpus(3, 400, seed=1)
    assert first != speed.make_corpus(3, 400, seed=2)
    assert all(400 <= len(text.split()) < 700 for text in first)


@pytest.mark.slow
def test_speed_benchmark_prints_rate_memory_and_scaling(capsys) -> None:
    speed = load("speed")
    args = ["--articles", "4", "--words", "300", "--scaling", "200", "600", "--no-spacy"]
    assert speed.main(args) == 0
    out = capsys.readouterr().out
    rate = re.search(r"4 generated articles x 300 words: ([\d,]+) articles/s/core", out)
    assert rate is not None and int(rate.group(1).replace(",", "")) > 0
    assert re.search(r"best of 5 passes; median [\d,]+\)", out)
    assert re.search(r"tracemalloc peak .*: \d+\.\d MiB", out)
    assert re.search(r"^\s+200\s+[\d,.]+", out, re.M)
    assert re.search(r"^\s+600\s+[\d,.]+", out, re.M)


@pytest.mark.slow
def test_speed_benchmark_measures_real_news_texts_near_the_length(tmp_path: Path, capsys) -> None:
    speed = load("speed")
    short, near, also_near = speed.make_corpus(3, 300, seed=4)
    (tmp_path / "short.txt").write_text(" ".join(short.split()[:100]), encoding="utf-8")
    (tmp_path / "near.txt").write_text(near, encoding="utf-8")
    (tmp_path / "outlet").mkdir()
    (tmp_path / "outlet" / "also.txt").write_text(also_near, encoding="utf-8")
    assert len(speed.news_corpus(tmp_path, 300, limit=10)) == 2
    args = ["--articles", "2", "--words", "300", "--scaling", "300", "--no-spacy"]
    assert speed.main([*args, "--news", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"2 real news articles \(mean \d+ words\) from .*: [\d,]+ articles/s/core", out
    )


def test_speed_benchmark_without_news_of_that_length_is_exit_2(tmp_path: Path, capsys) -> None:
    speed = load("speed")
    (tmp_path / "tiny.txt").write_text("The mayor said the bridge will reopen.", encoding="utf-8")
    args = ["--articles", "2", "--words", "300", "--scaling", "300", "--no-spacy"]
    assert speed.main([*args, "--news", str(tmp_path)]) == 2
    assert "no .txt news articles" in capsys.readouterr().err


def test_instruction_count_scores_in_process_and_reads_valgrinds_total() -> None:
    instructions = load("instructions")
    assert instructions.main(["--inner", "1", "--articles", "2"]) == 0  # what valgrind runs
    summary = "==123== \n==123== I   refs:      2,995,678,818\n"
    found = instructions._REFS.search(summary)
    assert found is not None and found.group(1) == "2,995,678,818"


def test_report_digest_is_stable_and_sees_a_change(tmp_path: Path) -> None:
    digest = load("report_digest")
    (tmp_path / "a.txt").write_text("The mayor said the bridge will reopen.", encoding="utf-8")
    texts = digest.corpus(tmp_path)[-40:]
    engine = digest.Engine()
    first = list(digest.dumps(engine, texts))
    assert first == list(digest.dumps(digest.Engine(), texts))
    changed = list(digest.dumps(engine, [*texts[:-1], texts[-1] + " Critics disagreed."]))
    assert changed[:-1] == first[:-1] and changed[-1] != first[-1]


@pytest.mark.slow
def test_serve_load_benchmark_prints_rates_latencies_and_no_errors(capsys) -> None:
    pytest.importorskip("fastapi")
    serve_load = load("serve_load")
    args = ["--workers", "1", "--clients", "4", "--requests", "12", "--articles", "3"]
    assert serve_load.main([*args, "--words", "200"]) == 0
    out = capsys.readouterr().out
    assert "3 generated articles" in out
    assert re.search(r"in-process Engine.score, one process: \d+ articles/s", out)
    row = re.search(
        r"^\| 1 \| (\d+) \| (\d+) \| (\d+) \| (\d+) / (\d+) \| 0 \| [\d.]+x "
        r"\| [\d.]+ \+ [\d.]+ \([\d.]+\) \|$",
        out,
        re.M,
    )
    assert row is not None, out
    assert int(row.group(1)) > 0
    assert int(row.group(5)) <= int(row.group(3))  # time in the server is part of the latency
