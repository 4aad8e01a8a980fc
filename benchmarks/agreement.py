"""How often two editors agree: a second, blind reading against the first, beside sourcecheck.

    python benchmarks/agreement.py [--data ../shared/data/polnear] [--half train|dev]
                                   [--disagreements KIND]

``benchmarks/editorial_gold/second/`` holds a second annotator's reading of some articles,
written without looking at the first (``editorial_annotate.py`` with ``"split": "second"``):
every layer of 12 articles of the ``train`` half, and the speakers of the 24 of the ``dev``
half. For the articles of the chosen half (``--half``, ``train`` by default) read twice, the
first reading is the reference and the second is scored as if it were a prediction, by the
figures of ``benchmarks/editorial.py`` and its floors:

* claims: a sentence the second reader labels ``needs_source`` is right when it overlaps one
  the first reader labels ``needs_source`` (precision); a first-reader ``needs_source``
  sentence is found when a second-reader one overlaps it (recall);
* writer hedges and unnamed sources: spans, by overlap, as ``editorial.py`` matches findings;
* speakers: each first-reader pronoun or description source is right when the second reader
  listed the same attribution (cue overlapping, else source overlapping) with a name that
  ``editorial.speaker_matches`` accepts;
* editor scores: Spearman's rho, the mean absolute difference, the share in the same band;
* Cohen's kappa on the sentence labels (``needs_source`` / ``sourced`` /
  ``no_source_needed``), each first-reader sentence paired with the second-reader sentence
  that overlaps it most, and on ``needs_source`` against the rest.

sourcecheck's own figures on the same articles against the first reading sit beside them
(``--system-against second``: against the second reading instead; the first reading is
tuning material, the second is not).
``--disagreements claims|hedges|speakers|unnamed`` lists where the readers differ (not on
``dev``, the reporting half, whose articles the people tuning the analysis do not read);
``--bootstrap N`` adds 90% intervals of the second reader's figures from N resamples of the
articles (sentences of one article are not independent, so articles are what is resampled).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
import editorial
from editorial import FLOORS, Gold, Ratio, Tally, overlaps, speaker_matches

LABELS = ("needs_source", "sourced", "no_source_needed")
SECOND = "second"
HALVES = ("train", "dev")


@dataclass
class Agreement:
    """The second reader scored against the first, plus what the floors do not cover."""

    tally: Tally = field(default_factory=Tally)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (first, second) per sentence
    extra_speakers: Ratio = field(default_factory=Ratio)  # second-reader items the first lacks
    same_genre: Ratio = field(default_factory=Ratio)


def pairs(data: Path, half: str = "train") -> list[tuple[Gold, Gold]]:
    """(first reading, second reading) of every article of ``half`` read twice, in name order."""
    firsts = {gold.name: gold for gold in editorial.load(data, half)}
    return [(firsts[g.name], g) for g in editorial.load(data, SECOND) if g.name in firsts]


def both_cover(first: Gold, second: Gold, layer: str) -> bool:
    return first.covers(layer) and second.covers(layer)


def compare(first: Gold, second: Gold, agreement: Agreement) -> None:
    tally = agreement.tally
    if both_cover(first, second, "sentences"):
        _claims(first, second, tally)
        agreement.labels += aligned_labels(first.data["sentences"], second.data["sentences"])
    if both_cover(first, second, "writer_hedges"):
        wanted, found = _spans(first, "writer_hedges"), _spans(second, "writer_hedges")
        editorial._match_spans(first, found, wanted, tally, "writer-hedge", "hedges", "only 2nd")
    if both_cover(first, second, "unnamed_sources"):
        wanted, found = _spans(first, "unnamed_sources"), _spans(second, "unnamed_sources")
        editorial._match_spans(first, found, wanted, tally, "unnamed", "unnamed", "only 2nd")
    if both_cover(first, second, "speakers"):
        _speakers(first, second, agreement)
    if both_cover(first, second, "editor"):
        one, two = first.data["editor"], second.data["editor"]
        tally.scores.append((two["score"], one["score"]))
        tally.ratios["same band"].add(one["band"] == two["band"])
        agreement.same_genre.add(one["genre"] == two["genre"])


def _spans(gold: Gold, layer: str) -> list[tuple[int, int]]:
    return [(item["start"], item["end"]) for item in gold.data[layer]]


def _needing(gold: Gold) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in gold.data["sentences"] if s["label"] == "needs_source"]


def _claims(first: Gold, second: Gold, tally: Tally) -> None:
    wanted, found = _needing(first), _needing(second)
    for span in found:
        right = any(overlaps(span, g) for g in wanted)
        tally.ratios["claim precision"].add(right)
        if not right:
            tally.miss("claims", f"{first.name}: only 2nd needs_source: {_text(first, span)}")
    for span in wanted:
        hit = any(overlaps(span, f) for f in found)
        tally.ratios["claim recall"].add(hit)
        if not hit:
            tally.miss("claims", f"{first.name}: only 1st needs_source: {_text(first, span)}")


def _text(gold: Gold, span: tuple[int, int]) -> str:
    return " ".join(gold.text[span[0] : span[1]].split())[:90]


def aligned_labels(first: list[dict], second: list[dict]) -> list[tuple[str, str]]:
    """Each first-reader sentence's label beside that of the second-reader sentence overlapping
    it most (the readers may join the splitter's sentences differently); a sentence the
    second reader's sentences do not overlap has no pair, and is left out."""
    labels = []
    for sentence in first:
        best = max(second, key=lambda other: _overlap(sentence, other), default=None)
        if best is not None and _overlap(sentence, best) > 0:
            labels.append((sentence["label"], best["label"]))
    return labels


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _speakers(first: Gold, second: Gold, agreement: Agreement) -> None:
    theirs = second.data["speakers"]
    for item in first.data["speakers"]:
        match = _same_attribution(item, theirs)
        right = match is not None and speaker_matches(match["speaker"], item["speaker"])
        agreement.tally.ratios["speakers resolved"].add(right)
        if not right:
            said = "not listed by 2nd" if match is None else f"2nd says {match['speaker']!r}"
            source = (item["source_start"], item["source_end"])
            line = f"{first.name}: {editorial._context(first.text, *source)} -> 1st {item['speaker']!r}, {said}"
            agreement.tally.miss("speakers", line)
    for item in theirs:
        only_second = _same_attribution(item, first.data["speakers"]) is None
        agreement.extra_speakers.add(only_second)
        if only_second:
            source = (item["source_start"], item["source_end"])
            line = f"{first.name}: {editorial._context(first.text, *source)} -> only 2nd lists it"
            agreement.tally.miss("speakers", line)


def _same_attribution(item: dict, others: list[dict]) -> dict | None:
    """The other reader's entry for the same attribution: cue overlapping, else source."""
    cue = (item["cue_start"], item["cue_end"])
    source = (item["source_start"], item["source_end"])
    for key, span in (("cue", cue), ("source", source)):
        for other in others:
            if overlaps((other[f"{key}_start"], other[f"{key}_end"]), span):
                return other
    return None


def cohen_kappa(pairs_: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels on the same items (1: perfect, 0: chance)."""
    if not pairs_:
        return 0.0
    first, second = zip(*pairs_, strict=True)
    if len({*first, *second}) == 1:
        return 1.0  # one label throughout: agreement is perfect, and scikit-learn's 0/0 is nan
    return float(cohen_kappa_score(first, second))


def binary(pairs_: Sequence[tuple[str, str]], label: str) -> list[tuple[bool, bool]]:
    return [(a == label, b == label) for a, b in pairs_]


def agree(golds: Sequence[tuple[Gold, Gold]]) -> Agreement:
    agreement = Agreement()
    for first, second in golds:
        compare(first, second, agreement)
    editorial.add_spearman(agreement.tally)
    return agreement


def mean_difference(scores: Sequence[tuple[float, float]], signed: bool = False) -> float:
    """Mean of |prediction - reference| (or of the signed difference: a reader's leniency)."""
    gaps = [a - b if signed else abs(a - b) for a, b in scores]
    return sum(gaps) / len(gaps) if gaps else 0.0


def _cell(tally: Tally | None, name: str) -> str:
    if tally is None:
        return "-"
    ratio = tally.ratios[name]
    if name == "Spearman rho":
        return f"{ratio.value:.2f} (n={len(tally.scores)})" if tally.scores else "-"
    return f"{ratio.value:.2f} ({ratio.hits}/{ratio.total})" if ratio.total else "-"


def table(agreement: Agreement, system: Tally, articles: int, half: str = "train") -> str:
    rows = [_row("figure", "2nd reader", "sourcecheck", "floor")]
    for name, floor in FLOORS.items():
        rows.append(_row(name, _cell(agreement.tally, name), _cell(system, name), f"{floor:.2f}"))
    return "\n".join(rows + _extra_rows(agreement, system, articles, half))


def _row(name: str, reader: str, program: str, floor: str = "-") -> str:
    return f"{name:<28} {reader:>16} {program:>16} {floor:>6}"


def _extra_rows(agreement: Agreement, system: Tally, articles: int, half: str) -> list[str]:
    """The figures without a floor: score offsets, kappa, genre, what each reader listed."""
    ours, theirs = agreement.tally.scores, system.scores
    labels = agreement.labels
    needs = binary(labels, "needs_source")
    genre, extra = agreement.same_genre, agreement.extra_speakers
    rows = []
    if ours or theirs:  # sourcecheck's offsets need only the first reading's scores
        rows += [
            _row("mean |score difference|", _mean(ours), _mean(theirs)),
            _row("mean score difference", _mean(ours, signed=True), _mean(theirs, signed=True)),
        ]
    if genre.total:
        rows.append(_row("same genre", f"{genre.value:.2f} ({genre.hits}/{genre.total})", "-"))
    if labels:
        rows += [
            _row("kappa, three labels", f"{cohen_kappa(labels):.2f} (n={len(labels)})", "-"),
            _row("kappa, needs_source/rest", f"{cohen_kappa(needs):.2f} (n={len(needs)})", "-"),
            _label_counts(labels),
        ]
    listed = f"2nd reader's speakers the 1st did not list: {extra.hits} of {extra.total}"
    return [*rows, listed, f"{articles} articles read twice; reference: the first reading ({half})"]


def _mean(scores: Sequence[tuple[float, float]], signed: bool = False) -> str:
    if not scores:
        return "-"
    form = "+.1f" if signed else ".1f"
    return f"{mean_difference(scores, signed):{form}} (n={len(scores)})"


def _label_counts(labels: Sequence[tuple[str, str]]) -> str:
    first, second = Counter(a for a, _ in labels), Counter(b for _, b in labels)
    cells = [f"{label} {first[label]}/{second[label]}" for label in LABELS]
    return "sentences (1st/2nd): " + ", ".join(cells)


BOOTSTRAPPED = (
    "claim precision",
    "claim recall",
    "speakers resolved",
    "unnamed recall",
    "same band",
)


def bootstrap(golds: Sequence[tuple[Gold, Gold]], runs: int, seed: int = 0) -> dict[str, tuple]:
    """5th and 95th percentiles of the second reader's figures over resampled article sets."""
    rng = random.Random(seed)
    whole = agree(golds)  # only the figures the readings have data for are resampled
    names = [name for name in BOOTSTRAPPED if whole.tally.ratios[name].total]
    samples: dict[str, list[float]] = {name: [] for name in names}
    if whole.labels:
        samples["kappa needs_source"] = []
    for _ in range(runs):
        drawn = agree(rng.choices(golds, k=len(golds)))
        for name in names:
            samples[name].append(drawn.tally.ratios[name].value)
        if whole.labels:
            samples["kappa needs_source"].append(cohen_kappa(binary(drawn.labels, "needs_source")))
    return {name: _percentiles(values) for name, values in samples.items()}


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return ordered[int(0.05 * len(ordered))], ordered[int(0.95 * len(ordered)) - 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--half", choices=HALVES, default="train")
    parser.add_argument("--disagreements", choices=("claims", "hedges", "speakers", "unnamed"))
    parser.add_argument("--system-against", choices=("first", "second"), default="first")
    parser.add_argument("--bootstrap", type=int, default=0, help="resamples for 90%% intervals")
    args = parser.parse_args(argv)
    if args.disagreements and args.half == "dev":
        parser.error("dev is the reporting half: its disagreements are not listed")
    golds = pairs(args.data, args.half)
    if not golds:
        raise SystemExit(f"no article in both {SECOND} and {args.half}")
    agreement = agree(golds)
    system = editorial.evaluate([pair[args.system_against == "second"] for pair in golds])
    print(f"2nd reader vs the 1st reading; sourcecheck vs the {args.system_against} reading")
    print(table(agreement, system, len(golds), args.half))
    if args.bootstrap:
        print(f"\n90% intervals of the 2nd reader's figures, {args.bootstrap} article resamples:")
        for name, (low, high) in bootstrap(golds, args.bootstrap).items():
            print(f"{name:<28} {low:.2f} - {high:.2f}")
    if args.disagreements:
        print(f"\n{args.disagreements}:")
        print("\n".join(agreement.tally.errors.get(args.disagreements, [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
