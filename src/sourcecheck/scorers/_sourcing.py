"""What the built-in sourcing scorers share: phrase matching and telling sources apart.

The analysis layer says *that* someone is quoted (an :class:`Attribution` with a source
type and, where it could, a resolved speaker). Two scorers need to know *who* that is
across the article: corroboration counts independent sources, anonymous_sources carries a
reason for anonymity over to later mentions of the same source. :func:`group_sources`
does that once, with rules an editor would use: the same name is the same person, a bare
surname is the full name mentioned before, "the official" is the "senior official" already
introduced unless the text says "another", and a spokesperson speaks for their organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.lexicons import builtin
from sourcecheck.core.models import Attribution, Span

NEVER = re.compile(r"(?!)")

# The order is what "more verifiable" means when a group mixes kinds of mention.
KIND_RANK = {"person": 0, "organization": 1, "document": 2, "anonymous": 3, "unknown": 4}

_TITLE_ABBREVIATIONS = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gov",
    "sen",
    "rep",
    "gen",
    "col",
    "lt",
    "capt",
    "sgt",
    "det",
    "insp",
    "supt",
    "cllr",
]
_TITLE_WORDS = [
    "judge",
    "mayor",
    "president",
    "chief",
    "officer",
    "detective",
    "professor",
    "minister",
    "secretary",
    "governor",
    "senator",
    "councillor",
    "councilman",
    "councilwoman",
    "commissioner",
    "superintendent",
    "sheriff",
]
_LEADING_WORDS = ["a", "an", "the", "one", "some", "this", "that", "its", "his", "her", "their"]
_TITLES = re.compile(
    rf"^(?:(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.?|{'|'.join(_TITLE_WORDS)})\s+", re.I
)
_LEADING = re.compile(rf"^(?:{'|'.join(_LEADING_WORDS)})\s+", re.I)
# The first words those patterns remove, for a set lookup instead of the regex.
_TITLE_HEADS = frozenset(
    [*_TITLE_ABBREVIATIONS, *(f"{short}." for short in _TITLE_ABBREVIATIONS), *_TITLE_WORDS]
)
_LEADING_HEADS = frozenset(_LEADING_WORDS)
_NEW_REFERENT = re.compile(
    r"^(?:another|a second|a third|a fourth|a different|a separate|other)\b", re.I
)
_PEOPLE_AND_GROUPS = ("person", "organization", "anonymous")
_PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person", "anonymous"),
    "she": ("person", "anonymous"),
    "it": ("organization", "document"),
    "they": _PEOPLE_AND_GROUPS,
    "we": _PEOPLE_AND_GROUPS,
    "i": ("person", "anonymous"),
}
# Words that do not tell one organisation from another ("the state Department of Health").
_GENERIC_ORG_WORDS = {
    "state",
    "county",
    "city",
    "town",
    "national",
    "federal",
    "us",
    "u",
    "s",
    "new",
    "american",
    "department",
    "ministry",
    "office",
    "board",
    "company",
    "agency",
    "council",
    "of",
    "for",
    "and",
    "the",
    "general",
    "public",
    "united",
    "international",
    "group",
}
# Last words that make a name an organisation's: "Greenfield Foods", "Harbor Authority".
_ORGANISATION_HEADS = {
    "foods",
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "llc",
    "plc",
    "group",
    "partners",
    "authority",
    "department",
    "ministry",
    "commission",
    "council",
    "union",
    "university",
    "college",
    "bank",
    "association",
    "institute",
    "agency",
    "office",
    "board",
    "foundation",
    "hospital",
    "police",
    "committee",
    "conservancy",
    "society",
    "church",
    "school",
    "district",
    "court",
    "party",
    "network",
    "news",
    "times",
    "post",
    "press",
}
_SPEAKS_FOR_HINTS = ("spokes", "press", "representative", "statement", "mail", "release")
_NON_WORD = re.compile(r"[^\w\s&-]+")
# "a spokeswoman for the Harbor Authority", "a statement from the ministry". The name opens
# with a non-space: ".+" after "\s+" split a run of spaces every way before failing.
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:wo)?m[ae]n|spokesperson|press (?:secretary|officer)|representative|"
    r"statement|e-?mail|news release|press release)\s+(?:for|from|of|at)\s+(?P<org>\S.*)$",
    re.I,
)


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


def lexicon_pattern(name: str, categories: Iterable[str], extra: Iterable[str] = ()) -> re.Pattern:
    """The pattern for some categories of a built-in lexicon plus user-supplied phrases."""
    # Scorers ask for their patterns once per article: gathering the phrases and hashing
    # their tuple for phrase_pattern's cache cost ~0.9 ms per article; this key is small.
    return _lexicon_pattern(name, tuple(categories), tuple(extra))


@lru_cache(maxsize=256)
def _lexicon_pattern(name: str, categories: tuple[str, ...], extra: tuple[str, ...]) -> re.Pattern:
    entries = builtin(name)  # read-only package data, so caching on its name is safe
    found: list[str] = []
    if isinstance(entries, dict):
        for category in categories:
            found.extend(entries.get(category, []))
    else:
        found.extend(entries)
    return phrase_pattern(tuple([*found, *extra]))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lowercase, punctuation and leading articles/titles removed: 'Dr. Ana Ruiz' -> 'ana ruiz'."""
    # str.split() splits on exactly the characters \s matches, so the words are what the
    # whitespace regexes saw, and dropping a first word is what "^(?:...)\s+" removed.
    words = text.replace("’s", "").replace("'s", "").split()
    for pattern, heads in _PREFIXES:
        if len(words) > 1 and _removes(pattern, heads, words[0]):
            words = words[1:]
    text = " ".join(words)
    if "".join(words).isalnum():
        return text.lower()  # nothing _NON_WORD would replace: letters and digits are \w
    return " ".join(_NON_WORD.sub(" ", text).split()).lower()


