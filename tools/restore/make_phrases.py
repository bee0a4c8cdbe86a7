"""Write normalize/data/phrases.tsv: the domain phrases restoration takes as evidence.

    python tools/restore/make_phrases.py

normalize/ may not import structure/ (ARCHITECTURE.md), so the phrases it needs from structure's
data are copied here into normalize/data/, together with the hand-kept list
normalize/data/domain_terms.txt:
- organisation: the organisation lexicon (structure/data/organisations.json): head words of several
  syllables, what the abbreviations stand for, the group nouns, the department names;
- metric: the metric taxonomy (structure/metrics.json): labels and units;
- place: the short names of provinces, districts and communes, before and after the 2025
  reorganization (vietnamadminunits, read by structure/admin_units.py);
- the kinds of domain_terms.txt (metric, admin, health, plan).
tests/normalize/test_phrases.py checks that the file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from vnplan.structure.admin_units import units
from vnplan.structure.lexicon import organisations
from vnplan.structure.metrics import metrics

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "normalize" / "data"
HEADER = (
    "# Domain phrases for restoration (normalize/restore/phrases.py), written by\n"
    "# tools/restore/make_phrases.py from structure/data/organisations.json, structure/metrics.json,\n"
    "# vietnamadminunits (structure/admin_units.py) and normalize/data/domain_terms.txt. Do not edit.\n"
    "# kind\tphrase\n"
)


def hand_terms() -> list[tuple[str, str]]:
    text = (DATA / "domain_terms.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(kind, phrase) for kind, phrase in rows]


def phrase_rows() -> list[tuple[str, str]]:
    lexicon = organisations()
    rows = [("organisation", head) for head in lexicon.heads]
    rows += [("organisation", expansion) for expansion in lexicon.abbreviations.values()]
    rows += [("organisation", group) for group in lexicon.groups]
    rows += [("organisation", name) for name in lexicon.departments.values()]
    for metric in metrics():
        rows.append(("metric", metric.label))
        if metric.unit:
            rows.append(("metric", metric.unit))
    rows += [("place", unit.short_name) for code_list in ("pre_2025", "post_2025") for unit in units(code_list)]
    rows += hand_terms()
    # One syllable is no phrase: the language model already weighs single words.
    return sorted({(kind, phrase) for kind, phrase in rows if len(phrase.split()) > 1 or "/" in phrase})


def render() -> str:
    return HEADER + "".join(f"{kind}\t{phrase}\n" for kind, phrase in phrase_rows())


def main() -> None:
    path = DATA / "phrases.tsv"
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}: {len(phrase_rows()):,} phrases")


if __name__ == "__main__":
    main()
