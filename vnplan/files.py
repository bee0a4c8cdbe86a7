"""Files: which inputs a folder holds, what each output is called, how it is written, how a name is shown.

- ``expand_inputs``: the supported files below folders, in sorted order; a folder that cannot be
  listed is reported (``on_error``), never skipped silently.
- ``output_names``: the one place output names are made. Outputs mirror the input tree; inputs that
  would share a name keep their suffix (``x.pdf.json``, ``x.txt.json``); a name still shared after
  that gets a hash of its input's path (``x.pdf.1a2b3c4d.json``); a name too long for the file system
  is shortened with the same kind of hash. Same inputs, same names, whatever the order.
- ``write_atomic``: temporary file + rename; temporary names are short, unique and carry the
  writer's PID behind a distinctive prefix, so ``remove_temporary_files`` deletes only the leftovers
  of runs that are gone, never a file of someone else's or of a run still writing.
- ``display``: a path as safe one-line text (bytes that are not UTF-8 as ``\\xNN``, control
  characters such as terminal escapes as ``\\x1b``), for stderr and failures.csv.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath

TEMP_PREFIX = ".vnplan-tmp-"
TEMP_SUFFIX = ".tmp"
MAX_NAME_BYTES = 200  # NAME_MAX is 255 bytes; room for suffixes added beside an output name
HASH_LENGTH = 8
STALE_TEMP_SECONDS = 24 * 3600  # a leftover whose PID is alive (reused) is still removed after a day


def is_supported(path: Path) -> bool:
    from vnplan.extract.sniff import EXTENSIONS

    return path.suffix.lower() in EXTENSIONS


def walk_files(folder: Path, on_error: Callable[[Path, str], None] | None = None) -> Iterator[Path]:
    """Every entry below folder that is not a folder (files, and FIFOs, devices or broken links, which
    a caller must not pass over in silence), sorted; symbolic links to folders are not followed. A
    folder that cannot be listed goes to on_error(folder, reason)."""

    def failed(exc: OSError) -> None:
        if on_error is not None:
            where = Path(exc.filename) if exc.filename else folder
            on_error(where, f"cannot list the folder: {(exc.strerror or str(exc)).lower()}")

    found = []
    for root, _dirs, names in os.walk(folder, onerror=failed):
        found.extend(Path(root) / name for name in names)
    yield from sorted(found)


def special_file(path: Path) -> str | None:
    """What a path that is neither a regular file nor a folder is ("a FIFO", "a socket", "a device",
    "a broken link"); None for a regular file, a folder, or a path that does not exist."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken link" if path.is_symlink() else None
    except OSError:  # left to the reader, which says why it cannot read it
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"


def expand_inputs(inputs: Iterable[Path], on_error: Callable[[Path, str], None] | None = None) -> Iterator[Path]:
    """Files as given; folders expanded to the supported files below them, in sorted order."""
    for item in inputs:
        if item.is_dir():
            yield from (p for p in walk_files(item, on_error) if is_supported(p))
        else:
            yield item


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:HASH_LENGTH]


def _fit(name: str, suffix: str, key: str, force_hash: bool = False) -> str:
    """``name + suffix``, or, when forced or over MAX_NAME_BYTES, name cut at a character boundary
    + ``.<hash of key>`` + suffix."""
    if not force_hash and len(os.fsencode(name + suffix)) <= MAX_NAME_BYTES:
        return name + suffix
    tail = f".{_short_hash(key)}{suffix}"
    room = MAX_NAME_BYTES - len(os.fsencode(tail))
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name + tail


def output_names(inputs: Iterable[tuple[Path, PurePath]], suffix: str = ".json") -> dict[Path, PurePath]:
    """The output path (relative to the output folder) of each (source, source path relative to its
    input folder, or just its name). The one naming rule for extract, batch and report."""
    return {source: name for source, (name, _note) in noted_output_names(inputs, suffix).items()}


def noted_output_names(
    inputs: Iterable[tuple[Path, PurePath]], suffix: str = ".json"
) -> dict[Path, tuple[PurePath, str | None]]:
    """output_names, each with a note saying why it is not the plain name (None when it is), for
    the batch manifest."""
    relative = dict(inputs)

    def plain(rel: PurePath) -> PurePath:
        return rel.with_name(_fit(rel.stem if rel.suffix else rel.name, suffix, rel.as_posix()))

    def keep_suffix(rel: PurePath) -> PurePath:
        return rel.with_name(_fit(rel.name, suffix, rel.as_posix()))

    names: dict[Path, PurePath] = {}
    notes: dict[Path, str | None] = {}
    for source, rel in relative.items():
        names[source] = plain(rel)
        cut = names[source].name != (rel.stem if rel.suffix else rel.name) + suffix
        notes[source] = (
            f"the name is over {MAX_NAME_BYTES} bytes: cut, with a hash of the input's path" if cut else None
        )
    for rule in (keep_suffix, None):
        claims: dict[PurePath, int] = {}
        for name in names.values():
            claims[name] = claims.get(name, 0) + 1
        for source, name in names.items():
            if claims[name] > 1:
                rel = relative[source]
                if rule is not None:
                    names[source] = rule(rel)
                    notes[source] = f"{name.as_posix()} is shared with another input: the input's suffix is kept"
                else:  # still shared (x.pdf and x.pdf.txt): the input's path decides
                    names[source] = rel.with_name(_fit(rel.name, suffix, rel.as_posix(), force_hash=True))
                    notes[source] = (
                        f"{name.as_posix()} is shared with another input: a hash of the input's path is added"
                    )
    return {source: (names[source], notes[source]) for source in names}


def relative_inputs(
    inputs: Iterable[Path], on_error: Callable[[Path, str], None] | None = None
) -> list[tuple[Path, PurePath]]:
    """(file, its path below the folder it was found in, or just its name when given as a file)."""
    found = []
    for item in inputs:
        if item.is_dir():
            found.extend((path, path.relative_to(item)) for path in expand_inputs([item], on_error))
        else:
            found.append((item, PurePath(item.name)))
    return found


def temporary_path(directory: Path) -> Path:
    """A short, unique temporary name in directory: prefix, this process's PID, 16 random hex digits."""
    return directory / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(8)}{TEMP_SUFFIX}"


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 through a temporary file and rename, so a killed run never leaves half a file.

    Characters that cannot be UTF-8 (lone surrogates from a name that was not UTF-8) are written
    as ``\\udcNN`` escapes, which is valid UTF-8 and, inside JSON, a valid JSON escape."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8", "backslashreplace")
    while True:
        tmp = temporary_path(path.parent)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale_temporary(path: Path, now: float | None = None) -> bool:
    """A temporary file of ours whose writer is gone (or that is over a day old)."""
    name = path.name
    if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
        return False
    pid_text = name[len(TEMP_PREFIX) :].split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    try:
        age = (now or time.time()) - path.lstat().st_mtime
    except OSError:
        return False
    return age > STALE_TEMP_SECONDS or not _pid_alive(int(pid_text))


def remove_temporary_files(out_dir: Path) -> int:
    """Delete the temporary files that killed runs left below out_dir: only write_atomic's own
    (``.vnplan-tmp-<pid>-<random>.tmp``) and only when their writer is no longer running."""
    removed = 0
    for root, _dirs, names in os.walk(out_dir):
        for name in names:
            path = Path(root) / name
            if is_stale_temporary(path) and path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}


def display(path: Path | str) -> str:
    """A path as one line of safe text: undecodable bytes as \\xNN, control characters escaped."""
    text = os.fspath(path) if isinstance(path, Path) else path
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name decoding made
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.translate(_CONTROL)
