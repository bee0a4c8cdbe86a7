"""Agreement of each input format with the text input of the same seed (F1 per record type).

    python bench/format_agreement.py            # digital PDF, DOCX and the scanned PDF (OCR: a minute or two)

Prints, per fixture, the F1 of its records against the .txt run's, with `vnplan eval`'s scorers,
and the wall time of the run beside the .txt run's.
"""

from __future__ import annotations

import time
from pathlib import Path

import vnplan
from vnplan.evaluation import RECORD_TYPES, agreement

ROOT = Path(__file__).resolve().parent.parent
PAIRS = {
    "002": ["seed002.pdf", "seed002.docx", "seed002_scan.pdf"],
    "004": ["seed004.pdf", "seed004.docx"],
}


def main() -> None:
    header = f"{'fixture':<20}{'seconds':>9}  " + "  ".join(f"{t[:10]:>10}" for t in RECORD_TYPES) + "      mean"
    print(header)
    for seed, fixtures in PAIRS.items():
        text_path = next((ROOT / "corpus" / "seeds").glob(f"{seed}_*.txt"))
        started = time.perf_counter()
        reference = vnplan.process(text_path)
        print(f"{text_path.name[:19]:<20}{time.perf_counter() - started:>9.1f}  (reference)")
        for name in fixtures:
            started = time.perf_counter()
            plan = vnplan.process(ROOT / "tests" / "fixtures" / name)
            seconds = time.perf_counter() - started
            scores = agreement(reference, plan)
            measured = [v for v in scores.values() if v is not None]
            cells = "  ".join(f"{'n/a' if v is None else f'{v:.3f}':>10}" for v in scores.values())
            print(f"{name:<20}{seconds:>9.1f}  {cells}  {sum(measured) / len(measured):>8.3f}")


if __name__ == "__main__":
    main()
