"""Regex building blocks shared by the analysis modules: word-list alternations, verb forms.

Lexicons hold hundreds of phrases. A plain ``a|b|c`` alternation makes the regex engine try
every phrase at every position; factoring the phrases into a trie (``sa(?:id|ys|y)``) lets
it reject a position after one or two characters, which keeps a whole-article scan cheap.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache

# Appended to a repeat to make it possessive where Python can (3.11+): it gives nothing
# back, so a match that fails after it fails at once. Python 3.10 cannot compile "*+" or
# "++"; there the plain repeat reads the same text (each is used only before something it
# cannot match, where giving back could not help), just more slowly when it fails.
POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for inline word lists)."""
    return frozenset(text.split())


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "speak": ("spoke", "spoken"),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "feel": ("felt",),
    "find": ("found",),
    "hold": ("held",),
    "read": ("read",),
    "teach": ("taught",),
    "swear": ("swore", "sworn"),
    "foretell": ("foretold",),
    "forbid": ("forbade", "forbidden"),
    "forecast": ("forecast",),
    "forget": ("forgot", "forgotten"),
    "hear": ("heard",),
    "mean": ("meant",),
    "sing": ("sang", "sung"),
    "spread": ("spread",),
    "show": ("showed", "shown"),
    "bet": ("bet",),
    "understand": ("understood",),
    "withhold": ("withheld",),
    "retell": ("retold",),
    "seek": ("sought",),
    "make": ("made",),
}
# Verbs that double their last consonant before -ed/-ing ("admitted", "referring").
_DOUBLING = words(
    """
    admit commit submit omit permit emit transmit refer prefer confer concur occur
    regret rebut quip compel control patrol plan stop nod chat jot abet beg brag dub slam
    demur
    """
)
_VOWELS = frozenset("aeiou")


def verb_forms(verb: str) -> set[str]:
    """Base, third person, past and -ing forms of a verb, or of a phrasal verb's first word."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head, _third_person(head), _ing(head), *_past(head)}
    return {form + tail for form in forms}


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> tuple[str, ...]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb in _DOUBLING:
        return (verb + verb[-1] + "ed",)
    if verb.endswith("e"):
        return (verb + "d",)
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return (verb[:-1] + "ied",)
    return (verb + "ed",)


def _ing(verb: str) -> str:
    if verb in _DOUBLING:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def alternation(phrases: Iterable[str]) -> str:
    """A regex (no group captured) matching any of ``phrases``, longest first, trie-factored.

    Spaces in a phrase match any run of whitespace.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Prefer the longer phrase; the empty alternative lets a shorter one end here.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def is_ascii_word(char: str) -> bool:
    """Whether ``char`` is an ASCII letter, digit or "_": a word character of a candidate copy."""
    return char.isascii() and (char.isalnum() or char == "_")


# One byte per character for a candidate copy of a text: the ASCII letters, digits and "_"
# as themselves, every other character (a space, a mark, a non-ASCII letter) as a space.
_CANDIDATE_BYTES = bytes(byte if is_ascii_word(chr(byte)) else ord(" ") for byte in range(256))


@lru_cache(maxsize=1)
def candidate_copy(text: str) -> bytes:
    """``text`` as one byte a character, every one but an ASCII word character a space, with
    one more space in front and one at the end: so each word of ``text`` stands between
    spaces here, and the space before it is at the offset the word has in ``text``.

    re searches bytes that open a pattern with a literal space in C, several times faster
    than a pattern that opens with ``\\b`` or a character class. The last copy is kept:
    the attribution finder and the hedge finder both scan the copy of the same body.
    """
    return b" " + text.encode("latin-1", "replace").translate(_CANDIDATE_BYTES) + b" "


def candidate_words(phrase: str) -> list[str]:
    """The words a phrase reads as in a candidate copy ("co-sign" -> ["co", "sign"])."""
    return phrase.encode("latin-1", "replace").translate(_CANDIDATE_BYTES).decode().split()


class WordStartPattern:
    """``\\b(?:body)`` searched faster, through a twin led by the character before the word.

    re starts a match attempt at every character for a ``\\b``-led pattern, but skips in C
    to the next candidate when a pattern opens with a character class. So the twin
    ``[^a-zA-Z0-9_](body)`` finds the words; a match at the very start has no character
    before it and is tried with the plain pattern. A non-ASCII letter passes the twin's
    class but is no word boundary: where one comes before a match, the plain pattern
    decides (rare in English news). ``flags`` apply to ``body`` only, so the class keeps
    its meaning (re.I would fold letters such as "ſ" into it).

    ``phrases``, if given, are what every match of ``body`` opens with: one of them (a
    space in one matching any run of whitespace), followed by no ASCII word character.
    ``spans`` then finds the matches faster still, in a candidate copy of the text.
    """

    def __init__(self, body: str, flags: str = "", phrases: Iterable[str] = ()) -> None:
        inline = f"(?{flags}:{body})" if flags else f"(?:{body})"
        self.plain = re.compile(rf"\b{inline}")
        self._after = re.compile(rf"[^a-zA-Z0-9_]({inline})")
        self._candidates = None if flags else _candidate_pattern(phrases)

    def spans(self, text: str, copy: bytes | None = None) -> list[tuple[int, int]]:
        """The spans ``self.plain.finditer(text)`` gives (``copy``: ``candidate_copy(text)``)."""
        if self._candidates is not None:
            return self._candidate_spans(text, candidate_copy(text) if copy is None else copy)
        first = self.plain.match(text)
        matches = list(self._after.finditer(text, first.end() if first is not None else 0))
        if any(text[match.start()].isalnum() for match in matches):
            return [match.span() for match in self.plain.finditer(text)]
        spans = [match.span(1) for match in matches]
        return [first.span(), *spans] if first is not None else spans

    def _candidate_spans(self, text: str, copy: bytes) -> list[tuple[int, int]]:
        """Every match starts where the copy has a space and then one of the phrases as
        whole words: each such place is tried with the plain pattern."""
        assert self._candidates is not None
        return confirmed_spans(text, self._candidates.finditer(copy), self.plain.match)

    def occurs(self, text: str) -> bool:
        """Whether ``self.plain.search(text)`` finds anything."""
        if self.plain.match(text):
            return True
        candidate = self._after.search(text)
        if candidate is None:
            return False
        if text[candidate.start()].isalnum():
            return self.plain.search(text) is not None
        return True


def _candidate_pattern(phrases: Iterable[str]) -> re.Pattern[bytes] | None:
    """A space followed by one of ``phrases`` as whole words, in a candidate copy; None if
    there are none, or one does not open with an ASCII word character (then its copy does
    not follow a space)."""
    phrases = list(phrases)
    if not phrases or not all(phrase and is_ascii_word(phrase[0]) for phrase in phrases):
        return None
    copies = [" ".join(candidate_words(phrase)) for phrase in phrases]
    return re.compile(rf" (?=(?:{alternation(copies)})(?![a-zA-Z0-9_]))".encode())


def confirmed_spans(
    text: str,
    candidates: Iterable[re.Match[bytes]],
    confirm: Callable[[str, int], re.Match[str] | None],
) -> list[tuple[int, int]]:
    """The spans ``confirm(text, start)`` matches at each candidate's start (the offset of
    its leading space in a candidate copy), in order and without overlaps, as finditer
    tries every place. Right when every real match starts at some candidate."""
    spans: list[tuple[int, int]] = []
    end = 0
    for candidate in candidates:
        start = candidate.start()
        if start >= end:
            found = confirm(text, start)
            if found is not None:
                spans.append(found.span())
                end = found.end()
    return spans
