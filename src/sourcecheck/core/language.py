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
_LETTER = re.compile(r"[^\W\d_]")
# The check needs how many words ``re.findall(r"[^\W\d_]+", text.lower())`` finds, and the
# share of them that are function words. Both are counted with C-level passes over bytes in
# which every letter is a lower-case ASCII letter and every other character a space, holding
# the same words in the same order.
#
# Text whose only letters are ASCII (most English news: curly quotes and dashes are not
# letters) needs one ``bytes.translate`` of its UTF-8 encoding: ASCII letters lower-cased,
# every other byte (each byte of a non-ASCII character is >= 128) a space. No other
# character lower-cases to a letter or to ASCII (test_fast_paths checks all of Unicode).
_ASCII_LOWER_LETTERS_ONLY = bytes(
    ord(chr(code).lower()) if chr(code).isascii() and chr(code).isalpha() else ord(" ")
    for code in range(256)
)
# When other letters occur, the text is lower-cased first, the characters that are not
# letters are blanked, and every byte left >= 128 (part of a letter) becomes a "q": such a
# word is still one run of letters, and never a function word, as none holds a "q".
_LOWER_LETTERS_OR_Q = _ASCII_LOWER_LETTERS_ONLY[:128] + b"q" * 128
_ASCII_BYTES = bytes(range(128))
# Every letter made an "a": a word starts wherever " a" occurs.
_LETTERS_AS_A = bytes(
    ord("a") if chr(code).isascii() and chr(code).islower() else code for code in range(256)
)
_ENGLISH_FUNCTION_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH_FUNCTION_WORDS)
# The most frequent function words of English news, most frequent first: together they
# are over a tenth of its words, so they alone usually reach the share.
_FREQUENT_FUNCTION_WORDS = ("the", "to", "of", "a", "and", "in", "that", "for")
_FREQUENT_NEEDLES = tuple(f" {word} ".encode("ascii") for word in _FREQUENT_FUNCTION_WORDS)
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
    letters = padded_letters(article.body[:20_000])
    words = letters.translate(_LETTERS_AS_A).count(b" a")
    if words < MIN_WORDS:
        return None
    if not reaches_share(letters, words):
        return (
            "article does not look like English: the built-in scorers are English-only, "
            "so their scores may be meaningless"
        )
    return None


def reaches_share(letters: bytes, words: int) -> bool:
    """Whether at least ``MIN_SHARE`` of the ``words`` words of ``letters`` (from
    :func:`padded_letters`) are English function words."""
    # bytes.count finds " the " once in " the the " (its matches do not overlap), so these
    # counts are at most the true ones: when they reach the share, the text does.
    found = 0
    for needle in _FREQUENT_NEEDLES:
        found += letters.count(needle)
        if found / words >= MIN_SHARE:
            return True
    function_words = sum(map(_ENGLISH_FUNCTION_BYTES.__contains__, letters.split()))
    return function_words / words >= MIN_SHARE


def padded_letters(text: str) -> bytes:
    r"""``text`` as lower-case ASCII letters and spaces, with a space at either end, whose
    words are those of ``re.findall(r"[^\W\d_]+", text.lower())`` in order: the same words
    where they are ASCII, words holding a "q" where they are not."""
    # surrogatepass: a lone surrogate (not a letter) must not make encoding fail.
    encoded = text.encode("utf-8", "surrogatepass")
    # Deleting the ASCII bytes leaves the non-ASCII characters, still valid UTF-8: a few
    # quote marks and dashes to search for a letter instead of the whole text.
    non_ascii = encoded.translate(None, _ASCII_BYTES)
    if not non_ascii or not _LETTER.search(non_ascii.decode("utf-8", "surrogatepass")):
        return b" " + encoded.translate(_ASCII_LOWER_LETTERS_ONLY) + b" "
    # Only the non-ASCII characters need looking at (the table lower-cases ASCII letters),
    # one by one: lower-casing the whole text costs more than the rest of the check.
    for char in set(non_ascii.decode("utf-8", "surrogatepass")):
        readable = _readable(char)
        if readable is not None:
            # UTF-8 is self-synchronising: a character's bytes match only that character.
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), readable)
    return b" " + encoded.translate(_LOWER_LETTERS_OR_Q) + b" "


def _readable(char: str) -> bytes | None:
    """What a non-ASCII character of a text must be written as before the last table (None:
    its own bytes, a letter's, which the table makes "q"s).

    As ``text.lower()`` has it: str.lower may turn a letter into ASCII ("K", the Kelvin
    sign) or into a letter and a mark ("İ"), whose mark, like any character that is not a
    letter, reads as a space. (Lower-casing a character alone differs from lower-casing it
    in its text only for a final sigma, a letter either way.)
    """
    lowered = char.lower()
    if lowered == char and _LETTER.match(char):
        return None
    kept = (c if c.isascii() or _LETTER.match(c) else " " for c in lowered)
    return "".join(kept).encode("utf-8", "surrogatepass")
