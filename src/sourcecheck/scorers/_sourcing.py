"""What the built-in sourcing scorers share: phrase matching, sentence windows, and the
article's sources as the scorers count them.

Who is who is the analysis's work (``Analysis.sources``, see
:mod:`sourcecheck.core.analysis.speakers`): the scorers read it. :func:`voices` reads it the
way corroboration and anonymous_sources count: a spokesperson and their organisation, or a
quote and the outlet that relayed it, are one voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.analysis.hedges import lowers_as_ignore_case
from sourcecheck.core.analysis.speakers import normalise
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Span

__all__ = [
    "PhraseSearch",
    "Voices",
    "lexicon_pattern",
    "normalise",
    "phrase_pattern",
    "sentence_span",
    "sentence_window",
    "source_text",
    "voices",
]

NEVER = re.compile(r"(?!)")

# The order is what "more verifiable" means when a voice mixes kinds of source.
KIND_RANK = {"person": 0, "organization": 1, "document": 2, "anonymous": 3}
_KINDS = {
    "named_person": "person",
    "named_organization": "organization",
    "document": "document",
    "anonymous": "anonymous",
}


@lru_cache(maxsize=64)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any phrase on word boundaries, longest first.

    The phrases are folded into a trie before they become a regex ("for fear of|for their
    safety" -> "for (?:fear of|their safety)"): Python's regex engine tries a flat
    alternation branch by branch at every position, and the trie makes it several times
    faster on lexicons of a hundred phrases.
    """
    unique = {" ".join(p.lower().split()) for p in phrases if p.strip()}
    if not unique:
        return NEVER
    trie: dict[str, dict] = {}
    for phrase in unique:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    # Most positions are inside a word, which the lookbehind rules out with one class test
    # on the previous character; at a word start, the lookahead on the characters a phrase
    # can start with turns most letters away before the trie's first branch is tried.
    starts = "".join(re.escape(char) for char in sorted(trie))
    return re.compile(rf"(?<![\w-])(?=[{starts}]){_trie_regex(trie)}(?![\w-])", re.I)


_END = ""


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy "?" tries the longer phrase first, so "a huge mistake" wins over "a".
    return f"(?:{body})?" if _END in node else body