_PREFIXES = ((_LEADING, _LEADING_HEADS), (_TITLES, _TITLE_HEADS), (_LEADING, _LEADING_HEADS))


def _removes(pattern: re.Pattern[str], heads: frozenset[str], word: str) -> bool:
    """Whether ``pattern`` (an anchored prefix regex) removes ``word`` from before a space."""
    if word.isascii():
        return word.lower() in heads  # re.I folds ASCII letters as str.lower does
    # re.I also folds a few letters outside ASCII ("ı", "ſ") onto "i" and "s": ask it.
    return pattern.match(word + " ") is not None


def source_text(attribution: Attribution) -> str:
    """The words naming the source (the source span, else the resolved speaker)."""
    return _source_text(attribution.__dict__)


def _source_text(fields: dict[str, Any]) -> str:
    """:func:`source_text` of the attribution whose instance dict is ``fields``."""
    # Read from the dicts: a model attribute read costs several dict reads, and these run
    # for every attribution of every article.
    source = fields["source"]
    if source is not None:
        return source.text.strip()
    return (fields["speaker"] or "").strip()


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
class SourceGroups:
    """Attributions grouped by the real-world source behind them.

    ``group_of[i]`` is the group of attribution ``i``, or None when the attribution names
    no checkable source (vague "critics say", the writer's own voice, no source at all).
    """

    group_of: list[int | None]
    members: dict[int, list[int]] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.members)

    def count_of(self, kind: str) -> int:
        return sum(1 for k in self.kinds.values() if k == kind)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # Keep the earlier mention as the root, so labels name the first reference.
            low, high = sorted((root_a, root_b))
            self.parent[high] = low


@dataclass(slots=True)
class _Mention:
    index: int
    kind: str
    key: str
    fresh: bool  # "another official": never the same as an earlier mention
    words: tuple[str, ...]
    head: tuple[str, str]  # kind and last word: every fuzzy match below needs both to agree


@lru_cache(maxsize=8192)
def _speaks_for(text: str) -> re.Match[str] | None:
    # Cached: the same roles and source phrases come back in article after article.
    lowered = text.lower()
    # The regex is slow to fail; most sources are names that contain none of its words.
    if not any(hint in lowered for hint in _SPEAKS_FOR_HINTS):
        return None
    return _SPEAKS_FOR.search(text)


