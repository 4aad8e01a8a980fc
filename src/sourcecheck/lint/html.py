"""Moved to :mod:`sourcecheck.prose.html`; this name stays for code that imports it."""

from sourcecheck.prose.html import (
    HtmlProse,
    html_prose,
)

__all__ = ["HtmlProse", "html_prose"]
