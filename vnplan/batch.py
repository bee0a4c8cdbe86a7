"""Batch extraction at archive scale: every supported file below a folder, in parallel, resumable.

Each input becomes ``OUT/<relative path>.json``, named by ``vnplan.files.output_names`` (the input's
suffix replaced; inputs that would collide keep their suffix: ``a.pdf.json``; a name still shared, or
too long, gets a hash of the input's path). A file that cannot be read or a folder that cannot be
listed is one failure, like a file that cannot be processed. Beside each output a stamp in ``OUT/.vnplan-batch/``
records the input's sha256, the pipeline version and the output's sha256; a re-run skips every
input whose stamp matches, so a run killed at any moment resumes where it stopped. Outputs and
stamps are written atomically (temporary file + rename), output first, so a stamp never vouches
for a missing or partial output. Workers only compute: the coordinating process does all writing,
so the local engine (a process pool) and the Dask engine give the same files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vnplan import __version__
from vnplan.files import display, expand_inputs, output_names, remove_temporary_files, write_atomic
from vnplan.pipeline import Options, run

if TYPE_CHECKING:
    import distributed

Engine = Literal["local", "dask"]
STATE_DIR = ".vnplan-batch"
FAILURES_FILE = "failures.csv"
PIPELINE_PACKAGES = ("vnplan", "vnplan.extract", "vnplan.normalize", "vnplan.structure", "vnplan.schema")


@cache
def pipeline_version() -> str:
    """The package version plus a digest of every installed pipeline file (code, models, tables).

    Any change to the code or the shipped models changes it, so outputs made by older code are redone.
    """
    digest = hashlib.sha256()
    for name in PIPELINE_PACKAGES:
        spec = find_spec(name)  # the package's folder, without running its code
        assert spec is not None and spec.submodule_search_locations is not None, name
        root = Path(next(iter(spec.submodule_search_locations)))
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_dir() or path.suffix == ".pyc" or "__pycache__" in relative.parts:
                continue
            digest.update(f"{name}/{relative.as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path
    stamp: Path
    sha256: str


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str | None  # None: the output was written
    seconds: float = 0.0  # the worker's time on this document


@dataclass
class BatchPlan:
    input_dir: Path
    out_dir: Path
    todo: list[Job] = field(default_factory=list)
    current: list[Job] = field(default_factory=list)  # outputs already up to date: skipped
    failed: list[Outcome] = field(default_factory=list)  # inputs (or folders) that could not be read

    @property
    def total(self) -> int:
        return len(self.todo) + len(self.current) + len(self.failed)


def _stamp_matches(job: Job, version: str) -> bool:
    try:
        stamp = json.loads(job.stamp.read_text(encoding="utf-8"))
        return (
            stamp.get("sha256") == job.sha256
            and stamp.get("pipeline") == version
            and stamp.get("output_sha256") == file_sha256(job.output)
        )
    except (OSError, ValueError, AttributeError):
        return False


def _unreadable(path: Path, reason: str) -> Outcome:
    return Outcome(Job(path, path, path, ""), reason)


def plan_batch(input_dir: Path, out_dir: Path) -> BatchPlan:
    """Every supported file below input_dir, split into those to process, those already current and
    those that could not be read (a file that cannot be hashed, a folder that cannot be listed)."""
    plan = BatchPlan(input_dir, out_dir)
    sources = list(expand_inputs([input_dir], lambda path, reason: plan.failed.append(_unreadable(path, reason))))
    version = pipeline_version()
    names = output_names((source, source.relative_to(input_dir)) for source in sources)
    for source, name in names.items():
        stamp = out_dir / STATE_DIR / name.with_name(name.name + ".stamp")
        try:
            sha256 = file_sha256(source)
        except OSError as exc:
            plan.failed.append(_unreadable(source, f"cannot read the file: {(exc.strerror or str(exc)).lower()}"))
            continue
        job = Job(source, out_dir / name, stamp, sha256)
        (plan.current if _stamp_matches(job, version) else plan.todo).append(job)
    return plan


Work = tuple[str | None, str | None, float]  # JSON text or None, one-line error or None, seconds


def process_to_json(source: str, options: Options) -> Work:
    """The work one worker does for one document (within ``options.max_seconds``):
    (JSON text, None, seconds) or (None, one-line error, seconds)."""
    started = time.perf_counter()
    result = run(Path(source), options)
    seconds = time.perf_counter() - started
    if result.document is None:
        return None, result.error_message or "no output", seconds
    return result.document.to_json(), None, seconds


def _local(jobs: list[Job], workers: int, options: Options) -> Iterator[tuple[Job, Work]]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(process_to_json, str(job.source), options): job for job in jobs}
        for future in as_completed(futures):
            try:
                work = future.result()
            except BrokenProcessPool:
                work = None, "the worker process died (out of memory or killed?); re-run to retry", 0.0
            yield futures.pop(future), work  # dropped, so that finished results are not all kept


def local_cluster(workers: int) -> distributed.LocalCluster:
    """A LocalCluster of single-threaded worker processes that may start processes of their own
    (OCR runs a tesseract pool; Dask's default daemonic workers could not)."""
    import logging

    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.daemon": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR)


def _dask(jobs: list[Job], workers: int, scheduler: str | None, options: Options) -> Iterator[tuple[Job, Work]]:
    from distributed import Client
    from distributed import as_completed as dask_completed

    cluster = None if scheduler else local_cluster(workers)
    try:
        with Client(scheduler or cluster) as client:
            futures = {
                client.submit(
                    process_to_json, str(job.source), options, key=f"vnplan-{job.sha256}-{i}", pure=False
                ): job
                for i, job in enumerate(jobs)
            }
            for future in dask_completed(futures):
                try:
                    work = future.result()
                except Exception as exc:  # a lost worker: record it, keep going with the rest
                    work = None, f"the Dask task failed ({type(exc).__name__}: {exc}); re-run to retry", 0.0
                yield futures.pop(future), work
    finally:
        if cluster is not None:
            cluster.close()


def execute(
    plan: BatchPlan,
    engine: Engine = "local",
    workers: int = 2,
    scheduler: str | None = None,
    options: Options | None = None,
) -> Iterator[Outcome]:
    """Process plan.todo on the chosen engine, writing each output and its stamp as it arrives.
    ``options`` go to every worker (default: Options(), a 3,600 s limit per document)."""
    if not plan.todo:
        return
    version = pipeline_version()
    options = options or Options()
    results = (
        _local(plan.todo, workers, options) if engine == "local" else _dask(plan.todo, workers, scheduler, options)
    )
    for job, (text, error, seconds) in results:
        if text is None:
            yield Outcome(job, error or "no output", seconds)
            continue
        stamp = {
            "source": job.source.relative_to(plan.input_dir).as_posix(),
            "sha256": job.sha256,
            "pipeline": version,
            "output_sha256": hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest(),
        }
        try:
            write_atomic(job.output, text)
            write_atomic(job.stamp, json.dumps(stamp, indent=2, sort_keys=True) + "\n")
        except OSError as exc:  # a full disk, a name the file system refuses: this input fails, the rest go on
            yield Outcome(job, f"cannot write the output: {(exc.strerror or str(exc)).lower()}", seconds)
            continue
        yield Outcome(job, None, seconds)


def write_failures(out_dir: Path, failures: list[Outcome], input_dir: Path) -> Path | None:
    """OUT/failures.csv (file, error) for this run's failures; a stale report is removed when none failed."""
    path = out_dir / FAILURES_FILE
    if not failures:
        path.unlink(missing_ok=True)
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "error"])
    for outcome in sorted(failures, key=lambda o: str(o.job.source)):
        source = outcome.job.source
        name = source.relative_to(input_dir).as_posix() if source.is_relative_to(input_dir) else str(source)
        writer.writerow([display(name), display(outcome.error or "")])
    write_atomic(path, buffer.getvalue())
    return path


