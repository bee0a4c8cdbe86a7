"""Objectives on the fresh development documents whose hand gold annotates objectives.

    python bench/objectives_devdocs.py [FAMILY ...] [--mismatches]

A family is a folder of corpus/dev/ (the documents) with its gold in corpus/gold/dev/FAMILY/<stem>.json, written by
reading the document; without FAMILY, every family whose gold has an "objectives" block. Each document is run through
the pipeline and scored with `vnplan eval`'s own objective matching (same kind, word-set F1 >= 0.6;
vnplan.evaluation.evaluate_document), so the figures mean what eval's do. Prints per document gold / output / TP /
P / R / F1 and the micro total; --mismatches adds the records that did not match.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import vnplan
from vnplan.evaluation import Counts, evaluate_document

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "corpus" / "dev"
GOLD = ROOT / "corpus" / "gold" / "dev"


def _figure(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _objective_golds(families: list[str]) -> list[tuple[Path, dict]]:
    """(document, gold) for every gold file of the families that annotates objectives."""
    found = []
    for family in families or sorted(p.name for p in GOLD.iterdir() if p.is_dir()):
        for gold_path in sorted((GOLD / family).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if "objectives" in gold:
                document = next((DOCS / family).glob(f"{gold_path.stem}.*"))
                found.append((document, gold))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("families", nargs="*")
    parser.add_argument("--mismatches", action="store_true")
    args = parser.parse_args()
    total = Counts()
    for document, gold in _objective_golds(args.families):
        # only the objectives block is scored: the gold annotates no other record type
        result = evaluate_document(document.stem, {"objectives": gold["objectives"]}, vnplan.process(document))
        counts = result.counts["objectives"]
        total += counts
        name = f"{document.parent.name}/{document.stem}"[:60]
        print(
            f"{name:60} gold {counts.gold:2} out {counts.output:2} TP {counts.tp:2}  "
            f"P {_figure(counts.precision)} R {_figure(counts.recall)} F1 {_figure(counts.f1)}"
        )
        if args.mismatches:
            for mismatch in result.mismatches:
                if mismatch.record_type == "objectives":
                    print(f"    {mismatch.kind}: {mismatch.description}")
    print(
        f"{'micro':60} gold {total.gold:2} out {total.output:2} TP {total.tp:2}  "
        f"P {_figure(total.precision)} R {_figure(total.recall)} F1 {_figure(total.f1)}"
    )


if __name__ == "__main__":
    main()
