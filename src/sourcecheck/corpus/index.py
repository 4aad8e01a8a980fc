"""The claim index: every claim sentence of a corpus, hashed, on disk in open formats.

Layout of an index directory (no pickle anywhere; ``scipy.sparse.load_npz`` refuses it)::

    manifest.json            format, version, VectorSpec, counts, part names
    claims-NNNNN.npz         raw hashed term counts of claims (scipy sparse CSR, one per part)
    articles-NNNNN.npz       L2-normalised shingle vectors of articles (near-duplicates)
    claims.jsonl             one line per claim: article row, sentence index, text
    articles.jsonl           one line per article: id, outlet, published
    idf.npy                  IDF weights (float32, n_features), when tfidf is on

Building streams: parts are flushed every ``part_size`` claims, so memory is bounded by a
part plus one document-frequency vector of ``n_features`` floats.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article, Claim
from sourcecheck.corpus.vectors import (
    VectorSpec,
    article_vectorizer,
    claim_vectorizer,
    consistent,
    idf_from_counts,
    lead_entities,
    transform,
    weighted,
    word_count,
)

FORMAT = "sourcecheck-claim-index"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def claim_texts(claims: Iterable[Claim], spec: VectorSpec) -> list[tuple[int, str]]:
    """(sentence index, text) of the claims long enough to match meaningfully."""
    return [
        (claim.sentence, claim.span.text)
        for claim in claims
        if word_count(claim.span.text) >= spec.min_claim_words
    ]


@dataclass(frozen=True)
class MatchOptions:
    """When a claim in another article counts as corroboration."""

    threshold: float = 0.4  # chosen on benchmarks/data/claim_pairs.json, see docs/batch.md
    window_days: float | None = 30.0
    duplicate_threshold: float = 0.5
    max_matches: int = 10
    # A sentence found near-verbatim in this many articles is boilerplate ("Further details
    # are expected..."), not a claim anyone corroborates.
    boilerplate_articles: int = 10
    boilerplate_similarity: float = 0.95
    # Numbers and names must agree (see vectors.consistent); off = similarity alone.
    check_consistency: bool = True
    # The two stories must share a name in their headline or opening (same place, same
    # people): "ridership fell 5 percent" in another town is not the same fact.
    check_same_story: bool = True


class IndexBuilder:
    """Add articles with their claims; ``finish()`` writes the manifest and IDF."""

    def __init__(
        self,
        out: Path,
        spec: VectorSpec | None = None,
        part_size: int = 20_000,
        match: MatchOptions | None = None,
    ) -> None:
        self.out = out
        self.spec = spec or VectorSpec()
        self.match = match or MatchOptions()
        self.part_size = part_size
        self._claims = claim_vectorizer(self.spec)
        self._articles = article_vectorizer(self.spec)
        self._document_frequency = np.zeros(self.spec.n_features, dtype=np.float64)
        self._pending_claims: list[str] = []
        self._pending_bodies: list[str] = []
        self._parts: list[str] = []
        self.n_claims = 0
        self.n_articles = 0
        out.mkdir(parents=True, exist_ok=True)
        if (out / MANIFEST).exists():
            (out / MANIFEST).unlink()  # an index is complete only once its manifest is back
        self._claims_meta = (out / "claims.jsonl").open("w", encoding="utf-8")
        self._articles_meta = (out / "articles.jsonl").open("w", encoding="utf-8")

    def add(self, article: Article, claims: Iterable[Claim]) -> int:
        """Index one article's claims; returns how many were long enough to keep."""
        kept = claim_texts(claims, self.spec)
        row = self.n_articles
        self._articles_meta.write(
            json.dumps(
                {
                    "id": article.id,
                    "outlet": article.outlet,
                    "published": _iso(article.published),
                    "lead": sorted(lead_entities(article.title, article.body)),
                },
                ensure_ascii=False,
            )
            + "\n"
        )
        for sentence, text in kept:
            line = {"article": row, "sentence": sentence, "text": text}
            self._claims_meta.write(json.dumps(line, ensure_ascii=False) + "\n")
            self._pending_claims.append(text)
        self._pending_bodies.append(article.body)
        self.n_articles += 1
        self.n_claims += len(kept)
        if len(self._pending_claims) >= self.part_size:
            self._flush()
        return len(kept)

    def _flush(self) -> None:
        if not self._pending_bodies and not self._pending_claims:
            return
        name = f"{len(self._parts):05d}"
        counts = transform(self._claims, self._pending_claims)
        self._document_frequency += np.bincount(counts.indices, minlength=self.spec.n_features)
        sparse.save_npz(self.out / f"claims-{name}.npz", counts)
        bodies = transform(self._articles, self._pending_bodies)
        sparse.save_npz(self.out / f"articles-{name}.npz", bodies)
        self._parts.append(name)
        self._pending_claims, self._pending_bodies = [], []

    def finish(self) -> dict[str, Any]:
        self._flush()
        self._claims_meta.close()
        self._articles_meta.close()
        if self.spec.tfidf:
            np.save(self.out / "idf.npy", idf_from_counts(self._document_frequency, self.n_claims))
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "spec": self.spec.as_dict(),
            "match": asdict(self.match),
            "claims": self.n_claims,
            "articles": self.n_articles,
            "parts": self._parts,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        temporary = self.out / f".{MANIFEST}.tmp"
        temporary.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, self.out / MANIFEST)
        return manifest


