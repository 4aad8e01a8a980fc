"""Hedge-cue detection measured on the Szeged Uncertainty Corpus (WikiWeasel part).

    python benchmarks/hedges_szeged.py [--data ../shared/data/uncertainty/wiki.xml]
                                       [--split test|dev] [--categories all|szeged]
                                       [--errors N] [--json] [--baseline WORDLIST]

Split: fixed and document-level. A document goes to ``dev`` when the first byte of
SHA-1(DocID) is below 128, else to ``test`` (about half each; no randomness, no seed).
The lexicon was tuned by looking only at ``dev`` (``--split dev --errors 30``); the
figures to quote are ``--split test``.

Gold: a sentence is uncertain iff it holds >= 1 ``<ccue>`` (the CoNLL-2010 convention).
Cue spans are character offsets of the cue words inside the sentence; a cue split into
several ``<ccue>`` elements ("either ... or") counts as several cues. Only ``Text``
document parts are scored; ``Title`` parts are headings, not sentences.

Caveats (see the corpus README): this is a semantic-uncertainty annotation. It does not
mark approximators ("about 40") or most discourse weasels ("critics say"), which sourcecheck
reports as hedges, so ``--categories szeged`` (the default) leaves those two categories out
of the prediction; ``--categories all`` shows what they cost. Scores are not comparable
with CoNLL-2010 Task 1 (different annotation, different split).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sourcecheck.core.analysis.hedges import CATEGORIES, HedgeFinder
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Span

# Relative to the repository root, where the shared data sits next to the checkout.
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/uncertainty/wiki.xml"
# The Szeged scheme does not annotate approximators ("about 40"). Its doxastic cues do
# cover agentless "is considered", "is believed", which sourcecheck calls weasels.
SZEGED_CATEGORIES = frozenset(CATEGORIES - {"approximator"})

CueSpan = tuple[int, int]


@dataclass(slots=True)
class GoldSentence:
    doc_id: str
    text: str
    cues: list[CueSpan] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold items, for precision/recall/F1."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def prf(self) -> dict[str, float]:
        precision = self.tp / self.predicted if self.predicted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1}


def split_of(doc_id: str) -> str:
    """The fixed split of a document: ``dev`` or ``test``, from a hash of its DocID."""
    first_byte = hashlib.sha1(doc_id.encode("utf-8"), usedforsecurity=False).digest()[0]
    return "dev" if first_byte < 128 else "test"


def load_corpus(path: Path) -> list[GoldSentence]:
    """Every ``Text`` sentence of a Szeged-format XML file, with its gold cue spans."""
    root = ET.parse(path).getroot()
    sentences: list[GoldSentence] = []
    for document in root.iter("Document"):
        doc_id = (document.findtext("DocID") or "").strip()
        for part in document.iter("DocumentPart"):
            if part.get("type") != "Text":
                continue
            sentences.extend(_read_sentence(doc_id, s) for s in part.iter("Sentence"))
    return sentences


def _read_sentence(doc_id: str, element: ET.Element) -> GoldSentence:
    """Flatten a ``<Sentence>`` to text, recording where each ``<ccue>`` sits in it."""
    pieces: list[str] = []
    cues: list[CueSpan] = []
    offset = 0

    def append(piece: str | None) -> None:
        nonlocal offset
        pieces.append(piece or "")
        offset += len(piece or "")

    def walk(node: ET.Element) -> None:
        start = offset
        append(node.text)
        for child in node:
            walk(child)
            append(child.tail)
        if node.tag == "ccue":
            cues.append((start, offset))

    walk(element)
    text = "".join(pieces)
    return GoldSentence(doc_id, text, sorted(_strip_span(text, s, e) for s, e in cues))


def _strip_span(text: str, start: int, end: int) -> CueSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def predict(finder: HedgeFinder, text: str, categories: frozenset[str]) -> list[CueSpan]:
    sentence = Sentence(Span.of(text, 0, len(text)), 0)
    hedges = finder.find(text, [sentence], [], [])
    return [(h.span.start, h.span.end) for h in hedges if h.category in categories]


def _matches(predicted: Sequence[CueSpan], gold: Sequence[CueSpan], exact: bool) -> int:
    """One-to-one matches, greedy in text order (spans within a sentence rarely compete)."""
    unused = list(gold)
    found = 0
    for p in predicted:
        for g in unused:
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                unused.remove(g)
                found += 1
                break
    return found


def evaluate(
    sentences: Iterable[GoldSentence],
    finder: HedgeFinder,
    categories: frozenset[str] = SZEGED_CATEGORIES,
    errors: Counter[str] | None = None,
) -> dict[str, dict[str, float]]:
    """Sentence-level and cue-level (exact, overlap) precision, recall and F1."""
    sentence_counts, exact, overlap = Counts(), Counts(), Counts()
    n = 0
    for gold in sentences:
        n += 1
        predicted = predict(finder, gold.text, categories)
        sentence_counts.add(
            int(bool(predicted) and bool(gold.cues)), int(bool(predicted)), int(bool(gold.cues))
        )
        exact.add(_matches(predicted, gold.cues, exact=True), len(predicted), len(gold.cues))
        overlap.add(_matches(predicted, gold.cues, exact=False), len(predicted), len(gold.cues))
        if errors is not None:
            _tally_errors(errors, gold, predicted)
    return {
        "sentence": sentence_counts.prf(),
        "cue_exact": exact.prf(),
        "cue_overlap": overlap.prf(),
        "counts": {"sentences": n, "gold_cues": exact.gold, "predicted_cues": exact.predicted},
    }


def _tally_errors(errors: Counter[str], gold: GoldSentence, predicted: list[CueSpan]) -> None:
    gold_set, predicted_set = set(gold.cues), set(predicted)
    for start, end in predicted_set - gold_set:
        errors[f"FP {gold.text[start:end].lower()}"] += 1
    for start, end in gold_set - predicted_set:
        errors[f"FN {gold.text[start:end].lower()}"] += 1


class _WordListLexicons(Lexicons):
    """A baseline: every line of a plain word list is a cue, whatever its context."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        lines = path.read_text(encoding="utf-8").splitlines()
        self._cues = [w.strip() for w in lines if w.strip() and not w.startswith("#")]

    def get(self, name: str) -> list[str] | dict[str, list[str]]:
        return {"adverb": self._cues} if name == "hedges" else super().get(name)


