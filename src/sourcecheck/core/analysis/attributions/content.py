"""Content reading: what was said, after the cue, before the source, or in the quote
that follows."""

from __future__ import annotations

import re

from sourcecheck.core.analysis.attributions.context import (
    Cue,
    QuoteIndex,
    Speaker,
    clause_span,
    trim_span,
)
from sourcecheck.core.analysis.attributions.source import (
    _NAME,
    _WORD,
    DATELINE,
    after_as,
    clause_ended,
)
from sourcecheck.core.analysis.patterns import (
    POSSESSIVE,
    alternation,
    words,
)
from sourcecheck.core.models import Span

_DAYS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"this\s+week|last\s+week|last\s+month|last\s+year|earlier|later|afterward|afterwards)"
)
_MEDIUM = (
    r"(?:statement|interview|speech|email|e-mail|letter|tweet|post|release|video|op-ed|column|"
    r"report|briefing|call|appearance|message|memo|filing|address|remarks|conference|"
    r"rally|debate|hearing|podcast|broadcast|show|documentary|book|essay|article|blog|"
    r"event|meeting|forum|summit|convention|town\s+hall|dinner|luncheon|breakfast|session|"
    r"exchange|sermon|lecture|ceremony|news\s+conference|press\s+conference)"
)
# What may stand between a cue and its content: when, where and how it was said. Each part
# opens with a space or a comma, so the parts of a run split only one way (a name ending
# one part cannot give its last letters to a day opening the next).
_SKIP_BODY = (
    rf"(?:(?:\s*,\s*|\s+)(?:(?:on|late|early|last|this|earlier|later)\s+)?{_DAYS}\b"
    rf"|\s+(?:in|during|at|on|via|through)\s+(?:(?i:a|an|the|his|her|their|its|one)\s+)?"
    rf"(?:[\w'’.-]+\s+){{0,3}}?{_MEDIUM}s?\b(?:\s+(?:with|to|on|for|at|in)\s+(?:the\s+)?{_NAME})?"
    rf"|\s+on\s+(?:Twitter|Facebook|Instagram|television|TV|radio|CNN|Fox\s+News|MSNBC|NBC|"
    rf"ABC|CBS|NPR|the\s+[\w-]+\s+floor|the\s+floor|the\s+campaign\s+trail|stage)\b(?!['’])"
    rf"|\s+(?:also|again|then|later|previously|repeatedly|publicly|privately|recently|"
    rf"flatly|simply|bluntly|openly|in\s+part|in\s+response|afterward|earlier|once|only|"
    rf"by\s+(?:tele)?phone|by\s+e-?mail|in\s+reply|with\s+a\s+(?:grin|smile|laugh|shrug|sigh)|"
    rf"[a-z]{{3,}}ly(?=[\s,.:;]|\Z))\b"  # \b: "against" is not "again", nor "thence" "then"
    r"|\s*,\s*citing\s+[^,.;\"“”]{1,80},)*"
)
# Every word ``_SKIP_BODY`` may open with (as a prefix: some of its words need no boundary
# after them), after spaces and commas.
_SKIP_OPENERS = words(
    """
    on late early last this earlier later Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday yesterday today tonight afterward in during at via through also again then
    previously repeatedly publicly privately recently flatly simply bluntly openly once only
    by with citing
    """
)
# The lookahead rejects at once, in one trie, what follows most cues ("said that", 'said
# "'), which the alternatives tried one by one took a dozen steps each to reject. No match
# (None) then stands for skipping nothing.
_SKIP_AFTER_CUE = re.compile(
    rf"(?=[\s,]*{POSSESSIVE}(?:{alternation(_SKIP_OPENERS)}|[a-z]{{3,}}ly(?=[\s,.:;]|\Z))){_SKIP_BODY}"
)
_OBJECT_VERBS = words(
    """
    tell told tells telling ask asked asks asking assure assured assures assuring inform
    informed informs informing remind reminded reminds reminding warn warned warns
    warning urge urged urges urging
    """
)
_OBJECT = re.compile(
    rf"\s+(?:reporters|him|her|them|me|us|it|you|supporters|voters|the\s+crowd|"
    rf"(?:(?i:the|a|an|his|her|their|its)\s+)?{_NAME}|(?i:the|a|an|his|her|their)\s+"
    rf"(?:{_WORD}\s+){{0,2}}?{_WORD}(?=\s+(?:that|on|in|at|during|last|about|whether|if|to)\b|"
    rf"\s*[,:\"“]|''))"
)
_CLAUSE_START = re.compile(r"(?:\s*[,:])?\s*(?=[\"“]|'')|\s+(?=[\w$“\"'‘(])")
# "said, however, that ...", "said — on Twitter, as it happens — that ...": an aside
# between commas or dashes, then the clause or the quote.
_ASIDE_THEN_CLAUSE = re.compile(
    r"(?:\s*,\s*[^,.;:\"“”—–()]{1,60}?,|\s+[—–]\s*[^.;:\"“”—–()]{1,60}?\s[—–])"
    r"\s*(?=that\b|[\"“]|''|(?:he|she|they|we|it)\b)"
)


