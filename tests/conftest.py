"""Test-wide isolation: no plugin installed on this machine is ever loaded by accident."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Set at import time too, so anything built while tests are collected is isolated as well.
os.environ["SOURCECHECK_LOAD_PLUGINS"] = ""
os.environ.pop("SOURCECHECK_STRICT", None)

# CI tries the same examples on every run, so a red build means a change broke something;
# local runs keep exploring new ones (that is how a fold-count bug in calibration was found).
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "")
    monkeypatch.delenv("SOURCECHECK_STRICT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield
