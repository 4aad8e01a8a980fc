"""Claims: the sentences that assert something, each marked attributed or not.

A sentence is a claim unless it is a question, a headline-like fragment (no final stop and
only a few words) or a byline/dateline. It is attributed when an attribution's cue stands
in it, when an attribution's content covers most of it, or when it lies inside a quote
that continues an attributed quote (a quote running on over several paragraphs).
Everything is one pass over the sentences plus one over the attributions' contents.
"""

from __future__ import annotations

import bisect
import re

from sourcecheck.core.analysis.genre import genre_of
from sourcecheck.core.analysis.needs_source import (
    FEATURES,
    ArticleContext,
    Model,
    article_context,
    builtin_model,
    features,
)
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Attribution, Claim, Genre, Quote, Span

QUOTED = FEATURES.index("quoted")

MIN_WORDS_WITHOUT_STOP = 8  # shorter lines with no final stop read as headlines
# A question, or a reported one ('"Is this fair?" she asked'): asks rather than asserts.
_QUESTION = re.compile(r"\?[\"'”’)\]]*(?:\s|\Z)")
_FINAL_STOP = re.compile(r"[.!][\"'”’)\]]*\s*\Z")
_BYLINE = re.compile(r"(?:By|BY|Photo|Image|Credit|Source|Updated|Posted|Published)\b[^.]{0,80}\Z")
_BYLINE_INITIALS = "BCIPSU"  # the first letters of _BYLINE's words


def is_claim(text: str) -> bool:
    """Whether a sentence asserts something (not a question, headline or byline)."""
    # Most sentences hold no "?" and start with none of the byline words' first letters:
    # a substring test each rules a regex out (a regex call costs as much as the rest).
    if "?" in text and _QUESTION.search(text) is not None:
        return False
    if text[:1] in _BYLINE_INITIALS and _BYLINE.match(text):
        return False
    return _has_words(text, 3 if _ends_with_stop(text) else MIN_WORDS_WITHOUT_STOP)


def _has_words(text: str, count: int) -> bool:
    """``len(text.split()) >= count``, splitting off no more words than that asks for
    (a sentence has ~25 words; each split-off word is a new string)."""
    return len(text.split(None, count - 1)) >= count


def _ends_with_stop(text: str) -> bool:
    """``_FINAL_STOP.search(text)`` without trying the regex at every position of the
    sentence: strip trailing space, then closing marks, and look at the last character."""
    return text.rstrip().rstrip(_CLOSING_MARKS).endswith((".", "!"))


_CLOSING_MARKS = "\"'”’)]"


def find_claims(
    body: str,
    sentences: list[Sentence],
    quotes: list[Quote],
    attributions: list[Attribution],
    model: Model | None = None,
) -> tuple[list[Claim], Genre]:
    """The claims of the article, and its genre as the writer's voice shows it."""
    supports = _supporting_attributions(sentences, quotes, attributions)
    model = model or builtin_model()
    context = article_context(body, sentences, quotes, set(supports), model.wording)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        span = sentence.span
        if not is_claim(span.text):
            continue
        support = supports.get(index)
        found = tuple(sorted(support)) if support else ()
        need = 0.0 if found else _needs_source(body, index, context, model)
        # Positional arguments: a record is made for every sentence, and a call by keyword
        # costs it markedly more (docs/performance.md, ninth pass).
        claims.append(Claim(span, index, bool(found), found, round(need, 4)))
    return claims, genre_of(context.writer, len(body), context.attributed_rate)


def _needs_source(body: str, index: int, context: ArticleContext, model: Model) -> float:
    values = features(body, index, context)
    if values[QUOTED] >= 0.5:  # mostly someone's quoted words: the quote is the source
        return 0.0
    return model.probability(values)


def _supporting_attributions(
    sentences: list[Sentence], quotes: list[Quote], attributions: list[Attribution]
) -> dict[int, set[int]]:
    """Sentence index -> indices of the attributions that support it."""
    # Offsets read once into plain lists: _cover runs for every attribution's content.
    starts = [s.span.start for s in sentences]
    ends = [s.span.end for s in sentences]
    supports: dict[int, set[int]] = {}
    # Each attribution's content read once, for _cover and _continued_quotes.
    contents = []
    for position, attribution in enumerate(attributions):
        if attribution.source is None:
            # "X is expected to win", "was asked about": nobody is named, so nothing
            # supports the claim (the attribution finder reports the cue all the same).
            contents.append(None)
            continue
        _support(supports, attribution.sentence, position)
        content = attribution.content
        contents.append(content)
        if content is not None:
            _cover(starts, ends, content.start, content.end, position, supports)
    for start, end, position in _continued_quotes(quotes, contents):
        _cover(starts, ends, start, end, position, supports)
    return supports


def _support(supports: dict[int, set[int]], sentence: int, position: int) -> None:
    # Not setdefault(sentence, set()): that builds a set to throw away on every later call.
    found = supports.get(sentence)
    if found is None:
        supports[sentence] = {position}
    else:
        found.add(position)


def _cover(
    starts: list[int],
    ends: list[int],
    start: int,
    end: int,
    position: int,
    supports: dict[int, set[int]],
) -> None:
    """Mark the sentences that ``[start, end)`` covers at least half of."""
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        index = 0
    count = len(starts)
    # Comparisons, not max() and min() (~1,000 instructions a call, two per sentence).
    while index < count and starts[index] < end:
        span_start, span_end = starts[index], ends[index]
        overlap = (end if end < span_end else span_end) - (
            start if start > span_start else span_start
        )
        if overlap * 2 >= span_end - span_start:
            _support(supports, index, position)
        index += 1


def _continued_quotes(
    quotes: list[Quote], contents: list[Span | None]
) -> list[tuple[int, int, int]]:
    """Parts of multi-paragraph quotes whose first part is attributed: (start, end, who).

    ``contents`` is each attribution's content, in order."""
    owner_of_start: dict[int, int] = {}
    for position, content in enumerate(contents):
        if content is not None:
            owner_of_start.setdefault(content.start, position)
    found: list[tuple[int, int, int]] = []
    owner: int | None = None
    for quote in quotes:
        if quote.nested:
            continue
        span = quote.span
        if not quote.continues:
            owner = owner_of_start.get(span.start)
        elif owner is not None:
            found.append((span.start, span.end, owner))
    return found
