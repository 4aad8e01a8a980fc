"""Every hook a sourcecheck plugin can implement.

Each hook is documented in ``docs/plugins/hooks.md``; a test fails if one is missing there.
Registration hooks return lists of typed objects; only pick-one hooks are ``firstresult``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from sourcecheck.core.analysis import Analysis
    from sourcecheck.core.combiners import Combiner
    from sourcecheck.core.config import Config
    from sourcecheck.core.models import Article
    from sourcecheck.core.scorer import Scorer
    from sourcecheck.loaders.base import Loader
    from sourcecheck.reporters.base import Reporter

PROJECT = "sourcecheck"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def sourcecheck_scorers() -> list[Scorer]:
    """Return the scorers this plugin provides (instances of :class:`sourcecheck.Scorer`)."""


@hookspec
def sourcecheck_lexicons() -> dict[str, Any]:
    """Return lexicon additions: ``{name: [phrase, ...]}`` or ``{name: {category: [...]}}``."""


@hookspec
def sourcecheck_enrich_analysis(article: Article, analysis: Analysis) -> None:
    """Add to the shared analysis before scorers run; store results in ``analysis.extras``."""


@hookspec
def sourcecheck_loaders() -> list[Loader]:
    """Return input loaders, each claiming file suffixes (``.txt``, ``.md``, ...)."""


@hookspec
def sourcecheck_reporters() -> list[Reporter]:
    """Return output reporters, each with a unique format name (``json``, ``sarif``, ...)."""


@hookspec(firstresult=True)
def sourcecheck_combiner(config: Config) -> Combiner | None:
    """Return the combiner that turns scorer results into the overall score, or None."""
