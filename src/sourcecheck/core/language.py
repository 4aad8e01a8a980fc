"""A cheap check that an article is English: the built-in scorers only read English."""

from __future__ import annotations

import re

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article

_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "that",
        "this",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "said",
        "says",
        "not",
        "by",
        "from",
        "at",
        "as",
        "but",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 20
MIN_SHARE = 0.12  # English news prose runs around 0.35-0.45 function words


def language_warning(article: Article, analysis: Analysis) -> str | None:
    """A warning when the article is declared or detected to be other than English."""
    declared = (article.language or "").lower()
    if declared and not declared.startswith("en"):
        return (
            f"article language is '{article.language}': the built-in scorers are English-only, "
            "so their scores may be meaningless"
        )
    if declared:
        return None
    words = _WORD.findall(article.body[:20_000].lower())
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share < MIN_SHARE:
        return (
            "article does not look like English: the built-in scorers are English-only, "
            "so their scores may be meaningless"
        )
    return None
