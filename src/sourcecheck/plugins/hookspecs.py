"""Moved to :mod:`sourcecheck.core.hookspecs` (the engine needs it, and core imports nothing
above it); this name stays for plugins and tools that import it."""

from sourcecheck.core.hookspecs import (
    PROJECT,
    hookimpl,
    hookspec,
    sourcecheck_combiner,
    sourcecheck_enrich_analysis,
    sourcecheck_lexicons,
    sourcecheck_loaders,
    sourcecheck_reporters,
    sourcecheck_scorers,
)

__all__ = [
    "PROJECT",
    "hookimpl",
    "hookspec",
    "sourcecheck_combiner",
    "sourcecheck_enrich_analysis",
    "sourcecheck_lexicons",
    "sourcecheck_loaders",
    "sourcecheck_reporters",
    "sourcecheck_scorers",
]
