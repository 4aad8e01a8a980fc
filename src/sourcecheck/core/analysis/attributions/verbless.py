"""Cues without a report verb: "In a poll, ..." and a headline's "Name: what they said".

News attributes figures to a poll with a preposition ("In a Pew survey released Monday, 60
percent ...") and headlines attribute with a colon ("Ryan: FBI decision defies
explanation", a transcript's "TAPPER: Do you think ..."). Neither has a word the
report-verb pattern can find, so each is found from its own anchor at the start of a
sentence: "In" and a poll word; a colon near the start of a paragraph.
"""

from __future__ import annotations

import bisect
import re

from sourcecheck.core.analysis.attributions.content import _following_quote
from sourcecheck.core.analysis.attributions.context import Cue, Found, clause_span, trim_span
from sourcecheck.core.analysis.attributions.source import subject_of
from sourcecheck.core.analysis.patterns import words

_POLL = re.compile(r"(?<![\w'’-])(?:polls?|polling|surveys?)(?![\w'’-])")
# "In" opening a sentence, then up to eight words and the poll word, none of the words a
# clause's ("In Iowa, where polls", "In the race that polls ...").
_IN_POLL = re.compile(
    r"In\s+(?:(?!(?i:in|which|that|where|who|when|while|and|or|but|as|is|was|are|were|has|"
    r"have|had|to|after|before|than|if|because)\b)[^\s,.;:()\"“”]+\s+){0,8}?"
    r"(?:polls?|polling|surveys?)(?![\w'’-])"
)
# What may follow the poll word inside the source: who made it, whom it asked, when (a
# comma only as a thousands separator: "a poll of 1,001 likely voters").
_POLL_TAIL = re.compile(
    r"(?:\s+(?:of|from|by|for|conducted|released|taken|published|out|last|this|earlier|"
    r"on)\b(?:[^,.;:()\"“”]|(?<=\d),(?=\d{3}(?!\d))){0,60}?)?"
    r"(?=\s*(?:(?<!\d),|,(?!\d{3}(?!\d))|[.;:()\"“”]|\Z))"
)


def poll_cues(body: str, copy: bytes, starts: list[int]) -> list[tuple[int, int]]:
    """Every "In" opening a sentence with a phrase naming a poll ("In the latest CNN poll,").

    Only there: in mid-sentence ("trails in the polls") PolNeAR marks "in" a fourth of the
    time. The word is found in the candidate copy (``copy``: see ``candidate_copy``), where
    a bytes search is cheapest."""
    found = []
    start = copy.find(b" In ")
    while start >= 0:
        index = bisect.bisect_left(starts, start)
        if index < len(starts) and starts[index] == start and _IN_POLL.match(body, start):
            found.append((start, start + 2))
        start = copy.find(b" In ", start + 3)
    return found


def read_in_poll(cue: Cue) -> Found | None:
    """'In a CNN poll released Monday, 31% said ...': the poll is the source, what follows
    the comma the content."""
    body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
    poll = _POLL.search(body, end, sentence.end)
    if poll is None:
        return None
    tail = _POLL_TAIL.match(body, poll.end(), sentence.end)
    src_end = tail.end() if tail is not None else poll.end()
    if not body.startswith(",", src_end):
        return None
    content = clause_span(body, src_end + 1, sentence.end)
    if content is None:
        return None
    src_start = trim_span(body, end, src_end)[0]
    return cue.reading((start, end), (src_start, src_end), content)


# A headline's or a transcript's speaker: one to six words, the first and last capitalised,
# the others capitalised or small ("Clinton to Planned Parenthood:").
_HEADLINE_SPEAKER = re.compile(
    r"[\"“'‘]?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&/-]*|of|on|to|the|and|for|at|in)){0,5}"
)
_STATEMENT_AFTER = re.compile(r"[ \t]+[^\d\s]")
_SPEAKER_REACH = 48  # how far into a paragraph its colon may stand
# Labels that open a line with a colon and name no one ("Update:", "Related:").
_LABELS = words(
    """
    update updated related note editor correction watch video photo photos read more also
    click advertisement transcript source sources image credit caption by q a question
    answer warning breaking exclusive live analysis opinion commentary editorial review
    latest twitter facebook follow contributing byline email so name wow look boom busted
    revealed bombshell notice poll polls survey study report reports
    """
)

