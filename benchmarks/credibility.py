"""Do sourcing scores separate reliable from unreliable outlets? AUC per scorer and overall.

    python benchmarks/credibility.py [--data ../shared/data/credibility] [--limit N]

Two datasets (see the README in each folder of the data directory):

- ``recovery/``: COVID-19 news, one CSV per outlet, ``reliability`` 1 = reliable outlet. The
  label belongs to the outlet, so next to the article-level AUC the script reports the
  outlet-level AUC (each outlet's mean score against its label) and 95% intervals from a
  bootstrap that resamples *outlets*: articles from one outlet are not independent evidence.
- ``fa-kes/``: Syrian-war articles, ``labels`` 1 = credible, 0 = fake, per article, judged on
  whether the casualty event matches the VDC records. Sourcing style should NOT detect that,
  so this is a negative control: AUCs near 0.5 there are the honest expectation.

Articles stream through ``Engine().score_batch``-style scoring one at a time; only a few
numbers per article are kept. ``--limit N`` takes at most N articles per outlet.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "credibility"
OVERALL = "overall"
MIN_BODY_CHARS = 200  # shorter "articles" are scraping debris (a headline, a cookie notice)
BOOTSTRAP_ROUNDS = 500


@dataclass
class Sample:
    outlet: str
    label: int
    article: Article


@dataclass
class Scored:
    """What is kept of one scored article: a few floats, never the text."""

    outlet: str
    label: int
    scores: dict[str, float] = field(default_factory=dict)


@dataclass
class Skipped:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, reason: str) -> None:
        self.counts[reason] += 1

    def describe(self) -> str:
        return ", ".join(f"{n} {why}" for why, n in sorted(self.counts.items())) or "none"


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def iter_recovery(root: Path, limit: int | None, skipped: Skipped) -> Iterator[Sample]:
    files = sorted(root.glob("reliable/*.csv")) + sorted(root.glob("unreliable/*.csv"))
    if not files:
        raise FileNotFoundError(f"{root}: no reliable/*.csv or unreliable/*.csv files")
    for path in files:
        taken = 0
        for number, row in enumerate(read_rows(path), start=2):
            if limit is not None and taken >= limit:
                break
            sample = _recovery_sample(path, number, row, skipped)
            if sample is not None:
                taken += 1
                yield sample


def _recovery_sample(path: Path, line: int, row: dict[str, str], skipped: Skipped) -> Sample | None:
    body = (row.get("body_text") or "").strip()
    if len(body) < MIN_BODY_CHARS:
        skipped.add("recovery rows with a body under 200 characters")
        return None
    try:
        label = int(row["reliability"])
    except (KeyError, ValueError):
        print(f"{path}:{line}: no 0/1 reliability value, row skipped", file=sys.stderr)
        skipped.add("recovery rows without a reliability label")
        return None
    outlet = (row.get("publisher") or "").strip() or path.stem
    article = Article(
        id=f"{path.stem}:{row.get('news_id', line)}",
        title=row.get("title") or "",
        body=body,
        outlet=outlet,
        url=row.get("url") or None,
    )
    return Sample(outlet, label, article)


def iter_fakes(path: Path, limit: int | None, skipped: Skipped) -> Iterator[Sample]:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found")
    taken: dict[str, int] = defaultdict(int)
    for number, row in enumerate(read_rows(path), start=2):
        outlet = (row.get("source") or "unknown").strip()
        if limit is not None and taken[outlet] >= limit:
            continue
        body = (row.get("article_content") or "").strip()
        if len(body) < MIN_BODY_CHARS:
            skipped.add("fa-kes rows with a body under 200 characters")
            continue
        try:
            label = int(row["labels"])
        except (KeyError, ValueError):
            print(f"{path}:{number}: no 0/1 labels value, row skipped", file=sys.stderr)
            skipped.add("fa-kes rows without a label")
            continue
        taken[outlet] += 1
        article = Article(
            id=f"fakes:{row.get('unit_id', number)}",
            title=row.get("article_title") or "",
            body=body,
            outlet=outlet,
        )
        yield Sample(outlet, label, article)


def score_stream(engine: Engine, samples: Iterable[Sample], name: str) -> Iterator[Scored]:
    """Score one article at a time, keeping only the numbers."""
    started = time.perf_counter()
    for count, sample in enumerate(samples, start=1):
        report = engine.score(sample.article)
        scored = Scored(sample.outlet, sample.label)
        if report.score is not None:
            scored.scores[OVERALL] = report.score / 100.0
        for part in report.scorers:
            if part.status == "ok" and part.score is not None:
                scored.scores[part.name] = part.score
        if count % 500 == 0:
            rate = count / (time.perf_counter() - started)
            print(f"  {name}: {count} articles scored ({rate:.0f}/s)", file=sys.stderr)
        yield scored


def auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    if len(set(labels)) < 2:
        return None
    return float(roc_auc_score(labels, scores))


def outlet_means(rows: list[Scored], metric: str) -> tuple[list[int], list[float]]:
    by_outlet: dict[str, list[float]] = defaultdict(list)
    label_of: dict[str, int] = {}
    for row in rows:
        if metric in row.scores:
            by_outlet[row.outlet].append(row.scores[metric])
            label_of[row.outlet] = row.label
    outlets = sorted(by_outlet)
    return [label_of[o] for o in outlets], [float(np.mean(by_outlet[o])) for o in outlets]


def outlet_bootstrap(
    rows: list[Scored], metric: str, rounds: int, seed: int = 0
) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """95% intervals of the article- and outlet-level AUC, resampling outlets per label."""
    by_outlet: dict[str, list[Scored]] = defaultdict(list)
    for row in rows:
        if metric in row.scores:
            by_outlet[row.outlet].append(row)
    groups = {label: [o for o, r in by_outlet.items() if r[0].label == label] for label in (0, 1)}
    if min(len(g) for g in groups.values()) < 2:
        return None, None
    rng = np.random.default_rng(seed)
    article_aucs: list[float] = []
    outlet_aucs: list[float] = []
    for _ in range(rounds):
        chosen = [o for g in groups.values() for o in rng.choice(g, size=len(g), replace=True)]
        sample = [r for o in chosen for r in by_outlet[o]]
        article_aucs.append(auc([r.label for r in sample], [r.scores[metric] for r in sample]))
        means = [
            (by_outlet[o][0].label, np.mean([r.scores[metric] for r in by_outlet[o]]))
            for o in chosen
        ]
        outlet_aucs.append(auc([m[0] for m in means], [m[1] for m in means]))
    return _interval(article_aucs), _interval(outlet_aucs)


def article_bootstrap(
    rows: list[Scored], metric: str, rounds: int, seed: int = 0
) -> tuple[float, float] | None:
    kept = [r for r in rows if metric in r.scores]
    if len({r.label for r in kept}) < 2:
        return None
    labels = np.array([r.label for r in kept])
    scores = np.array([r.scores[metric] for r in kept])
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(rounds):
        pick = rng.integers(0, len(kept), len(kept))
        value = auc(labels[pick].tolist(), scores[pick].tolist())
        if value is not None:
            values.append(value)
    return _interval(values)


def _interval(values: list[float | None]) -> tuple[float, float] | None:
    kept = [v for v in values if v is not None]
    if not kept:
        return None
    low, high = np.percentile(kept, [2.5, 97.5])
    return float(low), float(high)


def metrics_of(rows: list[Scored]) -> list[str]:
    names = sorted({name for row in rows for name in row.scores} - {OVERALL})
    return [OVERALL, *names]


def fmt(value: float | None, interval: tuple[float, float] | None = None) -> str:
    if value is None:
        return "n/a"
    if interval is None:
        return f"{value:.3f}"
    return f"{value:.3f} [{interval[0]:.2f}, {interval[1]:.2f}]"


def report_recovery(rows: list[Scored], rounds: int) -> None:
    outlets = {r.outlet: r.label for r in rows}
    reliable = sum(outlets.values())
    print(
        f"\nReCOVery: {len(rows)} articles, {len(outlets)} outlets "
        f"({reliable} reliable, {len(outlets) - reliable} unreliable); reliable = positive"
    )
    print(f"{'scorer':<20} {'article AUC [95% CI]':<26} {'outlet AUC [95% CI]':<26} n")
    for metric in metrics_of(rows):
        kept = [r for r in rows if metric in r.scores]
        article_auc = auc([r.label for r in kept], [r.scores[metric] for r in kept])
        outlet_labels, outlet_scores = outlet_means(rows, metric)
        outlet_auc = auc(outlet_labels, outlet_scores)
        article_ci, outlet_ci = outlet_bootstrap(rows, metric, rounds)
        print(
            f"{metric:<20} {fmt(article_auc, article_ci):<26} "
            f"{fmt(outlet_auc, outlet_ci):<26} {len(kept)}"
        )
    print("(intervals: bootstrap over outlets, stratified by label)")


def report_fakes(rows: list[Scored], rounds: int) -> None:
    credible = sum(r.label for r in rows)
    print(
        f"\nFA-KES (negative control): {len(rows)} articles, {credible} credible, "
        f"{len(rows) - credible} fake; credible = positive"
    )
    print(f"{'scorer':<20} {'article AUC [95% CI]':<26} n")
    for metric in metrics_of(rows):
        kept = [r for r in rows if metric in r.scores]
        value = auc([r.label for r in kept], [r.scores[metric] for r in kept])
        print(f"{metric:<20} {fmt(value, article_bootstrap(rows, metric, rounds)):<26} {len(kept)}")
    print(
        "Labels here say whether the reported casualty event matches the VDC records, not how "
        "the article is sourced; AUCs near 0.5 are expected and are not a failure to hide."
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="Folder holding recovery/ and fa-kes/ (default: %(default)s).",
    )
    parser.add_argument("--limit", type=int, default=None, help="At most N articles per outlet.")
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=BOOTSTRAP_ROUNDS,
        help="Bootstrap rounds for the 95%% intervals (0 = none).",
    )
    args = parser.parse_args(argv)
    recovery, fakes = args.data / "recovery", args.data / "fa-kes" / "FA-KES-Dataset.csv"
    if not recovery.is_dir() and not fakes.is_file():
        print(
            f"error: {args.data}: neither recovery/ nor fa-kes/FA-KES-Dataset.csv found",
            file=sys.stderr,
        )
        return 2

    engine = Engine()
    print(f"sourcecheck {engine.versions()}")
    skipped = Skipped()
    started = time.perf_counter()
    if recovery.is_dir():
        rows = list(score_stream(engine, iter_recovery(recovery, args.limit, skipped), "recovery"))
        report_recovery(rows, args.bootstrap)
    if fakes.is_file():
        rows = list(score_stream(engine, iter_fakes(fakes, args.limit, skipped), "fa-kes"))
        report_fakes(rows, args.bootstrap)
    print(f"\nskipped: {skipped.describe()}; {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
