"""Check a realdocs gold file: JSON shape and every quote found in the source text.

    .venv/bin/python tools/gold/check_quotes.py corpus/gold/realdocs/<doc_id>.json [SOURCE_TEXT]

A quote matches when it is a substring of the source after both are folded the same way: NFC,
Markdown emphasis and table markers (``*``, ``|``, ``#``) removed, every run of whitespace one space.
For scans (no text layer) pass the annotator's own page transcription as SOURCE_TEXT, or nothing to
check only the shape.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

REALDOCS = Path(__file__).resolve().parents[3] / "shared" / "realdocs"
RECORD_KEYS = {
    "objectives": {"kind", "text"},
    "indicators": {"label", "name", "value", "unit", "comparator", "target_year", "quote"},
    "budgets": {"key", "description", "amount_vnd", "role", "parent", "quote"},
    "units": {"name", "canonical_name", "role", "quote"},
    "activities": {"name", "lead_unit", "support_units", "deadline", "quote"},
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[*|#_\\]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def source_text(doc_id: str) -> str | None:
    for path in REALDOCS.glob(doc_id + ".*"):
        if path.suffix == ".md":
            return path.read_text(encoding="utf-8")
    return None


def main() -> int:
    gold_path = Path(sys.argv[1])
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = Path(sys.argv[2]).read_text(encoding="utf-8") if len(sys.argv) > 2 else source_text(gold["doc_id"])
    haystack = fold(source) if source else None
    problems = 0
    for key in ("doc_id", "annotator", "checked", "document"):
        if key not in gold:
            print(f"missing top-level key {key}")
            problems += 1
    for record_type, required in RECORD_KEYS.items():
        for index, record in enumerate(gold.get(record_type, [])):
            missing = required - record.keys()
            if missing:
                print(f"{record_type}[{index}] lacks {sorted(missing)}")
                problems += 1
            quote = record.get("quote") or (record.get("text") if record_type == "objectives" else None)
            if haystack is not None and quote and fold(quote) not in haystack:
                print(f"{record_type}[{index}] quote not in source: {quote[:120]!r}")
                problems += 1
    keys = {b.get("key") for b in gold.get("budgets", [])}
    for b in gold.get("budgets", []):
        if b.get("parent") and b["parent"] not in keys:
            print(f"budget {b.get('key')} has unknown parent {b['parent']}")
            problems += 1
    counts = ", ".join(f"{t} {len(gold.get(t, []))}" for t in RECORD_KEYS)
    print(f"{gold_path.name}: {counts}; {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
