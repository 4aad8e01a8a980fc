"""Findings measured the way an editor judges them, on the project's editorial gold.

    python benchmarks/editorial.py [--data ../shared/data/polnear]
                                   [--split dev|train|train2|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|all]
                                   [--polnear] [--errors KIND] [--markdown]

The gold (``benchmarks/editorial_gold/<split>/*.json``, written with
``benchmarks/editorial_annotate.py`` as ``../shared/guide/editorial-gold.md`` describes) holds
offsets and labels only; the article texts are read from a PolNeAR copy and checked against
the gold's SHA-1. Each article is scored by the default engine and compared with the gold:

* claims: an ``unattributed-claim``/``unattributed-figure`` finding is right when the gold
  sentence holding its start is ``needs_source`` (precision); a ``needs_source`` sentence is
  found when a claim finding starts in it (recall);
* writer hedges: a ``writer-hedge`` finding is right when it overlaps a gold writer hedge;
  a gold writer hedge is found when a ``writer-hedge`` finding overlaps it;
* speakers: each gold pronoun or description source ("he said", "the group said") is right
  when the attribution whose cue overlaps the gold cue resolves to a name that holds the gold
  speaker's surname or organisation name (no such attribution: wrong);
* unnamed sources: an attribution typed ``anonymous`` or ``vague`` is right when its source
  overlaps a gold unnamed source (precision); a gold unnamed source is found when such an
  attribution's source overlaps it (recall);
* scores: Spearman's rho between the overall score and the editor's 0-100, and the share of
  articles in the editor's band.

A gold file with a ``layers`` list covers only those layers (the ``fresh`` to ``fresh6``
splits hold speakers and unnamed sources only): it counts for their figures and no other.
``fresh2`` was annotated after the speaker rules were written and never tuned on. ``fresh3``
holds articles of PolNeAR's dev split (autumn 2016, like the dev half) that are not in the
dev half, so that speaker rules can be tuned on the dev half's kind of news without reading it;
``fresh4`` holds ten more of them, never tuned on. ``train2`` is a second tuning half with
every layer (PolNeAR train articles), written by other annotators than ``train``.
``fresh5`` (tuning) and ``fresh6`` (never tuned on) hold 12 articles each, chosen from those
in no other split by how many "she said", "they said" and "it said" attributions their text
holds, for the pronouns that pick between several people or groups.

``--polnear`` adds PolNeAR's overlap F1 (source / cue / content) on its dev split, which the
same table's floors refer to. ``--errors claims|hedges|speakers|unnamed`` lists the misses.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scipy.stats import spearmanr

from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article, Attribution, Report

GOLD = Path(__file__).parent / "editorial_gold"
CLAIM_RULES = ("attribution_clarity/unattributed-claim", "attribution_clarity/unattributed-figure")
HEDGE_RULES = ("hedging/writer-hedge",)
UNNAMED = ("anonymous", "vague")
SPLITS = ("dev", "train", "train2", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
TUNING = ("train", "train2")  # the full-layer splits the training scripts fit on
LAYERS = ("sentences", "speakers", "unnamed_sources", "writer_hedges", "editor")
_WORD = re.compile(r"[\w'’.-]+")

# The floors of the editor-grade findings issue, in the order the table prints.
FLOORS = {
    "claim precision": 0.40,
    "claim recall": 0.60,
    "writer-hedge precision": 0.60,
    "writer-hedge recall": 0.60,
    "speakers resolved": 0.80,
    "unnamed recall": 0.70,
    "unnamed precision": 0.70,
    "Spearman rho": 0.60,
    "same band": 0.65,
}


@dataclass
class Gold:
    name: str
    text: str
    data: dict

    def covers(self, layer: str) -> bool:
        """Whether the annotator read this layer (a file without ``layers`` covers all)."""
        return layer in self.data.get("layers", LAYERS)


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass
class Tally:
    ratios: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in FLOORS})
    scores: list[tuple[float, float]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def miss(self, kind: str, line: str) -> None:
        self.errors.setdefault(kind, []).append(line)


def load(data: Path, split: str | tuple[str, ...]) -> Iterator[Gold]:
    """The gold of one split, of several, or of ``"all"``."""
    splits = SPLITS if split == "all" else (split,) if isinstance(split, str) else split
    for part in splits:
        for path in sorted((GOLD / part).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            source = data / gold["polnear_split"] / "text" / gold["article"]
            raw = source.read_bytes()
            if hashlib.sha1(raw).hexdigest() != gold["sha1"]:
                raise SystemExit(f"{source}: the text differs from the one the gold was made on")
            yield Gold(path.stem, raw.decode("utf-8"), gold)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _span(obj: object | None) -> tuple[int, int] | None:
    return None if obj is None else (obj.start, obj.end)  # type: ignore[attr-defined]


def _snippet(text: str, start: int, end: int, width: int = 90) -> str:
    return " ".join(text[start:end].split())[:width]


def compare(gold: Gold, report: Report, tally: Tally) -> None:
    if gold.covers("sentences"):
        _claims(gold, report, tally)
    if gold.covers("writer_hedges"):
        _hedges(gold, report, tally)
    attributions = [a for a in report.analysis.attributions if not a.in_quote]
    if gold.covers("speakers"):
        _speakers(gold, attributions, tally)
    if gold.covers("unnamed_sources"):
        _unnamed(gold, attributions, tally)
    if not gold.covers("editor"):
        return
    editor = gold.data["editor"]
    tally.scores.append((report.score or 0.0, editor["score"]))
    tally.ratios["same band"].add(report.band == editor["band"])


def _claims(gold: Gold, report: Report, tally: Tally) -> None:
    sentences = gold.data["sentences"]
    starts = [s["start"] for s in sentences]
    flagged: set[int] = set()
    for finding in report.findings():
        if finding.rule not in CLAIM_RULES or finding.span is None:
            continue
        index = max(0, bisect.bisect_right(starts, finding.span.start) - 1)
        flagged.add(index)
        right = sentences[index]["label"] == "needs_source"
        tally.ratios["claim precision"].add(right)
        if not right:
            label = sentences[index]["label"]
            snippet = _snippet(gold.text, finding.span.start, finding.span.end)
            tally.miss("claims", f"{gold.name}: flagged, gold {label}: {snippet}")
    for index, sentence in enumerate(sentences):
        if sentence["label"] == "needs_source":
            tally.ratios["claim recall"].add(index in flagged)
            if index not in flagged:
                snippet = _snippet(gold.text, sentence["start"], sentence["end"])
                tally.miss("claims", f"{gold.name}: missed needs_source: {snippet}")


def _hedges(gold: Gold, report: Report, tally: Tally) -> None:
    wanted = [(h["start"], h["end"]) for h in gold.data["writer_hedges"]]
    found = [
        (f.span.start, f.span.end)
        for f in report.findings()
        if f.rule in HEDGE_RULES and f.span is not None
    ]
    _match_spans(gold, found, wanted, tally, "writer-hedge", "hedges", "not a writer hedge")


def _context(text: str, start: int, end: int) -> str:
    before = " ".join(text[max(0, start - 40) : start].split())
    after = " ".join(text[end : end + 40].split())
    return f"{before} [{text[start:end]}] {after}"


def speaker_matches(resolved: str | None, speaker: str) -> bool:
    """Whether a resolved name holds the gold speaker's surname or organisation name."""
    if not resolved:
        return False
    names = {w.lower().strip(".’'") for w in _WORD.findall(resolved)}
    words = [w.lower().strip(".’'") for w in _WORD.findall(speaker)]
    if not words:
        return False
    if words[-1] in names:  # a person's surname, or an organisation's last word
        return True
    return resolved.lower() in speaker.lower() and len(resolved) > 2