@dataclass
class ClaimIndex:
    """A loaded claim index, ready to match the claims of new articles."""

    path: Path
    spec: VectorSpec
    claims: sparse.csr_matrix  # weighted, normalised: claims x features
    postings: sparse.csr_matrix  # its transpose: features x claims (an inverted index)
    claim_article: np.ndarray
    claim_sentence: np.ndarray
    claim_text: list[str]
    article_ids: list[str]
    article_outlets: list[str | None]
    article_published: list[str | None]
    article_days: np.ndarray  # days since the epoch, NaN when unknown
    article_vectors: sparse.csr_matrix
    article_lead: list[frozenset[str]] = field(default_factory=list)
    idf: np.ndarray | None = None
    match: MatchOptions = field(default_factory=lambda: MatchOptions())
    _row_of_id: dict[str, int] = field(default_factory=dict)
    _outlet_keys: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    _claim_vectorizer: Any = None
    _article_vectorizer: Any = None
    _article_postings: Any = None  # features x articles, for one-article-vs-all products

    @classmethod
    def load(cls, path: str | Path) -> ClaimIndex:
        path = Path(path)
        manifest = _read_manifest(path)
        spec = VectorSpec.from_dict(manifest["spec"])
        idf = np.load(path / "idf.npy", allow_pickle=False) if spec.tfidf else None
        parts = manifest["parts"]
        claims = _stack([path / f"claims-{p}.npz" for p in parts], spec.n_features)
        vectors = _stack([path / f"articles-{p}.npz" for p in parts], spec.n_features)
        claims = weighted(claims, idf)
        articles = _read_jsonl(path / "articles.jsonl")
        claim_meta = _read_jsonl(path / "claims.jsonl")
        index = cls(
            path=path,
            spec=spec,
            claims=claims,
            postings=claims.T.tocsr(),
            claim_article=np.array([c["article"] for c in claim_meta], dtype=np.int64),
            claim_sentence=np.array([c["sentence"] for c in claim_meta], dtype=np.int64),
            claim_text=[c["text"] for c in claim_meta],
            article_ids=[a["id"] for a in articles],
            article_outlets=[a["outlet"] for a in articles],
            article_published=[a["published"] for a in articles],
            article_days=np.array([_days(a["published"]) for a in articles], dtype=np.float64),
            article_vectors=vectors,
            article_lead=[frozenset(a.get("lead", ())) for a in articles],
            idf=idf,
            match=MatchOptions(**manifest.get("match", {})),
        )
        index._row_of_id = {article_id: row for row, article_id in enumerate(index.article_ids)}
        index._outlet_keys = np.array(
            [_norm_outlet(o) for o in index.article_outlets], dtype=object
        )
        index._claim_vectorizer = claim_vectorizer(spec)
        index._article_vectorizer = article_vectorizer(spec)
        index._article_postings = vectors.T.tocsr()
        return index

    def __len__(self) -> int:
        return len(self.claim_text)

    def vectorize_claims(self, texts: list[str]) -> sparse.csr_matrix:
        vectorizer = self._claim_vectorizer or claim_vectorizer(self.spec)
        return weighted(transform(vectorizer, texts), self.idf)

    def similarities(self, texts: list[str]) -> sparse.csr_matrix:
        """Cosine similarity of each text to every indexed claim (sparse: texts x claims)."""
        if not texts:
            return sparse.csr_matrix((0, len(self)), dtype=np.float32)
        return (self.vectorize_claims(texts) @ self.postings).tocsr()

    def corroborate(
        self, article: Article, claims: Iterable[Claim], options: MatchOptions | None = None
    ) -> dict[str, Any]:
        """``{"claims": [{"sentence", "matches": [...]}], ...}``: see docs/batch.md."""
        options = options or self.match
        kept = claim_texts(claims, self.spec)
        scores = self.similarities([text for _, text in kept])
        vectorizer = self._article_vectorizer or article_vectorizer(self.spec)
        query_vector = transform(vectorizer, [article.body])
        eligible = self._eligible_articles(article, query_vector, options)
        lead = lead_entities(article.title, article.body) if options.check_same_story else None
        results = []
        for i, (sentence, text) in enumerate(kept):
            boilerplate = self._is_boilerplate(scores, i, options)
            matches = [] if boilerplate else self._matches(scores, i, text, eligible, lead, options)
            results.append(
                {"sentence": sentence, "text": text, "boilerplate": boilerplate, "matches": matches}
            )
        return {
            "index": str(self.path),
            "threshold": options.threshold,
            "window_days": options.window_days,
            "indexed_articles": len(self.article_ids),
            "claims": results,
        }

    def _eligible_articles(
        self, article: Article, query_vector: sparse.csr_matrix, options: MatchOptions
    ) -> np.ndarray:
        """Which indexed articles may corroborate: other outlet, in the window, not a copy."""
        outlet = _norm_outlet(article.outlet)
        outlets = self._outlet_keys
        keep = outlets != None  # noqa: E711 - elementwise comparison on an object array
        if outlet is not None:
            keep &= outlets != outlet
        own = self._row_of_id.get(article.id)
        if own is not None:
            keep[own] = False
        day = _days(_iso(article.published))
        if options.window_days is not None and not np.isnan(day):
            distance = np.abs(self.article_days - day)
            keep &= np.isnan(distance) | (distance <= options.window_days)
        postings = self._article_postings
        if postings is None:
            postings = self._article_postings = self.article_vectors.T.tocsr()
        overlap = (query_vector @ postings).toarray().ravel()
        keep &= overlap < options.duplicate_threshold  # a wire copy is not corroboration
        return keep

    def _is_boilerplate(self, scores: sparse.csr_matrix, row: int, options: MatchOptions) -> bool:
        start, end = scores.indptr[row], scores.indptr[row + 1]
        near_verbatim = scores.indices[start:end][
            scores.data[start:end] >= options.boilerplate_similarity
        ]
        return len(np.unique(self.claim_article[near_verbatim])) >= options.boilerplate_articles

    def _matches(
        self,
        scores: sparse.csr_matrix,
        row: int,
        text: str,
        eligible: np.ndarray,
        lead: frozenset[str] | None,
        options: MatchOptions,
    ) -> list[dict[str, Any]]:
        start, end = scores.indptr[row], scores.indptr[row + 1]
        claim_ids, values = scores.indices[start:end], scores.data[start:end]
        hit = values >= options.threshold
        claim_ids, values = claim_ids[hit], values[hit]
        articles = self.claim_article[claim_ids]
        ok = eligible[articles]
        order = np.argsort(-values[ok], kind="stable")
        claim_ids, values = claim_ids[ok][order], values[ok][order]
        return self._distinct(text, claim_ids, values, lead, options)

    def _distinct(
        self,
        text: str,
        claim_ids: np.ndarray,
        values: np.ndarray,
        lead: frozenset[str] | None,
        options: MatchOptions,
    ) -> list[dict[str, Any]]:
        """Best claim per article, and one article per cluster of wire copies."""
        chosen: list[dict[str, Any]] = []
        kept_rows: list[int] = []
        for claim_id, value in zip(claim_ids.tolist(), values.tolist(), strict=True):
            row = int(self.claim_article[claim_id])
            if row in kept_rows or not self._same_story(lead, row):
                continue
            if options.check_consistency and not consistent(text, self.claim_text[claim_id]):
                continue
            if self._copies_any(row, kept_rows, options):
                continue
            kept_rows.append(row)
            chosen.append(self._match(claim_id, row, value))
            if len(chosen) >= options.max_matches:
                break
        return chosen

    def _same_story(self, lead: frozenset[str] | None, row: int) -> bool:
        other = self.article_lead[row] if row < len(self.article_lead) else frozenset()
        return not (lead and other and not lead & other)

    def _copies_any(self, row: int, others: list[int], options: MatchOptions) -> bool:
        if not others:
            return False
        return any(
            _row_dot(self.article_vectors, row, other) >= options.duplicate_threshold
            for other in others
        )

    def _match(self, claim_id: int, row: int, similarity: float) -> dict[str, Any]:
        return {
            "article_id": self.article_ids[row],
            "outlet": self.article_outlets[row],
            "published": self.article_published[row],
            "similarity": round(float(similarity), 4),
            "text": self.claim_text[claim_id],
            "sentence": int(self.claim_sentence[claim_id]),
        }


