"""Fit the learned cue-word table of ``sourcecheck.core.analysis.attributions.cue_words``.

    python training/cue_words.py [--data ../shared/data/polnear] [--accept 0.55] [--write]

The defaults reproduce the shipped table (``--accept 0.55``).

Reads PolNeAR's train split only (Newell, Margolin & Ruths, LREC 2018; the dev split is
never read). Steps:

1. Candidate forms: every form of the report-verb lexicon (its ``not_cues`` too), and the
   lower-case words that stand inside annotated cues at least ``--min-cues`` times and in at
   least ``--min-rate`` of their uses (function words left out). The words are common
   English, no article text.
2. The attribution finder reads every train article with all candidates as cues. Each
   reading not inside a direct quote is a positive when its cue overlaps an annotated cue.
3. A form's share is its positives over its readings; forms read fewer than
   ``--min-readings`` times stay out of the table (the lexicon decides them). The share a
   lexicon form must reach (``reject``) is the one that maximises the summed overlap F1 of
   cues, sources and contents over the train split when only forms at or above it are read
   (a form's readings, and the annotated spans only its readings overlap, come and go with
   it). A word the lexicon lacks is added at ``--accept`` (default 0.55, see below).

``--write`` stores the forms whose reading changes, their shares and the two thresholds as
``src/sourcecheck/data/models/cue_words.json``. The shipped table adds words at 0.55:
further down the words added are mostly actions and beliefs ("voted", "see", "feel") whose
readings hide the writer's claims and cost the editorial figures (train half: unnamed-source
precision 0.64 -> 0.57 and claim recall 0.31 -> 0.29 at 0.35; writer-hedge recall 0.82 ->
0.81 already at 0.5).
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import polnear

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.analysis.attributions.content import PLAN_VERBS
from sourcecheck.core.analysis.attributions.cue_words import NO_CUE_WORDS, CueWords
from sourcecheck.core.analysis.attributions.cues import _RAISING_PASSIVES
from sourcecheck.core.analysis.patterns import verb_forms, words
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Article

OUT = Path(__file__).resolve().parents[1] / "src/sourcecheck/data/models/cue_words.json"
KINDS = polnear.KINDS
_WORD = re.compile(r"[a-z][a-z'’-]*")
# Words inside many cue spans ("is expected to", "has said", "according to") that are no
# cue on their own.
FUNCTION_WORDS = words(
    """
    a an the to of in on at for from with by as about into over up out off down back and or
    but not no so than then that this these those it its is are was were be been being am
    has have had do does did will would can could may might must shall should he she they
    we i you his her their our my your him them us me who which what when where why how
    also just still even now again only very more most much many some all any one new
    according
    """
)

# Read by their own rules whatever the table says (verbless.py reads "In" and ":", plans
# only before an infinitive), so never in it.
FIXED = frozenset(["according to", "citing", "in", ":", *_RAISING_PASSIVES, *PLAN_VERBS])


@dataclass
class Reading:
    """One attribution the finder read: the form that proposed it and its spans."""

    form: str
    spans: dict[str, tuple[int, int] | None]


@dataclass
class Tally:
    """Per form, per kind: readings, readings overlapping gold, gold spans only it hits."""

    readings: Counter[tuple[str, str]] = field(default_factory=Counter)
    hits: Counter[tuple[str, str]] = field(default_factory=Counter)
    unique: Counter[tuple[str, str]] = field(default_factory=Counter)
    shared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


def lexicon_forms(lexicons: Lexicons) -> set[str]:
    """Every form the report-verb lexicon proposes, its ``not_cues`` included."""
    groups = lexicons.get("report_verbs")
    assert isinstance(groups, dict)
    forms: set[str] = set()
    for kind, phrases in groups.items():
        for phrase in phrases:
            forms |= {phrase.lower()} if kind == "not_cues" else verb_forms(phrase.lower())
    return forms


def mined_words(documents: list[polnear.Document], min_cues: int, min_rate: float) -> set[str]:
    """Lower-case words inside annotated cues often enough, and cues in enough of their uses."""
    seen: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for doc in documents:
        cues = sorted(doc.gold["cue"])
        starts = [start for start, _ in cues]
        for match in _WORD.finditer(doc.text):
            word = match.group()
            seen[word] += 1
            if _overlaps_any(match.span(), cues, starts):
                in_cue[word] += 1
    return {
        word
        for word, count in in_cue.items()
        if count >= min_cues and count / seen[word] >= min_rate and _may_be_cue(word)
    }


# "Seemed" and "appears" are the writer's hedges to an editor (the hedging scorer reads
# them); an adverb ("publicly said") or a contraction ("hasn't said") is read with its verb.
_HEDGE_STEMS = ("appear", "seem")


def _may_be_cue(word: str) -> bool:
    return (
        word not in FUNCTION_WORDS
        and not word.startswith(_HEDGE_STEMS)
        and not word.endswith("ly")
        and "'" not in word
        and "’" not in word
    )


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_left(starts, span[1])
    return any(s < span[1] and span[0] < e for s, e in spans[max(0, index - 12) : index])


class RecordingFinder(AttributionFinder):
    """The finder, remembering which form proposed each cue it read."""

    def __init__(self, lexicons: Lexicons, cue_words: CueWords) -> None:
        super().__init__(lexicons, cue_words)
        self.form_at: dict[int, str] = {}

    def _learn_cue_words(self, cue_words: CueWords, kept: frozenset[str]) -> None:
        # Every candidate is read, the lexicon's ``not_cues`` too: as learned forms, as
        # the shipped table was fitted.
        verbs = self.lexicons.get("report_verbs")
        for form in verbs.get("not_cues", []) if isinstance(verbs, dict) else []:
            self.kind_of.pop(form.lower(), None)
        super()._learn_cue_words(cue_words, kept)

    def _drop_not_cues(self, not_cues: list[str]) -> None:
        """Training reads every candidate: see ``_learn_cue_words``."""

    def _read(self, cue):  # type: ignore[no-untyped-def]
        found = super()._read(cue)
        if found is not None and found.cue is not None:
            self.form_at[found.cue[1]] = cue.lower
        return found


def readings(documents: list[polnear.Document], candidates: set[str]) -> list[list[Reading]]:
    """What the finder reads in each article with every candidate taken as a cue."""
    lexicons = Lexicons()
    finder = RecordingFinder(
        lexicons, CueWords(dict.fromkeys(candidates, 1.0), accept=0.5, reject=0.0)
    )
    analyzer = Analyzer(lexicons)
    analyzer._attributions = finder
    found: list[list[Reading]] = []
    for doc in documents:
        finder.form_at.clear()
        analysis = analyzer.analyze(Article(body=doc.text))
        article: list[Reading] = []
        for attribution in analysis.attributions:
            if attribution.in_quote or attribution.cue is None:
                continue
            form = finder.form_at.get(attribution.cue.end, "")
            spans = polnear.predicted_spans([attribution], doc.text)
            article.append(Reading(form, {k: next(iter(spans[k]), None) for k in KINDS}))
        found.append(article)
    return found


def tally(documents: list[polnear.Document], found: list[list[Reading]]) -> Tally:
    """Counts per form and kind from which every kept set's F1 can be computed."""
    result = Tally()
    for doc, article in zip(documents, found, strict=True):
        for kind in KINDS:
            gold = doc.gold[kind]
            result.gold[kind] += len(gold)
            predicted: dict[tuple[int, int], set[str]] = defaultdict(set)
            for reading in article:
                span = reading.spans[kind]
                if span is not None:
                    predicted[span].add(reading.form)
            for span, forms in predicted.items():
                hit = any(s < span[1] and span[0] < e for s, e in gold)
                for form in forms:  # a span two forms read counts for each
                    result.readings[form, kind] += 1
                    result.hits[form, kind] += hit
            for g in gold:
                forms = {
                    form
                    for span, span_forms in predicted.items()
                    if span[0] < g[1] and g[0] < span[1]
                    for form in span_forms
                }
                if len(forms) == 1:
                    result.unique[next(iter(forms)), kind] += 1
                elif forms:
                    result.shared[kind] += 1
    return result


def summed_f1(counts: Tally, kept: set[str]) -> tuple[float, dict[str, float]]:
    """The summed overlap F1 of the kinds when only ``kept`` forms are read (approximate:
    a gold span two forms overlap counts as hit whatever is kept)."""
    scores: dict[str, float] = {}
    for kind in KINDS:
        predicted = sum(counts.readings[f, kind] for f in kept)
        hits = sum(counts.hits[f, kind] for f in kept)
        gold_hits = counts.shared[kind] + sum(counts.unique[f, kind] for f in kept)
        precision = hits / predicted if predicted else 0.0
        recall = gold_hits / counts.gold[kind]
        scores[kind] = 2 * precision * recall / (precision + recall) if hits else 0.0
    return sum(scores.values()), scores


def fit(
    counts: Tally, min_readings: int, lexicon: set[str]
) -> tuple[dict[str, float], float, dict[str, float]]:
    """Shares of the forms read often enough, the best threshold on them, and the scores."""
    forms = {form for form, _ in counts.readings}
    shares = {
        form: round(counts.hits[form, "cue"] / counts.readings[form, "cue"], 3)
        for form in forms - FIXED
        if counts.readings[form, "cue"] >= min_readings
    }
    left_to_lexicon = (forms - shares.keys()) & lexicon
    best: tuple[float, float, dict[str, float]] = (-1.0, 0.0, {})
    for step in range(5, 80):
        threshold = step / 100
        kept = left_to_lexicon | {form for form, share in shares.items() if share >= threshold}
        score, scores = summed_f1(counts, kept)
        if score > best[0]:
            best = (score, threshold, scores)
    return shares, best[1], best[2]


