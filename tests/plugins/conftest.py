"""Fake *installed* plugin distributions, discoverable through importlib.metadata.

Each one is a ``NAME-VERSION.dist-info`` folder (METADATA + entry_points.txt) beside its
module in a temporary folder put on ``sys.path``: exactly what pip leaves in
site-packages, without a network or a build.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

Install = Callable[..., None]

WORKING_PLUGIN = """
from sourcecheck import Scorer, ScorerResult, hookimpl


class HouseStyleScorer(Scorer):
    name = "{scorer}"
    version = "{version}"

    def score(self, article, analysis):
        words = article.body.split()
        return ScorerResult(score=0.75, summary=f"{{len(words)}} words", metrics={{"words": len(words)}})


@hookimpl
def sourcecheck_scorers():
    return [HouseStyleScorer()]
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    # The next test's fake plugins must import afresh; nothing else may be dropped, or
    # sourcecheck's own modules would be imported twice and their classes stop matching.
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", "") or "").startswith(str(folder)):
            del sys.modules[name]


@pytest.fixture
def install(site: Path) -> Install:
    def _install(
        dist: str, version: str, entry_points: dict[str, str], modules: dict[str, str]
    ) -> None:
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = "".join(f"{name} = {target}\n" for name, target in entry_points.items())
        (info / "entry_points.txt").write_text(f"[sourcecheck]\n{lines}", encoding="utf-8")
        for module, source in modules.items():
            (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        importlib.invalidate_caches()

    return _install


@pytest.fixture
def working_plugin() -> Callable[..., str]:
    """Source of a plugin module with one scorer named ``scorer``."""

    def _source(scorer: str, version: str = "1.2.0") -> str:
        return WORKING_PLUGIN.format(scorer=scorer, version=version)

    return _source


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        "Ferry service resumes\n\nThe harbour master said on Monday that the ferry would "
        "resume on Sunday after repairs to the pier.\n",
        encoding="utf-8",
    )
    return path
