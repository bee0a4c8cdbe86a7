"""Compare program output with hand-made gold annotations (DESIGN.md "Evaluation").

Gold files are ``corpus/gold/<doc_id>.json`` (format in ``corpus/gold/FORMAT.md``), optionally with
``<doc_id>.restored.txt``, a hand transcription of a damaged seed. Records are matched one to one,
greedily by best score with ties broken by list order, so the same inputs always give the same figures.
A record type with no gold and no output records in a document has no data: its figures are None
("n/a"), never 1.0 or 0.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex
from rapidfuzz.distance import Levenshtein

from vnplan.model import PlanDocument, Provenance
from vnplan.normalize.unicode import alternate_tone_placement

RECORD_TYPES = ("objectives", "indicators", "budgets", "units", "unit_indicator_links", "activities")
# Reported in the JSON only: activities matched on name alone, ignoring the lead unit.
NAME_ONLY = "activities_name_only"
TEXT_MATCH_THRESHOLD = 0.6
VALUE_REL_TOL = 1e-6
SNIPPET_CHARS = 160

_EDGE_PUNCTUATION = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")
_DASH = regex.compile(r"\s*[-‐‑‒–—]\s*")
_SPACES = regex.compile(r"\s+")
_BAC_SY = regex.compile(r"bác\s*sỹ")


# ---------------------------------------------------------------- folding and text similarity


def _nfc_lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def fold_name(name: str | None) -> str:
    """Unit and activity names: NFC, lower-case, spaces collapsed, every dash written " - "."""
    if name is None:
        return ""
    return _SPACES.sub(" ", _DASH.sub(" - ", _nfc_lower(name))).strip()


def fold_unit(unit: str | None) -> str:
    """Indicator units: NFC, lower-case, "bác sỹ" = "bác sĩ", "vạn" = "10.000", "%o" = "‰", no spaces."""
    if unit is None:
        return ""
    text = _BAC_SY.sub("bác sĩ", _nfc_lower(unit)).replace("vạn", "10.000").replace("%o", "‰")
    return _SPACES.sub("", text)


def canonical_word(word: str) -> str:
    """One spelling for both tone placements ("hòa" and "hoà" give the same string)."""
    return min(word, alternate_tone_placement(word))


def words(text: str) -> list[str]:
    """Words with letters: NFC, lower-case, punctuation trimmed at both ends, one tone placement."""
    found = []
    for chunk in _nfc_lower(text).split():
        word = _EDGE_PUNCTUATION.sub("", chunk)
        if any(ch.isalpha() for ch in word):
            found.append(canonical_word(word))
    return found


def token_f1(a: str, b: str) -> float:
    """F1 of the two texts' word sets (see ``words``); 0.0 when either has no words."""
    left, right = set(words(a)), set(words(b))
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def syllable_accuracy(gold_text: str, output_text: str) -> tuple[float, int, int]:
    """(accuracy, gold words matched exactly, gold words) of a restored text against its gold transcription.

    Both texts become word sequences (``words``), aligned by edit distance over whole words; a gold word
    counts when the alignment pairs it with an identical output word. Accuracy is 0.0 for an empty gold.
    """
    gold, output = words(gold_text), words(output_text)
    matched = sum(
        block.src_end - block.src_start for block in Levenshtein.opcodes(gold, output) if block.tag == "equal"
    )
    return (matched / len(gold) if gold else 0.0), matched, len(gold)


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def output(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.output if self.output else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.gold,
            "output": self.output,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Mismatch:
    """A gold record the output lacks (false negative) or an output record gold lacks (false positive)."""

    record_type: str
    kind: Literal["false_negative", "false_positive"]
    description: str
    quote: str | None = None  # false negatives: the gold record's quote
    provenance: dict[str, Any] | None = None  # false positives: page, start, end, text, method

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.record_type,
            "kind": self.kind,
            "description": self.description,
            "quote": self.quote,
            "provenance": self.provenance,
        }


@dataclass(frozen=True)
class Restoration:
    accuracy: float
    matched: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "matched": self.matched, "gold_words": self.total}


