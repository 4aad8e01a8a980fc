"""Helpers for the calibration tests: a tiny scorer plugin and labelled articles we wrote."""

from __future__ import annotations

import random
from pathlib import Path

from sourcecheck import Article, Config, Scorer, ScorerResult, hookimpl
from sourcecheck.calibration.model import (
    CalibrationModel,
    CrossValidation,
    Feature,
    Regularization,
    TrainingData,
)
from sourcecheck.core.engine import Engine
from sourcecheck.plugins.manager import PluginManager

# A scorer a newsroom might write: counts attribution cues. Real built-in scorers are
# placeholders on this branch, so the end-to-end tests need one whose score varies.
CUE_PLUGIN = """
import re
from sourcecheck import Scorer, ScorerResult, hookimpl

CUES = re.compile(r"\\b(said|told|according to)\\b")

class CueScorer(Scorer):
    name = "cues"
    version = "1.0"
    description = "attribution cues per sentence"

    def score(self, article, analysis):
        sentences = max(1, article.body.count("."))
        cues = len(CUES.findall(article.body))
        return ScorerResult(
            score=min(1.0, cues / sentences),
            metrics={"cue_count": cues, "exclaims": article.body.count("!")},
        )

@hookimpl
def sourcecheck_scorers():
    return [CueScorer()]
"""

SOURCED = [
    '"We will reopen the bridge on Monday," said Dana Whitfield, the county engineer.',
    "According to the transport department, repairs cost $2.1 million.",
    "The mayor told reporters the inspection found no new cracks.",
    "Council minutes show the vote passed six to one.",
    "Traffic on the detour rose by a third, the police said.",
]
UNSOURCED = [
    "Everyone knows the bridge was never safe!",
    "The repairs are a scandal and a waste of money.",
    "Nobody in charge cares about drivers!",
    "The detour is chaos and it will only get worse.",
    "Council minutes show the vote passed six to one.",
]


def synthetic_records(outlets: int = 8, per_outlet: int = 5, seed: int = 7) -> list[dict]:
    """Half the outlets write sourced copy (label 1), half do not (label 0), with overlap."""
    rng = random.Random(seed)
    records = []
    for outlet in range(outlets):
        reliable = outlet % 2 == 0
        for number in range(per_outlet):
            # Mostly from the outlet's own style, sometimes from the other: not separable.
            pool = [SOURCED if reliable or rng.random() < 0.2 else UNSOURCED for _ in range(4)]
            body = " ".join(rng.choice(sentences) for sentences in pool)
            records.append(
                {
                    "id": f"o{outlet}-a{number}",
                    "title": f"Bridge update {number}",
                    "text": body,
                    "outlet": f"outlet-{outlet}",
                    "reliable": int(reliable),
                }
            )
    return records


def make_model(
    features: list[tuple[str, float, float, float]], intercept: float = 0.0
) -> CalibrationModel:
    """A model over score features given as (scorer, mean, scale, coefficient)."""
    return CalibrationModel(
        sourcecheck_version="0.1.0",
        scorer_versions={name: "1.0" for name, *_ in features},
        features=[
            Feature(name=name, scorer=name, kind="score", mean=mean, scale=scale, coefficient=c)
            for name, mean, scale, c in features
        ],
        intercept=intercept,
        regularization=Regularization(C=1.0),
        training=TrainingData(
            n=10, positives=5, negatives=5, label_field="reliable", group_field="outlet", groups=4
        ),
        cv=CrossValidation(
            folds=2, splitter="test", accuracy=0.5, brier=0.25, brier_base_rate=0.25
        ),
    )


class FixedScorer(Scorer):
    """A scorer that always returns the same score: the built-in ones change as they improve."""

    def __init__(self, name: str, score: float, version: str = "1.0") -> None:
        self.name = name  # type: ignore[misc]
        self.version = version  # type: ignore[misc]
        self._score = score

    def score(self, article: Article, analysis: object) -> ScorerResult:
        return ScorerResult(score=self._score)


class _Provides:
    def __init__(self, scorers: list[Scorer]) -> None:
        self.scorers = scorers

    @hookimpl
    def sourcecheck_scorers(self) -> list[Scorer]:
        return self.scorers


def fixed_engine(
    scores: dict[str, float],
    config: Config | None = None,
    *,
    versions: dict[str, str] | None = None,
    extra_plugins: tuple[object, ...] = (),
    directories: tuple[Path, ...] = (),
) -> Engine:
    """An engine running only FixedScorers (plus whatever ``extra_plugins`` register)."""
    versions = versions or {}
    plugins = PluginManager.default(entry_points=False, directories=directories)
    fixed = [FixedScorer(name, score, versions.get(name, "1.0")) for name, score in scores.items()]
    plugins.register(_Provides(fixed), name="fixed-scorers")
    for index, plugin in enumerate(extra_plugins):
        plugins.register(plugin, name=f"extra-{index}")
    config = (config or Config()).merged(enable=sorted(scores))
    return Engine(config, plugins=plugins)
