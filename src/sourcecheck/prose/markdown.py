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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
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
_TABLE_PIPE = re.compile(r"(?<!\\)\|")

# An HTML comment is "<!--", then everything up to the first "-->": found with str.find
# (see _Marks), not a lazy regex, which scanned to the end of the text from every "<!--"
# that has no "-->" after it.
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_EMAIL_AUTOLINK = re.compile(r"<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*)>")
_HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
# An element whose content is not prose: the opening tag, then everything up to the first
# closing tag of the same name (found by _Marks, once per name rather than from every
# opening tag).
_NOT_PROSE_OPEN = re.compile(r"<(script|style|pre|code|template|svg|math)\b", re.I)
# A footnote reference or definition: "[^", then a label up to the first "]" or space, which
# must be "]" (then an optional ":"). Found by _Marks.footnote_end: a regex read the label
# from every "[^" of a run to the end of the run.
_FOOTNOTE_END = re.compile(r"[\]\s]")
# Brackets and parentheses nested deeper than this open no link (markdown-it stops at the
# same depth): a scan for the closing one is then bounded by 32 unclosed openers, so a run
# of "[" or "](" no longer costs the square of its length.
MAX_NESTING = 32
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
        self.marks = _Marks(text)

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
        closing = _atx_closing(self.text, opening.end(), end)
        if closing is not None:
            self.erase(closing, end)
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
        comments = list(self.marks.comments(start, end))
        self.comments.extend(comments)
        for comment in comments:
            self.erase(comment.start, comment.end)
        for element_start, element_end in self.marks.not_prose(start, end):
            self.erase(element_start, element_end)
        self._erase_pattern(_HTML_TAG, start, end)

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
        close = self.marks.closing_backticks(i + run, run, end)
        stop = close + run if close is not None else i + run
        self.erase(i, stop)
        return stop

    def _angle(self, i: int, end: int) -> int:
        comment = self.marks.comment_at(i, end)
        if comment is not None:
            self.comments.append(comment)
            self.erase(comment.start, comment.end)
            return comment.end
        for pattern in (_AUTOLINK, _EMAIL_AUTOLINK, _HTML_TAG):
            match = pattern.match(self.text, i, end)
            if match:
                self.erase(match.start(), match.end())
                return match.end()
        return i + 1

    def _image(self, i: int, end: int) -> int:
        link = _link_extent(self.text, i + 1, end, self.references, self.marks)
        if link is None:
            return i + 1
        self.erase(i, link[1])
        return link[1]

    def _link(self, i: int, end: int, jumps: dict[int, int]) -> int:
        footnote = self.marks.footnote_end(i, end)
        if footnote is not None:
            self.erase(i, footnote)
            return footnote
        link = _link_extent(self.text, i, end, self.references, self.marks)
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