def run(
    data: Path,
    split: str = "test",
    categories: str = "szeged",
    error_count: int = 0,
    baseline: Path | None = None,
) -> dict[str, object]:
    """Load, split, evaluate; the benchmark's result as a plain dict.

    With ``baseline`` (a plain-text word list, one cue per line) the built-in lexicon is
    replaced by naive matching of that list, for comparison.
    """
    corpus = [s for s in load_corpus(data) if split_of(s.doc_id) == split]
    chosen = SZEGED_CATEGORIES if categories == "szeged" else frozenset(CATEGORIES)
    finder = HedgeFinder(_WordListLexicons(baseline) if baseline else Lexicons())
    errors: Counter[str] | None = Counter() if error_count else None
    began = time.perf_counter()
    result: dict[str, object] = dict(evaluate(corpus, finder, chosen, errors))
    result["seconds"] = round(time.perf_counter() - began, 3)
    result["split"], result["categories"] = split, categories
    result["lexicon"] = str(baseline) if baseline else "sourcecheck"
    result["documents"] = len({s.doc_id for s in corpus})
    if errors is not None:
        result["errors"] = errors.most_common(error_count)
    return result


def _print_table(result: dict[str, object]) -> None:
    counts = result["counts"]
    print(
        f"Szeged WikiWeasel, split={result['split']} categories={result['categories']} "
        f"lexicon={result['lexicon']}: "
        f"{result['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['gold_cues']} gold cues, {counts['predicted_cues']} predicted "
        f"({result['seconds']} s)"
    )
    print(f"{'level':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for level in ("sentence", "cue_exact", "cue_overlap"):
        m = result[level]
        print(f"{level:<12} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
    for label, n in result.get("errors", []):
        print(f"  {n:5d}  {label}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="wiki.xml path")
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--categories", choices=("szeged", "all"), default="szeged")
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--baseline", type=Path, help="a plain word list to match naively instead, for comparison"
    )
    args = parser.parse_args(argv)
    try:
        result = run(args.data, args.split, args.categories, args.errors, args.baseline)
    except (OSError, ET.ParseError) as exc:
        print(f"{args.data}: cannot read the corpus: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
