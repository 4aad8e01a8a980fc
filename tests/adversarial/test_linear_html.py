"""HTML drafts: a construct left open at the end of the text runs to the end of it (as in
HTML5 and in html.parser since CPython 3.11.13), read in one step on every Python."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sourcecheck.prose.html import _ProseParser, html_prose


@pytest.mark.parametrize(
    ("text", "body", "comments"),
    [
        ("<p>He said it.</p><!-- left open", "He said it.\n\n", [(18, 32, " left open")]),
        ("<p>He said it.<!-- open --", "He said it.", [(14, 26, " open ")]),
        ("<p>He said it. <a href='x", "He said it. ", []),
        ("<p>He said it. </b", "He said it. ", []),
        ("<p>He said it. </", "He said it. </", []),
        ("<p>He said it. </ x", "He said it. ", [(15, 19, " x")]),
        ("<p>He said it. <!x", "He said it. ", [(15, 18, "x")]),
        ("<p>He said it. <?php", "He said it. ", []),
        ("<p>He said it. <![CDATA[x", "He said it. ", []),
        ("<p>He said it. <!DOCTYPE", "He said it. ", []),
        ("<p>He said it. <", "He said it. <", []),
    ],
)
def test_a_construct_open_at_the_end_runs_to_the_end(
    text: str, body: str, comments: list[tuple[int, int, str]]
) -> None:
    prose = html_prose(text)
    assert prose.body == body
    assert [(c.start, c.end, c.text) for c in prose.comments] == comments
    assert len(prose.offsets) == len(prose.body)
    pairs = zip(prose.offsets, prose.body, strict=True)
    assert all(text[at] == char for at, char in pairs if char != "\n")  # "\n\n": a block break


def _closed_plainly(text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    parser = _ProseParser(text)
    parser.feed(text)
    parser.close()
    result = parser.result()
    return result.body, result.offsets, [(c.start, c.end, c.text) for c in result.comments]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<b>", "a", " ", "\n", "&amp;", "<!-- c -->", "<br>", "<"]),
        max_size=12,
    ).map("".join)
)
def test_text_with_nothing_open_at_the_end_reads_as_before(text: str) -> None:
    parser = _ProseParser(text)
    parser.feed(text)
    assume(not (parser.rawdata.startswith("<") and len(parser.rawdata) > 1))
    prose = html_prose(text)
    found = prose.body, prose.offsets, [(c.start, c.end, c.text) for c in prose.comments]
    assert found == _closed_plainly(text)
