"""The server's own settings (the engine's come from the usual config file)."""

from __future__ import annotations

import os
from dataclasses import dataclass

TOKEN_ENV = "SOURCECHECK_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    #: Scoring worker processes, each with its own engine.
    workers: int = 1
    #: Largest request body accepted, in bytes (413 above it).
    max_bytes: int = 2_000_000
    #: Seconds one article may take; a scorer still running then is cut off and reported
    #: failed.
    time_limit: float = 10.0
    #: Seconds past the time limit before a worker that did not stop is killed (504).
    grace: float = 5.0
    #: Most articles in one /v1/batch request.
    max_batch: int = 64
    #: Bearer token every /v1 request must carry; None: no authentication.
    token: str | None = None
    #: Origins allowed to call the API from a browser; empty: no cross-origin requests.
    cors_origins: tuple[str, ...] = ()
    #: Write the text of each request to the log (off: only sizes, timings and statuses).
    log_text: bool = False

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.max_bytes < 1 or self.max_batch < 1:
            raise ValueError("max_bytes and max_batch must be positive")
        if self.time_limit <= 0 or self.grace <= 0:
            raise ValueError("time_limit and grace must be positive")


def token_from_env() -> str | None:
    return os.environ.get(TOKEN_ENV) or None
