"""Agreement of each input format with the text input of the same document (F1 per record type).

    python bench/format_agreement.py            # digital PDF, DOCX and the scanned PDF (OCR: a minute or two)

Prints, per fixture, the F1 of its records against the .txt run's, with `vnplan eval`'s scorers,
and the wall time of the run beside the .txt run's. The seeds' fixtures are compared with the seed's
text; the Word 97 file of realdocs (31, when ../shared/realdocs is there) with its own text as
LibreOffice exports it (Text, UTF-8): the same words, read through the .doc → DOCX path or as text.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import vnplan
from vnplan.evaluation import RECORD_TYPES, agreement
from vnplan.extract.office import convert

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT.parent / "shared" / "realdocs"
PAIRS = {
    "002": ["seed002.pdf", "seed002.docx", "seed002_scan.pdf"],
    "004": ["seed004.pdf", "seed004.docx"],
}


def text_export(document: Path) -> Path:
    """The document's text as LibreOffice writes it (UTF-8), in a file beside the bench's other outputs."""
    text = convert(document.read_bytes(), document.suffix, "txt:Text (encoded):UTF8")
    target = Path(tempfile.mkdtemp(prefix="vnplan-agreement-")) / f"{document.stem}.txt"
    target.write_bytes(text)
    return target


def compare(reference_path: Path, others: list[Path]) -> None:
    """One line for the reference run, then one per other input with its agreement per record type."""
    started = time.perf_counter()
    reference = vnplan.process(reference_path)
    print(f"{reference_path.name[:19]:<20}{time.perf_counter() - started:>9.1f}  (reference)")
    for path in others:
        started = time.perf_counter()
        plan = vnplan.process(path)
        seconds = time.perf_counter() - started
        scores = agreement(reference, plan)
        measured = [v for v in scores.values() if v is not None]
        cells = "  ".join(f"{'n/a' if v is None else f'{v:.3f}':>10}" for v in scores.values())
        print(f"{path.name[:19]:<20}{seconds:>9.1f}  {cells}  {sum(measured) / len(measured):>8.3f}")


def main() -> None:
    header = f"{'fixture':<20}{'seconds':>9}  " + "  ".join(f"{t[:10]:>10}" for t in RECORD_TYPES) + "      mean"
    print(header)
    for seed, fixtures in PAIRS.items():
        text_path = next((ROOT / "corpus" / "seeds").glob(f"{seed}_*.txt"))
        compare(text_path, [ROOT / "tests" / "fixtures" / name for name in fixtures])
    for document in sorted(REALDOCS.glob("*.doc")):
        exported = text_export(document)
        compare(exported, [document])
        shutil.rmtree(exported.parent)


if __name__ == "__main__":
    main()
