"""``sourcecheck serve``: the HTTP API and the editor page, on uvicorn."""

from __future__ import annotations

import logging

import click

from sourcecheck.cli.common import EngineOptions, build_config, engine_options, warn
from sourcecheck.serve.settings import TOKEN_ENV, ServeSettings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Scoring worker processes (one engine each).",
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    default=None,
    help=f"Require 'Authorization: Bearer TOKEN' on /v1 requests (or {TOKEN_ENV}).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages from this origin call the API (repeatable; default: none).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=2_000_000,
    show_default=True,
    help="Largest request body (413 above it).",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds per article; a scorer still running then is cut off and reported failed.",
)
@click.option(
    "--max-batch",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Most articles in one /v1/batch request.",
)
@click.option("--log-text", is_flag=True, help="Write each request's text to the log.")
@engine_options
def serve_command(
    host: str,
    port: int,
    workers: int,
    token: str | None,
    cors_origins: tuple[str, ...],
    max_bytes: int,
    time_limit: float,
    max_batch: int,
    log_text: bool,
    engine_opts: EngineOptions,
) -> None:
    """Serve the HTTP API (/v1/score, /v1/check, /v1/batch; OpenAPI at /docs) and the
    editor page at /. Needs the serve extra: pip install 'sourcecheck[serve]'."""
    import uvicorn

    from sourcecheck.serve import create_app, engine_factory

    config = build_config(engine_opts)
    settings = ServeSettings(
        workers=workers,
        max_bytes=max_bytes,
        time_limit=time_limit,
        max_batch=max_batch,
        token=token or None,
        cors_origins=cors_origins,
        log_text=log_text,
    )
    if host not in ("127.0.0.1", "localhost", "::1") and settings.token is None:
        warn(f"serving on {host} without --token: anyone who can reach it can use it")
    app = create_app(engine_factory(config), settings)
    _log_requests()
    # Idle connections are kept longer than clients and load balancers keep theirs (httpx:
    # 5 s, common balancers: 60 s), so it is never the server that closes a connection a
    # client is just reusing.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        timeout_keep_alive=75,
    )


def _log_requests() -> None:
    """One line per scoring request on stderr, beside uvicorn's own (which has no sizes,
    timings or failed scorers)."""
    logger = logging.getLogger("sourcecheck.serve")
    if any(getattr(h, "sourcecheck_serve", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     sourcecheck %(message)s"))
    handler.sourcecheck_serve = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
