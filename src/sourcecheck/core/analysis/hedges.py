"""Hedge cues: the words that soften a claim ("may", "reportedly", "about 40", "if").

The ``hedges`` lexicon maps each :data:`~sourcecheck.core.models.HedgeCategory` to entries
written in a small pattern language, so config and plugins can add cues without code:

``core words``
    the cue itself; the reported span. Matched case-insensitively on word boundaries,
    any run of whitespace between words, straight or curly apostrophes.
``[a|b] core`` / ``core [a|b]``
    the word just before / just after the cue must be one of the alternatives (not part
    of the span). ``[!a|b]`` means it must NOT be one of them.

Alternatives are lower-case words or macros: ``{be}`` (forms of "to be"), ``{det}``
(determiners and possessives), ``{pron}`` (subject pronouns), ``{num}`` (a number follows:
"40", "$3", "a dozen", "half", "forty"), ``{punct}`` (punctuation or the end of the text
instead of a word), ``{start}`` (the cue opens its sentence) and ``{poss}`` (a possessive
word: "the mayor's", "voters'").

Entries of the ``not_hedges`` category are readings that look like a cue but are none
("more likely to", "the claim that"): they are tried before every other entry of their core,
and a match means no hedge.

All cores compile into ONE regex (a trie of alternatives, so the engine rejects a
position after a character or two); contexts are only checked on the few hits.
A core may have several entries: entries with contexts are tried first, so a specific
reading ("{be} believed" -> weasel) wins over a general one ("believed" -> speculative verb).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import get_args

from sourcecheck.core.analysis.patterns import candidate_copy, confirmed_spans, is_ascii_word
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import (
    Attribution,
    Hedge,
    HedgeCategory,
    Quote,
    Span,
)

CATEGORIES: frozenset[str] = frozenset(get_args(HedgeCategory))
# The lexicon category of readings that look like a cue but are none ("more likely to",
# "the claim that"): a matching entry there means "no hedge here".
NOT_HEDGES = "not_hedges"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MACROS: dict[str, frozenset[str]] = {
    "be": _words(
        "is are was were be been being am 's 're isn't aren't wasn't weren't "
        "it's that's there's he's she's they're we're"
    ),
    "det": _words(
        "a an the this that these those his her its their our my your whose "
        "any every each no some all such"
    ),
    "pron": _words("i you he she it we they who which that"),
}
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|a\\s+third|"
    "a\\s+quarter|a\\s+fifth|a\\s+tenth|two-thirds|three-quarters"
)
_UNITS = "dozen|hundred|thousand|million|billion|third|quarter|half|year|month|week|day|hour|minute|decade|century|mile|kilometre|kilometer"
# What may follow an approximator for it to approximate a quantity.
_NUMBER_AHEAD = re.compile(
    rf"\s+(?:[$£€¥]?\d[\d,.]*(?:s|m|bn|k)?\b|(?:{_NUMBER_WORDS})\b|an?\s+(?:{_UNITS})s?\b|a\s+few\b)",
    re.IGNORECASE,
)
_NEXT_TOKEN = re.compile(r"\s*(\w+(?:['’]\w+)?|[^\w\s]|$)")
# The lookbehind starts a match only where a word does: searched, "[\w'’]+\Z" was tried
# from every letter of a word that is not the last.
_TRAILING_WORD = re.compile(r"(?<![\w'’])[\w'’]+\Z")
_LOOKBEHIND = 40  # characters searched for the previous word: longer than English words
_PRONOUN_AFTER_MAY = _words("i we you he she it they")

# Verbs that, used actively, report what someone holds true ("Most voters believe he could
# win", "what he truly believed"): the belief and the rest of its clause are the holder's, as
# an attribution's are, unless the holder is the writer ("I think") or a vague crowd ("many
# consider", a weasel the writer chose).
_HOLDER_VERBS = _words(
    "believe believes believed believing think thinks thought suspect suspects suspected "
    "consider considers assume assumes assumed presume presumes speculate speculates "
    "speculated imply implies implied doubt doubts"
)
# The writer, a vague crowd, or a passive ("is believed", "once thought extinct").
_NOT_A_HOLDER = (
    _words("i we some many most few others people once originally traditionally long widely")
    | _MACROS["be"]
)
# Where a held belief's clause ends before its sentence does: a semicolon, a dash, or a
# contrast that the writer adds in their own voice.
_CLAUSE_END = re.compile(r"[;—–]|\s--?\s|,\s+(?:but|although|though|while|whereas|yet)\b")

_GROUP = re.compile(r"\(([^()]*)\)")
_ENTRY = re.compile(
    r"^\s*(?:\[(?P<before>[^\]]+)\]\s+)?(?P<core>[^\[\]]+?)(?:\s+\[(?P<after>[^\]]+)\])?\s*$"
)


class LexiconError(ConfigError):
    """A hedge lexicon entry (built-in, from config or from a plugin) that cannot be parsed."""


@dataclass(frozen=True, slots=True)
class _Context:
    """One side's condition: the neighbouring token is (or, negated, is not) one of ``words``."""

    words: frozenset[str]
    negated: bool
    number: bool  # the {num} macro: a quantity must follow
    punct: bool  # the {punct} macro: no word, punctuation or end of text
    start: bool  # the {start} macro: the cue opens the sentence
    poss: bool  # the {poss} macro: a possessive ("the mayor's", "voters'")

    def holds(self, token: str, at_sentence_start: bool, number_ahead: bool) -> bool:
        hit = (
            token in self.words
            or (self.punct and not token[:1].isalnum())
            or (self.poss and token.endswith(("'s", "s'")))
            or (self.start and at_sentence_start)
            or (self.number and number_ahead)
        )
        return hit != self.negated


