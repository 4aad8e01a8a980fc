"""News or opinion, from how the writer's own voice reads.

An opinion piece speaks for "we", argues ("not", "never"), asks questions and leaves most of
its sentences unattributed; news reports what others said and quotes them. Five such rates,
measured on the writer's words outside quotes, go into a logistic model fitted on editors'
readings of real news (``training/genre.py``; the weights ship as
``data/models/genre.json``, provenance inside). Cross-validated on those readings (the
editorial gold's two tuning halves, leaving one article out) it ranks opinion pieces above
news with AUC 0.89.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sourcecheck.core.analysis.needs_source import token_bytes
from sourcecheck.core.models import Genre

FEATURES = ("we", "negation", "questions", "attributed", "quoted")

_WE = frozenset(("we", "our", "ours", "us", "let's"))
_NEGATION = frozenset(("not", "never", "no", "nothing"))
_WE_BYTES = frozenset(word.encode("ascii") for word in _WE)
# A whole word of _WE or _NEGATION in the spaced bytes of token_bytes(); the lookahead leaves
# the space after it to open the next match.
_MARKER = re.compile(
    b" ("
    + b"|".join(re.escape(word.encode("ascii")) for word in sorted(_WE | _NEGATION))
    + b")(?= )"
)
# Every byte of token_bytes() but a space as "a": a word starts wherever " a" occurs, so the
# words are counted in C without a bytes object for each.
_WORDS_AS_A = bytes(32 if byte == 32 else 97 for byte in range(256))


@dataclass(frozen=True, slots=True)
class GenreModel:
    """A logistic model over :data:`FEATURES`; a piece is opinion at ``threshold`` or more."""

    bias: float
    weights: tuple[float, ...]
    threshold: float

    def probability(self, values: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


@cache
def builtin_genre_model() -> GenreModel:
    path = resources.files("sourcecheck") / "data" / "models" / "genre.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return GenreModel(
        bias=data["bias"],
        weights=tuple(data["weights"][name] for name in FEATURES),
        threshold=data["threshold"],
    )


def genre_features(writer: str, body_length: int, attributed_rate: float) -> list[float]:
    """The rates of :data:`FEATURES`. ``writer`` is the lower-cased text outside quotes."""
    # The words of tokens(writer), between spaces: the marker words are found by one scan
    # that skips from space to space in C, not by a string and a set lookup for each of the
    # ~800 words of an article.
    words = b" " + token_bytes(writer) + b" "
    total = words.translate(_WORDS_AS_A).count(b" a") or 1
    markers = _MARKER.findall(words)
    we = sum(map(_WE_BYTES.__contains__, markers))
    negation = len(markers) - we
    negation += writer.count("n’t") + writer.count("n't")
    quoted = 1.0 - len(writer) / body_length if body_length else 0.0
    return [
        1000 * we / total,
        1000 * negation / total,
        100 * writer.count("?") / total,
        attributed_rate,
        max(0.0, quoted),
    ]


def genre_of(
    writer: str, body_length: int, attributed_rate: float, model: GenreModel | None = None
) -> Genre:
    """``"opinion"`` when the model says the writer argues rather than reports."""
    model = model or builtin_genre_model()
    values = genre_features(writer, body_length, attributed_rate)
    return "opinion" if model.probability(values) >= model.threshold else "news"
