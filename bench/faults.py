"""The red-team list of issue 17, rerun: every case through the real command line, with its time and
the peak memory of its largest process.

    python bench/faults.py            # every case (a few minutes; builds its bombs in a temporary folder)
    python bench/faults.py --markdown # the table as Markdown, for the README

Per case: whether vnplan did the right thing, tracebacks printed (must be 0), outputs lost or
overwritten (0), foreign files deleted or changed (0), seconds and peak resident memory (MiB, the
largest single process of the case: the coordinator or one worker; must stay under 2 GiB).
Exit code 0 when every case passes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
MAX_PEAK_MIB = 2048
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    out: IO[bytes]
    err: IO[bytes]
    started: float


@dataclass
class Case:
    name: str
    ok: bool = True
    detail: str = ""
    tracebacks: int = 0
    lost: int = 0  # outputs lost or overwritten
    foreign: int = 0  # foreign files deleted or changed
    seconds: float = 0.0
    peak_mib: float = 0.0
    runs: list[Run] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def vn(self, *args: object, env: dict[str, str] | None = None, timeout: float = 900) -> Run:
        """``python -m vnplan ARGS``; its exit code, output, time and the peak RSS of its largest process."""
        return self.finish(self.spawn(*args, env=env), timeout)

    def spawn(self, *args: object, env: dict[str, str] | None = None) -> Running:
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish)
        process = subprocess.Popen(
            [sys.executable, "-m", "vnplan", *map(str, args)],
            stdout=out,
            stderr=err,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        return Running(process, out, err, time.monotonic())

    def finish(self, running: Running, timeout: float = 900) -> Run:
        timer = threading.Timer(timeout, lambda: os.killpg(running.process.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(running.process.pid, 0)  # rusage: the largest process of its tree
        timer.cancel()
        running.process.returncode = os.waitstatus_to_exitcode(status)
        texts = []
        for handle in (running.out, running.err):
            handle.seek(0)
            texts.append(handle.read().decode("utf-8", "replace"))
            handle.close()
        run = Run(running.process.returncode, *texts, time.monotonic() - running.started, usage.ru_maxrss / 1024)
        self.runs.append(run)
        self.tracebacks += run.stderr.count("Traceback")
        self.peak_mib = max(self.peak_mib, run.peak_mib)
        return run

    def check(self, condition: bool, what: str) -> None:
        if not condition:
            self.ok = False
            self.problems.append(what)

    @property
    def summary(self) -> str:
        return self.detail + "".join(f"; FAILED: {what}" for what in self.problems)


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _outputs(out_dir: Path) -> dict[str, str]:
    return {k: v for k, v in _tree(out_dir).items() if k.endswith(".json") and not k.startswith(".vnplan-batch")}


def _copy(seed: int, target: Path, salt: str = "") -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(SEEDS[seed].read_bytes() + (f"\nBản sao {salt}.\n".encode() if salt else b""))
    return target


def _errors(run: Run) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("vnplan: error:")]


def case_unreadable(case: Case, tmp: Path) -> None:
    if os.geteuid() == 0:
        case.detail = "as root every file is readable: simulated in tests/test_reliability.py instead"
        return
    inputs, out = tmp / "in", tmp / "out"
    _copy(2, inputs / "good.txt")
    _copy(4, inputs / "locked.txt").chmod(0)
    run = case.vn("batch", inputs, "-o", out, "--workers", "2")
    case.check(run.returncode == 1 and len(_errors(run)) == 1 and (out / "good.json").is_file(), "one failure row")
    case.detail = "one failure row, the batch goes on"


def case_names(case: Case, tmp: Path) -> None:
    inputs, out = tmp / "in", tmp / "out"
    names = [os.fsdecode(b"k\xe9 ho\xe1ch.txt"), "ệ" * 82 + ".txt", "plain.txt"]
    for i, name in enumerate(names):
        _copy(2, inputs / name, str(i))
    first = case.vn("batch", inputs, "-o", out, "--workers", "2")
    outputs = _outputs(out)
    for path in out.glob("*.json"):
        json.loads(path.read_bytes().decode("utf-8"))
    again = case.vn("batch", inputs, "-o", out, "--workers", "2")
    case.lost += len(names) - len(outputs) + sum(_outputs(out)[k] != v for k, v in outputs.items())
    case.check(
        first.returncode == 0 and "up to date 3" in " ".join(again.stdout.split()), "all processed, then current"
    )
    case.detail = "3 outputs, valid UTF-8 JSON; the re-run finds them current"


def case_collisions(case: Case, tmp: Path) -> None:
    inputs, out, extracted = tmp / "in", tmp / "out", tmp / "extracted"
    names = ["sub1/plan.txt", "sub2/plan.txt", "x.md", "x.txt", "x.md.txt"]
    for i, name in enumerate(names):
        _copy(i, inputs / name, name)
    case.vn("batch", inputs, "-o", out, "--workers", "2")
    first = _outputs(out)
    again = case.vn("batch", inputs, "-o", out, "--workers", "2")
    case.lost += len(names) - len(first) + sum(_outputs(out).get(k) != v for k, v in first.items())
    case.vn("extract", inputs, "-o", extracted, "--no-summary")
    case.lost += len(names) - len(_outputs(extracted))
    target = tmp / "mine.json"
    target.write_text("mine\n", encoding="utf-8")
    refused = case.vn("extract", SEEDS[2], "-o", target, "--no-summary")
    case.lost += target.read_text(encoding="utf-8") != "mine\n"
    case.check(refused.returncode == 1 and "processed 0" in " ".join(again.stdout.split()), "no swap, -o FILE kept")
    case.detail = "5 inputs → 5 outputs (batch and extract); re-run swaps nothing; -o FILE needs --force"


def case_foreign(case: Case, tmp: Path) -> None:
    inputs, out = tmp / "in", tmp / "out"
    for i in range(4):
        _copy(i, inputs / f"plan_{i}.txt")
    foreign = [".git/objects/pack/.tmp-pack.tmp", ".notes.tmp", "keep/.vnplan-tmp-x.tmp", "stray.json"]
    for name in foreign:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(name, encoding="utf-8")
    before = {name: (out / name).read_text(encoding="utf-8") for name in foreign}
    command = [sys.executable, "-m", "vnplan", "batch", str(inputs), "-o", str(out), "--workers", "1"]
    second = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    run = case.vn("batch", inputs, "-o", out, "--workers", "1")
    _, second_err = second.communicate(timeout=600)
    case.tracebacks += second_err.count("Traceback")
    case.foreign += sum(not (out / n).exists() or (out / n).read_text(encoding="utf-8") != t for n, t in before.items())
    case.check(run.returncode == 0 and second.returncode == 0, "two batches into one folder both succeed")
    case.detail = "4 foreign files (.git, *.tmp, a name like ours) kept; two concurrent batches both succeed"


def _docx_bomb(path: Path, paragraphs: int, media_bytes: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode())
            for done in range(0, paragraphs, 1_000_000):
                part.write(b"<w:p/>" * min(1_000_000, paragraphs - done))
            part.write(b"</w:body></w:document>")
        if media_bytes:
            with archive.open("word/media/image1.png", "w") as part:
                for done in range(0, media_bytes, 2**24):
                    part.write(bytes(min(2**24, media_bytes - done)))
    return path


def _refused(case: Case, path: Path, words: str) -> None:
    run = case.vn("extract", path)
    errors = _errors(run)
    case.check(run.returncode == 1 and len(errors) == 1 and words in errors[0], f"refused ({words})")
    case.check(case.peak_mib < MAX_PEAK_MIB, "peak memory under 2 GiB")
    case.detail = (
        f"{path.stat().st_size / 1024:,.0f} KB file refused: {errors[0].split(': ', 3)[-1] if errors else '?'}"
    )


def case_docx_paragraphs(case: Case, tmp: Path) -> None:
    _refused(case, _docx_bomb(tmp / "bomb.docx", 40_000_000), "XML elements")


def case_docx_media(case: Case, tmp: Path) -> None:
    _refused(case, _docx_bomb(tmp / "media.docx", 10, 1024 * 2**20), "unpacks to")


def case_long_text(case: Case, tmp: Path) -> None:
    path = tmp / "one_line.txt"
    with path.open("wb") as handle:
        line = "Kế hoạch phát triển kinh tế xã hội tỉnh Lai Châu năm 2024 ".encode() * 1000
        for _ in range(200 * 2**20 // len(line)):
            handle.write(line)
    _refused(case, path, "character limit")


def case_dead_worker(case: Case, tmp: Path) -> None:
    inputs, out = tmp / "in", tmp / "out"
    for i in range(30):
        _copy(i % len(SEEDS), inputs / f"plan_{i:02}.txt", str(i))
    running = case.spawn("batch", inputs, "-o", out, "--workers", "2")
    workers: list[int] = []
    while not workers and _alive(running.process.pid):  # not poll(): it would reap the process and its rusage
        time.sleep(0.2)
        if out.exists() and len(list(out.glob("*.json"))) >= 3:
            workers = _children(running.process.pid)
    if workers:
        os.kill(workers[0], signal.SIGKILL)  # as the OOM killer would
    failed = _errors(case.finish(running))
    again = case.vn("batch", inputs, "-o", out, "--workers", "2")
    case.lost += 30 - len(_outputs(out))
    case.detail = f"one worker killed mid-run: {len(failed)} of 30 failed; the re-run completes all 30"
    case.check(bool(workers) and len(failed) == 1 and "worker process died" in failed[0], "only its document fails")
    case.check(again.returncode == 0, "the re-run finishes it")


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def case_coordinator_killed(case: Case, tmp: Path) -> None:
    inputs, out = tmp / "in", tmp / "out"
    for i in range(10):
        _copy(i % len(SEEDS), inputs / f"plan_{i:02}.txt", str(i))
    command = [sys.executable, "-m", "vnplan", "batch", str(inputs), "-o", str(out), "--workers", "2"]
    coordinator = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(coordinator.pid)
    coordinator.kill()
    coordinator.wait()
    time.sleep(2)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    again = case.vn("batch", inputs, "-o", out, "--workers", "2")
    case.lost += 10 - len(_outputs(out))
    case.check(len(workers) == 2 and not survivors and again.returncode == 0, "workers die with the coordinator")
    case.detail = f"{len(survivors)} of {len(workers)} workers left running; the re-run completes all 10"


def _timed(case: Case, path: Path, normal: Path) -> None:
    base = case.vn("extract", normal, "-o", path.with_suffix(".normal.json"), "--no-summary")
    run = case.vn("extract", path, "-o", path.with_suffix(".json"), "--no-summary")
    warnings = [w["code"] for w in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["warnings"]]
    case.check(run.returncode == 0 and run.seconds < 4 * base.seconds + 5, "about normal time")
    case.check("no_line_structure" in warnings, "no_line_structure warning")
    case.detail = f"{run.seconds:.1f} s (the same text with its lines: {base.seconds:.1f} s); no_line_structure warning"


def case_no_newlines(case: Case, tmp: Path) -> None:
    path = tmp / "seed_one_line.txt"
    path.write_text(SEEDS[3].read_text(encoding="utf-8").replace("\n", " "), encoding="utf-8")
    _timed(case, path, SEEDS[3])


def case_nested_markdown(case: Case, tmp: Path) -> None:
    path = tmp / "nested.md"
    path.write_text("- " * 10_000 + "x\n", encoding="utf-8")
    _timed(case, path, SEEDS[3])


def case_removed_inputs(case: Case, tmp: Path) -> None:
    inputs, out = tmp / "in", tmp / "out"
    for i in range(3):
        _copy(i, inputs / f"plan_{i}.txt")
    case.vn("batch", inputs, "-o", out, "--workers", "2")
    (inputs / "plan_2.txt").unlink()
    case.vn("batch", inputs, "-o", out, "--workers", "2")
    run = case.vn("dataset", out, "-o", tmp / "dataset")
    with (tmp / "dataset" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        ids = sorted(row["document_id"] for row in csv.DictReader(handle))
    case.check(run.returncode == 0 and ids == ["plan_0", "plan_1"], "dataset = inputs")
    case.detail = f"input deleted → marked removed; dataset documents {ids}"


def case_dataset_leftovers(case: Case, tmp: Path) -> None:
    outputs, dataset = tmp / "json", tmp / "dataset"
    run = case.vn("extract", SEEDS[2], "-o", outputs / "plan.json", "--no-summary")
    plan = json.loads((outputs / "plan.json").read_text(encoding="utf-8"))
    plan["document"]["title"] = '=HYPERLINK("http://evil.example/","click")'
    (outputs / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    dataset.mkdir()
    for name in ("vnplan.duckdb", "documents.parquet"):
        (dataset / f".{name}.{os.getpid()}.tmp").write_bytes(b"half a file")
    runs = [case.vn("dataset", outputs, "-o", dataset) for _ in range(2)]
    title = (dataset / "documents.csv").read_text(encoding="utf-8").splitlines()[1]
    case.check(run.returncode == 0 and all(r.returncode == 0 for r in runs), "dataset runs")
    case.check("'=HYPERLINK" in title, "formula escaped")
    case.detail = "leftover temporary names, twice in a row: no collision; '=HYPERLINK…' written as a text cell"


def case_small_oddities(case: Case, tmp: Path) -> None:
    nul = tmp / "late_nul.txt"
    nul.write_bytes(SEEDS[2].read_bytes() * 3 + b"\x00tail")
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)
    inputs = tmp / "in"
    (inputs).mkdir()
    (inputs / "evil\x1b]0;owned\x07\x1b[2J.pdf").write_bytes(b"not a pdf at all")
    runs = [case.vn("extract", path, timeout=60) for path in (nul, fifo, Path("/dev/zero"))]
    batch = case.vn("batch", inputs, "-o", tmp / "out")
    scheduler = case.vn("batch", inputs, "-o", tmp / "out2", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    case.check(all(r.returncode == 1 and len(_errors(r)) == 1 for r in runs), "NUL, FIFO, /dev/zero refused")
    case.check(
        "\x1b" not in batch.stderr and "\x1b" not in (tmp / "out" / "failures.csv").read_text("utf-8"), "escaped"
    )
    case.check(scheduler.returncode == 2 and len(_errors(scheduler)) == 1, "unreachable scheduler: one line")
    case.detail = "NUL past 64 KiB, a FIFO, /dev/zero: refused; escapes in names escaped; unreachable scheduler: 1 line"


CASES: list[tuple[str, Callable[[Case, Path], None]]] = [
    ("unreadable file in a batch", case_unreadable),
    ("names not UTF-8 / 250 bytes", case_names),
    ("inputs sharing an output name", case_collisions),
    ("foreign *.tmp in -o, 2 batches at once", case_foreign),
    ("DOCX bomb: 40 M empty paragraphs", case_docx_paragraphs),
    ("DOCX bomb: 1 GiB media part", case_docx_media),
    ("200 MB one-line .txt", case_long_text),
    ("worker killed mid-batch (30 docs)", case_dead_worker),
    ("kill -9 of the coordinator alone", case_coordinator_killed),
    ("seed with its newlines removed", case_no_newlines),
    ("20 KB nested-list Markdown line", case_nested_markdown),
    ("deleted input, then dataset", case_removed_inputs),
    ("dataset: leftovers, formula title", case_dataset_leftovers),
    ("NUL, FIFO, /dev/zero, escapes, scheduler", case_small_oddities),
]


def main() -> int:
    markdown = "--markdown" in sys.argv
    results = []
    for name, function in CASES:
        case = Case(name)
        with tempfile.TemporaryDirectory(prefix="vnplan-faults-") as folder:
            started = time.monotonic()
            try:
                function(case, Path(folder))
            except Exception as exc:  # a bench bug or an unexpected state: the case fails, the rest go on
                case.check(False, f"{type(exc).__name__}: {exc}")
            case.seconds = max(case.seconds, time.monotonic() - started)
        case.ok = case.ok and case.tracebacks == 0 and case.lost == 0 and case.foreign == 0
        results.append(case)
        print(f"{'ok  ' if case.ok else 'FAIL'} {name}: {case.summary}", file=sys.stderr, flush=True)
    header = ["case", "result", "tracebacks", "lost/overwritten", "foreign deleted", "time", "peak memory"]
    rows = [
        [
            c.name,
            ("ok: " if c.ok else "FAIL: ") + c.summary,
            str(c.tracebacks),
            str(c.lost),
            str(c.foreign),
            f"{c.seconds:.1f} s",
            f"{c.peak_mib:,.0f} MiB",
        ]
        for c in results
    ]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    else:
        for row in rows:
            print("\t".join(row))
    totals = (sum(c.tracebacks for c in results), sum(c.lost for c in results), sum(c.foreign for c in results))
    peak = max(c.peak_mib for c in results)
    print(
        f"\ntracebacks {totals[0]}, lost or overwritten {totals[1]}, foreign deleted {totals[2]}, "
        f"largest peak {peak:,.0f} MiB; {sum(c.ok for c in results)} of {len(results)} cases pass"
    )
    return 0 if all(c.ok for c in results) else 1


if __name__ == "__main__":
    sys.exit(main())
