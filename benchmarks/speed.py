"""How fast is the full default pipeline? Articles per second per core, memory, scaling.

    python benchmarks/speed.py [--articles 300] [--words 1000] [--passes 5] [--no-spacy]
    python benchmarks/speed.py --news ../shared/data/polnear   # also on real news texts

Articles are assembled from the paragraphs of ``examples/articles/*.md`` (shuffled, with
their figures and names varied) until they reach the target length, so they read like news
and exercise quotes, attributions and hedges; no external data is needed.

Generated articles are denser than real news (about 40 attributions and 34 hedges per
1,000 words, against about 20 and 11 in PolNeAR's political news), so they are the harder
case. ``--news DIR`` also measures real news: every ``*.txt`` under ``DIR`` whose length is
within 30% of ``--words`` (the texts are read, never copied anywhere).

Timing is CPU time of this one process (``time.process_time``), so the figure is per core.
On a shared VM even CPU time moves by 30% or more between runs (neighbours share caches
and cores), so the headline figures are taken over several passes, generated and real
texts alternating, and both the best pass and the median are printed: the best is what
the code costs, the median what a typical moment on this machine gives. Each article goes through ``Engine().score``: the shared
analysis, every installed scorer, the combiner and the ``Report`` object.

As a reference point, the same texts go through spaCy's blank English tokenizer with a
rule-based sentencizer (no model), which is roughly the cheapest spaCy pipeline there is.
Install it with ``pip install 'sourcecheck[bench]'``.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article
from sourcecheck.loaders.builtin import split_front_matter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
FLOOR = 200.0  # articles per second per core at 1,000 words: the project's stated minimum
SCALING_WORDS = (500, 1000, 2000, 8000)

_FIRST = ["Ana", "Tom", "Lena", "Omar", "Grace", "Ivan", "Mei", "Samuel", "Rosa", "Kwame"]
_LAST = ["Ruiz", "Hale", "Okafor", "Lund", "Bell", "Nakamura", "Fischer", "Adeyemi", "Costa"]
_NAME = re.compile(r"\b(Ana Ruiz|Paul Okafor|Teresa Lund|Marcus Bell|Helen Marsh|Owen Marsh)\b")
_DIGITS = re.compile(r"\d+")


def example_paragraphs(folder: Path = EXAMPLES) -> list[str]:
    """Every paragraph of the example articles, front matter removed."""
    paragraphs: list[str] = []
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        _, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        paragraphs.extend(p.strip() for p in body.split("\n\n") if p.strip())
    if not paragraphs:
        raise SystemExit(f"error: no example articles found in {folder}")
    return paragraphs


def make_article(paragraphs: Sequence[str], words: int, rng: random.Random) -> str:
    """A news-like body of about ``words`` words from shuffled, varied paragraphs."""
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = rng.choice(paragraphs)
        paragraph = _NAME.sub(lambda _: f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", paragraph)
        paragraph = _DIGITS.sub(lambda m: str(rng.randint(2, 10 ** len(m.group()))), paragraph)
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(chosen)


def make_corpus(n: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs = example_paragraphs()
    return [make_article(paragraphs, words, rng) for _ in range(n)]


def news_corpus(folder: Path, words: int, limit: int) -> list[str]:
    """Up to ``limit`` real news texts under ``folder`` within 30% of ``words`` words."""
    low, high = words * 0.7, words * 1.3
    texts: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if low <= len(text.split()) <= high:
            texts.append(text)
            if len(texts) == limit:
                break
    return texts


def cpu_rate(function: Callable[[str], object], texts: Sequence[str]) -> float:
    """Texts per CPU second of this process."""
    started = time.process_time()
    for text in texts:
        function(text)
    elapsed = max(time.process_time() - started, 1e-9)
    return len(texts) / elapsed


def pass_rates(
    functions: Sequence[tuple[Callable[[str], object], Sequence[str]]], passes: int
) -> list[list[float]]:
    """Rates of each (function, texts) pair over ``passes`` passes, the pairs alternating.

    Alternating means a slow moment of the machine slows every measurement alike, so the
    ratios between them stay meaningful.
    """
    rates: list[list[float]] = [[] for _ in functions]
    for _ in range(max(1, passes)):
        for found, (function, texts) in zip(rates, functions, strict=True):
            found.append(cpu_rate(function, texts))
    return rates


def summary(rates: Sequence[float]) -> str:
    """'212 articles/s/core (best of 5 passes; median 190)'."""
    if len(rates) == 1:
        return f"{rates[0]:,.0f} articles/s/core"
    return (
        f"{max(rates):,.0f} articles/s/core (best of {len(rates)} passes; "
        f"median {statistics.median(rates):,.0f})"
    )


def verdict(rates: Sequence[float]) -> str:
    median = statistics.median(rates)
    if median >= FLOOR:
        return f"meets the floor of {FLOOR:.0f}"
    if max(rates) >= FLOOR:
        return f"best pass meets the floor of {FLOOR:.0f}, the median does not"
    return f"BELOW the floor of {FLOOR:.0f}"


def traced_peak_mib(function: Callable[[str], object], texts: Sequence[str]) -> float:
    """Peak Python heap growth while scoring ``texts`` one by one, in MiB."""
    tracemalloc.start()
    try:
        for text in texts:
            function(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def stage_breakdown(engine: Engine, texts: Sequence[str]) -> list[tuple[str, float]]:
    """CPU milliseconds per article for the analysis, each scorer, and the rest of score()."""
    articles = [Article(body=text) for text in texts]
    # The whole score() first, while no analyses are held: fifty of them kept alive make
    # every garbage collection during the run slower, which would be charged to score().
    started = time.process_time()
    for article in articles:
        engine.score(article)
    total = time.process_time() - started
    started = time.process_time()
    analyses = [engine.analyze(article) for article in articles]
    stages = [("analysis", time.process_time() - started)]
    for scorer in engine.scorers:
        started = time.process_time()
        for article, analysis in zip(articles, analyses, strict=True):
            scorer.score(article, analysis)
        stages.append((f"scorer {scorer.name}", time.process_time() - started))
    stages.append(("rest of score(), by difference", total - sum(t for _, t in stages)))
    stages.append(("total Engine().score", total))
    return [(name, seconds * 1000 / len(articles)) for name, seconds in stages]


def spacy_scorer() -> Callable[[str], object] | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return lambda text: list(nlp(text).sents)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="Articles per measurement.")
    parser.add_argument("--words", type=int, default=1000, help="Words per article.")
    parser.add_argument(
        "--scaling",
        type=int,
        nargs="*",
        default=list(SCALING_WORDS),
        help="Article lengths (words) for the scaling rows.",
    )
    parser.add_argument(
        "--passes", type=int, default=5, help="Passes over the texts for the headline rates."
    )
    parser.add_argument("--no-spacy", action="store_true", help="Skip the spaCy reference.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--news",
        type=Path,
        help="Folder of real news .txt files (e.g. ../shared/data/polnear) to measure too.",
    )
    args = parser.parse_args(argv)

    engine = Engine()  # built once, as a researcher's batch would: plugins load once
    score: Callable[[str], object] = lambda text: engine.score(Article(body=text))  # noqa: E731
    texts = make_corpus(args.articles, args.words, args.seed)
    score(texts[0])  # warm up lazily compiled patterns outside the timing

    samples: list[tuple[str, Sequence[str]]] = [("generated", texts)]
    if args.news is not None:
        news = news_corpus(args.news, args.words, args.articles)
        if not news:
            print(
                f"error: no .txt news articles of about {args.words} words in {args.news}",
                file=sys.stderr,
            )
            return 2
        score(news[0])
        samples.append(("real news", news))
    rates = pass_rates([(score, sample) for _, sample in samples], args.passes)
    scorers = ", ".join(s.name for s in engine.scorers)
    print(f"sourcecheck {engine.versions()['sourcecheck']}, Python {sys.version.split()[0]}")
    print(f"full pipeline (Engine().score: analysis, scorers [{scorers}], combiner, report)")
    print(
        f"{args.articles} generated articles x {args.words} words: {summary(rates[0])} "
        f"({verdict(rates[0])})"
    )
    if args.news is not None:
        news = samples[1][1]
        mean_words = sum(len(text.split()) for text in news) / len(news)
        print(
            f"{len(news)} real news articles (mean {mean_words:,.0f} words) from {args.news}: "
            f"{summary(rates[1])} ({verdict(rates[1])})"
        )
    print(
        f"tracemalloc peak while scoring 50 articles: {traced_peak_mib(score, texts[:50]):.1f} MiB"
    )
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    print("\nwhere the time goes (CPU ms per article, first 50 articles)")
    for name, milliseconds in stage_breakdown(engine, texts[:50]):
        print(f"  {name:<36} {milliseconds:>7.2f}")

    print("\nscaling (articles/s/core; a flat words/s column means linear time)")
    print(f"{'words':>6}  {'articles/s':>10}  {'words/s':>10}  {'ms/article':>10}")
    per_row = max(5, args.articles // 4)
    for words in args.scaling:
        sample = make_corpus(max(2, per_row * 1000 // max(words, 1)), words, args.seed + words)
        row_rate = cpu_rate(score, sample)
        actual = sum(len(t.split()) for t in sample) / len(sample)
        print(
            f"{words:>6}  {row_rate:>10,.1f}  {row_rate * actual:>10,.0f}  {1000 / row_rate:>10.2f}"
        )

    if not args.no_spacy:
        nlp = spacy_scorer()
        if nlp is None:
            print("\nspaCy reference skipped: pip install 'sourcecheck[bench]'")
        else:
            nlp(texts[0])
            print()
            spacy_rates = pass_rates([(nlp, sample) for _, sample in samples], args.passes)
            for (label, sample), own, reference in zip(samples, rates, spacy_rates, strict=True):
                print(
                    f"reference, spaCy blank('en') tokenizer + sentencizer on the same "
                    f"{len(sample)} {label} texts: {summary(reference)} "
                    f"(sourcecheck full pipeline, best to best: "
                    f"{max(own) / max(reference):.2f}x that rate)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