def _speakers(gold: Gold, attributions: list[Attribution], tally: Tally) -> None:
    for item in gold.data["speakers"]:
        cue = (item["cue_start"], item["cue_end"])
        source = (item["source_start"], item["source_end"])
        match = next(
            (a for a in attributions if a.cue is not None and overlaps(_span(a.cue), cue)), None
        )
        if match is None:
            match = next(
                (a for a in attributions if a.source and overlaps(_span(a.source), source)), None
            )
        resolved = match.speaker if match is not None else None
        right = speaker_matches(resolved, item["speaker"])
        tally.ratios["speakers resolved"].add(right)
        if not right:
            said = "no attribution" if match is None else f"resolved to {resolved!r}"
            tally.miss(
                "speakers",
                f"{gold.name}: {_context(gold.text, *source)} -> gold {item['speaker']!r}, {said}",
            )


def _unnamed(gold: Gold, attributions: list[Attribution], tally: Tally) -> None:
    wanted = [(u["start"], u["end"]) for u in gold.data["unnamed_sources"]]
    typed = [
        _span(a.source) for a in attributions if a.source_type in UNNAMED and a.source is not None
    ]
    _match_spans(gold, typed, wanted, tally, "unnamed", "unnamed", "typed unnamed")


def _match_spans(
    gold: Gold,
    found: list[tuple[int, int]],
    wanted: list[tuple[int, int]],
    tally: Tally,
    figure: str,
    kind: str,
    wrong: str,
) -> None:
    """Precision of ``found`` and recall of ``wanted`` by overlap, misses listed by kind."""
    for span in found:
        right = any(overlaps(span, g) for g in wanted)
        tally.ratios[f"{figure} precision"].add(right)
        if not right:
            tally.miss(kind, f"{gold.name}: {wrong}: {_context(gold.text, *span)}")
    for span in wanted:
        hit = any(overlaps(span, f) for f in found)
        tally.ratios[f"{figure} recall"].add(hit)
        if not hit:
            tally.miss(kind, f"{gold.name}: missed {kind}: {_context(gold.text, *span)}")


