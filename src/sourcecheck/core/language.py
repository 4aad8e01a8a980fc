"""A cheap check that an article is English: the built-in scorers only read English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

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
_LETTER = re.compile(r"[^\W\d_]")
# Text whose only letters are ASCII (most English news: curly quotes and dashes are not
# letters): ``_WORD.findall(text.lower())`` is then the runs of ASCII letters, lower-cased,
# since no other character lower-cases to a letter or to ASCII (test_fast_paths checks all
# of Unicode). In UTF-8 every non-ASCII byte is >= 128, so one ``bytes.translate`` that
# lower-cases ASCII letters and turns every other byte into a space, then ``bytes.split``,
# yields those words at a fifth of the regex's cost (this check runs on every article).
_ASCII_LOWER_LETTERS_ONLY = bytes(
    ord(chr(code).lower()) if chr(code).isascii() and chr(code).isalpha() else ord(" ")
    for code in range(256)
)
_ASCII_BYTES = bytes(range(128))
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
    words, function_words = _words(article.body[:20_000])
    if len(words) < MIN_WORDS:
        return None
    if not _reaches_share(words, function_words):
        return (
            "article does not look like English: the built-in scorers are English-only, "
            "so their scores may be meaningless"
        )
    return None


def _reaches_share(words: Sequence[object], function_words: frozenset[object]) -> bool:
    """Whether at least ``MIN_SHARE`` of ``words`` are in ``function_words``."""
    return sum(map(function_words.__contains__, words)) / len(words) >= MIN_SHARE


def _words(text: str) -> tuple[list[str] | list[bytes], frozenset[Any]]:
    """The words of ``text`` lower-cased (``_WORD.findall(text.lower())``, as str or as
    ASCII bytes), and the English function words in the same type."""
    # surrogatepass: a lone surrogate (not a letter) must not make encoding fail.
    encoded = text.encode("utf-8", "surrogatepass")
    # Deleting the ASCII bytes leaves the non-ASCII characters, still valid UTF-8: a few
    # quote marks and dashes to search for a letter instead of the whole text.
    non_ascii = encoded.translate(None, _ASCII_BYTES)
    if non_ascii and _LETTER.search(non_ascii.decode("utf-8", "surrogatepass")):
        return _WORD.findall(text.lower()), _ENGLISH_FUNCTION_WORDS
    return encoded.translate(_ASCII_LOWER_LETTERS_ONLY).split(), _ENGLISH_FUNCTION_BYTES
