from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from corpus_factory import BRIDGE, BRIDGE_PARAPHRASE, article, write_corpus

from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.corpus import ClaimIndex, MatchOptions, build_index
from sourcecheck.corpus.enricher import attach_corpus_index
from sourcecheck.corpus.vectors import consistent, entities


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("index")
    build_index([write_corpus(folder / "corpus.jsonl")], folder / "idx")
    return folder / "idx"


def _query(index_dir: Path, record: dict, **options: object) -> dict:
    index = ClaimIndex.load(index_dir)
    engine = Engine()
    query = Article.model_validate(record)
    match = MatchOptions(**{**index.match.__dict__, **options})
    return index.corroborate(query, engine.analyze(query).claims, match)


def _matched_articles(result: dict) -> set[str]:
    return {m["article_id"] for claim in result["claims"] for m in claim["matches"]}


def test_index_is_stored_in_open_formats_without_pickle(index_dir: Path) -> None:
    names = {p.name for p in index_dir.iterdir()}
    assert {"manifest.json", "claims.jsonl", "articles.jsonl", "idf.npy"} <= names
    assert any(n.startswith("claims-") and n.endswith(".npz") for n in names)
    for npz in index_dir.glob("*.npz"):
        with np.load(npz, allow_pickle=False) as arrays:  # would raise on a pickled object
            assert "data" in arrays.files
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["articles"] == 7 and manifest["claims"] > 7


def test_paraphrase_in_another_outlet_corroborates(index_dir: Path) -> None:
    result = _query(index_dir, article("new", "Bay Bulletin", BRIDGE, "2025-03-06"))
    matched = _matched_articles(result)
    # her-1 and gaz-2 carry the same text: copies of each other count once.
    assert len(matched & {"her-1", "gaz-2"}) == 1
    assert not matched & {"gaz-1", "day-1"}  # copies of the query itself
    first = next(c for c in result["claims"] if c["matches"])
    assert {"article_id", "outlet", "published", "similarity", "text"} <= set(first["matches"][0])
    assert 0 < first["matches"][0]["similarity"] <= 1.0001


def test_same_outlet_wire_copies_old_and_unrelated_stories_do_not(index_dir: Path) -> None:
    result = _query(index_dir, article("gaz-1", "North Gazette", BRIDGE, "2025-03-04"))
    matched = _matched_articles(result)
    assert "gaz-2" not in matched  # same outlet
    assert "day-1" not in matched  # wire copy of this very story
    assert "her-old" not in matched  # outside the 30-day window
    assert "gry-1" not in matched and "oak-1" not in matched  # other stories
    assert "her-1" in matched


def test_without_a_time_window_old_reports_count(index_dir: Path) -> None:
    result = _query(
        index_dir, article("gaz-1", "North Gazette", BRIDGE, "2025-03-04"), window_days=None
    )
    assert "her-old" in _matched_articles(result)


def test_a_threshold_of_one_keeps_only_exact_sentences(index_dir: Path) -> None:
    loose = _query(index_dir, article("q", "Bay Bulletin", BRIDGE_PARAPHRASE, "2025-03-05"))
    strict = _query(
        index_dir, article("q", "Bay Bulletin", BRIDGE_PARAPHRASE, "2025-03-05"), threshold=0.999
    )
    assert len(_matched_articles(strict)) < len(_matched_articles(loose)) or not _matched_articles(
        loose
    )
    for claim in strict["claims"]:
        assert all(m["text"] == claim["text"] for m in claim["matches"])


def test_numbers_and_names_must_agree() -> None:
    assert consistent("The plan costs 12 million dollars.", "It will cost 12 million dollars.")
    assert not consistent(
        "The plan costs 12 million dollars.", "The plan costs 30 million dollars."
    )
    assert not consistent("Mayor Ann Lee said so.", "Mayor Raj Patel said so.")
    assert entities("On Monday the Elmsworth council met.") == {"Elmsworth"}


def test_enricher_puts_matches_in_analysis_extras(index_dir: Path) -> None:
    engine = Engine()
    attach_corpus_index(engine, index_dir)
    query = Article(id="new", outlet="Bay Bulletin", body=BRIDGE, published="2025-03-05")
    corpus = engine.analyze(query).extras["corpus"]
    sentences = [c["sentence"] for c in corpus["claims"]]
    assert sentences == sorted(sentences) and all(isinstance(s, int) for s in sentences)
    outlets = {m["outlet"] for c in corpus["claims"] for m in c["matches"]}
    assert outlets and outlets <= {"River Herald", "North Gazette"}
    report = engine.score(query)  # scoring still works with the enricher registered
    assert report.score is not None


def test_loading_something_that_is_not_an_index_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a claim index"):
        ClaimIndex.load(tmp_path)


def test_report_lists_matching_articles_outlets_and_similarity(index_dir: Path) -> None:
    engine = Engine()
    attach_corpus_index(engine, index_dir)
    query = Article(id="new", outlet="Bay Bulletin", body=BRIDGE, published="2025-03-05")
    report = engine.score(query)
    matches = next(s for s in report.scorers if s.name == "corpus_matches")
    assert matches.contribution == 0.0 and matches.weight == 0.0  # report only
    assert matches.metrics["corroborated_claims"] >= 1
    finding = matches.findings[0]
    assert finding.rule == "corpus_matches/corroborated" and finding.severity == "suggestion"
    assert "River Herald" in finding.message or "North Gazette" in finding.message
    assert finding.span is not None and finding.span.text in BRIDGE
    assert f"{report.versions['corpus_matches']}" == "1.0.0"
