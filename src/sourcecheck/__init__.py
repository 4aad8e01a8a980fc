"""sourcecheck: score how well a news article sources its claims.

The public API::

    import sourcecheck
    report = sourcecheck.score("The mayor said on Monday that ...")
    print(report.score, report.band)

Plugins implement hooks marked with :data:`hookimpl` and usually subclass :class:`Scorer`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sourcecheck._version import __version__
from sourcecheck.core.analysis import Analysis, Analyzer
from sourcecheck.core.config import Config, load_config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import ConfigError, InputError, SkipScorer, SourcecheckError
from sourcecheck.core.hookspecs import hookimpl
from sourcecheck.core.models import (
    Article,
    Attribution,
    Claim,
    Finding,
    Hedge,
    Report,
    ScorerReport,
    ScorerResult,
    Span,
)
from sourcecheck.core.rules import Rule, declare_rules
from sourcecheck.core.scorer import Scorer

__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "Attribution",
    "Claim",
    "Config",
    "ConfigError",
    "Engine",
    "Finding",
    "Hedge",
    "InputError",
    "Report",
    "Rule",
    "Scorer",
    "ScorerReport",
    "ScorerResult",
    "SkipScorer",
    "SourcecheckError",
    "Span",
    "__version__",
    "declare_rules",
    "hookimpl",
    "load_config",
    "score",
]

_default_engine: Engine | None = None


def score(article: Article | str, config: Config | Mapping[str, Any] | None = None) -> Report:
    """Score one article (or a plain text body) with the installed scorers.

    ``config`` is a :class:`Config` or a mapping of the same keys as ``[tool.sourcecheck]``
    (``{"disable": ["hedging"]}``); a bad key or value raises :class:`ConfigError`.
    """
    global _default_engine
    if config is not None:
        return Engine(Config.from_mapping(config)).score(article)
    if _default_engine is None:
        _default_engine = Engine()
    return _default_engine.score(article)
