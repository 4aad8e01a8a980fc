"""Attribution extraction measured against PolNeAR (Newell et al., LREC 2018).

    python benchmarks/polnear.py [--data ../shared/data/polnear] [--split dev|train]

Reads each article of the split (``text/*.txt``) and its brat annotation
(``attributions/*.ann``), runs the default ``Analyzer`` and prints precision, recall and F1
of the cue, source and content spans, by exact match and by overlap. Conventions:

* An article annotated by several annotators is scored against the FIRST annotation file
  in sorted order (the one whose annotator id sorts first), so every article counts once.
* Spans are compared as sets per article: a predicted span is a true positive if an
  identical gold span of the same kind exists (exact) or any gold span of that kind
  overlaps it (overlap; recall then counts gold spans overlapped by a prediction).
  A discontinuous gold span (``10 20;25 40``) is compared by its extent (10-40).
  Surrounding whitespace is trimmed on both sides. A predicted source is extended over its
  appositive role when the role follows it, as PolNeAR's Source spans include the role.
* Attributions whose cue stands inside a direct quote (``in_quote``) are left out:
  PolNeAR annotates speech reported by the article, not the speech a quoted speaker
  reports (13 of the 19,830 gold cues of the train split lie inside a quote).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article, Attribution

KINDS = ("cue", "source", "content")
_TEXT_BOUND = re.compile(r"^T\d+$")
_EVENT = re.compile(r"^E\d+$")
_WORD_SCAN = re.compile(r"\w+")

Spans = set[tuple[int, int]]


@dataclass
class Document:
    name: str
    text: str
    gold: dict[str, Spans]


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap_predicted: int = 0
    overlap_gold: int = 0

    def add(self, predicted: Spans, gold: Spans) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.exact += len(predicted & gold)
        self.overlap_predicted += sum(_overlaps_any(span, gold) for span in predicted)
        self.overlap_gold += sum(_overlaps_any(span, predicted) for span in gold)

    def scores(self, mode: str) -> tuple[float, float, float]:
        if mode == "exact":
            hits_p, hits_g = self.exact, self.exact
        else:
            hits_p, hits_g = self.overlap_predicted, self.overlap_gold
        precision = hits_p / self.predicted if self.predicted else 0.0
        recall = hits_g / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Result:
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    scan_seconds: float = 0.0

    def table(self) -> str:
        lines = [f"{'span':<8} {'mode':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"]
        for kind in KINDS:
            for mode in ("exact", "overlap"):
                p, r, f = self.counts[kind].scores(mode)
                c = self.counts[kind]
                lines.append(
                    f"{kind:<8} {mode:<8} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f} "
                    f"{c.predicted:6d} {c.gold:6d}"
                )
        per_1000 = 1000 * self.seconds / self.words * 1000 if self.words else 0.0
        scan = 1000 * self.scan_seconds / self.words * 1000 if self.words else 0.0
        lines.append(
            f"{self.articles} articles, {self.words} words, analysis {per_1000:.2f} ms CPU per "
            f"1,000 words (a bare regex word scan takes {scan:.2f} ms: compare the two on a "
            "busy machine)"
        )
        return "\n".join(lines)


def _overlaps_any(span: tuple[int, int], others: Spans) -> bool:
    start, end = span
    return any(start < o_end and o_start < end for o_start, o_end in others)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def parse_ann(ann: str, text: str) -> dict[str, Spans]:
    """Gold cue, source and content spans of one brat file (only those linked by an event)."""
    bounds: dict[str, tuple[str, int, int]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _TEXT_BOUND.match(parts[0]):
            kind, _, ranges = parts[1].partition(" ")
            offsets = [int(n) for piece in ranges.split(";") for n in piece.split()]
            if offsets:
                bounds[parts[0]] = (kind, min(offsets), max(offsets))
        elif len(parts) >= 2 and _EVENT.match(parts[0]):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold: dict[str, Spans] = {k: set() for k in KINDS}
    for event in events:
        for role, ref in event.items():
            kind = role.lower()
            if kind in gold and ref in bounds:
                _, start, end = bounds[ref]
                gold[kind].add(_trim(text, start, end))
    return gold


def load(data: Path, split: str) -> Iterator[Document]:
    """The articles of one split, each with its first annotator's spans."""
    folder = data / split
    if not (folder / "text").is_dir():
        raise FileNotFoundError(f"{folder / 'text'}: no such folder (is --data a PolNeAR copy?)")
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text_path in sorted((folder / "text").glob("*.txt")):
        matches = [a for a in annotations if a.stem.rsplit("_", 1)[0] == text_path.stem]
        if not matches:
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = parse_ann(matches[0].read_text(encoding="utf-8"), text)
        yield Document(text_path.stem, text, gold)


def predicted_spans(attributions: Iterable[Attribution], text: str) -> dict[str, Spans]:
    spans: dict[str, Spans] = {k: set() for k in KINDS}
    for attribution in attributions:
        if attribution.in_quote:
            continue
        for kind in KINDS:
            span = getattr(attribution, kind)
            if span is not None:
                start, end = span.start, span.end
                if kind == "source":
                    end = _with_role(text, end, attribution.role)
                spans[kind].add(_trim(text, start, end))
    return spans


def _with_role(text: str, end: int, role: str | None) -> int:
    """PolNeAR's Source covers an appositive role ("Smith, a former aide"); ours keeps it apart."""
    if role:
        found = text.find(role, end, end + len(role) + 4)
        if found >= 0:
            return found + len(role)
    return end


def evaluate(documents: Iterable[Document], analyzer: Analyzer | None = None) -> Result:
    """Score the analyzer's attributions against the gold spans of ``documents``."""
    analyzer = analyzer or Analyzer()
    result = Result()
    for doc in documents:
        started = time.process_time()  # CPU time: robust to other load
        analysis = analyzer.analyze(Article(body=doc.text))
        result.seconds += time.process_time() - started
        started = time.process_time()
        _WORD_SCAN.findall(doc.text)
        result.scan_seconds += time.process_time() - started
        result.articles += 1
        result.words += analysis.word_count
        predicted = predicted_spans(analysis.attributions, doc.text)
        for kind in KINDS:
            result.counts[kind].add(predicted[kind], doc.gold[kind])
    return result


def run(data: Path, split: str = "dev") -> Result:
    return evaluate(load(data, split))


def main(argv: list[str] | None = None) -> int:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default, help="PolNeAR folder")
    parser.add_argument("--split", choices=["train", "dev"], default="dev")
    args = parser.parse_args(argv)
    try:
        result = run(args.data, args.split)
    except (FileNotFoundError, UnicodeDecodeError, ValueError) as error:
        print(f"polnear: {error}", file=sys.stderr)
        return 2
    print(f"PolNeAR {args.split} split (first annotator per article)")
    print(result.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