def evaluate(golds: Sequence[Gold], engine: Engine | None = None) -> Tally:
    engine = engine or Engine()
    tally = Tally()
    for gold in golds:
        compare(gold, engine.score(Article(body=gold.text)), tally)
    add_spearman(tally)
    return tally


def add_spearman(tally: Tally) -> None:
    """Spearman's rho of the tally's (score, editor's score) pairs, as a ratio in thousandths
    (with three pairs or more)."""
    if len(tally.scores) > 2:
        rho = spearmanr([s for s, _ in tally.scores], [e for _, e in tally.scores]).statistic
        tally.ratios["Spearman rho"] = Ratio(round(1000 * rho), 1000)


def table(tally: Tally, articles: int) -> str:
    lines = [f"{'what an editor sees':<24} {'value':>6} {'floor':>6}  {'n':>5}"]
    for name, floor in FLOORS.items():
        ratio = tally.ratios[name]
        mark = "ok" if ratio.value >= floor else "below"
        n = len(tally.scores) if name == "Spearman rho" else ratio.total
        if not n:  # a layer this split's gold does not cover
            lines.append(f"{name:<24} {'-':>6} {floor:6.2f}  {n:>5}")
            continue
        lines.append(f"{name:<24} {ratio.value:6.2f} {floor:6.2f}  {n:>5}  {mark}")
    lines.append(f"{articles} articles")
    return "\n".join(lines)


def markdown(tally: Tally, articles: int, split: str) -> str:
    """The table as the README prints it."""
    lines = [
        f"| what an editor sees ({split} half, {articles} articles) | value | floor | n |",
        "|---|---|---|---|",
    ]
    for name, floor in FLOORS.items():
        ratio = tally.ratios[name]
        n = len(tally.scores) if name == "Spearman rho" else ratio.total
        value = f"**{ratio.value:.2f}**" if ratio.value >= floor else f"{ratio.value:.2f}"
        lines.append(f"| {name} | {value} | {floor:.2f} | {n} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--polnear", action="store_true", help="add PolNeAR dev overlap F1")
    parser.add_argument("--errors", choices=("claims", "hedges", "speakers", "unnamed"))
    parser.add_argument("--markdown", action="store_true", help="print the README's table")
    args = parser.parse_args(argv)
    golds = list(load(args.data, args.split))
    if not golds:
        raise SystemExit(f"no gold files under {GOLD / args.split}")
    tally = evaluate(golds)
    if args.markdown:
        print(markdown(tally, len(golds), args.split))
    else:
        print(f"Editorial gold, {args.split} half")
        print(table(tally, len(golds)))
    if args.errors:
        print(f"\n{args.errors}:")
        print("\n".join(tally.errors.get(args.errors, [])))
    if args.polnear:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import polnear

        result = polnear.run(args.data, "dev")
        cells = [f"{k} {100 * result.counts[k].scores('overlap')[2]:.1f}" for k in polnear.KINDS]
        print("PolNeAR dev overlap F1: " + " / ".join(cells) + "  (floors 75 / 75 / 72)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
