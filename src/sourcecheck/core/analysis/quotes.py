"""Direct quotes: straight, curly and doubled-apostrophe marks, nested and multi-paragraph.

One pass over the double quote marks decides for each mark whether it opens or closes,
from the glyph and from what stands on either side of it. News style runs a long quote
over several paragraphs by leaving the paragraph open and starting the next one with an
opening mark; each paragraph's part becomes its own ``Quote`` with ``continues`` set on
the parts after the first. A mark left open that does not reopen is dropped (a typo, not
a quote). Single marks are quotes only as a pair around words (``'big'``); apostrophes
(don't, '90s, students') never are.
"""

from __future__ import annotations

import re

from sourcecheck.core.analysis.text import paragraphs as find_paragraphs
from sourcecheck.core.models import Quote, Span

# ``''|``|["“”„«»]``, written to open with one character class so that re jumps from
# mark to mark instead of trying the alternation at every position: a
# doubled apostrophe or backtick needs its second half, any other mark stands alone.
_DOUBLE_MARK = re.compile(r"[\"“”„«»'`](?:(?<=')'|(?<=`)`|(?<=[\"“”„«»]))")
_ALWAYS_OPEN = frozenset(["“", "„", "``", "«"])
_ALWAYS_CLOSE = frozenset(["”", "»"])
_BEFORE_OPENING = frozenset(" \t\n\r([{—–-/:;")
_AFTER_CLOSING = frozenset(" \t\n\r)]}.,;:!?—–-/")
_ONE_CHARACTER_MARKS = '"“”„«»'
# A single-quoted stretch: opens before a letter, closes after a word or punctuation and
# before a non-letter; apostrophes inside words (don't) may occur within it.
_AFTER_SINGLE_OPENER = (
    r"(?<![\w’'‘][‘'])(?=[^\W\d_])((?:[^'‘’\n\"“”]|(?<=\w)['’](?=\w))+?)(?<=[\w.,!?;:])['’](?![\w])"
)
_SINGLE = re.compile(r"[‘']" + _AFTER_SINGLE_OPENER)
# The same for a text holding only one of the two openers: a literal first character
# lets re jump from one to the next, where a character class is tried at every position
# (most articles use only straight or only curly marks).
_SINGLE_OPENED_BY = {
    "'": re.compile("'" + _AFTER_SINGLE_OPENER),
    "‘": re.compile("‘" + _AFTER_SINGLE_OPENER),
}


def _opens(body: str, start: int, end: int, is_open: bool) -> bool:
    """Whether the mark at ``body[start:end]`` opens a quote, given what is open already."""
    mark = body[start:end]
    before = body[start - 1] if start > 0 else "\n"
    after = body[end] if end < len(body) else "\n"
    opening_context = before in _BEFORE_OPENING and not after.isspace()
    closing_context = after in _AFTER_CLOSING and not before.isspace()
    if mark in _ALWAYS_OPEN:
        return not (closing_context and not opening_context and is_open)
    if mark in _ALWAYS_CLOSE:
        return opening_context and not closing_context and not is_open
    if opening_context != closing_context:
        return opening_context
    return not is_open  # no clue either way: toggle


def _quote(
    body: str,
    start: int,
    end: int,
    open_len: int,
    close_len: int,
    *,
    continues: bool = False,
    nested: bool = False,
) -> Quote:
    inner_start, inner_end = start + open_len, end - close_len
    if inner_end < inner_start:
        inner_end = inner_start
    # Positional arguments and Span(...), not Span.of, as for every record made by the
    # dozen (see claims).
    inner = Span(inner_start, inner_end, body[inner_start:inner_end])
    return Quote(Span(start, end, body[start:end]), inner, continues, nested)


def _double_marks(body: str) -> list[tuple[int, int]]:
    """(start, end) of every double quote mark: what ``_DOUBLE_MARK.finditer`` finds."""
    if "''" in body or "``" in body:
        return [match.span() for match in _DOUBLE_MARK.finditer(body)]
    # Only one-character marks: str.find (memchr) finds each kind far faster than re
    # tries a character class at every position, and most kinds do not occur at all.
    starts: list[int] = []
    for mark in _ONE_CHARACTER_MARKS:
        start = body.find(mark)
        while start >= 0:
            starts.append(start)
            start = body.find(mark, start + 1)
    starts.sort()
    return [(start, start + 1) for start in starts]


def _double_quotes(body: str, paragraphs: list[Span]) -> list[Quote]:
    found: list[Quote] = []
    open_at: int | None = None
    open_len = 0
    open_para = -1
    continues = False
    para = 0
    for start, end in _double_marks(body):
        while para + 1 < len(paragraphs) and paragraphs[para].end <= start:
            para += 1
        if open_at is not None and para != open_para:
            reopens = (
                para == open_para + 1
                and start == paragraphs[para].start
                and _opens(body, start, end, False)
            )
            if reopens:
                # A multi-paragraph quote: close this paragraph's part at its end.
                end_of_part = paragraphs[open_para].end
                found.append(_quote(body, open_at, end_of_part, open_len, 0, continues=continues))
                open_at, open_len, open_para, continues = start, end - start, para, True
                continue
            open_at, continues = None, False  # never closed: drop it
        if _opens(body, start, end, open_at is not None):
            open_at, open_len, open_para = start, end - start, para
            continues = False
        elif open_at is not None:
            found.append(_quote(body, open_at, end, open_len, end - start, continues=continues))
            open_at, continues = None, False
    return found


def _single_quotes(body: str, doubles: list[Quote]) -> list[Quote]:
    """Single-quoted stretches inside a double quote, or outside every double quote."""
    found: list[Quote] = []
    pattern = _single_pattern(body)
    if pattern is None:
        return found
    for match in pattern.finditer(body):
        start, end = match.span()
        container = _container(doubles, start, end)
        if container is False:
            continue  # straddles a double quote's edge: not a real pair
        found.append(_quote(body, start, end, 1, 1, nested=container is True))
    return found


def _single_pattern(body: str) -> re.Pattern[str] | None:
    """_SINGLE, its literal-led twin when only one of its openers occurs in ``body``, or
    None when neither does."""
    straight, curly = "'" in body, "‘" in body
    if straight and curly:
        return _SINGLE
    if straight or curly:
        return _SINGLE_OPENED_BY["'" if straight else "‘"]
    return None


def _container(doubles: list[Quote], start: int, end: int) -> bool | None:
    """True if inside a double quote, None if outside all, False if crossing one."""
    lo, hi = 0, len(doubles)
    while lo < hi:  # the last double quote starting at or before ``start``
        mid = (lo + hi) // 2
        if doubles[mid].span.start <= start:
            lo = mid + 1
        else:
            hi = mid
    if lo and doubles[lo - 1].span.end > start:
        return doubles[lo - 1].span.end >= end
    if lo < len(doubles) and doubles[lo].span.start < end:
        return False
    return None


def find_quotes(body: str, paragraphs: list[Span] | None = None) -> list[Quote]:
    """Every direct quote in ``body``, in order of start (a nested quote after its host)."""
    if paragraphs is None:
        paragraphs = find_paragraphs(body)
    doubles = _double_quotes(body, paragraphs)
    singles = _single_quotes(body, doubles)
    if not singles:
        return doubles
    return sorted([*doubles, *singles], key=lambda q: (q.span.start, -q.span.end))
