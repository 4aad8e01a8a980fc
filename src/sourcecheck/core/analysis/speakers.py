"""Who speaks: one model of the article's sources, built once and read by every scorer.

Two steps, both single passes in body order:

* :class:`SpeakerResolver` types every attribution's source phrase (see ``sources.py``)
  and resolves pronouns and descriptions ("he", "the senator", "the agency") to a person
  or organisation of the text. A cheap scan of capitalised runs finds the people and
  organisations mentioned, skipping words inside quotes, places, peoples and dates; a
  pronoun takes the most recent speaker or person subject whose gender (from a title, a
  given name or an earlier pronoun) does not contradict it, a description the person or
  organisation last given that role or name.
* :class:`SourceBuilder` groups the typed attributions into distinct :class:`Source`
  records: the same name is the same source, "the official" is the "senior official"
  already introduced unless the text says "another", a spokesperson is part of their
  organisation, a quote relayed through another source is part of it. Every attribution
  points at its source (``source_id``) and carries its type and name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice, pairwise

from sourcecheck.core.analysis.patterns import WordStartPattern, alternation, words
from sourcecheck.core.analysis.sources import (
    AUTHOR_PASSIVES,
    AUTHOR_PRONOUNS,
    GROUP_PRONOUNS,
    NOT_NAMES,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    SourceInfo,
    SourceTyper,
    category,
    names_a_place,
    organisation_head,
    plural_word,
    unpossessed,
)
from sourcecheck.core.analysis.types import AttributionDraft, Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Attribution, Quote, Source, SourceType, Span

_MEMO_MAX = 20_000  # remembered capitalised runs per engine: a few MB at most

# A run of capitalised words, possibly joined by the particles of names and the "of" of
# organisations ("Department of Health"). Nothing in it can fail after a partial match, so
# the engine never backtracks; splitting the run is done in Python. The look-behind for a
# word character before the first capital comes after that capital, so the pattern opens
# with a class the engine skips ahead to in C instead of trying it at every character.
_CAPITALISED_RUN = re.compile(
    r"[A-Z](?<![\w'’.&-][A-Z])[\w'’.&-]*"
    r"(?:[ \t]+(?:(?:of|for|de|van|von|der|del|da|bin|al|la|le)[ \t]+)?[A-Z][\w'’.&-]*)*"
)
_CONNECTORS = words("of for de van von der del da bin al la le")
_NAME_PARTICLES = words("de van von der del da bin al la le")
_ABBREVIATIONS = words("Inc. Co. Corp. Ltd. Jr. Sr. St. Mt. Ft. Bros. No.")
_FEMALE_TITLES = words("Mrs. Ms. Miss Mrs Ms Madam Lady Dame")
_MALE_TITLES = words("Mr. Mr Sir Lord")
# What a title says about the role of the person it precedes ("Sen. Doe" -> "senator").
_TITLE_ROLES = {
    "sen.": "senator",
    "sens.": "senator",
    "rep.": "representative",
    "reps.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "dr.": "doctor",
    "prof.": "professor",
    "rev.": "reverend",
    "det.": "detective",
    "atty.": "attorney",
    "pres.": "president",
    "congressman": "representative",
    "congresswoman": "representative",
}
_FEMALE_ROLES = words(
    """
    spokeswoman congresswoman chairwoman businesswoman councilwoman assemblywoman actress
    woman mother wife daughter sister widow queen princess grandmother girl waitress lady
    """
)
_MALE_ROLES = words(
    """
    spokesman congressman chairman businessman councilman assemblyman actor man father
    husband son brother widower king prince grandfather boy
    """
)
# A mention is its clause's subject when the words before it in the sentence end with one
# of these (or with a mark, or there are none).
# Subordinate clauses ("when Clinton faces Trump") are left out: their subjects are rarely
# whom the next "she said" means.
_SUBJECT_OPENERS = words(
    """
    and but so yet then also meanwhile however still later now
    """
)
_OPENING_MARKS = "\"“‘'([—–-"
# The name a "who" or "which" follows: spaces and tabs only, so never a name in the
# paragraph before ("… Jo Dee.\n\nOrtiz, who said" is Ortiz, not "Jo Dee. Ortiz").
_RELATIVE = re.compile(r"(?P<np>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)[ \t]*,[ \t]*\Z")
# "another official", and "one user ... one user": each introduces someone new.
_NEW_REFERENT = re.compile(
    r"^(?:another|one|a second|a third|a fourth|a different|a separate|other)\b", re.I
)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")


def _has_acronym(tokens: list[str]) -> bool:
    """Whether a token is an acronym ('NATO', 'U.S.'): the regex only on upper-case ones."""
    return any(_ACRONYM.match(t) for t in tokens if t.isupper())


def _party_tag(token: str) -> bool:
    """'Sen. Jane Doe (R-Tex.)', '(D-N.Y.)': a party and state, never a name (a character
    test, not a regex: it runs on every new run's first word)."""
    return len(token) > 2 and token[1] == "-" and token[0] in "RDI" and token[2].isupper()


@dataclass(slots=True)
class _Entity:
    """A person, organisation or group of the text, as resolution remembers it."""

    name: str
    kind: str  # "person", "organization", "government" or "group"
    gender: str | None = None  # "f", "m" or None when nothing has shown it
    roles: set[str] = field(default_factory=set)
    # Party, state and nationality the text gives ("party:republican", "place:Florida"):
    # what tells "the Florida senator" from the senator from Vermont.
    traits: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Mention:
    """What a capitalised run says, independent of where it stands (so it is cached)."""

    name: str
    kind: str
    gender: str | None
    roles: tuple[str, ...]
    possessive: bool
    offset: int  # of the name's first word (or its title) within the run
    single: bool = False  # one word with no title: a name only where a name is expected
    segment: int = 0  # where its part of the run starts (after "of", after a sentence end)
    traits: tuple[str, ...] = ()  # "Florida Sen. Marco Rubio": place:Florida


@dataclass(slots=True)
class _Found:
    """A name found outside quotes, and later what it names. Whether it is its clause's
    subject is tested only when resolution looks back at it: most names never are."""

    position: int
    mention: _Mention | None  # None: a speaker added from its attribution
    lead: int = 0  # where its part of the capitalised run starts
    run_end: int = 0
    opens: bool | None = None  # opens its sentence; None until someone asks
    entity: _Entity | None = None
    salient: bool | None = None  # a speaker or a clause subject; None: not tested yet


# How many mentions back "the group", "he" or "it" is looked for: far past any news story's
# cast, while a text of thousands of names costs linear time instead of quadratic.
_LOOKBACK = 250


class _History:
    """Entities in the order the text brings them up: speakers and subjects, and all."""

    def __init__(self, subject: Callable[[_Found], bool] | None = None) -> None:
        self.entries: list[_Found] = []
        # The same entries by the entity's kind: "he" looks back through people only.
        self.by_kind: dict[str, list[_Found]] = {}
        self._subject = subject
        # The last possessive that opened a clause ("Suu Kyi's fate is unclear"): whom a
        # "she" later in the same sentence means, though not one in the next sentence.
        self.owner: tuple[int, _Entity] | None = None
        # Where each unnamed person was introduced, by head noun ("a young woman"): whom
        # "the woman" means unless someone named has been given that role since.
        self.unnamed: dict[str, int] = {}
        # How many entries have had the words around them read for roles and traits
        # (only when a description needs them: most articles have few descriptions).
        self.described = 0

    def add(self, found: _Found, entity: _Entity, salient: bool | None) -> None:
        found.entity = entity
        found.salient = salient
        self.entries.append(found)
        kind = self.by_kind.get(entity.kind)
        if kind is None:
            kind = self.by_kind[entity.kind] = []
        kind.append(found)

    def is_salient(self, found: _Found) -> bool:
        if found.salient is None:
            assert self._subject is not None
            found.salient = self._subject(found)
        return found.salient

    def latest(
        self, wanted: Callable[[_Entity], bool], before: int, kind: str | None = None
    ) -> _Entity | None:
        """The most recent salient entity ``wanted`` accepts, else the most recent one;
        ``kind``: only entities of that kind can be wanted."""
        found = self.latest_at(wanted, before, kind=kind)
        return found[1] if found is not None else None

    def latest_at(
        self,
        wanted: Callable[[_Entity], bool],
        before: int,
        salient_only: bool = False,
        kind: str | None = None,
    ) -> tuple[int, _Entity] | None:
        """``latest``, with the position of the mention that made it so."""
        entries = self.entries if kind is None else self.by_kind.get(kind, [])
        fallback = None
        for found in islice(reversed(entries), _LOOKBACK):
            entity = found.entity
            if found.position >= before or entity is None or not wanted(entity):
                continue
            if self.is_salient(found):
                return found.position, entity
            if fallback is None and not salient_only:
                fallback = (found.position, entity)
        return fallback

    def salient_since(self, position: int) -> bool:
        """Whether a speaker or subject came up after ``position``."""
        for found in reversed(self.entries):
            if found.position <= position:
                return False
            if self.is_salient(found):
                return True
        return False


class SpeakerResolver:
    """Types attribution sources and resolves pronouns and descriptions, one pass each."""

    def __init__(self, typer: SourceTyper, lexicons: Lexicons) -> None:
        self.typer = typer
        places = lexicons.get("places")
        self.places = frozenset(category(places, "places"))
        self._place_openers = frozenset(
            p.split()[0] for p in (*self.places, *typer.governments) if " " in p
        )
        self.not_names = frozenset(
            [*category(places, "demonyms"), *category(places, "dates"), *self.places]
        )
        self.parties = frozenset(category(places, "parties"))
        self.demonyms = frozenset(category(places, "demonyms"))
        self._traited = self.places | self.demonyms | self.parties
        # Days and holidays, not months: "May" and "June" are also names.
        self.day_names = frozenset(
            d for d in category(places, "dates") if d[:3].lower() not in _MONTH_STEMS
        )
        names = lexicons.get("person_names")
        self.female = frozenset(category(names, "female"))
        self.male = frozenset(category(names, "male"))
        self.given_names = self.female | self.male
        # The census's one-sided given names, read only for a full name ("Delbert Fox"):
        # alone, "Warren" or "Carter" is as likely a surname.
        census = lexicons.get("given_name_genders")
        self._census_gender = {
            **dict.fromkeys(category(census, "female"), "f"),
            **dict.fromkeys(category(census, "male"), "m"),
        }
        self._not_person = frozenset(typer.org_words | typer.governments)
        self._abbreviated = frozenset(w for w in typer.titles if w.endswith("."))
        # The first words a run's name never starts with, as one set lookup.
        self._skipped = frozenset(NOT_NAMES | self.not_names | self.parties)
        self._runs: dict[str, tuple[_Mention, ...]] = {}
        # What makes a named person anonymous is that the text withholds part of the name
        # ("who asked that her last name not be used"), not that the role says how close
        # they are ("a former governor who is close to the family").
        withheld = [
            p
            for p in category(lexicons.get("anonymous_sources"), "phrases")
            if any(
                w in p
                for w in ("name", "anonym", "identified", "record", "background", "attribution")
            )
            or "authori" in p  # "not authorized to speak": why the name is withheld
        ]
        withheld += category(lexicons.get("anonymity_reasons"), "grant")
        self._withheld = WordStartPattern(rf"{alternation(withheld)}\b", "i")

    def trait(self, word: str, tagged: bool = False) -> str | None:
        """The party, place or people a capitalised word names ('GOP' -> party:republican,
        'Fla.' -> place:Florida), if any. A state's abbreviation counts only with its
        period or in a party tag (``tagged``: 'R-Fla'): 'Miss', 'La' and 'Del' are words."""
        abbreviated = tagged or word.rstrip(",()").endswith(".")
        word = word.strip(",.()")
        party = _PARTIES.get(word.lower())
        if party is not None and word[:1].isupper():
            return party
        state = _STATES.get(word)
        if state is not None:
            # the places lexicon holds the abbreviations too, for its other use: no place
            return "place:" + state if abbreviated else None
        if word in _NATIONAL:
            return None  # "the U.S. senator": every state's senator is one
        if word in self.places:
            return "place:" + word
        if word in self.demonyms:
            return "people:" + word
        return None

    def _traits(self, words: Iterable[str]) -> set[str]:
        """The traits of a phrase's words, with party-state tags ('R-Fla.') read as both."""
        found = set()
        for word in words:
            if not word[:1].isupper() and word[:1] != "(":
                continue  # the cheap test first: most words of a role are lower case
            tagged = _party_tag(word.strip("(),"))
            if tagged:
                tag = word.strip("(),.")
                found.add(_TAG_PARTIES[tag[0]])
                word = tag[2:]
            trait = self.trait(word, tagged)
            if trait is not None:
                found.add(trait)
        return found

    def _described_by(self, body: str, found: _Found, entity: _Entity) -> None:
        """Roles and traits the words around a person's name give: 'Republican nominee
        Donald Trump', 'Marco Rubio (R-Fla.)', 'Tim Kaine, the Democratic running mate,'."""
        lead = found.lead
        if lead > 1 and body[lead - 1] == " " and body[lead - 2].islower():
            before = body[max(0, lead - 60) : lead].split()
            if before and before[-1] in self.typer.role_nouns:
                words = []
                for word in reversed(before):
                    role = word in self.typer.role_nouns or word in _ROLE_MODIFIERS
                    if not role and self.trait(word) is None:
                        break
                    words.append(word)
                self._describe(entity, words)
        end = found.run_end
        after = body[end : end + 2]
        if after == ", " or after == " (":
            aside = _ASIDE.match(body, end + 2, end + 80)
            # an appositive closes ("Tim Kaine, the running mate, said"); not a clause's
            # subject ("..., the Democratic candidate stated that")
            if aside is not None and (
                body[aside.end() : aside.end() + 1] in ("", ",", ".", ")", "\n")
                or aside.group()[1] == "-"  # "R-Iowa."
            ):
                self._describe(entity, aside.group().split())

    def _describe(self, entity: _Entity, words: list[str]) -> None:
        """Give an entity the roles and traits of a description's words; a deputy's role
        ("vice presidential nominee", "running mate") is not the role itself."""
        entity.traits.update(self._traits(words))
        if _DEPUTY_WORDS.isdisjoint(w.lower() for w in words):
            entity.roles.update(w for w in words if w in self.typer.role_nouns)

    # -- the pass -------------------------------------------------------------------------

    def resolve(
        self, body: str, quotes: Sequence[Quote], attributions: list[AttributionDraft]
    ) -> None:
        """Set ``source_type`` and ``speaker`` on every attribution, in body order."""
        inside = _QuoteBounds(quotes)
        mentions, subject = self._mentions(body, inside, attributions)
        history = _History(subject)
        entities: dict[str, _Entity] = {}
        surnames: dict[str, str] = {}
        next_mention = 0
        last_document: tuple[int, str] | None = None
        last_group: tuple[int, SourceType, str | None] | None = None
        for attribution in attributions:
            source = attribution.source
            if source is None:
                continue
            start = source.start
            while next_mention < len(mentions) and mentions[next_mention].position < start:
                found = mentions[next_mention]
                mention = found.mention
                assert mention is not None
                entity = _entity(entities, surnames, mention)
                if mention.possessive:
                    history.add(found, entity, False)
                    if entity.kind == "person" and subject(found):
                        history.owner = (found.position, entity)
                else:
                    history.add(found, entity, None)
                next_mention += 1
            info = self.typer.known(source.text, attribution.in_quote)
            source_type, speaker = self._resolved(
                body, attribution, info, history, entities, surnames, last_document, last_group
            )
            withheld = bool(attribution.role) and self._withheld.occurs(attribution.role)
            if withheld:
                # "Maria, who asked that her last name not be used, said": named, but the
                # reader cannot check who she is.
                source_type = "anonymous"
            elif source_type in ("anonymous", "vague") and attribution.role:
                # "Other unions, including the Teamsters, said": named right after
                listed = self.typer.listed_name(attribution.role)
                if listed is not None:
                    source_type, speaker = listed.source_type, listed.speaker
            if source_type in ("anonymous", "vague") and _acting(attribution):
                source_type = "unknown"  # "Democrats want", "liberals backed": no one sourced
            if source_type == "anonymous" and not withheld and not attribution.in_quote:
                # ("An aide, who spoke on condition of anonymity": no one the story names)
                named = self._named_later(body, source, inside, entities, surnames)
                if named is not None:
                    source_type, speaker = "named_person", named
            attribution.source_type = source_type
            attribution.speaker = speaker
            if attribution.in_quote:
                continue  # a quoted speaker's sources are not the story's speakers
            if source_type == "anonymous" and not _plural(source.text):
                history.unnamed[source.text.split()[-1].lower()] = start
            if source_type == "document":
                last_document = (start, speaker or source.text)
            if source_type in ("anonymous", "vague") and _plural(source.text):
                last_group = (start, source_type, speaker)
            elif source_type == "named_person" and speaker and " and " in speaker:
                last_group = (start, source_type, speaker)  # "Wilcox and Beruff argued ... they"
            if (
                speaker
                and source_type in ("named_person", "named_organization")
                and not _possessive(source.text)
            ):
                # "Trump's continued appeal": a possessive before the cue is no speaker.
                entity = entities.get(speaker)
                if entity is not None:
                    history.add(_Found(start, None), entity, True)

    def _resolved(
        self,
        body: str,
        attribution: AttributionDraft,
        info: SourceInfo,
        history: _History,
        entities: dict[str, _Entity],
        surnames: dict[str, str],
        last_document: tuple[int, str] | None,
        last_group: tuple[int, SourceType, str | None] | None,
    ) -> tuple[SourceType, str | None]:
        source = attribution.source
        assert source is not None
        start = source.start
        if info.kind != "named" and _all_capitalised(source.text):
            # "Secretary of State John F. Kerry": a title that reads as a role, then a name.
            named = self._titled_name(source.text)
            if named is not None:
                return "named_person", _entity(entities, surnames, named).name
        if info.kind == "named" and info.source_type == "named_person" and info.speaker:
            if self._fragment(body, source):
                return "unknown", None  # "Super" of "Super Tuesday", "White House-era"
            if source.text in self.demonyms and not self._named_with(body, source.text, start):
                # "American said": a people's name alone is a surname only where the story
                # gave it to someone ("Mark Cuban ... Cuban said"); else nobody is named.
                return "unknown", None
            mention = self._person_of(source.text, info.speaker)
            entity = _entity(entities, surnames, mention)
            # "spokeswoman Hua Chunying said", "Lee Park, a spokeswoman for ...": the role
            # words before the name or in the appositive tell the gender.
            at = source.text.find(info.speaker)
            roles = _role_words(source.text[:at]) if at > 0 else set()
            if attribution.role:
                roles |= _role_words(attribution.role)
            if roles:
                entity.roles.update(roles)
                entity.gender = entity.gender or _gender_of_roles(roles)
                traits = self._traits(source.text[:at].split())
                # "the senator from Vermont", "R-Ky.": not "who is third in Iowa polls"
                aside = _ASIDE.match(attribution.role) if attribution.role else None
                if aside is not None:
                    traits |= self._traits(aside.group().split())
                entity.traits.update(traits)
            if entity.kind == "person":
                return "named_person", entity.name
            return "named_organization", entity.name  # "Greenfield Foods" named before
        if info.kind == "named" and info.source_type == "named_organization" and info.speaker:
            if source.text in _KIND_ACRONYMS and _KIND_OF.search(body, max(0, start - 50), start):
                return "anonymous", None  # "an anti-Trump PAC": a kind, not a name
            entity = _entity(
                entities, surnames, _Mention(info.speaker, "organization", None, (), False, 0)
            )
            return "named_organization", entity.name
        if info.source_type == "author" and source.text.lower() in AUTHOR_PASSIVES:
            cue = attribution.cue
            if cue is not None and cue.text.endswith("told"):
                return "anonymous", None  # "I'm told": by someone the story does not name
        if info.source_type == "vague" and source.text.endswith(_UNNAMED_POLLS):
            # "a new poll has found. The poll, released by the Harlow Institute, ...": the
            # story names the maker in the next breath.
            maker = _MAKER_NEXT.search(body, source.end, source.end + _UNNAMED_REACH)
            if maker is not None and self._maker(maker.group("maker")):
                return "document", maker.group("maker")
        if info.kind == "share":
            # "52 percent say": what the poll the story named found; with none named, an
            # unnamed poll's finding.
            if last_document is not None:
                return "document", last_document[1]
            poll = _named_poll(body, start)
            return ("document", poll) if poll else ("vague", None)
        if info.kind == "pronoun":
            cue = attribution.cue
            # From the cue's first word: a cue span may hold its object ("told Hannity").
            hearer = _hearer(body, cue.start + len(cue.text.split()[0])) if cue else None
            # "he and other challengers": the pronoun leading the group is who it is
            pronoun = source.text.split(maxsplit=1)[0].lower()
            source_type, speaker = self._pronoun(
                body, pronoun, start, history, last_document, last_group, hearer
            )
            if (
                source_type == "named_person"
                and speaker is not None
                and source.text in _RELATIVES
                and (" " not in speaker or speaker not in entities)
            ):
                # "Clinton, who said": the antecedent's words name the Hillary Clinton the
                # text has met, whose gender "he" must not take
                speaker = _entity(entities, surnames, self._person_of(speaker, speaker)).name
            return source_type, speaker
        if info.kind == "person_description":
            return self._person_description(body, source.text, start, history, info)
        if info.kind == "org_description":
            words_ = source.text.split()
            head = words_[-1].lower()
            owner = _OWNER_PRONOUNS.get(words_[0].lower()) if len(words_) == 2 else None
            if owner is not None:
                # "her campaign", "his organization": the organisation of whom "she" or
                # "he" would be
                return self._owned(body, owner, head, start, history, last_document, last_group)
            entity = history.latest(
                lambda e: head in e.name.lower(), start, "organization"
            ) or history.latest(lambda e: True, start, "organization")
            if entity is None:
                return "named_organization", None
            return "named_organization", entity.name
        if info.source_type == "document" and _STATEMENT.match(source.text):
            # "The museum issued a statement ... the statement urged", "In a statement, the
            # union called ... The statement also said": its maker speaking, as in "the
            # museum said in a statement".
            maker = history.latest_at(lambda e: e.kind != "government", start, True)
            if (
                maker is not None
                and start - maker[0] < _UNNAMED_REACH
                # the statement was brought up with its maker, in its sentence or after it
                and _STATEMENT_WORD.search(body, max(0, sentence_opening(body, maker[0])), start)
            ):
                kind = "named_person" if maker[1].kind == "person" else "named_organization"
                return kind, maker[1].name
        return info.source_type, info.speaker

    def _named_later(
        self,
        body: str,
        source: Span,
        inside: _QuoteBounds,
        entities: dict[str, _Entity],
        surnames: dict[str, str],
    ) -> str | None:
        """'A former party chairman says ... said Don Fowler, who led the party', 'A
        spokesman for Senator Dee called ... Dee spokesman Brian Fallon said': a news
        lede's indefinite person, named a few sentences on (with "who" or the same role)."""
        head = _indefinite_head(source.text)
        if head is None or head not in self.typer.role_nouns:
            return None
        reach = body[source.end : source.end + _CATAPHORA_REACH]
        # "a senior official" stays anonymous however many people the story goes on to name
        named = re.finditer(rf"{_LATER_OWNER}\b{re.escape(head)}[ \t]+{_LATER_NAME}", reach)
        if head not in self.typer.anonymous_heads:
            named = chain(named, _WHO_INTRODUCED.finditer(reach))
        for match in named:
            if inside.contains(source.end + match.start("name")):
                continue
            owner = match.groupdict().get("owner")
            if owner and owner.lower() in _NOT_OWNERS:
                owner = None  # "But spokesman Brian Fallon": the sentence's opening word
            if owner and owner.rstrip("'’s") not in source.text:
                continue  # "a spokesperson for the parks department ... Trump spokesperson"
            introduced = "owner" not in match.groupdict()
            for mention in self._parsed(match.group("name")):
                if mention.kind != "person" or mention.single:
                    continue
                if introduced and (mention.offset > 0 or _other_role(mention.roles, head)):
                    continue  # "Police Chief Tom Rowe, who": not the lede's "a lawyer"
                if _other_gender(mention.gender, head):
                    continue  # "Don Fowler" is not "a former party chairwoman"
                return _entity(entities, surnames, mention).name
        return None

    def _owned(
        self,
        body: str,
        pronoun: str,
        head: str,
        start: int,
        history: _History,
        last_document: tuple[int, str] | None,
        last_group: tuple[int, SourceType, str | None] | None,
    ) -> tuple[SourceType, str | None]:
        """The organisation a person's pronoun owns: one named with their surname and the
        head ("Trump Organization"), else "Trump's organization"."""
        kind, person = self._pronoun(body, pronoun, start, history, last_document, last_group)
        if kind != "named_person" or person is None:
            return "named_organization", None
        surname = person.split()[-1]
        named = history.latest(
            lambda e: surname in e.name.split() and head in e.name.lower(), start, "organization"
        )
        if named is not None:
            return "named_organization", named.name
        return "named_organization", f"{surname}'s {organisation_head(head)}"

    def _named_with(self, body: str, surname: str, before: int) -> bool:
        """Whether a given name or a title comes before ``surname`` in the story up to
        ``before`` ("Mark Cuban", "Sen. English"; not "Native American")."""
        # each try opens at a word's start: from inside a long word it would re-read the word
        pattern = re.compile(rf"(?<!\S)(\S+)[ \t]+{re.escape(surname)}\b")
        return any(self._opens_name(match.group(1)) for match in pattern.finditer(body, 0, before))

    def _maker(self, name: str) -> bool:
        """Whether a name after "by" or "from" can make a poll: not "from Dec. 4 to 8"."""
        first = name.split()[1 if name.startswith("the ") else 0]
        return first not in self.not_names

    def _pronoun(
        self,
        body: str,
        pronoun: str,
        start: int,
        history: _History,
        last_document: tuple[int, str] | None,
        last_group: tuple[int, SourceType, str | None] | None,
        hearer: str | None = None,
    ) -> tuple[SourceType, str | None]:
        """``hearer``: the name the cue is said to ("he told Hannity"), who is not "he"."""
        if pronoun in ("who", "which"):
            antecedent = _RELATIVE.search(body, max(0, start - 80), start)
            if antecedent is not None:
                info = self.typer.known(antecedent.group("np"))
                # "who" is a person ("of Ashton, Md., who watched": not the state)
                person = info.source_type == "named_person"
                if info.kind == "named" and info.speaker and (person or pronoun == "which"):
                    return info.source_type, info.speaker
            elif pronoun == "who":
                # "a lecture from the Mexican president, who said": the description's person
                described = _DESCRIBED_RELATIVE.search(body, max(0, start - 80), start)
                if described is not None and described.group("head") in self.typer.role_nouns:
                    info = self.typer.known(described.group("np"))
                    if info.kind == "person_description":
                        return self._person_description(
                            body, described.group("np"), described.start("np"), history, info
                        )
            if pronoun == "which":
                return "unknown", None
        if pronoun in PERSON_PRONOUNS or pronoun in AUTHOR_PRONOUNS or pronoun == "you":
            gender = "f" if pronoun in ("she", "her") else "m" if pronoun in ("he", "him") else None

            def fits(e: _Entity) -> bool:
                return (
                    e.kind == "person"
                    and (gender is None or e.gender in (None, gender))
                    and (hearer is None or hearer not in e.name.split())
                )

            entity = _owner(body, history, start, fits) or history.latest(fits, start, "person")
            if entity is None:
                return "unknown", None
            if gender is not None and entity.gender is None:
                entity.gender = gender  # the text has now shown it
            return "named_person", entity.name
        if pronoun in GROUP_PRONOUNS:
            # The latest of: an unnamed group that spoke, an organisation or group that
            # spoke or was a clause's subject.
            named = history.latest_at(lambda e: e.kind in ("organization", "group"), start, True)
            if named is not None and (last_group is None or named[0] > last_group[0]):
                return "named_organization", named[1].name
            if last_group is None:
                return "unknown", None  # nothing for "they" to stand for
            return last_group[1], last_group[2]
        if pronoun in THING_PRONOUNS:
            organisation = _in_sentence(body, history, start, ("organization", "government"))
            if organisation is None:
                organisation = history.latest(
                    lambda e: e.kind in ("organization", "government"), start
                )
            if last_document is not None and (
                organisation is None
                or not _mentioned_after(history, organisation, last_document[0])
            ):
                return "document", last_document[1]
            if organisation is not None:
                return "named_organization", organisation.name
        return "unknown", None

    def _person_description(
        self, body: str, phrase: str, start: int, history: _History, info: SourceInfo
    ) -> tuple[SourceType, str | None]:
        """'the senator', 'the spokeswoman': the person last given that role, else the most
        recent speaker or subject whose gender the role does not contradict."""
        entries = history.entries
        for found in entries[history.described :]:
            entity = found.entity
            if found.mention is not None and entity is not None and entity.kind == "person":
                self._described_by(body, found, entity)
        history.described = len(entries)
        words = phrase.split()
        head = words[-1].lower()
        # "the former first lady and U.S. senator": any of its role words may tell
        gender = _gender_of_roles(w.lower() for w in words)
        # "The Florida senator", "the Republican nominee": someone the text gave that
        # party or state, or at least no other.
        traits = self._traits(words[1:-1]) if len(words) > 2 else set()

        def fits(entity: _Entity) -> bool:
            return not traits or _compatible(entity.traits, traits)

        given = None
        if traits:
            given = history.latest_at(
                lambda e: head in e.roles and not traits.isdisjoint(e.traits), start, kind="person"
            )
        if given is None:
            given = history.latest_at(lambda e: head in e.roles and fits(e), start, kind="person")
        unnamed = history.unnamed.get(head)
        if unnamed is None and (
            head in self.typer.role_nouns or head in self.typer.anonymous_heads
        ):
            unnamed = _introduced(body, head, start)
        if (
            unnamed is not None
            and start - unnamed < _UNNAMED_REACH
            and (given is None or given[0] < unnamed)
        ):
            # "a young woman asked ... the woman said"; not "A lawmaker is calling for ..."
            # paragraphs before the story names him and calls him "the lawmaker".
            return "anonymous", None
        entity = given[1] if given is not None else None
        if entity is None and (_POSSESSIVE_OPENER.match(phrase) or _possessive(words[0])):
            owner = _POSSESSIVE_END.sub("", words[0]) if words[0][:1].isupper() else None
            if head in self.typer.role_nouns or head in self.typer.anonymous_heads:
                # "his attorney", "Pagliano's lawyer": not the owner, and the text has given
                # no one that role.
                return "unknown", None
            if owner:
                # "Shapiro's argument", "Clinton's address": the owner speaks
                named = history.latest(lambda e: owner in e.name.split(), start)
                if named is not None:
                    kind = "named_person" if named.kind == "person" else "named_organization"
                    return kind, named.name
        if entity is None and traits:
            entity = history.latest(lambda e: not traits.isdisjoint(e.traits), start, "person")
        if entity is None:
            entity = history.latest(
                lambda e: (gender is None or e.gender in (None, gender)) and fits(e),
                start,
                "person",
            )
        if entity is None:
            return ("anonymous" if head in self.typer.anonymous_heads else "unknown"), None
        entity.roles.add(head)
        if _compatible(entity.traits, traits):
            entity.traits.update(traits)  # "the Texas senator": not the Florida one later
        return "named_person", entity.name

    # -- mentions -------------------------------------------------------------------------

    def _mentions(
        self, body: str, inside: _QuoteBounds, attributions: Sequence[AttributionDraft]
    ) -> tuple[list[_Found], Callable[[_Found], bool]]:
        """The people and organisations named outside quotes, up to the last source that
        may need an antecedent, and the test of whether one is its clause's subject."""
        needing = [
            a.source.start
            for a in attributions
            if a.source is not None and _may_refer(a.source.text)
        ]
        if not needing:
            return [], lambda found: False
        end = max(needing)
        found: list[_Found] = []
        runs = self._runs
        # Reported speech is the speaker's, like a quote: who is named in it is not who
        # the story goes on about ("Smith said Jones would resign. He added ...").
        reported = _QuoteBounds.of(
            [
                a.content
                for a in attributions
                if a.content is not None
                and a.cue is not None
                and a.content.start >= a.cue.end
                and not a.in_quote
            ]
        )
        name_words: set[str] = set()
        lower_words: dict[str, bool] = {}
        # A quote's names are the speaker's: not parsed at all.
        for match in inside.runs_between(body, end):
            run_start = match.start()
            text = match.group()
            parsed = runs.get(text)
            if parsed is None:
                parsed = self._parsed(text)
            if not parsed:
                continue
            for mention in parsed:
                position = run_start + mention.offset
                lead = run_start + mention.segment
                opens = None
                if mention.single and mention.name not in name_words:
                    opens = _opens(body, position, lead)
                    if opens or _written_lower(body, mention.name, lower_words):
                        # "Outright, ...", "Proposals ...", "– Country less safe –" when
                        # the story also writes "country": a capital, not a name.
                        continue
                if mention.kind == "person" and not mention.single:
                    name_words.update(mention.name.split())
                if (
                    mention.single
                    and mention.name[-1] == "s"
                    and _family(body, position, mention.name)
                ):
                    mention = _as_group(mention)  # "the Clintons": two people, not "she"
                found.append(_Found(position, mention, lead, match.end(), opens))
        return found, lambda one: self._subject(body, reported, one)

    def _subject(self, body: str, reported: _QuoteBounds, found: _Found) -> bool:
        """Whether a name is its clause's subject (or a speaker to be): where the run
        starts is where the clause has its subject ("Former Hewlett-Packard CEO Carly
        Fiorina named ..." is about Fiorina). Names in reported speech are the speaker's."""
        if found.mention is None or reported.contains(found.position):
            return False
        if found.opens is None:
            found.opens = _opens(body, found.position, found.lead)
        return (
            found.opens
            or _is_subject(body, found.lead)
            or self._premodified(body, found.lead)
            or (not found.mention.single and _passive_agent(body, found.lead))
        ) and not self._modifies(body, found.run_end)

    def _premodified(self, body: str, position: int) -> bool:
        """Whether only a determiner, capitalised words and a role word stand between the
        sentence start and the name: 'The Washington Post columnist Ruth Marcus wrote'."""
        last = body[max(0, position - 30) : position].rsplit(None, 1)
        if not last or last[-1].lower() not in self.typer.role_nouns:
            return False  # the cheap test first: the word before the name is no role
        stop = body.rfind(". ", 0, position)
        start = max(body.rfind("\n", 0, position) + 1, stop + 2 if stop >= 0 else 0)
        before = body[start:position].split() if position - start < 80 else []
        if not before or before[-1].lower() not in self.typer.role_nouns:
            return False
        if before[0].lower() in _APPOSITIVE_OPENERS:
            # "One superdelegate, party chairwoman Nancy Worley, pledged": the name is the
            # subject's appositive
            comma = next((i for i, w in enumerate(before[:3]) if w.endswith(",")), None)
            if comma is not None:
                before = before[comma + 1 :]
        return all(
            w[:1].isupper() or w.lower() in self.typer.role_nouns or w.lower() in _PREMODIFIERS
            for w in before
        )

    def _modifies(self, body: str, end: int) -> bool:
        """Whether the name ending at ``end`` modifies a noun ('Trump supporters')."""
        if body[end : end + 1] not in (" ", "\t"):
            return False  # "Ilse Hogue, president of ...": an appositive, not a modifier
        following = body[end + 1 : end + 16].split(None, 1)
        if not following or not following[0].islower():
            return False
        if following[0] in self.typer.common_nouns:
            return True
        # "Clinton communication director Jennifer Palmieri": a role's owner, then its holder
        words = body[end + 1 : end + 50].split()
        for before, word in pairwise(words[:4]):
            if word[:1].isupper():
                return before in self.typer.role_nouns
            if not word.islower():
                return False
        return False

    def _parsed(self, run: str) -> tuple[_Mention, ...]:
        """``_parse_run(run)``, remembered: the same names recur within and across articles."""
        parsed = self._runs.get(run)
        if parsed is None:
            parsed = self._parse_run(run)
            if len(self._runs) < _MEMO_MAX:
                self._runs[run] = parsed
        return parsed

    def _parse_run(self, run: str) -> tuple[_Mention, ...]:
        """The names a capitalised run holds ('Miami. He' holds none; 'Sen. Jane Doe' one)."""
        found: list[_Mention] = []
        words = run.split()
        if len(words) > 3 and _title_case(words):
            # "Hillary Clinton Goes After Donald Trump": a headline, whose only names are
            # a given name and the word after it
            return self._headline_names(run, words)
        # Most runs hold no ".", no connector and no possessive: one segment, no generator.
        one = (
            "." not in run
            and _CONNECTORS.isdisjoint(words)
            and not (("'" in run or "’" in run) and any(_possessive(w) for w in words[:-1]))
        )
        for offset, tokens in ((0, words),) if one else self._segments(run):
            mention = self._mention(tokens, offset)
            if mention is not None:
                mention.segment = offset
                found.append(mention)
        return tuple(found)

    def _headline_names(self, run: str, words: list[str]) -> tuple[_Mention, ...]:
        """A given name and the word after it, that word read as ``_mention`` reads a
        name's last ("Donald Trump's Plan" -> Donald Trump, possessive; "Trump, Says" ->
        Trump)."""
        found = []
        position = 0
        for index, word in enumerate(words[:-1]):
            position = run.find(word, position)
            at = position
            position += len(word)  # the next word starts after this one, never inside it
            if word not in self.given_names:
                continue
            surname = words[index + 1].rstrip(",;:)")
            if surname.endswith(".") and self._ends_sentence(surname):
                surname = surname[:-1]
            possessive = _possessive(surname)
            if possessive:
                surname = unpossessed(surname)
            if not surname or surname in _TITLE_CASE_WORDS:
                continue
            mention = self._person([word, surname], possessive, at)
            if mention is not None:
                found.append(mention)
        return tuple(found)

    def _segments(self, run: str) -> Iterable[tuple[int, list[str]]]:
        """The run cut where a sentence ends inside it and at 'of' after a person's name."""
        tokens: list[str] = []
        start = 0
        position = 0
        for token in run.split():
            position = run.find(token, position)
            if not tokens:
                start = position
            if token in _CONNECTORS and tokens and not self._joins(tokens[-1], token):
                yield start, tokens
                tokens = []
                position += len(token)
                continue
            tokens.append(token)
            position += len(token)
            if token.endswith(".") and self._ends_sentence(token):
                tokens[-1] = token[:-1]
                yield start, tokens
                tokens = []
            elif position < len(run) and _possessive(token):
                # "Sen. Bernie Sanders' College for All Act": the owner's name ends there
                yield start, tokens
                tokens = []
        if tokens:
            yield start, tokens

    def _joins(self, before: str, connector: str) -> bool:
        """Whether a connector continues the name: 'Department of', 'Secretary of', 'de'."""
        if connector in _NAME_PARTICLES:
            return True
        return before in self.typer.org_words or before in self.typer.titles

    def _ends_sentence(self, token: str) -> bool:
        core = token[:-1]
        if len(core) <= 1 or "." in core or token in _ABBREVIATIONS:
            return False  # an initial, "U.S.", "Inc."
        return token not in self._abbreviated

    def _mention(self, tokens: list[str], offset: int) -> _Mention | None:
        """What a segment of a run names, or None (a place, a date, a common word)."""
        skipped = 0
        traits: list[str] = []
        place = self._leading_place(tokens)
        if place:
            # "Saudi Arabia", "New Hampshire Gov. Maggie Hassan": a place of several words
            # is a government on its own, a trait before a title (not "New York Times")
            words_ = " ".join(tokens[:place])
            if place == len(tokens):
                if words_ in self.typer.governments:
                    return _Mention(words_, "government", None, (), False, offset)
                return None  # "New York", "Salt Lake City": a place
            if tokens[place] in self.typer.titles:
                traits.append("place:" + words_)
                skipped = len(words_) + 1
                tokens = tokens[place:]
        if names_a_place(tokens, self.typer.titles):
            return None  # "Atlantic City", "Orange County", "Ponte Vedra Beach"
        while tokens and (
            tokens[0] in self._skipped
            or tokens[0].lower() in _CAPITALISED_FUNCTION_WORDS
            or ("-" in tokens[0] and _described(tokens[0]))
        ):
            if tokens[0] in self._traited:
                trait = self.trait(tokens[0])
                if trait is not None:
                    traits.append(trait)  # "Republican Donald Trump", "Florida Sen. Rubio"
            skipped += len(tokens[0]) + 1
            tokens = tokens[1:]
        if not tokens or _party_tag(tokens[0]) or ("-" in tokens[-1] and _described(tokens[-1])):
            return None
        possessive = _possessive(tokens[-1])
        if possessive:
            tokens = [*tokens[:-1], unpossessed(tokens[-1])]
        text = " ".join(tokens)
        if text in self.not_names or text in self.parties:
            return None
        if tokens[-1] in self.parties and not tokens[-1].endswith("s") and not self._given(tokens):
            # "New York Democrat": a member, no one's name ("Senate Democrats" speak; "Al
            # Green" is a name)
            return None
        if text[-1] == "." and text[:-1] in self.not_names:
            return None  # "of Upper Marlboro, Md.": a state, never "she"
        if tokens[-1].lower() in self.typer.document_heads:
            return None  # "the AP-GfK Poll": a document, never "he"
        if text in self.typer.governments:
            return _Mention(text, "government", None, (), possessive, offset + skipped)
        if tokens[-1] in self.day_names:
            return None  # "Super Tuesday", "Black Friday": a date
        parts = [part for token in tokens for part in token.split("-")] if "-" in text else tokens
        if not self._not_person.isdisjoint(parts) or _has_acronym(parts):
            if (
                len(tokens) > 2
                and tokens[0] in self.typer.titles
                and tokens[-1] in self._not_person
                and self._not_person.isdisjoint(tokens[:-1])
                and not _has_acronym(tokens[:-1])
            ):
                # "Mayor Don Guardian": a titled person whose surname is an organisation word
                return self._person(tokens, possessive, offset + skipped, traits)
            given = self._given_name_after_role(tokens)
            if given:
                # "Hewlett-Packard CEO Carly Fiorina": the person the organisation's role
                # word introduces.
                skipped += len(" ".join(tokens[:given])) + 1
                return self._person(tokens[given:], possessive, offset + skipped, traits)
            return _Mention(text, "organization", None, (), possessive, offset + skipped)
        if len(tokens) == 3 and self._movement(tokens):
            return _Mention(text, "organization", None, (), possessive, offset + skipped)
        return self._person(tokens, possessive, offset + skipped, traits)

    def _leading_place(self, tokens: list[str]) -> int:
        """How many of the first words name a place of several words ('New Hampshire')."""
        if len(tokens) < 2 or tokens[0] not in self._place_openers:
            return 0  # the cheap test first: such places open with few words
        for size in (3, 2) if len(tokens) > 2 else (2,):
            words_ = " ".join(tokens[:size])
            if words_ in self.places or words_ in self.typer.governments:
                return size
        return 0

    def _movement(self, tokens: list[str]) -> bool:
        """'Black Lives Matter': three words with a plural noun in the middle and no given
        name to open them name a movement, not a person."""
        given = self.given_names
        if tokens[0] in given or tokens[0] in self.typer.titles:
            return False
        return any(
            _plural_word(t) and t not in given and t not in _TITLE_CASE_WORDS for t in tokens[1:-1]
        )

    def _given_name_after_role(self, tokens: list[str]) -> int:
        """The index of a given name that opens a full name after other words, else 0."""
        for index in range(len(tokens) - 2, 0, -1):
            token = tokens[index]
            if (token in self.female or token in self.male) and not (
                tokens[index - 1] in self.female or tokens[index - 1] in self.male
            ):
                return index
        return 0

    def _person(
        self, tokens: list[str], possessive: bool, offset: int, traits: list[str] | None = None
    ) -> _Mention | None:
        titles = self.typer.titles
        gender: str | None = None
        roles: list[str] = []
        index = 0
        while index < len(tokens) - 1 and (
            tokens[index] in titles or tokens[index] in self.not_names
        ):
            title = tokens[index]
            gender = gender or _gender_of_title(title)
            role = _TITLE_ROLES.get(title.lower(), title.lower().rstrip("."))
            roles.append(role)
            index += 1
        name = tokens[index:]
        if name and name[0] in _CONNECTORS and roles:
            # "Secretary of State John F. Kerry": the office's name, then the person's,
            # which opens with a given name where the lexicon knows it.
            given = self._given_name_after_role(name)
            name = name[given:] if given else name[2:]
        if not name or name[0] in titles or name[0].lower() in self.typer.common_nouns:
            return None
        if len(name) == 1 and (len(name[0]) < 2 or name[0].isupper()):
            return None
        gender = gender or self._gender_of_name(name)
        if gender is None and roles:
            gender = _gender_of_roles(roles)
        single = len(name) == 1 and not roles
        return _Mention(
            " ".join(name),
            "person",
            gender,
            tuple(roles),
            possessive,
            offset,
            single,
            traits=tuple(traits) if traits else (),
        )

    def _given(self, tokens: list[str]) -> bool:
        """Whether a run of two words or more opens with a title or a given name ("Rep.
        Green", "Al Green"; not "North Carolina Republican")."""
        return len(tokens) > 1 and self._opens_name(tokens[0])

    def _opens_name(self, word: str) -> bool:
        """Whether a word is a given name (curated or census) or a title: what opens a
        person's name ("Al Green", "Delbert Hume", "Sen. English")."""
        return word in self.given_names or word in self._census_gender or word in self.typer.titles

    def _gender_of_name(self, name: list[str]) -> str | None:
        first = name[0]
        if first in self.female:
            return "f"
        if first in self.male:
            return "m"
        return self._census_gender.get(first) if len(name) > 1 else None

    def _fragment(self, body: str, source: Span) -> bool:
        """Whether a one-run source is part of a capitalised run that names nobody: a
        date's first word, a description made of a name ('White House-era')."""
        after = body[source.end : source.end + 2]
        continues = after[:1] in (" ", "\t") and after[1:].isupper()
        if not continues and "-" not in source.text:
            return False  # the cheap test first: most names end where the source ends
        run = _CAPITALISED_RUN.match(body, source.start)
        if run is None or (run.end() <= source.end and not _described(run.group().split()[-1])):
            return False
        words = run.group().split()
        if _title_case(words):
            # a headline's first name ("Trump Calls On Obama To Resign"), unless the source
            # runs into the headline's other words ("Obama To Asians")
            return not _TITLE_CASE_WORDS.isdisjoint(source.text.split()[1:])
        return not any(m.kind == "person" for m in self._parsed(run.group()))

    def _titled_name(self, phrase: str) -> _Mention | None:
        """The person a capitalised phrase ends with, if it holds a title and one."""
        parsed = self._parsed(phrase)
        last = parsed[-1] if parsed else None
        if last is None or last.kind != "person" or last.single:
            return None
        return last if phrase.endswith(last.name) else None

    def _person_of(self, phrase: str, speaker: str) -> _Mention:
        """The mention an attribution's named source makes ('Sen. Jane Doe' -> Jane Doe, f?)."""
        at = phrase.find(speaker)
        if " " not in speaker and at >= 0 and _family(phrase, at, speaker):
            return _Mention(speaker, "group", None, (), False, at)  # "The Clintons said"
        parsed = self._parsed(phrase) if phrase[:1].isupper() else ()
        for mention in parsed:
            if mention.name == speaker and mention.kind == "person":
                return mention
        tokens = speaker.split()
        if len(tokens) == 3 and self._movement(tokens):
            return _Mention(speaker, "organization", None, (), False, 0)  # "Black Lives Matter"
        first = speaker.split()[0]
        gender = "f" if first in self.female else "m" if first in self.male else None
        return _Mention(speaker, "person", gender, (), False, 0)


def _compatible(known: set[str], wanted: set[str]) -> bool:
    """Whether traits the text gave someone leave room for the ones a description gives:
    a party, a state or a people of their own rules out another of the same kind."""
    for trait in wanted:
        kind = trait[: trait.index(":") + 1]
        if trait not in known and any(k.startswith(kind) for k in known):
            return False
    return True


_PARTIES = {
    "republican": "party:republican",
    "republicans": "party:republican",
    "gop": "party:republican",
    "democratic": "party:democratic",
    "democrat": "party:democratic",
    "democrats": "party:democratic",
    "independent": "party:independent",
    "libertarian": "party:libertarian",
}
_NATIONAL = frozenset(["U.S", "US", "America", "American", "Americans", "United", "States", "USA"])
_TAG_PARTIES = {"R": "party:republican", "D": "party:democratic", "I": "party:independent"}
# AP-style state abbreviations ("Sen. Marco Rubio, R-Fla."), for "the Florida senator".
_STATES = {
    "Ala": "Alabama",
    "Ariz": "Arizona",
    "Ark": "Arkansas",
    "Calif": "California",
    "Colo": "Colorado",
    "Conn": "Connecticut",
    "Del": "Delaware",
    "Fla": "Florida",
    "Ga": "Georgia",
    "Ill": "Illinois",
    "Ind": "Indiana",
    "Kan": "Kansas",
    "Kans": "Kansas",
    "Ky": "Kentucky",
    "La": "Louisiana",
    "Md": "Maryland",
    "Mass": "Massachusetts",
    "Mich": "Michigan",
    "Minn": "Minnesota",
    "Miss": "Mississippi",
    "Mo": "Missouri",
    "Mont": "Montana",
    "Neb": "Nebraska",
    "Nev": "Nevada",
    "N.H": "New Hampshire",
    "N.J": "New Jersey",
    "N.M": "New Mexico",
    "N.Y": "New York",
    "N.C": "North Carolina",
    "N.D": "North Dakota",
    "Okla": "Oklahoma",
    "Ore": "Oregon",
    "Pa": "Pennsylvania",
    "R.I": "Rhode Island",
    "S.C": "South Carolina",
    "S.D": "South Dakota",
    "Tenn": "Tennessee",
    "Tex": "Texas",
    "Vt": "Vermont",
    "Va": "Virginia",
    "Wash": "Washington",
    "W.Va": "West Virginia",
    "Wis": "Wisconsin",
    "Wyo": "Wyoming",
}
# Words that make a role a deputy's ("Vice Presidential nominee", "Running Mate"), compared
# lower-cased.
_DEPUTY_WORDS = words("vice deputy running assistant")
# Lower-case words of a role written before a name ("former presidential nominee").
_ROLE_MODIFIERS = words("former presidential vice running mate likely presumptive then")
# What follows a name's comma or bracket when it says who they are: "the Democratic
# nominee", "a Republican from Ohio", "R-Fla.".
_ASIDE = re.compile(r"(?:(?:the|a|an)[ \t][^,;.()\n]*|[RDI]-[A-Z][\w.]*)")


def _entity(entities: dict[str, _Entity], surnames: dict[str, str], mention: _Mention) -> _Entity:
    """The entity a mention names: 'Lopez' is the 'Maria Lopez' named before it."""
    name = mention.name
    if mention.kind == "person":
        if " " in name:
            surnames.setdefault(name.rpartition(" ")[2], name)
        else:
            name = surnames.get(name, name)
    entity = entities.get(name)
    if entity is None:
        entity = entities[name] = _Entity(name, mention.kind)
    if entity.gender is None:
        entity.gender = mention.gender
    if mention.roles:
        entity.roles.update(mention.roles)
    if mention.traits:
        entity.traits.update(mention.traits)
    return entity


# "the AP-GfK poll", "a Quinnipiac University survey": a poll whose maker the text names.
_NAMED_POLL = re.compile(
    r"(?<![\w'’.&/-])(?P<maker>[A-Z][\w'’.&/-]*(?:[ \t]+[A-Z][\w'’.&/-]*){0,3})[ \t]+"
    r"(?:[Pp]oll|[Ss]urvey)s?\b"
)


def _named_poll(body: str, before: int) -> str | None:
    """The last poll named before ``before`` whose maker is more than a capitalised opener.

    What ``_NAMED_POLL.finditer(body, 0, before)`` finds last, without a scan from the
    text's start for every share ("52 percent say"): the body's polls are found once, and
    only a poll name that ``before`` cuts is read again, cut there. A word ``before`` cuts
    is read whole: "CBS pollster" names no poll, whatever follows "poll"."""
    polls = _polls_named(body)
    count = bisect.bisect_right(polls.ends, before)  # the polls that end by ``before``
    if count < len(polls.starts) and polls.starts[count] < before:
        # the next poll name runs past ``before``: cut there, its words may match otherwise
        cut = _last_named_poll(_NAMED_POLL.finditer(body, polls.starts[count], before))
        if cut is not None:
            return cut
    return polls.last_named[count]


@dataclass(frozen=True, slots=True)
class _PollNames:
    """Every match of ``_NAMED_POLL`` in a body, in order."""

    starts: list[int]
    ends: list[int]
    last_named: list[str | None]  # [i]: the last of the first i matches with a real maker


@lru_cache(maxsize=4)
def _polls_named(body: str) -> _PollNames:
    starts: list[int] = []
    ends: list[int] = []
    last_named: list[str | None] = [None]
    for match in _NAMED_POLL.finditer(body):
        starts.append(match.start())
        ends.append(match.end())
        last_named.append(_last_named_poll([match]) or last_named[-1])
    return _PollNames(starts, ends, last_named)


def _last_named_poll(matches: Iterable[re.Match[str]]) -> str | None:
    """The last of some poll matches whose maker is more than a capitalised opener."""
    found = None
    for match in matches:
        if any(word not in NOT_NAMES for word in match.group("maker").split()):
            found = match.group()
    return found


# "told Hannity", "told Sean Hannity": the name right after a cue is who was told.
_HEARER = re.compile(
    r"[ \t]+(?:(?:to|of|about)[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+)*?(?P<name>[A-Z][\w'’-]+)\b(?![ \t]+[A-Z])"
)


def _hearer(body: str, cue_end: int) -> str | None:
    """The last word of a name that directly follows the cue, if one does."""
    found = _HEARER.match(body, cue_end, cue_end + 40)
    return found.group("name") if found is not None else None


def _all_capitalised(phrase: str) -> bool:
    """'Secretary of State John F. Kerry': capitalised words joined only by connectors."""
    tokens = phrase.split()
    return len(tokens) > 2 and all(t[:1].isupper() or t in _CONNECTORS for t in tokens)


def _owner(
    body: str, history: _History, start: int, fits: Callable[[_Entity], bool]
) -> _Entity | None:
    """The possessive that opened the pronoun's own sentence, if it fits and none since."""
    if history.owner is None:
        return None
    position, entity = history.owner
    between = body[position:start]
    if not fits(entity) or ". " in between or "\n" in between or "”" in between:
        return None
    return None if history.salient_since(position) else entity


def _in_sentence(
    body: str, history: _History, start: int, kinds: tuple[str, ...]
) -> _Entity | None:
    """The last entity of ``kinds`` named earlier in the sentence ending at ``start``:
    "Documents from the committee circulated after it announced" means the committee."""
    opening = sentence_opening(body, start)
    best: _Found | None = None
    for kind in kinds:
        for found in reversed(history.by_kind.get(kind, [])):
            if found.position < start:
                if found.position > opening and (best is None or found.position > best.position):
                    best = found
                break
    return best.entity if best is not None else None


def sentence_opening(body: str, start: int) -> int:
    """Where the last ". " or newline that ends before ``start`` begins (-1: none): the
    boundary ``_in_sentence`` looks back to.

    Found by bisection in the body's breaks: a search back from each "it" ran to the
    text's start in a long sentence, a whole-text scan per pronoun.
    """
    ends = _break_ends(body)
    at = bisect.bisect_right(ends, start)
    if not at:
        return -1
    end = ends[at - 1]
    return end - (1 if body[end - 1] == "\n" else 2)


@lru_cache(maxsize=1)
def _break_ends(body: str) -> list[int]:
    """Where each ". " and newline of ``body`` ends, in order (the last body's are kept:
    every "it" of an article asks about the same body)."""
    return [match.end() for match in _BREAK.finditer(body)]


_BREAK = re.compile(r"\. |\n")
_RELATIVES = frozenset(["who", "which", "Who", "Which"])
_INDEFINITES = frozenset(["a", "A", "an", "An"])


def _introduced(body: str, head: str, before: int) -> int | None:
    """Where an indefinite phrase of ``head`` ("A witness interviewed by staff") came up
    within reach before ``before``: whom "the witness" means unless someone named has
    been given that role since."""
    window = max(0, before - _UNNAMED_REACH)
    at = body.rfind(" " + head, window, before)
    while at >= 0:
        end = at + 1 + len(head)
        if (end == len(body) or not _word_char(body[end])) and _indefinite_before(
            body[max(window, at - 60) : at].split()
        ):
            return at + 1
        at = body.rfind(" " + head, window, at)
    return None


def _indefinite_before(words: list[str]) -> bool:
    """Whether "a" or "an" and lower-case words only stand before a head: "A young", not
    "Leo Brandt, a" (a named person's appositive) nor "a Pentagon"."""
    for index in range(len(words) - 1, max(-1, len(words) - 4), -1):
        word = words[index]
        if word in _INDEFINITES:
            return index == 0 or not words[index - 1].endswith(",")
        if not word.islower():
            return False
    return False


def _mentioned_after(history: _History, entity: _Entity, position: int) -> bool:
    return any(f.position > position and f.entity is entity for f in reversed(history.entries))


_SENTENCE_OPENERS = words(
    """
    when while as after before since though although if once because
    """
)
_MONTH_STEMS = words("jan feb mar apr may jun jul aug sep oct nov dec")
_CAPITALISED_FUNCTION_WORDS = words(
    """
    he she it they we i you his her its their our my me him them us maybe perhaps yes no
    nonetheless nevertheless sooner best first second next few several such each every
    thanks thank dear hey hi hello congratulations sorry god
    one two three four five six seven eight nine ten
    """
)


# Capitalised function words: a run holding one after its start is a headline in title
# case, not a name ("Hillary Clinton Goes After Donald Trump As The New Mitt Romney").
_TITLE_CASE_WORDS = words(
    """
    To On At In For The A An And Is Are Was With As By From Up Out Over After About Into
    Says Say Said Will Could Would Has Have How Why What Who This That
    """
)


def _title_case(tokens: list[str]) -> bool:
    """Whether a run is a title-case headline: a function word inside it, not one that
    opens a new sentence ("Chancellor Angela Merkel. In her speech")."""
    if len(tokens) < 4 or _TITLE_CASE_WORDS.isdisjoint(tokens[1:]):
        return False
    return any(
        token in _TITLE_CASE_WORDS and not before.endswith(".")
        for before, token in pairwise(tokens)
    )


def _described(token: str) -> bool:
    """'Oscar-winner', 'Trump-backed': a capitalised word made into a description; not a
    given name such as 'Ki-moon' or 'Jong-un'."""
    if "-" not in token or _HYPHENATED_NAME.match(token):
        return False
    return any(part[:1].islower() for part in token.split("-")[1:])


# "Ban Ki-moon", "Kim Jong-un", "Moon Jae-in": two short syllables, not "Anti-war".
_HYPHENATED_NAME = re.compile(
    r"(?!(?:Anti|Pro|Non|Ex|Co|Pre|Post|Mid)-)[A-Z][a-z]{1,3}-[a-z]{2,4}\Z"
)


# "her campaign": the pronoun whose person owns the organisation.
_OWNER_PRONOUNS = {"his": "he", "her": "she"}
_UNNAMED_REACH = 400  # characters: about two sentences
# Acronyms that name a kind of organisation, not one ("a super PAC"; not "a desperate HP").
_KIND_ACRONYMS = frozenset(["PAC", "PACs", "NGO", "LLC"])
# "a conservative ", "an anti-Trump ": an indefinite article and descriptions right before.
_KIND_OF = re.compile(r"(?<![\w-])[Aa]n?(?:[ \t]+(?:[a-z][\w-]*|[A-Z]\w*-[a-z][\w-]*))*[ \t]+\Z")
_UNNAMED_POLLS = ("poll", "survey", "study")
_MAKER_NEXT = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his)[ \t]+(?:new[ \t]+|latest[ \t]+)?(?:poll|survey|study),?[ \t]"
    r"[^.\n]{0,120}?(?<![\w-])(?:by|from)[ \t]+"
    r"(?P<maker>(?:the[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'’-]*)*)"
)
_DESCRIBED_RELATIVE = re.compile(
    r"(?<![\w-])(?P<np>[Tt]he[ \t]+(?:[\w'’-]+[ \t]+){0,3}(?P<head>[a-z][\w-]*))[ \t]*,[ \t]*\Z"
)
# How far after a lede's "a former chairman says" the story may name him (about 3 paragraphs).
_CATAPHORA_REACH = 1500
# Each opens at a word's start: one inside a word would re-read it from every letter.
_LATER_OWNER = r"(?<![\w'’.-])(?:(?P<owner>[A-Z][\w'’.-]*)[ \t]+)?"
_LATER_NAME = r"(?P<name>(?<![\w'’.-])[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})"
# Capitalised words before a role that open a sentence and own nothing ("But spokesman").
_NOT_OWNERS = (
    _SUBJECT_OPENERS
    | _SENTENCE_OPENERS
    | _CAPITALISED_FUNCTION_WORDS
    | {word.lower() for word in _TITLE_CASE_WORDS}
)
# "Don Fowler, who led the party": someone introduced (the role's own "ROLE NAME" is
# built for each head: "spokesman Brian Fallon").
_WHO_INTRODUCED = re.compile(_LATER_NAME + r"[ \t]*,[ \t]+who\b")
_INDEFINITE_HEAD = re.compile(
    r"(?i:an?)[ \t]+(?:[\w'’-]+[ \t]+){0,5}?(?P<head>[a-z][\w-]*)(?:[ \t]+(?:for|of|who|from|in|at)\b.*)?\Z"
)


