"""Claim index build and query speed at 100,000 claims.

Builds an index from the example corpus generator (examples/corpus/generate.py, our own
invented articles) until it holds --claims claims, then times loading it and matching the
claims of --queries articles against it (what `--corpus-index` adds per scored article).

    python benchmarks/index_speed.py --claims 100000
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from sourcecheck.core.engine import Engine
from sourcecheck.core.models import Article
from sourcecheck.corpus import ClaimIndex, IndexBuilder

GENERATOR = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "generate.py"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_generator", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_generator"] = module
    spec.loader.exec_module(module)
    return module


def to_article(record: dict[str, str]) -> Article:
    return Article(
        id=record["doc_id"],
        title=record["headline"],
        body=record["content"],
        outlet=record["outlet_name"],
        published=record["date"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    generator = load_generator()
    # ~6 claims per article: generate enough articles, stop once the claim count is reached.
    records = generator.generate(args.claims // 4, seed=3)
    engine = Engine()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "idx"
        builder = IndexBuilder(out)
        started = time.perf_counter()
        analysis_seconds = 0.0
        for record in records:
            article = to_article(record)
            before = time.perf_counter()
            claims = engine.analyze(article).claims
            analysis_seconds += time.perf_counter() - before
            builder.add(article, claims)
            if builder.n_claims >= args.claims:
                break
        manifest = builder.finish()
        build = time.perf_counter() - started
        size = sum(f.stat().st_size for f in out.iterdir()) / 2**20
        print(
            f"built: {manifest['claims']:,} claims from {manifest['articles']:,} articles in "
            f"{build:.1f}s ({build - analysis_seconds:.1f}s indexing, {analysis_seconds:.1f}s "
            f"analysis); {manifest['claims'] / (build - analysis_seconds):,.0f} claims/s "
            f"indexing; {size:.1f} MB on disk"
        )
        started = time.perf_counter()
        index = ClaimIndex.load(out)
        print(f"load: {time.perf_counter() - started:.2f}s")
        queries = [to_article(r) for r in records[-args.queries :]]
        analyses = [engine.analyze(q) for q in queries]
        started = time.perf_counter()
        matched = 0
        for query, analysis in zip(queries, analyses, strict=True):
            result = index.corroborate(query, analysis.claims)
            matched += sum(1 for claim in result["claims"] if claim["matches"])
        seconds = time.perf_counter() - started
        claims = sum(len(a.claims) for a in analyses)
        print(
            f"query: {args.queries} articles ({claims} claims) in {seconds:.2f}s = "
            f"{1000 * seconds / args.queries:.1f} ms per article, "
            f"{args.queries / seconds:.0f} articles/s; {matched} claims matched"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
