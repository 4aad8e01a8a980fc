"""Time limits, a busy worker, tokens, CORS and logs, each on its own real server."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from tests.serve.conftest import running

from sourcecheck.core.config import Config
from sourcecheck.serve import ServeSettings

TEXT = "The mayor said on Monday that the bridge will reopen in May."


@pytest.fixture(scope="module")
def slow_server(slow_plugins: Path):
    config = Config(plugins_dir=[str(slow_plugins)])
    # Long enough that a blocked event loop would show in every health check below.
    settings = ServeSettings(workers=1, time_limit=3.0, grace=1.0)
    with running(settings, config) as server:
        yield server


def test_a_hanging_scorer_is_cut_off_and_reported_failed(slow_server) -> None:
    started = time.monotonic()
    response = httpx.post(slow_server.url("/v1/score"), json={"text": "HANG " + TEXT}, timeout=60)
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    scorers = {s["name"]: s for s in response.json()["scorers"]}
    assert scorers["sleepy"]["status"] == "failed"
    assert "request time limit of 3s" in scorers["sleepy"]["error"]
    assert scorers["hedging"]["status"] == "ok"  # the others still scored
    assert response.json()["score"] is not None
    assert elapsed < 20  # cut off, not left to sleep its 120 s


def test_health_is_answered_while_a_worker_is_busy(slow_server) -> None:
    answered = []
    with ThreadPoolExecutor(1) as background:
        slow = background.submit(
            httpx.post, slow_server.url("/v1/score"), json={"text": "HANG " + TEXT}, timeout=60
        )
        while not slow.done():  # the only worker is inside the sleeping scorer meanwhile
            started = time.monotonic()
            status = httpx.get(slow_server.url("/healthz"), timeout=5).status_code
            answered.append((status, time.monotonic() - started))
    assert slow.result().status_code == 200
    assert len(answered) >= 3
    assert all(status == 200 and seconds < 1.0 for status, seconds in answered), answered


def test_a_scorer_that_ignores_the_alarm_costs_its_worker_not_the_server(slow_server) -> None:
    stuck = httpx.post(slow_server.url("/v1/score"), json={"text": "STUCK " + TEXT}, timeout=60)
    after = httpx.post(slow_server.url("/v1/score"), json={"text": TEXT}, timeout=60)

    assert stuck.status_code == 504
    assert stuck.json()["error"] == "time_limit"
    assert "worker was stopped and replaced" in stuck.json()["detail"]
    assert after.status_code == 200
    assert httpx.get(slow_server.url("/healthz")).json()["restarts"] == 1


def test_a_token_is_required_when_the_server_has_one() -> None:
    with running(ServeSettings(token="s3cret")) as server:
        missing = httpx.post(server.url("/v1/score"), json={"text": TEXT})
        wrong = httpx.post(
            server.url("/v1/score"), json={"text": TEXT}, headers={"Authorization": "Bearer no"}
        )
        right = httpx.post(
            server.url("/v1/score"), json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"}
        )
        rules = httpx.get(server.url("/v1/rules"))
        health = httpx.get(server.url("/healthz"))

    assert (missing.status_code, missing.json()["error"]) == (401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert wrong.status_code == 401
    assert right.status_code == 200
    assert rules.status_code == 401
    assert health.status_code == 200  # load balancers probe without the token


def _preflight(base: str) -> httpx.Response:
    return httpx.options(
        base + "/v1/score",
        headers={"Origin": "https://cms.example", "Access-Control-Request-Method": "POST"},
    )


def test_cors_is_closed_unless_origins_are_given(server) -> None:
    closed = _preflight(server.base)
    with running(ServeSettings(cors_origins=("https://cms.example",))) as open_server:
        opened = _preflight(open_server.base)

    assert "access-control-allow-origin" not in closed.headers
    assert opened.headers["access-control-allow-origin"] == "https://cms.example"


def test_request_text_is_logged_only_when_asked(caplog: pytest.LogCaptureFixture) -> None:
    secret = "The minister said the plan is confidential until Friday."
    caplog.set_level(logging.INFO, logger="sourcecheck.serve")
    with running(ServeSettings()) as quiet:
        httpx.post(quiet.url("/v1/score"), json={"text": secret}, timeout=60)
    quiet_log = caplog.text
    caplog.clear()
    with running(ServeSettings(log_text=True)) as chatty:
        httpx.post(chatty.url("/v1/score"), json={"text": secret}, timeout=60)

    assert "/v1/score 200" in quiet_log
    assert "confidential" not in quiet_log
    assert "confidential" in caplog.text


def test_a_cancelled_request_keeps_its_worker_slot_until_the_job_ends(slow_plugins: Path) -> None:
    import asyncio

    from sourcecheck.serve import engine_factory
    from sourcecheck.serve.jobs import Job
    from sourcecheck.serve.pool import ScoringPool

    async def scenario() -> tuple[bool, bool, int]:
        pool = ScoringPool(engine_factory(Config(plugins_dir=[str(slow_plugins)])), 1, grace=5)
        await pool.start()
        try:
            hanging = Job("score", b"HANG " + TEXT.encode(), "draft.txt", time_limit=1.0)
            request = asyncio.create_task(pool.run(hanging))
            await asyncio.sleep(0)  # the task runs until it waits: the job is handed over
            request.cancel()
            await asyncio.wait([request], timeout=0.5)  # the job itself takes 1 s
            held = pool._slots.locked()  # the worker is still on the cancelled job
            after = await pool.run(Job("score", TEXT.encode(), "draft.txt", time_limit=1.0))
            return held, pool._slots.locked(), after.status
        finally:
            pool.close()

    held, held_after, status = asyncio.run(scenario())

    assert held
    assert not held_after
    assert status == 200
