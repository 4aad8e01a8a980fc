"""Fit the "needs a source" sentence model on the editorial gold's tuning half.

    python training/needs_source.py [--data ../shared/data/polnear] [--write]

First the ``reported`` feature's lexicon is fitted by distant supervision on PolNeAR train
(never its dev split, which holds the gold's reporting half; the gold's train articles are
left out too, so cross-validation below sees them as new): a sentence is positive when
annotated attribution content covers at least half of it while no cue or source of any
attribution stands in it (a report carried on in the reporter's voice), negative when no
annotated span touches it. A binary bag of the 1,000 commonest words (in at least 5
sentences; names, i.e. words capitalised in most of their uses, left out so that the lexicon
does not learn the 2016 campaign's cast) and LogisticRegression(C=0.1, balanced classes)
give a weight per word.

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
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import editorial

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.needs_source import (
    _WORD,
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
LEXICON_WORDS = 1000
LEXICON_C = 0.1


def _words(text: str) -> list[str]:
    """The tokens inference uses (``features``)."""
    return tokens(text)


def _annotated(path: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(cue and source pieces, content pieces) of a brat .ann file."""
    marks: list[tuple[int, int]] = []
    contents: list[tuple[int, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        kind, offsets = parts[1].split(" ", 1)
        pieces = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
        if kind in ("Cue", "Source"):
            marks += pieces
        elif kind == "Content":
            contents += pieces
    return marks, contents


def distant_examples(data: Path, leave_out: set[str]) -> Iterator[tuple[str, int]]:
    """(text outside quotes, label) of PolNeAR train sentences; see the module docstring."""
    analyzer = Analyzer()
    root = data / "train"
    for text_path in sorted((root / "text").glob("*.txt")):
        annotations = sorted((root / "attributions").glob(text_path.stem + "*.ann"))
        if text_path.name in leave_out or not annotations:
            continue
        body = text_path.read_text(encoding="utf-8")
        marks, contents = _annotated(annotations[0])  # the first annotator's reading
        analysis = analyzer.analyze(Article(body=body))
        inner = sorted((q.inner.start, q.inner.end) for q in analysis.quotes if not q.nested)
        starts, ends = [s for s, _ in inner], [e for _, e in inner]
        for sentence in analysis.sentences:
            s, e = sentence.span.start, sentence.span.end
            if any(a < e and s < b for a, b in marks):
                continue  # attributed in the sentence itself
            covered = sum(max(0, min(e, b) - max(s, a)) for a, b in contents)
            words = _outside_quotes(body, s, e, starts, ends)
            if len(words.split()) >= 4:
                yield words, int(covered * 2 >= e - s)


def _names(texts: Sequence[str]) -> set[str]:
    """Lower-cased words written with a capital in more than half of their uses."""
    uses: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(text):
            lowered = word.replace("’", "'").lower()  # as tokens() gives it
            uses[lowered] += 1
            capitalised[lowered] += word[0].isupper()
    return {w for w, n in uses.items() if capitalised[w] * 2 > n}


def fit_lexicon(data: Path) -> Lexicon:
    """The ``reported`` lexicon, fitted on PolNeAR train without the gold's articles."""
    leave_out = {gold.data["article"] for gold in editorial.load(data, "train")}
    texts, labels = zip(*distant_examples(data, leave_out), strict=True)
    names = _names(texts)
    vectorizer = CountVectorizer(
        tokenizer=lambda text: [w for w in _words(text) if w not in names],
        lowercase=False,
        token_pattern=None,
        binary=True,
        min_df=5,
        max_features=LEXICON_WORDS,
    )
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=LEXICON_C, class_weight="balanced", max_iter=2000)
    model.fit(x, labels)
    words = vectorizer.get_feature_names_out()
    weights = {w: round(float(c), 3) for w, c in zip(words, model.coef_[0], strict=True)}
    print(f"lexicon: {len(labels)} PolNeAR train sentences, {sum(labels)} reported")
    return Lexicon(
        bias=round(float(model.intercept_[0]), 4),
        weights={w: c for w, c in sorted(weights.items()) if abs(c) >= 0.005},
    )


def examples(data: Path, lexicon: Lexicon) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
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
        context = article_context(
            gold.text, analysis.sentences, analysis.quotes, attributed, lexicon
        )
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


def pr_curve(probabilities: np.ndarray, y: np.ndarray, positives: int) -> list[tuple[float, float]]:
    """The best precision at recall 0.2, 0.3, ... 0.7 of the gold's needs-source sentences."""
    order = np.argsort(-probabilities)
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    recall = hits / positives
    return [
        (r, float(precision[recall >= r].max()) if (recall >= r).any() else 0.0)
        for r in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--precision", type=float, default=0.5)
    parser.add_argument("--warning-precision", type=float, default=0.65)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    lexicon = fit_lexicon(args.data)
    x, y, groups, positives = examples(args.data, lexicon)
    print(f"{len(y)} unattributed claims, {int(y.sum())} need a source ({positives} in gold)")
    oof = cross_validated(x, y, groups)
    print(f"cross-validated AUC {roc_auc_score(y, oof):.3f}; best precision at recall:")
    print("  " + "  ".join(f"R {r:.1f}: P {p:.2f}" for r, p in pr_curve(oof, y, positives)))
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
            "lexicon": {
                "provenance": "distant supervision on PolNeAR train (Newell, Margolin & Ruths, "
                "LREC 2018) without the gold's articles: sentences inside an attribution's "
                "content with no cue or source in them vs sentences no annotation touches; "
                f"CountVectorizer(binary, max_features={LEXICON_WORDS}, min_df=5), "
                f"LogisticRegression(C={LEXICON_C}, balanced). Word weights only.",
                "bias": lexicon.bias,
                "weights": lexicon.weights,
            },
        }
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
