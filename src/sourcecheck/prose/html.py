"""HTML drafts -> prose, with a map from every prose character back to the file.

Unlike Markdown, HTML cannot keep offsets by blanking: ``don&rsquo;t`` must become
``don’t`` for the analysis to see one word, so the body is compacted and ``offsets[i]``
records where ``body[i]`` came from. Block elements become paragraph breaks; scripts,
styles, code and the ``<head>`` are not article text, and neither is page chrome (``nav``,
``header``, ``footer``, ``aside``, ``form``, their ARIA roles and the usual class names), which
``sourcecheck score`` also drops through trafilatura. The stdlib parser is enough here: a
draft is the editor's own markup, not a scraped page (``sourcecheck score`` on a web page
still goes through trafilatura).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sourcecheck.prose.markdown import Comment

_SKIPPED = frozenset(
    [
        "script",
        "style",
        "head",
        "template",
        "noscript",
        "code",
        "pre",
        "svg",
        "math",
        "iframe",
        "object",
    ]
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "main",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "dl",
        "dt",
        "dd",
    ]
)
# Page chrome: menus, mastheads, footers ("Copyright 2026 ..."), sidebars and forms are not
# the article, and their figures and claims are nobody's sourcing.
_CHROME_TAGS = frozenset(["nav", "header", "footer", "aside", "menu", "form"])
_CHROME_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"]
)
_CHROME_CLASSES = frozenset(
    ["nav", "navbar", "navigation", "menu", "site-header", "site-footer", "footer", "sidebar",
     "breadcrumb", "breadcrumbs", "cookie-banner", "newsletter"]
)  # fmt: skip
_VOID = frozenset(
    ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"]
)


@dataclass
class HtmlProse:
    body: str
    offsets: list[int]
    title: str = ""
    comments: list[Comment] = field(default_factory=list)


def html_prose(text: str) -> HtmlProse:
    """The prose of an HTML draft (``\\n`` line endings) and where each character came from."""
    parser = _ProseParser(text)
    parser.feed(text)
    parser.finish()
    return parser.result()


_TAG_OPEN = re.compile(r"</?[a-zA-Z]")  # html.parser's starttagopen and endtagopen


def _is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _CHROME_TAGS:
        return True
    values = dict(attrs)
    if (values.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    names = f"{values.get('class') or ''} {values.get('id') or ''}".lower().split()
    return any(name in _CHROME_CLASSES for name in names)


class _ProseParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.length = len(text)
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.comments: list[Comment] = []
        self.skip_depth = 0
        # The chrome element being skipped and how deep inside same-named tags we are.
        self.chrome_tag: str | None = None
        self.chrome_depth = 0
        self.title_parts: list[str] | None = None
        self.h1_parts: list[str] | None = None
        self.title = ""
        self.h1 = ""

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, chars: str, offsets: list[int]) -> None:
        if self.title_parts is not None:
            self.title_parts.append(chars)
        elif self.h1_parts is not None:
            self.h1_parts.append(chars)
        elif not self.skip_depth and self.chrome_tag is None:
            self.chars.extend(chars)
            self.offsets.extend(offsets)

    def _paragraph_break(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            at = self._offset()
            self.chars.extend("\n\n")
            self.offsets.extend((at, at))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._in_chrome(tag, attrs):
            return
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_depth += 1
        elif tag == "title":
            self.title_parts = []
        elif tag == "h1" and not self.h1:
            self.h1_parts = []
        elif tag in _BLOCKS and not self.skip_depth:
            self._paragraph_break()

    def _in_chrome(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Track chrome elements; True while inside one (the title is still read there)."""
        if tag in _VOID:
            return False
        if self.chrome_tag is not None:
            self.chrome_depth += tag == self.chrome_tag
        elif _is_chrome(tag, attrs):
            self._paragraph_break()
            self.chrome_tag, self.chrome_depth = tag, 1
        return self.chrome_tag is not None and tag not in ("title", "h1")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.chrome_tag:
            self.chrome_depth -= 1
            if self.chrome_depth == 0:
                self.chrome_tag = None
            return
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split())
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split())
            self.h1_parts = None
        elif tag in _BLOCKS and not self.skip_depth:
            self._paragraph_break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <div role="navigation"/> opens nothing: only void handling applies.
        if tag in _BLOCKS and not self.skip_depth and self.chrome_tag is None:
            self._paragraph_break()

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._emit(data, list(range(start, start + len(data))))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, reference: str) -> None:
        char = html.unescape(reference)
        at = self._offset()
        self._emit(char, [at] * len(char))

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.comments.append(Comment(start, start + len(data) + 7, data))

    def finish(self) -> None:
        """Close the parser. A tag, comment or declaration still open at the end of the
        text runs to the end of it, as in HTML5 and in html.parser since its fix for
        quadratic end-of-input handling (CPython 3.11.13, 3.12.11, 3.13.4). Earlier
        parsers read the open construct as text up to the next '>' and parsed on from
        there, trying every later '<' against the rest of the text: the square of it for
        a run of unclosed comments or tags. Done here, the answer is the same on every
        Python."""
        rest = self.rawdata  # what feed() left: it stops at the first unfinished construct
        if rest.startswith("<") and len(rest) > 1 and not self.cdata_elem:
            self._open_at_end(rest)
            self.rawdata = ""
        self.close()

    def _open_at_end(self, rest: str) -> None:
        """The construct opening ``rest``, left open at the end of the text."""
        start = self._offset()
        if rest == "</":
            self._emit(rest, [start, start + 1])
        elif _TAG_OPEN.match(rest) or rest.startswith(("<![CDATA[", "<?")):
            pass  # an unfinished tag, marked section or instruction: none of it is text
        elif rest.startswith("<!--"):
            inner = rest[4:]
            for suffix in ("--!", "--", "-"):
                if inner.endswith(suffix):
                    inner = inner[: -len(suffix)]
                    break
            self.comments.append(Comment(start, self.length, inner))
        elif rest[:9].lower() == "<!doctype":
            pass  # a declaration: not text
        else:  # "</" or "<!" and no tag name: a bogus comment
            self.comments.append(Comment(start, self.length, rest[2:]))

    def result(self) -> HtmlProse:
        return HtmlProse(
            body="".join(self.chars),
            offsets=self.offsets,
            title=self.h1 or self.title,
            comments=self.comments,
        )