# Verbs of wanting and of taking a side, every form: "Democrats want", "liberals backed"
# (chosen on the tuning splits, where no unnamed source the editors marked had one; "agree"
# and "oppose" were left out: "experts agree it will be difficult" is sourcing).
_ACTING_FORMS = words(
    """
    want wants wanted wanting wish wishes wished wishing
    support supports supported supporting back backs backed backing
    favor favors favored favoring favour favours favoured favouring
    seek seeks sought seeking nominate nominates nominated nominating
    push pushes pushed pushing pledge pledges pledged pledging
    endorse endorses endorsed endorsing embrace embraces embraced embracing
    """
)


def _acting(attribution: AttributionDraft) -> bool:
    """Whether the cue is a verb of wanting or of taking a side: who does it is an actor,
    not a source the story leans on."""
    cue = attribution.cue
    return cue is not None and cue.text.rsplit(None, 1)[-1].lower() in _ACTING_FORMS


def _other_role(roles: tuple[str, ...], head: str) -> bool:
    """Whether a name's own roles ("Mayor", "Sen.") say it is someone other than ``head``."""
    return bool(roles) and head not in roles


def _other_gender(gender: str | None, head: str) -> bool:
    """Whether a name's gender is not the one its role noun says ("chairwoman": "f")."""
    said = _gender_of_roles((head,))
    return gender is not None and said is not None and gender != said


