"""Objectives on fresh development documents with a hand gold of objectives only.

    python bench/objectives_devdocs.py [DIR] [--prefix ob-] [--mismatches]

DIR (default ../devdocs beside the repository) holds the documents (<name>.md) and, in DIR/ob-gold,
<name>.json files with {"objectives": [{"kind", "text"}]} written by reading the document. Each
document is run through the pipeline and scored with `vnplan eval`'s own objective matching (same
kind, word-set F1 >= 0.6; vnplan.evaluation.evaluate_document), so the figures mean what eval's do.
Prints per document gold / output / TP / P / R / F1 and the micro total; --mismatches adds the
records that did not match.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import vnplan
from vnplan.evaluation import Counts, evaluate_document

ROOT = Path(__file__).resolve().parent.parent


def _figure(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=ROOT.parent / "devdocs")
    parser.add_argument("--prefix", default="ob-")
    parser.add_argument("--mismatches", action="store_true")
    args = parser.parse_args()
    total = Counts()
    for gold_path in sorted((args.dir / "ob-gold").glob(f"{args.prefix}*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        # only the objectives block is scored: the gold has no other record type
        result = evaluate_document(gold_path.stem, {"objectives": gold["objectives"]}, vnplan.process(
            args.dir / f"{gold_path.stem}.md"))
        counts = result.counts["objectives"]
        total += counts
        print(f"{gold_path.stem[:60]:60} gold {counts.gold:2} out {counts.output:2} TP {counts.tp:2}  "
              f"P {_figure(counts.precision)} R {_figure(counts.recall)} F1 {_figure(counts.f1)}")
        if args.mismatches:
            for mismatch in result.mismatches:
                if mismatch.record_type == "objectives":
                    print(f"    {mismatch.kind}: {mismatch.description}")
    print(f"{'micro':60} gold {total.gold:2} out {total.output:2} TP {total.tp:2}  "
          f"P {_figure(total.precision)} R {_figure(total.recall)} F1 {_figure(total.f1)}")


if __name__ == "__main__":
    main()
