"""Where a finding is in the file: body offset -> file offset -> line, column, raw offset.

Three texts are in play. The *body* is what the scorers saw. The *text* is the decoded
file with ``\\n`` line endings, what loaders parse. The *raw* text is the file as it is on
disk, perhaps with CRLF endings and a byte-order mark: SARIF's ``charOffset`` counts in it.
Lines and columns are the same in text and raw, because only line endings differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sourcecheck.core.positions import LineIndex

_NEWLINE = re.compile(r"\r\n|\r|\n")
BOM = "\ufeff"


class BodyMap:
    """Maps offsets of an article body to offsets of the text it was taken from."""

    def __init__(self, *, shift: int = 0, offsets: Sequence[int] | None = None) -> None:
        self.shift = shift
        self.offsets = offsets

    def start(self, offset: int) -> int:
        if self.offsets is None:
            return offset + self.shift
        if offset < len(self.offsets):
            return self.offsets[offset]
        return self.offsets[-1] + 1 if self.offsets else 0

    def end(self, offset: int, start: int) -> int:
        """The text offset just after body character ``offset - 1`` (end-exclusive)."""
        if self.offsets is None:
            return offset + self.shift
        if offset <= start or not self.offsets:
            return self.start(start)
        return self.offsets[min(offset, len(self.offsets)) - 1] + 1


@dataclass(frozen=True)
class Region:
    """A 1-based, end-exclusive region of a file, as linters and SARIF report it."""

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int


class SourceMap:
    """Lines of one file, for turning text offsets into positions and raw offsets."""

    def __init__(self, text: str, raw: str | None = None) -> None:
        self.text = text
        self.lines = LineIndex(text)
        raw = text if raw is None else raw
        bom = 1 if raw.startswith(BOM) else 0
        self.raw_starts = [bom] + [m.end() for m in _NEWLINE.finditer(raw)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset; columns count code points."""
        return self.lines.position(offset)

    @property
    def starts(self) -> list[int]:
        """Offset of the first character of every line of the text."""
        return self.lines.starts

    def raw_offset(self, line: int, column: int) -> int:
        return self.raw_starts[min(line, len(self.raw_starts)) - 1] + column - 1

    def region(self, start: int, end: int) -> Region:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        raw_start = self.raw_offset(line, column)
        raw_end = self.raw_offset(end_line, end_column)
        return Region(line, column, end_line, end_column, raw_start, raw_end - raw_start)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]

    def byte_column(self, line: int, column: int) -> int:
        """The 1-based column counted in UTF-8 bytes (what reviewdog expects)."""
        return len(self.line_text(line)[: column - 1].encode("utf-8")) + 1
