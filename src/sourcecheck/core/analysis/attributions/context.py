"""What the stages of the attribution finder share: a cue's context, the attribution
being built, and the index of the article's quotes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sourcecheck.core.models import Quote, Span

WINDOW = 240  # characters before a cue searched for its source and its role
# Cues read in one sentence; later ones are passed over. Each reads up to its whole
# sentence and may take most of it as content, so an adversary's run of cues cost the
# square of the sentence in time and in text held. News sentences hold a few cues (at
# most 12 in PolNeAR's 1,190 texts).
MAX_CUES_PER_SENTENCE = 32
_TERMINAL = ".!?;:,—–- \t\n"  # stripped from the end of a clause


@dataclass(slots=True)
class Found:
    """An attribution while the finder is still working on it (offsets, not spans)."""

    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: int
    role: str | None = None
    direct: bool = False
    marker: str = ""  # "according", "citing" or "quoted": a second-hand report
    in_quote: bool = False
    via: int | None = None
    kind: str = ""  # the report verb's kind in the lexicon ("speech", "cognition", ...)
    role_span: tuple[int, int] | None = None  # where the words of ``role`` are


@dataclass(slots=True)
class Cue:
    """One cue being read: what every step of the reading needs, in one place.

    Slotted, not frozen: a frozen dataclass's ``__init__`` pays ``object.__setattr__``
    per field, and one is built for every cue read (a NamedTuple measured dearer still).
    """

    body: str
    start: int  # the cue's words
    end: int
    index: int  # the sentence's index
    sentence: Span
    quotes: QuoteIndex  # top-level quotes of the article
    found: list[Found]  # attributions read so far: "..., adding" takes the last one's source
    lower: str  # the cue's words, lower-cased, spaces collapsed

    def reading(
        self,
        cue: tuple[int, int],
        source: tuple[int, int] | None,
        content: tuple[int, int] | None,
        *,
        role: str | None = None,
        role_span: tuple[int, int] | None = None,
        marker: str = "",
    ) -> Found:
        """An attribution read in this cue's sentence, direct when its content holds a quote."""
        return Found(
            cue=cue,
            source=source,
            content=content,
            sentence=self.index,
            role=role,
            direct=content is not None and self.quotes.any_within(*content),
            marker=marker,
            role_span=role_span,
        )


@dataclass(slots=True)
class Speaker:
    """Where a cue's source is, and where the words of the attribution end."""

    source: tuple[int, int]
    clause_end: int  # after the cue, or after an inverted source and its role
    role: str | None = None
    role_span: tuple[int, int] | None = None
    inverted: bool = False  # "said Smith": the source follows the cue


class QuoteIndex:
    """Quotes looked up by start, by end, and 'is this offset inside a quote'."""

    def __init__(self, quotes: list[Quote]) -> None:
        # (start, end) pairs: the form the finder's offsets take.
        spans = [(span.start, span.end) for span in (q.span for q in quotes)]
        self.by_start = {span[0]: span for span in spans}
        self.by_end = {span[1]: span for span in spans}
        self.bounds = [(inner.start, inner.end) for inner in (q.inner for q in quotes)]
        self.starts = [span[0] for span in spans]
        self._cursor = 0

    def any_within(self, start: int, end: int) -> bool:
        """Whether a quote starts inside ``[start, end)`` (the content quotes someone)."""
        index = bisect.bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end

    def starts_at(self, offset: int) -> tuple[int, int] | None:
        """The span of the quote starting at ``offset``."""
        return self.by_start.get(offset)

    def ends_at(self, offset: int) -> tuple[int, int] | None:
        """The span of the quote ending at ``offset`` (or just after it)."""
        quote = self.by_end.get(offset)
        if quote is None and offset + 1 in self.by_end:
            quote = self.by_end[offset + 1]  # '"...,"' ends one past the comma we stopped at
        return quote

    def enclosing(self, offset: int) -> tuple[int, int] | None:
        """The inner bounds of the quote around ``offset``; offsets must come in order."""
        while self._cursor < len(self.bounds) and self.bounds[self._cursor][1] <= offset:
            self._cursor += 1
        if self._cursor < len(self.bounds) and self.bounds[self._cursor][0] <= offset:
            return self.bounds[self._cursor]
        return None


# str.strip in C rather than a loop a character: the spans are often long.
def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace around it (empty at ``end`` if all space)."""
    text = body[start:end]
    trimmed = text.lstrip()
    start = end - len(trimmed)
    return start, start + len(trimmed.rstrip())


def clause_span(body: str, start: int, end: int) -> tuple[int, int] | None:
    """``body[start:end]`` without surrounding space and the sentence's final stop."""
    text = body[start:end]
    clause = text.lstrip()
    start = end - len(clause)
    clause = clause.rstrip().rstrip(_TERMINAL)
    return (start, start + len(clause)) if clause else None
