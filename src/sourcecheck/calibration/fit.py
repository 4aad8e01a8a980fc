"""Fitting: score labelled articles, then a regularised logistic regression with grouped CV.

Cross-validation is split by group (the outlet), both to choose C and to measure the model:
an article-level split would let the model learn each outlet's house style and report it as
skill. Needs scikit-learn (the ``calibrate`` extra).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from sourcecheck._version import __version__
from sourcecheck.calibration.data import LabelledArticle
from sourcecheck.calibration.features import FeatureSpec, candidate_values
from sourcecheck.calibration.model import (
    CalibrationModel,
    CrossValidation,
    Feature,
    Regularization,
    ReliabilityBin,
    TrainingData,
    fold_mean,
)
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError, SourcecheckError

# From strong to almost no regularisation; features are standardised, so one grid fits all.
C_GRID = tuple(float(c) for c in np.logspace(-3, 2, 11))
RELIABILITY_BINS = 5
MIN_GROUPS = 3
# How many seeds grouped_folds draws from before it settles for a fold missing a label.
SEED_TRIES = 20
# A metric must be measured on at least this share of articles to be offered as a feature.
METRIC_COVERAGE = 0.5
CHOSEN_BY = "grouped CV Brier score (LogisticRegressionCV on StratifiedGroupKFold folds)"


class CalibrationError(SourcecheckError):
    """Labelled data that cannot support a grouped, cross-validated fit."""


@dataclass
class Collected:
    """What scoring the labelled articles left behind: numbers, never text."""

    values: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    weighted: list[float | None] = field(default_factory=list)
    skipped: int = 0
    # Feature names to keep; None keeps every candidate (--all-metrics needs to see them all).
    keep: set[str] | None = None

    def add(self, item: LabelledArticle, engine: Engine) -> None:
        report = engine.score(item.article, source=item.article.meta.get("source"))
        values = candidate_values(report.scorers)
        if self.keep is not None:
            values = {name: value for name, value in values.items() if name in self.keep}
        self.values.append(values)
        self.labels.append(item.label)
        self.groups.append(item.group)
        self.weighted.append(report.score)


def collect(
    engine: Engine,
    items: Iterable[LabelledArticle | InputError],
    on_error: Callable[[InputError], None],
    keep: list[FeatureSpec] | None = None,
) -> Collected:
    """Score each labelled article as it streams in; keep only its feature values.

    With ``keep``, only those features are stored, so memory per article stays a few floats.
    """
    collected = Collected(keep=None if keep is None else {spec.name for spec in keep})
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            collected.skipped += 1
        else:
            collected.add(item, engine)
    return collected


def choose_features(requested: list[FeatureSpec], scorers: list[str]) -> list[FeatureSpec]:
    """The requested features, or every scorer's score; checked before any scoring."""
    specs = list(requested) or [FeatureSpec(name) for name in scorers]
    known = set(scorers)
    unknown = sorted({s.scorer for s in specs} - known)
    if unknown:
        available = ", ".join(sorted(known)) or "none"
        raise CalibrationError(
            f"feature scorer(s) {', '.join(unknown)} not enabled (available: {available})"
        )
    return specs


def with_common_metrics(specs: list[FeatureSpec], collected: Collected) -> list[FeatureSpec]:
    """``specs`` plus every metric measured on most articles that varies (--all-metrics)."""
    return specs + [s for s in _common_metrics(collected) if s not in specs]


def _common_metrics(collected: Collected) -> list[FeatureSpec]:
    counts: dict[str, list[float]] = {}
    for row in collected.values:
        for name, value in row.items():
            counts.setdefault(name, []).append(value)
    needed = METRIC_COVERAGE * len(collected.values)
    chosen = []
    for name in sorted(counts):
        spec = FeatureSpec.parse(name)
        seen = counts[name]
        if spec.kind == "metric" and len(seen) >= needed and len(set(seen)) > 1:
            chosen.append(spec)
    return chosen


