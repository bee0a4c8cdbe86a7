"""Batch extraction at archive scale: every file below a folder, in parallel, resumable.

Each supported input becomes ``OUT/<relative path>.json``, named by ``vnplan.files.output_names``
(the input's suffix replaced; inputs that would collide keep their suffix: ``a.pdf.json``; a name
still shared, or too long, gets a hash of the input's path). Nothing below the folder is passed over
in silence: a file of an unsupported type, an empty file or a copy of another input (same sha256)
is skipped with its reason, listed in ``OUT/skipped.csv``; a file that cannot be read or a folder
that cannot be listed is a failure, like a file that cannot be processed (``OUT/failures.csv``).

The batch manifest (``vnplan.manifest``, ``OUT/.vnplan-batch/manifest.jsonl``) holds one row per
input: its sha256, its output, status, reason, seconds, the pipeline version and the output's sha256.
A re-run skips every input whose row still matches (same content, same pipeline, output unchanged),
so a run killed at any moment resumes where it stopped; inputs that are gone are marked removed (their
outputs are left in place, and ``vnplan dataset`` no longer reads them). Each output is written
atomically (temporary file + rename) before its row is appended, so a row never vouches for a missing
or partial output. Workers only compute: the coordinating process does all writing, so the local
engine (``vnplan.workers``) and the Dask engine give the same files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Literal

from vnplan import __version__
from vnplan.files import (
    display,
    is_supported,
    noted_output_names,
    remove_temporary_files,
    special_file,
    walk_files,
    write_atomic,
)
from vnplan.manifest import STATE_DIR, Row, append_rows, compact, read_manifest
from vnplan.pipeline import Options, run
from vnplan.workers import run_tasks

if TYPE_CHECKING:
    import distributed

Engine = Literal["local", "dask"]
FAILURES_FILE = "failures.csv"
SKIPPED_FILE = "skipped.csv"
PIPELINE_PACKAGES = ("vnplan", "vnplan.extract", "vnplan.normalize", "vnplan.structure", "vnplan.schema")
__all__ = ["STATE_DIR", "BatchPlan", "BatchRun", "execute", "plan_batch", "start"]


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


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


@dataclass(frozen=True)
class Job:
    source: Path
    name: str  # the input's path below the input folder: its key in the manifest
    output: Path
    sha256: str
    note: str | None = None  # how a shared output name was resolved


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str | None  # None: the output was written
    seconds: float | None = None


@dataclass(frozen=True)
class Skip:
    source: Path
    name: str
    reason: str


@dataclass
class BatchPlan:
    input_dir: Path
    out_dir: Path
    todo: list[Job] = field(default_factory=list)
    current: list[Job] = field(default_factory=list)  # outputs already up to date
    failed: list[Outcome] = field(default_factory=list)  # inputs (or folders) that could not be read
    skipped: list[Skip] = field(default_factory=list)  # not processed, each with its reason
    removed: list[Row] = field(default_factory=list)  # manifest rows of inputs that are gone

    @property
    def total(self) -> int:
        """Every file found below the input folder (and every folder that could not be listed)."""
        return len(self.todo) + len(self.current) + len(self.failed) + len(self.skipped)


def _relative(output: Path, out_dir: Path) -> str:
    return output.relative_to(out_dir).as_posix()


def _is_current(row: Row | None, job: Job, out_dir: Path, version: str) -> bool:
    if row is None or row.status != "ok" or row.sha256 != job.sha256 or row.pipeline != version:
        return False
    if row.output != _relative(job.output, out_dir):
        return False
    try:
        return row.output_sha256 == file_sha256(job.output)
    except OSError:
        return False


def _unreadable(path: Path, name: str, reason: str) -> Outcome:
    return Outcome(Job(path, name, path, ""), reason)


def _own_files(input_dir: Path, out_dir: Path, known: dict[str, Row]) -> Callable[[str], bool]:
    """Whether an input name (below input_dir) is one of the batch's own files, never an input: all
    of the output folder when it lies inside the input folder; when outputs go beside their inputs,
    the state folder, the reports and the outputs the manifest knows."""
    inside, out = input_dir.resolve(), out_dir.resolve()
    if not out.is_relative_to(inside):
        return lambda name: False
    prefix = out.relative_to(inside).as_posix()
    if prefix != ".":
        return lambda name: name.startswith(prefix + "/")
    outputs = {row.output for row in known.values()} | {FAILURES_FILE, SKIPPED_FILE}
    return lambda name: name.startswith(STATE_DIR + "/") or name in outputs


def plan_batch(input_dir: Path, out_dir: Path) -> BatchPlan:
    """Every file below input_dir (the output folder aside, when it is inside): those to process,
    those already current, those skipped (unsupported type, empty, a copy of another input) and
    those that could not be read (a file that cannot be hashed, a folder that cannot be listed)."""
    plan = BatchPlan(input_dir, out_dir)

    def key(path: Path) -> str:
        return path.relative_to(input_dir).as_posix()

    known = read_manifest(out_dir)
    own = _own_files(input_dir, out_dir, known)
    found = [
        path
        for path in walk_files(input_dir, lambda path, reason: plan.failed.append(_unreadable(path, key(path), reason)))
        if not own(key(path))
    ]
    first_with: dict[str, str] = {}  # sha256 → the first input with that content
    candidates: list[tuple[Path, str]] = []
    for source in found:
        if kind := special_file(source):  # never hashed: a FIFO would block, a device never end
            plan.skipped.append(Skip(source, key(source), f"not a regular file ({kind})"))
            continue
        if not is_supported(source):
            kind = source.suffix.lower() or "(no extension)"
            plan.skipped.append(Skip(source, key(source), f"unsupported file type {kind}"))
            continue
        try:
            empty = source.stat().st_size == 0
            sha256 = file_sha256(source)
        except OSError as exc:
            plan.failed.append(_unreadable(source, key(source), f"cannot read the file: {_reason(exc)}"))
            continue
        if empty:
            plan.skipped.append(Skip(source, key(source), "empty file"))
        elif sha256 in first_with:
            plan.skipped.append(Skip(source, key(source), f"same content as {display(first_with[sha256])}"))
        else:
            first_with[sha256] = key(source)
            candidates.append((source, sha256))
    version = pipeline_version()
    names = noted_output_names((source, PurePath(key(source))) for source, _ in candidates)
    for source, sha256 in candidates:
        name, note = names[source]
        job = Job(source, key(source), out_dir / name, sha256, note)
        (plan.current if _is_current(known.get(job.name), job, out_dir, version) else plan.todo).append(job)
    present = {key(path) for path in found}
    unlisted = [o.job.name for o in plan.failed if o.job.source.is_dir()]  # their files are unknown, not gone
    for name, row in known.items():
        under_unlisted = any(name.startswith(folder + "/") for folder in unlisted)
        if name not in present and row.status != "removed" and not under_unlisted:
            reason = "the input is no longer in the folder; its output is no longer current"
            plan.removed.append(Row(name, "removed", row.sha256, row.output, reason))
    return plan


def process_to_json(source: str, options: Options) -> tuple[str | None, str | None, float]:
    """The work one worker does for one document (within ``options.max_seconds``):
    (JSON text, None, seconds) or (None, one-line error, seconds)."""
    started = time.perf_counter()
    result = run(Path(source), options)
    seconds = time.perf_counter() - started
    if result.document is None:
        return None, result.error_message or "no output", seconds
    return result.document.to_json(), None, seconds


@dataclass(frozen=True)
class _Task:
    """What a local worker is sent (picklable)."""

    source: str
    options: Options


def _work(task: _Task) -> tuple[str | None, str | None, float]:
    return process_to_json(task.source, task.options)


Results = Iterator[tuple[Job, str | None, str | None, float | None]]


def _local(jobs: list[Job], workers: int, options: Options) -> Results:
    by_source = {str(job.source): job for job in jobs}
    for done in run_tasks(_work, (_Task(str(job.source), options) for job in jobs), workers):
        job = by_source.pop(done.task.source)
        if done.error is not None:
            yield job, None, f"{done.error}; this document only, the others go on", None
        else:
            assert done.result is not None
            yield job, *done.result


SCHEDULER_TIMEOUT = "10s"


class SchedulerUnreachable(Exception):
    """--scheduler names no Dask scheduler that answers."""


def local_cluster(workers: int) -> distributed.LocalCluster:
    """A LocalCluster of single-threaded worker processes that may start processes of their own
    (OCR runs a tesseract pool; Dask's default daemonic workers could not)."""
    import logging

    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.daemon": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR)


def _dask(jobs: list[Job], workers: int, scheduler: str | None, options: Options) -> Results:
    from distributed import Client
    from distributed import as_completed as dask_completed

    cluster = None if scheduler else local_cluster(workers)
    try:
        try:
            client = Client(scheduler or cluster, timeout=SCHEDULER_TIMEOUT)
        except OSError as exc:  # distributed's own retries ran out: no traceback, one line
            raise SchedulerUnreachable(f"cannot reach the Dask scheduler ({' '.join(str(exc).split())})") from exc
        with client:
            futures = {
                client.submit(
                    process_to_json, str(job.source), options, key=f"vnplan-{job.sha256}-{i}", pure=False
                ): job
                for i, job in enumerate(jobs)
            }
            for future in dask_completed(futures):
                try:
                    text, error, seconds = future.result()
                except Exception as exc:  # a lost worker: record it, keep going with the rest
                    text, error, seconds = (
                        None,
                        f"the Dask task failed ({type(exc).__name__}: {exc}); re-run to retry",
                        None,
                    )
                yield futures.pop(future), text, error, seconds
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
    """Process plan.todo on the chosen engine, writing each output, then its manifest row, as it
    arrives. ``options`` go to every worker (default: Options(), a 3,600 s limit per document)."""
    if not plan.todo:
        return
    version = pipeline_version()
    options = options or Options()
    results = (
        _local(plan.todo, workers, options) if engine == "local" else _dask(plan.todo, workers, scheduler, options)
    )
    for job, text, error, seconds in results:
        output = _relative(job.output, plan.out_dir)
        if text is not None:
            try:
                write_atomic(job.output, text)
            except OSError as exc:  # a full disk, a name the file system refuses: this input fails, the rest go on
                text, error = None, f"cannot write the output: {_reason(exc)}"
        if text is None:
            error = error or "no output"
            append_rows(plan.out_dir, [Row(job.name, "failed", job.sha256, output, error, seconds, version)])
            yield Outcome(job, error, seconds)
            continue
        written = hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()
        row = Row(job.name, "ok", job.sha256, output, None, seconds, version, written, job.note)
        append_rows(plan.out_dir, [row])
        yield Outcome(job, None, seconds)


def write_list(path: Path, header: tuple[str, str], rows: list[tuple[str, str]]) -> Path | None:
    """A two-column CSV report (names and messages shown safely); a stale one is removed when there
    are no rows."""
    if not rows:
        path.unlink(missing_ok=True)
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for name, message in sorted(rows):
        writer.writerow([display(name), display(message)])
    write_atomic(path, buffer.getvalue())
    return path


@dataclass(frozen=True)
class Summary:
    inputs: int  # every file found below the input folder
    current: int  # outputs already up to date
    processed: int
    failed: int
    skipped: int  # files not processed (unsupported, empty, duplicate), each with its reason
    removed: int  # inputs gone since the last run
    seconds: float
    temporary_removed: int


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

    def finish(self) -> tuple[Summary, Path | None, Path | None]:
        """The summary, OUT/failures.csv when any input failed and OUT/skipped.csv when any file was
        skipped (stale ones are removed); the manifest is compacted to one row per input."""
        failures = [o for o in self.outcomes if o.error is not None]
        failures_path = write_list(
            self.output / FAILURES_FILE, ("file", "error"), [(o.job.name, o.error or "") for o in failures]
        )
        skipped_path = write_list(
            self.output / SKIPPED_FILE, ("file", "reason"), [(s.name, s.reason) for s in self.plan.skipped]
        )
        compact(self.output)
        summary = Summary(
            self.plan.total,
            len(self.plan.current),
            len(self.outcomes) - len(failures),
            len(failures),
            len(self.plan.skipped),
            len(self.plan.removed),
            time.monotonic() - self.started,
            self.temporary_removed,
        )
        return summary, failures_path, skipped_path


def start(input_dir: Path, output: Path) -> BatchRun:
    """Remove temporary files an interrupted run left in ``output``, plan the run and record in the
    manifest what is known before any document runs: skipped files, inputs that are gone, inputs that
    could not be read (which are also the run's first outcomes)."""
    started = time.monotonic()
    removed = remove_temporary_files(output) if output.is_dir() else 0
    plan = plan_batch(input_dir, output)
    version = pipeline_version()
    append_rows(
        output,
        [
            *(Row(s.name, "skipped", reason=s.reason) for s in plan.skipped),
            *plan.removed,
            *(Row(o.job.name, "failed", reason=o.error, pipeline=version) for o in plan.failed),
        ],
    )
    return BatchRun(input_dir, output, plan, started, removed, list(plan.failed))
