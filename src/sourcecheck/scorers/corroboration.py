"""corroboration: how many independent sources does the story rest on, and do they agree?

"Two sources are better than one" (Reuters, AP). The scorer reads the article's sources
from the analysis (``Analysis.sources``: the same person named twice is one source; a
spokesperson and their organisation, a quote relayed through another outlet count as one
voice, see :func:`sourcecheck.scorers._sourcing.voices`), then measures

- the *effective* number of independent sources: the weighted count (an anonymous source
  counts half) scaled by how evenly the story leans on them (exp of the entropy), so ten sources of which one
  supplies nine quotes count for little more than one. Vague groups ("critics say"), the
  writer's own voice, sources the analysis could not identify and attributions inside
  someone else's quote are not sources the reporter can be credited with, and do not count;
- the share of attributed claims backed by more than one independent source: two sources in
  the claim's sentence (also "according to both the authority and the mayor's office"), or
  a second source confirming it ("the ministry confirmed", "the Courier also reported").

Cross-article corroboration plugs in through a *corpus index* (see ``docs/scorers.md``):
an object with ``corroborations(article, analysis) -> {claim index: other outlets}``, given
to the scorer or put in ``analysis.extras["corpus"]`` by an analysis enricher.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, Attribution, Finding, ScorerResult, Span
from sourcecheck.core.rules import Rule, declare_rules
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.scorers._sourcing import Voices, sentence_span, voices

CORPUS_EXTRA = "corpus"

# A cue that says this source backs up what another said.
_CONFIRMS = re.compile(
    r"confirm|corroborat|verif|echo|agree|backed|support|also \w+|separately|"
    r"independently",
    re.I,
)
# Claims before a confirming sentence that it may refer back to.
_CONFIRM_LOOKBACK = 2


RULES = declare_rules(
    Rule(
        id="no-sources",
        severity="warning",
        summary="The story has claims and no identifiable source.",
        why="Every claim then rests on the writer alone; the reader cannot tell how anything "
        "is known.",
        example="The bridge will close in June. Repairs will cost $4 million.",
        fix="Add named sources for the claims, or say how the reporter knows.",
    ),
    Rule(
        id="single-source",
        severity="warning",
        summary="Every attribution goes back to one source.",
        why="'Two sources are better than one' (Reuters, AP): one source's account is "
        "unconfirmed, however well placed the source.",
        example="The bridge will close in June, Mayor Ana Ruiz said. Repairs will take six "
        "weeks, Ruiz said.",
        fix="Confirm the story with at least one independent source.",
    ),
    Rule(
        id="dominant-source",
        severity="suggestion",
        summary="One source has at least `dominant_share` (75%) of at least "
        "`dominant_min_attributions` (4) attributions.",
        why="A story that leans on one voice reads as that source's account, even when others "
        "are quoted.",
        example="The bridge will close, Mayor Ana Ruiz said. It will reopen in May, Ruiz "
        "said. Costs will rise, Ruiz said. Traffic will use Elm Street, Ruiz said. Tom Lee, a "
        "resident, said he was worried.",
        fix="Give the other sources more weight, or add independent ones.",
    ),
)


@runtime_checkable
class CorpusIndex(Protocol):
    """Finds the same claims in other articles of a corpus.

    ``corroborations`` returns, for indexes into ``analysis.claims``, how many other
    independent outlets report the same claim. Claims left out count as zero.
    """

    def corroborations(self, article: Article, analysis: Analysis) -> Mapping[int, int]: ...


class CorroborationOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    anonymous_weight: float = Field(
        default=0.5, ge=0, le=1, description="How much an anonymous source counts as one."
    )
    diversity_decay: float = Field(
        default=0.6,
        gt=0,
        lt=1,
        description="Each extra effective source closes this fraction of the remaining gap.",
    )
    corroboration_weight: float = Field(
        default=0.25, ge=0, le=1, description="Weight of corroborated claims in the score."
    )
    dominant_share: float = Field(
        default=0.75, gt=0, le=1, description="Top source share that triggers dominant-source."
    )
    dominant_min_attributions: int = Field(default=4, ge=2)
    evidence_saturation: int = Field(
        default=6, ge=1, description="Attributions at which confidence reaches 1."
    )
    use_corpus: bool = Field(
        default=True, description="Count cross-article corroboration when a corpus is present."
    )
    corpus_min_outlets: int = Field(
        default=1, ge=1, description="Other outlets needed for a claim to count as corroborated."
    )


class CorroborationScorer(Scorer[CorroborationOptions]):
    name = "corroboration"
    version = "1.0.0"
    description = "Distinct independent sources, and claims backed by more than one of them."
    default_weight = 0.5
    Options = CorroborationOptions
    rules = RULES

    def __init__(self, corpus_index: CorpusIndex | None = None) -> None:
        self.corpus_index = corpus_index

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        options = self.options
        groups = voices(analysis)
        # Only an attributed claim can be corroborated: counting an unattributed claim that
        # other outlets report (or a claim index the article does not have) made
        # corroborated_claims exceed attributed_claims and the share reach 4.0.
        attributed_claims = {i for i, claim in enumerate(analysis.claims) if claim.attributed}
        corroborated = _corroborated_in_article(analysis, groups) & attributed_claims
        corpus = self._corpus_counts(article, analysis) if options.use_corpus else None
        from_corpus = {
            claim
            for claim, n in (corpus or {}).items()
            if n >= options.corpus_min_outlets and claim in attributed_claims
        }
        attributed = len(attributed_claims)
        backed = corroborated | from_corpus
        effective = _effective_sources(groups, options)
        share = len(backed) / attributed if attributed else 0.0
        weight = options.corroboration_weight
        score = (1 - weight) * _diversity(effective, options.diversity_decay) + weight * min(
            1.0, 2 * share
        )
        kinds = Counter(groups.kinds.values())
        metrics = {
            "independent_sources": groups.count,
            "named_sources": kinds["person"] + kinds["organization"],
            "document_sources": kinds["document"],
            "anonymous_sources": kinds["anonymous"],
            "unidentified_attributions": sum(
                1 for a in analysis.attributions if a.source_type == "unknown" and not a.in_quote
            ),
            "effective_sources": round(effective, 4),
            "top_source_share": round(_top_share(groups), 4),
            "attributed_claims": attributed,
            "corroborated_claims": len(backed),
            "corroborated_share": round(share, 4),
            "corpus_used": corpus is not None,
            "corpus_corroborated_claims": len(from_corpus) if corpus is not None else None,
        }
        return ScorerResult(
            score=min(1.0, max(0.0, score)),
            confidence=self._confidence(analysis, groups, options),
            summary=(
                f"{groups.count} independent sources ({effective:.1f} effective); "
                f"{len(backed)} of {attributed} attributed claims corroborated."
            ),
            metrics=metrics,
            findings=self._findings(analysis, groups, options),
        )

    def _corpus_counts(self, article: Article, analysis: Analysis) -> Mapping[int, int] | None:
        source = analysis.extras.get(CORPUS_EXTRA, self.corpus_index)
        if source is None:
            return None
        if isinstance(source, CorpusIndex):
            return source.corroborations(article, analysis)
        if isinstance(source, Mapping) and isinstance(source.get("claims"), list):
            return _outlets_per_claim(source["claims"], analysis)
        if isinstance(source, Mapping) and all(
            isinstance(k, int) and isinstance(v, int) for k, v in source.items()
        ):
            return source
        raise TypeError(
            f"analysis.extras[{CORPUS_EXTRA!r}] must be a CorpusIndex, a claim-index match "
            "report ({'claims': [{'sentence', 'matches'}]}) or a mapping of claim index to "
            f"outlet count, not {type(source).__name__}"
        )

    def _confidence(
        self, analysis: Analysis, groups: Voices, options: CorroborationOptions
    ) -> float:
        sourced = sum(len(members) for members in groups.members.values())
        # With no sources at all, the evidence is the unsourced claims themselves.
        evidence = sourced if sourced else len(analysis.claims) / 2
        return min(1.0, evidence / options.evidence_saturation)

    def _findings(
        self, analysis: Analysis, groups: Voices, options: CorroborationOptions
    ) -> list[Finding]:
        if groups.count == 0:
            if not analysis.claims:
                return []
            return [
                self.finding(
                    "no-sources",
                    "Nothing in this story is attributed to a source: add named sources "
                    "for its claims, or say how the reporter knows.",
                    analysis.claims[0].span,
                    "warning",
                )
            ]
        first = _first_mention(analysis, groups, 0)
        if groups.count == 1:
            return [
                self.finding(
                    "single-source",
                    f"Every attribution goes back to one source ('{groups.labels[0]}'): "
                    "confirm the story with at least one independent source.",
                    first,
                    "warning",
                )
            ]
        top_group, top_count = _top(groups)
        total = sum(len(m) for m in groups.members.values())
        if total >= options.dominant_min_attributions and top_count / total >= (
            options.dominant_share
        ):
            return [
                self.finding(
                    "dominant-source",
                    f"{top_count} of {total} attributions go back to "
                    f"'{groups.labels[top_group]}': give the other sources more weight.",
                    _first_mention(analysis, groups, top_group),
                    "suggestion",
                )
            ]
        return []


def _outlets_per_claim(matched: list[Any], analysis: Analysis) -> dict[int, int]:
    """Distinct other outlets per claim, from the claim index's per-sentence match report."""
    claim_of_sentence = {claim.sentence: i for i, claim in enumerate(analysis.claims)}
    counts: dict[int, int] = {}
    for entry in matched:
        claim = claim_of_sentence.get(entry.get("sentence")) if isinstance(entry, Mapping) else None
        if claim is None:
            continue
        # Several articles from one outlet are one outlet's reporting, not independent.
        outlets = {m.get("outlet") or m.get("article_id") for m in entry.get("matches") or []}
        counts[claim] = len(outlets - {None})
    return counts


