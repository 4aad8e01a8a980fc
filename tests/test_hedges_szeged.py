"""Smoke test of benchmarks/hedges_szeged.py on a tiny corpus written for this test."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_loading import load_script

from sourcecheck.core.analysis.hedges import HedgeFinder
from sourcecheck.core.lexicons import Lexicons

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "hedges_szeged.py"

# Same layout as the Szeged Uncertainty Corpus XML; every sentence is our own.
FIXTURE = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Harbor Bridge_1</DocID>
<DocumentPart type="Title"><Sentence id="S1.1">Harbor Bridge <ccue type="speculation_modal_probable_">may</ccue> close</Sentence></DocumentPart>
<DocumentPart type="Text">
<Sentence id="S1.2">The council <ccue type="speculation_modal_probable_">may</ccue> delay the vote.</Sentence>
<Sentence id="S1.3">The bridge opened in May 2020.</Sentence>
<Sentence id="S1.4">Prices <ccue type="speculation_modal_probable_">may or may not</ccue> rise next year.</Sentence>
</DocumentPart></Document>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Valley Railway_2</DocID>
<DocumentPart type="Text">
<Sentence id="S1.1">It is <ccue type="speculation_modal_probable_">unclear</ccue> whether the line will reopen.</Sentence>
<Sentence id="S1.2">The results <ccue type="speculation_hypo_doxastic _">suggest</ccue> a link to the flood.</Sentence>
<Sentence id="S1.3">Some <ccue type="speculation_modal_probable_">would</ccue> call it a failure.</Sentence>
</DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(SCRIPT, "hedges_szeged")


@pytest.fixture
def corpus_path(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.xml"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def test_loader_reads_text_sentences_and_exact_cue_offsets(bench, corpus_path) -> None:
    sentences = bench.load_corpus(corpus_path)
    assert len(sentences) == 6  # the Title part is not scored
    for sentence in sentences:
        for start, end in sentence.cues:
            assert sentence.text[start:end].strip() == sentence.text[start:end] != ""
    third = sentences[2]
    assert third.text == "Prices may or may not rise next year."
    assert [third.text[s:e] for s, e in third.cues] == ["may or may not"]


def test_evaluate_counts_sentence_and_cue_matches(bench, corpus_path) -> None:
    sentences = bench.load_corpus(corpus_path)
    result = bench.evaluate(
        sentences,
        HedgeFinder(Lexicons()),
        frozenset({"epistemic_modal", "speculative_verb", "conditional"}),
    )
    # Predicted: "may", "may or may not", "It is unclear whether" (one multi-word cue),
    # "suggest". Gold: "may", "may or may not", "unclear", "suggest", "would".
    assert result["counts"] == {"sentences": 6, "gold_cues": 5, "predicted_cues": 4}
    assert result["cue_exact"]["precision"] == pytest.approx(3 / 4)
    assert result["cue_exact"]["recall"] == pytest.approx(3 / 5)
    assert result["cue_overlap"]["precision"] == pytest.approx(4 / 4)
    assert result["cue_overlap"]["recall"] == pytest.approx(4 / 5)
    # Uncertain sentences: gold 5 (all but "opened in May 2020"), predicted 4, all right.
    assert result["sentence"]["precision"] == pytest.approx(1.0)
    assert result["sentence"]["recall"] == pytest.approx(4 / 5)


def test_overlap_matching_credits_partial_spans(bench) -> None:
    assert bench._matches([(0, 14)], [(0, 3)], exact=False) == 1
    assert bench._matches([(0, 14)], [(0, 3)], exact=True) == 0
    assert bench._matches([(0, 3), (0, 3)], [(0, 3)], exact=True) == 1  # one-to-one


def test_split_is_fixed_and_covers_every_document(bench, corpus_path) -> None:
    assert bench.split_of("Harbor Bridge_1") == bench.split_of("Harbor Bridge_1")
    dev = bench.run(corpus_path, split="dev")
    test = bench.run(corpus_path, split="test")
    assert dev["documents"] + test["documents"] == 2
    assert dev["counts"]["sentences"] + test["counts"]["sentences"] == 6


def test_main_prints_a_table_and_fails_cleanly_on_a_missing_file(
    bench, corpus_path, tmp_path, capsys
) -> None:
    assert bench.main(["--data", str(corpus_path), "--split", "dev", "--categories", "all"]) == 0
    assert "cue_exact" in capsys.readouterr().out
    missing = tmp_path / "missing.xml"
    assert bench.main(["--data", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and len(err.strip().splitlines()) == 1


def test_baseline_word_list_replaces_the_lexicon(bench, corpus_path, tmp_path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# a naive list\nmay\nwould\n", encoding="utf-8")
    results = [bench.run(corpus_path, split=s, baseline=words) for s in ("dev", "test")]
    # Each "may" of "may or may not" now counts, plus "would"; the month stays out
    # because that check is code, not lexicon: 4 predictions.
    assert sum(r["counts"]["predicted_cues"] for r in results) == 4
    assert all(r["lexicon"] == str(words) for r in results)
