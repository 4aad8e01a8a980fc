"""The agreement arithmetic of benchmarks/agreement.py, on two invented readings of one text."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from script_loading import load_benchmark

SENTENCES = [
    "Harlow backs the bridge",
    "The bridge will cost $4 million.",
    "Work may start in March.",
    "She said the vote was close.",
    "Critics said it would cost too much, and the mayor added that delays were likely.",
]
TEXT = " ".join(SENTENCES)


agreement = load_benchmark("agreement")


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def sentences(labels: str) -> list[dict]:
    names = {"N": "needs_source", "S": "sourced", "X": "no_source_needed"}
    return [
        {"start": span(s)[0], "end": span(s)[1], "label": names[label], "figure": False}
        for s, label in zip(SENTENCES, labels, strict=True)
    ]


def speaker(source: str, cue: str, near: str, name: str) -> dict:
    base = TEXT.index(near)
    source_start = TEXT.index(source, base)
    cue_start = TEXT.index(cue, base)
    return {
        "source_start": source_start,
        "source_end": source_start + len(source),
        "cue_start": cue_start,
        "cue_end": cue_start + len(cue),
        "speaker": name,
    }


def gold(labels: str, speakers: list[dict], hedges: list[str], unnamed: list[str], score: int):
    editorial = agreement.editorial  # the module agreement.py reads, whoever loaded another
    band = "adequately sourced" if score >= 60 else "thinly sourced"
    data = {
        "sentences": sentences(labels),
        "speakers": speakers,
        "writer_hedges": [dict(zip(("start", "end"), span(h), strict=True)) for h in hedges],
        "unnamed_sources": [
            {"start": span(u)[0], "end": span(u)[1], "kind": "vague", "reason_given": False}
            for u in unnamed
        ],
        "editor": {"score": score, "band": band, "genre": "news"},
    }
    return editorial.Gold("story", TEXT, data)


@pytest.fixture
def result():
    she = speaker("She", "said", "She said", "Ana Ruiz")
    mayor = speaker("the mayor", "added", "the mayor added", "Ana Ruiz")
    first = gold("XNNSS", [she, mayor], ["may"], ["Critics"], 70)
    second_she = {**she, "speaker": "Mayor Ana Ruiz"}  # the same person, more of her name
    wrong_mayor = {**mayor, "speaker": "Tom Hale"}
    extra = speaker("Critics", "said", "Critics said", "critics")
    second = gold("XNSSS", [second_she, wrong_mayor, extra], ["may", "likely"], [], 55)
    return agreement.agree([(first, second)])


def test_claims_compare_needs_source_sentences_by_overlap(result) -> None:
    ratios = result.tally.ratios
    assert (ratios["claim precision"].hits, ratios["claim precision"].total) == (1, 1)
    assert (ratios["claim recall"].hits, ratios["claim recall"].total) == (1, 2)


def test_spans_and_speakers_are_matched_as_the_editorial_benchmark_matches_findings(
    result,
) -> None:
    ratios = result.tally.ratios
    assert (ratios["writer-hedge precision"].hits, ratios["writer-hedge precision"].total) == (
        1,
        2,
    )
    assert ratios["writer-hedge recall"].value == 1.0
    assert (ratios["unnamed recall"].hits, ratios["unnamed recall"].total) == (0, 1)
    assert ratios["unnamed precision"].total == 0
    assert (ratios["speakers resolved"].hits, ratios["speakers resolved"].total) == (1, 2)
    assert (result.extra_speakers.hits, result.extra_speakers.total) == (1, 3)


def test_editor_scores_and_bands(result) -> None:
    assert result.tally.scores == [(55, 70)]
    assert result.tally.ratios["same band"].value == 0.0  # adequately against thinly
    assert agreement.mean_difference(result.tally.scores) == 15
    assert agreement.mean_difference(result.tally.scores, signed=True) == -15
    assert result.same_genre.value == 1.0


def test_cohen_kappa_corrects_agreement_for_chance(result) -> None:
    # 4 of 5 agree; by chance (first X1 N2 S2, second X1 N1 S3) 1/25 + 2/25 + 6/25 = 9/25.
    assert agreement.cohen_kappa(result.labels) == pytest.approx((4 / 5 - 9 / 25) / (1 - 9 / 25))
    assert agreement.cohen_kappa([("sourced", "sourced")] * 3) == 1.0
    opposite = [("sourced", "needs_source"), ("needs_source", "sourced")]
    assert agreement.cohen_kappa(opposite) == pytest.approx(-1.0)


def test_a_sentence_joined_by_one_reader_takes_the_label_it_overlaps_most() -> None:
    first = [
        {"start": 0, "end": 10, "label": "needs_source"},
        {"start": 11, "end": 40, "label": "sourced"},
    ]
    second = [{"start": 0, "end": 40, "label": "sourced"}]
    pairs = agreement.aligned_labels(first, second)
    assert pairs == [("needs_source", "sourced"), ("sourced", "sourced")]
    assert agreement.cohen_kappa(agreement.binary(pairs, "needs_source")) == 0.0


@pytest.mark.parametrize(
    "second", [[], [{"start": 50, "end": 60, "label": "needs_source"}]], ids=["none", "apart"]
)
def test_a_sentence_the_other_reader_did_not_cover_has_no_pair(second: list[dict]) -> None:
    # Paired with whichever sentence came first (or a ValueError with none), it would count
    # as a disagreement the readers never had.
    first = [{"start": 0, "end": 10, "label": "sourced"}]
    assert agreement.aligned_labels(first, second) == []


def test_bootstrap_resamples_articles_not_sentences() -> None:
    she = speaker("She", "said", "She said", "Ana Ruiz")
    agreeing = (gold("XNNSS", [she], [], [], 70), gold("XNNSS", [she], [], [], 75))
    differing = (gold("XNNSS", [she], [], [], 70), gold("XSSSS", [], [], [], 45))
    intervals = agreement.bootstrap([agreeing, differing], runs=200)
    # a resample holds 0, 1 or 2 copies of the agreeing article: recall 0 to 1 by article
    assert intervals["claim recall"] == (0.0, 1.0)
    assert intervals["same band"] == (0.0, 1.0)
    assert agreement.bootstrap([agreeing], runs=5)["claim recall"] == (1.0, 1.0)


def test_the_script_pairs_the_readings_by_article_and_prints_both_rows(
    tmp_path, monkeypatch, capsys
) -> None:
    editorial = agreement.editorial  # the module agreement.py reads, whoever loaded another
    texts = tmp_path / "polnear" / "dev" / "text"
    texts.mkdir(parents=True)
    (texts / "story.txt").write_text(TEXT, encoding="utf-8")
    sha1 = hashlib.sha1(TEXT.encode()).hexdigest()
    first = gold("XNNSS", [], ["may"], ["Critics"], 70).data
    second = gold("XNSSS", [], ["may"], [], 75).data
    for split, data, name in (
        ("train", first, "story"),
        ("second", second, "story"),
        ("second", second, "other"),
    ):  # "other" was read once only
        folder = tmp_path / "gold" / split
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"article": "story.txt", "polnear_split": "dev", "sha1": sha1}
        (folder / f"{name}.json").write_text(json.dumps({**meta, **data}), encoding="utf-8")
    monkeypatch.setattr(editorial, "GOLD", tmp_path / "gold")
    assert len(agreement.pairs(tmp_path / "polnear")) == 1
    assert agreement.main(["--data", str(tmp_path / "polnear")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"claim recall +0\.50 \(1/2\)", out)  # the 2nd reader's cell
    assert "sourcecheck" in out and "1 articles read twice" in out


def test_each_half_pairs_its_own_first_readings_and_dev_lists_no_disagreements(
    tmp_path, monkeypatch
) -> None:
    editorial = agreement.editorial  # the module agreement.py reads, whoever loaded another
    texts = tmp_path / "polnear" / "dev" / "text"
    texts.mkdir(parents=True)
    (texts / "story.txt").write_text(TEXT, encoding="utf-8")
    meta = {
        "article": "story.txt",
        "polnear_split": "dev",
        "sha1": hashlib.sha1(TEXT.encode()).hexdigest(),
    }
    data = gold("XNNSS", [], ["may"], ["Critics"], 70).data
    for split, name in (
        ("dev", "read-in-dev"),
        ("train", "read-in-train"),
        ("second", "read-in-dev"),
    ):
        folder = tmp_path / "gold" / split
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.json").write_text(json.dumps({**meta, **data}), encoding="utf-8")
    monkeypatch.setattr(editorial, "GOLD", tmp_path / "gold")
    assert [first.name for first, _ in agreement.pairs(tmp_path / "polnear", "dev")] == [
        "read-in-dev"
    ]
    assert agreement.pairs(tmp_path / "polnear", "train") == []
    with pytest.raises(SystemExit) as refused:
        agreement.main(
            ["--data", str(tmp_path / "polnear"), "--half", "dev", "--disagreements", "speakers"]
        )
    assert refused.value.code == 2


def test_figures_no_reading_covers_are_left_out_not_printed_as_zero() -> None:
    nothing = agreement.Agreement()  # readings of speakers only: no labels, no scores
    rows = agreement._extra_rows(nothing, agreement.editorial.Tally(), 3, "dev")
    assert not any("kappa" in row or "score difference" in row for row in rows)
    assert rows[-1] == "3 articles read twice; reference: the first reading (dev)"


def test_sourcecheck_score_offsets_stay_when_only_the_first_reading_has_scores() -> None:
    """A speakers-only second reading: the 2nd reader has no score offset, but sourcecheck's
    against the first reading's editor scores is a figure the first reading covers."""
    system = agreement.editorial.Tally()
    system.scores += [(60.0, 70.0), (45.0, 40.0)]  # (sourcecheck, first reader)
    rows = agreement._extra_rows(agreement.Agreement(), system, 2, "dev")
    assert agreement._row("mean |score difference|", "-", "7.5 (n=2)") in rows
    assert agreement._row("mean score difference", "-", "-2.5 (n=2)") in rows
    assert not any("same genre" in row or "kappa" in row for row in rows)