def _mention(index: int, fields: dict[str, Any]) -> _Mention | None:
    """The mention made by the attribution whose instance dict is ``fields``, if any."""
    kind = fields["source_type"]
    # Not sources the reporter used: vague groups, the writer, attributions a quoted speaker
    # makes inside their own quote, and sources the analysis could not type (often not a
    # source at all; counting them would inflate the number of independent sources).
    if kind in ("vague", "author", "unknown") or fields["in_quote"]:
        return None
    identity = _identity(kind, _source_text(fields), fields["speaker"], fields["role"])
    return None if identity is None else _Mention(index, *identity)


_Identity = tuple[str, str, bool, tuple[str, ...], tuple[str, str]]


@lru_cache(maxsize=8192)
def _identity(kind: str, text: str, speaker: str | None, role: str | None) -> _Identity | None:
    """Who a source phrase is (kind, key, fresh, key words, head), or None for nobody.

    Cached: it depends on the phrase alone, and names and roles recur within and across
    articles.
    """
    speaks_for = _speaks_for(role or "") or _speaks_for(text)
    if speaks_for is not None and kind != "document":
        # A spokesperson is their organisation's voice, not a second independent source.
        return _identified("organization", normalise(speaks_for.group("org")))
    if kind == "named_person":
        key = normalise(speaker or text)
        # "Greenfield Foods said": no person is called Foods; count it as the organisation.
        is_org = bool(key) and key.split()[-1] in _ORGANISATION_HEADS
        return _identified("organization" if is_org else "person", key)
    if kind == "named_organization":
        return _identified("organization", normalise(speaker or text))
    if kind == "document":
        return _identified("document", normalise(text or speaker or ""))
    key = normalise(text)
    if not key:
        return None
    return _identified("anonymous", key, fresh=bool(_NEW_REFERENT.match(text.strip())))


def _identified(kind: str, key: str, fresh: bool = False) -> _Identity:
    words = tuple(key.split())
    return kind, key, fresh, words, (kind, words[-1] if words else "")


def _same_source(earlier: _Mention, later: _Mention) -> bool:
    if later.fresh or earlier.kind != later.kind:
        return False
    if earlier.key == later.key:
        return True
    first, second = list(earlier.words), list(later.words)
    if not first or not second:
        return False
    if later.kind == "person":
        # "Ruiz" after "Ana Ruiz": a surname alone refers back to the full name.
        shorter, longer = sorted((first, second), key=len)
        return len(shorter) == 1 and shorter[-1] == longer[-1]
    if later.kind == "organization":
        # "the department" after "the Riverside Health Department".
        shorter, longer = sorted((first, second), key=len)
        return longer[-len(shorter) :] == shorter
    if later.kind == "anonymous":
        # "the official" after "a senior administration official": same head, fewer words.
        return second[-1] == first[-1] and set(second) <= set(first)
    return False


_GROUPS_EXTRA = "_sourcecheck_source_groups"


def article_sources(analysis: Analysis) -> SourceGroups:
    """:func:`group_sources` for an analysis, computed once however many scorers ask."""
    cached = analysis.extras.get(_GROUPS_EXTRA)
    # Keyed on the list itself: an enricher that replaces the attributions invalidates it.
    if (
        cached is not None
        and cached[0] is analysis.attributions
        and cached[1] == len(analysis.attributions)
    ):
        return cached[2]
    groups = group_sources(analysis.attributions)
    analysis.extras[_GROUPS_EXTRA] = (analysis.attributions, len(analysis.attributions), groups)
    return groups


