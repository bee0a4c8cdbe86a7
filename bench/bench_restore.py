"""Restoration benchmark: syllable accuracy and speed, beside pyvi's ``ViUtils.add_accents``.

    python bench/bench_restore.py            # all sets
    python bench/bench_restore.py --quick    # stripped seeds only

Sets:
- stripped: the four clean seeds (corpus/seeds/000, 002, 003, 004) with every mark removed.
- ocr-eng / ocr-vie: held-out pages of normalize/restore/data/ocr_{eng,vie}.jsonl.gz (vi-text
  lines never used for training, rendered and read back by tesseract), against their source.
- laichau: the Lai Châu seed (OCR without a Vietnamese model) against the hand-corrected
  transcription corpus/gold/001_23050706023c0a9f.restored.txt, when it exists.
Accuracy follows README.md "Evaluation" (syllable accuracy); speed is gold syllables per second of CPU time spent
restoring (process time, so that other load on the machine does not count; model loading is
excluded and reported apart).
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from vnplan.normalize.restore import Restorer, restore_text
from vnplan.normalize.restore.channel import ocr_pages
from vnplan.normalize.restore.evaluate import syllable_accuracy
from vnplan.normalize.syllables import strip_diacritics

ROOT = Path(__file__).resolve().parents[1]
CLEAN_SEEDS = ("000_16ca09c5d3b7eb2e", "002_ca09afea0b59ac62", "003_db00a080584846af", "004_a92602256fbb1212")
LAICHAU = "001_23050706023c0a9f"
DATA = ROOT / "normalize" / "restore" / "data"


def pyvi_restore(text: str) -> str:
    from pyvi import ViUtils

    out = []
    for line in text.split("\n"):
        try:
            out.append(ViUtils.add_accents(line))
        except KeyError:  # pyvi fails on some inputs (e.g. "UU"); keep the line
            out.append(line)
    return "\n".join(out)


def measure(name: str, cases: list[tuple[str, str]], systems: dict[str, Callable[[str], str]]) -> None:
    for system, run in systems.items():
        matched = total = 0
        elapsed = 0.0
        for damaged, gold in cases:
            started = time.process_time()
            output = run(damaged)
            elapsed += time.process_time() - started
            _, m, n = syllable_accuracy(gold, output)
            matched += m
            total += n
        print(
            f"{name:10} {system:12} accuracy {matched / total:.4f}  ({matched}/{total})  {total / elapsed:8.0f} syll/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    restorer = Restorer.load()
    print(f"model loaded in {time.perf_counter() - started:.2f} s")

    seeds = [unicodedata.normalize("NFC", (ROOT / "corpus" / "seeds" / f"{s}.txt").read_text()) for s in CLEAN_SEEDS]
    stripped = [(strip_diacritics(text), text) for text in seeds]
    measure(
        "stripped",
        stripped,
        {
            "vnplan": lambda t: restore_text(t, "stripped", restorer).text,
            "pyvi": pyvi_restore,
            "unchanged": lambda t: t,
        },
    )
    if args.quick:
        return
    for lang in ("eng", "vie"):
        pages = [(str(p["ocr"]), "\n".join(p["source"])) for p in ocr_pages(DATA, lang, evaluation=True)]  # type: ignore[arg-type]
        measure(
            f"ocr-{lang}",
            pages,
            {
                "vnplan": lambda t: restore_text(t, "ocr", restorer).text,
                "vnplan-auto": lambda t: restore_text(t, None, restorer).text,
                "unchanged": lambda t: t,
            },
        )
    gold = ROOT / "corpus" / "gold" / f"{LAICHAU}.restored.txt"
    if gold.exists():
        raw = (ROOT / "corpus" / "seeds" / f"{LAICHAU}.txt").read_text()
        measure(
            "laichau",
            [(raw, gold.read_text())],
            {
                "vnplan": lambda t: restore_text(t, "ocr", restorer).text,
                "pyvi": lambda t: pyvi_restore(strip_diacritics(t)),
                "unchanged": lambda t: t,
            },
        )
    else:
        print(f"laichau    (no gold yet: {gold.relative_to(ROOT)})")
    clean_changed = sum(restore_text(text, None, restorer).text != text for text in seeds)
    print(f"clean seeds changed by auto-detection: {clean_changed} of {len(seeds)}")


if __name__ == "__main__":
    main()