_COMMA = re.compile(r"\s*,\s")
_ACCORDING_AFTER = re.compile(r",\s+according\s+to\b")
_GAP = re.compile(r"[\s,.;:]*")
_SPACE = re.compile(r"\s*")
_LOWER_AFTER = re.compile(r"\s+[a-z]")
# "did not respond to a request", and "declined to comment" or "to be named": no statement
# (PolNeAR marks these; an editor counts no source in them).
_NOT_CONTENT = re.compile(
    r"to\s+(?:(?:a\s+|an\s+|several\s+|repeated\s+)?(?:request|message|call|email|e-mail|"
    r"inquir(?:y|ies)|question|phone\s+call|voicemail)s?\b|(?:comment|be\s+(?:named|"
    r"identified|interviewed|quoted))\b)"
)
_PREPOSITION = re.compile(
    r"(?:at|in|on|during|after|before|from|with|for|while|outside|inside|near|to)\b"
)
_SHORT_PLACE = 6  # words: "at the Capitol on Monday" is where, not what
# Plans and decisions: cues only before an infinitive ("plans to run", "decided to quit"),
# what someone means to do; "the plan", "decided the race" report nothing.
PLAN_VERBS = words(
    """
    plan plans planned planning decide decides decided deciding
    """
)
# Views: cues only with an "as" complement ("sees the race as a referendum", "viewed him
# as weak"); "saw a rise", "the view from" report nothing.
VIEW_VERBS = words(
    """
    see sees saw seeing view views viewed viewing regard regards regarded regarding
    """
)
AS_COMPLEMENT = re.compile(r"\s+(?:[\w'’-]+\s+){1,5}?as\s")
# Cues whose "to" opens an infinitive, what is wanted or promised ("wants to cut taxes"),
# not a place or an addressee ("said to cheers", "spoke to reporters").
INFINITIVE_CUES = (
    words(
        """
    want wants wanted wanting hope hopes hoped hoping prefer prefers preferred vow vows
    vowed vowing pledge pledges pledged pledging promise promises promised promising
    threaten threatens threatened threatening refuse refuses refused refusing agree agrees
    agreed offer offers offered wish wishes wished seek seeks sought seeking declined
    declines
    """
    )
    | PLAN_VERBS
)
INFINITIVE = re.compile(
    r"to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your|me|him|them|"
    r"us|it|whom|what|which|reporters|voters|supporters)\b)[a-z]"
)
_LATER_CONTENT = re.compile(r"(?:\s|^)(?P<start>that\b|[\"“]|'')")
_CLAUSE_DONE = re.compile(r"[\s.:]*\Z")


