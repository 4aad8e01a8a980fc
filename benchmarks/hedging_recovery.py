"""How the hedging scorer's numbers spread over real news, reliable vs unreliable outlets.

    python benchmarks/hedging_recovery.py [--data ../shared/data/credibility/recovery]

Reads the ReCOVery per-outlet CSVs (outlet-level labels: 1 reliable, 0 unreliable), runs
the shared analysis and the ``hedging`` scorer on every body, and prints per label the
median and quartiles of writer/source hedge density per 100 words and of the score, plus
the AUC of each for "reliable > unreliable" (0.5 = no separation). This is how the default
``writer_density_allowance`` / ``writer_density_tolerance`` were sanity-checked: typical
reliable copy should score high, not sit on the steep part of the curve. It is a
description of the data, not a claim that hedging detects unreliable outlets.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article
from sourcecheck.scorers.hedging import HedgingScorer

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/credibility/recovery"
COLUMNS = ("writer_density", "source_density", "weighted_density", "score")


def read_articles(folder: Path) -> Iterator[tuple[int, str, str]]:
    """(label, outlet, body) for every article of every CSV under ``folder``."""
    csv.field_size_limit(10**9)
    for path in sorted(folder.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                body = (row.get("body_text") or "").strip()
                if body:
                    yield int(row["reliability"]), row.get("publisher") or path.stem, body


def auc(positives: list[float], negatives: list[float]) -> float:
    """P(a random positive > a random negative), ties counted half (Mann-Whitney U)."""
    ranked = sorted([(v, 1) for v in positives] + [(v, 0) for v in negatives])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def measure(folder: Path) -> dict[int, dict[str, list[float]]]:
    analyzer, scorer = Analyzer(), HedgingScorer()
    values: dict[int, dict[str, list[float]]] = {1: {}, 0: {}}
    for label, outlet, body in read_articles(folder):
        article = Article(body=body, outlet=outlet)
        result = scorer.score(article, analyzer.analyze(article))
        row = {**result.metrics, "score": result.score}
        for column in COLUMNS:
            values[label].setdefault(column, []).append(float(row[column] or 0.0))
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: not a folder of ReCOVery CSV files", file=sys.stderr)
        return 2
    values = measure(args.data)
    counts = {label: len(next(iter(v.values()), [])) for label, v in values.items()}
    print(f"ReCOVery: {counts[1]} reliable, {counts[0]} unreliable articles")
    print(f"{'metric':<17} {'reliable q1/med/q3':>22} {'unreliable q1/med/q3':>22} {'AUC':>6}")
    for column in COLUMNS:
        cells = []
        for label in (1, 0):
            q1, med, q3 = statistics.quantiles(values[label][column], n=4)
            cells.append(f"{q1:6.2f} {med:6.2f} {q3:6.2f}")
        area = auc(values[1][column], values[0][column])
        print(f"{column:<17} {cells[0]:>22} {cells[1]:>22} {area:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
