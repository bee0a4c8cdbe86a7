"""How long one document may take: the per-document time limit and the stop that enforces it."""

from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_SECONDS_ENV = "VNPLAN_MAX_SECONDS"
DEFAULT_MAX_SECONDS = 3600.0
STOP_REPEAT_SECONDS = 0.2  # how often a stop is raised again in a thread that has not stopped


class TimeLimitExceeded(BaseException):
    """Raised by the alarm; a BaseException so that no reader's ``except Exception`` swallows it."""


def max_seconds_from_env() -> float:
    """The default per-document time limit: VNPLAN_MAX_SECONDS (0 = none), else DEFAULT_MAX_SECONDS.
    Read once by the command line, which puts it in the pipeline's Options."""
    value = os.environ.get(MAX_SECONDS_ENV, "").strip()
    try:
        return float(value) if value else DEFAULT_MAX_SECONDS
    except ValueError:
        return DEFAULT_MAX_SECONDS


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in this thread after ``seconds``.

    In the main thread by SIGALRM; in another thread (a Dask task) a timer thread raises it
    there with PyThreadState_SetAsyncExc. Either way the exception arrives between two Python
    bytecodes, so a call into C (a tesseract page) finishes first: the limit holds to within one
    such call."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():

        def expire(signum: int, frame: object) -> None:
            raise TimeLimitExceeded

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return

    target = threading.get_ident()
    guard = threading.Lock()
    finished = threading.Event()

    def interrupt() -> None:
        # Raised again until the task ends: an exception that lands in a callback whose errors
        # are ignored (a library's gc hook, a __del__) is swallowed there.
        if finished.wait(seconds):
            return
        while True:
            with guard:
                if finished.is_set():
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded))
            if finished.wait(STOP_REPEAT_SECONDS):
                return

    threading.Thread(target=interrupt, name="vnplan-time-limit", daemon=True).start()
    try:
        yield
    finally:
        with guard:
            finished.set()