@dataclass(frozen=True)
class DocumentResult:
    doc_id: str
    counts: dict[str, Counts]  # by record type; absent when the document has no gold JSON
    mismatches: list[Mismatch]
    restoration: Restoration | None

    def to_dict(self, with_mismatches: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "doc_id": self.doc_id,
            "types": {name: counts.to_dict() for name, counts in self.counts.items()},
            "restoration": self.restoration.to_dict() if self.restoration else None,
        }
        if with_mismatches:
            data["mismatches"] = [m.to_dict() for m in self.mismatches]
        return data


@dataclass(frozen=True)
class Report:
    documents: list[DocumentResult]
    errors: dict[str, str] = field(default_factory=dict)  # doc_id → why it could not be evaluated

    @property
    def overall(self) -> dict[str, Counts]:
        """Micro-averaged: counts summed over documents."""
        totals: dict[str, Counts] = {}
        for doc in self.documents:
            for name, counts in doc.counts.items():
                totals[name] = totals.get(name, Counts()) + counts
        return totals

    @property
    def restoration(self) -> Restoration | None:
        parts = [doc.restoration for doc in self.documents if doc.restoration]
        if not parts:
            return None
        matched, total = sum(p.matched for p in parts), sum(p.total for p in parts)
        return Restoration(matched / total if total else 0.0, matched, total)

    def to_dict(self, with_mismatches: bool = True) -> dict[str, Any]:
        restoration = self.restoration
        return {
            "documents": [doc.to_dict(with_mismatches) for doc in self.documents],
            "overall": {
                "types": {name: counts.to_dict() for name, counts in self.overall.items()},
                "restoration": restoration.to_dict() if restoration else None,
            },
            "errors": self.errors,
        }


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Item:
    """One record to match: what the matcher compares, and what a mismatch line shows."""

    key: Any
    description: str
    quote: str | None = None
    provenance: Provenance | None = None


Scorer = Callable[[Any, Any], float | None]  # (gold key, output key) → score, None when they do not match


