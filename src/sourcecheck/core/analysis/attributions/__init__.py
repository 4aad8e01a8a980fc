"""Attributions: who said what. Each is a source span, a cue span and a content span.

The finder is cue-driven. One trie-factored regex finds every report verb ("said",
"told", "believes", "according to") in the article; each is then read in its sentence:

* the source just before the cue (``Smith said``, ``a senior official, who ..., said``,
  ``Maria Lopez, a former deputy director of the agency, said``), else just after it when
  the cue follows a quote or a comma (``"...," said Smith, a former aide``);
* the content after the cue (a quote, a ``that`` clause, reported speech without ``that``)
  or, when the cue closes the clause, before the source (``"...," he said``);
* ``according to X`` and ``citing X`` take their source after the cue, and make the other
  attributions of the sentence second-hand (``via``).

Sources are typed and pronouns and descriptions resolved afterwards, in one pass over the
article (see ``speakers.py``). Every regex runs on a bounded window around the cue, so the
cost is linear.

The package is split by stage; each step of reading a cue takes its ``Cue`` context:

* ``context``: what the stages share (``Cue``, ``Found``, ``Speaker``, ``QuoteIndex``);
* ``cues``: which words the cue pattern found are cues, and how far a cue's words reach;
* ``source``: the patterns and tests that find a cue's source;
* ``content``: what was said;
* ``linking``: nested and second-hand attributions, and the drafts handed on;
* ``finder``: ``AttributionFinder``, the pass over the article.
"""

from sourcecheck.core.analysis.attributions.content import (
    _CLAUSE_START,
    _SKIP_AFTER_CUE,
    _SKIP_BODY,
)
from sourcecheck.core.analysis.attributions.context import MAX_CUES_PER_SENTENCE, WINDOW, Cue, Found
from sourcecheck.core.analysis.attributions.finder import AttributionFinder
from sourcecheck.core.analysis.attributions.source import (
    _NAME_AFTER,
    _PRONOUN_AFTER,
    ends_with_and,
    ends_with_gap,
)

# The names these helpers had before the split, which the tests import.
_ends_with_and = ends_with_and
_ends_with_gap = ends_with_gap

# The private names are the patterns and helpers the tests check by name.
__all__ = [
    "MAX_CUES_PER_SENTENCE",
    "WINDOW",
    "_CLAUSE_START",
    "_NAME_AFTER",
    "_PRONOUN_AFTER",
    "_SKIP_AFTER_CUE",
    "_SKIP_BODY",
    "AttributionFinder",
    "Cue",
    "Found",
    "_ends_with_and",
    "_ends_with_gap",
    "ends_with_and",
    "ends_with_gap",
]
