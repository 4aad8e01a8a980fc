"""Markdown drafts -> the prose an editor wrote, at the same offsets as in the file.

Every character that is not article text (front matter, code blocks and spans, link
targets, images, URLs, HTML tags and comments, list and quote markers, emphasis marks) is
replaced by a space, and every newline is kept. So ``body[i]`` sits at ``text[i]``: a
scorer's span is a span of the file, and line/column come out right with no offset map,
for ``sourcecheck check`` and ``sourcecheck score`` alike.

markdown-it-py (a CommonMark parser, already installed with rich) decides the block
structure, which is where hand-written regexes go wrong: an indented line is code at the
top level but a continuation inside a list item; a ``---`` can be a rule or a heading
underline. Inline tokens carry no columns, so inline markup is found by a small scanner
that follows CommonMark's precedence (code spans and autolinks before links, links
before emphasis) on the source lines of each prose block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

from sourcecheck.core.errors import InputError

# Only the block structure is needed (inline tokens carry no columns), so the inline pass
# is off: it would double the parse time for nothing.
_PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed
_INLINE_SPECIAL = re.compile(r"[\\`<\[\]]|!\[")

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_LINE_PREFIX = re.compile(r"[ \t>]*")
_LIST_MARKERS = re.compile(r"(?:(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t>]*)+(?:\[[ xX]\][ \t]+)?")
_ATX_OPEN = re.compile(r"#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_TABLE_PIPE = re.compile(r"(?<!\\)\|")

_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_EMAIL_AUTOLINK = re.compile(r"<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*)>")
_HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
_HTML_NOT_PROSE = re.compile(
    r"<(script|style|pre|code|template|svg|math)\b.*?</\1\s*>", re.S | re.I
)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
_BARE_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]]")
_EMPHASIS = re.compile(r"(?<!\\)(?:\*+|_+|~~+)")


@dataclass(frozen=True)
class Comment:
    """An HTML comment outside code: where suppression directives live."""

    start: int
    end: int
    text: str


@dataclass
class MarkdownProse:
    body: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    comments: list[Comment] = field(default_factory=list)


def blank(segment: str) -> str:
    """``segment`` with every character but newlines turned into a space."""
    return "\n".join(" " * len(part) for part in segment.split("\n"))


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (as a dict) and the text with the front matter blanked.

    The front matter's lines stay as blank lines, so offsets into the returned text are
    offsets into the file.
    """
    end = _front_matter_end(text, source)
    if end == 0:
        return {}, text
    opening = _FRONT_OPEN.match(text)
    assert opening is not None  # _front_matter_end found it
    closing = _FRONT_CLOSE.search(text, opening.end())
    assert closing is not None
    front = _parse_yaml(text[opening.end() : closing.start()], source)
    return front, blank(text[:end]) + text[end:]


