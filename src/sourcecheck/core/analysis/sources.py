"""What the words of a source phrase say about it: a named person, an organisation, a
document, an anonymous or vague source, the author, or a pronoun or description that needs
resolving ("he", "the lawmaker"; see ``speakers.py``).

Typing reads the words of the source phrase against the lexicons, and remembers the answer
for each phrase: the same few phrases open most attributions of every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sourcecheck.core.analysis.patterns import WordStartPattern, alternation, words
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import SourceType

Kind = Literal[
    "named", "pronoun", "person_description", "org_description", "group", "share", "other"
]

PERSON_PRONOUNS = frozenset(["he", "she", "who", "him", "her"])
GROUP_PRONOUNS = frozenset(["they", "them"])
THING_PRONOUNS = frozenset(["it", "which", "that"])
AUTHOR_PRONOUNS = frozenset(["i", "we", "me", "us"])
# "I'm told", "we're told": the writer was told, by someone the story does not name.
AUTHOR_PASSIVES = frozenset(["i'm", "i’m", "we're", "we’re"])
# "Someone called it a revolution": one person the story does not name; "nobody said" is
# no one saying anything.
_SOMEONE = frozenset(["someone", "somebody"])
_NOBODY = frozenset(["nobody", "no one", "no-one", "none"])
# "the second official", "the other aide": one more of the unnamed people already quoted.
_ORDINALS = frozenset(["second", "third", "fourth", "fifth", "other", "latter"])
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
    Which Whether Mr Q No Yes Please Let God
    """
)
# "(?<!\s)": a run of spaces is tried once, from its first space, not from each.
_POST_MODIFIER = re.compile(
    r"(?<!\s)\s+(?:for|at|of|from|by|with|in|on|to|inside|within|close\s+to|familiar\s+with|"
    r"briefed\s+on|who|whose|involved|knowledgeable|"
    # "known by some Republicans as a hug": what "as" brings is not the head
    r"as|"
    # "the experts I interviewed": a relative clause with the writer as its subject
    r"I|we|"
    # "a poll released Monday", "a survey conducted for the Ledger": the head is the poll
    r"released|conducted|commissioned|published|taken|"
    # "emails that night showed": a time after the head noun is not the head
    r"(?:that|this|last|next)\s+(?:night|morning|afternoon|evening|day|week|weekend|month|year)|"
    # "groups that have endorsed him", "groups that haven't", "a group that's": a relative
    # clause, as with "who"; "that is," restates the head ("critics, that is, economists")
    r"that(?:['’]s|\s+(?:(?:have|has|had|are|were|is|was|will|would)(?:n['’]t)?|won['’]t))"
    r"(?![\w,]))\b"
)
# The relative "that" and its auxiliary before a participle ("emails that were released by
# the Ledger"): what "released" alone says.
_RELATIVE_AUXILIARY = re.compile(r"that\s+\S+(?:\s+been)?\s+(?=\S)")
# "including the Teamsters and the AFL-CIO", "such as Mr. Ryan": an appositive listing the
# group's members.
_LISTING_OPENERS = ("including ", "such as ", "among them ", "like ", "led by ")
# "52 percent", "half of them", "a majority of voters", "nine in 10 Americans": a survey's
# finding. What follows the share is checked in ``_is_share``.
_SHARE = re.compile(
    r"(?:(?:about|nearly|almost|only|just|more\s+than|fewer\s+than|less\s+than|over|under|"
    r"roughly|some|a|an|the|large|strong|slim|narrow|clear|bare|small|big|vast|"
    r"overwhelming)\s+)*"
    r"(?:[\w.,-]+\s*(?:percent|per\s+cent|%)|"
    r"[\w-]+\s+in\s+(?:\d+|three|four|five|six|seven|eight|nine|ten)|"
    r"(?:\d+|one|two|three|four)[-\s](?:thirds?|quarters?|fifths?)|half|majorit(?:y|ies)|"
    r"(?<=\ba\s)(?:third|quarter|fifth|tenth)|"
    r"pluralit(?:y|ies))(?![\w-])",
    re.I,
)
# Documents that say nothing of who made them unless the phrase names its maker ("a poll",
# "recent polling", "reports"): unnamed, like "experts".
# Participles between a document and its maker ("a poll conducted by Quinnipiac").
_MADE = words(
    """
    released conducted commissioned published taken obtained reviewed seen reported compiled
    prepared sponsored
    """
)
_UNNAMED_DOCUMENTS = frozenset(
    [
        "poll",
        "polls",
        "polling",
        "survey",
        "surveys",
        "reports",
        "statistics",
        "studies",
        "research",
        "data",
        "numbers",
        "figures",
        "emails",
        "e-mails",
        "documents",
        "records",
        "memos",
        "review",
        "reviews",
        "projections",
        "estimates",
    ]
)
_POLLS = frozenset(["poll", "polls", "survey", "surveys", "polling"])
# "review" alone, without an article, is a verb ("teams that review reports"); a headline's
# bare "poll" ("Poll finds ...", "according to poll") is an unnamed poll.
_COUNTED_DOCUMENTS = frozenset(["review"])
# "the Chinese", "the British", "the French": a people's name that is its own plural, used
# for the country; not "the Texan", one person.
_COLLECTIVE_DEMONYM_ENDINGS = ("ese", "ish", "ch", "ss")
# Last words of place names the lexicons need not list ("Atlantic City").
PLACE_HEADS = words("City County Beach Island Islands Valley Heights Springs Falls Township Parish")
# Organisations of members or of the press: "rights groups", "labor unions", "other news
# outlets" speak for unnamed people; "appeals courts" or "private schools" are no sources
# of that kind.
_MEMBERSHIP_ORGS = frozenset(
    ["group", "organization", "organisation", "association", "coalition", "union", "outlet"]
)
# "the Republican majority in the Senate", "the court's liberal minority": the members of a
# body the story names, not an unnamed crowd.
_BODY_SIDES = frozenset(["majority", "minority"])
# Nouns that count what follows "of" ("a wide array of economists", "a handful of aides").
QUANTITY_NOUNS = words(
    """
    array number group handful host range majority minority couple dozen dozens hundreds
    thousands lot bunch variety series slew pair trio
    """
)
# People a lone "one" or "another" may stand for that the lexicons need not list, and the
# endings of nouns for people by what they do or are (commenter, strategist, conservative).
_PERSON_NOUNS = words(
    """
    person user reader friend neighbor neighbour child kid delegate advocate rival
    """
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ive")
_NOT_PEOPLE = frozenset(["number", "order", "matter", "letter", "paper", "answer", "event"])
# "a Texan", "another Texan", "one Texan": one person of many, not a name.
ONE_OF_MANY = frozenset(["a", "an", "another", "one"])
# "some senators", "other candidates": an unnumbered few of many people in that role.
_QUANTIFIERS = frozenset(["other", "some", "many", "several", "most", "few", "various", "numerous"])
# Counting words before people in a role ("two speechwriters", "several diplomats").
_COUNTED_FEW = _QUANTIFIERS | words("two three four five six seven eight nine ten dozens")
# Plural endings of nouns for people by what they do (writers, investors, diplomats,
# residents; not "events" or "documents").
_AGENT_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ats")
_AGENT_PLURALS += ("dents", "ponents", "agents", "parents")
# What a candidate's people are called besides the campaign ("the Sanders camp").
CAMPAIGN_WORDS = frozenset(["team", "camp"])
# "his attorney", not "its senior vice president" (an organisation's unnamed officer).
_PEOPLE_POSSESSIVES = frozenset(["his", "her", "their"])
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "my", "our", "your", "its"])
# Relatives: "his wife" is someone the text has identified, not an anonymous source.
_KIN = words(
    """
    wife husband son daughter mother father brother sister widow widower parent parents
    grandmother grandfather uncle aunt cousin nephew niece fiancee fiance partner
    """
)
# "both" refers like "the": "both outlets", "both polls" are the two the story has named.
_REFERRING = frozenset(
    ["the", "this", "that", "these", "those", "both", "its", "their", "his", "her", "our"]
)
_INDEFINITE = frozenset(
    [
        "a",
        "an",
        "some",
        "many",
        "several",
        "most",
        "recent",
        "new",
        "other",
        "more",
        "few",
        "multiple",
        "numerous",
        "various",
        "exit",
        "internal",
        "private",
        "early",
        "latest",
        # Capitalised only where they open a sentence ("Public polls show"): no maker.
        "public",
        "national",
        "statewide",
        "online",
    ]
)
_CLASSIFIED_MAX = 20_000  # remembered source phrases per engine: a few MB at most
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})(?:['’]s)?$")
_POSSESSIVE = re.compile(r"['’]s?$")
# Acronyms that name a kind of organisation, not one ("a super PAC"; not "a desperate HP").
_KIND_ACRONYMS = frozenset(["PAC", "NGO", "LLC"])


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
        anonymous_phrases = category(lexicons.get("anonymous_sources"), "phrases")
        self._anonymous = WordStartPattern(rf"{alternation(anonymous_phrases)}\b", "i")
        self.anonymous_phrase = self._anonymous.plain
        self.vague_heads = {p.lower() for p in lexicons.phrases("vague_sources")}
        self.document_heads = {p.lower() for p in lexicons.phrases("document_nouns")}
        org = lexicons.get("organization_words")
        self.org_words = set(category(org, "name_words"))
        self.org_heads = _lower_set(org, "description_heads")
        self.org_plurals = {plural_noun(noun) for noun in self.org_heads & _MEMBERSHIP_ORGS}
        self.governments = set(category(org, "governments"))
        places = lexicons.get("places")
        self.places = set(category(places, "places"))
        self.lower_places = {place.lower() for place in self.places}
        self.dates = set(category(places, "dates"))
        self.demonyms = set(category(places, "demonyms"))
        self.parties = set(category(places, "parties"))
        self.not_makers = self.places | self.demonyms | self.parties
        titles = lexicons.get("person_titles")
        self.titles = set(category(titles, "abbreviated")) | set(category(titles, "words"))
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
        if lower in AUTHOR_PASSIVES:
            return SourceInfo("author", "named", "the author")  # "I'm told": see speakers.py
        if lower in _SOMEONE:
            return SourceInfo("anonymous", "group")
        if lower in _NOBODY:
            return SourceInfo("unknown", "other")
        if " and other" in lower:
            led = self._led_group(phrase, lower)
            if led is not None:
                return led
        if " in " in lower:
            poll = self._poll_asked(phrase, lower)
            if poll is not None:
                return poll
        if self.anonymous(phrase) or lower == "another":
            # "Another said": one more of the unnamed people the story quotes.
            return SourceInfo("anonymous", "group")
        if _is_share(phrase) or _respondents(lower):
            # "52 percent say", "respondents said", "those surveyed": a poll's finding
            return SourceInfo("document", "share")
        head_words = self._head_words(phrase)
        counted = self._counted(words, head_words)
        if counted is not None:
            return counted
        head = unpossessed(head_words[-1]).lower() if head_words else lower
        if head in _BODY_SIDES and self._of_named_body(head_words, words[len(head_words) :]):
            return SourceInfo("unknown", "group")
        # No word is "the" unless the lower-cased phrase holds it (str.lower maps no other
        # character to "t", "h" or "e").
        bare = (
            " ".join(w for w in words if w.lower() != "the") if "the" in lower else " ".join(words)
        )
        if (
            bare in self.governments
            or bare in self.places
            or lower in self.lower_places
            or (bare.endswith(".") and bare[:-1] in self.places)  # "Md.", "Calif."
        ):
            # "Lisbon says", "Ohio argued": a capital or a state speaking is its government.
            return SourceInfo("named_organization", "named", bare)
        if bare in self.dates:
            return SourceInfo("unknown", "other")  # "October showed": not a source
        if len(words) == 2 and words[0].lower() in ONE_OF_MANY and words[1] in self.demonyms:
            return SourceInfo("anonymous", "group")  # "a Texan said": one the story does not name
        if bare in self.demonyms or self._plural_demonym(bare):
            collective = bare.endswith(_COLLECTIVE_DEMONYM_ENDINGS)
            if words[0].lower() == "the" and collective:
                # "the Chinese pledged", "the British said": the country's government
                return SourceInfo("named_organization", "named", bare)
            if not collective and not bare.endswith("s"):
                if len(words) == 1:
                    # "Cuban said": one person's surname (Mark Cuban), no people speaking
                    return SourceInfo("named_person", "named", bare)
                if words[0].lower() == "the":
                    # "the Texan said": one person the story has brought up, like "the senator"
                    return SourceInfo("unknown", "person_description")
            return SourceInfo("vague", "group")  # "Americans say"
        if bare in self.parties and bare.endswith("s"):
            # "Democrats say", "the Republicans argued": some of the party's members, not
            # the party speaking through anyone the reader could check.
            return SourceInfo("vague", "group")
        if len(words) == 1 and bare in self.parties and lower in self.role_nouns:
            # a member's noun alone ("Republican") is the adjective of a phrase cut short
            # ("said Republican party boss Reince Priebus"); a member is "a Republican"
            return SourceInfo("unknown", "other")
        named = self._names(head_words)
        first_word = head_words[0].lower()
        person = self._name_after_role(head_words)
        if person:  # "Interior Ministry spokesman Tom Silva": the person, not the ministry
            return SourceInfo("named_person", "named", person)
        common = (
            head_words[-1][0].islower()
            or _AGE.fullmatch(head) is not None
            or (
                head in self.common_nouns
                and (len(head_words) == 1 or head_words[0].lower() in DETERMINERS)
            )
        )
        if head in self.document_heads and common:
            if (
                head in _UNNAMED_DOCUMENTS
                and (len(head_words) > 1 or head not in _COUNTED_DOCUMENTS)
                and self._unnamed_maker(head_words)
                and not self._maker_after(words[len(head_words) :])
            ):
                return SourceInfo("vague", "group")
            return SourceInfo("document", "other")
        if common:
            return self._description(head, head_words, named)
        if first_word in ("a", "an") and head_words[-1] in _KIND_ACRONYMS:
            # "an anti-Trump PAC": a kind of organisation, unnamed, like "a conservative group"
            return SourceInfo("anonymous", "group")
        if names_a_place(named, self.titles):
            return SourceInfo("named_organization", "named", bare)  # "Atlantic City said"
        if any(w.rstrip(".,") in self.org_words or _is_acronym(w) for w in named):
            return SourceInfo("named_organization", "named", bare)
        if self._definite_name(head_words, named):
            # "The Islamic State said", "the Washington Examiner reported": a name that
            # takes "the" is an organisation (or a law, a place), not a person
            return SourceInfo("named_organization", "named", bare)
        if named and _coordinated_names(head_words):
            # "Trump and Clinton point out": two people, not one called "Trump Clinton"
            return SourceInfo("named_person", "group", bare)
        if named:
            last_title = max((i for i, w in enumerate(named) if w in self.titles), default=-1)
            person = " ".join(named[last_title + 1 :])  # "Health Secretary Dana Whitfield"
            return SourceInfo("named_person", "named", person or " ".join(named))
        return SourceInfo("unknown", "other")

    def _description(self, head: str, head_words: list[str], named: list[str]) -> SourceInfo:
        """A phrase ending in a common noun: 'analysts', 'a senior official', 'the senator'."""
        first = head_words[0].lower()
        if head in _NOBODY:
            return SourceInfo("unknown", "other")  # "the question nobody": no one speaks
        if first in _POSSESSIVE_PRONOUNS and head in _KIN:
            return SourceInfo("unknown", "other")  # "his wife": who she is, the text says
        definite = first in ("the", "this", "that") or _POSSESSIVE.search(head_words[0]) is not None
        if (
            first == "both"
            and plural_word(head)
            and head not in self.anonymous_heads  # "both officials": unnamed, as "the officials"
            and _both_determines_head(head_words)
        ):
            return SourceInfo("unknown", "group")  # "both outlets": the two the story named
        if head in self.vague_heads:
            return SourceInfo("vague", "group")
        if head in self.anonymous_heads and not (definite and not head.endswith("s")):
            return SourceInfo("anonymous", "group")
        if head in self.anonymous_heads and len(head_words) > 2 and head_words[1] in _ORDINALS:
            return SourceInfo("anonymous", "group")  # "the second official said"
        if head in self.org_plurals and not definite and set(named) <= {head_words[0]}:
            # "human rights groups": which, unsaid (a capital opening a sentence is no name)
            return SourceInfo("vague", "group")
        if head in self.org_heads or head in CAMPAIGN_WORDS:
            owned = _owned_organisation(head_words, named, definite)
            if owned:
                # "Clinton's campaign", "the Obama administration": named by whose it is
                return SourceInfo("named_organization", "named", owned)
            if named and not definite:
                return SourceInfo("named_organization", "named", " ".join(named))
            if first in _INDEFINITE:
                return SourceInfo("anonymous", "group")  # "a conservative group": unnamed
            return SourceInfo("named_organization", "org_description")
        if head in self.role_nouns or head in self.anonymous_heads or _AGE.fullmatch(head):
            if definite or (first in _PEOPLE_POSSESSIVES and head in self.role_nouns):
                # "his attorney": someone the text knows, named or not
                return SourceInfo("named_person", "person_description")
            return SourceInfo("anonymous", "group")
        if definite:
            if plural_word(head):
                # "the candidates", "the protesters": people the story has brought up, not
                # an unnamed crowd (the lexicons' heads, "the experts", were typed above)
                return SourceInfo("unknown", "group")
            return SourceInfo("unknown", "person_description")
        if first in _QUANTIFIERS and plural_word(head) and singular_noun(head) in self.role_nouns:
            return SourceInfo("vague", "group")  # "other Republican candidates", "some senators"
        if first in _COUNTED_FEW and plural_word(head) and head.endswith(_AGENT_PLURALS):
            # "two Democratic speechwriters", "several retired generals": people in a
            # role the lexicons need not list, counted but not named
            return SourceInfo("vague", "group")
        if first in ("one", "another") and len(head_words) > 1 and self._person_noun(head):
            return SourceInfo("anonymous", "group")  # "one user wrote": one of many, unnamed
        return SourceInfo("unknown", "other")

    def listed_name(self, role: str) -> SourceInfo | None:
        """The first name an appositive lists ("Other unions, including the Teamsters,
        said"): the group is named right after it; None unless the role lists a name."""
        first = _first_listed(role)
        if first is None or not first[:1].isupper():
            return None
        return self._named(first)

    def _poll_asked(self, phrase: str, lower: str) -> SourceInfo | None:
        """'voters in a recent CBS News poll': the people a named poll asked speak through
        it (its finding, a document); None unless a named poll follows 'in'."""
        poll = phrase[_same_length_lower(phrase, lower).index(" in ") + 4 :]
        head_words = self._head_words(poll)
        if not head_words or unpossessed(head_words[-1]).lower() not in _POLLS:
            return None
        known = self.known(poll)
        return known if known.source_type == "document" else None

    def _plural_demonym(self, bare: str) -> bool:
        """'Texans', 'Kenyans': the plural of a people's name the lexicon lists singular only."""
        return bare.endswith("s") and singular_noun(bare) in self.demonyms

    def _led_group(self, phrase: str, lower: str) -> SourceInfo | None:
        """'Sen. Jo Dee and other Democrats', 'the FSA and others': a named source and
        others like it, typed by the name; None unless a name stands before 'and other'."""
        leader = phrase[: _same_length_lower(phrase, lower).rindex(" and other")]
        if leader.lower() in ("he", "she"):
            return SourceInfo("unknown", "pronoun")  # resolved by its first word
        if not leader[:1].isupper() and not leader.lower().startswith("the "):
            return None
        return self._named(leader)

    def _named(self, phrase: str) -> SourceInfo | None:
        """What a phrase is known as when that is a named person or organisation, else None."""
        known = self.known(phrase)
        if known.kind != "named" or known.source_type not in ("named_person", "named_organization"):
            return None
        return known

    def _definite_name(self, head_words: list[str], named: list[str]) -> bool:
        """Whether the phrase is "the" and a name alone, without a title ("the Islamic
        State"; not "the Rev. Al Sharpton", "the Clintons", "the Florida senator")."""
        if len(head_words) < 2 or head_words[0].lower() != "the" or named != head_words[1:]:
            return False
        if len(named) == 1 and named[0].endswith("s"):
            return False  # "the Clintons": a family, people
        return not any(word.rstrip(".,") in self.titles for word in named)

    def _of_named_body(self, head_words: list[str], rest: list[str]) -> bool:
        """Whether a majority or minority belongs to a named body ('the conservative majority
        on the Supreme Court', "the Senate's Republican majority"; not 'a silent majority')."""
        owners = [w for w in head_words[:-1] if _POSSESSIVE.search(w) and w[:1].isupper()]
        if owners:
            return self._names_a_body([_POSSESSIVE.sub("", w) for w in owners])
        return bool(rest) and rest[0] in ("in", "on", "of") and self._names_a_body(rest[1:])

    def _names_a_body(self, words: list[str]) -> bool:
        """Whether ``words`` name something other than a place or a people ("the Senate";
        not "Ohio", "America", "Americans": where a crowd lives is no body of members)."""
        names = [w.rstrip(".,;:") for w in self._names(words)]
        return any(name not in self.places and name not in self.demonyms for name in names)

    def _person_noun(self, head: str) -> bool:
        """Whether a lower-case head noun can be a person ('one user', 'one prominent
        conservative', 'one of the engineers'; not 'at one point', 'one lesson')."""
        if head in self.anonymous_heads or head in self.vague_heads:
            return True  # "one of his allies", "one of many critics"
        if plural_word(head):
            head = singular_noun(head)
        return (
            head in self.role_nouns
            or head in _PERSON_NOUNS
            or (len(head) > 4 and head.endswith(_PERSON_ENDINGS) and head not in _NOT_PEOPLE)
        )

    def _counted(self, words: list[str], head_words: list[str]) -> SourceInfo | None:
        """'a wide array of economists', 'a number of tax experts': the people counted,
        typed as "some" of them; None unless the head counts and they are unnamed."""
        after = len(head_words)
        if after >= len(words) - 1 or words[after] != "of":
            return None
        if head_words[-1].lower() not in QUANTITY_NOUNS or head_words[0].lower() in _REFERRING:
            return None  # "the number of delegates": a figure, not people speaking
        counted = self.known(" ".join(["some", *words[after + 1 :]]))
        return counted if counted.source_type in ("vague", "anonymous") else None

    def _head_words(self, phrase: str) -> list[str]:
        """The words up to the head noun: 'a spokesman for the agency' -> 'a spokesman'."""
        head_words = _POST_MODIFIER.split(phrase, maxsplit=1)[0].split()
        if len(head_words) == 1 and head_words[0].lower() in self.vague_heads:
            after = phrase.split()[1:3]
            if after and (after[0] != "of" or after[1:] == ["them"]):
                # "many in the Republican establishment", "most of them": the quantifier
                # is the head ("some of his aides" is typed by the aides)
                return head_words
        if len(head_words) < 2 and (not head_words or head_words[0].lower() in DETERMINERS):
            # "an inside source": a post-modifier word used as an adjective leaves no head
            head_words = phrase.split()
        elif (
            len(head_words) > 1
            and head_words[-1].endswith("ed")
            and head_words[-2].lower() in self.common_nouns
            and phrase.split()[len(head_words) : len(head_words) + 1] == ["by"]
        ):
            # "a witness interviewed by investigators", "emails obtained by the Post": the
            # participle and its agent modify the head
            return head_words[:-1]
        for i in range(1, len(head_words)):
            # "a strategist monitoring the race": a participle after a known head noun
            if head_words[i].endswith("ing") and head_words[i - 1].lower() in self.common_nouns:
                return head_words[:i]
        return head_words

    def _name_after_role(self, head_words: list[str]) -> str | None:
        """The person's name after a title or role word, if the phrase ends with one."""
        last_role = len(head_words) - 2
        while last_role >= 0 and not (
            head_words[last_role] in self.titles or head_words[last_role].lower() in self.role_nouns
        ):
            last_role -= 1
        name = head_words[last_role + 1 :]
        if last_role < 0 or not name or not all(w[:1].isupper() for w in name):
            return None
        if name[-1].isupper() and name[-1].lower() in self.role_nouns:
            return None  # "the former Hewlett-Packard CEO": a role of a company, no name
        # "Mayor Don Guardian": a surname may be an organisation word after a given name
        inner = name[:-1] if len(name) > 1 and head_words[last_role] in self.titles else name
        if any(w.rstrip(".,") in self.org_words or _ACRONYM.match(w) for w in inner):
            return None
        return " ".join(name)

    def _unnamed_maker(self, head_words: list[str]) -> bool:
        """Whether a poll or report phrase leaves its maker unnamed ('many Iowa polls')."""
        first = head_words[0].lower()
        referring = first in _REFERRING and (first != "both" or _both_determines_head(head_words))
        if referring or _POSSESSIVE.search(head_words[0]):
            return False  # "the poll", "its polling", "both polls": one the story has named
        kind_given = first not in _INDEFINITE and first not in DETERMINERS
        if len(head_words) > 1 and kind_given and not head_words[0][:1].isupper():
            return False  # "court filings", "internal emails": a kind, not a vague one
        modifiers = (
            head_words[1:-1] if first in _INDEFINITE or first in DETERMINERS else head_words[:-1]
        )
        # Capitalised words other than places, peoples and parties name the maker ("Pew").
        return not any(w[:1].isupper() and w not in self.not_makers for w in modifiers)

    def _maker_after(self, rest: list[str]) -> bool:
        """Whether the words after the head name the maker ('data from the State
        Department', 'a poll by Quinnipiac', 'a poll released by Quinnipiac')."""
        if rest[:1] == ["that"]:
            rest = _RELATIVE_AUXILIARY.sub("", " ".join(rest), count=1).split()
        if rest and rest[0] in _MADE:  # "released Monday by the Ledger": from its "by"
            rest = rest[next((i for i, w in enumerate(rest) if w in ("by", "from")), 0) :]
        if not rest or rest[0].lower() not in ("from", "by", "of"):
            return False
        return any(w[:1].isupper() and w.rstrip(".,") not in self.not_makers for w in rest[1:])

    def _names(self, words: list[str]) -> list[str]:
        """The capitalised words of a phrase that can be part of a name."""
        return [
            w
            for i, w in enumerate(words)
            if w[:1].isupper() and not (i == 0 and w in NOT_NAMES) and w.lower() not in DETERMINERS
        ]


# "the 69-year-old": a person described by age alone
_AGE = re.compile(r"\d{1,3}-year-old")


def _both_determines_head(head_words: list[str]) -> bool:
    """Whether a phrase's opening "both" determines its head ("both outlets"), not one
    joined by "and" ("both critics and supporters") or a possessor ("both parties' aides")."""
    between = head_words[1:-1]
    return "and" not in between and not any(_POSSESSIVE.search(w) for w in between)


def _same_length_lower(phrase: str, lower: str) -> str:
    """``lower`` (``phrase.lower()``) with each character where it stands in ``phrase``, for
    an index found in it to slice ``phrase``: "İ" alone lower-cases to two characters."""
    if len(lower) == len(phrase):
        return lower
    return phrase.replace("İ", "I").lower()


def _first_listed(role: str) -> str | None:
    """The first item a listing appositive names, up to its first 'and' or comma
    ('including the Teamsters and the AFL-CIO' -> 'Teamsters'), or None."""
    lower = role.lower()
    opener = next((o for o in _LISTING_OPENERS if lower.startswith(o)), None)
    if opener is None:
        return None
    first = role[len(opener) :].split(",", 1)[0].split(";", 1)[0].split(" and ", 1)[0].strip()
    return first[4:] if first.lower().startswith("the ") else first


def _is_acronym(word: str) -> bool:
    """'NATO', 'U.S.', and acronyms joined by a hyphen ('AFL-CIO')."""
    if _ACRONYM.match(word):
        return True
    return "-" in word and all(_ACRONYM.match(part) for part in word.split("-"))


def _owned_organisation(head_words: list[str], named: list[str], definite: bool) -> str | None:
    """The name of an organisation a name owns ("Clinton's campaign", "the Clinton
    campaign" -> "Clinton campaign"): a candidate's team or camp is the campaign."""
    if not named or not definite:
        return None
    head = organisation_head(head_words[-1])
    if _POSSESSIVE.search(head_words[0]) and head_words[0][:1].isupper():
        return " ".join([*head_words[:-1], head])
    owner = head_words[1:-1]
    if head_words[0].lower() != "the" or not owner or not all(w[:1].isupper() for w in owner):
        return None  # "the state's biggest union", "The Agency": no name owns it
    return " ".join([*owner, head])  # "the Florida Democratic Party": a name after all


def organisation_head(word: str) -> str:
    """The head noun an organisation is named by: a candidate's team or camp is the
    campaign ("the Sanders camp" is the Sanders campaign)."""
    return "campaign" if word in CAMPAIGN_WORDS else word


def names_a_place(words: list[str], titles: set[str]) -> bool:
    """Whether capitalised ``words`` name a place by their last word ("Atlantic City",
    "Orange County"): not after a title ("Mayor Tom Falls")."""
    return len(words) > 1 and words[-1] in PLACE_HEADS and words[0] not in titles


def _coordinated_names(words: list[str]) -> bool:
    """Whether capitalised words stand on both sides of an "and" ('Trump and Clinton')."""
    for i in range(1, len(words) - 1):
        if words[i] in ("and", "&") and words[i - 1][:1].isupper() and words[i + 1][:1].isupper():
            return True
    return False


def unpossessed(word: str) -> str:
    """``word`` without a final possessive ("Smith's" -> "Smith"): the regex only where
    an apostrophe is."""
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def _respondents(lower: str) -> bool:
    """Whether a lower-case phrase is the people a poll asked ("respondents", "those
    surveyed", "voters polled"): its finding, like a share."""
    return lower == "respondents" or lower.endswith((" respondents", " surveyed", " polled"))


def _is_share(phrase: str) -> bool:
    """Whether a source phrase is a share of people: what a poll found, not who said it."""
    match = _SHARE.match(phrase)
    if match is None:
        return False
    rest = phrase[match.end() :].split()
    # "a majority of voters", "52 percent", "nine in 10 registered voters"; not "the
    # majority leader".
    return not rest or rest[0].lower() == "of" or plural_word(rest[-1])


def plural_noun(noun: str) -> str:
    """The plural of a regular noun ("group" -> "groups", "agency" -> "agencies")."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def singular_noun(plural: str) -> str:
    """The singular of a regular plural ("witnesses" -> "witness", "allies" -> "ally")."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "xes", "ches", "shes")):
        return plural[:-2]
    return plural[:-1]


def plural_word(word: str) -> bool:
    """Whether ``word`` reads as a regular plural ("voters"; not "boss", "status", "crisis")."""
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def category(entries: list[str] | dict[str, list[str]], name: str) -> list[str]:
    """The phrases of one category of a lexicon (and its uncategorised additions)."""
    if isinstance(entries, dict):
        return list(entries.get(name, [])) + list(entries.get("other", []))
    return list(entries)


def _lower_set(entries: list[str] | dict[str, list[str]], name: str) -> set[str]:
    return {p.lower() for p in category(entries, name)}