class PhraseSearch:
    """Whether a text holds one of some phrases: ``phrase_pattern(phrases).search``, faster.

    Under re.IGNORECASE, each branch of the trie is a full attempt of the regex engine at
    every word start (it skips a branch after one comparison only for a case-sensitive
    literal); matching the lower-cased text case-sensitively takes about half the time.
    That reads the same as ignoring case when every phrase is ASCII and
    ``lowers_as_ignore_case(text)`` holds (the claim the hedge finder rests on, checked over all of
    Unicode in tests/analysis/test_text_fast_paths.py): lower-casing keeps every other
    character one character of its word or space class, and an ASCII letter matches
    ignoring case exactly what lower-cases to it.
    """

    __slots__ = ("any_case", "lower")
    any_case: re.Pattern[str]
    lower: re.Pattern[str] | None

    def __init__(self, phrases: tuple[str, ...]) -> None:
        # Immutable, as the re.Pattern it replaced: one is cached for every scorer that asks
        # for the same lexicon, so a plugin changing it would change the others' results.
        any_case = phrase_pattern(phrases)
        ascii_only = all(phrase.isascii() for phrase in phrases)
        object.__setattr__(self, "any_case", any_case)
        object.__setattr__(self, "lower", re.compile(any_case.pattern) if ascii_only else None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a PhraseSearch is shared and cannot be changed ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a PhraseSearch is shared and cannot be changed ({name})")

    def occurs(self, text: str) -> bool:
        if self.lower is not None and lowers_as_ignore_case(text):
            return self.lower.search(text.lower()) is not None
        return self.any_case.search(text) is not None


def lexicon_pattern(
    lexicons: Lexicons, name: str, categories: Iterable[str], extra: Iterable[str] = ()
) -> PhraseSearch:
    """The pattern for some categories of a lexicon in force plus user-supplied phrases."""
    # Scorers ask for their patterns once per article: gathering the phrases and hashing
    # their tuple for phrase_pattern's cache costs more than this small key, and Lexicons
    # hash by their additions, so engines with the same config share the patterns.
    return _lexicon_pattern(lexicons, name, tuple(categories), tuple(extra))


@lru_cache(maxsize=256)
def _lexicon_pattern(
    lexicons: Lexicons, name: str, categories: tuple[str, ...], extra: tuple[str, ...]
) -> PhraseSearch:
    entries = lexicons.get(name)
    found: list[str] = []
    if isinstance(entries, dict):
        for category in categories:
            found.extend(entries.get(category, []))
    else:
        found.extend(entries)
    return PhraseSearch(tuple([*found, *extra]))


def source_text(attribution: Attribution) -> str:
    """The words naming the source (the source span, else the resolved speaker)."""
    source = attribution.source
    if source is not None:
        return source.text.strip()
    return (attribution.speaker or "").strip()


def sentence_window(analysis: Analysis, index: int, before: int = 1, after: int = 1) -> Span:
    """The span from ``before`` sentences before ``index`` to ``after`` after, one paragraph."""
    sentences = analysis.sentences
    if not sentences:
        return Span.of(analysis.body, 0, len(analysis.body))
    index = min(max(index, 0), len(sentences) - 1)
    paragraph = sentences[index].paragraph
    first = index
    while first > 0 and index - first < before and sentences[first - 1].paragraph == paragraph:
        first -= 1
    last = index
    while (
        last + 1 < len(sentences)
        and last - index < after
        and sentences[last + 1].paragraph == paragraph
    ):
        last += 1
    return Span.of(analysis.body, sentences[first].span.start, sentences[last].span.end)


def sentence_span(analysis: Analysis, index: int) -> Span | None:
    if 0 <= index < len(analysis.sentences):
        return analysis.sentences[index].span
    return None


@dataclass
class Voices:
    """The article's independent voices: sources the reporter can be credited with, each
    with the sources that are part of it (a spokesperson's organisation, a relaying outlet).

    ``group_of[i]`` is the voice of attribution ``i``, or None when it names no checkable
    source (vague "critics say", the writer's own voice, an unidentified source, a quoted
    speaker's own sourcing). ``sources_of`` maps a voice to the ids of its sources.
    """

    group_of: list[int | None]
    members: dict[int, list[int]] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    claimed_by: dict[int, set[int]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.members)


def voices(analysis: Analysis) -> Voices:
    """The voices of ``analysis.sources`` (the sources are the analysis's; this only counts)."""
    attributions = analysis.attributions
    sources = analysis.sources
    found = Voices(group_of=[None] * len(attributions))
    numbering: dict[int, int] = {}
    for source in sources:
        kind = _KINDS.get(source.type)
        if kind is None:
            continue
        root = _root(sources, source.id)
        for index in source.attributions:
            if not 0 <= index < len(attributions) or attributions[index].in_quote:
                continue
            voice = numbering.get(root)
            if voice is None:
                voice = numbering[root] = len(numbering)
                found.members[voice] = []
                found.kinds[voice] = kind
                found.labels[voice] = source_text(attributions[index]) or source.name or ""
            if found.group_of[index] is None:
                found.group_of[index] = voice
            if index not in found.members[voice]:
                # Also a second source named in the same attribution ("X and Y said").
                found.members[voice].append(index)
            found.claimed_by.setdefault(index, set()).add(voice)
            if KIND_RANK[kind] < KIND_RANK[found.kinds[voice]]:
                found.kinds[voice] = kind
    for voice, members in found.members.items():
        members.sort()
        found.labels[voice] = source_text(attributions[members[0]]) or found.labels[voice]
    return found


def _root(sources: list, source_id: int) -> int:
    """The source a source is part of, followed to the end (a cycle stops where it began)."""
    seen = {source_id}
    while True:
        parent = sources[source_id].part_of
        if parent is None or parent in seen or not 0 <= parent < len(sources):
            return source_id
        seen.add(parent)
        source_id = parent
