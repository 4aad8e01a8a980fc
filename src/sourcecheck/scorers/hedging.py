"""The ``hedging`` scorer: how much of the hedging is the writer's own.

Hedges in a source's words ("We *may* close the plant," the chief executive said) are
reporting: the story says how sure the source was. Hedges in the writer's voice ("the plant
*may* close") are the newsroom's own uncertainty, and an unattributed "reportedly" or
"critics say" hides who is uncertain. So the score falls with the weighted density of
writer-voice hedges; source-voice hedges cost a fraction of that (``source_weight``).

    density = (sum of writer cue weights + source_weight * sum of source cue weights)
              per 100 words
    score   = 1 / (1 + (max(0, density - allowance) / tolerance) ** steepness)

so a few hedges per article cost nothing (careful reporting does hedge), the score is 0.5
at ``allowance + tolerance`` and falls smoothly beyond it. See docs/hedging.md.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.analysis.hedges import normalise
from sourcecheck.core.models import (
    Article,
    Finding,
    Hedge,
    HedgeCategory,
    MetricValue,
    ScorerResult,
)
from sourcecheck.core.rules import Rule, declare_rules
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl

CATEGORY_ORDER: tuple[HedgeCategory, ...] = (
    "epistemic_modal",
    "speculative_verb",
    "evidential",
    "approximator",
    "conditional",
    "adverb",
    "weasel",
)

DEFAULT_CATEGORY_WEIGHTS: dict[HedgeCategory, float] = {
    "epistemic_modal": 1.0,
    "speculative_verb": 1.0,
    "adverb": 1.0,
    # Hiding who holds the doubt is worse than having it.
    "evidential": 1.5,
    "weasel": 1.5,
    # "about 40" and "if approved" are usually honest precision, not doubt.
    "approximator": 0.5,
    "conditional": 0.5,
}

DEFAULT_QUIET_CATEGORIES: tuple[HedgeCategory, ...] = ("approximator", "conditional")

# Evidentials that report hearsay: with nobody named in the sentence, the reader cannot
# tell who reported, alleged or rumoured it.
DEFAULT_REPORT_CUES = [
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "reputedly",
    "rumored",
    "rumoured",
    "is said",
    "are said",
    "was said",
    "were said",
    "unconfirmed reports",
]


RULES = declare_rules(
    Rule(
        id="evidential",
        severity="warning",
        summary="A report cue ('reportedly', 'allegedly', 'is said to' ...) in the writer's "
        "voice with no attribution in its sentence.",
        why="'Reportedly' hides who reported it: the reader cannot tell whose claim it is, "
        "or check it.",
        example="The mayor reportedly plans to resign.",
        fix="Say who reported or alleged it ('The Gazette reported that ...'), or drop it.",
    ),
    Rule(
        id="weasel",
        severity="warning",
        summary="A vague or agentless attribution in the writer's voice ('critics say', "
        "'is widely believed').",
        why="It dresses a view as many people's without saying whose: the reader cannot weigh it.",
        example="It is widely believed that the plan will fail.",
        fix="Name the people, or say how many and who they are.",
    ),
    Rule(
        id="writer-hedge",
        severity="suggestion",
        summary="Any other hedge in the writer's voice, with its category.",
        details="Not for categories listed in `quiet_categories`. Hedges in a source's words "
        "are the source's and produce no finding.",
        why="A hedge in the writer's voice is the newsroom's own doubt: fine when the doubt is "
        "real, but it should not stand in for reporting.",
        example="The bridge may close next year.",
        fix="Say who is uncertain, or state the fact plainly.",
    ),
    Rule(
        id="stacked",
        severity="suggestion",
        summary="A sentence with `stack_threshold` (3) or more writer-voice hedges "
        "('could possibly fail, perhaps by June'); the span is the sentence.",
        why="One hedge says how sure the story is; several blur the claim until it says nothing.",
        example="The plan could possibly fail, perhaps by June.",
        fix="Keep the one hedge the doubt needs.",
    ),
)


class HedgingOptions(BaseModel):
    """Options of the ``hedging`` scorer: ``[tool.sourcecheck.scorer.hedging]``."""

    model_config = ConfigDict(extra="forbid")

    # Defaults checked on ReCOVery (benchmarks/hedging_recovery.py): the median article of
    # reliable outlets has about 0.55 weighted hedges per 100 words and scores about 0.92;
    # a quarter of unreliable-outlet articles pass 1.1 and score under about 0.6.
    writer_density_allowance: float = Field(
        default=0.25,
        ge=0,
        description="Weighted hedges per 100 words that cost nothing.",
    )
    writer_density_tolerance: float = Field(
        default=1.0,
        gt=0,
        description="Weighted hedges per 100 words, beyond the allowance, that halve the score.",
    )
    steepness: float = Field(
        default=2.0, gt=0, description="How sharply the score falls around the tolerance."
    )
    source_weight: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="What a hedge in a source's words costs, relative to the writer's own.",
    )
    category_weights: dict[HedgeCategory, float] = Field(
        default_factory=lambda: dict(DEFAULT_CATEGORY_WEIGHTS),
        description="Cost of one cue per category; categories left out keep their default.",
    )
    report_cues: list[str] = Field(
        default_factory=lambda: list(DEFAULT_REPORT_CUES),
        description="Evidential cues flagged when no attribution shares their sentence.",
    )
    quiet_categories: list[HedgeCategory] = Field(
        # "about 40" is precision and "if approved" states a condition: an editor does not
        # ask the writer to remove either, so they cost a little but are not flagged.
        default_factory=lambda: list(DEFAULT_QUIET_CATEGORIES),
        description="Categories that still count in the score but get no writer-hedge finding.",
    )
    stack_threshold: int = Field(
        default=3,
        ge=2,
        description="Writer-voice hedges (approximators aside) in one sentence that make a stack.",
    )
    confidence_words: float = Field(
        default=300.0,
        gt=0,
        description="Word count at which confidence reaches 1 - 1/e (about 0.63).",
    )

    def weight(self, category: HedgeCategory) -> float:
        return self.category_weights.get(category, DEFAULT_CATEGORY_WEIGHTS[category])


class HedgingScorer(Scorer[HedgingOptions]):
    name = "hedging"
    version = "1.0.0"
    description = "Hedges in the writer's own voice per 100 words; sources' hedges cost less."
    default_weight = 0.25
    Options = HedgingOptions
    rules = RULES

    @property
    def settings(self) -> HedgingOptions:
        return self.options

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        opts = self.settings
        words = analysis.word_count
        writer: list[Hedge] = []
        source: list[Hedge] = []
        for hedge in analysis.hedges:
            if hedge.voice == "writer":
                writer.append(hedge)
            elif hedge.voice == "source":
                source.append(hedge)
        weighted = _weighted_count(writer, opts) + opts.source_weight * _weighted_count(
            source, opts
        )
        density = _per_100_words(weighted, words)
        score = density_score(density, opts)
        findings = self._findings(writer, analysis, opts)
        return ScorerResult(
            score=score,
            confidence=1.0 - math.exp(-words / opts.confidence_words),
            summary=(
                f"{_per_100_words(len(writer), words):.1f} writer-voice hedges per 100 words "
                f"({len(writer)} in the writer's voice, {len(source)} in sources' words)"
            ),
            metrics=_metrics(writer, source, words, density, findings),
            findings=findings,
        )

    def _findings(
        self, writer: list[Hedge], analysis: Analysis, opts: HedgingOptions
    ) -> list[Finding]:
        attributed = {a.sentence for a in analysis.attributions}
        report_cues = _normalised(tuple(opts.report_cues))
        findings = []
        for hedge in writer:
            cue = hedge.span.text
            if hedge.category == "weasel":
                findings.append(
                    self.finding("weasel", f"'{cue}': who, exactly? Name them.", hedge.span)
                )
            elif (
                hedge.category == "evidential"
                and normalise(cue) in report_cues
                and hedge.sentence not in attributed
            ):
                message = f"'{cue}' with no source in the sentence: who reported it?"
                findings.append(self.finding("evidential", message, hedge.span))
            elif hedge.category not in opts.quiet_categories:
                message = f"'{cue}' ({hedge.category.replace('_', ' ')}) in the writer's voice"
                findings.append(
                    self.finding("writer-hedge", message, hedge.span, severity="suggestion")
                )
        findings.extend(self._stacks(writer, analysis, opts))
        return sorted(findings, key=lambda f: (f.span.start if f.span else -1, f.rule))

    def _stacks(
        self, writer: list[Hedge], analysis: Analysis, opts: HedgingOptions
    ) -> list[Finding]:
        """One finding per sentence that hedges itself ``stack_threshold`` times or more.

        "The plan could possibly perhaps fail" says less than any one of its hedges;
        approximators are left out because "about 40 of some 300" is precision, not doubt.
        """
        per_sentence = Counter(h.sentence for h in writer if h.category != "approximator")
        findings = []
        for index, count in sorted(per_sentence.items()):
            if count >= opts.stack_threshold and index < len(analysis.sentences):
                span = analysis.sentences[index].span
                message = f"{count} hedges in one sentence: keep the one the doubt needs"
                findings.append(self.finding("stacked", message, span, severity="suggestion"))
        return findings


@lru_cache(maxsize=16)
def _normalised(cues: tuple[str, ...]) -> frozenset[str]:
    # Cached: the same configured cues for every article.
    return frozenset(normalise(cue) for cue in cues)


def density_score(density: float, opts: HedgingOptions) -> float:
    """The smooth map from weighted hedges per 100 words to a score in [0, 1]."""
    excess = max(0.0, density - opts.writer_density_allowance)
    return 1.0 / (1.0 + (excess / opts.writer_density_tolerance) ** opts.steepness)


def _weighted_count(hedges: list[Hedge], opts: HedgingOptions) -> float:
    return sum(opts.weight(h.category) for h in hedges)


def _per_100_words(count: float, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def _metrics(
    writer: list[Hedge],
    source: list[Hedge],
    words: int,
    weighted_density: float,
    findings: list[Finding],
) -> dict[str, MetricValue]:
    """Flat, typed numbers a researcher can put in a table column by column."""
    rules = Counter(f.rule.rsplit("/", 1)[-1] for f in findings)
    writer_by = Counter(h.category for h in writer)
    source_by = Counter(h.category for h in source)
    metrics: dict[str, MetricValue] = {
        "words": words,
        "writer_hedges": len(writer),
        "source_hedges": len(source),
        "writer_density": round(_per_100_words(len(writer), words), 4),
        "source_density": round(_per_100_words(len(source), words), 4),
        "weighted_density": round(weighted_density, 4),
        "unsourced_evidentials": rules["evidential"],
        "weasels": rules["weasel"],
        "stacked_sentences": rules["stacked"],
    }
    for category in CATEGORY_ORDER:
        metrics[f"writer_{category}"] = writer_by[category]
    for category in CATEGORY_ORDER:
        metrics[f"source_{category}"] = source_by[category]
    return metrics


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [HedgingScorer()]
