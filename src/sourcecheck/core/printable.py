"""Text we do not control (file names, titles, plugin messages), made safe to print.

A file name can hold a newline followed by ``::error ...``, which a GitHub runner reads as
a workflow command, or an escape sequence that rewrites the terminal. Every output format
writes such text through one of these functions, so a control character is shown as an
escape (``\\n``, ``\\x1b``) and never acts.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators (str.splitlines and
# many JSONL readers break lines there) and the bidirectional overrides and isolates that
# can make text display in an order other than the one it is read in.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same without C0: JSON escapes those inside strings, and outside them they are only
# the document's own layout (newlines and indentation).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with each control character written as its Python escape (``\\n``)."""
    return _CONTROL.sub(_python_escape, text)


def one_line_printable(text: str) -> str:
    """``text`` on one line, whitespace runs as single spaces, other controls escaped."""
    return escape_controls(" ".join(text.split()))


def escape_json_text(document: str) -> str:
    """A JSON document with the controls JSON leaves raw written as ``\\uXXXX``.

    JSON escapes C0 controls itself, but not DEL, C1 controls or U+2028/U+2029. They can
    only occur inside strings, where ``\\uXXXX`` means the same character.
    """
    return _JSON_RAW.sub(_json_escape, document)


def _python_escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
