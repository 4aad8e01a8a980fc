"""A real uvicorn on 127.0.0.1 per test module (or per test), and plugins that misbehave."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")

from sourcecheck.core.config import Config  # noqa: E402
from sourcecheck.serve import ServeSettings, create_app, engine_factory  # noqa: E402

STARTUP_SECONDS = 60  # spawning workers and building their engines on a busy 2-core machine

SLOW_PLUGINS = '''
import signal
import time

import sourcecheck


class Sleepy(sourcecheck.Scorer):
    """Hangs in Python (interruptible) on a draft that says HANG."""

    name = "sleepy"
    version = "1"

    def score(self, article, analysis):
        if "HANG" in article.body:
            time.sleep(120)
        return sourcecheck.ScorerResult(score=1.0)


class Stubborn(sourcecheck.Scorer):
    """Hangs where no alarm reaches it (the signal blocked, as inside a C extension)."""

    name = "stubborn"
    version = "1"

    def score(self, article, analysis):
        if "STUCK" in article.body:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(120)
        return sourcecheck.ScorerResult(score=1.0)


@sourcecheck.hookimpl
def sourcecheck_scorers():
    return [Sleepy(), Stubborn()]
'''


class Server:
    def __init__(self, base: str, app: object) -> None:
        self.base = base
        self.app = app

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def running(settings: ServeSettings, config: Config | None = None) -> Iterator[Server]:
    """uvicorn serving ``create_app`` on a free port of 127.0.0.1, in a thread."""
    app = create_app(engine_factory(config or Config()), settings)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Server(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running(ServeSettings(workers=1, max_bytes=20_000, max_batch=3)) as started:
        yield started


@pytest.fixture(scope="module")
def slow_plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("slow_plugins")
    (folder / "slow.py").write_text(SLOW_PLUGINS, encoding="utf-8")
    return folder


@pytest.fixture
def serve() -> Callable[..., object]:
    """``with serve(settings, config) as server:`` for tests that need their own server."""
    return running
