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
# The same words for text whose letters are all ASCII: every byte that is not a letter
# becomes a space, so ``bytes.split`` yields exactly the runs ``_WORD`` would find, at a
# fifth of the cost (this check runs on every article scored).
_ASCII_LETTERS_ONLY = bytes(
    code if chr(code).isascii() and chr(code).isalpha() else ord(" ") for code in range(256)
)
_ENGLISH_FUNCTION_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH_FUNCTION_WORDS)
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
    total, function_words = _count_words(article.body[:20_000].lower())
    if total < MIN_WORDS:
        return None
    if function_words / total < MIN_SHARE:
        return (
            "article does not look like English: the built-in scorers are English-only, "
            "so their scores may be meaningless"
        )
    return None


def _count_words(text: str) -> tuple[int, int]:
    """How many words ``text`` (lower case) has, and how many are English function words."""
    if text.isascii() or not any(_is_letter(char) for char in set(text) if not char.isascii()):
        # Non-ASCII characters that are not letters (curly quotes, dashes) only separate
        # words, as the '?' they are encoded to does.
        words = text.encode("ascii", "replace").translate(_ASCII_LETTERS_ONLY).split()
        return len(words), sum(map(_ENGLISH_FUNCTION_BYTES.__contains__, words))
    found = _WORD.findall(text)
    return len(found), sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, found))


def _is_letter(char: str) -> bool:
    """What ``[^\\W\\d_]`` matches: word characters other than digits and '_'."""
    return char.isalnum() and not char.isdecimal()
