"""``--diff BASE``: which lines of which files changed since a git revision."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from sourcecheck.core.errors import SourcecheckError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None  # an untracked file: every line is new


class DiffError(SourcecheckError):
    """--diff could not be computed: no git, not a repository, or a bad revision."""


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except FileNotFoundError:
        raise DiffError("--diff needs git, which is not installed") from None
    if completed.returncode != 0:
        reason = (completed.stderr.strip().splitlines() or ["git failed"])[0]
        raise DiffError(f"--diff: {reason.removeprefix('fatal: ')}")
    return completed.stdout


def git_toplevel(cwd: Path) -> Path:
    """The repository root; a DiffError naming the folder when it is not in one."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except DiffError as exc:
        if "not a git repository" not in str(exc):
            raise
        raise DiffError(f"--diff needs a git repository: {cwd} is not in one") from None


def changed_lines(base: str, paths: Sequence[str]) -> dict[Path, set[int] | None]:
    """Resolved file path -> changed line numbers (None: the whole file is new).

    Compares the working tree (staged or not) with ``base`` in the repository holding the
    first path; files git does not track yet count as entirely changed, since a new
    draft is all new lines.
    """
    resolved = [str(Path(p).resolve()) for p in paths]
    first = Path(resolved[0]) if resolved else Path.cwd()
    top = git_toplevel(first if first.is_dir() else first.parent)
    if base.startswith("-"):
        raise DiffError(f"--diff: '{base}' is not a revision")
    diff = _git(
        [
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
            *resolved,
        ],
        top,
    )
    changed: dict[Path, set[int] | None] = parse_unified_diff(diff, top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *resolved], top)
    for name in filter(None, untracked.split("\0")):
        changed[(top / name).resolve()] = ALL_LINES
    return changed


def parse_unified_diff(diff: str, top: Path) -> dict[Path, set[int] | None]:
    """Added or modified line numbers per file of a ``git diff --unified=0``."""
    changed: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    previous = ""
    for line in diff.splitlines():
        header, previous = previous.startswith("--- ") and line.startswith("+++ "), line
        if header:
            name = line[4:]
            current = None
            if name.startswith("b/"):
                current = set()
                changed[(top / _unquote(name[2:])).resolve()] = current
            continue
        hunk = _HUNK.match(line)
        if hunk and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            current.update(range(start, start + count))
    return changed


def _unquote(name: str) -> str:
    # git quotes names with tabs, quotes or backslashes even with core.quotepath off.
    if len(name) >= 2 and name[0] == name[-1] == '"':
        unescaped = name[1:-1].encode("utf-8").decode("unicode_escape")
        return unescaped.encode("latin-1").decode("utf-8", "replace")
    return name.rstrip("\t")
