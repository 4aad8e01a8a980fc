"""Sample claim pairs from the example corpus for hand labelling (see claim_pairs.json).

Pairs come from different articles of different outlets, stratified by cosine similarity,
without boilerplate and without the consistency check, so the labels can judge both the
threshold and the check. The labels in benchmarks/data/claim_pairs.json were written by
reading each pair: same_claim is true when both sentences state the same checkable fact.

    python benchmarks/sample_claim_pairs.py INDEX > pairs.json
"""

from __future__ import annotations

import json
import random
import sys

import numpy as np

from sourcecheck.corpus import ClaimIndex

BINS = [(0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.95), (0.95, 1.01)]
PER_BIN = 12


def main() -> None:
    index = ClaimIndex.load(sys.argv[1])
    rng = random.Random(11)
    picked: dict[tuple[float, float], list[dict[str, object]]] = {b: [] for b in BINS}
    order = list(range(len(index)))
    rng.shuffle(order)
    seen: set[tuple[str, str]] = set()
    for claim in order:
        scores = index.similarities([index.claim_text[claim]])
        near = scores.indices[scores.data >= 0.95]
        if len(np.unique(index.claim_article[near])) >= 10:
            continue  # boilerplate
        a_row = index.claim_article[claim]
        candidates = list(zip(scores.indices.tolist(), scores.data.tolist(), strict=True))
        rng.shuffle(candidates)
        used_bins: set[tuple[float, float]] = set()  # one pair per claim per bin: variety
        for other, value in candidates:
            b_row = index.claim_article[other]
            key = (index.claim_text[claim], index.claim_text[other])
            if index.article_outlets[a_row] == index.article_outlets[b_row] or key in seen:
                continue
            for low, high in BINS:
                bin_ = (low, high)
                if low <= value < high and len(picked[bin_]) < PER_BIN and bin_ not in used_bins:
                    used_bins.add(bin_)
                    seen.add(key)
                    picked[bin_].append(
                        {
                            "a": index.claim_text[claim],
                            "b": index.claim_text[other],
                            "a_article": index.article_ids[a_row],
                            "b_article": index.article_ids[b_row],
                            "similarity": round(value, 3),
                        }
                    )
        if all(len(v) >= PER_BIN for v in picked.values()):
            break
    pairs = [pair for bin_pairs in picked.values() for pair in bin_pairs]
    print(json.dumps(pairs, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
