"""What every format needs besides the results: colour, the repository root, versions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sourcecheck.core.models import Severity


@dataclass(frozen=True)
class FormatContext:
    version: str
    color: bool = False
    quiet: bool = False  # text: the findings only, no per-draft or total lines
    statistics: bool = False  # text: a count per rule instead of the findings
    root: Path = field(default_factory=Path.cwd)  # URIs in SARIF and GitHub are relative to it

    def relative_path(self, path: str) -> str | None:
        """``path`` relative to the root with '/' separators, or None when outside it."""
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def uri(self, path: str) -> tuple[str, bool]:
        """A URI for ``path`` and whether it is relative to the root (%SRCROOT%)."""
        relative = self.relative_path(path)
        if relative is None:
            return Path(path).resolve().as_uri(), False
        return quote(relative), True

    def repo_path(self, path: str) -> str:
        """The path GitHub expects: relative to the repository root when possible."""
        return self.relative_path(path) or os.path.abspath(path)


SARIF_LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "suggestion": "note"}


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
