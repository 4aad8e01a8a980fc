"""Shouted text: a sentence in capitals only, read in the case a reader hears in it.

A headline or a shouted line ("TRUMP SAID HE WOULD WIN", '"WE WILL WIN," SMITH SAID.')
hides what case tells every later stage: which word is a report verb, which a name. The
attribution finder, speaker resolution and source building read a copy of the body in which
each such sentence is rewritten, letter for letter, as an editor would have cased it: known
common words (function words, report verbs, the lexicons' nouns for people and documents) in
lower case, acronyms (known ones, ones the story writes in capitals elsewhere, dotted ones)
kept, every other word capitalised like a name. Spans keep their offsets and, once built,
take their text from the body again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.analysis.patterns import words
from sourcecheck.core.analysis.speakers import SpeakerResolver
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Span

# Words a shouted sentence most often holds that are never names.
_COMMON = words(
    """
    a an the this that these those his her hers its their theirs our ours my your yours
    he she it they we you him them us me who whom whose which what when where why how
    and or but nor so yet if than then because while after before since until though
    although whether as at by for from in into of off on onto out over to up with without
    about against among between during through under within is was were are be been being
    am has have had having do does did will would shall should can could may might must
    not no yes all any both each every few many more most much other another some such
    only also just now still even ever never very too again here there
    one two three four five six seven eight nine ten first last new next
    """
)
# Acronyms of news that the lexicons do not list in capitals.
_ACRONYMS = words("FBI CIA NSA NATO EU UN UK USA GDP ISIS EPA IRS DNC RNC NRA NFL NBA")
# A word: letters, digits, apostrophes and hyphens, with dots only between letters ("U.S").
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_MIN_WORDS = 3
_WORD_RUN = re.compile(r"\w+")

_Record = TypeVar("_Record")


class Shouting:
    """Finds shouted sentences and writes the body's readable copy."""

    def __init__(
        self,
        common: Iterable[str],
        acronyms: Iterable[str],
        proper: Iterable[str],
        org_heads: Iterable[str],
    ) -> None:
        """``common``: words that are no names; ``proper``: ones of them capitalised all the
        same ("Americans", "Democrats"); ``acronyms``: words kept in capitals; ``org_heads``:
        nouns an organisation's name may end with ("department"): the word before one is
        capitalised."""
        self._common = frozenset(
            (_COMMON | {word.lower() for word in common}) - {word.lower() for word in proper}
        )
        self._acronyms = frozenset(_ACRONYMS | set(acronyms))
        self._org_heads = frozenset(org_heads)

    @classmethod
    def of(cls, finder: AttributionFinder, resolver: SpeakerResolver) -> Shouting:
        """From the words the finder and the resolver know: report verbs, the heads of
        unnamed sources, names in capitals; places, peoples and parties."""
        typer = finder.typer
        # The heads of unnamed sources, not of organisations: "JUSTICE DEPARTMENT" is a name
        # ("police" is both, and more often people: "THE POLICE SAID").
        common = {
            *(word for form in finder.kind_of for word in form.split()),
            *(finder.reader.heads - typer.org_heads),
            *typer.role_nouns,
            "police",
        }
        acronyms = {word for word in typer.org_words | typer.titles if word.isupper()}
        proper = resolver.places | resolver.demonyms | resolver.parties | typer.governments
        return cls(common, acronyms, proper, typer.org_heads)

    def readable(self, body: str, sentences: Sequence[Sentence]) -> str:
        """``body`` with each shouted sentence in reading case (``body`` itself if none)."""
        shouted = [
            (sentence.span.start, sentence.span.end)
            for sentence in sentences
            if _shouted(sentence.span.text)
        ]
        if not shouted:
            return body
        plain: list[str] = []  # the text before each shouted sentence, then the rest
        done = 0
        for start, end in shouted:
            plain.append(body[done:start])
            done = end
        plain.append(body[done:])
        written = _capital_words("\n".join(plain))
        pieces = [plain[0]]
        for (start, end), after in zip(shouted, plain[1:], strict=True):
            pieces.append(self._recased(body[start:end], written))
            pieces.append(after)
        return "".join(pieces)

    def _recased(self, text: str, written: frozenset[str]) -> str:
        out: list[str] = []
        done = 0
        matches = list(_WORD.finditer(text))
        following = [match.group().lower() for match in matches[1:]] + [""]
        for match, after in zip(matches, following, strict=True):
            word = match.group()
            recased = self._word(word, written)
            if not out or (
                after in self._org_heads and recased.islower() and recased not in _COMMON
            ):
                # the sentence's first word; a word naming an organisation ("JUSTICE
                # DEPARTMENT": not the role noun "justice")
                recased = recased[0].upper() + recased[1:]
            if len(recased) != len(word):
                continue  # a letter whose lower case is longer ("İ"): left as written
            out.append(text[done : match.start()])
            out.append(recased)
            done = match.end()
        out.append(text[done:])
        return "".join(out)

    def _word(self, word: str, written: frozenset[str]) -> str:
        lower = word.lower()
        if lower in self._common:
            return lower
        if word in self._acronyms or "." in word or _written(word, written):
            return word  # "FBI", "U.S", an acronym the story writes in capitals elsewhere
        return word[0] + lower[1:]


def _capital_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in capitals ("FBI"; not the "S" of "U.S"), read once: a
    search of the text for each shouted word grew with the text times the shouted words."""
    return frozenset(
        match.group()
        for match in _WORD_RUN.finditer(text)
        if match.group().isupper() and text[match.start() - 1 : match.start()] != "."
    )


def _written(word: str, written: frozenset[str]) -> bool:
    """Whether the story writes ``word`` ("AFL-CIO": each of its parts) in capitals elsewhere."""
    return all(part in written for part in _WORD_RUN.findall(word))


def _shouted(text: str) -> bool:
    """Whether a sentence is written in capitals only, in three words or more."""
    # str.isupper stops at the first lower-case letter: nearly every sentence fails within
    # its first two characters, before any word is read.
    return text.isupper() and len(_WORD.findall(text)) >= _MIN_WORDS


def retexted(body: str, records: Sequence[_Record]) -> tuple[_Record, ...]:
    """``records`` with the text of every span in them read from ``body`` again."""
    return tuple(_retext(body, record) for record in records)


def _retext(body: str, value: Any) -> Any:
    if isinstance(value, Span):
        text = body[value.start : value.end]
        return value if text == value.text else Span(value.start, value.end, text)
    if isinstance(value, tuple):
        return tuple(_retext(body, item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in fields(value):
            old = getattr(value, field.name)
            new = _retext(body, old)
            if new != old:
                changes[field.name] = new
        return replace(value, **changes) if changes else value
    return value
