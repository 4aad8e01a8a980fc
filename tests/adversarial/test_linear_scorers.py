"""Scorer steps rewritten to stay linear in the number of attributions give the answers
the original walks over the attributions gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.models import Attribution, Span
from sourcecheck.scorers._sourcing import normalise, source_text
from sourcecheck.scorers.anonymous_sources import _SINGULAR_PRONOUNS, _LaterSources

SOURCES = ["he", "she", "officials", "an official", "a spokesman", "sources", "him", "Lopez"]


def _walk_one_person_after(
    attributions: list[Attribution], index: int, last_sentence: int, singular: str
) -> bool:
    """The original loop of ``_plural_for_one``."""
    for later in attributions[index + 1 :]:
        if later.sentence > last_sentence:
            break
        words = normalise(source_text(later)).split()
        refers_to_one = len(words) == 1 and words[0] in _SINGULAR_PRONOUNS
        if refers_to_one or (words and words[-1] == singular):
            return True
    return False


def _walk_shares_sentence(attributions: list[Attribution], index: int) -> bool:
    """The original ``_shares_sentence``."""
    attribution = attributions[index]
    return any(
        other.sentence == attribution.sentence and not other.in_quote
        for i, other in enumerate(attributions)
        if i != index
    )


@st.composite
def attribution_lists(draw: st.DrawFn) -> list[Attribution]:
    count = draw(st.integers(0, 12))
    steps = draw(st.lists(st.integers(0, 2), min_size=count, max_size=count))
    found, sentence = [], 0
    for step in steps:
        sentence += step  # attributions come in body order: sentences never go back
        text = draw(st.sampled_from(SOURCES))
        found.append(
            Attribution(
                source=Span(start=0, end=len(text), text=text),
                sentence=sentence,
                in_quote=draw(st.booleans()),
            )
        )
    return found


@settings(max_examples=150, deadline=None)
@given(attribution_lists(), st.sampled_from(["official", "spokesman", "source"]))
def test_indexed_answers_match_the_walks(attributions: list[Attribution], singular: str) -> None:
    later = _LaterSources(attributions)
    for index, attribution in enumerate(attributions):
        last = attribution.sentence + 2
        expected = _walk_one_person_after(attributions, index, last, singular)
        assert later.one_person_after(index, last, singular) == expected
        assert later.shares_sentence(attribution) == _walk_shares_sentence(attributions, index)
