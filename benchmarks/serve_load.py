"""How much does HTTP cost? `sourcecheck serve` under load, against in-process scoring.

    python benchmarks/serve_load.py --news ../shared/data/polnear [--workers 1 2]
        [--clients 64] [--requests 1000] [--words 1000] [--endpoint /v1/score]

For each worker count, a real ``sourcecheck serve`` is started on 127.0.0.1 and
``--clients`` concurrent clients (keep-alive connections from one asyncio process, with a
minimal HTTP/1.1 client of its own so that the clients cost little CPU) send
``--requests`` articles of about ``--words`` words in all; the script prints requests/s,
p50/p99 latency as the clients see it and as the server logs it (from the parsed request to
the report: the wait for a worker plus the scoring), and the number of errors (any status
but 200, or a failed connection).
The same texts are then scored in this process with ``Engine().score``, and the ratio of
the two rates is the price of HTTP, JSON and the process hop.

The clients run on the same machine as the server, so they take CPU from it: on a 2-core
machine with 2 workers, the figure is a floor, and a latency far above the server's own is
time spent in the clients' event loop. Without ``--news`` the articles are the
generated ones of ``speed.py`` (denser than real news).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed

from sourcecheck.core.engine import Engine

STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int, log: IO[bytes]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sourcecheck", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--max-batch", "64"]
    env = {**os.environ, "SOURCECHECK_TOKEN": ""}
    # The log goes to a file: a pipe nobody reads would fill and stall the server.
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)


def wait_until_up(process: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"error: the server exited with {process.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=2).json().get("status") == "ok":
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("error: the server did not come up")


def request_bytes(port: int, endpoint: str, text: str) -> bytes:
    """One keep-alive HTTP/1.1 request, encoded once: the clients only send bytes."""
    body = json.dumps({"text": text, "format": "text"}).encode()
    head = (
        f"POST {endpoint} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """Send one request and read its whole response; its status."""
    writer.write(request)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def load(
    port: int, requests: Sequence[bytes], clients: int, count: int
) -> tuple[float, list[float], Counter[str], float]:
    """(wall seconds, latencies in seconds, errors, client CPU seconds) for ``count``
    requests from ``clients`` keep-alive connections.

    A hand-rolled HTTP/1.1 client: a general one (httpx) spends more CPU per request than
    the server does, and on a shared 2-core machine the benchmark then measures the client.
    """
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    sent = 0

    async def client() -> None:
        nonlocal sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while sent < count:
                request = requests[sent % len(requests)]
                sent += 1
                started = time.perf_counter()
                try:
                    status = await _exchange(reader, writer, request)
                    if status != 200:
                        errors[f"status {status}"] += 1
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    errors[type(exc).__name__] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    cpu_started = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return (
        time.perf_counter() - started,
        latencies,
        errors,
        time.process_time() - cpu_started,
    )


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def in_process_rate(texts: Sequence[str], count: int) -> tuple[float, float]:
    """(articles per second of wall time, CPU ms per article) of ``Engine().score`` here."""
    engine = Engine()
    for text in texts[:5]:
        engine.score(text)  # warm: patterns compiled, caches filled
    started, cpu_started = time.perf_counter(), time.process_time()
    for index in range(count):
        engine.score(texts[index % len(texts)])
    cpu = time.process_time() - cpu_started
    return count / (time.perf_counter() - started), cpu / count * 1000


def measure(args: argparse.Namespace, texts: Sequence[str], workers: int) -> dict[str, object]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    requests = [request_bytes(port, args.endpoint, text) for text in texts]
    with tempfile.TemporaryFile() as log:
        server = start_server(port, workers, log)
        try:
            wait_until_up(server, base)
            warm = max(8, workers * 4)
            asyncio.run(load(port, requests, min(args.clients, warm), warm))
            before = cpu_seconds(server.pid)
            wall, latencies, errors, client_cpu = asyncio.run(
                load(port, requests, args.clients, args.requests)
            )
            after = cpu_seconds(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=60)
        log.seek(0)
        server_ms = [float(ms) for ms in _SERVER_MS.findall(log.read())][warm:]
    return {
        "rate": len(latencies) / wall,
        "p50": percentile(latencies, 0.5) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "server_p50": percentile(server_ms, 0.5) if server_ms else float("nan"),
        "server_p99": percentile(server_ms, 0.99) if server_ms else float("nan"),
        "errors": errors,
        "loop_ms": (after[0] - before[0]) / len(latencies) * 1000,
        "worker_ms": (after[1] - before[1]) / len(latencies) * 1000,
        "client_ms": client_cpu / len(latencies) * 1000,
    }


# The server's line per request: "sourcecheck /v1/score 200 6012 bytes 35 ms".
_SERVER_MS = re.compile(rb"sourcecheck /v1/\w+ \d+ \d+ bytes (\d+) ms")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds used so far by the server process (the event loop) and by its workers."""
    import psutil

    server = psutil.Process(pid)
    own = server.cpu_times()
    workers = [child.cpu_times() for child in server.children(recursive=True)]
    return own.user + own.system, sum(t.user + t.system for t in workers)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path, default=None, help="folder of real news *.txt")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=200, help="distinct texts to cycle")
    parser.add_argument("--endpoint", default="/v1/score")
    args = parser.parse_args(argv)
    if args.news is not None:
        texts = speed.news_corpus(args.news, args.words, args.articles)
        kind = f"real news ({args.news})"
    else:
        texts = speed.make_corpus(args.articles, args.words)
        kind = "generated articles"
    if not texts:
        raise SystemExit(f"error: no texts of about {args.words} words")
    words = statistics.mean(len(t.split()) for t in texts)
    print(
        f"{len(texts)} {kind}, mean {words:.0f} words; {args.clients} clients, "
        f"{args.requests} requests to {args.endpoint} per run"
    )
    base_rate, base_cpu_ms = in_process_rate(texts, min(args.requests, 300))
    print(
        f"in-process Engine.score, one process: {base_rate:.0f} articles/s, "
        f"{base_cpu_ms:.1f} ms CPU per article"
    )
    print(
        "| workers | requests/s | p50 ms | p99 ms | in the server: p50 / p99 ms | errors "
        "| vs in-process | CPU ms per request: event loop + workers (clients) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    for workers in args.workers:
        result = measure(args, texts, workers)
        errors = result["errors"]
        assert isinstance(errors, Counter)
        failed |= bool(errors)
        rate = float(result["rate"])  # type: ignore[arg-type]
        print(
            f"| {workers} | {rate:.0f} | {result['p50']:.0f} | {result['p99']:.0f} "
            f"| {result['server_p50']:.0f} / {result['server_p99']:.0f} "
            f"| {sum(errors.values())} | {rate / base_rate:.2f}x "
            f"| {result['loop_ms']:.1f} + {result['worker_ms']:.1f} ({result['client_ms']:.1f}) |"
        )
        for error, count in errors.most_common():
            print(f"    {count} x {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
