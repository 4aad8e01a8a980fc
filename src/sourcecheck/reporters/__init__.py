"""Output reporters: reports -> text for a terminal, a file or another program."""

from sourcecheck.reporters.base import Reporter

__all__ = ["Reporter"]
