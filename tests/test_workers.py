"""The local engine's workers (issue 17, item 6): a dead worker fails only its document and is
replaced; memory is capped per worker; killing the coordinator alone takes its workers with it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import seed_path
from typer.testing import CliRunner

from vnplan import batch
from vnplan.cli import app
from vnplan.workers import MEMORY_ENV, run_tasks

runner = CliRunner()


def _die_on_three(task: int) -> int:
    if task == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
    return task * 10


def test_a_dead_worker_fails_its_task_only_and_is_replaced():
    done = list(run_tasks(_die_on_three, range(8), workers=2))
    assert sorted(d.task for d in done) == list(range(8))
    [dead] = [d for d in done if d.error is not None]
    assert dead.task == 3 and "killed by signal 9" in str(dead.error)
    assert sorted(d.result for d in done if d.error is None) == [t * 10 for t in range(8) if t != 3]


def _allocate(megabytes: int) -> str:
    try:
        block = bytearray(megabytes * 2**20)
    except MemoryError:
        return "MemoryError"
    return f"{len(block) // 2**20} MiB"


def test_memory_is_capped_per_worker(monkeypatch):
    monkeypatch.setenv(MEMORY_ENV, "1024")
    done = list(run_tasks(_allocate, [4096, 16], workers=1))
    assert [(d.task, d.result) for d in done] == [(4096, "MemoryError"), (16, "16 MiB")]  # the worker goes on


def test_a_batch_document_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for prefix in ("000", "001", "002", "003", "004"):
        shutil.copy(seed_path(prefix), inputs / f"{prefix}.txt")
    (inputs / "bomb.txt").write_text("Kế hoạch số 1/KH-UBND\n", encoding="utf-8")
    original = batch.process_to_json

    def crashing(source: str, options):  # the workers are forked: they run this too
        if source.endswith("bomb.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(source, options)

    monkeypatch.setattr(batch, "process_to_json", crashing)
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "2"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("vnplan: error:")]
    assert len(errors) == 1 and "bomb.txt" in errors[0] and "worker process died" in errors[0], errors
    assert sorted(p.name for p in out_dir.glob("*.json")) == [f"{p}.json" for p in ("000", "001", "002", "003", "004")]


COORDINATOR = """
import sys, time
from vnplan.workers import run_tasks
for done in run_tasks(time.sleep, [600, 600], workers=2):
    pass
"""


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_the_coordinator_alone_stops_its_workers():
    coordinator = subprocess.Popen([sys.executable, "-c", COORDINATOR])
    deadline = time.monotonic() + 30
    while len(workers := _children(coordinator.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2
    coordinator.kill()  # SIGKILL to the coordinator only, not its process group
    coordinator.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "a worker outlived its coordinator"


def test_a_worker_can_ocr_a_scan(tmp_path):
    # A scan is OCR'd by a pool of its own inside the worker: a daemonic worker may not start one, and
    # every scan of a batch failed with "daemonic processes are not allowed to have children".
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "seed002_scan.pdf", inputs / "scan.pdf")
    # a process of its own, as a user runs it (forked from pytest, a worker inherits its address space)
    run = subprocess.run(
        [sys.executable, "-m", "vnplan", "batch", str(inputs), "-o", str(tmp_path / "out"), "--workers", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "scan.json").exists()