def _row_dot(matrix: sparse.csr_matrix, a: int, b: int) -> float:
    """Dot product of two rows of a CSR matrix, touching only their non-zeros."""
    a_slice = slice(matrix.indptr[a], matrix.indptr[a + 1])
    b_slice = slice(matrix.indptr[b], matrix.indptr[b + 1])
    _, in_a, in_b = np.intersect1d(
        matrix.indices[a_slice], matrix.indices[b_slice], assume_unique=True, return_indices=True
    )
    return float(matrix.data[a_slice][in_a] @ matrix.data[b_slice][in_b])


def _read_manifest(path: Path) -> dict[str, Any]:
    file = path / MANIFEST
    if not file.is_file():
        raise InputError(str(path), "not a claim index (no manifest.json; was the build finished?)")
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(file), f"unreadable index manifest: {exc}") from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise InputError(str(file), f"not a {FORMAT} version {FORMAT_VERSION} manifest")
    return manifest


def _stack(files: list[Path], n_features: int) -> sparse.csr_matrix:
    if not files:
        return sparse.csr_matrix((0, n_features), dtype=np.float32)
    return sparse.vstack([sparse.load_npz(f) for f in files], format="csr")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _norm_outlet(outlet: str | None) -> str | None:
    return outlet.strip().casefold() or None if outlet else None


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _days(value: str | None) -> float:
    """Days since the epoch (UTC) of an ISO date or datetime, NaN when unknown."""
    if not value:
        return float("nan")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return float("nan")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp() / 86_400.0
