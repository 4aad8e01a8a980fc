"""Stateless vectorisers: hashing keeps memory bounded whatever the vocabulary size.

Claims are hashed word unigrams + bigrams (English stop words removed), optionally
IDF-weighted with document frequencies counted while the index is built. Articles are
hashed word 3-gram shingles: two wire copies share most of them, two reporters writing
about the same event share few, which is what near-duplicate detection needs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize


@dataclass(frozen=True)
class VectorSpec:
    """How claims and articles are hashed; stored in the index manifest."""

    n_features: int = 2**20
    claim_ngrams: tuple[int, int] = (1, 2)
    shingle_size: int = 3
    tfidf: bool = True
    min_claim_words: int = 6

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["claim_ngrams"] = list(self.claim_ngrams)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VectorSpec:
        return cls(**{**data, "claim_ngrams": tuple(data["claim_ngrams"])})


def claim_vectorizer(spec: VectorSpec) -> HashingVectorizer:
    return HashingVectorizer(
        n_features=spec.n_features,
        ngram_range=spec.claim_ngrams,
        stop_words="english",
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


def article_vectorizer(spec: VectorSpec) -> HashingVectorizer:
    return HashingVectorizer(
        n_features=spec.n_features,
        ngram_range=(spec.shingle_size, spec.shingle_size),
        alternate_sign=False,
        binary=True,
        norm="l2",
        dtype=np.float32,
    )


def idf_from_counts(document_frequency: np.ndarray, documents: int) -> np.ndarray:
    """Smoothed IDF, as scikit-learn's TfidfTransformer computes it."""
    return (np.log((1.0 + documents) / (1.0 + document_frequency)) + 1.0).astype(np.float32)


def weighted(counts: sparse.csr_matrix, idf: np.ndarray | None) -> sparse.csr_matrix:
    """Sublinear TF x IDF, L2-normalised rows: cosine similarity is then a dot product."""
    matrix = counts.astype(np.float32, copy=True).tocsr()
    matrix.data = 1.0 + np.log(matrix.data)
    if idf is not None:
        matrix = matrix.multiply(idf.reshape(1, -1)).tocsr()
    return normalize(matrix, norm="l2", copy=False).astype(np.float32)


def word_count(text: str) -> int:
    return len(text.split())
