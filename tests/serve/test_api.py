"""The HTTP API over real HTTP on 127.0.0.1: the same reports and findings as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from tests.serve.conftest import Server

from sourcecheck.cli import main
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import SCHEMA_VERSION

DRAFT = """# Harbour dredging to start in June

The harbour will be dredged from June, the port authority said on Tuesday.

Officials said the work could cost more than planned.

Critics reportedly want the plan delayed. The dredging will take 11 weeks.
"""


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    capsys.readouterr()
    main(list(argv))
    return json.loads(capsys.readouterr().out)


def test_score_returns_the_report_score_format_json_gives(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    expected = _cli_json(capsys, "score", str(draft), "--format", "json")

    response = httpx.post(server.url("/v1/score"), json={"text": DRAFT, "format": "markdown"})

    assert response.status_code == 200
    report = response.json()
    assert report["schema_version"] == SCHEMA_VERSION
    assert report["article"]["title"] == "Harbour dredging to start in June"
    expected["article"]["source"] = None  # the CLI names the file; a request has none
    assert report == expected


def test_score_takes_the_metadata_fields(server: Server) -> None:
    body = {
        "text": DRAFT,
        "title": "Given title",
        "outlet": "The Ledger",
        "url": "https://x.test/a",
    }
    report = httpx.post(server.url("/v1/score"), json=body).json()

    assert report["article"]["title"] == "Given title"
    assert report["article"]["outlet"] == "The Ledger"
    assert report["article"]["url"] == "https://x.test/a"


@pytest.mark.parametrize(
    ("content_type", "title"),
    [
        ("text/plain", "Harbour dredging to start in June"),  # first line, as a .txt file
        ("text/markdown; charset=utf-8", "Harbour dredging to start in June"),
    ],
)
def test_score_takes_a_raw_text_body(server: Server, content_type: str, title: str) -> None:
    text = DRAFT.replace("# ", "") if content_type == "text/plain" else DRAFT
    response = httpx.post(
        server.url("/v1/score"), content=text.encode(), headers={"Content-Type": content_type}
    )

    assert response.status_code == 200
    assert response.json()["article"]["title"] == title
    assert response.json()["score"] is not None


def test_check_returns_what_check_format_json_gives(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suppressed = DRAFT.replace(
        "Critics", "<!-- sourcecheck: disable-next-line hedging -->\nCritics"
    )
    draft = tmp_path / "draft.md"
    draft.write_text(suppressed, encoding="utf-8")
    expected = _cli_json(capsys, "check", str(draft), "--format", "json")

    response = httpx.post(server.url("/v1/check"), json={"text": suppressed})

    assert response.status_code == 200
    document = response.json()
    (checked,) = document["files"]
    (wanted,) = expected["files"]
    assert checked["path"] == "draft.md"
    assert checked["findings"] == wanted["findings"]
    assert checked["suppressed"] == wanted["suppressed"] >= 1
    assert {f["line"] for f in checked["findings"]} >= {5}  # "Officials said ... could"
    assert checked["baseline"] + sum(
        s["contribution"] for s in checked["scorers"] if s["status"] == "ok"
    ) == pytest.approx(checked["score"], abs=0.01)


def test_batch_scores_each_article_in_order(server: Server) -> None:
    articles = [
        {"text": DRAFT},
        {"text": "A council spokesperson said the pool would reopen.", "format": "text"},
    ]
    response = httpx.post(server.url("/v1/batch"), json={"articles": articles}, timeout=60)

    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["index"] for r in results] == [0, 1]
    assert [r["status"] for r in results] == [200, 200]
    assert results[0]["report"]["article"]["title"] == "Harbour dredging to start in June"
    assert results[1]["report"]["analysis"]["word_count"] == 8


def test_batch_refuses_more_articles_than_max_batch(server: Server) -> None:
    response = httpx.post(server.url("/v1/batch"), json={"articles": [{"text": "x y"}] * 4})

    assert response.status_code == 413
    assert response.json() == {
        "status": 413,
        "error": "too_many_articles",
        "detail": "articles: 4 given; the limit is 3",
    }


def test_scorers_rules_health_and_version(server: Server) -> None:
    scorers = httpx.get(server.url("/v1/scorers")).json()
    rules = httpx.get(server.url("/v1/rules")).json()
    health = httpx.get(server.url("/healthz")).json()
    version = httpx.get(server.url("/version")).json()

    assert [s["name"] for s in scorers] == [
        "anonymous_sources",
        "attribution_clarity",
        "corroboration",
        "hedging",
    ]
    assert "hedging/writer-hedge" in scorers[3]["rules"]
    assert scorers[3]["colour"] == "#ffd27a"  # the HTML report's hedging colour too
    records = Engine().rule_records()
    assert rules["attribution_clarity/unattributed-claim"].startswith(
        records["attribution_clarity/unattributed-claim"].summary
    )
    assert health == {"status": "ok", "workers": 1, "restarts": 0}
    assert version["report_schema_version"] == SCHEMA_VERSION
    assert set(version["versions"]) >= {"sourcecheck", "hedging"}


def test_openapi_describes_the_endpoints_from_the_models(server: Server) -> None:
    schema = httpx.get(server.url("/openapi.json")).json()

    assert {"/v1/score", "/v1/check", "/v1/batch", "/v1/scorers", "/v1/rules"} <= set(
        schema["paths"]
    )
    components = schema["components"]["schemas"]
    assert {"ArticleRequest", "BatchRequest", "Report", "ErrorBody"} <= set(components)
    body = schema["paths"]["/v1/score"]["post"]["requestBody"]["content"]
    assert set(body) == {
        "application/json",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "text/html",
    }
    assert httpx.get(server.url("/docs")).status_code == 200


def _error(response: httpx.Response) -> tuple[int, str, str]:
    body = response.json()
    assert set(body) == {"status", "error", "detail"}, body
    assert body["status"] == response.status_code
    assert "Traceback" not in response.text
    return response.status_code, body["error"], body["detail"]


def test_bad_requests_get_a_json_error_naming_the_problem(server: Server) -> None:
    score = server.url("/v1/score")
    cases = {
        "oversized": httpx.post(score, json={"text": "word " * 5_000}),
        "wrong type": httpx.post(
            score, content=b"<a/>", headers={"Content-Type": "application/xml"}
        ),
        "no type": httpx.post(score, content=b"text"),
        "malformed JSON": httpx.post(
            score, content=b'{"text": "a', headers={"Content-Type": "application/json"}
        ),
        "unknown field": httpx.post(score, json={"text": "a b", "body": "typo"}),
        "no text": httpx.post(score, json={"title": "only a title"}),
        "blank text": httpx.post(score, json={"text": "   \n"}),
        "bad format": httpx.post(score, json={"text": "a b", "format": "pdf"}),
        "unknown path": httpx.get(server.url("/v1/nothing")),
    }
    found = {name: _error(response) for name, response in cases.items()}

    assert found["oversized"][:2] == (413, "too_large")
    assert "limit is 20,000" in found["oversized"][2]
    assert found["wrong type"][:2] == (415, "unsupported_type")
    assert "'application/xml' is not accepted" in found["wrong type"][2]
    assert found["no type"][:2] == (415, "unsupported_type")
    assert found["malformed JSON"][:2] == (422, "invalid_json")
    assert found["malformed JSON"][2].startswith("malformed JSON at line 1, column 10:")
    assert found["unknown field"] == (422, "invalid", "body: Extra inputs are not permitted")
    assert found["no text"] == (422, "invalid", "text: Field required")
    assert found["blank text"][:2] == (422, "unreadable_text")
    assert "empty" in found["blank text"][2]
    assert found["bad format"][0] == 422 and found["bad format"][2].startswith("format:")
    assert found["unknown path"][:2] == (404, "not_found")


def test_a_body_over_the_limit_is_refused_without_a_content_length(server: Server) -> None:
    def chunks():  # streamed: no Content-Length to refuse it on
        for _ in range(30):
            yield b"x" * 1_000

    response = httpx.post(
        server.url("/v1/score"), content=chunks(), headers={"Content-Type": "text/plain"}
    )

    assert _error(response)[:2] == (413, "too_large")


def test_the_page_and_its_assets_come_from_the_package(server: Server) -> None:
    page = httpx.get(server.url("/"))

    assert page.status_code == 200
    assert "<textarea" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    for asset in ("/static/app.js", "/static/app.css"):
        response = httpx.get(server.url(asset))
        assert response.status_code == 200
        assert "https://" not in response.text


def test_html_drafts_are_read_as_html(server: Server) -> None:
    page = (
        "<html><head><title>Ferry fares</title></head><body><article><h1>Ferry fares</h1>"
        "<p>Fares will rise by 8 percent in May, the operator said on Monday.</p>"
        "<p>Officials said the increase could be the first of several.</p>"
        "<script>ignored()</script></article></body></html>"
    )
    checked = httpx.post(server.url("/v1/check"), json={"text": page, "format": "html"})
    raw = httpx.post(
        server.url("/v1/check"), content=page.encode(), headers={"Content-Type": "text/html"}
    )

    assert checked.status_code == raw.status_code == 200
    (draft,) = checked.json()["files"]
    assert draft["path"] == "draft.html"
    officials = [f for f in draft["findings"] if f["snippet"] == "Officials"]
    assert officials and page[officials[0]["offset"] :].startswith("Officials")
    assert raw.json()["files"][0]["findings"] == draft["findings"]
