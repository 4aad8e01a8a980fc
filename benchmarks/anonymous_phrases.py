"""How many anonymous-sourcing phrases of a reference list the source typer recognises.

    python benchmarks/anonymous_phrases.py [--phrases ../shared/data/lexicons/anonymous-source-phrases/phrases.txt]

The reference list (quoted phrases, one a line) is used only to measure: sourcecheck ships
its own word list. Each phrase is put into a short news sentence of our own, the way it
is used in copy, and the sentence's attribution must come out typed ``anonymous``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article

_NOUN_STARTS = (
    "a ",
    "an ",
    "the ",
    "sources",
    "source",
    "people",
    "person",
    "official",
    "officials",
    "senior",
    "someone",
    "executive",
    "aide",
    # "two people briefed on the plan": a noun phrase, not what a named aide is
    "two ",
    "three ",
    "several ",
    "some ",
    "multiple ",
)
# "with knowledge of the matter": what copy writes after an unnamed source's noun.
_POST_MODIFIERS = ("with ", "close to", "familiar with", "briefed on", "involved in")
_DANGLING = (" to", " with", " in", " of", " on", " by")


def sentence_for(phrase: str) -> str:
    """A sentence using ``phrase`` as news copy does."""
    lower = phrase.lower()
    ending = " the talks" if lower.endswith(_DANGLING) else ""
    if lower.startswith("according to"):
        return f"The talks stalled, {phrase}{ending}."
    if lower.endswith(" said"):
        return f"{phrase[0].upper()}{phrase[1:]} the talks had stalled."
    if lower.startswith(_NOUN_STARTS):
        return f"{phrase[0].upper()}{phrase[1:]}{ending} said the talks had stalled."
    if lower.startswith(_POST_MODIFIERS):
        return f"The talks had stalled, said a local aide {phrase}{ending}."
    return f"The talks had stalled, said Dana, a local aide who {phrase}."


def measure(phrases: list[str], analyzer: Analyzer | None = None) -> tuple[int, list[str]]:
    """How many phrases come out anonymous, and the sentences that did not."""
    analyzer = analyzer or Analyzer()
    missed: list[str] = []
    for phrase in phrases:
        body = sentence_for(phrase)
        types = [a.source_type for a in analyzer.analyze(Article(body=body)).attributions]
        if "anonymous" not in types:
            missed.append(body)
    return len(phrases) - len(missed), missed


def read_phrases(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().strip('"') for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    default = (
        Path(__file__).resolve().parent.parent.parent
        / "shared/data/lexicons/anonymous-source-phrases/phrases.txt"
    )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=Path, default=default)
    parser.add_argument("--show", type=int, default=10, help="how many misses to print")
    args = parser.parse_args(argv)
    try:
        phrases = read_phrases(args.phrases)
    except (OSError, UnicodeDecodeError) as error:
        print(f"anonymous_phrases: {args.phrases}: {error}", file=sys.stderr)
        return 2
    found, missed = measure(phrases)
    print(
        f"{found}/{len(phrases)} phrases typed anonymous ({100 * found / max(1, len(phrases)):.1f}%)"
    )
    for body in missed[: args.show]:
        print(f"  missed: {body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
