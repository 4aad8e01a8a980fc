"""The editorial benchmark and its annotation tool, on an invented article of our own."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from script_loading import load_benchmark

ARTICLE = (
    "Harlow council votes to rebuild the Elm Street bridge\n\n"
    "The council voted 7-2 on Monday to rebuild the bridge, Mayor Ana Ruiz said. "
    "She said work would start in March.\n\n"
    "Many residents are increasingly angry about the delays. "
    "Critics said the plan would cost too much."
)


editorial = load_benchmark("editorial")
annotate = load_benchmark("editorial_annotate")


@pytest.fixture
def polnear(tmp_path: Path) -> Path:
    folder = tmp_path / "polnear" / "dev" / "text"
    folder.mkdir(parents=True)
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "polnear"


def draft(tmp_path: Path) -> Path:
    labels = ["X", "S", "S", "N", "S"]
    path = tmp_path / "story.json"
    body = {
        "article": "story.txt",
        "polnear_split": "dev",
        "split": "dev",
        "labels": labels,
        "speakers": [
            {"near": "She said work", "source": "She", "cue": "said", "speaker": "Ana Ruiz"}
        ],
        "unnamed_sources": [
            {"near": "Critics said", "text": "Critics", "kind": "vague", "reason_given": False}
        ],
        "writer_hedges": [],
        "editor": {"score": 72, "genre": "news"},
    }
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def test_a_draft_becomes_offsets_only_gold(tmp_path, polnear, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "GOLD", tmp_path / "gold")
    out = annotate.build(draft(tmp_path), polnear)
    gold = json.loads(out.read_text(encoding="utf-8"))
    assert gold["sha1"] == hashlib.sha1(ARTICLE.encode()).hexdigest()
    assert gold["editor"]["band"] == "adequately sourced"
    assert [s["label"] for s in gold["sentences"]][3] == "needs_source"
    speaker = gold["speakers"][0]
    assert ARTICLE[speaker["source_start"] : speaker["source_end"]] == "She"
    assert "Harlow" not in out.read_text(encoding="utf-8")  # no article text in the gold


def test_the_benchmark_scores_the_gold_it_reads(tmp_path, polnear, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "GOLD", tmp_path / "gold")
    monkeypatch.setattr(editorial, "GOLD", tmp_path / "gold")
    annotate.build(draft(tmp_path), polnear)
    golds = list(editorial.load(polnear, "dev"))
    tally = editorial.evaluate(golds)
    assert tally.ratios["speakers resolved"].total == 1
    assert tally.ratios["speakers resolved"].hits == 1  # "She" -> Ana Ruiz
    assert tally.ratios["unnamed recall"].hits == 1  # "Critics" typed vague
    assert tally.ratios["claim recall"].total == 1
    assert "| speakers resolved | **1.00** |" in editorial.markdown(tally, 1, "dev")


def test_a_changed_text_is_refused(tmp_path, polnear, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "GOLD", tmp_path / "gold")
    monkeypatch.setattr(editorial, "GOLD", tmp_path / "gold")
    annotate.build(draft(tmp_path), polnear)
    (polnear / "dev" / "text" / "story.txt").write_text(ARTICLE + " More.", encoding="utf-8")
    with pytest.raises(SystemExit, match="differs"):
        list(editorial.load(polnear, "dev"))


def test_a_partial_gold_counts_only_for_its_layers(tmp_path, polnear, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "GOLD", tmp_path / "gold")
    monkeypatch.setattr(editorial, "GOLD", tmp_path / "gold")
    path = draft(tmp_path)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["layers"] = ["speakers", "unnamed_sources"]
    body["split"] = "fresh"
    for layer in ("labels", "editor", "writer_hedges"):
        del body[layer]  # a partial draft needs none of the other layers
    path.write_text(json.dumps(body), encoding="utf-8")
    gold = json.loads(annotate.build(path, polnear).read_text(encoding="utf-8"))
    assert gold["layers"] == ["speakers", "unnamed_sources"]
    assert "sentences" not in gold and "editor" not in gold
    tally = editorial.evaluate(list(editorial.load(polnear, "fresh")))
    assert tally.ratios["speakers resolved"].total == 1
    assert tally.ratios["unnamed recall"].total == 1
    assert tally.ratios["claim recall"].total == 0  # not read as "nothing needs a source"
    assert tally.ratios["same band"].total == 0
    assert not tally.scores
    assert "claim recall" in editorial.table(tally, 1)


def test_a_phrase_is_found_as_a_whole_word() -> None:
    text = "Asked about the bridge, he said no."
    start, end = annotate._locate(text, "the bridge, he said", "he")
    assert text[start:end] == "he" and start == text.index(" he ") + 1


def test_an_unknown_layer_is_refused(tmp_path, polnear, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "GOLD", tmp_path / "gold")
    path = draft(tmp_path)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["layers"] = ["speakers", "quotes"]
    path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(SystemExit, match="unknown layers"):
        annotate.build(path, polnear)


@pytest.mark.parametrize(
    ("resolved", "speaker", "right"),
    [
        ("Ana Ruiz", "Mayor Ana Ruiz", True),
        ("Ruiz", "Ana Ruiz", True),
        ("Tom Hale", "Ana Ruiz", False),
        (None, "Ana Ruiz", False),
        ("Transport Department", "the county Transport Department", True),
    ],
)
def test_a_speaker_is_right_when_the_name_holds_the_surname(resolved, speaker, right) -> None:
    assert editorial.speaker_matches(resolved, speaker) is right
