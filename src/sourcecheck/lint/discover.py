"""Which files ``sourcecheck check`` reads: named files as given, folders walked.

A folder is walked for files matching the config's ``include`` globs (``*.md``,
``*.markdown``, ``*.txt``, ``*.html`` by default) and not matching ``exclude``. A glob
without a ``/`` matches a file or folder name anywhere (``archive``, ``*.draft.md``); one
with a ``/`` matches the path relative to the folder being walked (``wires/*``). Hidden
folders (``.git``, ``.venv``) are skipped, and so is what the ``.gitignore`` files of the
walked folders and of their git repository ignore (as ruff and Vale do). Files named on the
command line are always read, like ruff does, so a pre-commit hook checks exactly what it is
given; ``-`` is standard input.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from sourcecheck.core.errors import InputError
from sourcecheck.loaders.gitignore import GitIgnores


def matches(relative: str, patterns: Sequence[str], *, any_part: bool = True) -> bool:
    """Whether a folder-relative posix path matches one of the globs.

    A glob without '/' is tried on every part of the path (``any_part``, for excludes
    such as ``archive``) or on the file name alone (for includes such as ``*.md``).
    """
    path = PurePosixPath(relative)
    names = path.parts if any_part else (path.name,)
    for pattern in patterns:
        if "/" in pattern:
            if fnmatch(relative, pattern.lstrip("/")):
                return True
        elif any(fnmatch(name, pattern) for name in names):
            return True
    return False


def discover(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]
) -> Iterator[str | InputError]:
    """Each file to check, in a stable order, or an error for a path that is not there."""
    for given in paths:
        path = Path(given)
        if given == "-":
            yield given  # stdin
        elif path.is_dir():
            yield from _walk(given, include, exclude)
        elif path.exists():
            yield given
        else:
            yield InputError(given, "no such file or directory")


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    ignores = GitIgnores(Path(root))
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        ignores.read(here)
        relative_folder = here.relative_to(root).as_posix()
        prefix = "" if relative_folder == "." else f"{relative_folder}/"
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not matches(prefix + d, exclude)
            and not ignores.ignored(here / d, folder=True)
        )
        for name in sorted(files):
            relative = prefix + name
            if not matches(relative, include, any_part=False) or matches(relative, exclude):
                continue
            if not ignores.ignored(here / name):
                yield os.path.normpath(os.path.join(folder, name))
