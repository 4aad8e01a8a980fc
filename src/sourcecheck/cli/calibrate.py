"""``sourcecheck calibrate``: learn how the scorers combine from labelled articles."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from sourcecheck.calibration.data import Fields, iter_labelled
from sourcecheck.calibration.features import FeatureSpec
from sourcecheck.calibration.model import (
    CalibrationModel,
    CrossValidation,
    fold_spread,
    save_model,
)
from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EngineOptions,
    build_config,
    engine_options,
    error,
    hidden_alias,
    stdout,
    warn,
)
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import ConfigError

T = TypeVar("T")


@click.command("calibrate")
@click.argument("labelled", nargs=-1, required=True, metavar="LABELLED...")
@click.option("--label-field", required=True, help="Field holding the 0/1 label (1 = reliable).")
@click.option(
    "--group-field",
    default=None,
    help="Field naming the group (outlet): cross-validation never splits a group.",
)
@click.option("--text-field", default=None, help="Field holding the article text.")
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (JSON). Required.",
)
@hidden_alias("--out", "out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--feature",
    "features",
    multiple=True,
    metavar="SPEC",
    help="A feature: NAME (score), NAME:confidence or NAME.METRIC. Default: every score.",
)
@click.option("--all-metrics", is_flag=True, help="Also use every common numeric metric.")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 50))
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for the fold split.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Count scored articles on stderr (default: only when stderr is a terminal).",
)
@engine_options
def calibrate_command(
    labelled: tuple[str, ...],
    label_field: str,
    group_field: str | None,
    text_field: str | None,
    out: Path | None,
    features: tuple[str, ...],
    all_metrics: bool,
    folds: int,
    seed: int,
    progress: bool | None,
    engine_opts: EngineOptions,
) -> int:
    """Fit a calibrated combiner on LABELLED articles (.jsonl, .json or .csv).

    Scores every article, fits a regularised logistic regression on the scorers' outputs,
    measures it with cross-validation grouped by --group-field, and writes a JSON model
    that `sourcecheck score --model` uses.
    """
    if out is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    fit = _fitting()
    config = build_config(
        engine_opts,
        labelled,
    )
    engine = _weighted_engine(config, grouped=group_field is not None)
    # Checked before scoring, so a typo in --feature does not cost a long scoring run.
    specs = fit.choose_features(
        [FeatureSpec.parse(text) for text in features], [s.name for s in engine.scorers]
    )
    items = iter_labelled(
        list(labelled), Fields(label_field, group_field, text_field), config.max_bytes
    )
    if sys.stderr.isatty() if progress is None else progress:
        items = _counted(items)
    keep = None if all_metrics else specs
    collected = fit.collect(engine, items, lambda problem: error(str(problem)), keep)
    if all_metrics:
        specs = fit.with_common_metrics(specs, collected)
    settings = fit.FitSettings(label_field, group_field, folds, seed, list(labelled))
    model = fit.fit_model(collected, specs, engine, settings)
    save_model(model, out)
    if model.cv.folds < folds:
        warn(
            f"used {model.cv.folds} folds, not {folds}, to fit the groups: more would leave "
            "test folds holding one label only (docs/calibration.md, 'How many folds')"
        )
    click.echo(summary(model, out), file=stdout())
    return EXIT_ERROR if collected.skipped else EXIT_OK


def _fitting() -> ModuleType:
    try:
        from sourcecheck.calibration import fit
    except ImportError:
        raise ConfigError(
            "calibrate needs scikit-learn: pip install 'sourcecheck[calibrate]'"
        ) from None
    return fit


def _weighted_engine(config: Config, *, grouped: bool) -> Engine:
    """The engine to score with: always the default weighted combiner, which is compared."""
    if config.model:
        warn("ignoring the configured model: calibration scores with the weighted combiner")
        config = config.model_copy(update={"model": None})
    if not grouped:
        warn(
            "no --group-field: articles are split one by one, so CV cannot stop the model "
            "learning which outlet wrote an article"
        )
    engine = Engine(config)
    for plugin_error in engine.plugins.errors:
        warn(f"plugin '{plugin_error.plugin}' {plugin_error.message}")
    return engine


def _counted(items: Iterator[T]) -> Iterator[T]:
    """Pass items through while a spinner on stderr counts them (scoring is the slow part)."""
    columns = (SpinnerColumn(), TextColumn("scoring labelled articles: {task.completed}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("score", total=None)
        for item in items:
            yield item
            bar.advance(task)


def summary(model: CalibrationModel, out: Path) -> str:
    """What a person needs to judge the model: data, grouped-CV quality, coefficients."""
    return "\n".join(
        [
            *_data_lines(model),
            "",
            *_cv_lines(model.cv, model),
            "",
            *_coefficient_lines(model),
            "",
            f"Wrote {out}. Use it with: sourcecheck score --model {out} FILE...",
        ]
    )


def _data_lines(model: CalibrationModel) -> list[str]:
    t = model.training
    by = f"'{t.group_field}'" if t.group_field else "article (no --group-field)"
    return [
        f"Scored {t.n} articles: {t.positives} with {t.label_field}=1, "
        f"{t.negatives} with {t.label_field}=0, in {t.groups} groups by {by}"
        + (f"; {t.skipped} records skipped" if t.skipped else "."),
        f"Features: {', '.join(f.name for f in model.features)}",
        *(
            [f"Left out, constant or never measured: {', '.join(t.constant_features)}"]
            if t.constant_features
            else []
        ),
    ]


def _cv_lines(cv: CrossValidation, model: CalibrationModel) -> list[str]:
    lines = [
        f"Grouped cross-validation ({cv.folds} folds, {cv.splitter}):",
        f"  {'':<26}{'AUC within folds (mean ± sd)':>30}{'pooled':>9}",
        f"  {'calibrated model':<26}{fold_spread(cv.auc_folds):>30}{_num(cv.auc_pooled):>9}",
        f"  {'default weighted score':<26}{fold_spread(cv.weighted_auc_folds):>30}"
        f"{_num(cv.weighted_auc_pooled):>9}",
        f"  accuracy (p >= 0.5)       {cv.accuracy:.3f}",
        f"  Brier score               {cv.brier:.3f}   (training base rate alone: "
        f"{cv.brier_base_rate:.3f}; lower is better)",
        "  Reliability (out-of-fold predicted vs observed share of label 1):",
    ]
    lines += [
        f"    p in [{b.lower:.1f}, {b.upper:.1f}]: n={b.count:<6} predicted {b.mean_predicted:.2f}"
        f"  observed {b.observed:.2f}"
        for b in model.cv.reliability
    ]
    return lines


def _coefficient_lines(model: CalibrationModel) -> list[str]:
    lines = [
        f"Coefficients (log-odds per standard deviation; L2, C={model.regularization.C:.3g} "
        "chosen by grouped CV), strongest first:"
    ]
    for feature in sorted(model.features, key=lambda f: -abs(f.coefficient)):
        odds = math.exp(feature.coefficient)
        lines.append(
            f"  {feature.coefficient:+.3f}  {feature.name:<28} +1 SD ({feature.scale:.3g}) "
            f"multiplies the odds of {model.label}=1 by {odds:.3g}  [{feature.description}]"
        )
    p = 1 / (1 + math.exp(-model.intercept))
    lines.append(
        f"  intercept {model.intercept:+.3f}: log-odds with every feature at its training "
        f"mean (probability {p:.1%})"
    )
    return lines


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
