"""Cue words: which report verbs are read as cues, and how far a cue's words reach."""

from __future__ import annotations

import re

from sourcecheck.core.analysis.attributions.content import _SKIP_AFTER_CUE
from sourcecheck.core.analysis.attributions.context import clause_span
from sourcecheck.core.analysis.attributions.source import names_or_pronoun
from sourcecheck.core.analysis.patterns import (
    words,
)
from sourcecheck.core.models import Span

_SHOW = words("show shows showed shown showing")


def is_gerund(cue: str) -> bool:
    """Whether a cue opens with an -ing form ("adding", "referring to", "calling for")."""
    return cue.partition(" ")[0].endswith("ing")


def copy_first_word(copy: bytes, start: int) -> bytes:
    """The word of text at ``start`` up to its first space in a candidate copy of the text."""
    return copy[start + 1 : copy.find(b" ", start + 1)]


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
    notes stress concern concerns insist word words want wants plan plans
    """
)
_AUXILIARY_BEFORE = re.compile(r"(?:(?:has|have|had)\s+(?:also\s+)?|also\s+)\Z")
_CUE_SUFFIX = re.compile(r"(?:\s+in\s+a\s+(?:written\s+)?statement)?(?::(?=\s))?")


def widen_cue(
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


def title_case(body: str, start: int, end: int) -> bool:
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


_CALL_FORMS = words("call calls called calling")
# "called an emergency meeting", "calls a snap election": convening something, no report
# (up to two modifiers, not "for": "called for a vote" is a demand).
_CONVENED = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:(?!for\b|on\b)[\w-]+\s+){0,2}?"
    r"(?:meeting|meetings|session|sessions|election|elections|summit|hearing|hearings|"
    r"referendum|recess|strike|truce|ceasefire|timeout|time-out)\b"
)


def next_word(body: str, end: int) -> str:
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


_NAMING_PARTICIPLES = words("called named dubbed titled labeled labelled")
_NAME_FOLLOWS = re.compile(r"\s+(?:[\"“]|''|[A-Z])")
_NAME_THEN_QUOTE = re.compile(r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:[\"“]|'')")


def names_a_thing(body: str, cue_end: int, src_start: int, src_end: int) -> bool:
    """Whether 'X called Y' names a thing (a description, then a name or a title)."""
    if names_or_pronoun(body[src_start:src_end]):
        return False
    if _NAME_THEN_QUOTE.match(body, cue_end) is not None:
        return False  # 'one lawmaker called Hale "a menace"': what Hale was called
    return _NAME_FOLLOWS.match(body, cue_end) is not None


def cue_to_clause_end(body: str, cue_end: int, sentence_end: int) -> int:
    """'"...," he said Tuesday.': PolNeAR's cue takes in when and where it was said."""
    clause = clause_span(body, cue_end, sentence_end)
    if clause is None:
        return cue_end
    if body.startswith(" of ", cue_end):
        return cue_end + 3
    skip = _SKIP_AFTER_CUE.match(body, cue_end, clause[1])
    if skip is not None and skip.end() == clause[1]:
        return clause[1]
    return cue_end


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


def determined_gerund(body: str, start: int, end: int) -> bool:
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


def after_determiner(body: str, start: int) -> bool:
    """Whether a determiner or a possessive stands right before ``start`` ("Trump's plan")."""
    return _is_determiner(previous_word(body, start))


def _is_determiner(word: str) -> bool:
    lowered = word.lower()
    if lowered in _DETERMINERS:
        return True
    # "He’s predicting", "it's showing": a pronoun's "'s" is "is" or "has", not a possessive.
    return word.endswith(("'s", "’s")) and lowered[:-2] not in _CONTRACTING_PRONOUNS


_CONTRACTING_PRONOUNS = words("he she it that there who what here")


def previous_word(body: str, start: int) -> str:
    space = body.rfind(" ", start - 30 if start > 30 else 0, start - 1)
    return body[space + 1 : start].strip().lower()


def not_a_cue(body: str, start: int, end: int, index: int, sentence: Span, lower: str) -> bool:
    """Whether the words around a cue the pattern found show it reports nothing."""
    if (
        body[start].isupper()
        and body[sentence.start : start].strip("\"“'‘ ")
        and not (index == 0 and title_case(body, sentence.start, sentence.end))
    ):
        return True  # "Hope Hicks", "Read more": a capitalised word mid-sentence
    if start and body[start - 1] in "-‐":
        return True  # "so-called"
    if lower in _NOUN_LIKE:
        before = previous_word(body, start)
        if before in _NOT_BEFORE_VERBS:
            return True  # "the state", "his remarks": a noun, rejected before any reading
        if before.endswith(("'s", "’s")) and not body.startswith(" that ", end):
            return True  # "Trump's call for a ban", "CNN's show": a noun after its owner
    if lower in _NOT_BEFORE_WORDS and next_word(body, end) in _NOT_BEFORE_WORDS[lower]:
        return True  # "spoke to the crowd", "found himself": no report
    if lower in _CALL_FORMS and _CONVENED.match(body, end) is not None:
        return True  # "called an emergency meeting": the council met, nobody said anything
    if lower in _SHOW and next_word(body, end).rstrip(".,;:!?") == "up":
        return True  # "voters aren't showing up": they came or not, nobody said anything
    if lower.endswith("ed") and determined_participle(body, start, end):
        return True  # "Britain's emotionally charged uprising": an adjective
    # "a strong showing", "his posting abilities": a noun or adjective
    return lower.endswith("ing") and determined_gerund(body, start, end)


# A lower-case word that can be the noun a participle describes: not a clause's or an
# object's opening ("the report showed that", "his aides warned him").
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:that|to|by|as|it|him|her|them|in|on|at|for|with|the|a|an)\b)[a-z]+\b"
)


# Nouns ending in -ly, not adverbs: "The family warned reporters" has its cue.
_LY_NOUNS = frozenset(
    {
        "family",
        "ally",
        "rally",
        "assembly",
        "supply",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "reply",
        "bully",
        "monopoly",
        "anomaly",
        "italy",
        "july",
    }
)


def determined_participle(body: str, start: int, end: int) -> bool:
    """'Britain's emotionally charged uprising', 'the expected result': a participle after a
    determiner or a possessive (and an adverb) and before a noun is an adjective."""
    word_start = body.rfind(" ", start - 30 if start > 30 else 0, start - 1) + 1
    previous = body[word_start:start].strip()
    if (
        previous.endswith("ly")
        and previous.lower().rstrip(".,;:'’") not in _LY_NOUNS
        and word_start > 1
    ):
        previous = previous_word(body, word_start)
    return _is_determiner(previous) and _NOUN_AFTER.match(body, end) is not None