@dataclass(frozen=True, slots=True)
class _Entry:
    category: str
    before: _Context | None
    after: _Context | None


def _parse_context(text: str, entry: str) -> _Context:
    negated = text.startswith("!")
    words: set[str] = set()
    flags = {"num": False, "punct": False, "start": False, "poss": False}
    for alternative in text.lstrip("!").split("|"):
        word = alternative.strip().lower()
        if word.startswith("{") and word.endswith("}"):
            name = word[1:-1]
            if name in flags:
                flags[name] = True
            elif name in _MACROS:
                words |= _MACROS[name]
            else:
                raise LexiconError(f"hedge lexicon entry {entry!r}: unknown macro {word}")
        elif word:
            words.add(word.replace("’", "'"))
    return _Context(
        frozenset(words), negated, flags["num"], flags["punct"], flags["start"], flags["poss"]
    )


def parse_entry(entry: str, category: str) -> tuple[list[str], _Entry]:
    """``entry`` -> (its normalised core phrases, its conditions).

    A core may hold groups of alternatives, ``(critics|experts) (say|said)``, which
    expand to one phrase per combination. Raises :class:`LexiconError`.
    """
    if category not in CATEGORIES and category != NOT_HEDGES:
        known = sorted(CATEGORIES | {NOT_HEDGES})
        raise LexiconError(f"hedge lexicon category {category!r} is not one of {known}")
    match = _ENTRY.match(entry)
    if match is None or not re.search(r"\w", match["core"]):
        raise LexiconError(f"hedge lexicon entry {entry!r} has no cue words")
    before = _parse_context(match["before"], entry) if match["before"] else None
    after = _parse_context(match["after"], entry) if match["after"] else None
    return _expand(match["core"], entry), _Entry(category, before, after)


def _expand(core: str, entry: str) -> list[str]:
    """Every phrase a core stands for: one per choice in each ``(a|b)`` group."""
    group = _GROUP.search(core)
    if group is None:
        if "(" in core or ")" in core:
            raise LexiconError(f"hedge lexicon entry {entry!r} has an unbalanced parenthesis")
        return [normalise(core)]
    head, tail = core[: group.start()], core[group.end() :]
    return [
        phrase
        for option in group[1].split("|")
        for phrase in _expand(f"{head}{option}{tail}", entry)
    ]


