"""Fit the "needs a source" sentence model on the editorial gold's two tuning halves.

    python training/needs_source.py [--data ../shared/data/polnear] [--write]

Every unattributed claim of the tuning halves' articles (``train`` and ``train2``) is one
example, labelled 1 when the gold sentence holding its start is ``needs_source``.
scikit-learn's LogisticRegression is fitted on the features of
``sourcecheck.core.analysis.needs_source`` together with a binary bag of the examples'
function words (``FUNCTION_WORDS``, each in at least 5 examples, each column scaled by
``WORDING_SCALE`` so that the shared L2 penalty holds the words to small weights): the
words' weights, scaled back, are the ``wording`` lexicon, whose feature weight is 1.

The two halves were written by different annotators who draw the line differently, so the
script reports each half held out: article-grouped 8-fold cross-validation on one half with
the whole other half added to every fold's fit. The flagging threshold is picked on the
``train`` half's folds (the lowest probability that keeps claim findings' precision at the
target while recall stays highest), as is the stricter threshold at which a finding becomes a
warning. ``--write`` stores the weights (JSON, no article text) as
``src/sourcecheck/data/models/needs_source.json``. The dev half is never read here.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import editorial

from sourcecheck.core.analysis import Analyzer, patterns
from sourcecheck.core.analysis.needs_source import (
    FEATURES,
    Lexicon,
    _outside_quotes,
    article_context,
    features,
    tokens,
)
from sourcecheck.core.models import Article

OUT = Path(__file__).resolve().parents[1] / "src/sourcecheck/data/models/needs_source.json"
C = 0.5  # L2 strength: few examples, so keep the weights small
WORDING_SCALE = 0.3  # the bag of words' column scale: smaller holds its weights closer to 0
WORDING_MIN_EXAMPLES = 5
# The wording lexicon's vocabulary: grammar, not topic. A bag of every word (552 of them) gave
# the same cross-validated figures but learned the 2016 campaign's subjects ("caucuses",
# "investors"), which later news does not share.
FUNCTION_WORDS = patterns.words(
    """a an the and or but of to in on at by for with from as is are was were be been being
    has have had do does did it its this that these those he she they him her them his their
    i we you our not no so if than then there which who whom what when where while about into
    over after before also would will could can may might should must just"""
)
WORDING = FEATURES.index("wording")
FITTED = [i for i in range(len(FEATURES)) if i != WORDING]  # "wording" enters with weight 1
NO_WORDS = Lexicon(bias=0.0, weights={})


@dataclass
class Examples:
    """Every unattributed claim of the tuning halves: features, words, label, article, half."""

    x: np.ndarray  # FEATURES without "wording" (FITTED)
    words: list[list[str]]  # the claim's distinct words outside quotes
    y: np.ndarray
    groups: np.ndarray  # article number
    half: np.ndarray  # the split's name
    positives: dict[str, int]  # the gold's needs-source sentences per half
    articles: int  # articles read, those without an unattributed claim included

    def of(self, half: str) -> np.ndarray:
        return np.flatnonzero(self.half == half)


def examples(data: Path) -> Examples:
    analyzer = Analyzer()
    rows, words, labels, groups, halves = [], [], [], [], []
    positives = dict.fromkeys(editorial.TUNING, 0)
    golds = ((half, gold) for half in editorial.TUNING for gold in editorial.load(data, half))
    articles = 0
    for number, (half, gold) in enumerate(golds):
        articles += 1
        analysis = analyzer.analyze(Article(body=gold.text))
        sentences = gold.data["sentences"]
        positives[half] += sum(s["label"] == "needs_source" for s in sentences)
        starts = [s["start"] for s in sentences]
        attributed = {c.sentence for c in analysis.claims if c.attributed}
        context = article_context(
            gold.text, analysis.sentences, analysis.quotes, attributed, NO_WORDS
        )
        for claim in analysis.claims:
            if claim.attributed:
                continue
            index = max(0, bisect.bisect_right(starts, claim.span.start) - 1)
            values = features(gold.text, claim.sentence, context)
            rows.append([values[i] for i in FITTED])
            span = analysis.sentences[claim.sentence].span
            outside = _outside_quotes(
                gold.text, span.start, span.end, context.quote_starts, context.quote_ends
            )
            words.append(sorted(set(tokens(outside))))
            labels.append(sentences[index]["label"] == "needs_source")
            groups.append(number)
            halves.append(half)
    return Examples(
        np.array(rows),
        words,
        np.array(labels),
        np.array(groups),
        np.array(halves),
        positives,
        articles=articles,
    )


@dataclass
class Fitted:
    """The joint model: bias, the FITTED features' weights and the wording lexicon."""

    bias: float
    weights: np.ndarray
    wording: Lexicon

    def probabilities(self, x: np.ndarray, words: list[list[str]]) -> np.ndarray:
        z = self.bias + x @ self.weights + np.array([self.wording.score(set(w)) for w in words])
        return 1.0 / (1.0 + np.exp(-z))


