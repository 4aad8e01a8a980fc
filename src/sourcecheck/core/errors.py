"""Errors a user can cause and fix: each prints as one line, never as a traceback."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sourcecheck.core.printable import escape_controls

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


class SourcecheckError(Exception):
    """Base class; ``str(error)`` is the one-line message shown to the user."""


class ConfigError(SourcecheckError):
    """A bad config file, option, weight or flag."""


class InputError(SourcecheckError):
    """An input that cannot be read as an article: names the input and the problem."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        # The message is printed: a file name's newlines and escapes are shown, not obeyed.
        where = escape_controls(source)
        where = f"{where}:{line}" if line is not None else where
        super().__init__(f"{where}: {problem}")


class PluginLoadError(SourcecheckError):
    """A plugin that could not be loaded or registered (fatal only in strict mode)."""


class SkipScorer(Exception):
    """Raise from ``Scorer.score`` when the scorer does not apply to this article.

    The scorer is reported as ``skipped`` with the reason as its summary and left out of
    the combination; unlike a failure it is not an error, not even in strict mode.

    >>> raise SkipScorer("no quotes to check")
    """


# What a write can fail with that says nothing of which file: a full disk, a quota.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


@contextlib.contextmanager
def writing_to(path: object) -> Iterator[None]:
    """Name ``path`` in a write error that does not name its file ("No space left on
    device"), so the one-line error says which output could not be written."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _WRITE_ERRNOS:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def first_problem(exc: ValidationError) -> tuple[str, ErrorDetails]:
    """The first thing pydantic rejected, and where, as a dotted key ('' for the whole value).

    One problem is enough for a one-line message; fixing it reveals the next.
    """
    first = exc.errors()[0]
    return ".".join(str(part) for part in first["loc"]), first
