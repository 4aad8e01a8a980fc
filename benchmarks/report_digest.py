"""One digest of every report of a fixed corpus: proof that a speed-up changed no output.

    python benchmarks/report_digest.py [--news ../shared/data/polnear]

Run it before and after an optimisation: the two digests must be equal. The corpus is
generated articles of 200, 1,000 and 3,000 words, the example articles, their curly-quote
variants and, with ``--news``, up to 400 real news texts (read, never copied anywhere).
Every report is dumped in full (every span, finding, metric and score) with the
sentence and quote offsets of its analysis.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

# The same generated corpus as the speed benchmark, whether run as a script or imported.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed

from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article


def corpus(news: Path | None, limit: int = 400) -> list[str]:
    texts = speed.make_corpus(60, 200, seed=9) + speed.make_corpus(150, 1000, seed=3)
    texts += speed.make_corpus(20, 3000, seed=5)
    texts += [path.read_text(encoding="utf-8") for path in sorted(speed.EXAMPLES.glob("*.md"))]
    if news is not None:
        texts += [
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(news.rglob("*.txt"))[:limit]
        ]
    curly = [text.replace('"', "“", 3).replace("'", "’") for text in texts[:30]]
    return texts + curly


def dumps(engine: Engine, texts: Sequence[str]) -> Iterator[str]:
    for text in texts:
        article = Article(body=text)
        report = engine.score(article).model_dump(mode="json")
        analysis = engine.analyze(article)
        offsets = {
            "sentences": [(s.span.start, s.span.end, s.paragraph) for s in analysis.sentences],
            "quotes": [dataclasses.asdict(q) for q in analysis.quotes],
        }
        yield json.dumps({"report": report, "analysis": offsets}, sort_keys=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", type=Path, help="Folder of real news .txt files to add.")
    args = parser.parse_args(argv)
    texts = corpus(args.news)
    digest = hashlib.sha256()
    for line in dumps(Engine(), texts):
        digest.update(line.encode("utf-8") + b"\n")
    print(f"{digest.hexdigest()}  reports of {len(texts)} texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
