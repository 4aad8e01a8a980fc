"""Direct quotes: marks, nesting, multi-paragraph quotes, apostrophes, unbalanced marks."""

from __future__ import annotations

from sourcecheck.core.analysis.quotes import find_quotes


def spans(body: str) -> list[str]:
    return [q.span.text for q in find_quotes(body)]


def test_straight_and_curly_double_quotes() -> None:
    body = 'He said "we are ready" and she said “we are not.”'
    quotes = find_quotes(body)
    assert [q.span.text for q in quotes] == ['"we are ready"', "“we are not.”"]
    assert [q.inner.text for q in quotes] == ["we are ready", "we are not."]


def test_doubled_apostrophes_are_quote_marks() -> None:
    assert spans("''We will rebuild,'' the mayor said.") == ["''We will rebuild,''"]


def test_single_quotes_nested_inside_double_quotes() -> None:
    body = "“They told us ‘wait until spring’ and we waited,” she said."
    quotes = find_quotes(body)
    assert [q.span.text for q in quotes] == [
        "“They told us ‘wait until spring’ and we waited,”",
        "‘wait until spring’",
    ]
    assert [q.nested for q in quotes] == [False, True]


def test_apostrophes_are_not_quote_marks() -> None:
    body = "The students' union didn't say what the '90s rule meant for O'Brien's team."
    assert find_quotes(body) == []


def test_straight_single_quotes_around_words_are_a_quote() -> None:
    assert spans("Officials called it a 'temporary pause' in talks.") == ["'temporary pause'"]


def test_multi_paragraph_quote_that_reopens() -> None:
    body = (
        "The chief said: “We started in March.\n\n"
        "“Then the floods came.\n\n"
        "“Now we rebuild,” she added."
    )
    quotes = find_quotes(body)
    assert [q.span.text for q in quotes] == [
        "“We started in March.",
        "“Then the floods came.",
        "“Now we rebuild,”",
    ]
    assert [q.continues for q in quotes] == [False, True, True]


def test_unclosed_quote_that_does_not_reopen_is_dropped() -> None:
    body = 'He said "we will fight on.\n\nThe vote is Monday and "soon" is the word.'
    assert spans(body) == ['"soon"']


def test_stray_closing_mark_is_ignored() -> None:
    assert spans("Prices rose” sharply. “Yes,” he said.") == ["“Yes,”"]


def test_straight_quote_after_comma_closes() -> None:
    assert spans('"We won,"he said.') == ['"We won,"']
