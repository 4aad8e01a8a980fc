"""Offsets <-> 1-based line and column, the way editors and linters count them."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps code-point offsets of a text to (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        for i, char in enumerate(text):
            if char == "\n":
                self.starts.append(i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
