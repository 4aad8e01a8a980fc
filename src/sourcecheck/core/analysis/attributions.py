"""Attributions: who said what. Each is a source span, a cue span and a content span.

The finder is cue-driven. One trie-factored regex finds every report verb ("said",
"told", "believes", "according to") in the article; each is then read in its sentence:

* the source just before the cue (``Smith said``, ``a senior official, who ..., said``,
  ``Maria Lopez, a former deputy director of the agency, said``), else just after it when
  the cue follows a quote or a comma (``"...," said Smith, a former aide``);
* the content after the cue (a quote, a ``that`` clause, reported speech without ``that``)
  or, when the cue closes the clause, before the source (``"...," he said``);
* ``according to X`` and ``citing X`` take their source after the cue, and make the other
  attributions of the sentence second-hand (``via``).

Sources are typed and pronouns and descriptions resolved afterwards, in one pass over the
article (see ``speakers.py``). Every regex runs on a bounded window around the cue, so the
cost is linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sourcecheck.core.analysis.patterns import (
    POSSESSIVE,
    WordStartPattern,
    alternation,
    candidate_copy,
    verb_forms,
    words,
)
from sourcecheck.core.analysis.phrases import SourceReader
from sourcecheck.core.analysis.sources import NOT_NAMES, SourceTyper
from sourcecheck.core.analysis.types import AttributionDraft, Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Quote, Span

WINDOW = 240  # characters before a cue searched for its source and its role
# Cues read in one sentence; later ones are passed over. Each reads up to its whole
# sentence and may take most of it as content, so an adversary's run of cues cost the
# square of the sentence in time and in text held. News sentences hold a few cues (at
# most 12 in PolNeAR's 1,190 texts).
MAX_CUES_PER_SENTENCE = 32

_CAP = r"(?:[A-Z][\w'’&-]*\.?|[A-Z]\.(?:[A-Z]\.)*)"
_CONNECT = r"(?:of|for|and|de|la|le|van|von|der|den|da|du|del|bin|al|the|&)"
_NAME = rf"{_CAP}(?:\s+(?:{_CONNECT}\s+){{0,2}}{_CAP}){{0,7}}"
_FUNCTION = (
    r"(?:the|a|an|that|this|which|who|whom|and|or|but|to|in|on|at|by|for|with|from|of|as|"
    r"is|was|were|are|be|been|has|have|had|will|would|it|he|she|they|we|i|not|when|if|"
    r"than|then|because|while|after|before|said|says|say)"
)
_WORD = rf"(?!(?i:{_FUNCTION})\b)[\w'’.&-]+"

_CLAUSE_END_CHARS = ",?!:—–-\"”’'"
# "(?:\s*,)?\s*", not "\s*,?\s*": the same text, but a run of spaces splits between two
# adjacent "\s*" in every way before the match gives up: quadratic in the run.
_SPACE_COMMA = r"(?:\s*,)?\s*"
_NAME_AFTER = re.compile(rf"{_SPACE_COMMA}(?P<src>{_NAME})")
_PRONOUN_AFTER = re.compile(rf"{_SPACE_COMMA}(?P<src>(?i:he|she|they|I|we|it))\b")
# The dot after a single capital ("U.S.", "J. Smith") is an abbreviation's, not an end.
_PHRASE_AFTER = re.compile(
    r"\s*(?P<src>[^\s,.;:\"“”()'](?:[^,.;:\"“”()]|(?<=\b[A-Z])\.){0,100}?)"
    r"(?=\s*(?:[,;:\"“”()]|(?<!\b[A-Z])\.|''|\Z)|\s+(?:who|which|that|when|in\s+(?:a|an|the)\s|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))"
)
_ROLE_AFTER = re.compile(
    r"\s*,\s*(?P<role>(?:\d{1,3}\s*,\s*)?(?:(?i:a|an|the|his|her|their|its|former|chief|senior|who)\b|"
    rf"{_NAME}['’]s|[a-z][\w-]*|[A-Z][\w-]*\s+of\b)[^,;\"“”()]{{0,140}}?)"
    r"(?=\s*(?:[,;\"“”()]|''|\.?\Z))"
)
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
_TERMINAL = ".!?;:,—–- \t\n"  # stripped from the end of a clause
_INVERTED_DETERMINERS = words(
    """
    a an the his her their its one two three another some several many
    """
)
# ", adding", "while saying", "before telling": what may stand before a participle cue whose
# subject is the clause's.
_GAP_WORDS = ("while", "by", "after", "before", "when", "in", "without")


_GAP_OR_AND = frozenset([*_GAP_WORDS, "and"])


def _gerund(cue: str) -> bool:
    """Whether a cue opens with an -ing form ("adding", "referring to", "calling for")."""
    return cue.partition(" ")[0].endswith("ing")


def _last_word(body: str, start: int, end: int) -> str:
    """The last word of ``body[start:end]``, lower-cased ('' if none)."""
    words_ = body[max(start, end - 12) : end].split()
    return words_[-1].lower() if words_ else ""


def _first_word(copy: bytes, start: int) -> bytes:
    """The word of text at ``start`` up to its first space in a candidate copy of the text."""
    return copy[start + 1 : copy.find(b" ", start + 1)]


def _ends_with_gap(body: str, start: int, tail: str) -> bool:
    r"""Whether ``body[start:end]`` ends with a comma or a gap word, then only whitespace,
    given ``tail = body[start:end].rstrip()``: what the regex
    ``(?:,|(?<![\w-])(?:while|by|after|before|when|in|without))\s*\Z`` finds (the tests
    compare the two). A regex anchored at the end is tried from every position of the
    window; the text's last word is all it can match.
    """
    return tail.endswith(",") or _ends_with_word(body, start, tail, _GAP_WORDS, "_-")


def _ends_with_and(body: str, start: int, tail: str) -> bool:
    r"""Whether ``body[start:end]`` ends with "and" or "but", then only whitespace, given
    ``tail = body[start:end].rstrip()``: what ``(?<![\w'’-])(?:and|but)\s*\Z`` finds."""
    return _ends_with_word(body, start, tail, ("and", "but"), "_'’-")


def _ends_with_word(body: str, start: int, tail: str, words: tuple[str, ...], joiners: str) -> bool:
    """Whether ``tail`` (at ``start`` in body) ends with one of ``words``, not preceded by a
    letter, a digit or one of ``joiners`` (characters before ``start`` count, as they do for
    a regex lookbehind)."""
    for word in words:
        if tail.endswith(word):
            before = start + len(tail) - len(word) - 1
            if before < 0 or not (body[before].isalnum() or body[before] in joiners):
                return True
    return False


_COMMA = re.compile(r"\s*,\s")
_ACCORDING_AFTER = re.compile(r",\s+according\s+to\b")
_GAP = re.compile(r"[\s,.;:]*")
_SPACE = re.compile(r"\s*")
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_NOT_CONTENT = re.compile(
    r"to\s+(?:a\s+|an\s+|several\s+|repeated\s+)?(?:request|message|call|email|e-mail|"
    r"inquir(?:y|ies)|question|phone\s+call|voicemail)s?\b"
)
_PREPOSITION = re.compile(
    r"(?:at|in|on|during|after|before|from|with|for|while|outside|inside|near|to)\b"
)
_SHORT_PLACE = 6  # words: "at the Capitol on Monday" is where, not what
_LATER_CONTENT = re.compile(r"(?:\s|^)(?P<start>that\b|[\"“]|'')")
_CLAUSE_DONE = re.compile(r"[\s.:]*\Z")


@dataclass(slots=True)
class Found:
    """An attribution while the finder is still working on it (offsets, not spans)."""

    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: int
    role: str | None = None
    direct: bool = False
    marker: str = ""  # "according" or "citing": reports other attributions second-hand
    in_quote: bool = False
    via: int | None = None
    kind: str = ""  # the report verb's kind in the lexicon ("speech", "cognition", ...)
    role_span: tuple[int, int] | None = None  # where the words of ``role`` are


@dataclass(slots=True)
class Cue:
    """One cue being read: what every step of the reading needs, in one place.

    Slotted, not frozen: a frozen dataclass's ``__init__`` pays ``object.__setattr__``
    per field, and a cue's context is built for every cue the pattern finds.
    """

    body: str
    start: int  # the cue's words
    end: int
    index: int  # the sentence's index
    sentence: Span
    quotes: _QuoteIndex  # top-level quotes of the article
    found: list[Found]  # attributions read so far: "..., adding" takes the last one's source
    lower: str  # the cue's words, lower-cased, spaces collapsed


@dataclass(slots=True)
class _Speaker:
    """Where a cue's source is, and where the words of the attribution end."""

    source: tuple[int, int]
    clause_end: int  # after the cue, or after an inverted source and its role
    role: str | None = None
    role_span: tuple[int, int] | None = None
    inverted: bool = False  # "said Smith": the source follows the cue


class AttributionFinder:
    """Finds attributions with the lexicons in force (report verbs can be added by config)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        self.typer = SourceTyper(lexicons)
        verbs = lexicons.get("report_verbs")
        groups = verbs if isinstance(verbs, dict) else {"speech": list(verbs)}
        self.kind_of: dict[str, str] = {}
        for kind, phrases in groups.items():
            if kind == "not_cues":
                continue
            for phrase in phrases:
                for form in verb_forms(phrase.lower()):
                    self.kind_of.setdefault(form, kind)
        for form in groups.get("not_cues", []):
            self.kind_of.pop(form.lower(), None)
        # Participles read only in a raising passive ("is expected to"): as active verbs
        # or adjectives they are mostly something else ("the expected result").
        self._passive_only = _RAISING_PASSIVES - self.kind_of.keys()
        forms = [*self.kind_of, "according to", "citing", *self._passive_only]
        # Lower-case forms only (hot path): capitalised ones matter only at the start of a
        # sentence and are found by ``_initial_cue``. Found in a candidate copy of the text
        # (see WordStartPattern).
        self._cue = WordStartPattern(rf"(?:{alternation(forms)})(?![\w'’-])", phrases=forms)
        capitalised = [form.capitalize() for form in forms]
        # After any opening quote marks ("'Said' is ..."), in the one match.
        self._initial_cue = re.compile(
            rf"[\"“'‘]*{POSSESSIVE}((?:{alternation(capitalised)})(?![\w'’-]))"
        )
        # What a capitalised cue opens a sentence with up to its first space in a candidate
        # copy (empty if a mark): a sentence opening with anything else is not tried.
        self._initial_words = frozenset(
            _first_word(candidate_copy(form), 0) for form in capitalised
        )
        heads = {
            *self.typer.vague_heads,
            *self.typer.anonymous_heads,
            *self.typer.org_heads,
            *self.typer.document_heads,
            *(noun + "s" for noun in self.typer.role_nouns),
            "police",
            "authorities",
            "prosecutors",
        }
        self.reader = SourceReader(heads, self.typer.role_nouns)
        roles = alternation(self.typer.role_nouns | {"resident", "member", "delegate"})
        # "said Democratic strategist Hank Sheinkopf", "said Concord resident Whit Symms"
        self._described_name_after = re.compile(
            rf"{_SPACE_COMMA}(?P<src>(?:[\w'’.-]+\s+){{0,4}}?(?i:{roles})\s+{_NAME})"
        )

    # -- the pass over the article ------------------------------------------------------

    def find(self, body: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Attribution]:
        """The attributions of ``body``, before speaker resolution."""
        return [draft.freeze() for draft in self.drafts(body, sentences, quotes)]

    def drafts(
        self, body: str, sentences: list[Sentence], quotes: list[Quote]
    ) -> list[AttributionDraft]:
        """The attributions of ``body`` as drafts that the later stages complete."""
        if not sentences:
            return []
        top_quotes = [q for q in quotes if not q.nested]
        context = _QuoteIndex(top_quotes)
        found: list[Found] = []
        spans = [sentence.span for sentence in sentences]
        starts = [span.start for span in spans]
        ends = [span.end for span in spans]
        last = len(spans) - 1
        read = [0] * len(spans)  # cues read in each sentence
        for start, end in self._cues(body, starts, ends):
            index = bisect.bisect_right(ends, start)  # the sentence ending after
            if index > last:
                index = last
            if not starts[index] <= start < ends[index] or read[index] == MAX_CUES_PER_SENTENCE:
                continue
            read[index] += 1
            text = body[start:end].lower()
            lower = text if text.isalpha() else " ".join(text.split())
            # One context per cue (about 30 an article), not one per step.
            cue = Cue(body, start, end, index, spans[index], context, found, lower)
            item = self._read(cue)
            if item is not None:
                item.kind = self.kind_of.get(text, "")
                enclosing = context.enclosing(start)
                item.in_quote = enclosing is not None
                if enclosing is not None:
                    if _first_or_second_person(body, item):
                        continue  # '"I think we can win," she said': the speaker's own view
                    item.content = _clip(body, item.content, enclosing[1])
                found.append(item)
        found = _outside_roles(body, _outside_reports(found))
        _link_second_hand(found)
        return [_to_draft(body, item) for item in found]

    def _cues(
        self, body: str, starts: list[int], ends: list[int] | None = None
    ) -> list[tuple[int, int]]:
        """Every cue in body order: lower-case anywhere, capitalised at a sentence start or
        in a title-case headline opening the article."""
        copy = candidate_copy(body)
        found = self._cue.spans(body, copy)
        if ends and _title_case(body, starts[0], ends[0]):
            found = sorted([*found, *self._headline_cues(body, starts[0], ends[0])])
        initial_words = self._initial_words
        initial_cue = self._initial_cue.match
        initial = [
            match.span(1)
            for start in starts
            if body[start] in "\"“'‘" or _first_word(copy, start) in initial_words
            for match in [initial_cue(body, start)]
            if match is not None
        ]
        return sorted([*found, *initial]) if initial else found

    def _headline_cues(self, body: str, start: int, end: int) -> list[tuple[int, int]]:
        """'Mayor Says Dam Will Hold': capitalised cues after the headline's first word."""
        return [
            match.span()
            for match in _CAPITALISED_WORD.finditer(body, start + 1, end)
            if match.group().lower() in self.kind_of
        ]

    def _read(self, cue: Cue) -> Found | None:
        body, start, end, lower, sentence = cue.body, cue.start, cue.end, cue.lower, cue.sentence
        if (
            body[start].isupper()
            and body[sentence.start : start].strip("\"“'‘ ")
            and not (cue.index == 0 and _title_case(body, sentence.start, sentence.end))
        ):
            return None  # "Hope Hicks", "Read more": a capitalised word mid-sentence
        if start and body[start - 1] in "-‐":
            return None  # "so-called"
        if lower in _NOUN_LIKE and _previous_word(body, start) in _NOT_BEFORE_VERBS:
            return None  # "the state", "his remarks": a noun, rejected before any reading
        if lower in _NOT_BEFORE_WORDS and _next_word(body, end) in _NOT_BEFORE_WORDS[lower]:
            return None  # "spoke to the crowd", "found himself": no report
        if lower.endswith("ing") and _determined_gerund(body, start, end):
            return None  # "a strong showing", "his posting abilities": a noun or adjective
        if lower in ("according to", "citing"):
            return self._according(cue)
        return self._verb(cue)

    # -- "according to X", "citing X" --------------------------------------------------

    def _according(self, cue: Cue) -> Found | None:
        body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
        source = self._source_after(cue, end, allow_phrase=True)
        if source is None:
            return None
        src_start, src_end, role_match = source
        role = _role(role_match)
        before_start, before_end = _trim_span(body, sentence.start, start)
        content: tuple[int, int] | None
        if before_end > before_start:
            content = _clause(body, sentence.start, before_end)
        else:
            comma = _COMMA.match(body, src_end)
            content = self._content_after(cue, comma.end() - 1 if comma else src_end)
        return Found(
            cue=(start, end),
            source=(src_start, src_end),
            content=content,
            sentence=cue.index,
            role=role,
            marker="according" if lower == "according to" else "citing",
            direct=content is not None and cue.quotes.any_within(*content),
        )

    # -- "X said", "said X" -------------------------------------------------------------

    def _verb(self, cue: Cue) -> Found | None:
        body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
        window = max(start - WINDOW, sentence.start)
        core_end, passive = self.reader.tail_start(body, window, start)
        if passive and not _gerund(lower):
            # "was told", "is expected": the source is not before the cue; it may follow
            # "by" ("Her attacks were echoed by her campaign").
            return self._passive_by(cue, core_end) or _raised(cue, core_end)
        if lower == "known":
            # "a state known for ...", "the program, known as ...": a reduced passive.
            return _raised(cue, start)
        if lower in self._passive_only:
            return None
        speaker = self._speaker(cue, window, core_end)
        if speaker is None:
            if lower == "asked":
                asked = self._asked(cue)
                if asked is not None:
                    return asked
            # "The campaign, first reported by The Washington Post, ...": a reduced passive.
            by = self._passive_by(cue, core_end)
            if by is not None or lower not in _SURE_CUES:
                return by
            return self._unsourced(cue)
        content = self._content(cue, speaker)
        if content is None:
            return None  # a verb with no content is not reporting anything
        src_start, src_end = speaker.source
        if (
            lower in _NOUN_LIKE
            and not self._names_pronoun_or_document(body[src_start:src_end])
            and not body.startswith("that ", content[0])
        ):
            # "the nation's most populous swing state", "his remarks"; but a "that" clause
            # after it makes it a verb ("His tax returns show that ...").
            return None
        if lower in _NAMING_PARTICIPLES and _names_a_thing(body, end, src_start, src_end):
            return None  # "a group called Black Votes Matter": a name, not a statement
        cue_start, cue_end = _widen_cue(body, core_end, start, end, sentence.end)
        if content[0] < cue_start and not speaker.inverted:
            cue_end = _cue_to_clause_end(body, cue_end, sentence.end)
        return Found(
            cue=(cue_start, cue_end),
            source=speaker.source,
            content=content,
            sentence=cue.index,
            role=speaker.role,
            direct=cue.quotes.any_within(*content),
            role_span=speaker.role_span,
        )

    def _unsourced(self, cue: Cue) -> Found | None:
        """A verb that is a report cue wherever it stands, whose source the reader could not
        take ("People I have spoken with over the years said ..."): the cue and what was
        said, without a source."""
        content = self._content_after(cue, cue.end)
        if content is None:
            return None
        direct = cue.quotes.any_within(*content)
        return Found(
            cue=(cue.start, cue.end),
            source=None,
            content=content,
            sentence=cue.index,
            direct=direct,
        )

    def _asked(self, cue: Cue) -> Found | None:
        """'Asked whether ..., Clinton said': the question is the content; the asker, named
        only after "by", is the source."""
        body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
        before = body[sentence.start : start].strip("\"“'‘ ").lower()
        if before not in ("", "when") and not before.endswith((", when", " when")):
            return None
        question = _ASKED_ABOUT.match(body, end, sentence.end)
        if question is None:
            return None
        source: tuple[int, int] | None = None
        if question.group("by") and question.group("by")[0].isupper():
            source = question.span("by")  # a named asker; "a reporter" is the press
        content = _clause(body, question.start("question"), question.end())
        if content is None:
            return None
        return Found(cue=(start, end), source=source, content=content, sentence=cue.index)

    def _passive_by(self, cue: Cue, core_end: int) -> Found | None:
        """A passive cue with its agent after "by": the source; what the clause is about,
        before the cue, is the content ("Her attacks were echoed by her campaign")."""
        body, end, sentence = cue.body, cue.end, cue.sentence
        if not body.startswith(" by ", end):
            return None
        after = self._source_after(cue, end + 3, allow_phrase=True)
        if after is None:
            return None
        head_end = core_end  # before "The campaign, first reported by": without the comma
        while head_end > sentence.start and body[head_end - 1] in ", ":
            head_end -= 1
        clause_start = body.rfind(",", sentence.start, head_end) + 1
        content = _clause(body, max(clause_start, sentence.start), head_end)
        if content is None:
            return None
        cue_start = _trim_span(body, core_end, cue.start)[0]
        src_start, src_end, role_match = after
        return Found(
            cue=(cue_start, end),
            source=(src_start, src_end),
            content=content,
            sentence=cue.index,
            role=_role(role_match),
            direct=cue.quotes.any_within(*content),
            role_span=role_match.span("role") if role_match is not None else None,
        )

    def _speaker(self, cue: Cue, window: int, core_end: int) -> _Speaker | None:
        """The source of a cue: before it, the clause's subject, or after it (inverted)."""
        body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
        # "... while adding", "... and promising": the words before the conjunction are no
        # source phrase; the clause's subject is.
        gerund = _gerund(cue.lower)
        gerund_after_gap = gerund and _last_word(body, window, core_end) in _GAP_OR_AND
        before = None if gerund_after_gap else self.reader.read(body, window, core_end)
        if before is None:
            governing = _control_verb_start(body, window, core_end)
            if governing is not None:
                # "Republicans continue to warn": the subject of the verb before "to".
                subject_end = self.reader.tail_start(body, window, governing)[0]
                before = self.reader.read(body, window, subject_end)
        if before is not None:
            return _Speaker((before.start, before.end), end, before.role, before.role_span)
        tail = body[window:core_end].rstrip()
        if (gerund and _ends_with_gap(body, window, tail)) or _ends_with_and(body, window, tail):
            # ", adding that ...", "... and said": the subject of the clause said it.
            found = cue.found
            previous = found[-1] if found and found[-1].sentence == cue.index else None
            if previous is not None and previous.source is not None:
                return _Speaker(previous.source, end)
            subject = _subject(body, sentence.start, core_end, described=tail.endswith(","))
            if subject is not None:
                return _Speaker(subject[:2], end)
        if not _clause_ended(body, sentence.start, start):
            return None
        after = self._source_after(cue, end, allow_phrase=False)
        if after is None:
            return None
        src_start, src_end, role_match = after
        if role_match is None and _VERB_AFTER_NAME.match(body, src_end, sentence.end):
            return None  # "Lee, chair of the panel, said Clinton didn't ...": a content
        speaker = _Speaker((src_start, src_end), src_end, _role(role_match), inverted=True)
        if role_match is not None:
            speaker.clause_end = role_match.end()
            speaker.role_span = role_match.span("role")
        return speaker

    def _content(self, cue: Cue, speaker: _Speaker) -> tuple[int, int] | None:
        """What was said: after the cue, before the source, or the quote that follows."""
        body, start, end, sentence, quotes = cue.body, cue.start, cue.end, cue.sentence, cue.quotes
        content: tuple[int, int] | None = None
        content_limit = start  # content before the attribution ends here
        if not speaker.inverted:
            source_start = speaker.source[0]
            as_aside = _after_as(body, sentence.start, source_start)
            if as_aside and _TO_COMMA.match(body, end, sentence.end):
                # "As the paper noted in an op-ed, ...": the aside attributes the main clause.
                return _as_content(body, end, sentence, source_start)
            content_limit = source_start
            content = self._content_after(cue, end)
            if content is not None:
                before_quote = quotes.ends_at(_trim_span(body, sentence.start, source_start)[1])
                if (
                    before_quote is not None
                    and _clause_ended(body, sentence.start, source_start)
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
            if content is None and not _clause_ended(body, sentence.start, source_start):
                return None
        if content is None:
            content = self._content_before(body, sentence.start, content_limit, quotes)
            if content is not None:
                content = self._continue_content(
                    body, content, speaker.clause_end, sentence, quotes, speaker.inverted
                )
        if content is None and _CLAUSE_DONE.match(body, speaker.clause_end, sentence.end + 1):
            # 'Bystrom agreed. "Mainstream Republicans are ..."': the quote that follows.
            content = self._following_quote(body, sentence.end, quotes)
        return content

    def _names_pronoun_or_document(self, phrase: str) -> bool:
        """Whether a source is clearly a subject ("The Cruz campaign calls ...")."""
        if _names_or_pronoun(phrase):
            return True
        head = phrase.rsplit(None, 1)[-1].lower()
        return head in self.typer.common_nouns

    def _following_quote(
        self, body: str, sentence_end: int, quotes: _QuoteIndex
    ) -> tuple[int, int] | None:
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

    def _source_after(
        self, cue: Cue, start: int, *, allow_phrase: bool
    ) -> tuple[int, int, re.Match[str] | None] | None:
        """The source phrase right after a cue (``said Smith``, ``according to the report``)
        and the match of its role (", a former aide"), if any."""
        body, end = cue.body, cue.sentence.end
        match = (
            _PRONOUN_AFTER.match(body, start, end)
            or self._described_name_after.match(body, start, end)
            or _NAME_AFTER.match(body, start, end)
        )
        if match is None or (allow_phrase and body[match.end("src") : end].startswith("'s")):
            match = _PHRASE_AFTER.match(body, start, end)
            if match is None:
                return None
            first_word = match.group("src").split()[0].lower()
            if not allow_phrase and first_word not in _INVERTED_DETERMINERS:
                return None
        src_end = match.end("src")
        if body[src_end - 1] == "." and (
            src_end >= end or not body[src_end - 3 : src_end - 1].isupper()
        ):
            src_end -= 1  # the sentence's full stop, not an abbreviation ("said Devine.")
        # The match itself, not just its words: an inverted source's attribution ends
        # after its role, and matching the role again cost as much as finding it.
        return match.start("src"), src_end, _ROLE_AFTER.match(body, src_end, end)

    # -- content -------------------------------------------------------------------------

    def _content_after(self, cue: Cue, start: int) -> tuple[int, int] | None:
        """What follows a cue from ``start`` to its sentence's end: a quote or a clause."""
        body, end, quotes = cue.body, cue.sentence.end, cue.quotes
        position = start
        skip = _SKIP_AFTER_CUE.match(body, position, end)
        if skip is not None:
            position = skip.end()
        if cue.lower in _OBJECT_VERBS:
            obj = _OBJECT.match(body, position, end)
            if obj is not None:
                position = obj.end()
                skip = _SKIP_AFTER_CUE.match(body, position, end)
                position = skip.end() if skip is not None else position
        opening = _CLAUSE_START.match(body, position, end)
        if opening is None:
            return None
        first = opening.end()
        quote = quotes.starts_at(first)
        if quote is not None:
            rest = _LOWER_AFTER.match(body, quote[1], end)
            if rest is None:
                return quote[0], quote[1]
            return _clause(body, first, end)  # 'said "local forces" must lead the way'
        if _NOT_CONTENT.match(body, first, end):
            return None  # "did not respond to a request for comment"
        if _PREPOSITION.match(body, first, end):
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
        return _clause(body, first, according.start() if according else end)

    def _continue_content(
        self,
        body: str,
        content: tuple[int, int],
        clause_end: int,
        sentence: Span,
        quotes: _QuoteIndex,
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
                rest = _clause(body, next_start, sentence.end)
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

    def _content_before(
        self, body: str, start: int, end: int, quotes: _QuoteIndex
    ) -> tuple[int, int] | None:
        """The clause or quote ending just before a source or cue at ``end``."""
        clause_start, clause_end = _trim_span(body, start, end)
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
        dateline = _DATELINE.match(body, clause_start, clause_end)
        if dateline is not None:
            clause_start = dateline.end()  # "RIVERTON — The state will ...": not said by anyone
        return _clause(body, clause_start, clause_end)


# After "asked": who asked (only after "by"), when, then the question up to a comma.
_ASKED_ABOUT = re.compile(
    rf"(?:\s+by\s+(?P<by>(?:(?:a|an|the)\s+)?(?:{_NAME}|[a-z]+)))?"
    rf"(?:\s+(?:on\s+)?{_DAYS})?"
    r"\s+(?P<question>(?:about|whether|if|why|what|how|who|which|when|where)\b[^,;]*)"
)
_DATELINE = re.compile(
    r"[A-Z][A-Z.' -]{2,40}(?:,\s*[A-Z][\w.]*)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]+\s*"
)


# Verb forms that are more often nouns ("the state", "his remarks", "a call"): taken as
# cues only after a pronoun or a name.
_NOUN_LIKE = words(
    """
    state states support supports attack attacks call calls offer offers charge charges
    counter question questions report reports claim claims comment comments remark
    remarks answer answers tweet tweets post posts show shows find finds mean means hope
    hopes fear fears doubt doubts wish wishes estimate estimates promise promises pledge
    pledges vow vows demand demands boast protest protests praise reply replies request
    requests forecast forecasts quote quotes worry worries guess point points order
    orders rally warning complaint complaints criticism issue issues signal signals note
    notes stress concern concerns insist word words want wants
    """
)
_AUXILIARY_BEFORE = re.compile(r"(?:(?:has|have|had)\s+(?:also\s+)?|also\s+)\Z")
_CUE_SUFFIX = re.compile(r"(?:\s+in\s+a\s+(?:written\s+)?statement)?(?::(?=\s))?")


def _widen_cue(
    body: str, core_end: int, cue_start: int, cue_end: int, limit: int
) -> tuple[int, int]:
    """PolNeAR-style cue spans: 'has also said', 'said in a statement', 'said:'."""
    gap = body[core_end:cue_start]
    if gap.strip():
        aux = _AUXILIARY_BEFORE.search(body, core_end, cue_start)
        if aux is not None and aux.start() > core_end:
            cue_start = aux.start()
    suffix = _CUE_SUFFIX.match(body, cue_end, limit)
    return cue_start, suffix.end() if suffix else cue_end


_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
_HEADLINE_SMALL = words("a an the of to in on at for and or but by with from as is vs")


def _title_case(body: str, start: int, end: int) -> bool:
    """Whether a sentence is a title-case headline: every word of four or more, but the
    small ones, capitalised ("Mayor Says Dam Will Hold")."""
    words_ = body[start:end].split()
    if len(words_) < 4 or len(words_) > 25:
        return False
    return all(
        word[0].isupper() or not word[0].isalpha() or word in _HEADLINE_SMALL for word in words_
    )


# Words after which a cue reports nothing: "spoke with voters" (where he spoke, not what
# he said: PolNeAR marks "spoke about"), "found himself", "found a way".
_NOT_BEFORE_WORDS = {
    "spoke": words("to with on at in for before during ,"),
    "found": words("a an himself herself itself themselves ways way"),
}


def _next_word(body: str, end: int) -> str:
    """The word after ``end`` (a comma right after it counts as one), lower-cased."""
    if body.startswith(",", end):
        return ","
    following = body[end : end + 16].split(maxsplit=1)
    return following[0].lower() if following else ""


# Verbs that report speech wherever they stand, even when their source is out of the
# reader's reach (a long noun phrase, a relative clause without "who").
_SURE_CUES = words("said asked")
# Passives whose subject is what someone says, expects or believes, with nobody named:
# "Obama is expected to join Clinton", "advisers are said to be urging him".
_RAISING_PASSIVES = words(
    """
    expected said believed thought known reported rumored rumoured alleged understood
    """
)


def _raised(cue: Cue, core_end: int) -> Found | None:
    """A raising passive ("is expected to attend") or a question put to the subject ("was
    asked about the border"): a cue without a source. The content is what follows the cue,
    so the subject stays the writer's."""
    body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
    if lower == "asked":
        if _ASKED_WHAT.match(body, end, sentence.end) is None:
            return None
    elif lower == "known":
        if body.startswith((" as ", " for "), end):
            end = body.index(" ", end + 1)  # PolNeAR's cue takes in "as" and "for"
        elif not body.startswith(" to ", end):
            return None
    elif lower not in _RAISING_PASSIVES or not body.startswith(" to ", end):
        return None
    content = _clause(body, end + 1, sentence.end)
    if content is None:
        return None
    cue_start = _trim_span(body, core_end, start)[0]
    return Found(cue=(cue_start, end), source=None, content=content, sentence=cue.index)


_ASKED_WHAT = re.compile(r" (?:about|whether|if|to|why|what|how|who|which|when|where)\b")


_NAMING_PARTICIPLES = words("called named dubbed titled labeled labelled")
_NAME_FOLLOWS = re.compile(r"\s+(?:[\"“]|''|[A-Z])")
_NAME_THEN_QUOTE = re.compile(r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:[\"“]|'')")


def _names_a_thing(body: str, cue_end: int, src_start: int, src_end: int) -> bool:
    """Whether 'X called Y' names a thing (a description, then a name or a title)."""
    if _names_or_pronoun(body[src_start:src_end]):
        return False
    if _NAME_THEN_QUOTE.match(body, cue_end) is not None:
        return False  # 'one lawmaker called Hale "a menace"': what Hale was called
    return _NAME_FOLLOWS.match(body, cue_end) is not None


def _first_or_second_person(body: str, item: Found) -> bool:
    if item.source is None:
        return False
    return body[item.source[0] : item.source[1]].lower() in ("i", "we", "you")


def _cue_to_clause_end(body: str, cue_end: int, sentence_end: int) -> int:
    """'"...," he said Tuesday.': PolNeAR's cue takes in when and where it was said."""
    clause = _clause(body, cue_end, sentence_end)
    if clause is None:
        return cue_end
    if body.startswith(" of ", cue_end):
        return cue_end + 3
    skip = _SKIP_AFTER_CUE.match(body, cue_end, clause[1])
    if skip is not None and skip.end() == clause[1]:
        return clause[1]
    return cue_end


# After "said Smith": a word that makes Smith the subject of reported speech ("said Clinton
# didn't appear concerned"), not the speaker of what came before.
_VERB_AFTER_NAME = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|would|will|could|should|can|did|does|didn['’]t|"
    r"doesn['’]t|wasn['’]t|isn['’]t|won['’]t|wouldn['’]t|hasn['’]t|had|must|may|might)\b"
)
_SUBJECT = re.compile(rf"(?:[^,]{{0,60}},\s*){{0,3}}(?P<src>(?:He|She|They|{_NAME}))(?=\s+[a-z])")
# "The president left no doubt ...", "Both parents stiffened ...": a determiner, up to four
# words, then a verb (past, an auxiliary, or a common irregular past).
_DESCRIBED_SUBJECT = re.compile(
    r"(?:[^,]{0,60},\s*){0,2}(?P<src>(?:The|A|An|Both|His|Her|Their|Its)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)"
    r"(?=\s+(?:[a-z]+ed|has|had|have|was|were|is|are|will|would|began|left|took|made|went|"
    r"gave|told|said|came|sent|became|spoke|wrote|led|held|put|set|did)\b)"
)


def _role(role_match: re.Match[str] | None) -> str | None:
    """The words of a role ``_ROLE_AFTER`` matched (never empty: they open with a word)."""
    return role_match.group("role").strip() if role_match is not None else None


def _subject(
    body: str, start: int, end: int, *, described: bool = False
) -> tuple[int, int, str | None] | None:
    """The subject at the start of a sentence ("Sanders stepped up ..., saying"), else, if
    ``described``, a description followed by its verb ("The retired surgeon has given no
    details, saying": only after a comma, as "while adding three seats" reports nothing)."""
    match = _SUBJECT.match(body, start, end)
    if match is None or match.group("src") in NOT_NAMES:
        if not described:
            return None
        match = _DESCRIBED_SUBJECT.match(body, start, end)
        if match is None:
            return None
    return match.start("src"), match.end("src"), None


def _names_or_pronoun(phrase: str) -> bool:
    words = phrase.split()
    if words[-1].lower() in ("the", "a", "an", "this", "that", "these", "those"):
        return False
    return (len(words) == 1 and words[0].lower() in _PRONOUN_WORDS) or words[-1][:1].isupper()


_PRONOUN_WORDS = words(
    """
    he she they i we you it who which
    """
)


class _QuoteIndex:
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


# Words after which a noun-like form ("state", "attacks") is a noun, not a verb.
_NOT_BEFORE_VERBS = words(
    """
    the a an this that these those his her its their our my your of in on at for to from
    with by about into over under between against without no any every each some many
    more most other another such own same first last new recent several two three
    """
)


_DETERMINERS = words(
    """
    the a an this that these those his her its their our my your
    """
)
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|[:\"“]|'')")
_NOUN_CONTEXT_AFTER = re.compile(
    r"\s*(?:[.,;)]|(?:in|on|at|for|with|among|of|since|was|is|has|had|will|would|could)\b)"
)


def _determined_gerund(body: str, start: int, end: int) -> bool:
    """Whether an -ing form is a noun or an adjective: a determiner or a possessive right
    before it ("his posting abilities", "Rubio's showing"), or before an adjective before
    it and a preposition or a verb after it ("a strong showing in Iowa", "her poor showing
    was"). A clause or quote after it keeps it a cue ("the statement saying that ...")."""
    before = body[start - 40 if start > 40 else 0 : start].split()[-2:]
    if not before:
        return False
    if _is_determiner(before[-1]):
        return _CLAUSE_AFTER.match(body, end) is None
    if len(before) < 2 or not _is_determiner(before[0]) or not before[1].isalpha():
        return False
    return _NOUN_CONTEXT_AFTER.match(body, end) is not None


def _is_determiner(word: str) -> bool:
    return word.lower() in _DETERMINERS or word.endswith(("'s", "’s"))


# Verbs whose subject is also the subject of the infinitive after them ("seemed to urge").
_CONTROL_VERBS = words(
    """
    continue continues continued continuing seem seems seemed appear appears appeared want
    wants wanted try tries tried trying managed hesitated refused declined began begin
    begins started plan plans planned planning intend intends intended hope hopes hoped
    vowed promised agreed decided chose wish wishes wished need needs needed like would
    rushed sought seeks seek moved went goes go going came
    """
)
_CONTROL_PARTICLES = ("on to", "to")  # "went on to say", "wants to say"


def _control_verb_start(body: str, window: int, end: int) -> int | None:
    """Where a verb taking an infinitive ends right before ``end`` ("continue to", "went on
    to"), so the subject can be read before it; None if there is none."""
    head = body[window:end].rstrip()
    for particle in _CONTROL_PARTICLES:
        if head.endswith(" " + particle):
            verb_end = window + len(head) - len(particle) - 1
            space = body.rfind(" ", window, verb_end)
            verb = body[space + 1 : verb_end]
            if verb in _CONTROL_VERBS and (particle == "to" or verb in ("went", "goes", "go")):
                return space + 1 if space >= 0 else None
    return None


def _previous_word(body: str, start: int) -> str:
    space = body.rfind(" ", start - 30 if start > 30 else 0, start - 1)
    return body[space + 1 : start].strip().lower()


def _clause_ended(body: str, sentence_start: int, cue_start: int) -> bool:
    """Whether the text before a cue ends a clause (so ``said Smith`` can follow)."""
    before = body[sentence_start:cue_start].rstrip()
    return not before.strip("\"“”'‘’") or before[-1] in _CLAUSE_END_CHARS


def _skip_non_names(body: str, start: int, end: int) -> int:
    """Drop sentence-initial words ("But", "Yesterday") from the front of a source."""
    while True:
        space = body.find(" ", start, end)
        if space < 0:
            return start
        word = body[start:space]
        if word not in NOT_NAMES or word in ("The", "A", "An", "His", "Her", "Their", "Its"):
            return start
        start = space + 1
        while start < end and body[start].isspace():
            start += 1


def _clip(body: str, content: tuple[int, int] | None, end: int) -> tuple[int, int] | None:
    """Content of an attribution inside a quote stops where the quote does."""
    if content is None or content[1] <= end:
        return content
    return _clause(body, content[0], end) if content[0] < end else None


# str.strip in C rather than a loop a character: the spans are often long.
def _trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace around it (empty at ``end`` if all space)."""
    text = body[start:end]
    trimmed = text.lstrip()
    start = end - len(trimmed)
    return start, start + len(trimmed.rstrip())


def _after_as(body: str, sentence_start: int, source_start: int) -> bool:
    """Whether "as" stands right before the source ("As the paper noted, ...")."""
    before = body[max(sentence_start, source_start - 5) : source_start].lower()
    return before.endswith("as ") and (len(before) < 4 or not before[-4].isalnum())


# "as the paper noted in an op-ed Thursday, ": what stands between the cue and the comma.
_TO_COMMA = re.compile(r"[^,.;:\"“”]{0,60},\s*")


def _as_content(
    body: str, cue_end: int, sentence: Span, source_start: int
) -> tuple[int, int] | None:
    """The main clause an "as X noted" aside attributes: the rest of the sentence after the
    aside, else the clause before ", as"."""
    comma = _TO_COMMA.match(body, cue_end, sentence.end)
    if comma is not None:
        return _clause(body, comma.end(), sentence.end)
    aside = body.rfind(",", sentence.start, source_start)
    if aside > sentence.start and body[aside:source_start].strip(", ").lower() == "as":
        return _clause(body, sentence.start, aside)
    return None


def _clause(body: str, start: int, end: int) -> tuple[int, int] | None:
    """``body[start:end]`` without surrounding space and the sentence's final stop."""
    text = body[start:end]
    clause = text.lstrip()
    start = end - len(clause)
    clause = clause.rstrip().rstrip(_TERMINAL)
    return (start, start + len(clause)) if clause else None


def _outside_roles(body: str, found: list[Found]) -> list[Found]:
    """Drop cues inside another attribution's role ("said Dana, a nurse who asked ..."),
    but for a relative clause of their own ("Dana, who said the dam was safe, said ...")."""
    roles = sorted(item.role_span for item in found if item.role_span is not None)
    if not roles:
        return found
    kept: list[Found] = []
    cursor = 0
    for item in found:  # cues and roles both in body order: one pass
        start = item.cue[0] if item.cue else 0
        while cursor < len(roles) and roles[cursor][1] <= start:
            cursor += 1
        if cursor < len(roles) and roles[cursor][0] <= start:
            if not _relative(body, item, roles[cursor][0]):
                continue
            item.content = _clip(body, item.content, roles[cursor][1])
        kept.append(item)
    return kept


def _relative(body: str, item: Found, role_start: int) -> bool:
    """Whether an attribution's source is the "who" opening the role it stands in."""
    source = item.source
    return source is not None and source[0] == role_start and body.startswith("who ", role_start)


# Cues of these kinds inside what another attribution reports ("Perry told reporters that
# he *believes* ...", "said voters *want* change") are part of the report; PolNeAR rarely
# annotates them (a fifth are gold cues on its train split), where it does most nested
# speech cues.
_NESTED_KINDS = frozenset(["cognition", "stance"])


def _outside_reports(found: list[Found]) -> list[Found]:
    """Drop belief and stance cues that stand inside another attribution's content."""
    kept: list[Found] = []
    for position, item in enumerate(found):
        if item.kind in _NESTED_KINDS and item.cue is not None:
            cue_start, cue_end = item.cue
            if any(
                other.content is not None
                and other.content[0] <= cue_start
                and cue_end <= other.content[1]
                for other in _same_sentence(found, position)
            ):
                continue
        kept.append(item)
    return kept


def _link_second_hand(found: list[Found]) -> None:
    """'Smith said, according to the Gazette': Smith's attribution is reported via the Gazette."""
    for position, item in enumerate(found):
        if item.marker == "according":
            for other in _same_sentence(found, position):
                if not other.marker:
                    other.via = position
        elif item.marker == "citing":
            # The outer report is the nearest plain attribution of the sentence: usually the
            # one before ("X reported, citing Y"), else the next ("X, citing Y, reported").
            outer = next(
                (
                    other
                    for other in (position - 1, position + 1)
                    if 0 <= other < len(found)
                    and found[other].sentence == item.sentence
                    and not found[other].marker
                ),
                None,
            )
            if outer is not None:
                item.via = outer
                if found[outer].content is not None:
                    item.content = found[outer].content  # what the outer source reported


def _same_sentence(found: list[Found], position: int) -> list[Found]:
    """The other attributions in the sentence of ``found[position]`` (neighbours only)."""
    sentence = found[position].sentence
    first = position
    while first > 0 and found[first - 1].sentence == sentence:
        first -= 1
    last = position
    while last + 1 < len(found) and found[last + 1].sentence == sentence:
        last += 1
    return [found[i] for i in range(first, last + 1) if i != position]


def _to_draft(body: str, item: Found) -> AttributionDraft:
    source, cue, content = item.source, item.cue, item.content
    # source_type and speaker are set by speakers.SpeakerResolver, source_id by
    # speakers.SourceBuilder.
    return AttributionDraft(
        source=_span(body, *source) if source else None,
        cue=_span(body, *cue) if cue else None,
        content=_span(body, *content) if content else None,
        role=item.role,
        direct=item.direct,
        sentence=item.sentence,
        via=item.via,
        in_quote=item.in_quote,
    )


_span = Span.of
