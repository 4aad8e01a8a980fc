"""A readers-writer lock shared by the pytest-xdist workers of one run (tests/conftest.py).

A test marked ``alone`` holds it exclusively; every other test shares it. A writer first
takes the turnstile, so that readers arriving after it queue behind it instead of starving
it. Locks are ``flock``s on two files, so they go with the process that holds them.
"""

from __future__ import annotations

from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock, and a timing test may overlap another test
    fcntl = None  # type: ignore[assignment]


class WorkersLock:
    def __init__(self, folder: Path) -> None:
        self._turnstile = open(folder / "workers.turnstile", "a")  # noqa: SIM115
        self._shared = open(folder / "workers.lock", "a")  # noqa: SIM115
        self.exclusive = False

    @classmethod
    def in_folder(cls, folder: Path) -> WorkersLock | None:
        return cls(folder) if fcntl is not None else None

    def share(self, blocking: bool = True) -> bool:
        """Take the lock beside other readers; False if ``blocking`` is off and a writer
        holds or awaits it."""
        return self._through_turnstile(fcntl.LOCK_SH, blocking, keep_turnstile=False)

    def take(self, blocking: bool = True) -> bool:
        """Take the lock alone; False if ``blocking`` is off and anyone else holds it."""
        self.exclusive = self._through_turnstile(fcntl.LOCK_EX, blocking, keep_turnstile=True)
        return self.exclusive

    def _through_turnstile(self, mode: int, blocking: bool, *, keep_turnstile: bool) -> bool:
        """Pass the turnstile, then lock the shared file in ``mode``. A writer keeps the
        turnstile until it releases, so that readers arriving meanwhile queue behind it."""
        wait = 0 if blocking else fcntl.LOCK_NB
        try:
            fcntl.flock(self._turnstile, fcntl.LOCK_EX | wait)
        except BlockingIOError:
            return False
        try:
            fcntl.flock(self._shared, mode | wait)
        except BlockingIOError:
            fcntl.flock(self._turnstile, fcntl.LOCK_UN)
            return False
        if not keep_turnstile:
            fcntl.flock(self._turnstile, fcntl.LOCK_UN)
        return True

    def release(self) -> None:
        fcntl.flock(self._shared, fcntl.LOCK_UN)
        if self.exclusive:
            fcntl.flock(self._turnstile, fcntl.LOCK_UN)
            self.exclusive = False
