"""Instructions per article for the full pipeline, counted by valgrind: exact, not timed.

    python benchmarks/instructions.py [--articles 20] [--news ../shared/data/polnear]

CPU time on a shared VM moves by 30% between runs; the number of instructions executed
does not (to about 0.1% with a fixed hash seed), so it is how a change smaller than the
noise is judged. The script runs itself twice under ``valgrind --tool=cachegrind`` (once
scoring nothing, once scoring ``--articles`` 1,000-word articles, after the same warm-up)
and prints the difference per article. Needs valgrind on the PATH; about 40 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# The same corpora as the speed benchmark, whether this runs as a script or is imported.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def texts_for(news: Path | None, count: int) -> list[str]:
    """``count`` + 1 articles of about 1,000 words: real news under ``news``, else generated."""
    if news is None:
        return speed.make_corpus(count + 1, 1000)
    return speed.news_corpus(news, 1000, count + 1)


def score_some(news: Path | None, count: int, available: int) -> None:
    """What valgrind counts: building the engine, one warm-up article, then ``count``."""
    from sourcecheck.core.engine import Engine
    from sourcecheck.core.models import Article

    texts = texts_for(news, available)  # the same texts whatever ``count`` is
    engine = Engine()
    engine.score(Article(body=texts[0]))
    for text in texts[1 : count + 1]:
        engine.score(Article(body=text))


def counted(args: Sequence[str]) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--inner", *args,
    ]  # fmt: skip
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # set and dict order: same every run
    finished = subprocess.run(command, capture_output=True, text=True, env=environment)
    found = _REFS.search(finished.stderr)
    if finished.returncode != 0 or found is None:
        raise SystemExit(f"error: valgrind run failed: {finished.stderr.strip()[-300:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--news", type=Path, help="Folder of real news .txt files.")
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner is not None:
        score_some(args.news, args.inner, args.articles)
        return 0
    if shutil.which("valgrind") is None:
        print("error: valgrind is not installed", file=sys.stderr)
        return 2
    if args.news is not None and len(texts_for(args.news, args.articles)) <= args.articles:
        print(
            f"error: fewer than {args.articles + 1} 1,000-word texts in {args.news}",
            file=sys.stderr,
        )
        return 2
    extra = ["--articles", str(args.articles)]
    if args.news is not None:
        extra += ["--news", str(args.news)]
    base = counted(["0", *extra])
    full = counted([str(args.articles), *extra])
    label = f"real news from {args.news}" if args.news else "generated articles"
    per_article = (full - base) / args.articles
    print(f"{per_article:,.0f} instructions per 1,000-word article ({args.articles} {label})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
