"""Learned cue words: how often the rules' reading of a word is a report cue.

The report-verb lexicon proposes cues and the rules read each one's source and content. A
word's reading can be right most of the time ("touted", "vowed") or mostly wrong ("pledged"
in "pledged delegates"); a hand-written list cannot tell. This table gives, for inflected
forms, the share of the rules' readings of the form on PolNeAR's train split (Newell,
Margolin & Ruths, LREC 2018) that overlap an annotated cue. A form whose share reaches
``accept`` is read as a cue, also when the lexicon lacks it; one whose share is under
``reject`` is not, also when the built-in lexicon has it. The lexicon's ``not_cues`` and the
forms a house lexicon adds win over the table. Forms the table does not hold, and those in
between, are left to the lexicon.

Fitted by ``training/cue_words.py``; ships as ``data/models/cue_words.json`` (words and
shares only, no article text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueWords:
    """Per-form share of readings that are cues, and the shares that decide."""

    shares: dict[str, float]
    accept: float
    reject: float

    def accepted(self) -> frozenset[str]:
        """Forms read as cues unless the lexicon's ``not_cues`` lists them."""
        return frozenset(form for form, share in self.shares.items() if share >= self.accept)

    def rejected(self) -> frozenset[str]:
        """Built-in forms not read as cues (a house lexicon's additions stay cues)."""
        return frozenset(form for form, share in self.shares.items() if share < self.reject)


NO_CUE_WORDS = CueWords(shares={}, accept=1.0, reject=0.0)


@cache
def builtin_cue_words() -> CueWords:
    """The table shipped with sourcecheck."""
    path = resources.files("sourcecheck") / "data" / "models" / "cue_words.json"
    return cue_words_from(json.loads(path.read_text(encoding="utf-8")))


def cue_words_from(data: dict) -> CueWords:
    """A table from its JSON form (``training/cue_words.py`` writes it)."""
    return CueWords(
        shares={str(form): float(share) for form, share in data["shares"].items()},
        accept=float(data["accept"]),
        reject=float(data["reject"]),
    )
