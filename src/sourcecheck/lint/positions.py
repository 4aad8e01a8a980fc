"""Moved to :mod:`sourcecheck.prose.positions`; this name stays for code that imports it."""

from sourcecheck.prose.positions import (
    BOM,
    BodyMap,
    Region,
    SourceMap,
)

__all__ = ["BOM", "BodyMap", "Region", "SourceMap"]
