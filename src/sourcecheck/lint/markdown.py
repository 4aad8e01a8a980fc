"""Moved to :mod:`sourcecheck.prose.markdown`; this name stays for code that imports it."""

from sourcecheck.prose.markdown import (
    Comment,
    MarkdownProse,
    blank,
    markdown_prose,
    split_front_matter,
)

__all__ = ["Comment", "MarkdownProse", "blank", "markdown_prose", "split_front_matter"]
