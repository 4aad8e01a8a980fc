"""Invariants of the helpers the sourcing scorers share: phrase patterns and source groups."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import Analysis, speakers
from sourcecheck.core.analysis.speakers import sources_of
from sourcecheck.core.models import Attribution, Span
from sourcecheck.scorers._sourcing import PhraseSearch, normalise, phrase_pattern, voices

WORDS = ["a", "an", "fear", "of", "for", "reprisal", "not", "to", "ill-advised", "mistake"]
phrases = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=6,
)
texts = st.lists(st.sampled_from([*WORDS, "x", "afraid", ",", "."]), max_size=12).map(" ".join)


def flat_pattern(items: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(items), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


@settings(max_examples=150, deadline=None)
@given(items=phrases, text=texts)
def test_trie_pattern_finds_what_a_flat_alternation_finds(items: list[str], text: str) -> None:
    assert_trie_matches_flat(items, text)


# Case variants, letters re.I folds specially, and neighbours that are or are not word
# characters, run together without spaces as well as with them.
odd_texts = st.lists(
    st.sampled_from(
        [*WORDS, "FEAR", "Reprisal", "A", "MISTAKE", "ſ", "İ", "K", "-", "_", "7", " "]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(items=phrases, text=odd_texts)
def test_trie_pattern_agrees_on_case_and_unusual_characters(items: list[str], text: str) -> None:
    assert_trie_matches_flat(items, text)


def assert_trie_matches_flat(items: list[str], text: str) -> None:
    trie = phrase_pattern(tuple(items))
    flat = flat_pattern(items)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_phrase_pattern_matches_whole_words_case_insensitively() -> None:
    pattern = phrase_pattern(("not authorized to", "a mistake"))
    assert pattern.search("They were NOT  authorized to speak").group() == "NOT  authorized to"
    assert pattern.search("a mistaken idea") is None
    assert phrase_pattern(()).search("anything") is None


def test_normalise_drops_articles_titles_and_possessives() -> None:
    assert normalise("Dr. Ana Ruiz") == "ana ruiz"
    assert normalise("the Riverside Health Department's") == "riverside health department"
    assert normalise("  A  senior official ") == "senior official"


KINDS = [
    "named_person",
    "named_organization",
    "document",
    "anonymous",
    "vague",
    "author",
    "unknown",
]
NAMES = ["Ana Ruiz", "Ruiz", "Tom Hale", "the ministry", "an official", "another official", "she"]


@st.composite
def attribution_lists(draw: st.DrawFn) -> list[Attribution]:
    count = draw(st.integers(0, 8))
    found: list[Attribution] = []
    for index in range(count):
        name = draw(st.sampled_from(NAMES))
        via = draw(st.one_of(st.none(), st.integers(0, count - 1)))
        found.append(
            Attribution(
                source=Span.of(name, 0, len(name)),
                source_type=draw(st.sampled_from(KINDS)),
                speaker=name,
                in_quote=draw(st.booleans()),
                via=None if via == index else via,
                sentence=index,
            )
        )
    return found


@settings(max_examples=150, deadline=None)
@given(attributions=attribution_lists())
def test_sources_partition_the_attributions_and_voices_the_countable_ones(
    attributions: list[Attribution],
) -> None:
    sources = sources_of("", [], attributions)
    assert [s.id for s in sources] == list(range(len(sources)))
    for index, attribution in enumerate(attributions):
        source = sources[attribution.source_id]
        assert index in source.attributions
        assert attribution.source_type == source.type
    owned = sorted(a for s in sources for a in s.attributions if attributions[a].source_id == s.id)
    assert owned == list(range(len(attributions)))
    found = voices(Analysis(body="", attributions=attributions, sources=sources))
    members = sorted(i for group in found.members.values() for i in group)
    assert members == [i for i, g in enumerate(found.group_of) if g is not None]
    for attribution, group in zip(attributions, found.group_of, strict=True):
        if attribution.in_quote or attribution.source_type in ("vague", "author", "unknown"):
            assert group is None
    assert found.count == len(found.members) == len(found.kinds) == len(found.labels)


_SPACES = re.compile(r"\s+")
_PLAIN_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|gov|sen|rep|gen|col|lt|capt|sgt|det|insp|supt|cllr)\.?|"
    r"judge|mayor|president|chief|officer|detective|professor|minister|secretary|governor|"
    r"senator|councillor|councilman|councilwoman|commissioner|superintendent|sheriff)\s+",
    re.I,
)
_PLAIN_LEADING = re.compile(r"^(?:a|an|the|one|some|this|that|its|his|her|their)\s+", re.I)
_PHRASE_CHARS = st.sampled_from(
    [
        *" \t\n\u00a0\u2003\x1c\x85.,'’-&é_",
        "Dr.",
        "the",
        "A",
        "an",
        "Mr",
        "senator",
        "'s",
        "’s",
        "Ruiz",
        "THE",
        "thıs",
        "İts",
        "ſheriff",
        "MRS.",
        "Gov",
        "x",
        "7",
    ]
)


def plain_normalise(text: str) -> str:
    """normalise as it was written first, with regex substitutions throughout."""
    text = _SPACES.sub(" ", text.replace("’s", "").replace("'s", "")).strip()
    for pattern in (_PLAIN_LEADING, _PLAIN_TITLES, _PLAIN_LEADING):
        text = pattern.sub("", text)
    text = speakers._NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip().lower()


@settings(max_examples=400, deadline=None)
@given(st.lists(_PHRASE_CHARS, max_size=16).map("".join))
@example("thıs sheriff Ruiz")
@example("A ſheriff's aide")
def test_normalise_matches_the_plain_substitutions(text: str) -> None:
    assert normalise(text) == plain_normalise(text)


@settings(max_examples=300, deadline=None)
@given(items=phrases, text=odd_texts)
@example(items=["fear"], text="FEAR")
@example(items=["fear"], text="ſFEAR")
@example(items=["mistake"], text="MIſTAKE")
def test_phrase_search_agrees_with_the_ignore_case_pattern(items: list[str], text: str) -> None:
    """PhraseSearch reads lower-cased text case-sensitively where that is the same."""
    expected = phrase_pattern(tuple(items)).search(text) is not None
    assert PhraseSearch(tuple(items)).occurs(text) == expected


def test_a_shared_phrase_search_cannot_be_changed() -> None:
    # lexicon_pattern caches one for every scorer asking for the same lexicon: a plugin
    # changing it would change anonymous_sources' findings.
    search = PhraseSearch(("for fear of reprisal",))
    with pytest.raises(AttributeError):
        search.lower = None  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del search.any_case
    assert search.occurs("FOR FEAR OF REPRISAL")
