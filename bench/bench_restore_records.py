"""Do the records survive the damage? Records from damaged copies against records from clean text.

    python bench/bench_restore_records.py              # the four clean seeds and Lai Châu
    python bench/bench_restore_records.py --realdocs   # also the Markdown realdocs (../shared/realdocs)

Each clean text runs through the whole pipeline (``vnplan.pipeline.process``), and so does each
damaged copy of it: marks stripped, TCVN3 bytes, VNI (as Latin-1 text saved in UTF-8). The English-OCR case is the real one:
the Lai Châu seed (tesseract without a Vietnamese model) against its hand transcription
corpus/gold/001_23050706023c0a9f.restored.txt as the clean text. Compared per record type, as
multisets of normalized strings (NFC, lower case, spaces collapsed): indicator names, indicator
units, metric ids, unit names (canonical). Agreement is 2·|common| / (|clean| + |damaged|), 1.0 when
both are empty; the issue's target is ≥ 0.98 per type. Also listed: the metric ids of a clean
text that its stripped copy loses (the target: none).
"""

from __future__ import annotations

import argparse
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from vnplan.normalize.legacy import encode_tcvn3, encode_vni
from vnplan.normalize.syllables import strip_diacritics
from vnplan.pipeline import process
from vnplan.schema.model import PlanDocument

ROOT = Path(__file__).resolve().parents[1]
CLEAN_SEEDS = ("000_16ca09c5d3b7eb2e", "002_ca09afea0b59ac62", "003_db00a080584846af", "004_a92602256fbb1212")
LAICHAU = "001_23050706023c0a9f"
REALDOCS = ROOT.parent / "shared" / "realdocs"
TYPES = ("indicator names", "indicator units", "metric ids", "unit names")
DAMAGES: dict[str, Callable[[str], bytes]] = {
    "stripped": lambda text: strip_diacritics(text).encode("utf-8"),
    "tcvn3": encode_tcvn3,
    # VNI text as an 8-bit file read as Latin-1 and saved as UTF-8: the bytes cannot hold the
    # typographic quotes of the seeds that VNI-Windows (a cp1252 font) shows.
    "vni": lambda text: encode_vni(text).encode("utf-8"),
}


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").lower().split())


def records(document: PlanDocument) -> dict[str, Counter[str]]:
    return {
        "indicator names": Counter(_norm(i.name) for i in document.indicators),
        "indicator units": Counter(_norm(i.target.unit) for i in document.indicators if i.target.unit),
        "metric ids": Counter(i.metric for i in document.indicators if i.metric),
        "unit names": Counter(_norm(u.canonical_name) for u in document.units),
    }


def agreement(clean: Counter[str], damaged: Counter[str]) -> tuple[int, int]:
    """(2·common, |clean| + |damaged|)."""
    return 2 * sum((clean & damaged).values()), sum(clean.values()) + sum(damaged.values())


def run_bytes(data: bytes, folder: Path, name: str) -> PlanDocument:
    path = folder / f"{name}.txt"
    path.write_bytes(data)
    return process(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realdocs", action="store_true", help="also the Markdown files of ../shared/realdocs")
    args = parser.parse_args()
    texts = {s: (ROOT / "corpus" / "seeds" / f"{s}.txt").read_text(encoding="utf-8") for s in CLEAN_SEEDS}
    if args.realdocs:
        texts |= {p.stem: p.read_text(encoding="utf-8") for p in sorted(REALDOCS.glob("*.md"))}
    totals: dict[tuple[str, str], list[int]] = {}
    lost: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases: list[tuple[str, str, bytes, bytes]] = [
            (name, damage, unicodedata.normalize("NFC", text).encode("utf-8"), make(unicodedata.normalize("NFC", text)))
            for name, text in texts.items()
            for damage, make in DAMAGES.items()
        ]
        gold = ROOT / "corpus" / "gold" / f"{LAICHAU}.restored.txt"
        cases.append(
            (LAICHAU, "ocr-eng", gold.read_bytes(), (ROOT / "corpus" / "seeds" / f"{LAICHAU}.txt").read_bytes())
        )
        clean_records: dict[str, dict[str, Counter[str]]] = {}
        for name, damage, clean, damaged in cases:
            if name not in clean_records:
                clean_records[name] = records(run_bytes(clean, folder, f"{name}.clean"))
            found = records(run_bytes(damaged, folder, f"{name}.{damage}"))
            row = []
            for kind in TYPES:
                common, size = agreement(clean_records[name][kind], found[kind])
                total = totals.setdefault((damage, kind), [0, 0])
                total[0] += common
                total[1] += size
                row.append(f"{common / size if size else 1.0:.3f}")
            print(f"{name[:28]:28} {damage:8} " + "  ".join(row))
            if damage == "stripped":
                lost += [f"{name}: {m}" for m in clean_records[name]["metric ids"] - found["metric ids"]]
    print()
    print(f"{'agreement':37} " + "  ".join(f"{k:>15}" for k in TYPES))
    for damage in [*DAMAGES, "ocr-eng"]:
        cells = [totals[(damage, kind)] for kind in TYPES]
        print(f"{damage:37} " + "  ".join(f"{c / n if n else 1.0:15.3f}" for c, n in cells))
    print(f"metric ids lost by stripping: {', '.join(lost) if lost else 'none'}")


if __name__ == "__main__":
    main()
