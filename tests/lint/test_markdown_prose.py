"""Markdown drafts: only prose reaches the scorers, at the offsets it has in the file."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.errors import InputError
from sourcecheck.loaders.builtin import MarkdownLoader
from sourcecheck.prose.markdown import blank, markdown_prose, split_front_matter

DRAFT = """\
---
title: Water rates to rise
authors: Mei Lin, Omar Haddad
published: 2026-02-02
---
# A headline that the front matter overrides

The utility said rates will rise 4%, according to [its filing](https://example.org/f.pdf).
Its chief, **Ruth Osei**, said the rise was *unavoidable*.

```python
secret = "A source said this in code"
```

    an indented code block, not prose

- Customers can appeal <https://example.org/appeal> until May.
- See ![chart](chart.png) and `rate_table` for details.

> Critics said the rise hurts pensioners.

<!-- an editor's note -->
<div class="aside">raw HTML block</div>

[filing]: https://example.org/f.pdf
"""


def prose_words(body: str) -> list[str]:
    return re.findall(r"\w+", body)


def test_body_keeps_every_offset_and_newline() -> None:
    prose = markdown_prose(DRAFT, "d.md")
    assert len(prose.body) == len(DRAFT)
    assert [i for i, c in enumerate(prose.body) if c == "\n"] == [
        i for i, c in enumerate(DRAFT) if c == "\n"
    ]


def test_only_prose_words_remain() -> None:
    body = markdown_prose(DRAFT, "d.md").body
    words = prose_words(body)
    for kept in ["utility", "its", "filing", "Ruth", "Osei", "unavoidable", "Critics", "May"]:
        assert kept in words
    for dropped in ["secret", "indented", "https", "pdf", "chart", "rate_table", "aside"]:
        assert dropped not in words, dropped
    assert "editor" not in words  # HTML comments are not article text
    assert "**" not in body and "](" not in body and "<" not in body


def test_prose_sits_where_it_is_in_the_file() -> None:
    body = markdown_prose(DRAFT, "d.md").body
    for word in ["Ruth Osei", "unavoidable", "Critics said", "its filing", "appeal"]:
        at = DRAFT.index(word)
        assert body[at : at + len(word)] == word


def test_front_matter_fields_and_title() -> None:
    article = next(iter(MarkdownLoader().load(DRAFT.encode(), "d.md")))
    assert article.title == "Water rates to rise"
    assert article.authors == ["Mei Lin", "Omar Haddad"]
    assert str(article.published) == "2026-02-02"
    assert "headline" not in article.body  # the leading H1 is not body text
    assert all(not line.strip() for line in article.body.split("\n")[:5])  # front matter


def test_heading_becomes_title_without_front_matter() -> None:
    text = "# Port strike ends\n\nDockers voted to return, the union said.\n"
    article = next(iter(MarkdownLoader().load(text.encode(), "p.md")))
    assert article.title == "Port strike ends"
    assert article.body.strip() == "Dockers voted to return, the union said."
    assert article.body.index("Dockers") == text.index("Dockers")


def test_list_and_quote_markers_are_not_prose() -> None:
    text = "1. First item\n2. Second item\n\n> > Nested quote\n\n- [x] Done task\n"
    body = markdown_prose(text, "l.md").body
    assert body.split() == ["First", "item", "Second", "item", "Nested", "quote", "Done", "task"]


def test_continuation_line_of_a_list_item_is_prose_not_code() -> None:
    text = "- The mayor said\n\n    the vote is on Friday.\n"
    body = markdown_prose(text, "l.md").body
    assert "the vote is on Friday." in body


def test_reference_links_keep_their_text_only() -> None:
    text = (
        "The [council report][r] and the [minutes] agree. [sic] stays.\n\n[r]: /r\n[minutes]: /m\n"
    )
    body = markdown_prose(text, "r.md").body
    assert body.split() == [
        "The",
        "council",
        "report",
        "and",
        "the",
        "minutes",
        "agree.",
        "[sic]",
        "stays.",
    ]


def test_escapes_and_snake_case() -> None:
    text = "Price was \\*not\\* 5 \\* 3, said file_name owner _Ana_.\n"
    body = markdown_prose(text, "e.md").body
    # An escape's backslash becomes a blank (offsets stay put); the escaped '*' is kept.
    assert body == "Price was  *not * 5  * 3, said file_name owner  Ana .\n"


def test_table_cells_are_prose_pipes_are_not() -> None:
    text = "| Town | Closures |\n|---|---|\n| Harwick | two roads |\n"
    body = markdown_prose(text, "t.md").body
    assert body.split() == ["Town", "Closures", "Harwick", "two", "roads"]


def test_html_block_text_is_prose_but_tags_and_scripts_are_not() -> None:
    text = (
        'Intro.\n\n<div class="aside">\n<p>The mayor said the <em>bridge</em> is safe.</p>\n'
        "<script>var officials = 'said';</script>\n</div>\n\n<pre>\na source said\n</pre>\n"
    )
    body = markdown_prose(text, "h.md").body
    assert body.split() == ["Intro.", "The", "mayor", "said", "the", "bridge", "is", "safe."]
    assert body.index("mayor") == text.index("mayor")


def test_comments_are_collected_outside_code_only() -> None:
    text = (
        "<!-- sourcecheck: disable -->\n\nText <!-- inline --> here.\n\n"
        "```\n<!-- in code -->\n```\n\nUse `<!-- in a span -->` too.\n"
    )
    comments = [c.text.strip() for c in markdown_prose(text, "c.md").comments]
    assert comments == ["sourcecheck: disable", "inline"]


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("---\ntitle: x\nno closing\n", "never closed", 1),
        ("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML", 3),
        ("---\n- a list\n---\nBody.\n", "must be a YAML mapping", 1),
    ],
)
def test_bad_front_matter_is_an_input_error(text: str, problem: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        split_front_matter(text, "bad.md")
    assert problem in str(caught.value)
    assert caught.value.line == line


def test_empty_front_matter_is_allowed() -> None:
    front, rest = split_front_matter("---\n---\nBody.\n", "e.md")
    assert front == {}
    assert rest == "   \n   \nBody.\n"


# -- invariants over generated documents -------------------------------------------------

WORDS = st.sampled_from(["mayor", "said", "Zoë", "police", "bridge", "naïve", "données", "42"])
MARKUP = st.sampled_from(
    [
        "**",
        "_",
        "`x`",
        "[",
        "](http://a.b/c)",
        "<b>",
        "<!-- c -->",
        "\\",
        "#",
        "> ",
        "- ",
        "1. ",
        "|",
        "![i](p.png)",
        "https://q.r/s",
        "```",
        "    ",
        "\t",
        "&amp;",
        "~~",
        "---",
        "***",
    ]
)
PIECES = st.one_of(WORDS, MARKUP, st.just(" "), st.just("\n"), st.just("\n\n"))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_any_document_keeps_length_newlines_and_characters(pieces: list[str]) -> None:
    text = "Text\n" + "".join(pieces)  # not front matter, which has its own tests
    body = markdown_prose(text, "gen.md").body
    assert len(body) == len(text)
    for char_in_body, char_in_text in zip(body, text, strict=True):
        # Every body character is the file's character, or a blank standing in for it.
        assert char_in_body == char_in_text or (char_in_body == " " and char_in_text != "\n")
        assert (char_in_body == "\n") == (char_in_text == "\n")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=6))
def test_plain_paragraphs_pass_through_unchanged(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join("The " + " ".join(words) + "." for words in paragraphs) + "\n"
    assert markdown_prose(text, "p.md").body == text


def test_blank_keeps_newlines() -> None:
    assert blank("ab\ncd\n") == "  \n  \n"


PROSE = "A source said so."
HIDDEN = [
    "`a source` in code.",
    "```\na source said\n```",
    "    a source in indented code",
    "![a source said](p.png)",
    "<!-- a source said -->",
    "[link](https://example.org/a-source)",
    "<span title='a source'>ok</span>",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.just(PROSE), st.sampled_from(HIDDEN)), min_size=1, max_size=12))
def test_phrases_are_found_in_prose_and_only_there(blocks: list[str]) -> None:
    text = "Intro.\n\n" + "\n\n".join(blocks) + "\n"
    body = markdown_prose(text, "gen.md").body
    found = [m.start() for m in re.finditer(r"(?i)a\s+source", body)]
    expected = [m.start() for m in re.finditer(re.escape(PROSE), text)]
    assert found == expected