def read_content(cue: Cue, speaker: Speaker) -> tuple[int, int] | None:
    """What was said: after the cue, before the source, or the quote that follows."""
    body, start, end, sentence, quotes = cue.body, cue.start, cue.end, cue.sentence, cue.quotes
    content: tuple[int, int] | None = None
    content_limit = start  # content before the attribution ends here
    if not speaker.inverted:
        source_start = speaker.source[0]
        as_aside = after_as(body, sentence.start, source_start)
        if as_aside and _TO_COMMA.match(body, end, sentence.end):
            # "As the paper noted in an op-ed, ...": the aside attributes the main clause.
            return _as_content(body, end, sentence, source_start)
        content_limit = source_start
        content = content_after(cue, end)
        if content is not None:
            before_quote = quotes.ends_at(trim_span(body, sentence.start, source_start)[1])
            if (
                before_quote is not None
                and clause_ended(body, sentence.start, source_start)
                and "," not in body[speaker.source[1] : start]  # not the previous cue's
            ):
                if quotes.starts_at(content[0]) is not None:
                    # '"If you look at it," Rubio said, "I don't believe ..."': one content.
                    content = before_quote[0], content[1]
                elif not body.startswith("that", content[0]):
                    # '"...," Clinton said to cheers': the quote is what was said.
                    content = None
        if content is None and as_aside:
            return _as_content(body, end, sentence, source_start)  # "..., as she said."
        if content is None and not clause_ended(body, sentence.start, source_start):
            return None
    if content is None and body.startswith(":", speaker.clause_end):
        # 'In a 1963 speech, he declared:' and the quote that opens the next paragraph
        content = _following_quote(body, speaker.clause_end + 1, quotes)
    if content is None:
        content = _content_before(body, sentence.start, content_limit, quotes)
        if content is not None:
            content = _continue_content(
                body, content, speaker.clause_end, sentence, quotes, speaker.inverted
            )
    if content is None and _CLAUSE_DONE.match(body, speaker.clause_end, sentence.end + 1):
        # 'Bystrom agreed. "Mainstream Republicans are ..."': the quote that follows.
        content = _following_quote(body, sentence.end, quotes)
    if content is None and speaker.inverted and not body[sentence.start : start].strip("\"“'‘ "):
        # 'Said Dora Lee, who grew up here, "We were proud."': what follows its speaker.
        content = _quote_after(body, speaker.clause_end, sentence.end, quotes)
    return content


_COMMA_OR_COLON = re.compile(r"\s*[,:]\s*")


def _quote_after(body: str, start: int, end: int, quotes: QuoteIndex) -> tuple[int, int] | None:
    """The quote after a comma or colon at ``start`` (and the quotes right after it)."""
    gap = _COMMA_OR_COLON.match(body, start, end)
    if gap is None or quotes.starts_at(gap.end()) is None:
        return None
    return _following_quote(body, gap.end(), quotes)


def _following_quote(body: str, sentence_end: int, quotes: QuoteIndex) -> tuple[int, int] | None:
    gap = _SPACE.match(body, sentence_end)
    quote = quotes.starts_at(gap.end() if gap is not None else sentence_end)
    if quote is None:
        return None
    end = quote[1]
    while True:
        gap = _SPACE.match(body, end)
        following = quotes.starts_at(gap.end() if gap is not None else end)
        if following is None:
            return quote[0], end
        end = following[1]


def content_after(cue: Cue, start: int) -> tuple[int, int] | None:
    """What follows a cue from ``start`` to its sentence's end: a quote or a clause."""
    body, end, quotes = cue.body, cue.sentence.end, cue.quotes
    position = start
    skip = _SKIP_AFTER_CUE.match(body, position, end)
    if skip is not None:
        position = skip.end()
    addressed = False  # "urged him to resign": after an addressee, "to" opens what was urged
    if cue.lower in _OBJECT_VERBS:
        obj = _OBJECT.match(body, position, end)
        if obj is not None:
            addressed = True
            position = obj.end()
            skip = _SKIP_AFTER_CUE.match(body, position, end)
            position = skip.end() if skip is not None else position
    opening = _CLAUSE_START.match(body, position, end)
    if opening is None:
        if not body.startswith((",", " —", " –"), position):
            return None  # most cues without a clause after them end their sentence
        opening = _ASIDE_THEN_CLAUSE.match(body, position, end)
        if opening is None:
            return None
    first = opening.end()
    quote = quotes.starts_at(first)
    if quote is not None:
        rest = _LOWER_AFTER.match(body, quote[1], end)
        if rest is None:
            return quote[0], quote[1]
        return clause_span(body, first, end)  # 'said "local forces" must lead the way'
    if _NOT_CONTENT.match(body, first, end):
        return None  # "did not respond to a request for comment"
    if _PREPOSITION.match(body, first, end) and not (
        (addressed or cue.lower in INFINITIVE_CUES) and INFINITIVE.match(body, first, end)
    ):
        # "told reporters at the Capitol": a place, not what was said; look for the
        # clause or quote further on, else the content is elsewhere.
        later = _LATER_CONTENT.search(body, first, end)
        if later is None:
            if len(body[first:end].split()) <= _SHORT_PLACE:
                return None
        else:
            first = later.start("start")
            quote = quotes.starts_at(first)
            if quote is not None:
                if not body.startswith(" that ", quote[1]):
                    return quote[0], quote[1]
                # 'said on ABC's "This Week" that ...': the quote names the show.
                first = quote[1] + 1
    according = _ACCORDING_AFTER.search(body, first, end)
    return clause_span(body, first, according.start() if according else end)


