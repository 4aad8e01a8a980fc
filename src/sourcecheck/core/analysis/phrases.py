"""Reading the source phrase that ends right before a cue, walking backwards over words.

A regex anchored at the end of a window has to be tried from every start position, which
made this the slowest step of the analysis. Instead the last few words before the cue are
tokenised once (a dozen at most) and read from right to left: auxiliaries and adverbs
("has also"), then a pronoun, a noun phrase with a post-modifier ("a spokesman for the
agency"), a name ("Sen. Jane Doe") or a description ("the former governor").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sourcecheck.core.analysis.patterns import words
from sourcecheck.core.analysis.sources import (
    NOT_NAMES,
    ONE_OF_MANY,
    QUANTITY_NOUNS,
    plural_word,
    singular_noun,
)

_TOKEN = re.compile(r"[\w$][\w'’.&$-]*(?:,\d{3})*|\S")


def tokens(text: str) -> list[str]:
    """The words and punctuation marks of ``text``: what ``_TOKEN.findall(text)`` gives.

    No token holds a space, so the text is split at spaces first (in C) and only chunks
    with a mark in them ("Smith,", "(R-Ky.)") go through the regex, which otherwise is
    tried at every character and was most of the cost of reading a source.
    """
    found: list[str] = []
    for chunk in text.split():
        if chunk.isalpha():
            found.append(chunk)
        else:
            found += _TOKEN.findall(chunk)
    return found


def token_starts(body: str, words: list[str], first: int, start: int, end: int) -> list[int]:
    """Offsets of ``words[first:]``, the tokens of ``body[start:end]`` (or their tail).

    Walks back from ``end``: only spaces stand between tokens and none holds a space, so
    the last occurrence of each token before the next one's start is that token.
    """
    starts: list[int] = []
    position = end
    for index in range(len(words) - 1, first - 1, -1):
        position = body.rfind(words[index], start, position)
        starts.append(position)
    starts.reverse()
    return starts


_SOURCE_PRONOUNS = words(
    """
    he she they i we you it who which another
    """
)
_TAIL_WORDS = words(
    """
    has have had also later then would will could can may might must should did does do
    not never previously earlier again repeatedly often once recently reportedly
    publicly privately flatly simply quickly immediately initially first subsequently
    separately bluntly strongly clearly openly frequently always even still already just
    only is are was were been being be himself herself themselves itself too apparently
    allegedly falsely wrongly correctly rightly specifically explicitly directly angrily
    firmly has't hasn't haven't didn't doesn't don't won't wouldn't now long since ever
    soon yet isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t
    there
    """
)
# "there" stands between a source and its cue as a place ("executives there say"); it
# opens no source of its own.
_BE = words(
    """
    is are was were been being be isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t
    """
)
# "Obama on Tuesday accused", "the ministry earlier this week said": when, between subject
# and cue. Days stand alone; periods need an opener ("last week", not "week").
_DAY_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    """
)
_PERIOD_WORDS = words(
    """
    week month year weekend morning afternoon evening night
    """
)
_TIME_OPENERS = words(
    """
    on late early last this earlier later next
    """
)
_CONNECT = words(
    """
    of for and de la le van von der den da du del bin al the &
    """
)
_FUNCTION = words(
    """
    the a an that this which who whom and or but to in on at by for with from of as is
    was were are be been has have had will would it he she they we i not when if than
    then because while after before said says say so also
    """
)
_DETERMINERS = words(
    """
    the a an one two three four five six seven eight nine ten several some many most
    other another both all these those this his her their its our my your no
    """
)
_PREPOSITIONS = words(
    """
    for at of from with in on by inside within to
    """
)
_LINK_WORDS = _PREPOSITIONS | {
    "who",
    "whose",
    "that",
}  # what a post-modifier or relative clause opens with
# The writer as the subject of a relative clause with no "who" ("the experts I interviewed
# said", "officials we spoke to say"): the source is the noun before it.
_WRITER_SUBJECTS = frozenset(["I", "we"])
_MAX_RELATIVE_TAIL = 3  # "I interviewed", "we spoke to", "I talked with at length"
_LINKING = frozenset(["familiar", "close", "briefed", "knowledgeable", "involved"])
# Words that take some of a group ("one of the president's advisers", "many of his aides").
_PARTITIVES = words("one two three four five several some many most few each all none")
_ROLE_STARTS = words(
    """
    a an the his her their its who whose former chief senior longtime
    """
)
# Lower-case words that open an aside, not a role ("Smith, however, said").
_NOT_ROLES = words(
    """
    however meanwhile though too also then still instead moreover nevertheless in for on at
    by with to as and but or so if when while after before who which that where not now
    """
)
# Asides between a subject and its verb ("Smith, however, said").
_ASIDES = frozenset(
    [
        "however",
        "meanwhile",
        "though",
        "too",
        "also",
        "in turn",
        "for example",
        "for instance",
        "for his part",
        "for her part",
        "for their part",
        "for its part",
        "in fact",
        "of course",
        "at least",
        "instead",
        "nevertheless",
        "in particular",
        "in response",
        "in contrast",
        "by contrast",
        "later",
        "then",
    ]
)
_REPORTING_ASIDES = words("citing according quoting")
_SINGULAR = words("a an one another this that each every")


def _name_then_plain_role(words: list[str], comma: int) -> bool:
    """Whether a name ends at ``words[comma]`` and what follows up to the cue is a plain
    role: an age, a description or a "who" clause, then places or more of the same, with
    no quote and no verb opening a part ("Jo Dee, 21, a student from Reno, Nev.,"; not
    "Jo Dee, the mayor, endorsed the plan Monday,")."""
    if not words[comma - 1][0].isupper():
        return False
    role = words[comma + 1 : -1]
    for i, word in enumerate(role):
        if not word[0].isalnum() and word not in ",()":
            return False  # a quote or a dash: not a role
        opens_part = i == 0 or role[i - 1] == ","
        if opens_part and not (word[0].isupper() or word[0].isdigit() or word in _PART_OPENERS):
            return False
    return True


_PART_OPENERS = words("a an the who now then")
_OTHERS = words("other others")
# Documents whose "of" names whose they are ("results of a poll", "a copy of the memo").
_WHOSE_DOCUMENTS = words("results findings copy copies release summary details")
_LEADING_PRONOUNS = frozenset(["he", "she", "He", "She"])


def _participle(word: str) -> bool:
    """'monitoring' in 'a strategist monitoring the race': a participle opening a modifier."""
    return len(word) > 5 and word.endswith("ing") and word.islower()


def _past_participle(word: str) -> bool:
    """'interviewed' in 'a witness interviewed by investigators', before its 'by'."""
    return len(word) > 4 and word.endswith("ed") and word.islower()


_MAX_WORDS = 14
_NEAR = 48  # characters read first
_FULL = 110  # characters read for a source without an appositive
_HEAD_CUT_WORDS = 4  # words from the one the short read cut, searched for "head + of/on/…"
_MAX_MODIFIERS = 4
_ROLE_COMMAS = 3  # commas tried before an appositive's last: its role may hold two


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")  # "R-Ky.", "D-NY": party and state after a name


def _is_name(words: list[str]) -> bool:
    """Whether the words are a name alone ("James B. Comey"), at most four of them."""
    return 0 < len(words) <= 4 and all(
        word[0].isupper() and word[0].isalpha() and word not in NOT_NAMES for word in words
    )


def _capitalised_role(words: list[str]) -> bool:
    """A role that opens with a capital: a party tag ("R-Ky."), "Republican of New York",
    or a possessive name ("Mrs. Lee's chief of staff")."""
    if not words:
        return False
    if _PARTY_TAG.match(words[0]) or (len(words) > 1 and words[1] == "of"):
        return True
    for word in words[:4]:
        if word.endswith(("'s", "’s")):
            return True
        if not word[0].isupper():
            return False
    return False


# Words that grade the adverb or participle after them ("most strongly", "more often").
_DEGREE = words("most more least less very")
# A tail word that is an adverb a degree word may grade ("most often"; -ly adverbs too).
_GRADED_TAIL = words("often")


def _word_before(body: str, window: int, start: int) -> bool:
    """Whether a word ends right before ``start`` (after spaces), not a mark or the window's
    start: then a degree word at ``start`` is not the sentence's subject."""
    before = _trim_end(body, start)
    return before > window and (body[before - 1].isalnum() or body[before - 1] in "'’")


def _names_before(body: str, window: int, found: SourceBefore) -> bool:
    """Whether a lower-case description found as a source follows a name and a comma
    ('Matthew Prince, chief executive of ...'): then it is that name's role."""
    if not body[found.start : found.start + 1].islower():
        return False
    before = _trim_end(body, found.start)
    if before <= window or body[before - 1] != ",":
        return False
    name_end = _trim_end(body, before - 1)
    space = body.rfind(" ", window, name_end)
    # No space: the name opens the window (not the article's first character).
    name_start = window if space < 0 else space + 1
    return body[name_start : name_start + 1].isupper()