def normalise(phrase: str) -> str:
    """The lookup key of a cue: lower case, single spaces, straight apostrophes."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _trie_regex(phrases: Iterable[str], char_regex: Callable[[str], str] | None = None) -> str:
    """One regex alternation for all ``phrases``, factored as a character trie.

    Python's ``re`` tries alternatives one by one; a trie makes each position cost a
    character or two instead of one comparison per phrase. Longer continuations come
    before the end marker, so the longest phrase wins and backtracking finds shorter ones.
    ``char_regex`` writes one character of a phrase (default: :func:`_char_regex`).
    """
    char_regex = char_regex or _char_regex
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = []
        ends = "" in node
        for char in sorted(c for c in node if c):
            branches.append(char_regex(char) + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _char_regex(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return re.escape(char)


# The only characters on which matching ASCII cues case-insensitively differs from matching
# the lower-cased text: "ı" and "ſ" match "i" and "s" under re.IGNORECASE but lower-case to
# themselves, the Kelvin sign lower-cases to "k" (the candidate text, made from the body,
# reads it as a space) and "İ" lower-cases to two characters. Checked over all of Unicode
# in tests/analysis/test_text_fast_paths.py.
FOLD_APART = "ıſ\u212aİ"


def lowers_as_ignore_case(text: str) -> bool:
    """Whether ASCII phrases match ``text.lower()`` exactly where they match ``text`` under
    re.IGNORECASE: true unless the text holds a :data:`FOLD_APART` character."""
    return text.isascii() or not any(char in text for char in FOLD_APART)


def _is_ascii_cue(phrase: str) -> bool:
    return phrase.isascii() and is_ascii_word(phrase[0]) and is_ascii_word(phrase[-1])


def _candidate_char_regex(char: str) -> str:
    """A cue character as it reads in the candidate text (one byte per character)."""
    if char == " ":
        return " +"  # any run of whitespace
    return re.escape(char) if is_ascii_word(char) else " "


class HedgeFinder:
    """Finds hedge cues; build once per lexicon set (compiling is the slow part)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        self._entries = _load_entries(lexicons.get("hedges"))
        phrases = sorted(self._entries)
        pattern = rf"\b{_trie_regex(phrases)}\b"
        # Matching the lower-cased body case-sensitively is about twice as fast as
        # re.IGNORECASE; the ignore-case pattern is kept for the rare text whose length
        # changes when lower-cased (offsets would no longer line up).
        self._pattern = re.compile(pattern)
        self._pattern_any_case = re.compile(pattern, re.IGNORECASE)
        # See _matches; it relies on every cue being ASCII (see FOLD_APART) and starting
        # and ending with a word character.
        self._candidates: re.Pattern[bytes] | None = None
        if phrases and all(_is_ascii_cue(phrase) for phrase in phrases):
            candidate = rf" (?={_trie_regex(phrases, _candidate_char_regex)}\b)"
            self._candidates = re.compile(candidate.encode("ascii"))
        # Cues whose reading never depends on their neighbours: one dict lookup each.
        self._plain = {
            key: options[0].category
            for key, options in self._entries.items()
            if len(options) == 1
            and options[0].category != NOT_HEDGES
            and options[0].before is None
            and options[0].after is None
            and key != "may"
        }

    def find(
        self,
        body: str,
        sentences: Sequence[Sentence],
        quotes: Sequence[Quote],
        attributions: Sequence[Attribution],
    ) -> list[Hedge]:
        starts = [s.span.start for s in sentences]
        source_zones = _source_zones(quotes, attributions)
        hedges: list[Hedge] = []
        held_until = -1  # the end of the clause a third party's belief verb governs
        for start, end, key in self._cues(body):
            sentence = max(bisect_right(starts, start) - 1, 0)
            category = self._plain.get(key)
            if category is None:
                sentence_start = starts[sentence] if starts else 0
                key = key if key in self._entries else normalise(key)
                category = self._category(body, key, start, end, sentence_start)
                if category is None:
                    continue
            if start < held_until or _inside(source_zones, start, end):
                voice = "source"
            elif category == "speculative_verb" and key in _HOLDER_VERBS:
                held_until = _held_clause_end(body, start, end, sentences, sentence)
                voice = "source" if held_until > start else "writer"
            else:
                voice = "writer"
            # Positional arguments and Span(...), not Span.of, as for every record made by
            # the dozen (see claims).
            hedges.append(Hedge(Span(start, end, body[start:end]), category, voice, sentence))
        return hedges

    def _cues(self, body: str) -> list[tuple[int, int, str]]:
        """(start, end, text) of every match of ``self._pattern`` in ``body.lower()``, or
        of the ignore-case pattern in ``body`` when lower-casing changes its length."""
        candidates = self._candidates
        if candidates is not None and lowers_as_ignore_case(body):
            return self._matches(body, candidates)
        lowered = body.lower()
        if len(lowered) == len(body):
            return [(*match.span(), match.group()) for match in self._pattern.finditer(lowered)]
        return [(*match.span(), match.group()) for match in self._pattern_any_case.finditer(body)]

    def _matches(self, body: str, candidates: re.Pattern[bytes]) -> list[tuple[int, int, str]]:
        r"""What :meth:`_cues` finds, for a body holding no :data:`FOLD_APART` character.

        re tries a ``\b``-led pattern at every position of the text: that was most of the
        cost of finding hedges. So cues are first looked for in a candidate text, a bytes
        copy of the body with one byte per character where ASCII word characters stay
        (lower-cased) and every other character reads as a space, right after a space,
        which re finds with its fast literal search. Every real match is a candidate: a
        cue starts after a non-word character (a space there) and its words, whitespace
        and apostrophes read as the candidate pattern reads them. Each candidate is then
        checked with the ignore-case pattern on the body, in order and without overlaps,
        as finditer would. With no FOLD_APART character about, that pattern matches the
        body where ``self._pattern`` matches it lower-cased.
        """
        # candidate_copy: a cue at the very start follows a space too, and each candidate's
        # start (its space) is the cue's offset in ``body``. Lower-cased, as the cues are.
        found = candidates.finditer(candidate_copy(body).lower())
        spans = confirmed_spans(body, found, self._pattern_any_case.match)
        return [(start, end, body[start:end].lower()) for start, end in spans]

    def _category(
        self, body: str, key: str, start: int, end: int, sentence_start: int
    ) -> str | None:
        """The category of the cue ``key`` at ``[start, end)``, or None if no context fits."""
        entries = self._entries[key]
        if key == "may":
            at_start = _at_start(body, sentence_start, start)
            if not _is_modal_may(body, body[start:end], end, at_start):
                return None
        neighbours = _Neighbours(body, start, end, sentence_start)
        for entry in entries:
            if entry.before and not neighbours.before_holds(entry.before):
                continue
            if entry.after and not neighbours.after_holds(entry.after):
                continue
            return None if entry.category == NOT_HEDGES else entry.category
        return None


