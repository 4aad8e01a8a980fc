"""Offsets <-> 1-based line and column, the way editors and linters count them."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile("\n")


class LineIndex:
    """Maps code-point offsets of a text to (line, column), both 1-based.

    The line starts are found on the first lookup: most articles are scored for a report,
    and only findings need a line and column, so a text nobody asks about costs nothing.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Offset of the first character of every line (the first is 0)."""
        if self._starts is None:
            # One C-level scan for newlines, not a Python loop over every character.
            self._starts = [0, *(match.end() for match in _NEWLINE.finditer(self._text))]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        starts = self.starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1
