"""One colour per scorer, the same in every report and on the editor page.

A colour belongs to the scorer, never to its position in a list: the HTML report of one
article and of another, and the editor page as a draft changes, all show ``hedging`` in the
same amber. Light tints for black text, chosen so no two read as a red/green pair.
"""

from __future__ import annotations

import zlib

BUILT_IN = {
    "attribution_clarity": "#a9cdfc",
    "hedging": "#ffd27a",
    "corroboration": "#d9c2ff",
    "anonymous_sources": "#f8bfdc",
}
#: For any other scorer, picked by its name (CRC-32: the same in every process and run).
PALETTE = ("#b9e3f5", "#e8d9b5", "#c9d3e6", "#ffe3c2", "#e7d0f5", "#cfd8ff", "#efd0a8")
#: The shared analysis layers of the HTML report (drawn as underlines, not shading).
ANALYSIS = {"attributions": "#3d7be0", "hedges": "#c98a00"}


def scorer_colour(name: str) -> str:
    if name in BUILT_IN:
        return BUILT_IN[name]
    return PALETTE[zlib.crc32(name.encode("utf-8")) % len(PALETTE)]


def layer_colour(key: str) -> str:
    """The colour of an evidence layer key: ``scorer:NAME`` or ``analysis:WHAT``."""
    kind, _, name = key.partition(":")
    if kind == "analysis":
        return ANALYSIS.get(name, "#7a8699")
    return scorer_colour(name)