def _indefinite_head(phrase: str) -> str | None:
    """The head noun of "a former party chairman", "a spokesman for the senator"."""
    match = _INDEFINITE_HEAD.match(phrase)
    return match.group("head").lower() if match is not None else None


# "statement", "statements", not "misstatements"
_STATEMENT_WORD = re.compile(r"(?<![\w-])statement", re.I)
_STATEMENT = re.compile(r"(?:the|that|this|its|his|her|their)\s+statement\Z", re.I)
_PREMODIFIERS = words("the a an former longtime veteran then")
_APPOSITIVE_OPENERS = words("one another a an the")


def _written_lower(body: str, word: str, seen: dict[str, bool]) -> bool:
    """Whether the story also writes ``word`` in lower case: a common word, not a name."""
    known = seen.get(word)
    if known is None:
        lower = word.lower()
        known = seen[word] = lower != word and _whole_word_in(body, lower)
    return known


def _whole_word_in(body: str, word: str) -> bool:
    """Whether ``word`` occurs in ``body`` as a word of its own: substring search in C
    first, since most names never occur in lower case at all."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(body[at - 1])) and (
            end == len(body) or not _word_char(body[end])
        ):
            return True
        at = body.find(word, end)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _family(body: str, position: int, name: str) -> bool:
    """'the Clintons', 'The Obamas': a family named in the plural."""
    return (
        name.endswith("s")
        and not name.endswith("ss")
        and body[max(0, position - 4) : position].lower() == "the "
    )


def _as_group(mention: _Mention) -> _Mention:
    return _Mention(mention.name, "group", None, (), mention.possessive, mention.offset)


def _opens(body: str, position: int, lead: int) -> bool:
    """Whether a name opens its sentence; words skipped before it ("Other Netizens") leave
    it opening the sentence too."""
    return _opens_sentence(body, position) or (lead != position and _opens_sentence(body, lead))


def _opens_sentence(body: str, position: int) -> bool:
    """Whether only opening marks stand between ``position`` and a sentence start."""
    index = position - 1
    while index >= 0 and (body[index] in "\"“‘'( \t"):
        index -= 1
    return index < 0 or body[index] in ".!?\n:;”"


def _is_subject(body: str, position: int) -> bool:
    """Whether the name at ``position`` opens a clause (not an object, not after 'of')."""
    line_start = max(body.rfind("\n", 0, position), body.rfind(". ", 0, position) + 1)
    before = body[max(line_start, position - 40) : position].rstrip()
    if not before or before[-1] in ",;:":
        return True
    # A nickname ends with a closing mark: the regex runs only where one is.
    nickname = _NICKNAME_TAIL.search(before) if before[-1] in _NICKNAME_CLOSERS else None
    if nickname is not None:
        # 'Juan "Chico" Manriquez': the name starts before the nickname.
        return _is_subject(body, position - (len(before) - nickname.start()) - 1)
    if before[-1] in _OPENING_MARKS and (len(before) == 1 or not before[-2].isalnum()):
        # An opening mark, not one closing a word ('turned to "little" Marco Rubio').
        return True
    tokens = before.split()
    last = tokens[-1].lower()
    if last == "and" and len(tokens) > 1 and tokens[-2][:1].isupper():
        return False  # "Obama and Biden placed flowers": the sentence's first name leads
    if last in _SUBJECT_OPENERS or last in _ANSWERERS:
        # "Hannity asked Trump how high ...": the person asked is who answers next.
        return True
    # "When Lopez learned ...", at the start of a sentence: the sentence is about her.
    opening = len(tokens) == 1 or (len(tokens) == 2 and not tokens[0].strip("\"“‘'("))
    return last.lstrip("\"“‘'(") in _SENTENCE_OPENERS and opening and line_start >= position - 40


_ANSWERERS = words("asked pressed questioned")


def _passive_agent(body: str, position: int) -> bool:
    """'He was joined on the call by Ilse Hogue': a passive's agent does the deed. Only
    for full names: 'vanquished by Trump', 'documented by Fusion' are asides."""
    if not body.endswith(" by ", max(0, position - 4), position):
        return False  # the cheap test first: most names follow no "by"
    tokens = body[max(0, position - 40) : position].split()
    return any(t.endswith(("ed", "en")) for t in tokens[-5:-1])


_POSSESSIVE_END = re.compile(r"['’]s?\Z")
_POSSESSIVE_OPENER = re.compile(r"(?:his|her|their|its)\s", re.I)
_NICKNAME_TAIL = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*[ \t]+[\"“‘'][A-Z][\w.-]*[\"”’']\Z")
_NICKNAME_CLOSERS = "\"”’'"


def _gender_of_title(title: str) -> str | None:
    if title in _FEMALE_TITLES:
        return "f"
    if title in _MALE_TITLES:
        return "m"
    return None


def _gender_of_roles(roles: Iterable[str]) -> str | None:
    for role in roles:
        if role in _FEMALE_ROLES:
            return "f"
        if role in _MALE_ROLES:
            return "m"
    return None


def _role_words(role: str) -> set[str]:
    return {w.strip(",.").lower() for w in role.split()}


def _plural_word(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s"))


def _possessive(phrase: str) -> bool:
    return phrase.endswith(("'s", "’s", "s'", "s’"))


def _plural(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and plural_word(words[-1])


_REFERRING_FIRST_WORDS = words(
    """
    the a an this that these those his her their its he she they it who which i we you him them
    """
)


def _may_refer(phrase: str) -> bool:
    """Whether a source phrase may need an antecedent ("he", "the agency", "officials")."""
    if not phrase[:1].isupper():
        return True
    first = phrase.split(None, 1)
    return bool(first) and first[0].lower() in _REFERRING_FIRST_WORDS


class _QuoteBounds:
    """Quote (or reported-speech) spans: whether an offset is inside one, and the runs of
    the text between them."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self._set(sorted((q.inner.start, q.inner.end) for q in quotes if not q.nested))

    @classmethod
    def of(cls, spans: Iterable[Span]) -> _QuoteBounds:
        """Bounds of spans that may overlap (later ones inside earlier ones are dropped)."""
        bounds = cls([])
        merged: list[tuple[int, int]] = []
        for start, end in sorted((span.start, span.end) for span in spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        bounds._set(merged)
        return bounds

    def _set(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def runs_between(self, body: str, end: int) -> Iterator[re.Match[str]]:
        """The capitalised runs of ``body[:end]`` outside every span: the text between
        spans is scanned, the spans' own text is not."""
        start = 0
        for span_start, span_end in zip(self.starts, self.ends, strict=True):
            if span_start >= end:
                break
            if start < span_start:
                yield from _CAPITALISED_RUN.finditer(body, start, span_start)
            start = max(start, span_end)
        if start < end:
            yield from _CAPITALISED_RUN.finditer(body, start, end)


# -- grouping into sources ------------------------------------------------------------------

# The order is what "more verifiable" means when a source mixes kinds of mention.
_TYPE_RANK: dict[str, int] = {
    "named_person": 0,
    "named_organization": 1,
    "document": 2,
    "anonymous": 3,
    "vague": 4,
    "author": 5,
    "unknown": 6,
}
_NON_WORD = re.compile(r"[^\w\s&-]+")
# Words that do not tell one organisation from another ("the state Department of Health").
_GENERIC_ORG_WORDS = words(
    """
    state county city town national federal us u s new american department ministry office
    board company agency council of for and the general public united international group
    """
)
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
# "a spokeswoman for the Harbor Authority", "a statement from the ministry"
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:wo)?m[ae]n|spokesperson|press (?:secretary|officer)|representative|"
    r"statement|e-?mail|news release|press release)\s+(?:for|from|of|at)\s+(?P<org>\S.*)$",
    re.I,
)
# "Interior Ministry spokesman Tom Silva": the organisation is written before the role.
_SPOKESPERSON_OF = re.compile(
    r"^(?:the\s+)?(?P<org>.+?)\s+(?:spokes(?:wo)?m[ae]n|spokesperson|press\s+secretary)\s+[A-Z]",
    re.I,
)


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


