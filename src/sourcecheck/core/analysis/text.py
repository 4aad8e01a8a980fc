"""Paragraphs, sentences and words, the way news copy writes them.

Sentence splitting is one regex pass that proposes a boundary after every ``.``, ``!`` or
``?`` (plus closing quotes and brackets) that is followed by space and a capital, a digit
or an opening quote; only those few candidates are then checked against the abbreviations
news style uses ("Sen.", "Oct.", "U.S.", initials). The cost is linear in the text.
"""

from __future__ import annotations

import re

from sourcecheck.core.analysis.patterns import words
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Span

# The most characters a sentence may hold; a longer stretch without a sentence boundary
# is cut into pieces this long (after a space where there is one). Every sentence-scoped
# step reads up to its whole sentence for each cue, and attributions in one sentence share
# its text: without a bound, text with no stop cost the square of its length. Sentences
# of real news run to a few hundred characters (the longest in PolNeAR: under 1,500).
MAX_SENTENCE = 2_000

# A blank line (possibly holding spaces) separates paragraphs; with no blank line anywhere,
# every line is a paragraph (how many feeds and CMS exports lay text out).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Two or more line breaks, spaces between them. Written to start with a literal "\n" (not
# "(?:\n...){2,}") so the regex engine jumps from newline to newline.
_BLOCK_SPLIT = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_LINE_SPLIT = re.compile(r"\n")

# Opening marks before a word. No "''" beside the class's "'": an alternation holding both
# reads a run of apostrophes in every way of pairing them before it fails (exponential).
_OPENERS = r"(?:[\"'“‘(\[]|``)*"
# A run of "." (in the text as _as_periods writes it) that may end a sentence. A literal
# first character lets re jump from period to period with its fast one-character search,
# where "[.!?…]+" on the body was tried at every position. The lookbehind lets a match
# start only at the first mark of a run: begun at every mark, a failing match scanned the
# rest of the run again from each (quadratic in the run), and a match from inside a run
# ends where one from its first mark does, so it fails alike. The closing marks are one
# class ("''" adds nothing to a class holding "'"); the usual next sentence opens with its
# letter, tried before the openers.
_BOUNDARY = re.compile(r"\.(?<!\.\.)\.*[\"'”’)\]]*(?=\s+(?:[A-Z0-9]|(?:[\"'“‘(\[]|``)+[A-Z0-9]))")
_NEXT_WORD = re.compile(r"\s+" + _OPENERS + r"([A-Za-z0-9]+)")

# Words before a period that never end a sentence: titles and short forms that precede
# a name or a number ("Sen. Warren", "Oct. 12", "No. 2").
_NEVER_FINAL = words(
    """
    mr mrs ms dr sen sens rep reps gov govs gen lt col maj capt sgt cpl adm cmdr pres
    supt det insp atty prof rev fr sr st ft mt hon messrs mmes jan feb mar apr jun jul
    aug sep sept oct nov dec approx dept est vs v e.g i.e cf al
    """
)
# Short forms that can end a sentence, but usually do not: we break after them only when
# the next word is a typical sentence opener ("... in the U.S. The company said").
# "No. 2", "Vol. 3", but "The answer was no."
_BEFORE_NUMBER = words(
    """
    no nos vol vols art fig figs pp
    """
)
_RARELY_FINAL = words(
    """
    inc corp co ltd llc plc bros jr esq etc
    """
)
_SENTENCE_OPENERS = words(
    """
    the a an he she it they we i you his her its their our this that these those there
    but and or so yet still however meanwhile in on at for as after before when while if
    although though since during by with without some many most officials one two mr mrs
    ms
    """
)


_QUOTE_CLOSERS = "\"'”’"
# A capitalised speaker and a speech verb right after a quote that ends in ? or !.
_SPEAKER_FOLLOWS = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|told|added|adds|wrote|writes|"
    r"replied|replies|shouted|tweeted|exclaimed|wondered|continued|insisted|responded)\b"
)


def paragraphs(body: str) -> list[Span]:
    """Non-empty paragraphs, trimmed of surrounding whitespace."""
    splitter = _BLOCK_SPLIT if _BLANK_LINE.search(body) else _LINE_SPLIT
    found: list[Span] = []
    start = 0
    for brk in splitter.finditer(body):
        _add_trimmed(body, start, brk.start(), found)
        start = brk.end()
    _add_trimmed(body, start, len(body), found)
    return found


