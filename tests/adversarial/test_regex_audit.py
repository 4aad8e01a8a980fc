"""A regex audit of the analysis, prose, lint and scorer layers: no pattern may backtrack more than
linearly on text an adversary writes (nested or adjacent unbounded repeats, or a searched
pattern that restarts inside its own run), unless it was looked at and found safe below.

The audit reads patterns, not the text they meet, so it can be wrong both ways; each
allowance says why the flagged shape cannot cost more than linear time where it is used,
and the adversarial shapes time the cases it is about.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

import pytest

import sourcecheck.core.analysis
import sourcecheck.core.language
import sourcecheck.lint
import sourcecheck.prose
import sourcecheck.scorers
from sourcecheck.core.analysis import Analyzer, analyze
from sourcecheck.core.engine import Engine
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.scorers.anonymous_sources import AnonymousSourcesOptions, _Checker
from sourcecheck.testing.regex_audit import audit, audit_pattern

# Where a hazard was found -> why it is no hazard where the pattern is used.
ALLOWED = {
    "sourcecheck.core.analysis.hedges._ENTRY": (
        "parses a hedge lexicon entry (a line of config or of a plugin's lexicon), never "
        "article text"
    ),
    'sourcecheck.core.analysis.quotes._SINGLE_OPENED_BY["\'"]': (
        "a match starts only at a quote mark that follows no letter, and the run may hold a "
        "quote mark only between letters: no match starts inside another's run"
    ),
    "sourcecheck.core.analysis.speakers._RELATIVE": (
        "searched only in the 80 characters before a source: a constant window"
    ),
    "sourcecheck.core.analysis.speakers._WHO_INTRODUCED": (
        "searched only in the 1,500 characters after a lede's indefinite source ('a former "
        "party chairman'), and a match opens only where no word character stands before it: "
        "no match starts inside another's run"
    ),
    "sourcecheck.core.analysis.speakers._KIND_OF": (
        "searched only in the 50 characters before a kind acronym ('a super PAC'): a constant "
        "window"
    ),
    "sourcecheck.core.analysis.speakers._SPOKESPERSON_OF": (
        "matched only at the start of one source phrase, never searched; the lazy run stops at "
        "the first role word: 0.25 ms on a 2,000-character phrase (a sentence's cap)"
    ),
    "sourcecheck.core.analysis.speakers._COORDINATION": (
        "matched only at the start of one source phrase holding ' and ', never searched; each "
        "branch's run ends at one 'and': 0.6 ms on a 2,000-character phrase (a sentence's cap)"
    ),
    "sourcecheck.prose.markdown._HTML_TAG": (
        "a start inside the attributes' run is a '<' inside a quoted value, and a match from "
        "there fails at the end of that value (shapes md-tag-open, md-tag-quote-open)"
    ),
    "sourcecheck.prose.markdown._BARE_URL": (
        "a match fails after its run only when the run after 'http://' or 'www.' is all "
        "closing punctuation, which holds no other start (shape md-bare-urls)"
    ),
}


def _modules(*packages: ModuleType) -> list[ModuleType]:
    found = []
    for package in packages:
        found.append(package)
        if hasattr(package, "__path__"):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                found.append(importlib.import_module(info.name))
    return found


@pytest.fixture(scope="module")
def hazards() -> dict[str, list[str]]:
    modules = _modules(
        sourcecheck.core.analysis,
        sourcecheck.prose,
        sourcecheck.lint,
        sourcecheck.scorers,
        sourcecheck.core.language,
    )
    engine = Engine()
    # Patterns built for the lexicons in force live on these objects, not in modules.
    checker = _Checker(analyze("Officials said it."), AnonymousSourcesOptions(), Lexicons())
    found: dict[str, list[str]] = {}
    for hazard in audit(modules, Analyzer(), *engine.scorers, checker):
        found.setdefault(hazard.where, []).append(f"{hazard.kind}: {hazard.detail}")
    return found


def test_no_pattern_backtracks_more_than_linearly(hazards: dict[str, list[str]]) -> None:
    unexplained = {where: found for where, found in hazards.items() if where not in ALLOWED}
    assert unexplained == {}


def test_every_allowance_is_still_needed(hazards: dict[str, list[str]]) -> None:
    assert sorted(set(ALLOWED) - set(hazards)) == []


@pytest.mark.parametrize(
    ("pattern", "searched", "kind"),
    [
        (r"(a+)+", False, "nested"),
        (r"(\s*\w+)*", False, "nested"),
        (r"(?:[ab]+a)*", False, "nested"),
        (r"(?:x[xa]+a)*", False, "nested"),
        (r"(?:a*)*", False, "nested"),
        (r"\s*,?\s*x", False, "adjacent"),
        (r"\w+\d+!", False, "adjacent"),
        (r"\.\.*(?=\s)", True, "restart"),
        (r"<!--(.*?)-->", True, "restart"),
        (r"\s+(?:for|at)\b", True, "restart"),
    ],
)
def test_the_audit_flags_the_shapes_it_is_about(pattern: str, searched: bool, kind: str) -> None:
    found = audit_pattern(re.compile(pattern, re.S), searched=searched)
    assert kind in {found_kind for found_kind, _ in found}


@pytest.mark.parametrize(
    ("pattern", "searched"),
    [
        (r"(?:\s+[A-Z][a-z'’]+)+", False),
        (r"(?:x[ab]+a)*", True),
        (r"\n[^\S\n]*(?:\n[^\S\n]*)+", True),
        (r"(?:\s*,)?\s*x", False),
        (r"\s*,?\s*", False),  # nothing after it can fail: the first split stands
        (r"(?<!\s)\s+(?:for|at)\b", True),
        (r"\.(?<!\.\.)\.*(?=\s)", True),
        (r"[\w'’]+\Z", False),
    ],
)
def test_the_audit_passes_linear_shapes(pattern: str, searched: bool) -> None:
    assert audit_pattern(re.compile(pattern), searched=searched) == []
