"""Bad inputs written the way a user would hand them to the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sourcecheck.cli import main

GOOD_STORY = (
    "Council delays the ferry contract\n\n"
    "The county council voted 6-3 on Tuesday to delay the ferry contract, the clerk said. "
    '"We need another month to read the bids," said council leader Maria Okafor. '
    "Two bidders declined to comment, according to the council's minutes.\n"
)

FRENCH_STORY = (
    "Le conseil municipal a voté mardi le report du contrat du bac, a déclaré le greffier. "
    "« Nous avons besoin d'un mois de plus pour lire les offres », a dit la présidente. "
    "Deux candidats n'ont pas souhaité réagir, selon le procès-verbal de la séance.\n"
)


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


RunCli = Callable[..., Outcome]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """``sourcecheck ARGS`` in-process, as the console script runs it (through run_main)."""

    def run(*args: str | Path) -> Outcome:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture
def good_story(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(GOOD_STORY, encoding="utf-8")
    return path


def assert_one_line_errors(outcome: Outcome) -> None:
    """Every stderr line is a sourcecheck error or warning; nothing like a traceback."""
    assert "Traceback" not in outcome.err
    for line in outcome.err_lines:
        assert line.startswith(("sourcecheck: error: ", "sourcecheck: warning: ")), line
