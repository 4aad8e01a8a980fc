"""Who a source is: its type (named person, organisation, document, anonymous, vague,
author) and, for pronouns and descriptions ("he", "the lawmaker"), whom it refers to.

Typing reads the words of the source phrase against the lexicons. Resolution walks the
article once, in order, remembering the most recent person, organisation and group
mentioned, so it costs one pass however many attributions there are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from sourcecheck.core.analysis.patterns import POSSESSIVE, WordStartPattern, alternation, words
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import SourceType

Kind = Literal["named", "pronoun", "person_description", "org_description", "group", "other"]

PERSON_PRONOUNS = frozenset(["he", "she", "who", "him", "her"])
GROUP_PRONOUNS = frozenset(["they", "them"])
THING_PRONOUNS = frozenset(["it", "which", "that"])
AUTHOR_PRONOUNS = frozenset(["i", "we", "me", "us"])
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | AUTHOR_PRONOUNS | {"you"}

DETERMINERS = words(
    """
    the a an one two three four five six seven eight nine ten several some many most
    other another both all these those this that his her their its our my your
    """
)
# Capitalised words that start a sentence or clause but never a source name.
NOT_NAMES = words(
    """
    The A An But And Or So Yet In On At For As After Before When While If Although
    Though Since During By With Without Meanwhile However Still Then Now Today Yesterday
    Later Earlier Also Instead Asked Speaking Writing Separately Last This That These
    Those There Here Some Many Most Other Another Both All His Her Their Its Our My Your
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Recently Finally Even
    Indeed Nor Not Like Unlike Already Again Further Moreover Thus Hence Until Once
    Because Despite Through Under Over From To Of Into About What Why How Where Who
    Which Whether Mr Q No Yes Please Let
    """
)
# Split at the first space of a run (the lookbehind): split at every one, a run of spaces
# not followed by one of the words was read again from each of its spaces.
_POST_MODIFIER = re.compile(
    r"(?<!\s)\s+(?:for|at|of|from|by|with|in|on|inside|within|close\s+to|familiar\s+with|briefed\s+on|"
    r"who|involved|knowledgeable)\b"
)
_CLASSIFIED_MAX = 20_000  # remembered source phrases per engine: a few MB at most
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})(?:['’]s)?$")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class SourceInfo:
    """What the words of a source phrase say about it, before resolution."""

    source_type: SourceType
    kind: Kind
    speaker: str | None = None


class SourceTyper:
    """Types source phrases with the lexicons in force."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.anonymous_heads = _lower_set(lexicons.get("anonymous_sources"), "heads")
        anonymous_phrases = _category(lexicons.get("anonymous_sources"), "phrases")
        self._anonymous = WordStartPattern(rf"{alternation(anonymous_phrases)}\b", "i")
        self.anonymous_phrase = self._anonymous.plain
        self.vague_heads = {p.lower() for p in lexicons.phrases("vague_sources")}
        self.document_heads = {p.lower() for p in lexicons.phrases("document_nouns")}
        org = lexicons.get("organization_words")
        self.org_words = set(_category(org, "name_words"))
        self.org_heads = _lower_set(org, "description_heads")
        self.governments = set(_category(org, "governments"))
        titles = lexicons.get("person_titles")
        self.titles = set(_category(titles, "abbreviated")) | set(_category(titles, "words"))
        self.role_nouns = _lower_set(titles, "role_nouns")
        # Nouns that stay descriptions even capitalised at the start of a sentence.
        self.common_nouns = (
            self.vague_heads
            | self.anonymous_heads
            | self.document_heads
            | self.org_heads
            | self.role_nouns
            | {noun + "s" for noun in self.role_nouns}
        )
        self._classified: dict[tuple[str, bool], SourceInfo] = {}

    def anonymous(self, text: str) -> bool:
        """Whether ``self.anonymous_phrase.search(text)`` finds a phrase."""
        return self._anonymous.occurs(text)

    def classify(self, phrase: str, *, in_quote: bool = False) -> SourceInfo:
        """What the words of ``phrase`` say about the source (a fresh object: callers edit it)."""
        known = self.known(phrase, in_quote)
        return SourceInfo(known.source_type, known.kind, known.speaker)

    def known(self, phrase: str, in_quote: bool = False) -> SourceInfo:
        """``classify(phrase, in_quote=in_quote)`` shared, not copied: never edit it."""
        # The same few phrases ("he", "officials", "the company") open most attributions of
        # every article, and typing one runs several regexes: remember the answers.
        key = (phrase, in_quote)
        known = self._classified.get(key)
        if known is None:
            known = self._classify(phrase, in_quote)
            if len(self._classified) < _CLASSIFIED_MAX:
                self._classified[key] = known
        return known

    def _classify(self, phrase: str, in_quote: bool) -> SourceInfo:
        words = phrase.split()
        if not words:
            return SourceInfo("unknown", "other")
        lower = phrase.lower()
        if len(words) == 1 and lower in PRONOUNS:
            if lower in AUTHOR_PRONOUNS and not in_quote:
                return SourceInfo("author", "named", "the author")
            return SourceInfo("unknown", "pronoun")
        if self.anonymous(phrase):
            return SourceInfo("anonymous", "group")
        head_words = _POST_MODIFIER.split(phrase, maxsplit=1)[0].split()
        head = _POSSESSIVE.sub("", head_words[-1]).lower() if head_words else lower
        bare = " ".join(w for w in words if w.lower() != "the")
        if bare in self.governments:
            return SourceInfo("named_organization", "named", bare)
        named = self._names(head_words)
        common = head_words[-1][0].islower() or (
            head in self.common_nouns
            and (len(head_words) == 1 or head_words[0].lower() in DETERMINERS)
        )
        if head in self.document_heads and common:
            return SourceInfo("document", "other")
        if common:
            return self._description(head, head_words, named)
        if any(w.rstrip(".,") in self.org_words or _ACRONYM.match(w) for w in named):
            return SourceInfo("named_organization", "named", bare)
        if named:
            last_title = max((i for i, w in enumerate(named) if w in self.titles), default=-1)
            person = " ".join(named[last_title + 1 :])  # "Health Secretary Dana Whitfield"
            return SourceInfo("named_person", "named", person or " ".join(named))
        return SourceInfo("unknown", "other")

    def _description(self, head: str, head_words: list[str], named: list[str]) -> SourceInfo:
        """A phrase ending in a common noun: 'analysts', 'a senior official', 'the senator'."""
        first = head_words[0].lower()
        definite = first in ("the", "this", "that") or _POSSESSIVE.search(head_words[0]) is not None
        if head in self.vague_heads:
            return SourceInfo("vague", "group")
        if head in self.anonymous_heads and not (definite and not head.endswith("s")):
            return SourceInfo("anonymous", "group")
        if head in self.org_heads:
            if named and not definite:
                return SourceInfo("named_organization", "named", " ".join(named))
            return SourceInfo("named_organization", "org_description")
        if head in self.role_nouns or head in self.anonymous_heads:
            if definite:
                return SourceInfo("named_person", "person_description")
            return SourceInfo("anonymous", "group")
        if definite:
            return SourceInfo("unknown", "person_description")
        return SourceInfo("unknown", "other")

    def _names(self, words: list[str]) -> list[str]:
        """The capitalised words of a phrase that can be part of a name."""
        return [
            w
            for i, w in enumerate(words)
            if w[:1].isupper() and not (i == 0 and w in NOT_NAMES) and w.lower() not in DETERMINERS
        ]


def _category(entries: list[str] | dict[str, list[str]], name: str) -> list[str]:
    if isinstance(entries, dict):
        return list(entries.get(name, [])) + list(entries.get("other", []))
    return list(entries)


def _lower_set(entries: list[str] | dict[str, list[str]], name: str) -> set[str]:
    return {p.lower() for p in _category(entries, name)}


# A source already resolved, as resolution remembers it: (source type, speaker).
_Known = tuple[SourceType, str | None]


class _Resolvable(Protocol):
    """What resolution needs of an attribution being built (see ``attributions.Found``)."""

    source: tuple[int, int] | None
    in_quote: bool
    role: str | None
    info: SourceInfo | None


_MENTION_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# The same words, with possessive quantifiers for the mention scan: a capitalised word not
# followed by another fails without backtracking letter by letter (which was most of the
# scan's cost); no shorter run of letters could be followed by the space a mention needs.
_MENTION_WORD_ONCE = rf"[A-Z][a-z'’]+{POSSESSIVE}(?:-[A-Z][a-z'’]+{POSSESSIVE})?"


class Resolver:
    """Resolves pronoun and description sources to the most recent compatible speaker."""

    def __init__(self, typer: SourceTyper) -> None:
        self.typer = typer
        # Two or more capitalised words ("Maria Lopez", "Sen. Jane Doe", "Mr. Trump"): cheap
        # person mentions to resolve to. Starting on a character class lets the regex
        # engine skip ahead to capitals; the word boundary is checked in Python.
        self._mention = re.compile(
            rf"[A-Z][a-z'’]+{POSSESSIVE}\.?{POSSESSIVE}"
            rf"(?:\s+{POSSESSIVE}(?:[A-Z]\.\s+)?{_MENTION_WORD_ONCE})+"
        )
        self._not_person = frozenset(typer.org_words | typer.governments)
        # The name and is-a-person answer of each mention's words: the same names recur
        # within and across articles, and working them out was half the cost of a mention.
        self._names: dict[str, tuple[str, bool] | None] = {}
        self._antecedent = re.compile(rf"(?P<np>{_MENTION_WORD}(?:\s+{_MENTION_WORD})*)\s*,\s*\Z")

    def mentions(self, body: str, until: int | None = None) -> list[tuple[int, str, bool]]:
        """Offset, name and is-a-person of the people and organisations in ``body``."""
        found: list[tuple[int, str, bool]] = []
        names = self._names
        end = len(body) if until is None else until
        for match in self._mention.finditer(body, 0, end):
            start = match.start()
            if start and (body[start - 1].isalnum() or body[start - 1] in "'’.-"):
                continue
            text = match.group()
            if text in names:
                name = names[text]
            else:
                name = self._name(text)
                if len(names) < _CLASSIFIED_MAX:
                    names[text] = name
            if name is not None:
                found.append((start, *name))
        return found

    def _name(self, mention: str) -> tuple[str, bool] | None:
        """The name a mention's words give, and whether it is a person's."""
        words = mention.split()
        person = self._not_person.isdisjoint(words)
        while words and words[0] in NOT_NAMES:
            words.pop(0)
        if person:  # "Health Secretary Dana Whitfield" -> "Dana Whitfield"
            titles = self.typer.titles
            last_title = max((i for i, w in enumerate(words) if w in titles), default=-1)
            words = words[last_title + 1 :]
        return (" ".join(words), person) if words else None

    def resolve(self, body: str, items: Sequence[_Resolvable]) -> None:
        """Set ``info`` (type and speaker) on every item, in one pass over the article."""
        # Mentions matter only to resolve pronouns and descriptions: scan for them only up
        # to the last source that needs them (often none, or early in the article).
        needing = [
            item.source[0]
            for item in items
            if item.source is not None and _may_refer(body, *item.source)
        ]
        mentions = self.mentions(body, max(needing) if needing else 0)
        surnames: dict[str, str] = {}
        next_mention = 0
        # What was last mentioned, as (type, speaker): a SourceInfo is made only when a
        # pronoun or a description takes one of them, not for every mention passed.
        last_person: _Known | None = None
        last_group: _Known | None = None
        last_thing: _Known | None = None  # an organisation or a document ("it")
        last_organization: _Known | None = None  # for "the agency"
        for item in items:
            if item.source is None:
                item.info = SourceInfo("unknown", "other")
                continue
            start, end = item.source
            while next_mention < len(mentions) and mentions[next_mention][0] < start:
                _, name, person = mentions[next_mention]
                if person:
                    last_person = ("named_person", _full(name, surnames))
                else:
                    last_thing = last_organization = ("named_organization", name)
                next_mention += 1
            phrase = body[start:end]
            # Shared with the typer's memory: every branch below that changes it makes a new one.
            info = self.typer.known(phrase, item.in_quote)
            if info.kind == "pronoun":
                info = self._pronoun(
                    body, start, phrase.lower(), last_person, last_group, last_thing
                )
            elif info.kind == "person_description":
                info = _inherit(last_person, "anonymous", "group")
            elif info.kind == "org_description":
                info = _inherit(last_organization, "named_organization", "org_description")
            elif info.source_type == "named_person" and info.speaker:
                info = SourceInfo(info.source_type, info.kind, _full(info.speaker, surnames))
            if item.role and self.typer.anonymous(item.role):
                # "Maria, who asked that her last name not be used, said": named, but not
                # identifiable; the reader cannot check who she is.
                info = SourceInfo("anonymous", "group", info.speaker)
            item.info = info
            source_type = info.source_type
            known = (source_type, info.speaker)
            if source_type in ("named_person", "anonymous") and info.kind != "group":
                last_person = known
            elif source_type in ("named_organization", "document"):
                last_thing = known
                if source_type == "named_organization":
                    last_organization = known
            if source_type in ("named_organization", "anonymous", "vague"):
                last_group = known

    def _pronoun(
        self,
        body: str,
        start: int,
        pronoun: str,
        last_person: _Known | None,
        last_group: _Known | None,
        last_thing: _Known | None,
    ) -> SourceInfo:
        if pronoun == "who":
            antecedent = self._antecedent.search(body, max(0, start - 80), start)
            if antecedent is not None:
                info = self.typer.known(antecedent.group("np"))
                if info.kind == "named":
                    return info
        if pronoun in PERSON_PRONOUNS or pronoun in AUTHOR_PRONOUNS or pronoun == "you":
            return _inherit(last_person, "unknown", "pronoun")
        if pronoun in GROUP_PRONOUNS:
            return _inherit(last_group, "vague", "group")
        return _inherit(last_thing, "unknown", "pronoun")


_REFERRING_FIRST_WORDS = DETERMINERS | PRONOUNS


def _may_refer(body: str, start: int, end: int) -> bool:
    """Whether a source phrase may need an antecedent ("he", "the agency", "officials")."""
    if not body[start].isupper():
        return True
    first = body[start:end].split(None, 1)
    return bool(first) and first[0].lower() in _REFERRING_FIRST_WORDS


def _inherit(
    antecedent: _Known | None, fallback_type: SourceType, fallback_kind: Kind
) -> SourceInfo:
    """A pronoun or description takes the type and speaker of what it refers to (else the
    fallback type and kind, with no speaker)."""
    if antecedent is None:
        return SourceInfo(fallback_type, fallback_kind)
    return SourceInfo(antecedent[0], "pronoun", antecedent[1])


def _full(name: str, surnames: dict[str, str]) -> str:
    """'Lopez' -> 'Maria Lopez' once the full name has been seen; remembers full names."""
    # Names are words joined by single spaces (see ``Resolver._name``, ``SourceTyper``).
    if " " not in name:
        return surnames.get(name, name)
    surnames[name.rpartition(" ")[2]] = name
    return name