def match(gold: Sequence[Item], output: Sequence[Item], score: Scorer) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, output index): best score first, ties in list order."""
    candidates = []
    for gi, g in enumerate(gold):
        for oi, o in enumerate(output):
            value = score(g.key, o.key)
            if value is not None:
                candidates.append((-value, gi, oi))
    candidates.sort()
    used_gold: set[int] = set()
    used_output: set[int] = set()
    pairs = []
    for _, gi, oi in candidates:
        if gi not in used_gold and oi not in used_output:
            used_gold.add(gi)
            used_output.add(oi)
            pairs.append((gi, oi))
    return sorted(pairs)


def _provenance_dict(provenance: Provenance) -> dict[str, Any]:
    snippet = provenance.text if len(provenance.text) <= SNIPPET_CHARS else provenance.text[:SNIPPET_CHARS] + "…"
    return {
        "page": provenance.page,
        "start": provenance.start,
        "end": provenance.end,
        "text": snippet,
        "method": provenance.method,
    }


def compare(
    record_type: str, gold: Sequence[Item], output: Sequence[Item], score: Scorer
) -> tuple[Counts, list[Mismatch]]:
    pairs = match(gold, output, score)
    matched_gold = {gi for gi, _ in pairs}
    matched_output = {oi for _, oi in pairs}
    mismatches = [
        Mismatch(record_type, "false_negative", item.description, quote=item.quote)
        for gi, item in enumerate(gold)
        if gi not in matched_gold
    ]
    mismatches += [
        Mismatch(
            record_type,
            "false_positive",
            item.description,
            provenance=_provenance_dict(item.provenance) if item.provenance else None,
        )
        for oi, item in enumerate(output)
        if oi not in matched_output
    ]
    counts = Counts(tp=len(pairs), fp=len(output) - len(pairs), fn=len(gold) - len(pairs))
    return counts, mismatches


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# Keys: objectives (kind, text); indicators (value, year, folded unit, name); budgets (amount, description);
# units and links (folded name, role or label); activities (name, folded lead unit).


def _score_objective(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    if gold[0] != output[0]:
        return None
    similarity = token_f1(gold[1], output[1])
    return similarity if similarity >= TEXT_MATCH_THRESHOLD else None


def _values_equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=VALUE_REL_TOL)


def _score_indicator(gold: tuple[Any, ...], output: tuple[Any, ...]) -> float | None:
    value, year, unit, name = gold
    if not (_values_equal(value, output[0]) and year == output[1] and unit == output[2]):
        return None
    return 1.0 + token_f1(name, output[3])  # the name only decides between equally good candidates


def _score_budget(gold: tuple[int | None, str], output: tuple[int | None, str]) -> float | None:
    if gold[0] is None or gold[0] != output[0]:
        return None
    return 1.0 + token_f1(gold[1], output[1])


def _score_equal(gold: Any, output: Any) -> float | None:
    return 1.0 if gold == output else None


def _score_activity(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    if gold[1] != output[1]:
        return None
    return _score_activity_name(gold, output)


def _score_activity_name(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    similarity = token_f1(fold_name(gold[0]), fold_name(output[0]))
    return similarity if similarity >= TEXT_MATCH_THRESHOLD else None


def _gold_items(gold: dict[str, Any], record_type: str) -> list[Item]:
    items: list[Item] = []
    if record_type == "objectives":
        for r in gold.get("objectives", []):
            items.append(Item((r["kind"], r["text"]), f"[{r['kind']}] {_short(r['text'])}", quote=r["text"]))
    elif record_type == "indicators":
        for r in gold.get("indicators", []):
            key = (r["value"], r.get("target_year"), fold_unit(r.get("unit")), r.get("name") or "")
            label = f"{r['label']}. " if r.get("label") else ""
            text = f"{label}{r['value']} {r.get('unit') or ''} ({r.get('target_year') or 'no year'}) {_short(r.get('name') or '')}"
            items.append(Item(key, text, quote=r.get("quote")))
    elif record_type == "budgets":
        for r in gold.get("budgets", []):
            text = f"{r['amount_vnd']} đồng ({r.get('amount_text')}) {_short(r.get('description') or '')}"
            items.append(Item((r["amount_vnd"], r.get("description") or ""), text, quote=r.get("quote")))
    elif record_type == "units":
        for r in gold.get("units", []):
            key = (fold_name(r["canonical_name"]), r["role"])
            items.append(Item(key, f"{r['canonical_name']} [{r['role']}]", quote=r.get("quote")))
    elif record_type == "unit_indicator_links":
        seen: set[tuple[str, str]] = set()
        for r in gold.get("units", []):
            for ref in r.get("indicator_refs", []):
                key = (fold_name(r["canonical_name"]), ref)
                if key not in seen:
                    seen.add(key)
                    items.append(Item(key, f"{r['canonical_name']} → {ref}", quote=r.get("quote")))
    else:  # activities
        for r in gold.get("activities", []):
            key = (r["name"], fold_name(r.get("lead_unit")))
            text = f"{_short(r['name'])} [lead: {r.get('lead_unit')}]"
            items.append(Item(key, text, quote=r.get("quote")))
    return items


def _output_items(plan: PlanDocument, record_type: str) -> list[Item]:
    items: list[Item] = []
    if record_type == "objectives":
        for o in plan.objectives:
            items.append(Item((o.kind, o.text), f"[{o.kind}] {_short(o.text)}", provenance=o.provenance))
    elif record_type == "indicators":
        for i in plan.indicators:
            target = i.target
            key = (target.value, i.target_year, fold_unit(target.unit), i.name)
            label = f"{i.label}. " if i.label else ""
            text = f"{label}{target.value} {target.unit or ''} ({i.target_year or 'no year'}) {_short(i.name)}"
            items.append(Item(key, text, provenance=i.provenance))
    elif record_type == "budgets":
        for b in plan.budgets:
            text = f"{b.amount_vnd} đồng ({b.amount_text}) {_short(b.description)}"
            items.append(Item((b.amount_vnd, b.description), text, provenance=b.provenance))
    elif record_type == "units":
        for u in plan.units:
            key = (fold_name(u.canonical_name), u.role)
            items.append(Item(key, f"{u.canonical_name} [{u.role}]", provenance=u.provenance))
    elif record_type == "unit_indicator_links":
        seen: set[tuple[str, str]] = set()
        for u in plan.units:
            for task in u.tasks:
                for ref in task.indicator_refs:
                    key = (fold_name(u.canonical_name), ref)
                    if key not in seen:
                        seen.add(key)
                        items.append(Item(key, f"{u.canonical_name} → {ref}", provenance=task.provenance))
    else:  # activities
        for a in plan.activities:
            key = (a.name, fold_name(a.lead_unit))
            items.append(Item(key, f"{_short(a.name)} [lead: {a.lead_unit}]", provenance=a.provenance))
    return items


_SCORERS: dict[str, Scorer] = {
    "objectives": _score_objective,
    "indicators": _score_indicator,
    "budgets": _score_budget,
    "units": _score_equal,
    "unit_indicator_links": _score_equal,
    "activities": _score_activity,
}


def evaluate_document(
    doc_id: str, gold: dict[str, Any] | None, plan: PlanDocument, restored_gold: str | None = None
) -> DocumentResult:
    """Compare one document's output with its gold JSON (if any) and its gold restored text (if any)."""
    counts: dict[str, Counts] = {}
    mismatches: list[Mismatch] = []
    if gold is not None:
        for record_type in RECORD_TYPES:
            gold_items, output_items = _gold_items(gold, record_type), _output_items(plan, record_type)
            counts[record_type], found = compare(record_type, gold_items, output_items, _SCORERS[record_type])
            mismatches += found
            if record_type == "activities":
                counts[NAME_ONLY], _ = compare(NAME_ONLY, gold_items, output_items, _score_activity_name)
    restoration = None
    if restored_gold is not None:
        restoration = Restoration(*syllable_accuracy(restored_gold, plan.text))
    return DocumentResult(doc_id, counts, mismatches, restoration)


