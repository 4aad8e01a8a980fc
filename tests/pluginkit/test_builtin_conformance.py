"""sourcecheck's own scorers pass the same conformance run third-party scorers must pass."""

from __future__ import annotations

import pytest

from sourcecheck.core.scorer import Scorer
from sourcecheck.testing import check_scorer, plugin_manager

BUILTIN_SCORERS = {"attribution_clarity", "hedging", "corroboration", "anonymous_sources"}


def builtin_scorers() -> dict[str, Scorer]:
    manager = plugin_manager(builtins=True)
    builtin = {info.name for info in manager.infos if info.origin == "builtin"}
    return {
        scorer.name: scorer
        for plugin, scorers in manager.call_each("sourcecheck_scorers")
        if plugin in builtin
        for scorer in scorers
    }


def test_the_four_builtin_scorers_are_all_checked() -> None:
    assert set(builtin_scorers()) >= BUILTIN_SCORERS


@pytest.mark.parametrize("name", sorted(builtin_scorers()))
def test_builtin_scorer_passes_check_scorer(name: str) -> None:
    report = check_scorer(builtin_scorers()[name])
    assert report.words["huge"] >= 20_000  # the huge input really was scored