def group_sources(attributions: list[Attribution]) -> SourceGroups:
    """Group attributions by source, following ``via`` links to the source they relay."""
    # Every attribution's fields are read from its instance dict (see _source_text).
    fields = [attribution.__dict__ for attribution in attributions]
    mentions = [_mention(i, values) for i, values in enumerate(fields)]
    union = _UnionFind(len(attributions))
    distinct: dict[tuple[str, str], _Mention] = {}
    by_head: dict[tuple[str, str], list[_Mention]] = {}
    latest: dict[str, _Mention] = {}
    for position, mention in enumerate(mentions):
        if mention is None:
            continue
        if mention.key in _PRONOUN_KINDS:
            # An unresolved "she said" is someone already in the story, not a new source.
            antecedent = _antecedent(mention, latest)
            if antecedent is None:
                mentions[position] = None
            else:
                union.union(antecedent.index, mention.index)
            continue
        latest[mention.kind] = mention
        key = (mention.kind, mention.key)
        earlier = None if mention.fresh else distinct.get(key)
        if earlier is None and not mention.fresh:
            # The most recent match: "the official" means the official last introduced.
            candidates = reversed(by_head.get(mention.head, []))
            earlier = next((e for e in candidates if _same_source(e, mention)), None)
        if earlier is not None:
            union.union(earlier.index, mention.index)
        if mention.fresh or key not in distinct:
            distinct.setdefault(key, mention)
            by_head.setdefault(mention.head, []).append(mention)
    for index, values in enumerate(fields):
        via = values["via"]
        # A quote relayed through another source is one chain of evidence, not two.
        if via is not None and 0 <= via < len(attributions) and mentions[index] and mentions[via]:
            union.union(index, via)
    _merge_generic_organisations(mentions, union)
    _merge_employees(fields, mentions, union)
    return _collect(fields, mentions, union)


def _antecedent(pronoun: _Mention, latest: dict[str, _Mention]) -> _Mention | None:
    """The most recently mentioned source of a kind the pronoun can stand for."""
    # A loop, not max(key=...): "he said" is common, and max parses its arguments slowly.
    # Each kind's latest mention is a different attribution, so there are no ties.
    found = None
    for kind in _PRONOUN_KINDS[pronoun.key]:
        mention = latest.get(kind)
        if mention is not None and (found is None or mention.index > found.index):
            found = mention
    return found


def _merge_generic_organisations(mentions: list[_Mention | None], union: _UnionFind) -> None:
    """'The company' is the company last named (or, before any is named, the next one)."""
    organisations = [m for m in mentions if m is not None and m.kind == "organization"]
    specific = [m for m in organisations if not _is_generic(m.key)]
    if not specific:
        return
    for mention in organisations:
        if not _is_generic(mention.key):
            continue
        before = [m for m in specific if m.index < mention.index]
        referent = before[-1] if before else specific[0]
        union.union(referent.index, mention.index)


def _is_generic(key: str) -> bool:
    return all(word in _GENERIC_ORG_WORDS for word in key.split())


def _merge_employees(
    fields: list[dict[str, Any]], mentions: list[_Mention | None], union: _UnionFind
) -> None:
    """'Helen Marsh, Greenfield's chief executive' speaks for Greenfield Foods: one source."""
    organisations: dict[str, int] = {}
    for mention in mentions:
        if mention is not None and mention.kind == "organization":
            words = [w for w in mention.key.split() if w not in _GENERIC_ORG_WORDS]
            if words:
                organisations.setdefault(words[0], mention.index)
    if not organisations:
        return
    for mention in mentions:
        if mention is None or mention.kind not in ("person", "anonymous"):
            continue
        role = fields[mention.index]["role"]
        for word in normalise(role or "").split():
            if word in organisations:
                union.union(organisations[word], mention.index)
                break


def _collect(
    fields: list[dict[str, Any]], mentions: list[_Mention | None], union: _UnionFind
) -> SourceGroups:
    group_of: list[int | None] = []
    groups = SourceGroups(group_of=group_of)
    members, kinds, labels = groups.members, groups.kinds, groups.labels
    numbering: dict[int, int] = {}
    for mention_index, mention in enumerate(mentions):
        if mention is None:
            group_of.append(None)
            continue
        root = union.find(mention_index)
        group = numbering.get(root)
        if group is None:
            # The group's first mention: it names the group and sets its kind so far.
            group = numbering[root] = len(numbering)
            members[group] = [mention_index]
            kinds[group] = mention.kind
            labels[group] = _source_text(fields[mention_index]) or mention.key
        else:
            members[group].append(mention_index)
            if KIND_RANK[mention.kind] < KIND_RANK[kinds[group]]:
                kinds[group] = mention.kind
        group_of.append(group)
    return groups