def _front_matter_end(text: str, source: str) -> int:
    """Where the front matter (with its closing line) ends; 0 when there is none."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        raise InputError(source, "front matter opened with '---' is never closed", 1)
    return closing.end()


def _parse_yaml(block: str, source: str) -> dict[str, Any]:
    try:
        front = yaml.load(block, Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(
            source, f"front matter is not valid YAML: {exc}".split("\n")[0], line
        ) from None
    except Exception as exc:
        # A value the YAML parser accepts but cannot build: 'published: 2020-13-45' is a
        # ValueError, a malformed !!timestamp an AttributeError. One bad draft, never more.
        raise InputError(
            source, f"front matter has a value that cannot be read: {exc}".split("\n")[0]
        ) from None
    if not isinstance(front, dict):
        raise InputError(source, "front matter must be a YAML mapping", 1)
    return front


def markdown_prose(text: str, source: str) -> MarkdownProse:
    """The prose of a Markdown document (``\\n`` line endings), offsets kept."""
    front, work = split_front_matter(text, source)
    env: dict[str, Any] = {}
    tokens = _PARSER.parse(work, env)
    references = set(env.get("references", {}))
    builder = _ProseBuilder(work, references)
    title = ""
    marker_lines = {t.map[0] for t in tokens if t.type == "list_item_open" and t.map}
    done: set[tuple[int, int]] = set()
    for index, token in enumerate(tokens):
        if token.type == "html_block" and token.map:
            builder.add_html_block(*token.map)
        if token.type != "inline" or not token.map or tuple(token.map) in done:
            continue
        done.add((token.map[0], token.map[1]))
        opener = tokens[index - 1] if index else None
        heading = opener is not None and opener.type == "heading_open"
        table = opener is not None and opener.type in ("th_open", "td_open")
        builder.add_block(token.map[0], token.map[1], marker_lines, heading=heading, table=table)
        if index == 1 and _is_title(opener):
            title = builder.take_title(token.map[0], token.map[1])
    return MarkdownProse(
        body=builder.body(), front_matter=front, title=title, comments=builder.comments
    )


def _is_title(opener: Token | None) -> bool:
    """The document opens with a level-1 heading: the headline, not body text."""
    return opener is not None and opener.type == "heading_open" and opener.tag == "h1"


class _ProseBuilder:
    """Starts from an all-blank copy of the text and restores the prose into it."""

    def __init__(self, text: str, references: set[str]) -> None:
        self.text = text
        self.references = references
        self.out = list(blank(text))
        self.comments: list[Comment] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def restore(self, start: int, end: int) -> None:
        self.out[start:end] = self.text[start:end]

    def erase(self, start: int, end: int) -> None:
        self.out[start:end] = blank(self.text[start:end])

    def body(self) -> str:
        return "".join(self.out)

    def add_block(
        self, first: int, last: int, marker_lines: set[int], *, heading: bool, table: bool
    ) -> None:
        """Restore the lines ``[first, last)`` of one prose block, minus their markup."""
        for line in range(first, last):
            start, end = self._line_bounds(line)
            content = self._prefix_end(start, end, line in marker_lines)
            if heading:
                content = self._strip_atx(content, end)
            self.restore(content, end)
            if table:
                for pipe in _TABLE_PIPE.finditer(self.text, content, end):
                    self.erase(pipe.start(), pipe.end())
        block_start = self._line_bounds(first)[0]
        block_end = self._line_bounds(last - 1)[1]
        self._erase_inline(block_start, block_end)

    def _prefix_end(self, start: int, end: int, marker_line: bool) -> int:
        """Skip indentation, '>' quote markers and (on an item's first line) list markers."""
        match = _LINE_PREFIX.match(self.text, start, end)
        position = match.end() if match else start
        if marker_line:
            markers = _LIST_MARKERS.match(self.text, position, end)
            if markers:
                position = markers.end()
        return position

    def _strip_atx(self, start: int, end: int) -> int:
        opening = _ATX_OPEN.match(self.text, start, end)
        if opening is None:
            return start
        closing = _ATX_CLOSE.search(self.text, opening.end(), end)
        if closing:
            self.erase(closing.start(), end)
        return opening.end()

    def take_title(self, first: int, last: int) -> str:
        """The headline's words, then blank its lines: it is the title, not the body."""
        start, end = self._line_bounds(first)[0], self._line_bounds(last - 1)[1]
        title = " ".join("".join(self.out[start:end]).split())
        self.erase(start, end)
        return title

    def add_html_block(self, first: int, last: int) -> None:
        """Text between the tags of an HTML block is prose; tags, comments, code are not."""
        start, end = self._line_bounds(first)[0], self._line_bounds(last - 1)[1]
        self.restore(start, end)
        for match in _HTML_COMMENT.finditer(self.text, start, end):
            self.comments.append(Comment(match.start(), match.end(), match.group(1)))
        for pattern in (_HTML_COMMENT, _HTML_NOT_PROSE, _HTML_TAG):
            self._erase_pattern(pattern, start, end)

    # -- inline ------------------------------------------------------------------------

    def _erase_inline(self, start: int, end: int) -> None:
        text = self.text
        jumps: dict[int, int] = {}
        i = start
        while i < end:
            special = _INLINE_SPECIAL.search(text, i, end)
            if special is None:
                break
            i = special.start()
            if i in jumps:
                i = jumps.pop(i)
                continue
            char = text[i]
            if char == "\\":
                i = self._escape(i, end)
            elif char == "`":
                i = self._code_span(i, end)
            elif char == "<":
                i = self._angle(i, end)
            elif char == "!" and text.startswith("[", i + 1):
                i = self._image(i, end)
            elif char == "[":
                i = self._link(i, end, jumps)
            else:
                i += 1
        block = text[start:end]
        if "http" in block or "www." in block:  # cheap tests first: most blocks have none
            self._erase_pattern(_BARE_URL, start, end)
        if "*" in block or "_" in block or "~" in block:
            self._erase_emphasis(start, end)

    def _escape(self, i: int, end: int) -> int:
        following = self.text[i + 1] if i + 1 < end else ""
        if following in _PUNCTUATION or following == "\n":
            self.erase(i, i + 1)
            return i + 2
        return i + 1

    def _code_span(self, i: int, end: int) -> int:
        run = _run_length(self.text, i, "`", end)
        close = _closing_backticks(self.text, i + run, run, end)
        stop = close + run if close is not None else i + run
        self.erase(i, stop)
        return stop

    def _angle(self, i: int, end: int) -> int:
        for pattern in (_HTML_COMMENT, _AUTOLINK, _EMAIL_AUTOLINK, _HTML_TAG):
            match = pattern.match(self.text, i, end)
            if match:
                if pattern is _HTML_COMMENT:
                    self.comments.append(Comment(match.start(), match.end(), match.group(1)))
                self.erase(match.start(), match.end())
                return match.end()
        return i + 1

    def _image(self, i: int, end: int) -> int:
        link = _link_extent(self.text, i + 1, end, self.references)
        if link is None:
            return i + 1
        self.erase(i, link[1])
        return link[1]

    def _link(self, i: int, end: int, jumps: dict[int, int]) -> int:
        footnote = _FOOTNOTE.match(self.text, i, end)
        if footnote:
            self.erase(i, footnote.end())
            return footnote.end()
        link = _link_extent(self.text, i, end, self.references)
        if link is None:
            return i + 1
        close, stop = link
        # Keep the link text (it is prose); drop the brackets and the target.
        self.erase(i, i + 1)
        self.erase(close, stop)
        jumps[close] = stop
        return i + 1

    def _erase_pattern(self, pattern: re.Pattern[str], start: int, end: int) -> None:
        for match in pattern.finditer(self.text, start, end):
            self.erase(match.start(), match.end())

    def _erase_emphasis(self, start: int, end: int) -> None:
        text = self.text
        for match in _EMPHASIS.finditer(text, start, end):
            before = text[match.start() - 1] if match.start() > 0 else " "
            after = text[match.end()] if match.end() < len(text) else " "
            if before.isspace() and after.isspace():
                continue  # a lone '*' between spaces is a literal character
            if match.group()[0] == "_" and before.isalnum() and after.isalnum():
                continue  # snake_case: intraword underscores are not emphasis
            self.erase(match.start(), match.end())


def _run_length(text: str, i: int, char: str, end: int) -> int:
    j = i
    while j < end and text[j] == char:
        j += 1
    return j - i


def _closing_backticks(text: str, i: int, run: int, end: int) -> int | None:
    """Start of the next backtick run of exactly ``run`` backticks, if any."""
    while i < end:
        i = text.find("`", i, end)
        if i == -1:
            return None
        length = _run_length(text, i, "`", end)
        if length == run:
            return i
        i += length
    return None


def _matching_bracket(text: str, i: int, end: int) -> int | None:
    """The ``]`` closing the ``[`` at ``i``, skipping escapes and code spans."""
    depth = 0
    j = i
    while j < end:
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if char == "`":
            run = _run_length(text, j, "`", end)
            close = _closing_backticks(text, j + run, run, end)
            j = close + run if close is not None else j + run
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _closing_paren(text: str, i: int, end: int) -> int | None:
    """The ``)`` closing the ``(`` at ``i`` (a link destination and optional title)."""
    depth = 0
    j = i
    quote: str | None = None
    while j < end:
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and text[j - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _link_extent(text: str, i: int, end: int, references: set[str]) -> tuple[int, int] | None:
    """For a ``[`` at ``i`` that opens a link: (index of its ``]``, end of the link)."""
    close = _matching_bracket(text, i, end)
    if close is None:
        return None
    after = close + 1
    if after < end and text[after] == "(":
        paren = _closing_paren(text, after, end)
        return (close, paren + 1) if paren is not None else None
    if after < end and text[after] == "[":
        label_end = text.find("]", after + 1, end)
        if label_end != -1:
            label = text[after + 1 : label_end] or text[i + 1 : close]
            if normalizeReference(label) in references:
                return close, label_end + 1
    if normalizeReference(text[i + 1 : close]) in references:
        return close, after  # a shortcut reference link: [label]
    return None
