"""The Markdown scanner's linear helpers find what the regexes and scans they replaced found.

Each original is written out here as the oracle (a lazy regex, a scan to the end of the
block) and compared with its replacement on texts drawn from the characters it is about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.prose.markdown import (
    MAX_NESTING,
    _atx_closing,
    _closing_paren,
    _Marks,
    _matching_bracket,
    _run_length,
)

HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
HTML_NOT_PROSE = re.compile(r"<(script|style|pre|code|template|svg|math)\b.*?</\1\s*>", re.S | re.I)
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")


def texts(*pieces: str, size: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


def closing_backticks(text: str, i: int, run: int, end: int) -> int | None:
    while i < end:
        i = text.find("`", i, end)
        if i == -1:
            return None
        length = _run_length(text, i, "`", end)
        if length == run:
            return i
        i += length
    return None


def matching_bracket(text: str, i: int, end: int) -> int | None:
    depth, j = 0, i
    while j < end:
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if char == "`":
            run = _run_length(text, j, "`", end)
            close = closing_backticks(text, j + run, run, end)
            j = close + run if close is not None else j + run
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def closing_paren(text: str, i: int, end: int) -> int | None:
    depth, j, quote = 0, i, None
    while j < end:
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and text[j - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _ends(text: str) -> list[int]:
    return sorted({len(text), *(m.start() for m in re.finditer("\n", text))})


@settings(max_examples=200, deadline=None)
@given(texts("`", "``", "```", "a", " ", "\n"))
def test_closing_backticks_match_the_scan(text: str) -> None:
    marks = _Marks(text)
    for end in _ends(text):
        for i in range(end + 1):
            if 0 < i < len(text) and text[i - 1] == text[i] == "`":
                continue  # inside a run: callers search from the end of one
            for run in (1, 2, 3):
                assert marks.closing_backticks(i, run, end) == closing_backticks(text, i, run, end)


@settings(max_examples=200, deadline=None)
@given(texts("[", "]", "[^", "`", "``", "\\", "a", " ", "\n", "(", ")", '"', "'", " '"))
def test_brackets_and_parentheses_match_the_scans_below_the_nesting_limit(text: str) -> None:
    marks = _Marks(text)
    for end in _ends(text):
        for i in range(end):
            if text[i] == "[":
                assert _matching_bracket(text, i, end, marks) == matching_bracket(text, i, end)
            if text[i] == "(":
                assert _closing_paren(text, i, end) == closing_paren(text, i, end)


def test_deeper_nesting_opens_no_link() -> None:
    deep = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
    assert matching_bracket(deep, 0, len(deep)) == len(deep) - 1
    assert _matching_bracket(deep, 0, len(deep), _Marks(deep)) is None
    assert _matching_bracket(deep, 1, len(deep), _Marks(deep)) == len(deep) - 2
    assert _closing_paren("(" * 40 + ")" * 40, 0, 80) is None


@settings(max_examples=200, deadline=None)
@given(texts("<!--", "-->", "<", "!", "-", "a", "\n", " "))
def test_comments_match_the_lazy_regex(text: str) -> None:
    for end in _ends(text):
        expected = [(m.start(), m.end(), m.group(1)) for m in HTML_COMMENT.finditer(text, 0, end)]
        found = [(c.start, c.end, c.text) for c in _Marks(text).comments(0, end)]
        assert found == expected
        marks = _Marks(text)
        for i in range(end):
            match = HTML_COMMENT.match(text, i, end)
            comment = marks.comment_at(i, end)
            assert (comment and (comment.start, comment.end, comment.text)) == (
                match and (match.start(), match.end(), match.group(1))
            )


@settings(max_examples=200, deadline=None)
@given(texts("<script>", "</script>", "</SCRIPT >", "<scripts>", "<pre>", "</pre>", "a", "<", "\n"))
def test_not_prose_elements_match_the_lazy_regex(text: str) -> None:
    for end in _ends(text):
        expected = [m.span() for m in HTML_NOT_PROSE.finditer(text, 0, end)]
        assert list(_Marks(text).not_prose(0, end)) == expected


@settings(max_examples=200, deadline=None)
@given(texts("[^", "[", "]", ":", "a", " ", "\n", "^"))
def test_footnotes_match_the_regex(text: str) -> None:
    marks = _Marks(text)
    for end in _ends(text):
        for i in range(end):
            match = FOOTNOTE.match(text, i, end)
            assert marks.footnote_end(i, end) == (match.end() if match else None)


@settings(max_examples=200, deadline=None)
@given(texts("#", " ", "\t", "a"))
def test_atx_closing_matches_the_regex(text: str) -> None:
    for start in range(len(text) + 1):
        match = ATX_CLOSE.search(text, start, len(text))
        assert _atx_closing(text, start, len(text)) == (match.start() if match else None)
