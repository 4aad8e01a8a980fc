"""Output formats of ``sourcecheck check``: one function per ``--format`` name.

``text`` is for people; ``json`` and ``sarif`` are versioned contracts (fields are only
ever added); ``jsonl``, ``github`` and ``rdjsonl`` feed other tools.
"""

from __future__ import annotations

from collections.abc import Callable

from sourcecheck.lint.formats.base import FormatContext
from sourcecheck.lint.formats.github import render_github
from sourcecheck.lint.formats.jsonout import render_json, render_jsonl
from sourcecheck.lint.formats.rdjson import render_rdjsonl
from sourcecheck.lint.formats.sarif import render_sarif
from sourcecheck.lint.formats.text import render_text
from sourcecheck.lint.runner import CheckRun

Renderer = Callable[[CheckRun, FormatContext], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "github": render_github,
    "rdjsonl": render_rdjsonl,
}

__all__ = ["FORMATS", "FormatContext", "Renderer"]
