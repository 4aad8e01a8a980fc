"""Helpers for the linter tests: run ``sourcecheck check`` with the test scorers only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sourcecheck.cli import main

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
PLUGINS = HERE / "plugins"
CONFIG = FIXTURES / "sourcecheck.toml"


@dataclass
class Outcome:
    code: int
    out: str
    err: str


RunCheck = Callable[..., Outcome]


@pytest.fixture(autouse=True)
def _isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    # Never pick up plugins installed in the environment, nor a strict-mode setting.
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "")
    monkeypatch.delenv("SOURCECHECK_STRICT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def run_check(capsys: pytest.CaptureFixture[str]) -> RunCheck:
    """Run ``sourcecheck check ARGS`` in-process with the probe scorers; capture output."""

    def run(*args: str) -> Outcome:
        argv = ["check", *args, "--plugins-dir", str(PLUGINS)]
        if "--config" not in args:
            argv += ["--config", str(CONFIG)]
        code = main(argv)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run
