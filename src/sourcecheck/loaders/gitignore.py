"""The .gitignore rules in force under a folder, for walking it as git would (pathspec)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class GitIgnores:
    """The .gitignore rules in force while walking: the repository's and each folder's."""

    def __init__(self, root: Path) -> None:
        self.specs: list[tuple[Path, Any]] = []
        top = _git_top(root.resolve())
        if top is not None:  # .gitignore files above the walked folder apply too
            for folder in [top, *reversed(root.resolve().parents)]:
                if folder != root.resolve() and folder.is_relative_to(top):
                    self._add(folder)

    def read(self, folder: Path) -> None:
        self._add(folder.resolve())

    def _add(self, folder: Path) -> None:
        rules = folder / ".gitignore"
        if any(base == folder for base, _ in self.specs) or not rules.is_file():
            return
        import pathspec

        lines = rules.read_text(encoding="utf-8", errors="replace").splitlines()
        self.specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))

    def ignored(self, path: Path, folder: bool = False) -> bool:
        resolved = path.resolve()
        for base, spec in self.specs:
            if resolved.is_relative_to(base):
                relative = resolved.relative_to(base).as_posix() + ("/" if folder else "")
                if spec.match_file(relative):
                    return True
        return False


def _git_top(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def walk_files(root: Path) -> list[Path]:
    """Every file under ``root`` that its .gitignore files do not ignore, sorted."""
    ignores = GitIgnores(root)
    kept = []
    for file in sorted(root.rglob("*")):
        if not file.is_file():
            continue
        for folder in reversed(file.relative_to(root).parents):
            ignores.read(root / folder)
        if not ignores.ignored(file) and not _under_ignored_folder(ignores, root, file):
            kept.append(file)
    return kept


def _under_ignored_folder(ignores: GitIgnores, root: Path, file: Path) -> bool:
    parts = file.relative_to(root).parents
    return any(
        ignores.ignored(root / folder, folder=True) for folder in parts if str(folder) != "."
    )