@dataclass(slots=True)
class _Group:
    """A source while it is being built."""

    type: SourceType
    key: str
    name: str | None
    words: tuple[str, ...]
    attributions: list[int] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    part_of: int | None = None
    speaks_for: str | None = None
    coordinated: bool = False  # named beside another source: not a generic stand-in for it


class SourceBuilder:
    """Groups typed attributions into the article's distinct sources."""

    def __init__(self, lexicons: Lexicons) -> None:
        reasons = lexicons.get("anonymity_reasons")
        self._reasons = WordStartPattern(rf"{alternation(category(reasons, 'reason'))}\b", "i")
        self._grants = WordStartPattern(rf"{alternation(category(reasons, 'grant'))}\b", "i")

    def build(
        self, body: str, sentences: Sequence[Sentence], attributions: list[AttributionDraft]
    ) -> list[Source]:
        """The sources of ``attributions``; sets every attribution's ``source_id``."""
        groups: list[_Group] = []
        latest_by_head: dict[tuple[str, str], int] = {}
        by_key: dict[tuple[str, str], int] = {}
        for index, attribution in enumerate(attributions):
            text = _source_text(attribution)
            if not text:
                attribution.source_id = None
                continue
            parts = _coordinated(attribution, text)
            group = self._join(
                attribution,
                parts[0] if parts else text,
                groups,
                by_key,
                latest_by_head,
                bool(parts),
            )
            attribution.source_id = group
            groups[group].attributions.append(index)
            if attribution.source is not None:
                groups[group].mentions.append(attribution.source)
            if attribution.role and attribution.role not in groups[group].roles:
                groups[group].roles.append(attribution.role)
            for extra in parts[1:]:
                other = self._join(attribution, extra, groups, by_key, latest_by_head, True)
                if other != group:
                    groups[other].attributions.append(index)
        _link_voices(groups, attributions)
        for group in groups:
            for index in group.attributions:
                attribution = attributions[index]
                if groups[attribution.source_id] is group:
                    # What the source record says is what its attributions carry.
                    attribution.source_type = group.type
                    if group.type in ("named_person", "named_organization"):
                        attribution.speaker = group.name
        return [self._source(body, sentences, attributions, i, g) for i, g in enumerate(groups)]

    def _join(
        self,
        attribution: AttributionDraft,
        text: str,
        groups: list[_Group],
        by_key: dict[tuple[str, str], int],
        latest_by_head: dict[tuple[str, str], int],
        part: bool = False,
    ) -> int:
        """The index of the group the source phrase ``text`` belongs to (made if new);
        ``part``: the text is one of two coordinated sources, the speaker names neither."""
        source_type: SourceType = attribution.source_type
        named = source_type in ("named_person", "named_organization") and not part
        name = attribution.speaker if named else None
        key = normalise(name or text) or text.lower()
        if source_type == "named_person" and key.split()[-1] in _ORGANISATION_HEADS:
            source_type = "named_organization"  # "Greenfield Foods said": nobody is called Foods
        tokens = tuple(key.split())
        head = (source_type, tokens[-1] if tokens else "")
        # Every new-referent word opens with "a" or "o", which re.I folds from nothing else.
        fresh = text[:1] in "aAoO" and _NEW_REFERENT.match(text) is not None
        found = None if fresh else by_key.get((source_type, key))
        if (
            found is None
            and not fresh
            and source_type in ("anonymous", "document", "named_organization")
        ):
            # "the official" after "a senior official", "the department" after "the Health
            # Department": the most recent source with the same head, holding these words.
            candidate = latest_by_head.get(head)
            if candidate is not None and set(tokens) <= set(groups[candidate].words):
                found = candidate
        if found is None and source_type == "named_person" and len(tokens) == 1:
            found = next(
                (
                    i
                    for i, g in enumerate(groups)
                    if g.type == "named_person" and g.words[-1:] == tokens and "and" not in g.words
                ),
                None,
            )
        if found is None:
            found = len(groups)
            speaks_for = _speaks_for(attribution, text)
            groups.append(
                _Group(source_type, key, name or text, tokens, [], [], [], None, speaks_for, part)
            )
        elif _TYPE_RANK[source_type] < _TYPE_RANK[groups[found].type]:
            groups[found].type = source_type
        by_key.setdefault((source_type, key), found)
        latest_by_head[head] = found
        return found

    def _source(
        self,
        body: str,
        sentences: Sequence[Sentence],
        attributions: list[AttributionDraft],
        index: int,
        group: _Group,
    ) -> Source:
        reason = None
        if group.type == "anonymous":
            reason = self._reason(body, sentences, attributions, group)
        return Source(
            id=index,
            type=group.type,
            name=group.name,
            mentions=tuple(group.mentions),
            roles=tuple(group.roles),
            reason=reason,
            attributions=tuple(group.attributions),
            part_of=group.part_of,
        )

    def _reason(
        self,
        body: str,
        sentences: Sequence[Sentence],
        attributions: list[AttributionDraft],
        group: _Group,
    ) -> Span | None:
        """Where the story says why the source was granted anonymity, near any mention."""
        for index in group.attributions:
            attribution = attributions[index]
            start, end = _window(sentences, attribution.sentence, body)
            found = self._reasons.plain.search(body, start, end)
            if found is not None:
                return Span.of(body, found.start(), found.end())
            for grant in self._grants.plain.finditer(body, start, end):
                connector = _REASON_CONNECTOR.match(body, grant.end(), end)
                if connector is not None:
                    return Span.of(body, grant.start(), connector.end())
        return None


