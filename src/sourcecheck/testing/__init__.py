"""Helpers for testing sourcecheck plugins (and sourcecheck itself).

``check_scorer(scorer)`` is the conformance run; ``make_engine(*plugins)`` builds an engine
with only the plugins named; ``registered(*plugins)`` adds plugins to every engine the CLI or
``sourcecheck.score`` builds while it is active. The pytest plugin
(:mod:`sourcecheck.testing.pytest_plugin`, loaded automatically when sourcecheck is
installed) wraps them as the ``sourcecheck_engine`` and ``sourcecheck_register`` fixtures.
"""

from __future__ import annotations

from sourcecheck.testing.conformance import (
    BUDGET_ENV,
    ConformanceError,
    ConformanceReport,
    check_scorer,
)
from sourcecheck.testing.engines import ScorerPlugin, make_engine, plugin_manager, registered
from sourcecheck.testing.inputs import conformance_inputs

__all__ = [
    "BUDGET_ENV",
    "ConformanceError",
    "ConformanceReport",
    "ScorerPlugin",
    "check_scorer",
    "conformance_inputs",
    "make_engine",
    "plugin_manager",
    "registered",
]
