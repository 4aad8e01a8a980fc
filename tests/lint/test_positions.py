"""Line, column and offsets point at the right place in the file as it is on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.prose.html import html_prose
from sourcecheck.prose.positions import BodyMap, SourceMap

if TYPE_CHECKING:
    from tests.lint.conftest import RunCheck

DRAFT = (
    "---\ntitle: Élections municipales\n---\n\n"
    "Le maire a dit que « tout va bien ». Officials said the count was slow.\n"
    "```\nofficials said in code\n```\n"
    "Ünïcödé 🙂 text, and a source who spoke late.\n"
)


def findings(run_check: RunCheck, path: Path, fmt: str = "json") -> list[dict]:
    document = json.loads(run_check(str(path), "--format", fmt, "--exit-zero").out)
    return document["files"][0]["findings"]


def test_markdown_positions_after_front_matter_and_code(
    run_check: RunCheck, tmp_path: Path
) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    found = [(f["rule"], f["line"], f["column"], f["snippet"]) for f in findings(run_check, path)]
    assert found == [
        ("probe/vague-officials", 5, 38, "Officials said"),
        ("probe/lone-source", 9, 21, "a source"),  # 🙂 is one code point
    ]


def test_crlf_file_has_same_lines_columns_and_raw_offsets(
    run_check: RunCheck, tmp_path: Path
) -> None:
    lf, crlf = tmp_path / "lf.md", tmp_path / "crlf.md"
    lf.write_bytes(DRAFT.encode("utf-8"))
    crlf.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8"))
    in_lf, in_crlf = findings(run_check, lf), findings(run_check, crlf)
    assert [(f["line"], f["column"]) for f in in_lf] == [(f["line"], f["column"]) for f in in_crlf]
    raw = crlf.read_bytes().decode("utf-8")
    for finding in in_crlf:
        assert raw[finding["offset"] : finding["offset"] + finding["length"]] == finding["snippet"]
        assert finding["offset"] > DRAFT.index(finding["snippet"])  # counts the CRs before it


def test_bom_counts_in_raw_offset_not_in_columns(run_check: RunCheck, tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + b"A source said so, in twenty-six words or more: the council, the mayor and the residents all agreed on the plan yesterday.\n"
    )
    (finding,) = [f for f in findings(run_check, path) if f["rule"] == "probe/lone-source"]
    assert (finding["line"], finding["column"]) == (1, 1)
    assert finding["offset"] == 1


def test_rdjsonl_columns_count_utf8_bytes(run_check: RunCheck, tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    lines = run_check(str(path), "--format", "rdjsonl", "--exit-zero").out.splitlines()
    lone = next(json.loads(x) for x in lines if "lone-source" in x)
    start = lone["location"]["range"]["start"]
    # "Ünïcödé 🙂 text, and " is 20 code points but 27 bytes.
    assert start == {"line": 9, "column": len("Ünïcödé 🙂 text, and ".encode()) + 1}


def test_plain_text_title_shifts_body_back_to_file_lines(
    run_check: RunCheck, tmp_path: Path
) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Headline here\n\nFirst line.\nThen officials said it, quietly.\n", "utf-8")
    (finding,) = [f for f in findings(run_check, path) if f["rule"] == "probe/vague-officials"]
    assert (finding["line"], finding["column"]) == (4, 6)


def test_html_entities_become_characters_mapped_to_their_reference() -> None:
    text = "<p>They weren&rsquo;t told &amp; officials said so.</p>"
    prose = html_prose(text)
    assert "weren’t told & officials said so." in prose.body
    at = prose.body.index("officials")
    assert text[prose.offsets[at] : prose.offsets[at] + 9] == "officials"
    apostrophe = prose.body.index("’")
    assert text[prose.offsets[apostrophe] :].startswith("&rsquo;")


def test_html_skips_scripts_styles_and_uses_h1_as_title() -> None:
    text = "<head><title>T | Site</title><style>a{}</style></head><h1>Real headline</h1><p>Body.</p><script>x()</script>"
    prose = html_prose(text)
    assert prose.title == "Real headline"
    assert prose.body.strip() == "Body."


def test_body_map_end_is_exclusive() -> None:
    mapping = BodyMap(offsets=[3, 4, 10, 11])
    assert mapping.start(2) == 10
    assert mapping.end(4, 2) == 12
    assert mapping.end(2, 2) == 10  # empty span stays empty


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é🙂\n\r"), max_size=80), st.data())
def test_region_offsets_point_into_the_raw_text(raw: str, data: st.DataObject) -> None:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    region = SourceMap(text, raw).region(start, end)
    raw_slice = raw[region.offset : region.offset + region.length]
    assert raw_slice.replace("\r\n", "\n").replace("\r", "\n") == text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    assert region.line == text.count("\n", 0, start) + 1
    assert region.column == start - line_start + 1


PAGE = """<html><head><title>Bridge | The Ledger</title></head><body>
<nav><a href="/">Home</a> Prices reportedly rose</nav>
<header class="masthead"><h1>Bridge to close</h1><p>Officials said hello</p></header>
<div role="navigation"><div>Reportedly popular: 10 stories</div></div>
<article><p>The bridge reportedly needs repairs, a source said.</p></article>
<aside>Most read: officials said 5 things</aside>
<div class="site-footer sticky"><p>Officials said it twice</p></div>
<footer><p>Copyright 2026 The Ledger. A source of news, reportedly.</p></footer>
<p>Letters reportedly welcome.</p>
</body></html>
"""


def test_html_page_chrome_is_not_article_text() -> None:
    prose = html_prose(PAGE)
    words = " ".join(prose.body.split())
    assert (
        words == "The bridge reportedly needs repairs, a source said. Letters reportedly welcome."
    )
    assert prose.title == "Bridge to close"  # the headline inside <header> is still the title
    at = prose.body.index("Letters")
    assert PAGE[prose.offsets[at] :].startswith("Letters reportedly welcome.")


def test_check_reports_nothing_in_page_chrome(run_check: RunCheck, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    lines = {f["line"] for f in findings(run_check, page) if f["rule"].startswith("probe/")}
    page_lines = PAGE.splitlines()
    article = page_lines.index(
        "<article><p>The bridge reportedly needs repairs, a source said.</p></article>"
    )
    last = page_lines.index("<p>Letters reportedly welcome.</p>")
    assert lines == {article + 1, last + 1}
