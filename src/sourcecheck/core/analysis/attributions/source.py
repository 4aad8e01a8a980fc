"""Source reading: the patterns and tests that find who a cue's source is."""

from __future__ import annotations

import re

from sourcecheck.core.analysis.patterns import (
    words,
)
from sourcecheck.core.analysis.sources import NOT_NAMES

_CAP = r"(?:[A-Z][\w'’&-]*\.?|[A-Z]\.(?:[A-Z]\.)*)"
_CONNECT = r"(?:of|for|and|de|la|le|van|von|der|den|da|du|del|bin|al|the|&)"
_NAME = rf"{_CAP}(?:\s+(?:{_CONNECT}\s+){{0,2}}{_CAP}){{0,7}}"
_FUNCTION = (
    r"(?:the|a|an|that|this|which|who|whom|and|or|but|to|in|on|at|by|for|with|from|of|as|"
    r"is|was|were|are|be|been|has|have|had|will|would|it|he|she|they|we|i|not|when|if|"
    r"than|then|because|while|after|before|said|says|say)"
)
_WORD = rf"(?!(?i:{_FUNCTION})\b)[\w'’.&-]+"

# "“" too: a quote closed with an opening mark ('... problems for her here,“ said Lee').
_CLAUSE_END_CHARS = ",?!:—–-\"”’'“"
# "(?:\s*,)?\s*", not "\s*,?\s*": the same text, but a run of spaces splits between two
# adjacent "\s*" in every way before the match gives up: quadratic in the run.
_SPACE_COMMA = r"(?:\s*,)?\s*"
_NAME_AFTER = re.compile(rf"{_SPACE_COMMA}(?P<src>{_NAME})")
_PRONOUN_AFTER = re.compile(rf"{_SPACE_COMMA}(?P<src>(?i:he|she|they|I|we|it))\b")
# The dot after a single capital ("U.S.", "J. Smith") is an abbreviation's, not an end.
_PHRASE_AFTER = re.compile(
    r"\s*(?P<src>[^\s,.;:\"“”()'](?:[^,.;:\"“”()]|(?<=\b[A-Z])\.){0,140}?)"
    r"(?=\s*(?:[,;:\"“”()]|(?<!\b[A-Z])\.|''|\Z)|\s+(?:who|which|that|when|in\s+(?:a|an|the)\s|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))"
)
_ROLE_AFTER = re.compile(
    r"\s*,\s*(?P<role>(?:\d{1,3}\s*,\s*)?(?:(?i:a|an|the|his|her|their|its|former|chief|senior|who)\b|"
    rf"{_NAME}['’]s|[a-z][\w-]*|[A-Z][\w-]*\s+of\b)[^,;\"“”()]{{0,140}}?)"
    r"(?=\s*(?:[,;\"“”()]|''|\.?\Z))"
)
_INVERTED_DETERMINERS = words(
    """
    a an the his her their its one two three another some several many
    """
)
# ", adding", "while saying", "before telling": what may stand before a participle cue whose
# subject is the clause's.
_GAP_WORDS = ("while", "by", "after", "before", "when", "in", "without")


_GAP_OR_AND = frozenset([*_GAP_WORDS, "and"])


def last_word(body: str, start: int, end: int) -> str:
    """The last word of ``body[start:end]``, lower-cased ('' if none)."""
    words_ = body[max(start, end - 12) : end].split()
    return words_[-1].lower() if words_ else ""


def ends_with_gap(body: str, start: int, tail: str) -> bool:
    r"""Whether ``body[start:end]`` ends with a comma or a gap word, then only whitespace,
    given ``tail = body[start:end].rstrip()``: what the regex
    ``(?:,|(?<![\w-])(?:while|by|after|before|when|in|without))\s*\Z`` finds (the tests
    compare the two). A regex anchored at the end is tried from every position of the
    window; the text's last word is all it can match.
    """
    return tail.endswith(",") or _ends_with_word(body, start, tail, _GAP_WORDS, "_-")