def _continue_content(
    body: str,
    content: tuple[int, int],
    clause_end: int,
    sentence: Span,
    quotes: QuoteIndex,
    inverted: bool,
) -> tuple[int, int]:
    """Extend content that precedes its cue over what the speaker goes on saying.

    ``"We won," she said, "and we will win again."`` and a quote that follows in the
    next sentence or paragraph belong to the same attribution; so does the rest of a
    sentence whose cue is parenthetical (``The plan, he said, will fail``).
    """
    skip = _SKIP_AFTER_CUE.match(body, clause_end, sentence.end)
    position = skip.end() if skip is not None else clause_end
    gap = _GAP.match(body, position)
    next_start = gap.end() if gap is not None else position
    is_quote = quotes.starts_at(content[0]) is not None or body[content[0]] in "\"“'"
    quote = quotes.starts_at(next_start) if is_quote else None
    if quote is None:
        if (
            not is_quote
            and not inverted
            and next_start < sentence.end
            and body[position:next_start].strip() == ","
        ):
            rest = clause_span(body, next_start, sentence.end)
            word = body[next_start : next_start + 12].split(maxsplit=1)
            if rest is not None and word and not word[0].endswith("ing"):
                return content[0], rest[1]
        return content
    end = quote[1]
    while True:  # a run of quotes with nothing but space between them
        gap = _SPACE.match(body, end)
        following = quotes.starts_at(gap.end() if gap is not None else end)
        if following is None:
            return content[0], end
        end = following[1]


def _content_before(body: str, start: int, end: int, quotes: QuoteIndex) -> tuple[int, int] | None:
    """The clause or quote ending just before a source or cue at ``end``."""
    clause_start, clause_end = trim_span(body, start, end)
    while clause_end > clause_start and body[clause_end - 1] in ",:—–-":
        clause_end -= 1
    while clause_end > clause_start and body[clause_end - 1].isspace():
        clause_end -= 1
    if clause_end <= clause_start:
        return None
    quote = quotes.ends_at(clause_end)
    if quote is not None:
        lead = body[clause_start : quote[0]].rstrip()
        if lead and lead[-1] not in ":—–-\"”'":
            return clause_start, quote[1]  # 'They have "a higher set of ...," he said'
        return quote[0], quote[1]
    dateline = DATELINE.match(body, clause_start, clause_end)
    if dateline is not None:
        clause_start = dateline.end()  # "RIVERTON — The state will ...": not said by anyone
    return clause_span(body, clause_start, clause_end)


def clip(body: str, content: tuple[int, int] | None, end: int) -> tuple[int, int] | None:
    """Content of an attribution inside a quote stops where the quote does."""
    if content is None or content[1] <= end:
        return content
    return clause_span(body, content[0], end) if content[0] < end else None


# "as the paper noted in an op-ed Thursday, ": what stands between the cue and the comma.
_TO_COMMA = re.compile(r"[^,.;:\"“”]{0,60},\s*")


def _as_content(
    body: str, cue_end: int, sentence: Span, source_start: int
) -> tuple[int, int] | None:
    """The main clause an "as X noted" aside attributes: the rest of the sentence after the
    aside, else the clause before ", as"."""
    comma = _TO_COMMA.match(body, cue_end, sentence.end)
    if comma is not None:
        return clause_span(body, comma.end(), sentence.end)
    aside = body.rfind(",", sentence.start, source_start)
    if aside > sentence.start and body[aside:source_start].strip(", ").lower() == "as":
        return clause_span(body, sentence.start, aside)
    return None