def _add_trimmed(body: str, start: int, end: int, into: list[Span]) -> None:
    # str.strip runs in C; a regex for "first to last non-space" walks every character.
    piece = body[start:end]
    stripped = piece.lstrip()
    if stripped:
        start += len(piece) - len(stripped)
        into.append(Span.of(body, start, start + len(stripped.rstrip())))


def _is_boundary(body: str, start: int, end: int, paragraph_start: int) -> bool:
    """Whether the punctuation at ``body[start:end]`` ends a sentence."""
    if (
        body[start] in "?!"
        and body[end - 1] in _QUOTE_CLOSERS
        and _SPEAKER_FOLLOWS.match(body, end)
    ):
        return False  # '"Why now?" Mrs. Clinton asked.': the quote's speaker follows
    if body[start] != "." or (end - start > 1 and body[start + 1] == "."):
        return True  # "!", "?", closing quotes after them, and ellipses end sentences
    lowest = max(start - 40, paragraph_start)
    window = body[lowest:start]
    word = window.rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]  # after the last space or newline
    if len(word) == len(window) and lowest > paragraph_start:
        return True  # a 40-character "word": not an abbreviation
    raw = word.lstrip("(\"“'‘[")
    if not raw:
        return True
    token = raw.lower().rsplit("-", 1)[-1]  # "then-Sen."
    if token in _NEVER_FINAL:
        return False
    if token in _BEFORE_NUMBER:
        following = _NEXT_WORD.match(body, end)
        return following is None or not following.group(1)[0].isdigit()
    if len(token) == 1 and token.isalpha() and raw.isupper():
        return False  # an initial: "J. Smith"
    if token in _RARELY_FINAL or "." in token:  # "U.S", "a.m", "Inc"
        following = _NEXT_WORD.match(body, end)
        return following is not None and following.group(1).lower() in _SENTENCE_OPENERS
    return True


def _as_periods(body: str) -> str:
    """``body`` with "!", "?" and "…" written as ".": the same length, so the same offsets.

    _BOUNDARY treats the four marks alike and matches none of them elsewhere, so its
    matches in this text are exactly those of ``[.!?…]+...`` in the body.
    """
    return body.replace("!", ".").replace("?", ".").replace("…", ".")


def sentences_of(
    body: str, paragraph: Span, index: int, into: list[Sentence], periods: str | None = None
) -> None:
    """Append the sentences of one paragraph to ``into``.

    ``periods`` is ``_as_periods(body)``, passed in when several paragraphs are split.
    """
    if periods is None:
        periods = _as_periods(body)
    start = paragraph_start = paragraph.start
    paragraph_end = paragraph.end
    for match in _BOUNDARY.finditer(periods, paragraph_start, paragraph_end):
        if _is_boundary(body, match.start(), match.end(), paragraph_start):
            _add_sentence(body, start, match.end(), index, into)
            start = match.end()
            while body[start].isspace():
                start += 1
    if start < paragraph_end:
        _add_sentence(body, start, paragraph_end, index, into)


def _add_sentence(body: str, start: int, end: int, index: int, into: list[Sentence]) -> None:
    """Append ``body[start:end]`` (trimmed), in pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        cut, resume = _cut(body, start, start + MAX_SENTENCE)
        into.append(Sentence(Span.of(body, start, cut), index))
        start = resume
    # Span(...), not Span.of: one call less for each sentence (docs/performance.md).
    into.append(Sentence(Span(start, end, body[start:end]), index))


def _cut(body: str, start: int, limit: int) -> tuple[int, int]:
    """Where a piece of an over-long sentence ends and the next begins: at the last run of
    whitespace in the second half of ``body[start:limit]``, else (one long word) at
    ``limit``."""
    head = body[start:limit].rsplit(None, 1)[0]  # no space at its end
    cut = start + len(head) if len(head) >= MAX_SENTENCE // 2 else limit
    resume = cut
    while body[resume].isspace():  # the sentence goes on: not all of it is space
        resume += 1
    return cut, resume


def segment(body: str) -> tuple[list[Span], list[Sentence]]:
    """Paragraphs and sentences of ``body``, both in order and non-overlapping."""
    found_paragraphs = paragraphs(body)
    sentences: list[Sentence] = []
    periods = _as_periods(body)
    for index, paragraph in enumerate(found_paragraphs):
        sentences_of(body, paragraph, index, sentences, periods)
    return found_paragraphs, sentences


def count_words(body: str) -> int:
    """Whitespace-separated words: within a fraction of a percent of a word regex on news
    copy (a lone dash counts as a word), without a regex scan of the whole text."""
    return len(body.split())
