"""The scoring pool as the event loop sees it: ``await pool.run(job)``.

Scoring is CPU-bound, so it runs in worker processes (one engine each) and the event loop
only waits: health checks and other requests are answered while an article is scored.

Only as many jobs as there are workers are handed to the pool at once; the rest wait here.
That way a job's clock starts when a worker takes it, not when it joins a queue, and the
parent's backstop (the time limit plus a grace period, for a scorer the worker's own
alarm cannot interrupt) never kills a job for having waited behind others. A process
cannot be stopped from outside any other way than by killing it, so the backstop kills
the pool's workers and starts fresh ones; jobs that were running beside it are run again.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sourcecheck.serve.jobs import EngineFactory, Job, Outcome, error_body, run_job, start_worker


class ScoringPool:
    def __init__(self, engine_factory: EngineFactory, workers: int, grace: float) -> None:
        self._engine_factory = engine_factory
        self.workers = workers
        self.grace = grace
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0
        self._slots = asyncio.Semaphore(workers)
        self._ready = asyncio.Event()
        self._replacing = asyncio.Lock()
        self._warming: asyncio.Task[None] | None = None
        #: How many times the workers were killed and replaced (reported by /healthz).
        self.restarts = 0

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    async def start(self) -> None:
        """Start the workers and wait until each has built its engine."""
        self._executor = self._new_executor()
        await self._warm_up(self._executor)
        self._ready.set()

    def close(self) -> None:
        if self._executor is not None:
            _stop(self._executor)
            self._executor = None

    async def run(self, job: Job) -> Outcome:
        """The job's outcome; a job the workers cannot finish in time is a 504, never a hang."""
        async with self._slots:
            for attempt in range(2):
                await self._ready.wait()
                executor, generation = self._executor, self._generation
                assert executor is not None, "pool not started"
                try:
                    done = _awaitable(executor.submit(run_job, job))
                    return await _outlive_cancel(done, job.time_limit + self.grace)
                except asyncio.TimeoutError:
                    await self._replace(generation)
                    detail = (
                        f"scoring did not stop at the time limit of {job.time_limit:g}s "
                        f"(nor {self.grace:g}s later): its worker was stopped and replaced"
                    )
                    return Outcome(504, error_body(504, "time_limit", detail))
                except BrokenProcessPool:
                    # Killed for another job's sake, or this job crashed its worker: once
                    # more on fresh workers tells the two apart.
                    await self._replace(generation)
                    if attempt == 1:
                        detail = "the worker scoring this text stopped unexpectedly, twice"
                        return Outcome(500, error_body(500, "worker_crashed", detail))
        raise AssertionError("unreachable")

    async def _replace(self, generation: int) -> None:
        """Kill the workers and start fresh ones; jobs wait until those have engines.

        The caller does not wait for the new engines: a 504 is not held back by them.
        """
        async with self._replacing:
            if generation != self._generation:
                return  # another request replaced them already
            self._ready.clear()
            if self._executor is not None:
                _stop(self._executor)
            self._executor = self._new_executor()
            self._generation += 1
            self.restarts += 1
            self._warming = asyncio.create_task(self._open_when_warm(self._executor))

    async def _open_when_warm(self, executor: ProcessPoolExecutor) -> None:
        try:
            await self._warm_up(executor)
        except BrokenProcessPool:
            pass  # the jobs waiting will meet the broken pool, and replace it again
        finally:
            self._ready.set()

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server process has threads (the event loop's, uvicorn's),
        # and forking a threaded process can copy a lock that is held forever.
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(self._engine_factory,),
        )

    async def _warm_up(self, executor: ProcessPoolExecutor) -> None:
        """One ping per worker, so the engines are built before a request is timed."""
        pings = [_awaitable(executor.submit(run_job, Job("ping"))) for _ in range(self.workers)]
        await asyncio.gather(*pings)


async def _outlive_cancel(done: asyncio.Future[Outcome], seconds: float) -> Outcome:
    """``done``'s outcome within ``seconds``; if the request is cancelled first (its client
    went away), the job runs on in its worker, so the caller keeps its slot until the job
    ends: a job handed over meanwhile would otherwise queue inside the pool with its clock
    already running."""
    try:
        return await asyncio.wait_for(asyncio.shield(done), seconds)
    except asyncio.CancelledError:
        await asyncio.wait([done], timeout=seconds)
        raise


def _awaitable(future: Future[Outcome]) -> asyncio.Future[Outcome]:
    return asyncio.wrap_future(future)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Kill the workers (a hung one would never finish) and let the executor go."""
    processes = list(getattr(executor, "_processes", {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
