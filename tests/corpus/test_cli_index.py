from __future__ import annotations

import json
from pathlib import Path

from corpus_factory import BRIDGE, article, write_corpus

from sourcecheck.batch import read_results
from sourcecheck.cli import main


def test_index_then_corroborate_then_batch_with_the_index(tmp_path: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    assert main(["index", str(corpus), "--out", str(tmp_path / "idx")]) == 0
    query = write_corpus(
        tmp_path / "q.jsonl", [article("q1", "Bay Bulletin", BRIDGE, "2025-03-05")]
    )
    capsys.readouterr()
    assert main(["corroborate", str(query), "--corpus-index", str(tmp_path / "idx")]) == 0
    text = capsys.readouterr().out
    assert "her-1" in text or "gaz-2" in text
    assert "corroborated by other outlets" in text
    assert main(["corroborate", str(query), "--corpus-index", str(tmp_path / "idx"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["article"] == "q1" and payload["claims"]
    out = tmp_path / "r.jsonl"
    assert (
        main(["batch", str(query), "--out", str(out), "--corpus-index", str(tmp_path / "idx")]) == 0
    )
    assert read_results(out)["status"].tolist() == ["ok"]


def test_index_reports_bad_records_and_exits_2(tmp_path: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("{nope\n")
    assert main(["index", str(corpus), "--out", str(tmp_path / "idx")]) == 2
    err = capsys.readouterr().err
    assert f"{corpus}:8: malformed JSON" in err
    assert (tmp_path / "idx" / "manifest.json").exists()  # the good records are indexed


def test_missing_index_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    query = write_corpus(
        tmp_path / "q.jsonl", [article("q1", "Bay Bulletin", BRIDGE, "2025-03-05")]
    )
    assert main(["corroborate", str(query), "--corpus-index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a claim index" in err[0]


def test_score_accepts_a_corpus_index(tmp_path: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    assert main(["index", str(corpus), "--out", str(tmp_path / "idx")]) == 0
    query = write_corpus(
        tmp_path / "q.jsonl", [article("q1", "Bay Bulletin", BRIDGE, "2025-03-05")]
    )
    assert main(["score", str(query), "--corpus-index", str(tmp_path / "idx"), "-f", "json"]) == 0
    assert "q1" in capsys.readouterr().out


def test_check_accepts_a_corpus_index_and_reports_the_matches(tmp_path: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    assert main(["index", str(corpus), "--out", str(tmp_path / "idx")]) == 0
    draft = tmp_path / "draft.md"
    draft.write_text(
        f"---\ntitle: Bridge\noutlet: Bay Bulletin\npublished: 2025-03-05\n---\n\n{BRIDGE}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    args = ["check", str(draft), "--corpus-index", str(tmp_path / "idx"), "--format", "json"]
    assert main([*args, "--exit-zero"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in payload["files"][0]["findings"]}
    assert any(rule.startswith("corpus_matches/") for rule in rules)


def test_check_with_a_corpus_index_in_two_processes_matches_one(tmp_path: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    assert main(["index", str(corpus), "--out", str(tmp_path / "idx")]) == 0
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("a", "b", "c"):
        (drafts / f"{name}.md").write_text(
            f"---\ntitle: Bridge {name}\noutlet: Bay Bulletin\npublished: 2025-03-05\n---\n\n"
            f"{BRIDGE}\n",
            encoding="utf-8",
        )
    capsys.readouterr()
    args = ["check", str(drafts), "--corpus-index", str(tmp_path / "idx"), "--format", "json"]
    outputs = []
    for jobs in ("1", "2"):
        assert main([*args, "--exit-zero", "--jobs", jobs]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    one, two = outputs
    assert one["files"] == two["files"]
    assert all(
        any(f["rule"].startswith("corpus_matches/") for f in file["findings"])
        for file in two["files"]
    )