def matrix(collected: Collected, specs: list[FeatureSpec]) -> np.ndarray:
    """Articles x features, NaN where a value is missing (the imputer fills the mean)."""
    return np.array(
        [[row.get(spec.name, np.nan) for spec in specs] for row in collected.values],
        dtype=float,
    ).reshape(len(collected.values), len(specs))


# -- cross-validation -------------------------------------------------------------------


def grouped_folds(
    labels: np.ndarray, groups: np.ndarray, folds: int, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs, stratified by label, never splitting a group."""
    n_groups = len(np.unique(groups))
    if n_groups < MIN_GROUPS:
        raise CalibrationError(
            f"grouped cross-validation needs at least {MIN_GROUPS} groups, got {n_groups}"
        )
    # scikit-learn refuses more folds than the largest label has articles: with 3 articles
    # labelled [0, 0, 1], 2 folds is the most that can be asked for.
    largest_label = int(np.unique(labels, return_counts=True)[1].max())
    # More folds than a label has groups leave test folds holding one label only (no AUC
    # within them) and training folds short of that label: fit the folds to the groups.
    splits = min(folds, n_groups, largest_label, max(2, fewest_groups_of_a_label(labels, groups)))
    # StratifiedGroupKFold balances articles, not groups, and does not promise every label in
    # every test fold (scikit-learn 1.7 puts both outlets of a label in one fold where 1.9 does
    # not). Draw again from the next seeds until it holds; the first draw is kept when it does.
    first = _stratified_group_split(labels, groups, splits, seed)
    for step in range(SEED_TRIES):
        draw = first if step == 0 else _stratified_group_split(labels, groups, splits, seed + step)
        if _every_label_tested(labels, draw):
            return draw
    return first


def _stratified_group_split(
    labels: np.ndarray, groups: np.ndarray, splits: int, seed: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    splitter = StratifiedGroupKFold(n_splits=splits, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(labels)), labels, groups))


def _every_label_tested(labels: np.ndarray, split: list[tuple[np.ndarray, np.ndarray]]) -> bool:
    every_label = set(np.unique(labels).tolist())
    return all(set(labels[test].tolist()) == every_label for _, test in split)


def groups_per_label(labels: np.ndarray, groups: np.ndarray) -> dict[int, int]:
    """How many groups hold at least one article of each label."""
    return {int(label): len(np.unique(groups[labels == label])) for label in np.unique(labels)}


def fewest_groups_of_a_label(labels: np.ndarray, groups: np.ndarray) -> int:
    return min(groups_per_label(labels, groups).values(), default=0)


def _check_groups_per_label(labels: np.ndarray, groups: np.ndarray, label_field: str) -> None:
    """Nested grouped CV needs each label in 3 groups: 2 left to split after the outer test."""
    for label, count in groups_per_label(labels, groups).items():
        if count < MIN_GROUPS:
            raise CalibrationError(
                f"{label_field}={label} is found in only {count} group(s): nested grouped "
                f"cross-validation needs each label in at least {MIN_GROUPS} groups (outlets); "
                "add groups with that label, or calibrate without --group-field (weaker: CV "
                "then cannot stop the model learning which outlet wrote an article)"
            )


def fit_pipeline(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int, seed: int = 0
) -> Pipeline:
    """C chosen by grouped CV on (x, y), then refit on all of it.

    LogisticRegressionCV fits the whole C path per fold with warm starts, about ten times
    faster than a grid search over the pipeline; the price is that the inner folds share
    the scaler's mean and scale, which only touches the choice of C, never the evaluation.
    """
    pipeline = make_pipeline(
        SimpleImputer(strategy="mean", keep_empty_features=True),
        StandardScaler(),
        LogisticRegressionCV(
            Cs=list(C_GRID),
            cv=grouped_folds(y, groups, folds, seed),
            scoring="neg_brier_score",
            max_iter=2000,
        ),
    )
    try:
        with warnings.catch_warnings():
            # scikit-learn 1.8-1.9 announce new defaults for LogisticRegressionCV; the ones we
            # rely on (pure L2, C_ and coef_) mean the same before and after, see _as_model.
            warnings.simplefilter("ignore", FutureWarning)
            pipeline.fit(x, y)
    except ValueError as exc:
        raise CalibrationError(
            f"a training fold could not be fitted ({exc}); each label needs at least "
            f"{MIN_GROUPS} groups: add groups of both labels, or lower --folds"
        ) from None
    return pipeline


@dataclass
class Evaluation:
    """Out-of-fold predictions of the calibrated model and the default weighted score."""

    folds: list[tuple[np.ndarray, np.ndarray]]
    probability: np.ndarray
    base_rate: np.ndarray
    labels: np.ndarray
    weighted: np.ndarray

    def cross_validation(self) -> CrossValidation:
        y, p = self.labels, self.probability
        auc_folds = [auc(y[test], p[test]) for _, test in self.folds]
        weighted_folds = [auc(y[test], self.weighted[test]) for _, test in self.folds]
        return CrossValidation(
            folds=len(self.folds),
            splitter="StratifiedGroupKFold (no group in both train and test)",
            auc=fold_mean(auc_folds),
            auc_folds=auc_folds,
            auc_pooled=auc(y, p),
            accuracy=float(np.mean((p >= 0.5) == (y == 1))),
            brier=float(brier_score_loss(y, p)),
            brier_base_rate=float(brier_score_loss(y, self.base_rate)),
            reliability=reliability_bins(y, p),
            weighted_auc=fold_mean(weighted_folds),
            weighted_auc_folds=weighted_folds,
            weighted_auc_pooled=auc(y, self.weighted),
        )


def evaluate(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, weighted: np.ndarray, folds: int, seed: int
) -> Evaluation:
    outer = grouped_folds(y, groups, folds, seed)
    probability = np.zeros(len(y))
    base_rate = np.zeros(len(y))
    for train, test in outer:
        model = fit_pipeline(x[train], y[train], groups[train], folds, seed)
        probability[test] = model.predict_proba(x[test])[:, 1]
        base_rate[test] = y[train].mean()
    return Evaluation(outer, probability, base_rate, y, weighted)


def auc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    """ROC AUC over the scored articles; None when only one label (or none) is present."""
    keep = ~np.isnan(scores)
    if len(np.unique(labels[keep])) < 2:
        return None
    return float(roc_auc_score(labels[keep], scores[keep]))


def reliability_bins(labels: np.ndarray, probability: np.ndarray) -> list[ReliabilityBin]:
    """Equal-width bins of predicted probability: mean prediction vs observed rate."""
    edges = np.linspace(0.0, 1.0, RELIABILITY_BINS + 1)
    which = np.clip(np.digitize(probability, edges[1:-1]), 0, RELIABILITY_BINS - 1)
    bins = []
    for index in range(RELIABILITY_BINS):
        inside = which == index
        if inside.any():
            bins.append(
                ReliabilityBin(
                    lower=float(edges[index]),
                    upper=float(edges[index + 1]),
                    count=int(inside.sum()),
                    mean_predicted=float(probability[inside].mean()),
                    observed=float(labels[inside].mean()),
                )
            )
    return bins


# -- the whole fit ---------------------------------------------------------------------


@dataclass
class FitSettings:
    label_field: str
    group_field: str | None
    folds: int = 5
    seed: int = 0
    sources: list[str] = field(default_factory=list)


def fit_model(
    collected: Collected,
    specs: list[FeatureSpec],
    engine: Engine,
    settings: FitSettings,
) -> CalibrationModel:
    """Evaluate by grouped CV, refit on everything, and write it all down as a model."""
    y = np.array(collected.labels, dtype=int)
    groups = np.array(collected.groups, dtype=str)
    _check_labels(y)
    if len(set(collected.groups)) <= MIN_GROUPS:
        # The outer split leaves a training part that must itself be split by group.
        raise CalibrationError(
            f"calibration needs at least {MIN_GROUPS + 1} groups, got {len(set(collected.groups))}"
        )
    _check_groups_per_label(y, groups, settings.label_field)
    specs, constant = informative(specs, matrix(collected, specs))
    x = matrix(collected, specs)
    weighted = np.array([np.nan if s is None else s for s in collected.weighted], dtype=float)
    evaluation = evaluate(x, y, groups, weighted, settings.folds, settings.seed)
    final = fit_pipeline(x, y, groups, settings.folds, settings.seed)
    model = _as_model(final, specs, engine, evaluation.cross_validation(), collected, settings)
    model.training.constant_features = constant
    return model


def informative(specs: list[FeatureSpec], x: np.ndarray) -> tuple[list[FeatureSpec], list[str]]:
    """The features that vary in the training data, and the names of those left out.

    A constant (or never measured) feature carries no information; keeping it would only put
    a meaningless "+1 SD" line in the explanation.
    """
    varies = [bool(np.nanmax(col) > np.nanmin(col)) if np.isfinite(col).any() else False
              for col in x.T]  # fmt: skip
    kept = [spec for spec, ok in zip(specs, varies, strict=True) if ok]
    if not kept:
        raise CalibrationError(
            "no feature varies in the training data, so there is nothing to learn "
            f"({', '.join(s.name for s in specs)} are all constant or missing)"
        )
    return kept, [spec.name for spec, ok in zip(specs, varies, strict=True) if not ok]


def _check_labels(y: np.ndarray) -> None:
    if len(y) == 0:
        raise CalibrationError("no labelled articles to calibrate on")
    if len(np.unique(y)) < 2:
        raise CalibrationError(f"every article has label {int(y[0])}: need both 0 and 1")


def _as_model(
    pipeline: Pipeline,
    specs: list[FeatureSpec],
    engine: Engine,
    cv: CrossValidation,
    collected: Collected,
    settings: FitSettings,
) -> CalibrationModel:
    scaler: StandardScaler = pipeline.named_steps["standardscaler"]
    regression: LogisticRegressionCV = pipeline.named_steps["logisticregressioncv"]
    # ravel: the shapes of C_ and coef_ differ between scikit-learn's legacy and new layout.
    coefficients = np.ravel(regression.coef_)
    chosen_c = float(np.ravel(regression.C_)[0])
    descriptions = {s.name: s.description for s in engine.scorers}
    versions = {s.name: s.version for s in engine.scorers}
    features = [
        Feature(
            name=spec.name,
            scorer=spec.scorer,
            kind=spec.kind,
            metric=spec.metric,
            description=spec.describe(descriptions.get(spec.scorer, "")),
            mean=float(scaler.mean_[i]),
            scale=float(scaler.scale_[i]),
            coefficient=float(coefficients[i]),
        )
        for i, spec in enumerate(specs)
    ]
    labels = collected.labels
    return CalibrationModel(
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        sourcecheck_version=__version__,
        scorer_versions={name: versions[name] for name in sorted({s.scorer for s in specs})},
        label=settings.label_field,
        features=features,
        intercept=float(np.ravel(regression.intercept_)[0]),
        regularization=Regularization(C=chosen_c, chosen_by=CHOSEN_BY),
        training=TrainingData(
            n=len(labels),
            positives=sum(labels),
            negatives=len(labels) - sum(labels),
            label_field=settings.label_field,
            group_field=settings.group_field,
            groups=len(set(collected.groups)),
            group_names=sorted(set(collected.groups)) if settings.group_field else [],
            sources=settings.sources,
            skipped=collected.skipped,
        ),
        cv=cv,
    )
