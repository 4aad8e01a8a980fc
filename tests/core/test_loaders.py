from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcecheck.core.errors import InputError
from sourcecheck.core.models import Article
from sourcecheck.loaders.base import LoadResult, load_path
from sourcecheck.loaders.builtin import sourcecheck_loaders, split_title

LOADERS = sourcecheck_loaders()
STORY = "The harbour master said the ferry would resume on Sunday.\n"


def load(path: Path | str, max_bytes: int | None = 2_000_000) -> list[LoadResult]:
    return list(load_path(str(path), LOADERS, max_bytes))


def only_error(path: Path | str, **kwargs: int) -> InputError:
    results = load(path, **kwargs)
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def test_text_file_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry to resume\n\n" + STORY)
    [article] = load(path)
    assert isinstance(article, Article)
    assert article.title == "Ferry to resume"
    assert article.body == STORY
    assert article.meta["source"] == str(path)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ferry to resume\n" + STORY, "Ferry to resume"),
        (STORY + "More prose follows here.\n", ""),
        (STORY, ""),
        ("Will the ferry run?\n\n" + STORY, "Will the ferry run?"),
    ],
)
def test_title_rule(text: str, title: str) -> None:
    found, body = split_title(text)
    assert found == title
    assert body.strip() and (body == text if not title else body.strip() in text)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\t\n  ", "only whitespace"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"caf\xe9 au lait", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
        ("The clerk said so.".encode("utf-16"), "UTF-16 text: sourcecheck reads UTF-8"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl", ".html"])
def test_unreadable_content_is_one_error_naming_the_file(
    tmp_path: Path, content: bytes, problem: str, suffix: str
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    error = only_error(path)
    assert str(error).startswith(str(path))
    if suffix in (".json", ".jsonl") and problem == "only whitespace":
        assert "no articles" in str(error) or "malformed JSON" in str(error)
    elif suffix == ".jsonl" and problem.startswith("not UTF-8"):
        # JSONL is decoded line by line, so the error names the line and column.
        assert str(error) == f"{path}:1: not UTF-8 text (invalid byte 0xe9 at column 4)"
    else:
        assert problem in str(error)


def test_a_missing_file(tmp_path: Path) -> None:
    assert str(only_error(tmp_path / "gone.txt")) == f"{tmp_path / 'gone.txt'}: no such file"


def test_a_directory_is_not_an_article(tmp_path: Path) -> None:
    assert "is a directory" in str(only_error(tmp_path))


def test_an_unknown_suffix_lists_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_text(STORY)
    assert "unknown file type '.docx'" in str(only_error(path))


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Long\n\n" + STORY * 10)
    error = only_error(path, max_bytes=100)
    assert "larger than the size limit of 100 bytes" in str(error)


def test_malformed_json_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text('{\n  "title": "Ferry",\n  "body": "x",,\n}\n')
    error = only_error(path)
    assert error.line == 3
    assert str(error).startswith(f"{path}:3: malformed JSON")


def test_json_array_keeps_good_items_and_names_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "stories.json"
    records = [{"title": "Ferry", "body": STORY}, {"title": "No text"}, "just a string"]
    path.write_text(json.dumps(records))
    good, missing, not_object = load(path)
    assert isinstance(good, Article) and good.title == "Ferry"
    assert isinstance(missing, InputError)
    assert "item 1: missing text field (one of: body, text, content)" in str(missing)
    assert "item 2: expected a JSON object, got a string" in str(not_object)


def test_jsonl_reports_bad_lines_by_number_and_loads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "body": STORY, "outlet": "Harbour Times", "language": "en"}),
        "{not json",
        "",
        json.dumps({"id": "a2", "text": "The mayor said so."}),
        json.dumps({"id": "a3", "title": "no body"}),
        json.dumps({"id": "a4", "body": 42}),
        json.dumps({"id": "a5", "body": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = load(path)
    articles = [r for r in results if isinstance(r, Article)]
    errors = {r.line: str(r) for r in results if isinstance(r, InputError)}
    assert [a.id for a in articles] == ["a1", "a2"]
    assert articles[0].outlet == "Harbour Times"
    assert set(errors) == {2, 5, 6, 7}
    assert errors[2].startswith(f"{path}:2: malformed JSON")
    assert "missing text field" in errors[5]
    assert "field 'body' is int, not text" in errors[6]
    assert "only whitespace" in errors[7]


def test_jsonl_size_limit_applies_per_article_not_per_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    small = [json.dumps({"id": f"s{n}", "body": STORY}) for n in range(20)]
    big = json.dumps({"id": "huge", "body": STORY * 10})
    path.write_text("\n".join([*small, big]) + "\n")
    assert path.stat().st_size > 300
    results = load(path, max_bytes=300)
    assert sum(isinstance(r, Article) for r in results) == 20
    [error] = [r for r in results if isinstance(r, InputError)]
    size = len(STORY * 10)
    assert f"article 'huge' text is {size} bytes, over the size limit of 300 bytes" in str(error)


def test_json_that_is_not_an_object_or_array(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text("42")
    assert "expected a JSON object or array, got a number" in str(only_error(path))


def test_stdin_is_sniffed_and_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = (json.dumps({"body": STORY}) + "\n" + json.dumps({"body": "Second."}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed)))
    assert len([r for r in load("-") if isinstance(r, Article)]) == 2
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Plain\n\n" + STORY.encode())))
    [article] = load("-")
    assert isinstance(article, Article) and article.title == "Plain"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode() * 5)))
    assert "larger than the size limit" in str(only_error("-", max_bytes=50))


def test_html_article_is_extracted(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>{STORY.strip()} Paragraph {n} adds that the pier was repaired in spring.</p>"
        for n in range(4)
    )
    page = (
        "<html><head><title>Ferry to resume | Harbour Times</title></head><body>"
        "<nav>Home | Sport</nav><article><h1>Ferry to resume</h1>"
        f"{paragraphs}</article><script>track()</script></body></html>"
    )
    path = tmp_path / "ferry.html"
    path.write_text(page)
    [article] = load(path)
    assert isinstance(article, Article), article
    assert "harbour master said the ferry" in article.body
    assert "track()" not in article.body
    assert article.title.startswith("Ferry to resume")


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>track()</script></body></html>")
    assert "no article text found in the HTML" in str(only_error(path))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.lists(st.text(max_size=40), max_size=4).map(lambda xs: json.dumps(xs).encode()),
        st.dictionaries(st.sampled_from(["body", "text", "id", "title"]), st.text(max_size=40)).map(
            lambda d: json.dumps(d).encode()
        ),
    ),
    suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html"]),
)
def test_any_bytes_load_as_articles_or_one_line_errors(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for item in load(path, max_bytes=250):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert str(item).startswith(str(path)) and "\n" not in str(item)
        else:
            assert item.body.strip()