def as_reference(plan: PlanDocument) -> dict[str, Any]:
    """A plan's records in the gold format, so that two runs can be compared with the gold scorers
    (agreement between input formats of the same document; never used as gold annotation)."""
    return {
        "objectives": [{"kind": o.kind, "text": o.text} for o in plan.objectives],
        "indicators": [
            {
                "label": i.label,
                "name": i.name,
                "value": i.target.value,
                "unit": i.target.unit,
                "target_year": i.target_year,
            }
            for i in plan.indicators
        ],
        "budgets": [
            {"amount_vnd": b.amount_vnd, "amount_text": b.amount_text, "description": b.description}
            for b in plan.budgets
        ],
        "units": [
            {
                "canonical_name": u.canonical_name,
                "role": u.role,
                "indicator_refs": sorted({r for t in u.tasks for r in t.indicator_refs}),
            }
            for u in plan.units
        ],
        "activities": [{"name": a.name, "lead_unit": a.lead_unit} for a in plan.activities],
    }


def agreement(reference: PlanDocument, plan: PlanDocument) -> dict[str, float | None]:
    """F1 of ``plan``'s records against ``reference``'s, per record type (None: neither has any)."""
    result = evaluate_document("agreement", as_reference(reference), plan)
    return {record_type: result.counts[record_type].f1 for record_type in RECORD_TYPES}


# ---------------------------------------------------------------- files


@dataclass(frozen=True)
class Case:
    """One document to evaluate: its gold files and its input document (None when none was found)."""

    doc_id: str
    gold_json: Path | None
    restored_txt: Path | None
    document: Path | None


def discover(gold_dir: Path, docs_dir: Path) -> list[Case]:
    """Every doc_id with a ``<doc_id>.json`` or ``<doc_id>.restored.txt`` in gold_dir, sorted."""
    doc_ids = {p.name.removesuffix(".restored.txt") for p in gold_dir.glob("*.restored.txt")}
    doc_ids |= {p.stem for p in gold_dir.glob("*.json")}
    cases = []
    for doc_id in sorted(doc_ids):
        gold_json = gold_dir / f"{doc_id}.json"
        restored = gold_dir / f"{doc_id}.restored.txt"
        documents = sorted(p for p in docs_dir.glob(f"{doc_id}.*") if p.is_file())
        cases.append(
            Case(
                doc_id,
                gold_json if gold_json.is_file() else None,
                restored if restored.is_file() else None,
                documents[0] if documents else None,
            )
        )
    return cases
