"""sourcecheck-house-style: an example newsroom plugin for sourcecheck.

It adds one scorer, ``house_style``, with three rules about how sources are presented.
"""

from __future__ import annotations

from sourcecheck import Scorer, hookimpl

from sourcecheck_house_style.options import HouseStyleOptions
from sourcecheck_house_style.scorer import HouseStyleScorer

__all__ = ["HouseStyleOptions", "HouseStyleScorer", "sourcecheck_scorers"]


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    """Called once when an engine is built: the scorers this plugin adds."""
    return [HouseStyleScorer()]