def _trim_end(body: str, end: int) -> int:
    while end > 0 and body[end - 1].isspace():
        end -= 1
    return end


# Words ending in -ly that are nouns, so may be the source itself ("the family said").
_NOT_ADVERBS = words(
    """
    family ally rally assembly supply italy july reply anomaly monopoly bully belly
    """
)


def _adverb(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is a lower-case -ly adverb ("Priebus has aggressively
    pushed back", "Rubio vehemently opposed")."""
    return (
        end - start > 4
        and body.endswith("ly", start, end)
        and body[start].islower()
        and body[start:end] not in _NOT_ADVERBS
    )


_NUMBER_WORDS = words(
    """
    one two three four five six seven eight nine ten
    """
)
# "two-thirds say", "three-quarters said": a fraction of people.
_FRACTION = re.compile(r"(?:one|two|three|four|five)-(?:thirds?|fourths?|quarters?|fifths?)\Z")


def _share(words: list[str]) -> int | None:
    """A share of people as the source: "42 %" ("42% say"), "four in 10" ("four in 10
    said"), "nine out of 10", "two-thirds"; the index of its first word, or None."""
    if len(words) >= 2 and words[-1] == "%" and words[-2][0].isdigit():
        return len(words) - 2
    if "-" in words[-1] and _FRACTION.match(words[-1].lower()):
        return len(words) - 1
    tail = words[-6:-1]
    if "%" in tail:
        percent = _percent_of(words)
        if percent is not None:
            return percent
    if "in" not in tail and "out" not in tail:
        return None  # most phrases: three scans in C
    # "nine in 10 registered voters said": the share, then who they are.
    for i in range(max(0, len(words) - 7), len(words) - 2):
        if words[i + 1] not in ("in", "out"):
            continue
        length = _ratio_length(words, i)
        if length and all(w.isalpha() and w.lower() not in _FUNCTION for w in words[i + length :]):
            return i
    return None


def _percent_of(words: list[str]) -> int | None:
    """'12% of Democrats say': the share of them a poll counted, not the party; the index
    of the number, or None."""
    percent = len(words) - 1 - words[::-1].index("%")
    if (
        1 <= percent < len(words) - 2
        and words[percent - 1][0].isdigit()
        and words[percent + 1] == "of"
        and all(_share_word(w) for w in words[percent + 2 :])
    ):
        return percent - 1
    return None


def _share_word(word: str) -> bool:
    """A word of who a share counts ('Republicans and Republican-leaning voters')."""
    lower = word.lower()
    return lower == "and" or (lower.replace("-", "").isalpha() and lower not in _FUNCTION)


def _ratio_length(words: list[str], i: int) -> int:
    """How many words a ratio opening at ``words[i]`` has ("four in 10": 3, "nine out of
    10": 4), or 0."""
    if not _is_number(words[i]):
        return 0
    if words[i + 1] == "in" and _is_number(words[i + 2]):
        return 3
    if words[i + 2] == "of" and i + 3 < len(words) and _is_number(words[i + 3]):
        return 4
    return 0


def _is_number(word: str) -> bool:
    return word.isdigit() or word.lower() in _NUMBER_WORDS


def _time_phrase_start(body: str, window: int, start: int) -> int:
    """Where a time phrase ending with the word at ``start`` begins: back over its openers
    ("on Tuesday", "earlier this week"), each a word followed by one space."""
    while start - 1 > window and body[start - 1] == " ":
        space = body.rfind(" ", window, start - 1)
        word_start = space + 1 if space >= 0 else window
        if body[word_start : start - 1].lower() not in _TIME_OPENERS:
            return start
        start = word_start
    return start


# Endings of nouns for people by what they do (economist, regulator, historian, consultant)
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "eer")
# Words with those endings that are not people (or are read elsewhere).
_NOT_AGENTS = words(
    """
    never ever other another after under over whether either neither rather later former
    latter better center order power water number however together per nor major minor
    prior poor superior junior recent current different important silent percent moment
    event content meant want cent present absent apparent frequent urgent consistent
    sent spent went gender border chapter corner matter shelter answer offer summer
    winter october november december september quarter counter further earlier
    """
)


def _agentive(word: str) -> bool:
    """Whether a lower-case word reads as a noun for a person by what they do."""
    lower = word.lower()
    singular = singular_noun(lower) if lower.endswith("s") else lower
    return (
        len(singular) > 4
        and singular.endswith(_AGENT_ENDINGS)
        and singular not in _NOT_AGENTS
        and lower not in _FUNCTION
        and lower not in _TAIL_WORDS
    )


def _role_word(word: str) -> str:
    """'co-founder' -> 'founder': the head of a hyphenated role."""
    return word.rsplit("-", 1)[-1].lower()


@dataclass(slots=True)
class SourceBefore:
    start: int
    end: int
    role: str | None = None
    role_span: tuple[int, int] | None = None


class SourceReader:
    """Reads sources backwards from a cue; ``heads`` are nouns that may stand bare."""

    def __init__(self, heads: set[str], roles: set[str], demonyms: Iterable[str] = ()) -> None:
        self.heads = frozenset(heads)
        self.roles = frozenset(roles)
        self.demonyms = frozenset(demonyms)  # "Texan": after "a", one person, not a name

    def tail_start(self, body: str, window: int, end: int) -> tuple[int, bool]:
        """Where the auxiliaries and adverbs before a cue begin, and whether one was 'be'."""
        passive = False
        # Whether the word last walked over was an adverb, or the cue: a degree word
        # grades either ("most strongly opposed", "the candidate most identified with")
        adverb = True
        while end > window and body[end - 1].isspace():
            end -= 1
        while True:
            space = body.rfind(" ", window, end)
            word_start = space + 1 if space >= 0 else window
            word = body[word_start:end].lower()
            if word in _DAY_WORDS or word in _PERIOD_WORDS:
                opened = _time_phrase_start(body, window, word_start)
                if opened == word_start and word in _PERIOD_WORDS:
                    return end, passive
                space = opened - 1 if opened > window else -1
            elif word in _DEGREE:
                # "other Democrats most strongly opposed": "most" grades the adverb or the
                # cue; the source is the words before it ("Most often said" keeps "Most")
                if not adverb or not _word_before(body, window, word_start):
                    return end, passive
                adverb = False
            elif not word or (word not in _TAIL_WORDS and not _adverb(body, word_start, end)):
                return end, passive
            else:
                # an -ly adverb (listed or not), or a tail word that is one ("often")
                adverb = word.endswith("ly") or word in _GRADED_TAIL
            passive = passive or word in _BE
            end = space if space >= 0 else window
            while end > window and body[end - 1].isspace():
                end -= 1
            if space < 0:
                return end, passive

    def read(self, body: str, window: int, end: int) -> SourceBefore | None:
        """The source phrase ending at ``end`` (after any appositive role), or None."""
        if end > window and body[end - 1] == ")":
            # "Sen. Rand Paul (R-Ky.) said": read the source before the parenthesis.
            opening = body.rfind("(", window, end)
            if opening > window:
                found = self.read(body, window, opening)
                if found is not None:
                    found.end = _trim_end(body, found.end)
                return found
        near = max(end - _NEAR, window)
        if near > window and not body[near - 1].isspace():
            # The short read starts at a word, not inside one ("ublican National ...").
            space = body.rfind(" ", window, near)
            near = space + 1 if space >= 0 else window
        if near > window and body[end - 1] != ",":
            # Most sources are a few words: read those first, the whole window only if the
            # phrase might run past them (it starts at the first word read).
            words = tokens(body[near:end])
            found = self._phrase(words)
            if found is None:
                # The whole window, when the short read may have cut off a head or the first
                # of two roles ("The Florida senator and Republican presidential candidate").
                last = _role_of_end(words)
                two_roles = (
                    "and" in words and last is not None and _role_word(words[last]) in self.roles
                )
                if not two_roles and not self._head_cut_off(body, window, near, end):
                    return None
            elif found > 0 and not self._may_post_modify(words, found):
                return SourceBefore(token_starts(body, words, found, near, end)[0], end)
        if body[end - 1] != ",":
            start = end - _FULL if end - _FULL > window else window
            words = tokens(body[start:end])[-_MAX_WORDS:]
            found = self._phrase(words)
            if found is None:
                found = self._two_roles(words)
            if found is None:
                return None
            return SourceBefore(token_starts(body, words, found, start, end)[0], end)
        return self._appositive(body, window, end)

    def _head_cut_off(self, body: str, window: int, near: int, end: int) -> bool:
        """Whether the short read cut off a head noun a preposition post-modifies ("Experts
        on North Korea and nuclear nonproliferation said": the object is no source, the
        head before it is): the first few words from the one the short read cut."""
        lowest = max(window, near - 30)
        space = body.rfind(" ", lowest, near)
        start = space + 1 if space >= 0 else lowest
        opening = body[start:end].split(maxsplit=_HEAD_CUT_WORDS)[:_HEAD_CUT_WORDS]
        for i in range(1, len(opening)):
            if opening[i].lower() in _PREPOSITIONS:
                head = opening[i - 1].lower()
                return head in self.heads or _role_word(head) in self.roles
        return False

    def _may_post_modify(self, words: list[str], found: int) -> bool:
        """Whether the phrase found at ``words[found]`` may be the object of a preposition
        that post-modifies a head out of the words read first ("a source familiar with the
        agency's internal review"): then the whole window is read."""
        link = found - 1
        if words[link].lower() in ("the", "a", "an") and link > 0:
            link -= 1  # "a spokesperson for the Parks and Recreation Department"
        if words[link].lower() not in _PREPOSITIONS:
            return False
        if link < 2:
            return True  # the head would be the first word read, perhaps cut
        head = words[link - 1].lower()
        return head in _LINKING or head in self.heads or head in self.roles

    def _appositive(self, body: str, window: int, end: int) -> SourceBefore | None:
        """'Maria Lopez, a former deputy director of the agency, said': reads the whole
        window, since a role or a "who ..." clause can be long. The role may hold commas
        of its own ("Jo Dee, 21, a student from Reno, Nev., said"): up to three are tried,
        the last first."""
        words = tokens(body[window:end])
        tried = 0
        role_found: SourceBefore | None = None  # a description that is a name's role
        for comma in range(len(words) - 2, 0, -1):
            if words[comma] != ",":
                continue
            named_role = role_found is not None and words[comma - 1][:1].isupper()
            if tried and not (named_role or _name_then_plain_role(words, comma)):
                return role_found
            found = self._appositive_at(body, words, comma, window, end)
            tried += 1
            if found is not None and role_found is None and _names_before(body, window, found):
                # "Matthew Prince, chief executive of CloudFlare, a San Francisco company,
                # said": the description found is the name's role; the name is the source
                role_found = found
            elif found is not None:
                return found
            if tried == _ROLE_COMMAS:
                return role_found
        return role_found

    def _appositive_at(
        self, body: str, words: list[str], comma: int, window: int, end: int
    ) -> SourceBefore | None:
        """The source before ``words[comma]`` and the role after it, up to the last comma."""
        if comma + 1 >= len(words) - 1:
            return None
        first_role_word = words[comma + 1]
        lower = first_role_word.lower()
        if " ".join(words[comma + 1 : -1]).lower() in _ASIDES:
            # "Forbes, however, says": the source stands before the aside.
            found = self._phrase(words[:comma])
            if found is None:
                return None
            starts = token_starts(body, words, found, window, end)
            return SourceBefore(starts[0], starts[comma - 1 - found] + len(words[comma - 1]))
        if first_role_word[0].isupper() and _is_name(words[comma + 1 : -1]):
            named = self._named_description(body, words, comma, window, end)
            if named is not None:
                return named
        if not (
            lower in _ROLE_STARTS
            or _capitalised_role(words[comma + 1 : -1])
            or first_role_word[0].isdigit()
            or first_role_word.endswith(("'s", "’s", "s'", "s’"))
            or _role_word(first_role_word) in self.roles
            or lower in _REPORTING_ASIDES
            or (first_role_word[0].islower() and lower not in _NOT_ROLES)
        ):
            return None
        name_end = comma
        tag = words[max(0, comma - 6) : comma - 1]
        if words[comma - 1] == ")" and "(" in tag:
            # "Rep. Jo Dee (D-Md.), chair of ...": the name before the party tag.
            name_end = comma - len(tag) - 1 + tag.index("(")
        found = self._phrase(words[:name_end])
        if found is None and lower == "who":
            # "The delegate and conservative activist, who backs Cruz, warned"
            found = self._two_roles(words[:name_end])
        if found is None:
            return None
        starts = token_starts(body, words, found, window, end)
        source_start = starts[0]
        source_end = starts[name_end - 1 - found] + len(words[name_end - 1])
        if lower in _REPORTING_ASIDES:
            # "Local papers, citing hospital staff, reported": an attribution, not a role.
            return SourceBefore(source_start, source_end)
        role_start = starts[comma + 1 - found]
        role_end = starts[-2] + len(words[-2])
        role = body[role_start:role_end]
        return SourceBefore(source_start, source_end, role, (role_start, role_end))

    def _named_description(
        self, body: str, words: list[str], comma: int, window: int, end: int
    ) -> SourceBefore | None:
        """'the agency's director, Jane Roe, said': the name is the source, the description
        before it its role (a description must end with a role, a known head noun or an
        agent noun: "the chief auditor")."""
        head = words[comma - 1]
        lower = head.lower()
        if (
            _role_word(lower) not in self.roles
            and lower not in self.heads
            and not (head.islower() and _agentive(head))
        ):
            return None
        found = self._description(words, comma - 1)
        if found is None:
            return None
        starts = token_starts(body, words, found, window, end)
        role_end = starts[comma - 1 - found] + len(words[comma - 1])
        name_start = starts[comma + 1 - found]
        name_end = starts[-2] + len(words[-2])
        role = body[starts[0] : role_end]
        return SourceBefore(name_start, name_end, role, (starts[0], role_end))

    def _phrase(self, words: list[str]) -> int | None:
        """Index of the first word of the source phrase that ends the list, or None; over
        coordinated modifiers of one head ("current and former officials"). Coordinated
        people ("she and her husband") are left to the last: typed as one, they read as a
        vague group."""
        found = self._single_phrase(words)
        if found is None or found < 2 or words[found - 1].lower() not in ("and", "or"):
            return found
        if words[found].lower() in _OTHERS and words[found - 1] == "and":
            # "Sen. Jo Dee and other Democrats": the named one leads the group (typed by
            # the name, see sources.py)
            left = words[found - 2]
            if left in _LEADING_PRONOUNS:
                return found - 2  # "he and other Clinton challengers": typed by "he"
            if left[0].isupper() and left not in NOT_NAMES:
                named = self._name(words[: found - 1])
                if named is not None:
                    return named
        left = words[found - 2]
        modifier = found < len(words) - 1 and words[found].islower()
        if modifier and left.islower() and left.isalpha() and left not in _FUNCTION:
            return found - 2
        if found == len(words) - 1 and self._people(left) and self._people(words[found]):
            # "union members and leaders say": one group of two kinds of people
            joined = self._description(words, found - 2)
            return found if joined is None else joined
        return found

    def _people(self, word: str) -> bool:
        """Whether a plural noun names people ("leaders", "Economists" opening a sentence)."""
        lower = word.lower()
        return (
            (word.islower() or word.istitle())
            and plural_word(lower)
            and (lower in self.heads or singular_noun(lower) in self.roles or _agentive(lower))
        )

    def _single_phrase(self, words: list[str]) -> int | None:
        """Index of the first word of the source phrase that ends the list, or None."""
        if not words:
            return None
        share = _share(words)
        if share is not None:
            return share
        if not words[-1][0].isalnum():
            return None
        last = words[-1]
        if last.lower() in _SOURCE_PRONOUNS:
            return len(words) - 1
        # Both walk back over at most the 7 words before the last, and need a preposition
        # or "who"/"that" there: without one (most sources), neither is tried.
        if (
            not _LINK_WORDS.isdisjoint(map(str.lower, words[-8:-1]))
            or any(map(_participle, words[-8:-1]))
            or not _WRITER_SUBJECTS.isdisjoint(words[-_MAX_RELATIVE_TAIL - 1 : -1])
        ):
            modified = self._post_modified(words)
            if modified is not None:
                return modified
            relative = self._relative_clause(words)
            if relative is not None:
                return relative
        if last[0].isupper() and last.lower() not in self.heads and last.lower() not in self.roles:
            return self._name(words)
        described = self._description(words, len(words) - 1)
        if described is None and last[0].isupper() and len(words) > 1 and words[-2][0].isupper():
            return self._name(words)  # "Rep. Steve King", "Mr. Prince": a surname that is a title
        return described

    def _relative_clause(self, words: list[str]) -> int | None:
        """'People who had direct knowledge said': a known head noun, then who/that."""
        lowest = max(1, len(words) - 8)
        for i in range(len(words) - 2, lowest - 1, -1):
            if not words[i][0].isalnum():
                return None
            if words[i].lower() in ("who", "whose", "that") and words[i - 1].lower() in self.heads:
                return self._description(words, i - 1)
            if (
                words[i] in _WRITER_SUBJECTS
                and len(words) - i <= _MAX_RELATIVE_TAIL + 1
                and words[i - 1].lower() in self.heads
                and all(word.islower() for word in words[i + 1 :])
            ):
                return self._description(words, i - 1)
        return None

    def _post_modified(self, words: list[str]) -> int | None:
        """'a spokesman for the agency', 'people familiar with the matter', 'a strategist
        monitoring the race'."""
        lowest = max(1, len(words) - 7)
        for i in range(len(words) - 2, lowest - 1, -1):
            word = words[i].lower()
            if not words[i][0].isalnum():
                return None
            if word not in _PREPOSITIONS and not _participle(words[i]):
                continue
            head = i - 1
            if words[head].lower() in _LINKING and head > 0:
                head -= 1  # "people familiar with", "a person briefed on"
            elif word == "by" and head > 0 and _past_participle(words[head]):
                head -= 1  # "a witness interviewed by investigators"
                if _role_word(words[head]) in self.roles:
                    start = self._description(words, head)
                    if start is not None:
                        return start
            if (
                word == "of"
                and (words[head].lower() in QUANTITY_NOUNS or words[head].lower() in _PARTITIVES)
                and words[-1].lower() not in _FUNCTION  # "one of the": the noun is cut off
            ):
                start = self._description(words, head)  # "a wide array of economists"
                return head if start is None else start  # "Dozens of protesters"
            if words[head].lower() in self.heads:
                start = self._description(words, head)
                if start is not None:
                    return self._of_head(words, start)
            elif word in ("of", "from") and (start := self._role_of(words, head)) is not None:
                # "the former secretary of state", "the senator from Vermont"; "Critics of
                # the mayor of Boston": the critics ("the campaign of the senator from Ohio"
                # stays the senator's: a singular owner is more often an organisation)
                if start >= 2 and plural_word(words[start - 2]):
                    return self._of_head(words, start)
                return start
        return None

    def _role_of(self, words: list[str], head: int) -> int | None:
        """Where the description of ``words[head]`` starts, if it is a singular role noun
        with a determiner of its own and what follows its "of" is not cut off; else None."""
        role = words[head]
        if _role_word(role) not in self.roles or plural_word(role) or role.istitle():
            return None
        if words[-1].lower() in _FUNCTION:
            return None
        start = self._description(words, head)
        if start is None or words[start].lower() not in _DETERMINERS:
            return None
        # "who has accused the mayor of fraud said": after a verb, an object, no source
        before = words[start - 1] if start else ""
        return None if before.isalpha() and before.islower() and before not in _FUNCTION else start

    def _of_head(self, words: list[str], start: int) -> int:
        """The head a phrase found at ``words[start]`` is the object of, after 'of' ('The
        new poll of voters in all 50 states': the poll, not the voters; 'Critics of the
        plan in Congress'), else ``start``."""
        if start < 2 or words[start - 1] != "of":
            return start
        head = words[start - 2].lower()
        if head not in self.heads and _role_word(head) not in self.roles:
            return start
        if (
            head in QUANTITY_NOUNS
            or singular_noun(head) in QUANTITY_NOUNS
            or head in _WHOSE_DOCUMENTS
        ):
            # "groups of protesters": who is counted; "results of an entrance poll": the
            # poll's, typed by the poll
            return start
        before = self._description(words, start - 2)
        return start if before is None else before

    def _name(self, words: list[str]) -> int | None:
        i = len(words) - 1
        while i > 0:
            before = words[i - 1]
            if before[0].isupper() and before[0].isalpha():
                i -= 1
            elif before.lower() in _CONNECT and i > 1 and words[i - 2][0].isupper():
                if before.lower() == "the" and words[i - 2] not in ("of", "for"):
                    break
                i -= 2
            else:
                break
        while i < len(words) - 1 and words[i] in NOT_NAMES and words[i] not in ("The",):
            i += 1
        if i > 0 and words[i - 1].lower() == "the":
            i -= 1
        if words[i] in NOT_NAMES and (words[i] != "The" or i == len(words) - 1):
            return None
        if i == len(words) - 1 and i > 0 and self._one_of_a_people(words[i - 1], words[i]):
            return i - 1  # "a Texan said", "another Texan": one person, no name
        return self._descriptor_before(words, i)

    def _one_of_a_people(self, before: str, word: str) -> bool:
        """'a Texan', 'another German': a demonym after an article is no surname."""
        return word in self.demonyms and before.lower() in ONE_OF_MANY

    def _descriptor_before(self, words: list[str], name_start: int) -> int:
        """'Republican presidential hopeful Donald Trump': a role written before a name."""
        if name_start == 0:
            return name_start
        title = words[name_start - 1]
        if _role_word(title) not in self.roles and not (title.islower() and _agentive(title)):
            return name_start  # "psychologist Jane Roe": an agent noun, as a role is
        i = name_start - 1
        while i > 0 and name_start - i < _MAX_MODIFIERS + 1:
            before = words[i - 1]
            lower = before.lower()
            if not before[0].isalnum() or (lower in _FUNCTION and lower not in _DETERMINERS):
                break
            i -= 1
            if lower in _DETERMINERS or before.endswith(("'s", "’s")):
                break
        while i < name_start and words[i] in NOT_NAMES:
            i += 1
        return i

    def _description(self, words: list[str], head: int) -> int | None:
        """A noun phrase ending at ``head``: determiner + modifiers, or a bare known noun."""
        if not words[head][0].isalnum() or words[head].lower() in _FUNCTION:
            return None
        i = head
        modifiers = 0
        while i > 0 and modifiers < _MAX_MODIFIERS:
            before = words[i - 1]
            lower = before.lower()
            if not before[0].isalnum() or (lower in _FUNCTION and lower not in _DETERMINERS):
                break
            # A capitalised run is one modifier: "the former New York City mayor".
            if not (i < head and before[0].isupper() and words[i][0].isupper()):
                modifiers += 1
            if lower in _DETERMINERS:
                if lower in _SINGULAR and plural_word(words[head]):
                    return head  # "a move critics say": the determiner is not the head's
                if i > 1 and words[i - 2].lower() in _DEFINITE_BEFORE_NUMBER and _is_number(before):
                    return i - 2  # "the two contenders": people the story has named
                return i - 1
            if before.endswith(("'s", "’s")):
                i -= 1
                while i > 0 and words[i - 1][0].isupper():
                    i -= 1
                return _possessor_start(words, i)
            i -= 1
        if words[head].lower() in self.heads or (
            plural_word(words[head]) and _agentive(words[head])
        ):
            # "regulators say": a bare plural agent noun is a group of people
            i = max(i, head - 2)  # a bare noun: keep only adjacent modifiers ("senior officials")
            if _name_joined_before(words, i, head):
                return None  # "Parks and Recreation Department": a name, read as one
            while i < head and words[i] in NOT_NAMES:
                i += 1
            return i
        return None

    def _two_roles(self, words: list[str]) -> int | None:
        """'the Florida senator and Republican presidential candidate': one person given
        two singular roles, the first with its determiner, the second without."""
        last = _role_of_end(words)
        if last is None or _role_word(words[last]) not in self.roles or plural_word(words[last]):
            return None
        for joint in range(last - 1, max(1, last - 1 - _MAX_MODIFIERS), -1):
            word = words[joint]
            if word == "and":
                left = words[joint - 1]
                role = left in self.roles or _role_word(left) in self.roles  # "front-runner"
                if not left.islower() or not role or plural_word(left):
                    return None
                start = self._description(words, joint - 1)
                has_determiner = start is not None and words[start].lower() in _DETERMINERS
                # "the plaintiff and defendant", "the mother and daughter": two people
                bare = start == joint - 2 and joint == last - 1
                return start if has_determiner and not bare else None
            if not word[0].isalnum() or word.lower() in _FUNCTION:
                return None
        return None


def _role_of_end(words: list[str]) -> int | None:
    """The index of the role a phrase ends with: its last word, or the role before a short
    "of" or "from" ("former secretary of state", "senator from Vermont")."""
    if not words:
        return None
    for cut in (2, 3):
        if len(words) > cut and words[-cut] in ("of", "from"):
            return len(words) - cut - 1
    return len(words) - 1


def _name_joined_before(words: list[str], start: int, head: int) -> bool:
    """Whether a capitalised head and its modifiers follow "and" after a capitalised word:
    one name with "and" in it ("the Parks and Recreation Department")."""
    return (
        words[head][0].isupper()
        and start >= 2
        and words[start - 1] in ("and", "&")
        and words[start - 2][0].isupper()
    )


_DEFINITE_BEFORE_NUMBER = words("the these those his her their its our")
_POSSESSOR_DETERMINERS = words("the a an this that his her their its our")


def _possessor_start(words: list[str], i: int) -> int:
    """The possessor's own determiner and modifiers: "the prime minister's spokesman", not
    "minister's spokesman" (the words left out would read as the end of the content)."""
    for j in range(i - 1, max(i - 3, 0) - 1, -1):
        lower = words[j].lower()
        if lower in _POSSESSOR_DETERMINERS:
            return j
        if not words[j].isalpha() or not words[j].islower() or lower in _FUNCTION:
            break
    return i
