"""Test-wide isolation: no plugin installed on this machine is ever loaded by accident."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Set at import time too, so anything built while tests are collected is isolated as well.
os.environ["SOURCECHECK_LOAD_PLUGINS"] = ""
os.environ.pop("SOURCECHECK_STRICT", None)


@pytest.fixture(autouse=True)
def _isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "")
    monkeypatch.delenv("SOURCECHECK_STRICT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield
