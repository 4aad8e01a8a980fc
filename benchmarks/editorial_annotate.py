"""Write editorial gold (``../shared/guide/editorial-gold.md``) without counting characters.

    python benchmarks/editorial_annotate.py show ARTICLE.txt [--draft DRAFT.json]
    python benchmarks/editorial_annotate.py build DRAFT.json --data ../shared/data/polnear

An annotator reads the article as an editor would and writes a *draft* outside the repository
(drafts quote the article, so they are never committed). ``show`` prints the article's
sentences, numbered; ``build`` turns the draft into the offsets-only gold file under
``benchmarks/editorial_gold/<split>/``. A draft:

    {
      "article": "wash-post_2016-...txt", "polnear_split": "dev", "split": "dev",
      "splits": ["Text that starts a sentence the splitter missed"],
      "labels": ["X", "N", "F", "S", "+", ...],
      "speakers": [{"near": "unique context", "source": "he", "cue": "said",
                    "speaker": "Full Name"}],
      "unnamed_sources": [{"near": "unique context", "text": "a senior official",
                           "kind": "anonymous", "reason_given": false}],
      "writer_hedges": [{"near": "unique context", "text": "may"}],
      "editor": {"score": 55, "genre": "news"}
    }

``"split": "second"`` writes a second, blind reading of articles another annotator already
read (``benchmarks/editorial_gold/second/``): ``benchmarks/agreement.py`` compares the two
readings, and ``benchmarks/editorial.py`` leaves the split out of ``--split all``.

A draft with ``"layers": ["speakers", "unnamed_sources"]`` covers only those layers (here
no ``labels`` or ``editor`` are needed): the gold file says so, and the benchmark leaves it out
of the other figures instead of reading its missing layers as "nothing there".

``labels`` has one letter per sentence ``show`` prints: ``N`` needs a source, ``F`` needs a
source and holds a figure (a number that is not a date, year or time), ``S`` sourced (in the
sentence or by carry-over), ``X`` no source needed, ``+`` not a sentence of its own (joined to
the one before it). ``near`` is a stretch of the article, unique in it, that holds the phrase;
the phrase's first whole-word occurrence inside it is taken. The band follows from the score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from sourcecheck.core.analysis.text import segment

GOLD = Path(__file__).parent / "editorial_gold"
LABELS = {"N": "needs_source", "F": "needs_source", "S": "sourced", "X": "no_source_needed"}
KINDS = ("anonymous", "vague")
GENRES = ("news", "analysis", "opinion")
LAYERS = ("sentences", "speakers", "unnamed_sources", "writer_hedges", "editor")


def band(score: float) -> str:
    if score >= 80:
        return "well sourced"
    if score >= 60:
        return "adequately sourced"
    if score >= 40:
        return "thinly sourced"
    return "poorly sourced"


def sentence_bounds(text: str, splits: list[str]) -> list[tuple[int, int]]:
    """The splitter's sentences, cut again before each ``splits`` phrase."""
    bounds = [(s.span.start, s.span.end) for s in segment(text)[1]]
    for phrase in splits:
        at = _unique(text, phrase)
        for i, (start, end) in enumerate(bounds):
            if start < at < end:
                head_end = len(text[start:at].rstrip()) + start
                bounds[i : i + 1] = [(start, head_end), (at, end)]
                break
        else:
            raise SystemExit(f"split {phrase!r} does not fall inside a sentence")
    return bounds


def _unique(text: str, phrase: str) -> int:
    first = text.find(phrase)
    if first < 0:
        raise SystemExit(f"not found in the article: {phrase!r}")
    if text.find(phrase, first + 1) >= 0:
        raise SystemExit(f"not unique in the article (make 'near' longer): {phrase!r}")
    return first


def _locate(text: str, near: str, phrase: str) -> tuple[int, int]:
    base = _unique(text, near)
    # A whole-word match: "he" is not the "he" of "the" earlier in the near text.
    before = r"(?<!\w)" if phrase[:1].isalnum() else ""
    after = r"(?!\w)" if phrase[-1:].isalnum() else ""
    found = re.search(before + re.escape(phrase) + after, text[base : base + len(near)])
    if found is None:
        raise SystemExit(f"{phrase!r} is not inside its near text {near!r}")
    return base + found.start(), base + found.end()


def show(article: Path, draft: Path | None) -> None:
    text = article.read_text(encoding="utf-8")
    splits = json.loads(draft.read_text())["splits"] if draft else []
    for i, (start, end) in enumerate(sentence_bounds(text, splits)):
        flat = " ".join(text[start:end].split())
        print(f"[{i}] {flat}")


def build(draft_path: Path, data: Path) -> Path:
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    source = data / draft["polnear_split"] / "text" / draft["article"]
    raw = source.read_bytes()
    text = raw.decode("utf-8")
    layers = _layers(draft)
    gold: dict = {
        "article": draft["article"],
        "polnear_split": draft["polnear_split"],
        "sha1": hashlib.sha1(raw).hexdigest(),
    }
    if layers != LAYERS:
        gold["layers"] = list(layers)
    if "sentences" in layers:
        gold["sentences"] = _sentences(text, draft)
    if "speakers" in layers:
        gold["speakers"] = _speakers(text, draft.get("speakers", []))
    if "unnamed_sources" in layers:
        gold["unnamed_sources"] = _unnamed(text, draft.get("unnamed_sources", []))
    if "writer_hedges" in layers:
        hedges = [_locate(text, h["near"], h["text"]) for h in draft.get("writer_hedges", [])]
        gold["writer_hedges"] = [{"start": s, "end": e} for s, e in sorted(hedges)]
    if "editor" in layers:
        gold["editor"] = _editor(draft["editor"])
    out = GOLD / draft["split"] / (Path(draft["article"]).stem + ".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    return out


def _layers(draft: dict) -> tuple[str, ...]:
    """The layers a draft covers, in the gold's order; all of them unless it says otherwise."""
    wanted = draft.get("layers", LAYERS)
    unknown = set(wanted) - set(LAYERS)
    if unknown:
        raise SystemExit(f"unknown layers {sorted(unknown)}")
    return tuple(layer for layer in LAYERS if layer in wanted)


def _sentences(text: str, draft: dict) -> list[dict]:
    bounds = sentence_bounds(text, draft.get("splits", []))
    labels = draft["labels"]
    if len(labels) != len(bounds):
        raise SystemExit(f"{len(labels)} labels for {len(bounds)} sentences")
    sentences: list[dict] = []
    for (start, end), label in zip(bounds, labels, strict=True):
        if label == "+":
            if not sentences:
                raise SystemExit("the first label cannot be '+'")
            sentences[-1]["end"] = end
            continue
        if label not in LABELS:
            raise SystemExit(f"unknown label {label!r}")
        sentences.append(
            {"start": start, "end": end, "label": LABELS[label], "figure": label == "F"}
        )
    return sentences


def _speakers(text: str, items: list[dict]) -> list[dict]:
    speakers = []
    for item in items:
        source_start, source_end = _locate(text, item["near"], item["source"])
        cue_start, cue_end = _locate(text, item["near"], item["cue"])
        speakers.append(
            {
                "cue_start": cue_start,
                "cue_end": cue_end,
                "source_start": source_start,
                "source_end": source_end,
                "speaker": item["speaker"],
            }
        )
    return sorted(speakers, key=lambda s: s["cue_start"])


def _unnamed(text: str, items: list[dict]) -> list[dict]:
    unnamed = []
    for item in items:
        if item["kind"] not in KINDS:
            raise SystemExit(f"unknown unnamed-source kind {item['kind']!r}")
        start, end = _locate(text, item["near"], item["text"])
        unnamed.append(
            {"start": start, "end": end, "kind": item["kind"], "reason_given": item["reason_given"]}
        )
    return sorted(unnamed, key=lambda s: s["start"])


def _editor(editor: dict) -> dict:
    if editor["genre"] not in GENRES:
        raise SystemExit(f"unknown genre {editor['genre']!r}")
    return {"score": editor["score"], "band": band(editor["score"]), "genre": editor["genre"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    show_cmd = commands.add_parser("show", help="print the article's numbered sentences")
    show_cmd.add_argument("article", type=Path)
    show_cmd.add_argument("--draft", type=Path, help="apply the draft's extra splits")
    build_cmd = commands.add_parser("build", help="draft -> offsets-only gold file")
    build_cmd.add_argument("draft", type=Path, nargs="+")
    build_cmd.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    args = parser.parse_args(argv)
    if args.command == "show":
        show(args.article, args.draft)
    else:
        for draft in args.draft:
            print(build(draft, args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
