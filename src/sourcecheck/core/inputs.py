"""What makes a string text that can be scored, checked the same way for every way in."""

from __future__ import annotations


def has_surrogate(value: object) -> bool:
    """Whether a string (or list of strings) holds an unpaired surrogate, which JSON can
    spell ("\\ud800") but no UTF-8 output can hold."""
    if isinstance(value, str):
        return not value.isascii() and not _encodes(value)
    return isinstance(value, list) and any(has_surrogate(item) for item in value)


def _encodes(text: str) -> bool:
    """Whether strict UTF-8 can encode ``text``: it cannot only an unpaired surrogate. The
    encoder runs through the text in C; a search for the surrogate class tests every
    character in the regex engine."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_problem(body: str) -> str | None:
    """Why ``body`` is not article text (empty, only whitespace, binary), or None."""
    if not body:
        return "empty article text"
    if not body.strip():
        return "empty article text (only whitespace)"
    if "\x00" in body:
        return "not text (contains NUL characters)"
    if has_surrogate(body):
        return "not text (holds an unpaired surrogate)"
    return None
