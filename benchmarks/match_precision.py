"""Precision of cross-article claim matching, on hand-labelled pairs from the example corpus.

For each labelled pair (claim a in article A, claim b in article B) the full pipeline runs
on A against an index of the example corpus: the pair is predicted a match when B's claim
b is among the matches of claim a (similarity, time window, other outlet, wire-copy,
consistency and same-story checks all apply). Precision and recall are printed for a few
thresholds, with and without the consistency and same-story checks.

    python examples/corpus/generate.py --out /tmp/corpus.jsonl
    python benchmarks/match_precision.py --corpus /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from sourcecheck.batch.readers import read_articles
from sourcecheck.core.engine import Engine
from sourcecheck.corpus import ClaimIndex, MatchOptions, build_index

FIELDS = {
    "id": "doc_id",
    "body": "content",
    "title": "headline",
    "outlet": "outlet_name",
    "published": "date",
}
LABELS = Path(__file__).with_name("data") / "claim_pairs.json"


def predicted(
    index: ClaimIndex, engine: Engine, articles: dict, pairs: list, options: MatchOptions
) -> list[bool]:
    cache: dict[str, dict] = {}
    result = []
    for pair in pairs:
        article = articles[pair["a_article"]]
        if pair["a_article"] not in cache:
            cache[pair["a_article"]] = index.corroborate(
                article, engine.analyze(article).claims, options
            )
        claims = [c for c in cache[pair["a_article"]]["claims"] if c["text"] == pair["a"]]
        result.append(
            any(
                m["article_id"] == pair["b_article"] and m["text"] == pair["b"]
                for c in claims
                for m in c["matches"]
            )
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("examples/corpus/corpus.jsonl"))
    args = parser.parse_args()
    pairs = json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]
    engine = Engine()
    articles = {a.id: a for a in read_articles([args.corpus], FIELDS) if hasattr(a, "body")}
    with tempfile.TemporaryDirectory() as folder:
        build_index([args.corpus], folder, fields=FIELDS)
        index = ClaimIndex.load(folder)
        positives = sum(p["same_claim"] for p in pairs)
        print(f"{len(pairs)} labelled pairs, {positives} same-claim")
        print("threshold  checks  predicted  precision  recall")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            for checks in (True, False):
                options = replace(
                    index.match,
                    threshold=threshold,
                    check_consistency=checks,
                    check_same_story=checks,
                )
                guesses = predicted(index, engine, articles, pairs, options)
                tp = sum(g and p["same_claim"] for g, p in zip(guesses, pairs, strict=True))
                n = sum(guesses)
                precision = tp / n if n else float("nan")
                print(
                    f"{threshold:9.2f}  {'on ' if checks else 'off'}     {n:9d}  {precision:9.3f}  {tp / positives:6.3f}"
                )


if __name__ == "__main__":
    main()


def explain(corpus: Path, threshold: float) -> None:
    """Print the pairs the pipeline gets wrong at ``threshold`` (for error analysis)."""
    pairs = json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]
    engine = Engine()
    articles = {a.id: a for a in read_articles([corpus], FIELDS) if hasattr(a, "body")}
    with tempfile.TemporaryDirectory() as folder:
        build_index([corpus], folder, fields=FIELDS)
        index = ClaimIndex.load(folder)
        options = replace(index.match, threshold=threshold)
        for guess, pair in zip(
            predicted(index, engine, articles, pairs, options), pairs, strict=True
        ):
            if guess != pair["same_claim"]:
                a, b = articles[pair["a_article"]], articles[pair["b_article"]]
                print(f"predicted {guess}: {a.title} {a.published} {a.outlet} | {pair['a']}")
                print(f"    vs {b.title} {b.published} {b.outlet} | {pair['b']}")
