"""Regexes rewritten to stay linear on adversarial text match what the originals matched.

Each original is rebuilt from the rewrite by putting the old fragment back, and both are
tried at every position of texts drawn from the characters the fragment is about.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import attributions
from sourcecheck.core.analysis import text as text_module
from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.lexicons import Lexicons

_FINDER = AttributionFinder(Lexicons())

# (rewrite, the fragment it holds, the fragment the original held)
SPACE_COMMA = [
    pytest.param(attributions._NAME_AFTER, r"(?:\s*,)?\s*", r"\s*,?\s*", id="name-after"),
    pytest.param(attributions._PRONOUN_AFTER, r"(?:\s*,)?\s*", r"\s*,?\s*", id="pronoun-after"),
    pytest.param(attributions._SKIP_AFTER_CUE, r"(?:\s*,)?\s*", r"\s*,?\s*", id="skip-after-cue"),
    pytest.param(
        _FINDER._described_name_after, r"(?:\s*,)?\s*", r"\s*,?\s*", id="described-name-after"
    ),
    pytest.param(attributions._CLAUSE_START, r"(?:\s*[,:])?\s*", r"\s*[,:]?\s*", id="clause-start"),
]


def _original(pattern: re.Pattern[str], new: str, old: str) -> re.Pattern[str]:
    assert new in pattern.pattern
    return re.compile(pattern.pattern.replace(new, old), pattern.flags)


def _all_matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...] | None]:
    found = []
    for position in range(len(text) + 1):
        match = pattern.match(text, position)
        found.append(
            None if match is None else tuple(match.span(g) for g in range(pattern.groups + 1))
        )
    return found


@pytest.mark.parametrize(("rewrite", "new", "old"), SPACE_COMMA)
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                " ",
                "  ",
                ",",
                ":",
                "\u00a0",
                "\n",
                '"',
                "“",
                "''",
                "He",
                "she",
                "Smith",
                "Dana Ruiz",
                "today",
                "on Monday",
                "only",
                "quickly",
                "in a statement",
                "citing officials",
                "spokeswoman",
                "that",
                "x",
                ".",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_rewrite_matches_the_original(
    rewrite: re.Pattern[str], new: str, old: str, text: str
) -> None:
    original = _original(rewrite, new, old)
    assert _all_matches(rewrite, text) == _all_matches(original, text)


PLAIN_NEXT_WORD = re.compile(r"\s+(?:[\"'“‘(\[]|''|``)*([A-Za-z0-9]+)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="'`\"“( a1.", max_size=12))
def test_next_word_matches_the_plain_pattern(text: str) -> None:
    for position in range(len(text) + 1):
        new, old = (
            text_module._NEXT_WORD.match(text, position),
            PLAIN_NEXT_WORD.match(text, position),
        )
        assert (new and (new.span(), new.span(1))) == (old and (old.span(), old.span(1)))
