"""Shared by the plugin-kit tests: importing a plugin package from its src folder."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "plugins" / "sourcecheck-house-style"


@pytest.fixture
def import_from_src(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path, str], ModuleType]]:
    """Import a package from a src folder without installing it; forgotten after the test."""
    imported: list[str] = []

    def load(src: Path, package: str) -> ModuleType:
        monkeypatch.syspath_prepend(str(src))
        imported.append(package)
        return importlib.import_module(package)

    yield load
    for name in list(sys.modules):
        if any(name == p or name.startswith(p + ".") for p in imported):
            del sys.modules[name]
