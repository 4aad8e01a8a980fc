"""News-aware paragraphs, sentences and words."""

from __future__ import annotations

import pytest

from sourcecheck.core.analysis.text import count_words, paragraphs, segment


def sentence_texts(body: str) -> list[str]:
    return [s.span.text for s in segment(body)[1]]


def test_blank_lines_separate_paragraphs_and_are_trimmed() -> None:
    body = "  First paragraph here.\n\n\nSecond one.\n  \nThird.  "
    assert [p.text for p in paragraphs(body)] == [
        "First paragraph here.",
        "Second one.",
        "Third.",
    ]


def test_single_newlines_are_paragraphs_when_no_blank_line_exists() -> None:
    assert [p.text for p in paragraphs("One line.\nTwo line.\nThree.")] == [
        "One line.",
        "Two line.",
        "Three.",
    ]


def test_single_newline_inside_a_blank_line_separated_paragraph_is_kept() -> None:
    body = "Wrapped text goes\non here.\n\nNext paragraph."
    assert [p.text for p in paragraphs(body)] == ["Wrapped text goes\non here.", "Next paragraph."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The U.S. Senate voted on the bill. It passed.",
            ["The U.S. Senate voted on the bill.", "It passed."],
        ),
        (
            "Sen. Maria Ortiz spoke first. Mr. Lee spoke next.",
            ["Sen. Maria Ortiz spoke first.", "Mr. Lee spoke next."],
        ),
        (
            "The hearing is set for Oct. 12 in Denver.",
            ["The hearing is set for Oct. 12 in Denver."],
        ),
        ("J. Smith and Dr. A. Patel signed it.", ["J. Smith and Dr. A. Patel signed it."]),
        (
            "Rates rose to 3.25 percent. Markets fell.",
            ["Rates rose to 3.25 percent.", "Markets fell."],
        ),
        (
            "The plant opened in the U.S. The company hired 40 people.",
            ["The plant opened in the U.S.", "The company hired 40 people."],
        ),
        ("The meeting ends at 5 p.m. on Friday.", ["The meeting ends at 5 p.m. on Friday."]),
        ("He ranked No. 2 in the poll.", ["He ranked No. 2 in the poll."]),
        ("The answer was no. Then he left.", ["The answer was no.", "Then he left."]),
        ("Acme Inc. said profits fell.", ["Acme Inc. said profits fell."]),
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(body: str, expected: list[str]) -> None:
    assert sentence_texts(body) == expected


def test_question_and_exclamation_inside_quotes_before_lowercase_do_not_split() -> None:
    body = '"Will we win?" he asked. "Yes!" she said.'
    assert sentence_texts(body) == ['"Will we win?" he asked.', '"Yes!" she said.']


def test_sentence_ending_inside_a_quote_keeps_the_closing_mark() -> None:
    body = "She said: “We are ready.” The vote is Monday."
    assert sentence_texts(body) == ["She said: “We are ready.”", "The vote is Monday."]


def test_sentences_record_their_paragraph() -> None:
    _, sentences = segment("One. Two.\n\nThree.")
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_count_words_counts_hyphenated_and_apostrophe_words_once() -> None:
    assert count_words("The well-known mayor's plan didn't pass, 52-48.") == 7


def test_question_quote_followed_by_a_capitalised_speaker_stays_one_sentence() -> None:
    # Regression: '?"' before "Mrs. Ortiz asked" used to end the sentence, losing the cue's quote.
    body = '"Who pays for it?" Mrs. Ortiz asked. "Not us!" Tom Lee shouted.'
    assert sentence_texts(body) == [
        '"Who pays for it?" Mrs. Ortiz asked.',
        '"Not us!" Tom Lee shouted.',
    ]
