"""Fit the "needs a source" sentence model on the editorial gold's tuning half.

    python training/needs_source.py [--data ../shared/data/polnear] [--write]

Every unattributed claim of the train half's articles is one example, labelled 1 when the
gold sentence holding its start is ``needs_source``. scikit-learn's LogisticRegression is
fitted on the features of ``sourcecheck.core.analysis.needs_source``; article-grouped
cross-validation picks the flagging threshold (the lowest probability that keeps claim
findings' precision at the target while recall stays highest) and the stricter threshold at
which a finding becomes a warning. ``--write`` stores the weights (JSON, no article text) as
``src/sourcecheck/data/models/needs_source.json``. The dev half is never read here.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import editorial

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.needs_source import FEATURES, article_context, features
from sourcecheck.core.models import Article

OUT = Path(__file__).resolve().parents[1] / "src/sourcecheck/data/models/needs_source.json"
C = 0.5  # L2 strength: few examples, so keep the weights small


def examples(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Features, labels and article index of every unattributed claim; gold positives."""
    analyzer = Analyzer()
    rows, labels, groups = [], [], []
    positives = 0
    for number, gold in enumerate(editorial.load(data, "train")):
        analysis = analyzer.analyze(Article(body=gold.text))
        sentences = gold.data["sentences"]
        positives += sum(s["label"] == "needs_source" for s in sentences)
        starts = [s["start"] for s in sentences]
        attributed = {c.sentence for c in analysis.claims if c.attributed}
        context = article_context(gold.text, analysis.sentences, analysis.quotes, attributed)
        for claim in analysis.claims:
            if claim.attributed:
                continue
            index = max(0, bisect.bisect_right(starts, claim.span.start) - 1)
            rows.append(features(gold.text, claim.sentence, context))
            labels.append(sentences[index]["label"] == "needs_source")
            groups.append(number)
    return np.array(rows), np.array(labels), np.array(groups), positives


def cross_validated(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by article."""
    found = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=8).split(x, y, groups):
        model = LogisticRegression(C=C, max_iter=1000).fit(x[train], y[train])
        found[test] = model.predict_proba(x[test])[:, 1]
    return found


def threshold_for(
    probabilities: np.ndarray, y: np.ndarray, positives: int, precision: float
) -> tuple[float, float, float]:
    """The lowest threshold whose precision reaches ``precision``: (threshold, P, R)."""
    best = (1.0, 0.0, 0.0)
    for threshold in np.unique(probabilities):
        flagged = probabilities >= threshold
        if not flagged.any():
            continue
        p = y[flagged].mean()
        r = y[flagged].sum() / positives
        if p >= precision and r > best[2]:
            best = (float(threshold), float(p), float(r))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--precision", type=float, default=0.5)
    parser.add_argument("--warning-precision", type=float, default=0.65)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    x, y, groups, positives = examples(args.data)
    print(f"{len(y)} unattributed claims, {int(y.sum())} need a source ({positives} in gold)")
    oof = cross_validated(x, y, groups)
    threshold, p, r = threshold_for(oof, y, positives, args.precision)
    warning, wp, wr = threshold_for(oof, y, positives, args.warning_precision)
    print(f"cross-validated: threshold {threshold:.3f} -> P {p:.2f} R {r:.2f}")
    print(f"warning threshold {warning:.3f} -> P {wp:.2f} R {wr:.2f}")
    model = LogisticRegression(C=C, max_iter=1000).fit(x, y)
    weights = dict(zip(FEATURES, (round(float(w), 4) for w in model.coef_[0]), strict=True))
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<28} {weight:+.3f}")
    if args.write:
        payload = {
            "description": "Logistic model: does an unattributed sentence need a source?",
            "provenance": "training/needs_source.py on benchmarks/editorial_gold/train "
            f"({len(y)} sentences of {len(set(groups))} articles), scikit-learn "
            f"LogisticRegression(C={C}); thresholds from article-grouped 8-fold CV.",
            "bias": round(float(model.intercept_[0]), 4),
            "weights": weights,
            "threshold": round(threshold, 4),
            "warning_threshold": round(max(warning, threshold), 4),
        }
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