def ends_with_and(body: str, start: int, tail: str) -> bool:
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


# After "said Smith": a word that makes Smith the subject of reported speech ("said Clinton
# didn't appear concerned"), not the speaker of what came before.
_VERB_AFTER_NAME = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|would|will|could|should|can|did|does|didn['’]t|"
    r"doesn['’]t|wasn['’]t|isn['’]t|won['’]t|wouldn['’]t|hasn['’]t|had|must|may|might)\b"
)
# "However, he held ...", "And then Trump went ...": a pronoun after an opening phrase is
# lower-case, and a connective opening the sentence is not its subject.
_CONNECTIVE = r"(?:(?:And|But|Then|So|Yet|Still|Now|Later|Instead|Meanwhile)\s+(?:then\s+)?)?"
_SUBJECT = re.compile(
    rf"(?:[^,]{{0,60}},\s*){{0,3}}{_CONNECTIVE}"
    rf"(?P<src>(?:[Hh]e|[Ss]he|[Tt]hey|{_NAME}))(?:\s*\([^()]{{1,12}}\))?(?=\s+[a-z])"
)
# "RIVERTON — ", "ORLANDO, Fla. (Reuters) - ": where the story was filed, before its subject.
DATELINE = re.compile(r"[A-Z][A-Z.' -]{2,40}(?:,\s*[A-Z][\w.]*)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]+\s*")
# "The president left no doubt ...", "Both parents stiffened ...": a determiner, up to four
# words, then a verb (past, an auxiliary, or a common irregular past).
_DESCRIBED_SUBJECT = re.compile(
    r"(?:[^,]{0,60},\s*){0,2}(?P<src>(?:The|A|An|Both|His|Her|Their|Its)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)"
    r"(?=\s+(?:[a-z]+ed|has|had|have|was|were|is|are|will|would|began|left|took|made|went|"
    r"gave|told|said|came|sent|became|spoke|wrote|led|held|put|set|did)\b)"
)


# Words opening a subordinate clause (lower-case: compare ``word.lower()``).
_SUBORDINATORS = words(
    "as when while if although though because after before since until unless once whereas"
)


def in_subordinate_clause(body: str, sentence_start: int, source_start: int) -> bool:
    """Whether a source opens a subordinate clause ("He talked over them as they answered
    questions and assured ..."): the "and" that follows joins the main clause's verbs."""
    before = body[max(sentence_start, source_start - 12) : source_start].split()
    return bool(before) and before[-1].lower() in _SUBORDINATORS


def role_of(role_match: re.Match[str] | None) -> str | None:
    """The words of a role ``_ROLE_AFTER`` matched (never empty: they open with a word)."""
    return role_match.group("role").strip() if role_match is not None else None


def subject_of(
    body: str, start: int, end: int, *, described: bool = False
) -> tuple[int, int, str | None] | None:
    """The subject at the start of a sentence ("Sanders stepped up ..., saying"), else, if
    ``described``, a description followed by its verb ("The retired surgeon has given no
    details, saying": only after a comma, as "while adding three seats" reports nothing)."""
    dateline = DATELINE.match(body, start, end)
    if dateline is not None:
        start = dateline.end()
    match = _SUBJECT.match(body, start, end)
    if match is not None and match.group("src").split()[0].lower() in _SUBORDINATORS:
        match = None  # "As Mr. Trump has unleashed ..., a movement ...": not the subject
    if match is None or match.group("src") in NOT_NAMES:
        if not described:
            return None
        match = _DESCRIBED_SUBJECT.match(body, start, end)
        if match is None:
            return None
    return match.start("src"), match.end("src"), None


# A name opening its sentence, then a comma: "Clinton, during a town hall in Ohio, said".
_OPENING_NAME = re.compile(
    rf"[\"“'‘]*(?:(?:But|Yet|And|Still|Meanwhile|Now|So)\s+)?(?P<src>{_NAME})\s*,\s"
)


