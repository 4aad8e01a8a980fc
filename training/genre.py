"""Fit the news/opinion model on the editorial gold's tuning halves.

    python training/genre.py [--data ../shared/data/polnear] [--write]

Each article of the tuning halves (``train`` and ``train2``) is one example, labelled 1 when the editor's genre is
``opinion``. scikit-learn's LogisticRegression is fitted on the standardised rates of
``sourcecheck.core.analysis.genre``; leave-one-article-out cross-validation reports how well
it ranks and which threshold keeps both kinds of error low. ``--write`` folds the scaling into
the weights and stores them (JSON, no article text) as
``src/sourcecheck/data/models/genre.json``. The dev half is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import LeaveOneOut, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import editorial

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.claims import _supporting_attributions
from sourcecheck.core.analysis.genre import FEATURES, genre_features
from sourcecheck.core.analysis.needs_source import article_context
from sourcecheck.core.models import Article

OUT = Path(__file__).resolve().parents[1] / "src/sourcecheck/data/models/genre.json"
C = 0.3  # L2 strength: 80 articles, so keep the weights small
THRESHOLD = 0.4


def examples(data: Path) -> tuple[np.ndarray, np.ndarray]:
    """The rates and the editor's opinion label of every tuning-half article."""
    analyzer = Analyzer()
    rows, labels = [], []
    for gold in editorial.load(data, editorial.TUNING):
        analysis = analyzer.analyze(Article(body=gold.text))
        supports = _supporting_attributions(
            analysis.sentences, analysis.quotes, analysis.attributions
        )
        context = article_context(gold.text, analysis.sentences, analysis.quotes, set(supports))
        rows.append(genre_features(context.writer, len(gold.text), context.attributed_rate))
        labels.append(gold.data["editor"]["genre"] == "opinion")
    return np.array(rows), np.array(labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--write", action="store_true", help="store the weights as package data")
    args = parser.parse_args(argv)
    x, y = examples(args.data)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=C))
    held_out = cross_val_predict(model, x, y, cv=LeaveOneOut(), method="predict_proba")[:, 1]
    flagged = held_out >= THRESHOLD
    print(
        f"{len(y)} articles, {int(y.sum())} opinion; leave-one-out AUC "
        f"{roc_auc_score(y, held_out):.2f}; at {THRESHOLD}: {int((flagged & y).sum())} "
        f"opinion found, {int((flagged & ~y).sum())} news read as opinion"
    )
    model.fit(x, y)
    scaler, logistic = model
    weights = logistic.coef_[0] / scaler.scale_
    bias = float(logistic.intercept_[0] - np.sum(weights * scaler.mean_))
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {name:<12} {weight:+.4f}")
    if args.write:
        OUT.write_text(
            json.dumps(
                {
                    "description": "Logistic model: is the article an opinion piece?",
                    "provenance": f"training/genre.py on benchmarks/editorial_gold/train and train2 ({len(y)} "
                    f"articles, {int(y.sum())} opinion), scikit-learn LogisticRegression(C={C}) on "
                    "standardised rates, scaling folded into the weights.",
                    "bias": round(bias, 4),
                    "weights": {
                        n: round(float(w), 4) for n, w in zip(FEATURES, weights, strict=True)
                    },
                    "threshold": THRESHOLD,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
