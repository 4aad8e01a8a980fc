from __future__ import annotations

from pathlib import Path

import pytest

# A plugin file for --plugins-dir: scorers whose values the CLI tests can rely on.
TEST_PLUGIN = """
from sourcecheck import Scorer, ScorerResult, Span, hookimpl


class NamedSources(Scorer):
    name = "named_sources"
    version = "1.0"

    def score(self, article, analysis):
        findings = []
        if "officials said" in article.body:
            start = article.body.index("officials said")
            span = Span(start=start, end=start + 14, text="officials said")
            findings.append(self.finding("vague", "Say which officials.", span))
        return ScorerResult(score=0.25 if findings else 0.9, summary="checked", findings=findings)


class Explodes(Scorer):
    name = "explodes"
    version = "0.1"

    def score(self, article, analysis):
        raise ZeroDivisionError("division by zero in house rules")


@hookimpl
def sourcecheck_scorers():
    return [NamedSources(), Explodes()]
"""


@pytest.fixture
def plugins_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "house_plugins"
    folder.mkdir()
    (folder / "house.py").write_text(TEST_PLUGIN, encoding="utf-8")
    return folder


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(
        "Harbour fees to rise\n\nThe port board voted to raise mooring fees on Monday, "
        "officials said. Skippers were told by letter.\n",
        encoding="utf-8",
    )
    return path
