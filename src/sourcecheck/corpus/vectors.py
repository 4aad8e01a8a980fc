"""Stateless vectorisers: hashing keeps memory bounded whatever the vocabulary size.

Claims are hashed word unigrams + bigrams (English stop words removed), optionally
IDF-weighted with document frequencies counted while the index is built. Articles are
hashed word 3-gram shingles: two wire copies share most of them, two reporters writing
about the same event share few, which is what near-duplicate detection needs.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse
from sklearn import config_context
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer


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
        # Keep one-character tokens: "5 million" and "8 million" are different claims.
        token_pattern=r"(?u)\b\w+\b",
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
        matrix.data *= idf[matrix.indices]  # in place: never densify n_features columns
    return _l2_rows(matrix)


def _l2_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length in place (sklearn's normalize, without its per-call checks)."""
    squares = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    norms = np.sqrt(squares, dtype=np.float32)
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
    return matrix


def transform(vectorizer: HashingVectorizer, texts: list[str]) -> sparse.csr_matrix:
    """``vectorizer.transform`` without scikit-learn's parameter validation on every call."""
    with config_context(skip_parameter_validation=True, assume_finite=True):
        return vectorizer.transform(texts).tocsr()


def word_count(text: str) -> int:
    return len(text.split())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Dates shift between reports ("on Monday", "yesterday"): they don't identify a fact.
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


@lru_cache(maxsize=65_536)
def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


@lru_cache(maxsize=65_536)
def entities(text: str, *, skip_first: bool = True) -> frozenset[str]:
    """Capitalised words that are not a stop word (nor, by default, the first word): names."""
    words = _CAPITALISED.findall(text)
    opening = text.lstrip("“\"'‘ ")
    first = _CAPITALISED.match(opening)
    if skip_first and first is not None and words:
        words = words[1:]
    return frozenset(
        w for w in words if w.lower() not in ENGLISH_STOP_WORDS and w.lower() not in _CALENDAR
    )


def consistent(a: str, b: str) -> bool:
    """Two similar sentences can only state the same fact if their numbers and names agree.

    Bag-of-words similarity cannot tell "a 5 million dollar plan in Astley" from "a 9 million
    dollar plan in Corran"; these checks can. Numbers: one set must contain the other.
    Names: when both sentences name something, they must share a name.
    """
    numbers_a, numbers_b = numbers(a), numbers(b)
    if numbers_a and numbers_b and not (numbers_a <= numbers_b or numbers_b <= numbers_a):
        return False
    entities_a, entities_b = entities(a), entities(b)
    return not (entities_a and entities_b and not entities_a & entities_b)


LEAD_CHARS = 300
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")


def lead_entities(title: str, body: str) -> frozenset[str]:
    """Names in the headline and the first sentence: what the story is about."""
    # A headline often starts with the place or the person: keep its first word. In the body,
    # a sentence's first word is capitalised whatever it is, so it is skipped.
    # Only the first sentence (the lede: who, where): names further down are often people
    # quoted in many unrelated stories.
    lede = _SENTENCE_END.split(body[:LEAD_CHARS], maxsplit=1)[0]
    return entities(title, skip_first=False) | entities(lede)
