"""attribution_clarity: are factual claims attributed, and to sources a reader could check?

Two things make attribution clear (AP, Reuters): the information is attributed in the
sentence that first states it, and the source is as specific as the reporting allows. A
named person with a role ("Ana Ruiz, the county's chief engineer") can be checked; "critics
say" cannot. The score is a weighted mean of the share of claims attributed and the mean
specificity of the attributions.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.analysis.needs_source import builtin_model, has_figure
from sourcecheck.core.models import Article, Attribution, Claim, Finding, ScorerResult
from sourcecheck.core.rules import Rule, declare_rules
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.scorers._sourcing import source_text

# How checkable each kind of source is, 1 = a reader can verify it. A named person with a
# role says who they are and why they would know; a document (a report, a filing, a poll)
# can be read. A bare name or an organisation is half-way there at best; an unnamed, vague
# or unknown source, or the writer, cannot be checked at all. On editors' readings of real
# news, the count of the first two was what tracked their judgement (docs/scorers.md).
DEFAULT_SPECIFICITY: dict[str, float] = {
    "named_person_with_role": 1.0,
    "document": 1.0,
    "named_person": 0.25,
    "named_organization": 0.25,
    "author": 0.0,
    "unknown": 0.0,
    "anonymous": 0.0,
    "vague": 0.0,
}


_NAMED = frozenset({"named_person", "named_organization", "document"})

_NEEDS_A_SOURCE = (
    "Background, public record, what the reporter saw, transitions and a quote's later "
    "sentences need no source: a model trained on editors' readings of real news decides "
    "which unattributed sentences do (docs/analysis.md). A finding the model is less sure "
    "of, and any finding in an opinion piece, is a suggestion."
)

RULES = declare_rules(
    Rule(
        id="unattributed-figure",
        severity="warning",
        summary="A sentence with a figure (a number that is not a date, year or time) needs a "
        "source and has none.",
        details=_NEEDS_A_SOURCE,
        why="Figures are what readers repeat and fact-checkers check first; a number without a "
        "source cannot be traced.",
        example="Pershing Square lost many of its biggest investors this year. Its assets "
        "have shrunk to $12 billion from $19 billion, and most of the losses came in the spring.",
        fix="Say where the number comes from ('according to the transit authority's annual "
        "report').",
    ),
    Rule(
        id="unattributed-claim",
        severity="warning",
        summary="A sentence in the writer's voice asserts something an editor would ask "
        "'says who?' about, and names no source.",
        details=_NEEDS_A_SOURCE,
        why="AP and Reuters attribute information at its first reference: the reader should "
        "know who says so, or how the reporter knows.",
        example="Many donors are increasingly frustrated with the campaign's strategy, and "
        "several have stopped giving.",
        fix="Say who says so ('the county said'), or how the reporter knows ('records show').",
    ),
    Rule(
        id="vague-attribution",
        severity="warning",
        summary="The source is a vague group ('critics', 'many people', 'experts').",
        why="A reader cannot check or weigh 'critics say': it can dress the writer's view as "
        "someone else's.",
        example="Critics said the plan would fail.",
        fix="Name them, or say how many, who they are and how they know.",
    ),
)


class AttributionClarityOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    share_weight: float = Field(
        default=0.2,
        ge=0.0,
        le=1.0,
        description="Weight of the attributed-claim share; the rest goes to checkable depth.",
    )
    depth_saturation: float = Field(
        default=8.0,
        gt=0.0,
        description="Checkable attributions (summed specificity) at which depth reaches 63%: "
        "depth = 1 - exp(-checkable / depth_saturation).",
    )
    opinion_factor: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Multiplies the score of an opinion piece: its claims rest on the writer.",
    )
    specificity: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_SPECIFICITY),
        description="Specificity (0-1) per source kind; unknown keys are an error.",
    )
    evidence_saturation: int = Field(
        default=8, ge=1, description="Claims at which confidence reaches 1."
    )

    @field_validator("specificity")
    @classmethod
    def _known_kinds(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = set(value) - set(DEFAULT_SPECIFICITY)
        if unknown:
            known = ", ".join(DEFAULT_SPECIFICITY)
            raise ValueError(f"unknown source kind {sorted(unknown)[0]!r} (known: {known})")
        if any(not 0.0 <= v <= 1.0 for v in value.values()):
            raise ValueError("specificity values must be between 0 and 1")
        return {**DEFAULT_SPECIFICITY, **value}


class AttributionClarityScorer(Scorer[AttributionClarityOptions]):
    name = "attribution_clarity"
    version = "1.0.0"
    description = "Share of factual claims that are attributed, and how specific the sources are."
    default_weight = 1.0
    Options = AttributionClarityOptions
    rules = RULES

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        options = self.options
        claims = analysis.claims
        # Attributions inside a quote are the speaker's sourcing, not the reporter's.
        attributions = [a for a in analysis.attributions if not a.in_quote]
        unattributed = [claim for claim in claims if not claim.attributed]
        attributed = len(claims) - len(unattributed)
        model = builtin_model()
        flagged = [claim for claim in unattributed if claim.needs_source >= model.threshold]
        kinds = [_kind(a) for a in attributions]
        table = options.specificity
        specificities = [table.get(kind, table["unknown"]) for kind in kinds]
        checkable = sum(specificities)
        mean_specificity = checkable / len(specificities) if specificities else 0.0
        # An opinion piece states its writer's views: a finding there is never more than a
        # suggestion, since the model cannot tell a view from a fact.
        sure = model.warning_threshold if analysis.genre != "opinion" else 2.0
        findings = [_unattributed(self, claim, sure) for claim in flagged]
        findings.extend(self._vague_findings(attributions))
        if not claims:
            return ScorerResult(
                score=1.0,
                confidence=0.0,
                summary="No factual claims found, so nothing needed attributing.",
                metrics=_metrics(0, 0, kinds, mean_specificity, checkable),
                findings=findings,
            )
        share = attributed / len(claims)
        weight = options.share_weight
        depth = 1.0 - math.exp(-checkable / options.depth_saturation)
        score = weight * share + (1.0 - weight) * depth
        if analysis.genre == "opinion":
            score *= options.opinion_factor
        return ScorerResult(
            score=_clamp(score),
            confidence=min(1.0, len(claims) / options.evidence_saturation),
            summary=(
                f"{attributed} of {len(claims)} factual claims attributed; "
                f"{checkable:.1f} checkable attributions (named people with a role, documents)"
                + ("; an opinion piece." if analysis.genre == "opinion" else ".")
            ),
            metrics=_metrics(len(claims), attributed, kinds, mean_specificity, checkable),
            findings=findings,
        )

    def _vague_findings(self, attributions: list[Attribution]) -> list[Finding]:
        # "Not everyone welcomed the timing. Marcus Bell, who owns a store, said ..." names
        # the group at once: an editor reads the vague sentence as a lead-in, not a source.
        named_at = {a.sentence for a in attributions if a.source_type in _NAMED}
        found: list[Finding] = []
        for attribution in attributions:
            if attribution.source_type != "vague" or attribution.sentence + 1 in named_at:
                continue
            who = source_text(attribution) or "this source"
            found.append(
                self.finding(
                    "vague-attribution",
                    f"'{who}' does not tell the reader who is speaking: name them, or say "
                    "how many, who they are and how they know.",
                    attribution.source or attribution.cue,
                    "warning",
                )
            )
        return found


def _unattributed(scorer: Scorer, claim: Claim, warning_threshold: float) -> Finding:
    """A finding for a claim the model says needs a source; a warning only when it is sure."""
    span = claim.span
    severity = "warning" if claim.needs_source >= warning_threshold else "suggestion"
    if has_figure(span.text):
        return scorer.finding(
            "unattributed-figure",
            "This figure has no source in its sentence: say where the number comes from.",
            span,
            severity,
        )
    return scorer.finding(
        "unattributed-claim",
        "This factual claim has no attribution in its sentence: say who says so, or how the "
        "reporter knows.",
        span,
        severity,
    )


def _kind(attribution: Attribution) -> str:
    """The attribution's source kind, as the specificity table names it."""
    kind = attribution.source_type
    if kind == "named_person" and attribution.role:
        return "named_person_with_role"
    return kind


def _metrics(
    claims: int, attributed: int, kinds: list[str], mean_specificity: float, checkable: float
) -> dict[str, float | int]:
    counts = {kind: 0 for kind in DEFAULT_SPECIFICITY}
    for kind in kinds:
        counts[kind if kind in counts else "unknown"] += 1
    return {
        "claims": claims,
        "attributed_claims": attributed,
        "attributed_share": round(attributed / claims, 4) if claims else 0.0,
        "attributions": len(kinds),
        "mean_specificity": round(mean_specificity, 4),
        "checkable_attributions": round(checkable, 4),
        **{f"sources_{kind}": n for kind, n in counts.items()},
    }


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [AttributionClarityScorer()]