_REASON_CONNECTOR = re.compile(
    r"(?:\s*,)?\s*(?:because|since|as (?:he|she|they) (?:was|were|is|are)|in order to|"
    r"to (?:discuss|describe|speak|talk|share|reveal|avoid|detail|protect)|for fear|"
    r"fearing|citing|out of concern)\b",
    re.I,
)


def _window(sentences: Sequence[Sentence], index: int, body: str) -> tuple[int, int]:
    """The offsets of a sentence and its neighbours in the same paragraph."""
    if not sentences:
        return 0, len(body)
    index = min(max(index, 0), len(sentences) - 1)
    paragraph = sentences[index].paragraph
    first = index - 1 if index > 0 and sentences[index - 1].paragraph == paragraph else index
    last = index
    if index + 1 < len(sentences) and sentences[index + 1].paragraph == paragraph:
        last = index + 1
    return sentences[first].span.start, sentences[last].span.end


def _source_text(attribution: AttributionDraft) -> str:
    source = attribution.source
    if source is not None:
        return source.text.strip()
    return (attribution.speaker or "").strip()


# Two described sources ("the authority and the mayor's office"), or any two after "both";
# not "Procter and Gamble" nor "the Department of Health and Human Services".
_COORDINATION = re.compile(
    r"^(?:[Bb]oth\s+(?P<a1>[^,]+?)\s+and\s+(?P<b1>.+)|"
    r"(?P<a2>(?:[Tt]he|[Aa]n?)\s[^,]+?)\s+(?:and|as\s+well\s+as)\s+(?P<b2>(?:the|a|an)\s.+)|"
    # "Carly Fiorina and Ben Carson": two full names, each of two words or more
    r"(?P<a3>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+)\s+and\s+(?P<b3>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+))$"
)


