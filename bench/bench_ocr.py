"""OCR benchmark: accuracy on hand-transcribed scan crops, speed on a 15-page scan, and the OCR engine
on the seed002 scan; vnplan beside the tesseract CLI in the same run.

    python bench/bench_ocr.py                      # accuracy (6 crops) and speed (15 pages)
    python bench/bench_ocr.py --engine             # also: CER and s/page of ocr_pages on the seed002 scan
    python bench/bench_ocr.py --engine --scan X.pdf --reference Y.pdf --pages 5

Accuracy: every crop of tests/fixtures/ocr_gold (page crops of realdocs scans, gold transcribed from
the images; README.md there) is run through ``vnplan text`` (the pipeline stopping after normalize:
OCR, then OCR correction) and through the plain ``tesseract IMAGE stdout -l vie`` CLI. Printed per
crop and overall: syllable accuracy (``vnplan.normalize.restore.evaluate.syllable_accuracy``, the
one definition) and CER (edit distance over reference length; NFC, one tone placement, whitespace
runs collapsed, dot leaders "....." dropped on both sides: a form's filler, not text).

Speed: the first 15 pages of the realdocs scans (24-29, in order) as one PDF, run through
``vnplan text`` as a user would (a new process: start-up, model loading and OCR correction
included), beside the tesseract CLI on the same pages rendered at 300 dpi, one after another.
"CPU s/page" (CPU time of the run's processes per page) is the figure to read when other work
shares the cores: wall time then measures the machine's load; on N idle cores a run that keeps
them busy takes about CPU s/page / N of wall time a page.

Engine (``--engine``): the scan's pages are rendered at 300 dpi (vnplan's OCR resolution) to PNG files for the CLI; in the same run:
* vnplan: ``vnplan.extract.ocr.ocr_pages`` on the scan itself (a worker process per core renders
  its page at the same dpi and runs a single-threaded tesseract; deskew on), and the same without
  deskew, to show what deskewing is worth;
* baselines: the plain ``tesseract IMAGE stdout -l vie`` CLI, one page after another, with its
  default (multi-threaded) settings, and the same as one single-threaded process
  (OMP_THREAD_LIMIT=1): what one tesseract process does, against which "× 1 process" measures
  vnplan's throughput on all cores.
The reference text of each page is the text layer of the digital PDF the scan was made from. CER
is the edit distance between reference and OCR text (whitespace runs collapsed, NFC) divided by
the reference length. "cores busy" is CPU time of all child processes (workers, tesseract) over
wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import regex

from vnplan.extract import extract
from vnplan.extract.ocr import LANG, ocr_pages, workers
from vnplan.extract.page_images import OCR_DPI
from vnplan.normalize.restore.evaluate import syllable_accuracy
from vnplan.normalize.unicode import placed_tone

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = FIXTURES / "ocr_gold"
REALDOCS = ROOT.parent / "shared" / "realdocs"
SPEED_PAGES = 15
VNPLAN = Path(sys.executable).parent / "vnplan"
LEADERS = regex.compile(r"(?:\.\s?){3,}|…+")
WORD = regex.compile(r"\p{L}+")


def normalize(text: str) -> str:
    """NFC, one tone placement, dot leaders dropped, whitespace runs collapsed."""
    text = LEADERS.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join(WORD.sub(lambda m: placed_tone(m.group(0)), text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (Myers' bit-parallel algorithm, Hyyrö's formulation)."""
    if not a:
        return len(b)
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    top = 1 << (len(a) - 1)
    pv, mv, score = full, 0, len(a)
    for ch in b:
        eq = masks.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


def cer(references: list[str], hypotheses: list[str]) -> float:
    errors = sum(edit_distance(normalize(r), normalize(h)) for r, h in zip(references, hypotheses, strict=True))
    return errors / max(1, sum(len(normalize(r)) for r in references))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run: Callable[[], list[str]]) -> tuple[list[str], float, float]:
    """(texts, wall seconds, CPU seconds of child processes)."""
    cpu, start = children_cpu(), time.perf_counter()
    texts = run()
    return texts, time.perf_counter() - start, children_cpu() - cpu


