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
tests/normalize/test_restore_evidence.py checks that the file is what this script writes.

It also writes normalize/data/words.txt: the dictionary words of two syllables or more (lower case,
every syllable valid) of ../shared/data/vi-text/vi_words.txt (Viet74K and underthesea, GPL; see
normalize/data/README.md), the weaker evidence that a string of syllables is a word of the language
("dạ dày tá tràng" rather than "đã đẩy tạ trang").
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from vnplan.normalize.syllables import syllables
from vnplan.structure.admin_units import units
from vnplan.structure.lexicon import organisations
from vnplan.structure.metrics import metrics

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "normalize" / "data"
VI_WORDS = ROOT.parent / "shared" / "data" / "vi-text" / "vi_words.txt"
WORDS_HEADER = (
    "# Dictionary words of two syllables or more for restoration (normalize/restore/phrases.py), written by\n"
    "# tools/restore/make_phrases.py from vi-text's vi_words.txt (Viet74K, underthesea; GPL). Do not edit.\n"
)
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


def dictionary_words(source: Path = VI_WORDS) -> list[str]:
    """The lower-case entries of several syllables, all valid: names (capitalized) and foreign
    words say nothing of how a stripped or misread syllable is spelt."""
    valid = syllables()
    found = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        word = unicodedata.normalize("NFC", line.strip())
        parts = word.split()
        if len(parts) > 1 and word == word.lower() and all(part in valid for part in parts):
            found.add(" ".join(parts))
    return sorted(found)


def render_words(source: Path = VI_WORDS) -> str:
    return WORDS_HEADER + "".join(f"{word}\n" for word in dictionary_words(source))


def main() -> None:
    path = DATA / "phrases.tsv"
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}: {len(phrase_rows()):,} phrases")
    words = DATA / "words.txt"
    words.write_text(render_words(), encoding="utf-8")
    print(f"wrote {words}: {len(dictionary_words()):,} words")


if __name__ == "__main__":
    main()
