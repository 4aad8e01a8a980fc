"""The editor page in a real browser: Debian's chromium, driven by Playwright.

Run with ``-m browser``; ``-m 'not browser'`` skips them. Where chromium is missing they
skip, except under CI (``CI=true``), where .ci/run installs it and a skip would hide a
broken page. ``SOURCECHECK_SCREENSHOT=PATH`` also writes the screenshot there (the README's
is made this way).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.serve.conftest import Server, running

from sourcecheck.serve import ServeSettings

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DRAFT = """# Ferry fares to rise in May

Fares on the island ferry will rise by 8 percent in May, the operator said on Monday.

Officials said the increase could be the first of several. Some residents reportedly plan a protest.

A source said the council was not told. <script>window.pwned = true</script>

The operator carried 1.2 million passengers last year.
"""


def _browser_available() -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    del playwright
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def page_server() -> Iterator[Server]:
    _browser_available()
    with running(ServeSettings(workers=1)) as server:
        yield server


@pytest.fixture
def page(page_server: Server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 900})
            tab.set_default_timeout(30_000)
            tab.goto(page_server.base + "/")
            yield tab
        finally:
            browser.close()


def _colours_by_scorer(page) -> dict[str, set[str]]:
    pairs = page.eval_on_selector_all(
        "#highlighted mark[data-rule]",
        "marks => marks.map(m => [m.dataset.scorer, getComputedStyle(m).backgroundColor])",
    )
    colours: dict[str, set[str]] = {}
    for scorer, colour in pairs:
        colours.setdefault(scorer, set()).add(colour)
    return colours


def _type_draft(page, text: str) -> None:
    editor = page.locator("textarea#draft")
    head, tail = text[:-60], text[-60:]
    editor.fill(head)
    editor.press("End")
    editor.press_sequentially(tail)  # the last words typed key by key, as a writer would
    # A pause while typing checks a partial draft; wait for the check of the whole one.
    page.wait_for_function(
        "document.querySelector('#highlighted').textContent === "
        "document.querySelector('#draft').value"
    )


def test_typing_a_draft_shows_score_breakdown_and_highlights(page, tmp_path: Path) -> None:
    _type_draft(page, DRAFT)
    page.wait_for_selector("#highlighted mark[data-rule]")
    page.wait_for_function("document.querySelector('#status').textContent.includes('finding')")

    assert page.text_content("#score-value").strip().isdigit()
    assert page.locator("#breakdown tbody tr").count() == 4
    assert "baseline 50.0 + contributions" in page.text_content("#arithmetic")
    rules = page.eval_on_selector_all("#highlighted mark", "ms => ms.map(m => m.dataset.rule)")
    assert all("/" in rule for rule in rules)
    findings = page.locator("#findings li")
    assert findings.count() >= 3
    # The draft's <script> is shown as text, never run.
    assert "<script>window.pwned = true</script>" in page.text_content("#highlighted")
    assert page.evaluate("window.pwned") is None
    # Every finding names its rule and links to the rule's explanation on the page.
    first_link = findings.first.locator("a.rule-link")
    assert first_link.get_attribute("href") == "#rule-" + first_link.text_content()
    assert page.locator(f"dt[id='rule-{first_link.text_content()}']").count() == 1
    _screenshot(page, tmp_path)


def test_colours_are_fixed_per_scorer(page) -> None:
    _type_draft(page, DRAFT)
    page.wait_for_selector("#highlighted mark[data-rule]")
    before = _colours_by_scorer(page)
    # New text above moves every span; each scorer must keep its one colour.
    page.locator("textarea#draft").fill(
        "# Ferry fares to rise in May\n\nExperts said fares might rise again.\n" + DRAFT[29:]
    )
    page.wait_for_function(
        "document.querySelector('#highlighted').textContent.startsWith('# Ferry fares to rise"
        " in May\\n\\nExperts')"
    )
    page.wait_for_selector("#highlighted mark[data-rule]")
    after = _colours_by_scorer(page)

    assert len(before) >= 2
    for colours in (before, after):
        assert all(len(c) == 1 for c in colours.values()), colours
        distinct = {next(iter(c)) for c in colours.values()}
        assert len(distinct) == len(colours)  # no two scorers share a colour
    for scorer in before.keys() & after.keys():
        assert before[scorer] == after[scorer]


def test_clicking_a_finding_goes_to_its_span_and_back(page) -> None:
    page.set_viewport_size({"width": 1200, "height": 500})
    _type_draft(page, DRAFT)
    page.wait_for_selector("#highlighted mark[data-rule]")
    last = page.locator("#findings li").last
    index = last.locator("button").get_attribute("data-finding")

    last.locator("button").click()
    mark = page.locator(f"#highlighted mark[data-findings~='{index}']")
    page.wait_for_function(
        "i => document.activeElement && document.activeElement.dataset.finding === i", arg=index
    )
    assert "current" in mark.get_attribute("class")
    page.wait_for_function(
        _VISIBLE_IN, arg=[f"#highlighted mark[data-findings~='{index}']", "#highlighted"]
    )

    page.keyboard.press("Enter")  # from the highlight back to its finding, by keyboard
    page.wait_for_function(
        "i => document.querySelector('#finding-' + i).classList.contains('current')", arg=index
    )
    assert page.evaluate("document.activeElement.closest('li').id") == f"finding-{index}"


def test_the_page_is_readable_at_420_px(page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 420, "height": 900})
    _type_draft(page, DRAFT)
    page.wait_for_selector("#highlighted mark[data-rule]")

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 420, f"the page scrolls sideways: {width}px wide"
    table = page.eval_on_selector("#breakdown", "t => t.getBoundingClientRect().right")
    assert table <= 420
    page.screenshot(path=str(tmp_path / "editor-420.png"), full_page=True)


# Whether the first element is scrolled into view inside the second (scrolling is smooth,
# so the test waits for this rather than asking once).
_VISIBLE_IN = """([s, c]) => {
    const a = document.querySelector(s).getBoundingClientRect();
    const b = document.querySelector(c).getBoundingClientRect();
    return a.top >= b.top && a.bottom <= b.bottom && a.bottom <= innerHeight;
}"""


def _screenshot(page, tmp_path: Path) -> None:
    path = tmp_path / "editor.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    wanted = os.environ.get("SOURCECHECK_SCREENSHOT")
    if wanted:
        shutil.copyfile(path, wanted)


def test_the_static_html_report_fits_420_px_and_links_findings(tmp_path: Path) -> None:
    _browser_available()
    from playwright.sync_api import sync_playwright

    from sourcecheck.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: Ferry fares\noutlet: The Ledger\n---\n" + DRAFT, encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["score", str(draft), "--format", "html", "-o", str(report)]) == 0

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 420, "height": 900})
            tab.goto(report.as_uri())
            width = tab.evaluate("document.documentElement.scrollWidth")
            first_link = tab.locator("ol.findings a").first
            target = first_link.get_attribute("href")
            first_link.click()
            tab.wait_for_function("t => location.hash === t", arg=target)
            targeted = tab.evaluate("document.querySelector(':target').tagName")
            shown = tab.text_content("article.body")
        finally:
            browser.close()

    assert width <= 420, f"the report scrolls sideways: {width}px wide"
    assert targeted == "MARK"
    assert shown.startswith("Fares on the island ferry")  # no gap where front matter was