def _coordinated(attribution: AttributionDraft, text: str) -> list[str]:
    """'both the transit authority and the mayor's office': two sources, or none."""
    if attribution.source_type in ("vague", "author", "unknown") or " and " not in text:
        return []
    match = _COORDINATION.match(text)
    if match is None:
        return []
    for first, second in (("a1", "b1"), ("a2", "b2"), ("a3", "b3")):
        if match.group(first) is not None:
            return [match.group(first), match.group(second)]
    return []


@lru_cache(maxsize=8192)
def _speaks_for_text(text: str) -> str | None:
    lowered = text.lower()
    if not any(hint in lowered for hint in _SPEAKS_FOR_HINTS):
        return None
    found = _SPEAKS_FOR.search(text) or _SPOKESPERSON_OF.match(text)
    return normalise(found.group("org")) if found is not None else None


def _speaks_for(attribution: AttributionDraft, text: str) -> str | None:
    """The organisation a spokesperson or a statement speaks for, normalised."""
    if attribution.source_type == "document":
        return None
    return _speaks_for_text(attribution.role or "") or _speaks_for_text(text)


def _link_voices(groups: list[_Group], attributions: list[AttributionDraft]) -> None:
    """Mark the sources that are not independent voices (``part_of``)."""
    organisations = [i for i, g in enumerate(groups) if g.type == "named_organization"]
    specific = [i for i in organisations if not _is_generic(groups[i].key)]
    for index, group in enumerate(groups):
        target = None
        if group.speaks_for:
            target = _organisation(groups, organisations, group.speaks_for, index)
        elif (
            group.type == "named_organization"
            and not group.coordinated
            and _is_generic(group.key)
            and specific
        ):
            # "The company" before any company is named: the one named next.
            target = next((i for i in specific if i != index), None)
        elif group.type in ("named_person", "anonymous"):
            target = _employer(groups, organisations, attributions, group, index)
        if target is None:
            target = _relay(groups, attributions, group, index)
        group.part_of = target


