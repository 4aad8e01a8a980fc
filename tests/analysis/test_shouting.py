"""Shouted sentences (all capitals) are read as a reader would case them."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis import Analyzer, analyze
from sourcecheck.core.analysis.text import segment

ANALYZER = Analyzer()


def readable(body: str) -> str:
    _, sentences = segment(body)
    return ANALYZER._shouting.readable(body, sentences)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "speaker"),
    [
        ("TRUMP SAID HE WOULD WIN.", "TRUMP", "SAID", "HE WOULD WIN", "Trump"),
        ('"WE WILL WIN," SMITH SAID.', "SMITH", "SAID", '"WE WILL WIN,"', "Smith"),
        ("THE FBI SAID IT WOULD ACT.", "THE FBI", "SAID", "IT WOULD ACT", "FBI"),
    ],
)
def test_a_shouted_sentence_has_its_attribution(
    text: str, source: str, cue: str, content: str, speaker: str
) -> None:
    (attribution,) = analyze(text).attributions
    assert attribution.source is not None and attribution.cue is not None
    assert attribution.content is not None
    # the spans are the body's own words, in capitals
    assert (attribution.source.text, attribution.cue.text, attribution.content.text) == (
        source,
        cue,
        content,
    )
    assert attribution.speaker == speaker


def test_a_shouted_pronoun_takes_the_person_named_before() -> None:
    analysis = analyze('Ann Lee met Tom Hale.\n\n"WE WILL WIN," SHE SAID.')
    (attribution,) = analysis.attributions
    assert (attribution.source_type, attribution.speaker) == ("named_person", "Ann Lee")
    (source,) = analysis.sources
    assert [mention.text for mention in source.mentions] == ["SHE"]


def test_shouted_sources_are_typed_as_written_in_lower_case() -> None:
    types = [
        analyze(text).attributions[0].source_type
        for text in (
            "SOME ANALYSTS SAY THE PLAN WILL FAIL.",
            "A SENIOR OFFICIAL SAID THE PLAN WOULD FAIL.",
            "THE JUSTICE DEPARTMENT SAID THE CASE WAS CLOSED.",
        )
    ]
    assert types == ["vague", "anonymous", "named_organization"]


def test_the_readable_copy_recases_only_shouted_sentences() -> None:
    body = "The FBI met Ann Lee. OFFICIALS SAY THE FBI AND THE U.S. ARMY WILL ACT."
    assert readable(body) == (
        "The FBI met Ann Lee. Officials say the FBI and the U.S. Army will Act."
    )


def test_text_with_lower_case_is_read_as_it_is() -> None:
    body = "Smith said the plan would fail. NATO agreed."
    assert readable(body) is body