def _corroborated_in_article(analysis: Analysis, groups: Voices) -> set[int]:
    """Indexes of claims backed by two or more independent sources within the article."""
    group_of = groups.group_of
    attributions = analysis.attributions
    # Each claim's valid attribution indexes, and their groups. Most claims have none, and
    # share one empty tuple and set rather than each making its own.
    claim_sources = [
        [i for i in claim.attributions if 0 <= i < len(group_of)] if claim.attributions else ()
        for claim in analysis.claims
    ]
    claimed_by = groups.claimed_by
    claim_groups = [
        {group for i in indexes for group in claimed_by.get(i, ())} if indexes else _NO_GROUPS
        for indexes in claim_sources
    ]
    backed = {index for index, found in enumerate(claim_groups) if len(found) >= 2}
    body = analysis.body
    for index, indexes in enumerate(claim_sources):
        if not indexes or not any(_confirms(body, attributions[i]) for i in indexes):
            continue
        for earlier in range(max(0, index - _CONFIRM_LOOKBACK), index):
            # A confirming source that is not the earlier claim's own source backs it up.
            if claim_groups[earlier] and claim_groups[index] - claim_groups[earlier]:
                backed.update((earlier, index))
    return backed


_NO_GROUPS: frozenset[int] = frozenset()


def _confirms(body: str, attribution: Attribution) -> bool:
    """A confirming cue, or 'also'/'separately' between the source and the cue ("the
    Courier also reported")."""
    cue = attribution.cue
    if cue is None:
        return False
    if _confirming_cue(cue.text):
        return True
    source = attribution.source
    if source is None or not 0 < cue.start - source.end <= 30:
        return False
    return _confirming_cue(body[source.end : cue.start].strip() + " said")