def _organisation(
    groups: list[_Group], organisations: list[int], key: str, index: int
) -> int | None:
    key_words = key.split()
    for other in organisations:
        words_ = groups[other].words
        if other != index and (
            groups[other].key == key or words_[-len(key_words) :] == tuple(key_words)
        ):
            return other
    return None


def _employer(
    groups: list[_Group],
    organisations: list[int],
    attributions: list[AttributionDraft],
    group: _Group,
    index: int,
) -> int | None:
    """'Helen Marsh, Greenfield's chief executive' speaks for Greenfield Foods."""
    distinctive = {}
    for other in organisations:
        first = next((w for w in groups[other].words if w not in _GENERIC_ORG_WORDS), None)
        if first is not None:
            distinctive.setdefault(first, other)
    if not distinctive:
        return None
    for role in group.roles:
        for token in normalise(role).split():
            if token in distinctive and distinctive[token] != index:
                return distinctive[token]
    return None


def _relay(
    groups: list[_Group], attributions: list[AttributionDraft], group: _Group, index: int
) -> int | None:
    """A source all of whose words reach the story through another source is part of it."""
    relays = set()
    for member in group.attributions:
        via = attributions[member].via
        if via is None or not 0 <= via < len(attributions):
            return None
        relays.add(attributions[via].source_id)
    relays.discard(None)
    relays.discard(index)
    return relays.pop() if len(relays) == 1 else None


def _is_generic(key: str) -> bool:
    return all(w in _GENERIC_ORG_WORDS for w in key.split())


def sources_of(
    body: str,
    sentences: Sequence[Sentence],
    attributions: list[Attribution],
    lexicons: Lexicons | None = None,
) -> list[Source]:
    """The sources of attributions that already carry their type and speaker (for analyses
    built by hand, as plugin and scorer tests do); sets each attribution's ``source_id``
    (and the type and speaker its source gives it) in the list."""
    drafts = [AttributionDraft.of(attribution) for attribution in attributions]
    sources = _builder(lexicons or Lexicons()).build(body, sentences, drafts)
    attributions[:] = [draft.freeze() for draft in drafts]
    return sources


@lru_cache(maxsize=4)
def _builder(lexicons: Lexicons) -> SourceBuilder:
    return SourceBuilder(lexicons)