@dataclass(frozen=True)
class Summary:
    inputs: int
    skipped: int
    processed: int
    failed: int
    seconds: float
    temporary_removed: int


def summarize(plan: BatchPlan, outcomes: list[Outcome], started: float, temporary_removed: int) -> Summary:
    failed = sum(1 for o in outcomes if o.error is not None)
    return Summary(
        plan.total, len(plan.current), len(outcomes) - failed, failed, time.monotonic() - started, temporary_removed
    )


@dataclass
class BatchRun:
    """One `vnplan batch` run: what is to do, every outcome so far, and when it started."""

    input_dir: Path
    output: Path
    plan: BatchPlan
    started: float
    temporary_removed: int
    outcomes: list[Outcome] = field(default_factory=list)

    def execute(
        self,
        engine: Engine,
        workers: int,
        scheduler: str | None,
        options: Options | None,
        on_outcome: Callable[[Outcome], None] = lambda outcome: None,
    ) -> None:
        """Process every input to do; ``on_outcome`` hears of each as it finishes (a progress display)."""
        for outcome in execute(self.plan, engine, workers, scheduler, options):
            self.outcomes.append(outcome)
            on_outcome(outcome)

    def finish(self) -> tuple[Summary, Path | None]:
        """The summary, and OUT/failures.csv when any input failed (a stale one is removed)."""
        failures = [o for o in self.outcomes if o.error is not None]
        path = write_failures(self.output, failures, self.input_dir)
        return summarize(self.plan, self.outcomes, self.started, self.temporary_removed), path


def start(input_dir: Path, output: Path) -> BatchRun:
    """Remove temporary files an interrupted run left in ``output`` and plan the run; the inputs
    that could not even be read are its first outcomes."""
    started = time.monotonic()
    removed = remove_temporary_files(output) if output.is_dir() else 0
    plan = plan_batch(input_dir, output)
    return BatchRun(input_dir, output, plan, started, removed, list(plan.failed))
