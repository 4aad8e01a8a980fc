"""What the attribution finder misses and adds on PolNeAR, grouped and counted (tune on train).

    python benchmarks/polnear_errors.py [--data ../shared/data/polnear] [--split train]
                                        [--kind cue|fp|source|span|content] [--top 40]
                                        [--examples 3] [--match WORD]

* ``cue``: gold cues no predicted cue overlaps, grouped by the cue's words (lower case);
* ``fp``: predicted cues no gold cue overlaps, grouped the same way;
* ``source``: gold sources no predicted source overlaps, grouped by their attribution's cue;
* ``span``: predicted sources that overlap a gold source but differ from it, grouped by what
  differs (the words one has and the other lacks, at the front and at the back);
* ``content``: gold contents no predicted content overlaps, grouped by their cue.

Each group prints its count and a few examples in context (the sentence around the span),
so the output quotes the articles: read it, never paste it into the repository. Uses the
same first-annotator convention as ``polnear.py``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from polnear import KINDS, Spans, _overlaps_any, _trim, predicted_spans

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article

_TEXT_BOUND = re.compile(r"^T\d+$")
_EVENT = re.compile(r"^E\d+$")


@dataclass
class Gold:
    """One gold attribution: its parts' spans (extent of discontinuous ones)."""

    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None


def parse_events(ann: str, text: str) -> list[Gold]:
    bounds: dict[str, tuple[int, int]] = {}
    found: list[Gold] = []
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _TEXT_BOUND.match(parts[0]):
            _, _, ranges = parts[1].partition(" ")
            offsets = [int(n) for piece in ranges.split(";") for n in piece.split()]
            if offsets:
                bounds[parts[0]] = _trim(text, min(offsets), max(offsets))
        elif len(parts) >= 2 and _EVENT.match(parts[0]):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    for event in events:
        spans = {role.lower(): bounds.get(ref) for role, ref in event.items()}
        found.append(Gold(spans.get("cue"), spans.get("source"), spans.get("content")))
    return found


def documents(data: Path, split: str) -> Iterator[tuple[str, str, list[Gold]]]:
    folder = data / split
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text_path in sorted((folder / "text").glob("*.txt")):
        matches = [a for a in annotations if a.stem.rsplit("_", 1)[0] == text_path.stem]
        if matches:
            text = text_path.read_text(encoding="utf-8")
            yield text_path.stem, text, parse_events(matches[0].read_text("utf-8"), text)


def _key(text: str, span: tuple[int, int] | None) -> str:
    return " ".join(text[span[0] : span[1]].lower().split()) if span else "(none)"


def _context(text: str, span: tuple[int, int], width: int = 110) -> str:
    start, end = span
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width // 2].replace("\n", " ")
    return f"...{before}[[{text[start:end]}]]{after}..."


def _words(text: str) -> list[str]:
    return text.split()


def _difference(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> str:
    """'front -the | back +, a former aide': what the prediction lacks (+) or adds (-)."""
    parts = []
    if pred[0] > gold[0]:
        parts.append("front +" + " ".join(_words(text[gold[0] : pred[0]])[:3]))
    elif pred[0] < gold[0]:
        parts.append("front -" + " ".join(_words(text[pred[0] : gold[0]])[:3]))
    if pred[1] < gold[1]:
        parts.append("back +" + " ".join(_words(text[pred[1] : gold[1]])[:2]))
    elif pred[1] > gold[1]:
        parts.append("back -" + " ".join(_words(text[gold[1] : pred[1]])[:2]))
    return " | ".join(parts)


def _shape(label: str) -> str:
    """Group differences by their shape: long added words become their first word."""
    return re.sub(r"([+-])(\S+)(?: \S+)*", lambda m: m.group(1) + m.group(2).lower(), label)


ERROR_KINDS = ("cue", "fp", "source", "span", "content")


def collect(data: Path, split: str, kinds: list[str]) -> dict[str, dict[str, list[str]]]:
    """The groups of every kind in ``kinds``, reading each article once."""
    analyzer = Analyzer()
    found: dict[str, dict[str, list[str]]] = {kind: defaultdict(list) for kind in kinds}
    for _, text, golds in documents(data, split):
        predicted = predicted_spans(analyzer.analyze(Article(body=text)).attributions, text)
        for kind in kinds:
            _collect_one(text, golds, predicted, kind, found[kind])
    return found


def _collect_one(
    text: str,
    golds: list[Gold],
    predicted: dict[str, Spans],
    kind: str,
    groups: dict[str, list[str]],
) -> None:
    gold_spans: dict[str, Spans] = {
        k: {span for g in golds if (span := getattr(g, k))} for k in KINDS
    }
    if kind == "cue":
        for gold in gold_spans["cue"]:
            if not _overlaps_any(gold, predicted["cue"]):
                groups[_key(text, gold)].append(_context(text, gold))
    elif kind == "fp":
        for span in predicted["cue"]:
            if not _overlaps_any(span, gold_spans["cue"]):
                groups[_key(text, span)].append(_context(text, span))
    elif kind in ("source", "content"):
        for gold in golds:
            span = getattr(gold, kind)
            if span and not _overlaps_any(span, predicted[kind]):
                cue_found = gold.cue is not None and _overlaps_any(gold.cue, predicted["cue"])
                label = f"{_key(text, gold.cue)}{'' if cue_found else ' (cue missed)'}"
                groups[label].append(_context(text, span))
    elif kind == "span":
        for span in predicted["source"]:
            near = [g for g in gold_spans["source"] if _overlaps_any(g, {span})]
            if near and span not in near:
                gold = min(near, key=lambda g: abs(g[0] - span[0]) + abs(g[1] - span[1]))
                label = _shape(_difference(text, gold, span))
                groups[label].append(
                    f"gold [{text[gold[0] : gold[1]]}] ours [{text[span[0] : span[1]]}]"
                )


def main(argv: list[str] | None = None) -> int:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--split", choices=["train", "dev"], default="train")
    parser.add_argument("--kind", choices=[*ERROR_KINDS, "all"], default="cue")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--match", default=None, help="only groups whose label holds this")
    args = parser.parse_args(argv)
    kinds = list(ERROR_KINDS) if args.kind == "all" else [args.kind]
    for kind, groups in collect(args.data, args.split, kinds).items():
        if args.match:
            groups = {k: v for k, v in groups.items() if args.match in k}
        counts = Counter({label: len(items) for label, items in groups.items()})
        print(f"== {kind}: {sum(counts.values())} in {len(counts)} groups")
        for label, count in counts.most_common(args.top):
            print(f"{count:5d}  {label}")
            for example in groups[label][: args.examples]:
                print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