class _Neighbours:
    """The words around one cue, computed only when an entry's context asks for them."""

    __slots__ = ("_body", "_end", "_next", "_prev", "_sentence_start", "_start")

    def __init__(self, body: str, start: int, end: int, sentence_start: int) -> None:
        self._body, self._start, self._end = body, start, end
        self._sentence_start = sentence_start
        self._prev: str | None = None
        self._next: str | None = None

    def before_holds(self, context: _Context) -> bool:
        if self._prev is None:
            self._prev = _previous_token(self._body, self._start, self._sentence_start)
        at_start = context.start and _at_start(self._body, self._sentence_start, self._start)
        return context.holds(self._prev, at_start, number_ahead=False)

    def after_holds(self, context: _Context) -> bool:
        if self._next is None:
            self._next = _next_token(self._body, self._end)
        number = context.number and _NUMBER_AHEAD.match(self._body, self._end) is not None
        return context.holds(self._next, at_sentence_start=False, number_ahead=number)


def _at_start(body: str, sentence_start: int, start: int) -> bool:
    """Whether only opening punctuation stands between the sentence start and ``start``."""
    return not body[sentence_start:start].strip(" \t\n\"'“‘(—–-")


def _load_entries(lexicon: list[str] | dict[str, list[str]]) -> dict[str, list[_Entry]]:
    if not isinstance(lexicon, dict):
        raise LexiconError("the 'hedges' lexicon must map categories to lists of entries")
    entries: dict[str, list[_Entry]] = {}
    for category, phrases in lexicon.items():
        for phrase in phrases:
            cores, entry = parse_entry(phrase, category)
            for core in cores:
                entries.setdefault(core, []).append(entry)
    for options in entries.values():
        # Exclusions first, then specific readings: an entry with a context outranks a
        # bare one.
        options.sort(key=_entry_rank)
    return entries