def run_text(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def accuracy() -> None:
    crops = sorted(GOLD.glob("*.jpg"))
    golds = [crop.with_suffix(".txt").read_text(encoding="utf-8") for crop in crops]
    outputs = {
        "tesseract -l vie": [run_text(["tesseract", str(c), "stdout", "-l", LANG]) for c in crops],
        "vnplan text": [run_text([str(VNPLAN), "text", str(c)]) for c in crops],
    }
    print(f"accuracy: {len(crops)} crops of realdocs scans ({GOLD.relative_to(ROOT)}), gold by hand")
    print(f"{'crop':22} {'syllables':>9}" + "".join(f" {name + ' syl':>22} {'CER':>7}" for name in outputs))
    for k, crop in enumerate(crops):
        total = syllable_accuracy(golds[k], "").total
        row = "".join(
            f" {syllable_accuracy(golds[k], texts[k]).accuracy:22.4f} {cer([golds[k]], [texts[k]]):7.2%}"
            for texts in outputs.values()
        )
        print(f"{crop.stem:22} {total:9d}{row}")
    overall = ""
    for texts in outputs.values():
        matched = sum(syllable_accuracy(g, t).matched for g, t in zip(golds, texts, strict=True))
        total = sum(syllable_accuracy(g, "").total for g in golds)
        overall += f" {matched / total:22.4f} {cer(golds, texts):7.2%}"
    print(f"{'overall':22} {total:9d}{overall}")


def speed() -> None:
    scans = sorted(REALDOCS.glob("2[4-9]_*_scan.pdf"))
    document = pdfium.PdfDocument.new()
    for scan in scans:
        if len(document) < SPEED_PAGES:
            source = pdfium.PdfDocument(scan)
            document.import_pages(source, list(range(min(len(source), SPEED_PAGES - len(document)))))
    dpi = round(OCR_DPI)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        document.save(path)
        images = []
        for index in range(len(document)):
            image = Path(tmp) / f"page{index + 1:03d}.png"
            document[index].render(scale=dpi / 72, grayscale=True).to_pil().save(image, dpi=(dpi, dpi))
            images.append(image)
        count = len(images)
        results = {
            "tesseract CLI (sequential)": timed(
                lambda: [run_text(["tesseract", str(i), "stdout", "-l", LANG, "--dpi", str(dpi)]) for i in images]
            ),
            "vnplan text (whole run)": timed(lambda: [run_text([str(VNPLAN), "text", str(path)])]),
        }
    print(f"\nspeed: {count} pages of {', '.join(s.name[:2] for s in scans)} at {dpi} dpi, {workers()} cores")
    print(f"{'method':28} {'s/page':>7} {'wall s':>7} {'cores busy':>10} {'CPU s/page':>10}")
    for name, (_texts, wall, cpu) in results.items():
        print(f"{name:28} {wall / count:7.2f} {wall:7.1f} {cpu / wall:10.2f} {cpu / count:10.2f}")


def engine(args: argparse.Namespace) -> None:
    dpi = round(OCR_DPI)

    reference = extract(args.reference)
    document = pdfium.PdfDocument(args.scan)
    count = min(args.pages, len(document), len(reference.pages))
    references = [reference.raw_text[p.start : p.end] for p in reference.pages[:count]]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index in range(count):
            path = Path(tmp) / f"page{index + 1:03d}.png"
            document[index].render(scale=dpi / 72, grayscale=True).to_pil().save(path, dpi=(dpi, dpi))
            paths.append(path)

        def vnplan_ocr(deskew: bool) -> Callable[[], list[str]]:
            def run() -> list[str]:
                pages = ocr_pages("pdf", args.scan.read_bytes(), list(range(count)), deskew=deskew)
                return ["\n".join(line.text for line in pages[i].lines) for i in range(count)]

            return run

        def cli(threads: str | None) -> Callable[[], list[str]]:
            env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
            if threads:
                env["OMP_THREAD_LIMIT"] = threads

            def run() -> list[str]:
                return [
                    subprocess.run(
                        ["tesseract", str(p), "stdout", "-l", LANG, "--dpi", str(dpi)],
                        capture_output=True,
                        text=True,
                        check=True,
                        env=env,
                    ).stdout
                    for p in paths
                ]

            return run

        results = {}
        results["tesseract CLI (sequential)"] = timed(cli(None))
        results["tesseract CLI, 1 thread"] = timed(cli("1"))
        results["vnplan ocr_pages"] = timed(vnplan_ocr(deskew=True))
        results["vnplan ocr_pages, no deskew"] = timed(vnplan_ocr(deskew=False))

    print(f"{args.scan.name}: {count} pages at {dpi} dpi, {workers()} cores, reference {args.reference.name}")
    one_process = results["tesseract CLI, 1 thread"][1]
    print(f"{'method':32} {'CER':>7} {'s/page':>7} {'wall s':>7} {'cores busy':>10} {'× 1 process':>12}")
    for name, (texts, wall, cpu) in results.items():
        print(
            f"{name:32} {cer(references, texts):7.2%} {wall / count:7.2f} {wall:7.1f} {cpu / wall:10.2f}"
            f" {one_process / wall:12.2f}"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="store_true", help="also compare the OCR engine on --scan")
    parser.add_argument("--scan", type=Path, default=FIXTURES / "seed002_scan.pdf")
    parser.add_argument(
        "--reference", type=Path, default=FIXTURES / "seed002.pdf", help="digital PDF of the same pages"
    )
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    accuracy()
    speed()
    if args.engine:
        print()
        engine(args)


if __name__ == "__main__":
    main()
