"""`sourcecheck serve` as a user starts it: a subprocess, then the page and the API."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from sourcecheck.cli import main

STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=2).json().get("status") == "ok":
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("serve did not come up")


def test_serve_command_serves_the_page_and_the_api(tmp_path: Path) -> None:
    port = _free_port()
    config = tmp_path / "sourcecheck.toml"
    config.write_text('disable = ["corroboration"]\n', encoding="utf-8")
    command = [sys.executable, "-m", "sourcecheck", "serve", "--port", str(port)]
    command += ["--workers", "2", "--config", str(config)]
    env = {**os.environ, "SOURCECHECK_TOKEN": ""}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(process, base + "/healthz")
        page = httpx.get(base + "/")
        scorers = httpx.get(base + "/v1/scorers").json()
        health = httpx.get(base + "/healthz").json()
        report = httpx.post(base + "/v1/score", json={"text": "The mayor said it rained."}).json()
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)

    assert "<textarea" in page.text
    assert "corroboration" not in {s["name"] for s in scorers}  # --config honoured
    assert health["workers"] == 2
    assert [s["name"] for s in report["scorers"]] == [
        "anonymous_sources",
        "attribution_clarity",
        "hedging",
    ]
    assert b"Traceback" not in stderr
    assert b"sourcecheck /v1/score 200 " in stderr  # each request logged: path, status, size
    assert b"The mayor said it rained" not in stderr  # but not its text


def test_serve_with_a_bad_config_fails_in_one_line(tmp_path: Path, capsys) -> None:
    config = tmp_path / "sourcecheck.toml"
    config.write_text('enable = ["nonesuch"]\n', encoding="utf-8")

    code = main(["serve", "--config", str(config)])

    assert code == 2
    assert "unknown scorer 'nonesuch'" in capsys.readouterr().err