def arguments() -> argparse.ArgumentParser:
    """The command line (its defaults rebuild the shipped table)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--min-cues", type=int, default=5)
    parser.add_argument("--min-rate", type=float, default=0.1)
    parser.add_argument("--min-readings", type=int, default=10)
    parser.add_argument(
        "--accept",
        type=float,
        default=0.55,
        help="share at which a new word is a cue (default 0.55, the shipped table's)",
    )
    parser.add_argument("--write", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    documents = list(polnear.load(args.data, "train"))
    known = lexicon_forms(Lexicons())
    mined = mined_words(documents, args.min_cues, args.min_rate) - known
    print(f"{len(known)} lexicon forms, {len(mined)} mined words")
    found = readings(documents, known | mined)
    counts = tally(documents, found)
    lexicon = _lexicon_cues()
    shares, reject, _ = fit(counts, args.min_readings, lexicon)
    accept = args.accept
    table = {
        form: share
        for form, share in sorted(shares.items())
        if (form in lexicon and share < reject) or (form not in lexicon and share >= accept)
    }
    read = {form for form, _ in counts.readings}
    kept = (read & lexicon) - {f for f, share in table.items() if share < reject}
    kept |= {f for f, share in table.items() if share >= accept}
    _, base_scores = summed_f1(counts, read & lexicon)
    _, scores = summed_f1(counts, kept)
    print(f"reject under {reject:.2f}, accept from {accept:.2f}: {len(table)} forms in the table")
    print("  lexicon alone   " + _fmt(base_scores))
    print("  with the table  " + _fmt(scores))
    for form, share in table.items():
        sign = "+" if share >= accept else "-"
        print(f"  {sign} {form:24} {share:.2f} of {counts.readings[form, 'cue']}")
    if args.write:
        payload = {
            "description": "Share of the attribution rules' readings of each form that are "
            "report cues; forms at or above 'accept' are cues, those under 'reject' are not.",
            "provenance": "training/cue_words.py on the PolNeAR train split (Newell, Margolin "
            f"& Ruths, LREC 2018; {len(documents)} articles, first annotator), forms read at "
            f"least {args.min_readings} times. Words and shares only, no article text.",
            "accept": accept,
            "reject": reject,
            "shares": table,
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


def _lexicon_cues() -> set[str]:
    """The forms the finder reads with the lexicon alone."""
    return set(AttributionFinder(Lexicons(), NO_CUE_WORDS).kind_of) | FIXED


def _fmt(scores: dict[str, float]) -> str:
    return " ".join(f"{kind} {100 * value:.1f}" for kind, value in scores.items())


if __name__ == "__main__":
    sys.exit(main())
