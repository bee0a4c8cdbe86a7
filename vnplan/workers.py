"""The local engine's worker processes: one document at a time each, memory capped, replaced when
one dies, and never left running when the coordinator is gone.

A process pool (concurrent.futures) breaks as a whole when one worker dies: every document still
queued failed with it (28 of 30 in issue 17). Here each worker holds one document at a time, so a
worker that dies (a decompression bomb past its memory cap, a crash in a C library, a kill) fails
exactly that document; a new worker takes its place and the batch goes on.

- Memory: each worker's address space is capped with ``RLIMIT_AS`` (``VNPLAN_WORKER_MEMORY_MB``,
  default DEFAULT_MEMORY_MB), so an allocation past the cap fails inside that worker (MemoryError,
  reported as out of memory) instead of exhausting the machine. Processes a worker starts (the
  tesseract pool) inherit the cap.
- Orphans: on Linux each worker asks the kernel for SIGKILL when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``), so ``kill -9`` of the coordinator alone takes the workers with it.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

MEMORY_ENV = "VNPLAN_WORKER_MEMORY_MB"
# Address space, not resident memory: a worker's peaks at about 600 MiB on the realdocs (scans
# included), of which under half is ever touched; the cap leaves room and stays under 2 GiB.
DEFAULT_MEMORY_MB = 2048
PR_SET_PDEATHSIG = 1

T = TypeVar("T")  # what a task is
R = TypeVar("R")  # what it gives


def memory_limit_bytes() -> int | None:
    """The cap on each worker's address space: VNPLAN_WORKER_MEMORY_MB (0: none), else the default."""
    value = os.environ.get(MEMORY_ENV, "").strip()
    try:
        megabytes = int(value) if value else DEFAULT_MEMORY_MB
    except ValueError:
        megabytes = DEFAULT_MEMORY_MB
    return megabytes * 2**20 if megabytes > 0 else None


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent dies (Linux); exit now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _serve(connection: Connection, work: Callable[[Any], Any], parent: int, memory: int | None) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            task = connection.recv()
        except EOFError:  # the coordinator is gone
            return
        if task is None:  # no more work
            return
        connection.send(work(task))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    task: Any = None
    busy: bool = False


class WorkerDied(Exception):
    """The worker running a task died (killed, out of memory past its cap, a crash in C code)."""

    def __init__(self, exitcode: int | None):
        how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
        super().__init__(f"the worker process died ({how}; out of memory?)")


@dataclass
class Done(Generic[T, R]):
    task: T
    result: R | None
    error: WorkerDied | None


def run_tasks(work: Callable[[T], R], tasks: Iterable[T], workers: int) -> Iterator[Done[T, R]]:
    """work(task) for every task in ``workers`` processes, as they finish; a task whose worker
    died gives Done(task, None, WorkerDied) and a new worker starts. ``work`` must be picklable."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    memory, parent = memory_limit_bytes(), os.getpid()
    pending = iter(tasks)
    pool: list[_Worker] = []

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        # not daemonic: a worker OCRs a scan with a pool of its own (extract/ocr.py), which a daemonic
        # process may not start; the finally below and PR_SET_PDEATHSIG end the workers instead
        process = context.Process(target=_serve, args=(theirs, work, parent, memory), daemon=False)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def give(worker: _Worker) -> bool:
        task = next(pending, _END)
        if task is _END:
            return False
        worker.task, worker.busy = task, True
        worker.connection.send(task)
        return True

    try:
        for _ in range(workers):
            worker = start()
            pool.append(worker)
            if not give(worker):
                break
        while any(w.busy for w in pool):
            busy = [w for w in pool if w.busy]
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.connection in ready:
                    try:
                        result = worker.connection.recv()
                    except (EOFError, OSError):  # died while sending
                        result = _END
                    if result is not _END:
                        worker.busy = False
                        yield Done(worker.task, result, None)
                        give(worker)
                        continue
                elif worker.process.sentinel not in ready:
                    continue
                worker.process.join()
                error = WorkerDied(worker.process.exitcode)
                worker.connection.close()
                pool.remove(worker)
                yield Done(worker.task, None, error)
                replacement = start()
                pool.append(replacement)
                give(replacement)
    finally:  # idle workers are told to stop; busy ones (the run was interrupted) are killed
        for worker in pool:
            try:
                if not worker.busy:
                    worker.connection.send(None)
            except OSError:
                pass
            if worker.busy:
                worker.process.kill()
        for worker in pool:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()


_END: Any = object()