def fit(x: np.ndarray, words: list[list[str]], y: np.ndarray) -> Fitted:
    """Features and the bag of words in one LogisticRegression; see the module docstring."""
    vectorizer = CountVectorizer(
        analyzer=lambda kinds: [w for w in kinds if w in FUNCTION_WORDS],
        binary=True,
        min_df=WORDING_MIN_EXAMPLES,
    )
    bag = vectorizer.fit_transform(words) * WORDING_SCALE
    model = LogisticRegression(C=C, max_iter=3000).fit(hstack([csr_matrix(x), bag]).tocsr(), y)
    coef = model.coef_[0]
    vocabulary = vectorizer.get_feature_names_out()
    scaled = coef[x.shape[1] :] * WORDING_SCALE
    weights = {w: round(float(c), 4) for w, c in zip(vocabulary, scaled, strict=True)}
    return Fitted(
        bias=float(model.intercept_[0]),
        weights=coef[: x.shape[1]],
        wording=Lexicon(bias=0.0, weights={w: c for w, c in weights.items() if c}),
    )


def held_out(ex: Examples, half: str) -> np.ndarray:
    """Out-of-fold probabilities of one half: its articles in 8 groups, each group scored by
    a model fitted on the rest of the half and the whole other half."""
    mine = ex.of(half)
    others = np.flatnonzero(ex.half != half)
    found = np.zeros(len(mine))
    for train, test in GroupKFold(n_splits=8).split(mine, groups=ex.groups[mine]):
        rows = np.concatenate([mine[train], others])
        model = fit(ex.x[rows], [ex.words[i] for i in rows], ex.y[rows])
        found[test] = model.probabilities(ex.x[mine[test]], [ex.words[i] for i in mine[test]])
    return found


def across(ex: Examples, fitted_on: str, scored: str) -> np.ndarray:
    """One half's probabilities from a model fitted on the other half alone."""
    rows, target = ex.of(fitted_on), ex.of(scored)
    model = fit(ex.x[rows], [ex.words[i] for i in rows], ex.y[rows])
    return model.probabilities(ex.x[target], [ex.words[i] for i in target])


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


def pr_curve(probabilities: np.ndarray, y: np.ndarray, positives: int) -> list[tuple[float, float]]:
    """The best precision at recall 0.1, 0.2, ... 0.7 of the gold's needs-source sentences."""
    order = np.argsort(-probabilities)
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    recall = hits / positives
    return [
        (r, float(precision[recall >= r].max()) if (recall >= r).any() else 0.0)
        for r in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
    ]


def _report(label: str, probabilities: np.ndarray, y: np.ndarray, positives: int) -> None:
    curve = "  ".join(f"R {r:.1f}: P {p:.2f}" for r, p in pr_curve(probabilities, y, positives))
    print(f"{label:<34} AUC {roc_auc_score(y, probabilities):.3f}  {curve}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--precision", type=float, default=0.40)
    parser.add_argument("--warning-precision", type=float, default=0.50)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    ex = examples(args.data)
    for half in editorial.TUNING:
        rows = ex.of(half)
        print(
            f"{half}: {len(rows)} unattributed claims, {int(ex.y[rows].sum())} need a source "
            f"({ex.positives[half]} in gold)"
        )
    print("best precision at each recall of the half's needs-source sentences:")
    oof = {half: held_out(ex, half) for half in editorial.TUNING}
    for half in editorial.TUNING:
        _report(f"{half} held out (CV)", oof[half], ex.y[ex.of(half)], ex.positives[half])
    first, second = editorial.TUNING
    for fitted_on, scored in ((first, second), (second, first)):
        found = across(ex, fitted_on, scored)
        _report(
            f"fit {fitted_on}, score {scored}", found, ex.y[ex.of(scored)], ex.positives[scored]
        )
    y = ex.y[ex.of(first)]
    threshold, p, r = threshold_for(oof[first], y, ex.positives[first], args.precision)
    warning, wp, wr = threshold_for(oof[first], y, ex.positives[first], args.warning_precision)
    print(f"{first} cross-validated: threshold {threshold:.3f} -> P {p:.2f} R {r:.2f}")
    print(f"warning threshold {warning:.3f} -> P {wp:.2f} R {wr:.2f}")
    model = fit(ex.x, ex.words, ex.y)
    weights = {FEATURES[i]: round(float(w), 4) for i, w in zip(FITTED, model.weights, strict=True)}
    weights["wording"] = 1.0
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<28} {weight:+.3f}")
    print(f"  wording: {len(model.wording.weights)} words")
    if args.write:
        _write(ex, model, weights, threshold, max(warning, threshold))
    return 0


def _write(
    ex: Examples,
    model: Fitted,
    weights: dict[str, float],
    threshold: float,
    warning: float,
) -> None:
    payload = {
        "description": "Logistic model: does an unattributed sentence need a source?",
        "provenance": "training/needs_source.py on benchmarks/editorial_gold/train and train2 "
        f"({len(ex.y)} unattributed claims of {ex.articles} articles), scikit-learn "
        f"LogisticRegression(C={C}) over the features and a binary bag of words "
        f"of {len(FUNCTION_WORDS)} function words (min_df={WORDING_MIN_EXAMPLES}, columns scaled "
        f"by {WORDING_SCALE}); "
        "thresholds from article-grouped 8-fold CV on the train half.",
        "bias": round(model.bias, 4),
        "weights": weights,
        "threshold": round(threshold, 4),
        "warning_threshold": round(warning, 4),
        "wording": {
            "provenance": "the bag of function words' weights of the joint model above "
            "(editorial gold train and train2). Word weights only.",
            "weights": dict(sorted(model.wording.weights.items())),
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