# Capitals only, four or more: a dateline's place ("PHILADELPHIA", "LA CROSSE"), not "FBI".
_DATELINE_WORD = re.compile(r"(?=[A-Z ]{4})[A-Z]+(?: [A-Z]+)*\Z")


def name_before_aside(body: str, sentence_start: int, cue_start: int) -> tuple[int, int] | None:
    """The name that opens a sentence when an aside between commas stands between it and
    the cue ("Mr. Lee, then 38, said"; "Clinton, after the vote, said"), else None."""
    match = _OPENING_NAME.match(body, sentence_start, cue_start)
    if match is None or match.group("src").split()[0] in NOT_NAMES:
        return None
    if _DATELINE_WORD.match(match.group("src")):
        return None  # "PHILADELPHIA, July 25 (UPI) — The party ...": where, not who
    return match.span("src")


def names_or_pronoun(phrase: str) -> bool:
    words = phrase.split()
    if words[-1].lower() in ("the", "a", "an", "this", "that", "these", "those"):
        return False
    return (len(words) == 1 and words[0].lower() in _PRONOUN_WORDS) or words[-1][:1].isupper()


_PRONOUN_WORDS = words(
    """
    he she they i we you it who which
    """
)


# Verbs and adjectives whose subject is also the subject of the infinitive after them
# ("seemed to urge", "was quick to point out"); not "likely to say", mostly a poll's
# finding, nor "unable to", which reports no view.
_CONTROL_VERBS = words(
    """
    continue continues continued continuing seem seems seemed appear appears appeared want
    wants wanted try tries tried trying managed hesitated refused declined began begin
    begins started plan plans planned planning intend intends intended hope hopes hoped
    vowed promised agreed decided chose wish wishes wished need needs needed like would
    rushed sought seeks seek moved went goes go going came tend tends tended begun
    attempted attempts failed fails struggled struggling
    """
)
_CONTROL_ADJECTIVES = words(
    """
    quick eager ready willing unwilling reluctant careful anxious
    """
)
# Linking verbs before such an adjective ("seemed ready to say"): not the source's words.
_LINKING_VERBS = words("seem seems seemed appear appears appeared")
_CONTROL_PARTICLES = ("on to", "to")  # "went on to say", "wants to say"


def control_verb_start(body: str, window: int, end: int) -> int | None:
    """Where a verb taking an infinitive ends right before ``end`` ("continue to", "went on
    to"), so the subject can be read before it; None if there is none."""
    head = body[window:end].rstrip()
    for particle in _CONTROL_PARTICLES:
        if head.endswith(" " + particle):
            verb_end = window + len(head) - len(particle) - 1
            space = body.rfind(" ", window, verb_end)
            verb = body[space + 1 : verb_end]
            if verb in _CONTROL_ADJECTIVES and particle == "to":
                return _before_linking_verb(body, window, space + 1) if space >= 0 else None
            if verb in _CONTROL_VERBS and (particle == "to" or verb in ("went", "goes", "go")):
                return space + 1 if space >= 0 else None
    return None


def takes_infinitive(word: str) -> bool:
    """Whether a verb or adjective's subject is that of the infinitive after it."""
    return word in _CONTROL_VERBS or word in _CONTROL_ADJECTIVES


def _before_linking_verb(body: str, window: int, start: int) -> int:
    """Where "seemed" in "seemed ready" starts, else ``start`` (the adjective's start)."""
    space = body.rfind(" ", window, start - 1)
    return space + 1 if body[space + 1 : start - 1] in _LINKING_VERBS else start


def clause_ended(body: str, sentence_start: int, cue_start: int) -> bool:
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


def after_as(body: str, sentence_start: int, source_start: int) -> bool:
    """Whether "as" stands right before the source ("As the paper noted, ...")."""
    before = body[max(sentence_start, source_start - 5) : source_start].lower()
    return before.endswith("as ") and (len(before) < 4 or not before[-4].isalnum())
