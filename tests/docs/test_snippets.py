"""Every Python and shell snippet of README.md and docs/ runs, on the example data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from snippets import (
    REPO,
    Reader,
    Snippet,
    commands,
    doc_pages,
    make_research_outputs,
    make_workspace,
    shared_research_outputs,
    shell_script,
    snippets_of,
)

PAGES = doc_pages()
ALL_PAGES = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").rglob("*.md"))]


@pytest.fixture(scope="session")
def research(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make_research_outputs(tmp_path_factory.mktemp("research"))
    # The workers' basetemps share a folder of the run's own: the first worker there makes
    # the outputs, the others wait for it and read them (a few seconds each, made once).
    return shared_research_outputs(tmp_path_factory.getbasetemp().parent)


def test_every_skipped_snippet_says_why() -> None:
    skipped = [s for page in PAGES for s in snippets_of(page) if s.kind == "skip"]
    assert all(len(s.arg.split()) >= 3 for s in skipped), [s.name for s in skipped if not s.arg]
    # Skips are the exception: most snippets run.
    runnable = [s for page in PAGES for s in snippets_of(page) if s.kind == "run"]
    assert len(skipped) < len(runnable)


def test_indented_command_blocks_are_fenced_so_they_run() -> None:
    """A command shown as an indented block would escape this test: fence it instead."""
    offenders = []
    for page in ALL_PAGES:
        previous_blank = True
        for number, line in enumerate((REPO / page).read_text().splitlines()):
            starts = line.startswith("    ") and line.strip().split(" ")[0] in (
                "sourcecheck", "python", "pip", "$",
            )  # fmt: skip
            if starts and previous_blank:
                offenders.append(f"{page}:{number + 1}")
            previous_blank = not line.strip()
    assert not offenders


def test_console_commands_and_checks_are_read_as_documented() -> None:
    snippet = Snippet(
        "x.md", 1, "console",
        "$ sourcecheck check drafts \\\n    --format json\n{\"out\": 1}\n$ git diff\n", "run",
    )  # fmt: skip
    assert commands(snippet) == ["sourcecheck check drafts --format json", "git diff"]
    script = shell_script(Snippet("x.md", 1, "bash", "pip install -e . && sourcecheck x\n", "run"))
    assert script.startswith("sourcecheck x\n") and "-gt 1" in script


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_the_snippets_of_a_page_run(page: str, research: Path, tmp_path: Path) -> None:
    reader = Reader(make_workspace(tmp_path, research))
    failures = []
    for snippet in snippets_of(page):
        if snippet.kind in ("skip", "figures"):
            continue
        problem = reader.run(snippet)
        if problem is not None:
            failures.append(problem)
    assert not failures, "\n\n".join(failures)
