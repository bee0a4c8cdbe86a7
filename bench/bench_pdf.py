"""Digital-PDF benchmark: pages per second end to end beside raw pypdfium2 text extraction, peak memory,
cost per page by document length (it must grow linearly), and memory across a batch.

    python bench/bench_pdf.py                 # every measurement (a few minutes)
    python bench/bench_pdf.py --quick         # smaller documents and batch

Documents are made in a temporary folder by concatenating the pages of the seed fixtures
(tests/fixtures/seed002.pdf, 14 pages, and seed004.pdf, 15 pages) until the wanted length. In the
same run:
* vnplan: ``python -m vnplan extract FILE -o OUT.json`` as a subprocess pinned to one core
  (start-up, every stage and schema validation included); its peak resident memory from wait4;
  start-up is shown by the same run on the document's first page alone;
* baseline: pypdfium2 raw text extraction (``PdfTextPage.get_text_range`` on every page) of the same
  file in this process;
* batch: ``vnplan batch`` on N copies of a short text plan, the resident memory of the whole process
  tree sampled every 0.2 s and reported per quarter of the run (a leak shows as growth).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = (FIXTURES / "seed002.pdf", FIXTURES / "seed004.pdf")
SHORT_TEXT = FIXTURES / "text" / "lamdong_cchc_2026_excerpt.txt"


def make_pdf(path: Path, pages: int) -> Path:
    """A digital PDF of ``pages`` pages: the seed fixtures' pages, one after the other, repeated."""
    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(source) for source in SOURCES]
    while len(out) < pages:
        for source in sources:
            wanted = min(len(source), pages - len(out))
            if wanted > 0:
                out.import_pages(source, list(range(wanted)))
    out.save(path)
    for document in (*sources, out):
        document.close()
    return path


def run_vnplan(pdf: Path, out: Path) -> tuple[float, int]:
    """(wall seconds, peak resident KiB) of one `vnplan extract` pinned to core 0."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "vnplan", "extract", str(pdf), "-o", str(out), "--no-summary"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.sched_setaffinity(0, {0}),
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"vnplan failed on {pdf}: {stderr}")
    return seconds, usage.ru_maxrss


def raw_text_seconds(pdf: Path) -> float:
    started = time.perf_counter()
    document = pdfium.PdfDocument(pdf)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()
    return time.perf_counter() - started


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        stack.extend(int(child) for child in children)
    return total


def batch_memory(folder: Path, documents: int, workers: int) -> tuple[float, list[int]]:
    """(seconds, peak tree RSS in MiB in each quarter of the run) of `vnplan batch` on N short plans."""
    archive = folder / "archive"
    archive.mkdir()
    text = SHORT_TEXT.read_text(encoding="utf-8")
    for i in range(documents):
        (archive / f"plan{i:04d}.txt").write_text(f"{text}\n\nBản số {i}.\n", encoding="utf-8")
    samples: list[tuple[float, int]] = []
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "vnplan", "batch", str(archive), "-o", str(folder / "out"), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def sample() -> None:
        while process.poll() is None:
            samples.append((time.perf_counter() - started, tree_rss_kib(process.pid)))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"vnplan batch failed (exit {process.returncode})")
    quarters = [
        max((rss for t, rss in samples if q * seconds / 4 <= t < (q + 1) * seconds / 4), default=0) // 1024
        for q in range(4)
    ]
    return seconds, quarters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10/30/60 pages and a 40-document batch")
    args = parser.parse_args()
    lengths = (10, 30, 60) if args.quick else (10, 100, 300)
    documents = 40 if args.quick else 200
    tmp = Path(tempfile.mkdtemp(prefix="vnplan-bench-"))
    try:
        print(
            f"vnplan on one core (taskset core 0), start-up included; baseline pypdfium2 raw text; {os.cpu_count()} cores"
        )
        print()
        one, _ = run_vnplan(make_pdf(tmp / "doc1.pdf", 1), tmp / "doc1.json")
        pdf = make_pdf(tmp / "doc35.pdf", 35)
        seconds, _ = run_vnplan(pdf, tmp / "doc35.json")
        raw = raw_text_seconds(pdf)
        print("| 35-page digital PDF | seconds | pages/s |")
        print("|---|---:|---:|")
        print(f"| vnplan extract (end to end) | {seconds:.2f} | {35 / seconds:.1f} |")
        print(f"| pypdfium2 raw text (baseline) | {raw:.3f} | {35 / raw:.0f} |")
        print(f"| vnplan extract of its first page alone (start-up and one page) | {one:.2f} | — |")
        print()
        print("| pages | vnplan seconds | s/page | s/page beyond the first 10 | peak RSS MiB | pypdfium2 raw s/page |")
        print("|---:|---:|---:|---:|---:|---:|")
        first: tuple[int, float] | None = None
        for pages in lengths:
            pdf = make_pdf(tmp / f"doc{pages}.pdf", pages)
            seconds, peak = run_vnplan(pdf, tmp / f"doc{pages}.json")
            raw = raw_text_seconds(pdf)
            first = first or (pages, seconds)
            marginal = f"{(seconds - first[1]) / (pages - first[0]):.3f}" if pages > first[0] else "—"
            print(
                f"| {pages} | {seconds:.2f} | {seconds / pages:.3f} | {marginal} | {peak // 1024} | {raw / pages:.4f} |"
            )
        print()
        seconds, quarters = batch_memory(tmp, documents, 2)
        print(f"| batch of {documents} short plans, 2 workers | seconds | docs/s | peak tree RSS MiB per quarter |")
        print("|---|---:|---:|---|")
        print(f"| vnplan batch | {seconds:.1f} | {documents / seconds:.1f} | {' / '.join(map(str, quarters))} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