def _held_clause_end(
    body: str, start: int, end: int, sentences: Sequence[Sentence], sentence: int
) -> int:
    """Where the clause of a belief verb at ``[start, end)`` ends, if someone other than the
    writer holds the belief; -1 if the writer does, or nobody is named ("thought to be")."""
    span = sentences[sentence].span if sentences else Span.of(body, 0, len(body))
    holder = _previous_token(body, start, span.start)
    if not holder or holder in _NOT_A_HOLDER or _next_token(body, end) == "to":
        return -1
    clause_end = _CLAUSE_END.search(body, end, span.end)
    return clause_end.start() if clause_end else span.end


def _entry_rank(entry: _Entry) -> int:
    if entry.category == NOT_HEDGES:
        return 0
    return 1 if entry.before or entry.after else 2


def _is_modal_may(body: str, text: str, end: int, at_sentence_start: bool) -> bool:
    """Tell the modal from the month and the surname ("in May", "May 3", "Theresa May").

    A modal is never capitalised inside a sentence, so a capital "May" there is a name.
    At the start of a sentence the modal opens a question ("May we ..."); the month is
    followed by anything else ("May was wet", "May 3 is the deadline").
    """
    if text[0] == "m":
        return True
    if not at_sentence_start or text == "MAY":
        return False
    return _next_token(body, end) in _PRONOUN_AFTER_MAY


def _next_token(body: str, end: int) -> str:
    match = _NEXT_TOKEN.match(body, end)
    return match.group(1).lower().replace("’", "'") if match else ""


def _previous_token(body: str, start: int, sentence_start: int) -> str:
    """The word (or punctuation mark) just before ``start`` in its sentence, lower-cased."""
    # rsplit runs in C: the last whitespace-separated chunk holds the previous token.
    lowest = start - _LOOKBEHIND
    if lowest < sentence_start:
        lowest = sentence_start
    chunks = body[lowest:start].rsplit(None, 1)
    if not chunks:
        return ""
    last = chunks[-1]
    if not (last[-1].isalnum() or last[-1] in "_'’"):
        return last[-1]
    word = _TRAILING_WORD.search(last)
    return word.group().lower().replace("’", "'") if word else last[-1]


def _source_zones(
    quotes: Sequence[Quote], attributions: Sequence[Attribution]
) -> list[tuple[int, int]]:
    """Sorted, merged spans where words belong to a source rather than the writer.

    That is quoted words, attributed content, and the cue of an attribution that names a
    source ("Police *believe* ..."): the hedge is the source's stance, reported.
    """
    zones = []
    for quote in quotes:
        span = quote.span
        zones.append((span.start, span.end))
    for attribution in attributions:
        content = attribution.content
        if content is not None:
            zones.append((content.start, content.end))
        cue = attribution.cue
        if cue is not None and attribution.source is not None:
            zones.append((cue.start, cue.end))
    zones.sort()
    merged: list[tuple[int, int]] = []
    for start, end in zones:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(zones: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(zones, (start, float("inf"))) - 1
    return index >= 0 and zones[index][0] <= start and end <= zones[index][1]
