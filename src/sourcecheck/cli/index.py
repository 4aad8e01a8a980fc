"""``sourcecheck index`` builds a claim index; ``sourcecheck corroborate`` shows its matches."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sourcecheck.cli.batch import collect_fields, field_options
from sourcecheck.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EngineOptions,
    build_config,
    engine_options,
    error,
    hidden_alias,
    iter_inputs,
    loaders_of,
    stdout,
    text_or_json_option,
)
from sourcecheck.core.errors import InputError


@click.command("index")
@click.argument("inputs", nargs=-1, required=True, metavar="CORPUS...")
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Index directory to write. Required.",
)
@hidden_alias("--out", "out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.4,
    show_default=True,
    help="Cosine similarity at which two claims match.",
)
@click.option(
    "--window-days",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Only articles published this many days apart corroborate.",
)
@click.option(
    "--duplicate-threshold",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Article shingle overlap above which it is a wire copy.",
)
@click.option("--no-tfidf", is_flag=True, help="Plain hashed counts, no IDF weighting.")
@click.option("--n-features", type=click.IntRange(min=2**10), default=2**20, show_default=True)
@click.option("--min-claim-words", type=click.IntRange(min=1), default=6, show_default=True)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: only when stderr is a terminal).",
)
@field_options
@engine_options
def index_command(
    inputs: tuple[str, ...],
    out: Path | None,
    threshold: float,
    window_days: float,
    duplicate_threshold: float,
    no_tfidf: bool,
    n_features: int,
    min_claim_words: int,
    progress: bool | None,
    engine_opts: EngineOptions,
    **field_values: str | None,
) -> int:
    """Index the claim sentences of a corpus for cross-article corroboration."""
    if out is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    from sourcecheck.corpus import MatchOptions, VectorSpec, build_index

    config = build_config(
        engine_opts,
        inputs,
    )
    spec = VectorSpec(n_features=n_features, tfidf=not no_tfidf, min_claim_words=min_claim_words)
    match = MatchOptions(threshold, window_days, duplicate_threshold)
    failures: list[str] = []

    def report(message: str) -> None:
        failures.append(message)
        error(message)

    show = sys.stderr.isatty() if progress is None else progress
    from sourcecheck.batch.progress import BatchProgress
    from sourcecheck.batch.readers import count_records
    from sourcecheck.loaders.builtin import sourcecheck_loaders

    total = count_records(list(inputs), sourcecheck_loaders()) if show else None
    with BatchProgress(show, total, "indexing") as bar:
        manifest = build_index(
            inputs,
            out,
            fields=collect_fields(field_values),
            config=config,
            spec=spec,
            match=match,
            on_error=report,
            on_record=lambda: bar.advance(1),
        )
    click.echo(
        f"indexed {manifest['claims']} claims from {manifest['articles']} articles into {out}",
        err=True,
    )
    return EXIT_ERROR if failures else EXIT_OK


@click.command("corroborate")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option("--corpus-index", required=True, type=click.Path(file_okay=False, path_type=Path))
@text_or_json_option("Text, or analysis.extras['corpus'] as JSON.")
@click.option("--all-claims", is_flag=True, help="Also list claims with no match.")
@engine_options
def corroborate_command(
    inputs: tuple[str, ...],
    corpus_index: Path,
    output_format: str,
    all_claims: bool,
    engine_opts: EngineOptions,
) -> int:
    """Show, for each claim, which articles of other outlets report it and how closely."""
    from sourcecheck.core.engine import Engine
    from sourcecheck.corpus.enricher import EXTRAS_KEY, attach_corpus_index

    config = build_config(
        engine_opts,
        inputs,
    )
    engine = Engine(config)
    attach_corpus_index(engine, corpus_index)
    failed = False
    for item in iter_inputs(inputs, loaders_of(engine.plugins), config.max_bytes):
        if isinstance(item, InputError):
            error(str(item))
            failed = True
            continue
        corpus = engine.analyze(item).extras[EXTRAS_KEY]
        if output_format == "json":
            click.echo(
                json.dumps({"article": item.id, **corpus}, ensure_ascii=False), file=stdout()
            )
        else:
            _print_matches(item.id, item.outlet, corpus, all_claims)
    return EXIT_ERROR if failed else EXIT_OK


def _print_matches(article_id: str, outlet: str | None, corpus: dict, all_claims: bool) -> None:
    claims = corpus["claims"]
    corroborated = sum(1 for claim in claims if claim["matches"])
    click.echo(
        f"{article_id} ({outlet or 'unknown outlet'}): {corroborated}/{len(claims)} claims "
        f"corroborated by other outlets (similarity >= {corpus['threshold']})",
        file=stdout(),
    )
    for claim in claims:
        if not claim["matches"] and not all_claims:
            continue
        click.echo(f"  sentence {claim['sentence']}: {claim['text']}", file=stdout())
        for match in claim["matches"]:
            click.echo(
                f"    {match['similarity']:.2f}  {match['outlet']}  {match['article_id']}"
                f"  ({match['published'] or 'undated'}): {match['text']}",
                file=stdout(),
            )
