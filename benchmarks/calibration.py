"""Benchmark: does calibrating the combination beat the default weighted score?

Grouped-CV AUC (folds split by outlet, so no outlet is in both train and test) for

- ReCOVery (label = the outlet's reliability, by folder; group = outlet = one CSV file), and
- FA-KES (per-article labels, credible = 1; group = source outlet), a negative control:
  its labels say whether casualty figures match a database, nothing about sourcing style.

Usage (from the repo root)::

    python benchmarks/calibration.py --limit 60
    python benchmarks/calibration.py --limit 60 --all-metrics --out-dir /tmp/models

Never copies the data: it is read in place (default ../shared/data/credibility/...).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from sourcecheck.calibration.data import Fields, LabelledArticle, iter_records, labelled
from sourcecheck.calibration.fit import (
    Collected,
    FitSettings,
    choose_features,
    collect,
    fit_model,
    with_common_metrics,
)
from sourcecheck.calibration.model import CalibrationModel, fold_spread, save_model
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError

REPO = Path(__file__).resolve().parent.parent
# ../shared next to the repo; a git worktree under ../wt/ looks two levels up.
DATA = next(
    (
        p / "shared" / "data" / "credibility"
        for p in (REPO.parent, REPO.parent.parent)
        if (p / "shared" / "data" / "credibility").is_dir()
    ),
    REPO.parent / "shared" / "data" / "credibility",
)
MAX_BYTES = 200_000_000
LABEL, GROUP = "_label", "_outlet"


def recovery(root: Path, limit: int | None) -> Iterator[LabelledArticle | InputError]:
    """ReCOVery: one CSV per outlet under reliable/ (label 1) and unreliable/ (label 0)."""
    fields = Fields(label=LABEL, group=GROUP, text="body_text")
    for folder, label in (("reliable", 1), ("unreliable", 0)):
        for path in sorted((root / folder).glob("*.csv")):
            outlet = path.stem.removeprefix("news-dataset").strip("-_")
            yield from islice(_labelled(path, fields, {LABEL: label, GROUP: outlet}), limit)


def fakes(root: Path, limit: int | None) -> Iterator[LabelledArticle | InputError]:
    """FA-KES: one CSV, label per article (1 = credible), outlet in ``source``."""
    path = root / "FA-KES-Dataset.csv"
    fields = Fields(label="labels", group="source", text="article_content")
    taken: dict[str, int] = {}
    for item in _labelled(path, fields, {}):
        if isinstance(item, LabelledArticle):
            taken[item.group] = taken.get(item.group, 0) + 1
            if limit is not None and taken[item.group] > limit:
                continue
        yield item


def _labelled(
    path: Path, fields: Fields, extra: dict[str, object]
) -> Iterator[LabelledArticle | InputError]:
    for item in iter_records(str(path)):
        if isinstance(item, InputError):
            yield item
            continue
        record, line = item
        try:
            yield labelled({**record, **extra}, str(path), line, fields, MAX_BYTES)
        except InputError as error:
            yield error


def run(
    name: str,
    items: Iterator[LabelledArticle | InputError],
    args: argparse.Namespace,
    label_field: str,
) -> list[CalibrationModel]:
    """Score once, then fit with ``--repeats`` different fold splits (seeds)."""
    engine = Engine(Config())
    started = time.perf_counter()
    errors: list[str] = []
    specs = choose_features([], [s.name for s in engine.scorers])
    keep = None if args.all_metrics else specs
    collected: Collected = collect(engine, items, lambda e: errors.append(str(e)), keep)
    elapsed = time.perf_counter() - started
    if args.all_metrics:
        specs = with_common_metrics(specs, collected)
    seeds = range(args.seed, args.seed + args.repeats)
    models = [
        fit_model(collected, specs, engine, FitSettings(label_field, "outlet", args.folds, seed))
        for seed in seeds
    ]
    n = len(collected.labels)
    print(
        f"[{name}] scored {n} articles in {elapsed:.0f}s ({n / max(elapsed, 1e-9):.1f}/s), "
        f"{len(errors)} skipped{': ' + errors[0] if errors else ''}",
        file=sys.stderr,
    )
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        save_model(models[0], args.out_dir / f"{name}.json")
    return models


def row(name: str, model: CalibrationModel) -> str:
    cv, t = model.cv, model.training
    return (
        f"| {name} | {t.n} ({t.positives}/{t.negatives}) | {t.groups} | {cv.folds} "
        f"| {fold_spread(cv.weighted_auc_folds)} | {fold_spread(cv.auc_folds)} "
        f"| {_f(cv.weighted_auc_pooled)} | {_f(cv.auc_pooled)} "
        f"| {cv.brier:.3f} / {cv.brier_base_rate:.3f} |"
    )


def repeated(name: str, models: list[CalibrationModel]) -> str:
    """Fold AUCs over every repeat, and the paired difference calibrated - weighted."""
    weighted = [a for m in models for a in m.cv.weighted_auc_folds]
    calibrated = [a for m in models for a in m.cv.auc_folds]
    paired = [
        c - w for c, w in zip(calibrated, weighted, strict=True) if c is not None and w is not None
    ]
    return (
        f"| {name} | {len(models)} x {models[0].cv.folds} | {fold_spread(weighted)} "
        f"| {fold_spread(calibrated)} | {fold_spread(list(paired))} |"
    )


def coefficients(name: str, model: CalibrationModel) -> str:
    ordered = sorted(model.features, key=lambda f: -abs(f.coefficient))
    parts = ", ".join(f"{f.name} {f.coefficient:+.2f}" for f in ordered)
    return f"{name}: C={model.regularization.C:.3g}; {parts}; intercept {model.intercept:+.2f}"


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recovery", type=Path, default=DATA / "recovery")
    parser.add_argument("--fakes", type=Path, default=DATA / "fa-kes")
    parser.add_argument("--limit", type=int, default=60, help="Articles per outlet (0 = all).")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0, help="First seed of the fold split.")
    parser.add_argument("--repeats", type=int, default=5, help="Fold splits (seeds) to average.")
    parser.add_argument("--all-metrics", action="store_true", help="Add numeric metrics.")
    parser.add_argument("--out-dir", type=Path, help="Also save each fitted model here.")
    args = parser.parse_args()
    limit = args.limit or None
    for path in (args.recovery / "reliable", args.fakes / "FA-KES-Dataset.csv"):
        if not path.exists():
            sys.exit(f"calibration benchmark: {path} not found (pass --recovery / --fakes)")
    csv.field_size_limit(2**30)
    models = {
        "ReCOVery": run("recovery", recovery(args.recovery, limit), args, "reliable"),
        "FA-KES (negative control)": run("fa-kes", fakes(args.fakes, limit), args, "credible"),
    }
    features = "scores + numeric metrics" if args.all_metrics else "scorer scores"
    print(f"Grouped-CV AUC, folds split by outlet; limit {limit or 'none'} per outlet; "
          f"features: {features}; first split (seed {args.seed}):")  # fmt: skip
    print(
        "| data | n (1/0) | outlets | folds | weighted AUC (folds) | calibrated AUC (folds) "
        "| weighted AUC pooled | calibrated AUC pooled | calibrated Brier / base rate |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, fitted in models.items():
        print(row(name, fitted[0]))
    print(f"\nAUC within test folds over {args.repeats} fold splits (seeds {args.seed}..):")
    print("| data | splits x folds | weighted AUC | calibrated AUC | calibrated - weighted |")
    print("|---|---|---|---|---|")
    for name, fitted in models.items():
        print(repeated(name, fitted))
    print()
    for name, fitted in models.items():
        print(coefficients(name, fitted[0]))


if __name__ == "__main__":
    main()
