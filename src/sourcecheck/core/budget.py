"""Stopping plugin code that runs past its time budget.

A pure-Python loop cannot be stopped from another thread, but a signal handler runs in the
main thread between two bytecodes of whatever runs there: ``ITIMER_REAL`` delivers SIGALRM
after the budget, and the handler raises :class:`OverBudget` inside the plugin's code. This
needs POSIX and the main thread (the CLI, and the worker processes of ``batch``, ``check
--jobs`` and the service all call the engine there). Elsewhere (Windows, a thread, a Dask
worker) the call runs to its end and the engine checks the budget after it returns.

Code running inside one C call (a regular expression backtracking without end, a native
extension) is interrupted only when that call returns to Python.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")

#: After the budget, the signal comes again at this interval until the call ends, so code
#: that catches the first OverBudget (a bare ``except BaseException``) is stopped anyway.
_REPEAT = 0.05


class OverBudget(BaseException):
    """Raised inside plugin code that ran past its budget.

    A BaseException, so that a plugin's ``except Exception`` does not swallow it.
    """


def can_interrupt() -> bool:
    """Whether a :class:`Timer` can stop a call here (POSIX, main thread)."""
    return _HAS_TIMER and threading.current_thread() is threading.main_thread()


class Timer:
    """Runs calls with a budget each: ``with Timer(2.0) as timer: timer.call(f, x)``.

    Where :func:`can_interrupt`, a call past its budget is stopped with
    :class:`OverBudget`; elsewhere it runs to its end. The SIGALRM handler is installed once
    for the ``with`` block (installing one costs more than arming the timer), and the
    previous handler and timer (pytest-timeout, an application's own alarm) are restored
    when it ends.
    """

    __slots__ = ("_active", "_armed", "_previous", "_started", "seconds")

    def __init__(self, seconds: float) -> None:
        # At least a microsecond: a delay of 0 would disarm the timer instead.
        self.seconds = max(seconds, 1e-6)
        self._armed = False
        self._active = False
        self._previous: tuple[Any, float, float] | None = None
        self._started = 0.0

    def __enter__(self) -> Timer:
        self._active = can_interrupt() and math.isfinite(self.seconds)
        if self._active:
            handler = signal.signal(signal.SIGALRM, self._ring)
            delay, interval = signal.setitimer(signal.ITIMER_REAL, 0)
            self._previous = (handler, delay, interval)
            self._started = time.monotonic()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._active or self._previous is None:
            return
        self._active = False
        handler, delay, interval = self._previous
        signal.signal(signal.SIGALRM, _restorable(handler))
        if delay > 0:
            remaining = delay - (time.monotonic() - self._started)
            # Overdue: fire at once rather than never.
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-6), interval)

    def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)``, stopped with OverBudget past the budget."""
        if not self._active:
            return function(*args, **kwargs)
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self._delay(), _REPEAT)
        try:
            return function(*args, **kwargs)
        finally:
            # Disarmed first: a signal arriving from here on is ignored, one that arrived
            # just before raises here, inside the caller's handling of this call.
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _delay(self) -> float:
        """The budget, or less when an outer timer (a caller's own deadline) is due sooner:
        a budget nested in another never outlives it."""
        outer = self._previous[1] if self._previous is not None else 0.0
        if outer <= 0:
            return self.seconds
        left = outer - (time.monotonic() - self._started)
        return max(min(self.seconds, left), 1e-6)

    def _ring(self, signum: int, frame: FrameType | None) -> None:
        if self._armed:
            raise OverBudget


def call_within(seconds: float, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``function(*args, **kwargs)`` with a budget of ``seconds`` (see :class:`Timer`)."""
    with Timer(seconds) as timer:
        return timer.call(function, *args, **kwargs)


def _restorable(handler: Any) -> Any:
    # None: the previous handler was not installed from Python; the default is the closest.
    return signal.SIG_DFL if handler is None else handler


_HAS_TIMER = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
