"""The batch manifest: ``OUT/.vnplan-batch/manifest.jsonl``, one row per input of a batch folder.

It is the source of truth about a batch's outputs: for every file below the input folder, its
content hash, its output, its status (``ok``, ``failed``, ``skipped``, ``removed``), the reason of
a failure or a skip, the seconds it took and a note when its output name was changed to avoid a
collision. ``vnplan batch`` resumes from it (an input whose row, pipeline and output still match is
current) and ``vnplan dataset`` reads only the outputs it lists as ``ok``.

Rows are appended as each outcome arrives, one ``write`` of one JSON line each on a file opened
with O_APPEND, so a run killed at any moment loses at most the row being written (a torn last line
is ignored on reading; its input is simply redone). At the end of a run the journal is rewritten
with one row per input (the last row of each wins) through a temporary file and a rename. A lock
file keeps that rewrite from dropping the rows a second batch appends to the same folder meanwhile.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from vnplan.files import write_atomic

STATE_DIR = ".vnplan-batch"
MANIFEST_FILE = "manifest.jsonl"
LOCK_FILE = "manifest.lock"
Status = Literal["ok", "failed", "skipped", "removed"]


@dataclass(frozen=True)
class Row:
    input: str  # the input's path below the input folder (POSIX; a name that is not UTF-8 as surrogate escapes)
    status: Status
    sha256: str | None = None  # of the input's content
    output: str | None = None  # the output's path below OUT
    reason: str | None = None  # why it failed, was skipped or removed
    seconds: float | None = None  # processing time of the run that made the output
    pipeline: str | None = None  # batch.pipeline_version() of that run
    output_sha256: str | None = None  # of the output as written (sha256 of its UTF-8 bytes)
    note: str | None = None  # e.g. how a shared output name was resolved

    def line(self) -> str:
        # ensure_ascii: a name that was not UTF-8 carries lone surrogates, which only escapes keep
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None}, sort_keys=True) + "\n"


def manifest_path(out_dir: Path) -> Path:
    return out_dir / STATE_DIR / MANIFEST_FILE


@contextmanager
def _locked(out_dir: Path, exclusive: bool) -> Iterator[None]:
    lock = out_dir / STATE_DIR / LOCK_FILE
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


def read_manifest(out_dir: Path) -> dict[str, Row]:
    """Input → its last row; an unreadable or torn line (a run killed while writing it) is ignored."""
    try:
        data = manifest_path(out_dir).read_bytes()
    except FileNotFoundError:
        return {}
    rows: dict[str, Row] = {}
    for raw in data.splitlines():
        try:
            row = Row(**json.loads(raw))
        except (ValueError, TypeError):
            continue
        rows[row.input] = row
    return rows


def append_rows(out_dir: Path, rows: Iterable[Row]) -> None:
    """Append rows to the journal in one write (O_APPEND: no other writer's line is cut)."""
    data = "".join(row.line() for row in rows).encode("ascii")
    if not data:
        return
    with _locked(out_dir, exclusive=False):
        fd = os.open(manifest_path(out_dir), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)


def compact(out_dir: Path) -> dict[str, Row]:
    """Rewrite the journal with one row per input, sorted; returns the rows."""
    with _locked(out_dir, exclusive=True):
        rows = read_manifest(out_dir)
        write_atomic(manifest_path(out_dir), "".join(rows[name].line() for name in sorted(rows)))
    return rows


def current_outputs(out_dir: Path) -> list[Path] | None:
    """The outputs the manifest lists as ``ok``, sorted; None when out_dir has no manifest."""
    if not manifest_path(out_dir).is_file():
        return None
    rows = read_manifest(out_dir).values()
    return sorted(out_dir / row.output for row in rows if row.status == "ok" and row.output)
