"""Prose out of marked-up drafts, with the offsets back into the file.

Markdown (with front matter) and HTML become the plain text the analysis reads, each
character where it was, so a finding's offsets map back to lines and columns in the file.
The Markdown loader and ``sourcecheck check`` both read drafts through this package, so it
imports neither of them.
"""

from __future__ import annotations

#: The file suffixes read as Markdown and as HTML drafts, by the loaders and by check.
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