@lru_cache(maxsize=1024)
def _confirming_cue(text: str) -> bool:
    # Cached: cues are a few dozen verbs ("said", "confirmed") over and over.
    return _CONFIRMS.search(text) is not None


def _effective_sources(groups: Voices, options: CorroborationOptions) -> float:
    """Weighted distinct sources, scaled by evenness: exp(Shannon entropy) / count.

    The exponential of the entropy of attributions per source (the Hill number of order 1)
    is the number of equally used sources the story is worth. It is gentler on a profile
    that quotes its subject often and four others once than the inverse Simpson index,
    and still reduces a story where one source supplies nearly everything to about one.
    """
    if groups.count == 0:
        return 0.0
    weight = {"anonymous": options.anonymous_weight}
    weighted = sum(weight.get(kind, 1.0) for kind in groups.kinds.values())
    sizes = [len(members) for members in groups.members.values()]
    total = sum(sizes)
    entropy = -sum(size / total * math.log(size / total) for size in sizes)
    return weighted * math.exp(entropy) / groups.count


def _diversity(effective: float, decay: float) -> float:
    """0 for no source, 0.2 for one, approaching 1 as independent sources add up."""
    if effective < 1.0:
        return 0.2 * effective
    return 1.0 - 0.8 * decay ** (effective - 1.0)


def _top(groups: Voices) -> tuple[int, int]:
    """The group with the most attributions (the first of equals) and how many it has."""
    group, members = max(groups.members.items(), key=lambda item: len(item[1]))
    return group, len(members)


def _top_share(groups: Voices) -> float:
    if groups.count == 0:
        return 0.0
    total = sum(len(m) for m in groups.members.values())
    return _top(groups)[1] / total


def _first_mention(analysis: Analysis, groups: Voices, group: int) -> Span | None:
    attribution = analysis.attributions[groups.members[group][0]]
    return attribution.source or attribution.cue or sentence_span(analysis, attribution.sentence)


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [CorroborationScorer()]