class _Marks:
    """Where the closers of a text are: backtick runs by length, comment ends, closing tags.

    Each opener used to search the rest of its block for its closer, so a run of openers
    with no closer cost the square of its length. Backtick runs are listed once; other
    closers are found with str.find or one regex search, and the answer is kept for the
    next opener, which finds the same closer unless it comes after it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: dict[int, list[int]] | None = None  # run length -> starts, in order
        # (search from, search end, found at or -1) of the last search for each closer
        self._found: dict[str, tuple[int, int, int]] = {}

    def closing_backticks(self, i: int, run: int, end: int) -> int | None:
        """Start of the first run of exactly ``run`` backticks at or after ``i`` that starts
        before ``end``; ``i`` is not inside a run (callers pass the end of one). Runs hold
        no newline, so none crosses ``end`` (a line end)."""
        if self._runs is None:
            self._runs = {}
            for match in re.finditer("`+", self.text):
                self._runs.setdefault(match.end() - match.start(), []).append(match.start())
        starts = self._runs.get(run, [])
        index = bisect_left(starts, i)
        return starts[index] if index < len(starts) and starts[index] < end else None

    def _find(self, closer: str, pattern: re.Pattern[str] | None, i: int, end: int) -> int:
        """Where ``closer`` (or a match of ``pattern``) first is in ``text[i:end]``, or -1."""
        searched = self._found.get(closer)
        if searched is not None:
            start, searched_end, at = searched
            if start <= i and searched_end == end and (at == -1 or at >= i):
                return at
        if pattern is None:
            at = self.text.find(closer, i, end)
        else:
            match = pattern.search(self.text, i, end)
            at = match.start() if match is not None else -1
        self._found[closer] = (i, end, at)
        return at

    def footnote_end(self, i: int, end: int) -> int | None:
        """Where the footnote reference or definition at ``i`` ends, if one is there."""
        if not self.text.startswith("[^", i):
            return None
        label = i + 2
        close = self._find("]", _FOOTNOTE_END, label, end)
        if close <= label or self.text[close] != "]":
            return None  # no label, or a space (or the end) before any "]"
        return close + 2 if self.text.startswith(":", close + 1) and close + 1 < end else close + 1

    def comment_at(self, i: int, end: int) -> Comment | None:
        """The HTML comment opening at ``i`` and closed before ``end``, if there is one."""
        if not self.text.startswith(_COMMENT_OPEN, i):
            return None
        inner = i + len(_COMMENT_OPEN)
        close = self._find(_COMMENT_CLOSE, None, inner, end)
        if close == -1:
            return None
        return Comment(i, close + len(_COMMENT_CLOSE), self.text[inner:close])

    def comments(self, start: int, end: int) -> Iterator[Comment]:
        """The HTML comments in ``text[start:end]``, in order, none inside another."""
        while True:
            opening = self.text.find(_COMMENT_OPEN, start, end)
            comment = self.comment_at(opening, end) if opening != -1 else None
            if comment is None:
                return  # no "-->" after this "<!--": none after a later one either
            yield comment
            start = comment.end

    def not_prose(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Spans of the script, style, code ... elements in ``text[start:end]``: from an
        opening tag to the first closing tag of its name (any case), none inside another."""
        position = start
        while True:
            opening = _NOT_PROSE_OPEN.search(self.text, position, end)
            if opening is None:
                return
            name = opening.group(1).lower()
            closing = _closing_tag(name)
            at = self._find(f"</{name}", closing, opening.end(), end)
            if at == -1:
                position = opening.start() + 1  # unclosed: what follows may still be prose
                continue
            closed = closing.match(self.text, at, end)
            assert closed is not None  # the search found it there
            yield opening.start(), closed.end()
            position = closed.end()


def _atx_closing(text: str, start: int, end: int) -> int | None:
    """Where the closing "#"s of an ATX heading line begin, with the spaces before them:
    the first match of ``[ \t]+#+[ \t]*$`` in ``text[start:end]``, read from the end of the
    line (searched, that regex scanned a run of spaces again from each of them)."""
    line = text[start:end]
    without_space = line.rstrip(" \t")
    without_hashes = without_space.rstrip("#")
    before = without_hashes.rstrip(" \t")
    if len(without_hashes) == len(without_space) or len(before) == len(without_hashes):
        return None  # no closing "#", or no space before it
    return start + len(before)


@cache
def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.I)


def _matching_bracket(text: str, i: int, end: int, marks: _Marks) -> int | None:
    """The ``]`` closing the ``[`` at ``i``, skipping escapes and code spans; None when
    there is none, or the brackets nest deeper than MAX_NESTING first."""
    depth = 0
    j = i
    while j < end:
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if char == "`":
            run = _run_length(text, j, "`", end)
            close = marks.closing_backticks(j + run, run, end)
            j = close + run if close is not None else j + run
            continue
        if char == "[":
            depth += 1
            if depth > MAX_NESTING:
                return None
        elif char == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _closing_paren(text: str, i: int, end: int) -> int | None:
    """The ``)`` closing the ``(`` at ``i`` (a link destination and optional title); None
    when there is none, or the parentheses nest deeper than MAX_NESTING first."""
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
            if depth > MAX_NESTING:
                return None
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _link_extent(
    text: str, i: int, end: int, references: set[str], marks: _Marks
) -> tuple[int, int] | None:
    """For a ``[`` at ``i`` that opens a link: (index of its ``]``, end of the link)."""
    close = _matching_bracket(text, i, end, marks)
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