# First words of a section heading, not of a name ("The Bottom Line:", "Why It Matters:",
# "Key Points:", "Here's what we know:").
_HEADING_OPENERS = words(
    """
    the a an why what how when where who which here's heres here key bottom top more
    five three four ten
    """
)


def headline_colons(body: str, datelines: frozenset[str]) -> list[tuple[int, int]]:
    """The colon after a speaker opening a paragraph ("Ryan: ...", "FALLIN: ...").

    ``datelines`` are the lower-cased places and seats of government the lexicons know: a
    line that is one of them ("WASHINGTON:") is a dateline, not a speaker. Found from the
    colons (a few an article, found in C), not from the paragraphs."""
    found = []
    colon = body.find(":")
    while colon >= 0:
        if headline_colon(body, colon, datelines):
            found.append((colon, colon + 1))
        elif _QUOTE_AFTER.match(body, colon + 1):
            found.append((colon, colon + 1))  # 'Trump went further: "If he ..."'
        colon = body.find(":", colon + 1)
    return found


def headline_colon(body: str, colon: int, datelines: frozenset[str]) -> bool:
    """Whether the colon at ``colon`` follows a speaker opening its line ("Ryan: ...")."""
    line_start = body.rfind("\n", colon - _SPEAKER_REACH if colon > _SPEAKER_REACH else 0, colon)
    if (line_start < 0 and colon >= _SPEAKER_REACH) or not _STATEMENT_AFTER.match(body, colon + 1):
        return False
    speaker = _HEADLINE_SPEAKER.fullmatch(body, line_start + 1, colon)
    return speaker is not None and _names_someone(speaker.group(), datelines)


# An opening quote after a colon, on its line or opening the next paragraph.
_QUOTE_AFTER = re.compile(r"[ \t]*(?:\n\s*)?(?:[\"“]|'')")


def _names_someone(words: str, datelines: frozenset[str]) -> bool:
    last = words.split()[-1].strip("\"“'‘")
    first = words.split()[0].strip("\"“'‘").lower().replace("’", "'")
    return (
        last[:1].isupper()
        and first not in _LABELS
        and first not in _HEADING_OPENERS
        and last.lower() not in _LABELS
        and " ".join(words.strip("\"“'‘").split()).lower() not in datelines
    )


def read_colon(cue: Cue) -> Found | None:
    """'Ryan: FBI decision defies explanation': the speaker before the colon, the rest of
    the sentence after it."""
    body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
    src_start, src_end = trim_span(body, sentence.start, start)
    while src_start < src_end and body[src_start] in "\"“'‘":
        src_start += 1
    content = clause_span(body, end, sentence.end)
    if content is None or src_start >= src_end:
        return None
    return cue.reading((start, end), (src_start, src_end), content)


def read_quote_colon(cue: Cue) -> Found | None:
    """'Trump went even further: "If he goes forward ..."': a colon that hands over to a
    quote, in a clause with no cue of its own. The clause's subject, if a name or a
    pronoun opens it, is the source; the quote (and the quotes right after it) the content."""
    body, start, sentence = cue.body, cue.start, cue.sentence
    found = cue.found
    if found and found[-1].sentence == cue.index:
        return None  # 'He told reporters: "..."': the verb's attribution has the quote
    content = _following_quote(body, cue.end, cue.quotes)
    if content is None:
        return None
    subject = subject_of(body, sentence.start, start, described=True)
    return cue.reading((start, cue.end), subject[:2] if subject else None, content)
