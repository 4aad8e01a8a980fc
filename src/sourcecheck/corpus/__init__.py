"""Cross-article corroboration: a claim index over a corpus (``sourcecheck[research]``).

from sourcecheck.corpus import build_index, ClaimIndex
build_index(["corpus.jsonl"], "claims.idx")
index = ClaimIndex.load("claims.idx")
"""

from sourcecheck.corpus.build import build_index
from sourcecheck.corpus.index import ClaimIndex, IndexBuilder, MatchOptions
from sourcecheck.corpus.vectors import VectorSpec

__all__ = ["ClaimIndex", "IndexBuilder", "MatchOptions", "VectorSpec", "build_index"]
