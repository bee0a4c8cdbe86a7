"""Compare program output with hand-made gold annotations (README.md "Evaluation").

Gold files are ``corpus/gold/<doc_id>.json`` (format in ``corpus/gold/FORMAT.md``), optionally with
``<doc_id>.restored.txt``, a hand transcription of a damaged seed. Records are matched one to one,
greedily by best score with ties broken by list order, so the same inputs always give the same figures.
A record type with no gold and no output records in a document has no data: its figures are None
("n/a"), never 1.0 or 0.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex
from rapidfuzz import fuzz

from vnplan.commands import CommandError
from vnplan.normalize.restore.evaluate import syllable_accuracy, words
from vnplan.schema.errors import InputError
from vnplan.schema.model import Budget, PlanDocument, Provenance
from vnplan.structure.targets import content_words, is_clean_name
from vnplan.structure.units import canonical_name

if TYPE_CHECKING:
    from vnplan.pipeline import Options

# Reported beside activities: activities matched on name alone, ignoring the lead unit.
NAME_ONLY = "activities_name_only"
# Reported beside budgets: budgets matched on amount and role (total, subtotal, item) together.
BUDGET_ROLES = "budgets_with_role"
# Diagnostics repeat a record type under a stricter or looser match; they are not record types.
DIAGNOSTICS = (NAME_ONLY, BUDGET_ROLES)
TEXT_MATCH_THRESHOLD = 0.6
VALUE_REL_TOL = 1e-6
SNIPPET_CHARS = 160

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


def token_f1(a: str, b: str) -> float:
    """F1 of the two texts' word sets (see ``words``); 0.0 when either has no words."""
    left, right = set(words(a)), set(words(b))
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


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
class NameQuality:
    """Indicator names a reader understands alone (``structure.targets.is_clean_name``: two content words or
    more, neither the figure nor the year inside, not a paragraph), and metric conflicts: pairs of indicators of
    one document with the same metric and year whose names say different quantities."""

    clean: int = 0
    total: int = 0
    conflicts: int = 0

    def __add__(self, other: NameQuality) -> NameQuality:
        return NameQuality(self.clean + other.clean, self.total + other.total, self.conflicts + other.conflicts)

    @property
    def share(self) -> float | None:
        return self.clean / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"clean": self.clean, "total": self.total, "share": self.share, "metric_conflicts": self.conflicts}


SAME_QUANTITY = 0.5  # word-set F1 of two names of one metric and year below which they are two quantities


def name_quality(plan: PlanDocument) -> NameQuality:
    clean = sum(is_clean_name(i.name, i.target.value, i.target_year) for i in plan.indicators)
    named: dict[tuple[str, int | None], list[str]] = {}
    for i in plan.indicators:
        if i.metric:
            named.setdefault((i.metric, i.target_year), []).append(" ".join(content_words(i.name)))
    # two wordings of one quantity ("tham gia BHYT", "tham gia bảo hiểm y tế") share most of their words
    conflicts = sum(
        token_f1(a, b) < SAME_QUANTITY for names in named.values() for k, a in enumerate(names) for b in names[k + 1 :]
    )
    return NameQuality(clean, len(plan.indicators), conflicts)


@dataclass(frozen=True)
class UnbalancedTotal:
    """A stated total whose addends do not add up to it."""

    budget_id: str
    description: str
    amount_vnd: int
    addends_vnd: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "budget_id": self.budget_id,
            "description": self.description,
            "amount_vnd": self.amount_vnd,
            "addends_vnd": self.addends_vnd,
            "difference_vnd": self.amount_vnd - self.addends_vnd,
        }


@dataclass(frozen=True)
class BudgetSums:
    """The totals a document states (its budgets with role 'total' and no parent, and the amounts laid
    out a second time) and how many of those with parts equal the sum of their addends: the records
    below them, through parts of the same breakdown, with role 'item' (the query of README.md)."""

    totals: int = 0
    with_parts: int = 0
    adding_up: int = 0
    unbalanced: tuple[UnbalancedTotal, ...] = ()

    def __add__(self, other: BudgetSums) -> BudgetSums:
        return BudgetSums(
            self.totals + other.totals,
            self.with_parts + other.with_parts,
            self.adding_up + other.adding_up,
            self.unbalanced + other.unbalanced,
        )

    @property
    def share(self) -> float | None:
        return self.adding_up / self.with_parts if self.with_parts else None

    def to_dict(self, with_mismatches: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "totals": self.totals,
            "with_parts": self.with_parts,
            "adding_up": self.adding_up,
            "share": self.share,
        }
        if with_mismatches:
            data["unbalanced"] = [u.to_dict() for u in self.unbalanced]
        return data


def budget_sums(plan: PlanDocument) -> BudgetSums:
    """Every stated total of the plan against the sum of its addends: each total without a parent
    in its own breakdown, and each amount laid out a second time in that layout (breakdown 'restated')."""
    parts: dict[str, list[Budget]] = {}
    for b in plan.budgets:
        if b.parent:
            parts.setdefault(b.parent, []).append(b)
    checks: list[tuple[Budget, str | None]] = [(b, None) for b in plan.budgets if b.role == "total" and not b.parent]
    checks += [
        (b, "restated")
        for b in plan.budgets
        if b.breakdown != "restated" and any(c.breakdown == "restated" for c in parts.get(b.id, []))
    ]
    totals, with_parts, adding_up, unbalanced = 0, 0, 0, []
    for head, layout in checks:
        if head.amount_vnd is None:
            continue
        totals += 1
        addends = _addends(head, layout, parts)
        if addends is None:
            continue
        with_parts += 1
        if addends == head.amount_vnd:
            adding_up += 1
        else:
            unbalanced.append(UnbalancedTotal(head.id, _short(head.description, 60), head.amount_vnd, addends))
    return BudgetSums(totals, with_parts, adding_up, tuple(unbalanced))


def _addends(head: Budget, layout: str | None, parts: dict[str, list[Budget]]) -> int | None:
    """The sum of the items below ``head`` through parts of one breakdown (None: it has no parts there)."""
    stack = [c for c in parts.get(head.id, []) if c.breakdown == layout]
    if not stack:
        return None
    found: list[Budget] = []
    seen = {head.id}
    while stack:
        record = stack.pop()
        if record.id in seen:
            continue
        seen.add(record.id)
        found.append(record)
        stack += [c for c in parts.get(record.id, []) if c.breakdown == layout]
    return sum(b.amount_vnd or 0 for b in found if b.role == "item")


@dataclass(frozen=True)
class DocumentResult:
    doc_id: str
    counts: dict[str, Counts]  # by record type; absent when the document has no gold JSON
    mismatches: list[Mismatch]
    restoration: Restoration | None
    subset: str = "custom"  # seeds, odd or even (realdocs halves), custom
    names: NameQuality = NameQuality()
    sums: BudgetSums = BudgetSums()

    def to_dict(self, with_mismatches: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "doc_id": self.doc_id,
            "subset": self.subset,
            "types": {name: counts.to_dict() for name, counts in self.counts.items()},
            "restoration": self.restoration.to_dict() if self.restoration else None,
            "name_quality": self.names.to_dict(),
            "budget_sums": self.sums.to_dict(with_mismatches),
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
        return micro(self.documents)

    def by_subset(self) -> dict[str, list[DocumentResult]]:
        """The documents of each subset present (seeds, odd, even, custom), in that order."""
        order = ("seeds", "odd", "even", "custom")
        groups = {name: [doc for doc in self.documents if doc.subset == name and doc.counts] for name in order}
        return {name: docs for name, docs in groups.items() if docs}

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
                "macro_f1": macro(self.documents),
                "restoration": restoration.to_dict() if restoration else None,
                "name_quality": names_of(self.documents).to_dict(),
                "budget_sums": sums_of(self.documents).to_dict(with_mismatches=False),
            },
            "subsets": {
                name: {
                    "documents": len(docs),
                    "types": {t: c.to_dict() for t, c in micro(docs).items()},
                    "macro_f1": macro(docs),
                    "name_quality": names_of(docs).to_dict(),
                    "budget_sums": sums_of(docs).to_dict(with_mismatches=False),
                }
                for name, docs in self.by_subset().items()
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


# ---------------------------------------------------------------- record types

# Matching rules (corpus issue): indicators on (value, target year); budgets on amount in đồng; units on
# canonical name (fuzzy, token-set ≥ 90) and role; objectives on kind and text overlap; activities on
# name overlap and lead unit; identity field by field (number, issuer, date, province).
UNIT_NAME_THRESHOLD = 90
IDENTITY_FIELDS = ("number", "issuer", "issued_date", "province")
_ADMIN_WORDS = regex.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+|\b(?:tỉnh|thành phố)\s+(?=\p{L})")


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
    if not (_values_equal(value, output[0]) and year == output[1]):
        return None
    # the unit and the name only decide between equally good candidates
    return 1.0 + (unit == output[2]) + token_f1(name, output[3])


def _score_budget(gold: tuple[int | None, str], output: tuple[int | None, str]) -> float | None:
    if gold[0] is None or gold[0] != output[0]:
        return None
    return 1.0 + token_f1(gold[1], output[1])


def _score_equal(gold: Any, output: Any) -> float | None:
    return 1.0 if gold == output else None


def _score_unit(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    if gold[1] != output[1]:
        return None
    similarity = fuzz.token_set_ratio(gold[0], output[0])
    return similarity + fuzz.ratio(gold[0], output[0]) / 1000 if similarity >= UNIT_NAME_THRESHOLD else None


def _score_activity(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    if gold[1] != output[1]:
        return None
    return _score_activity_name(gold, output)


def _score_activity_name(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    similarity = token_f1(fold_name(gold[0]), fold_name(output[0]))
    return similarity if similarity >= TEXT_MATCH_THRESHOLD else None


def fold_identity(field_name: str, value: str | None) -> str | None:
    """Identity values as compared: numbers without spaces, upper-case; names with abbreviations
    expanded and without the words of the administrative level ("tỉnh", "thành phố")."""
    if not value:
        return None
    if field_name == "number":
        return _SPACES.sub("", _nfc_lower(value)).upper()
    if field_name == "issued_date":
        return value.strip()
    name = fold_name(canonical_name(value, None))
    return _SPACES.sub(" ", _ADMIN_WORDS.sub(" ", name)).strip()


def _score_identity(gold: tuple[str, str], output: tuple[str, str]) -> float | None:
    if gold[0] != output[0]:
        return None
    if gold[0] in ("issuer", "province"):
        return 1.0 if fuzz.token_sort_ratio(gold[1], output[1]) >= UNIT_NAME_THRESHOLD else None
    return _score_equal(gold[1], output[1])


def _identity_items(values: dict[str, str | None], quote: str | None = None) -> list[Item]:
    items = []
    for field_name in IDENTITY_FIELDS:
        folded = fold_identity(field_name, values.get(field_name))
        if folded is not None:
            items.append(Item((field_name, folded), f"{field_name}: {values[field_name]}", quote=quote))
    return items


def _gold_identity(gold: dict[str, Any]) -> list[Item]:
    document = gold.get("document") or {}
    return _identity_items({name: document.get(name) for name in IDENTITY_FIELDS}, quote="(document identity)")


def _output_identity(plan: PlanDocument) -> list[Item]:
    document = plan.document
    province = document.province.name if document.province else None
    values = {
        "number": document.number,
        "issuer": document.issuer,
        "issued_date": document.issued_date,
        "province": province,
    }
    return _identity_items(values)


def _gold_objectives(gold: dict[str, Any]) -> list[Item]:
    return [
        Item((r["kind"], r["text"]), f"[{r['kind']}] {_short(r['text'])}", quote=r["text"])
        for r in gold.get("objectives", [])
    ]


def _output_objectives(plan: PlanDocument) -> list[Item]:
    return [Item((o.kind, o.text), f"[{o.kind}] {_short(o.text)}", provenance=o.provenance) for o in plan.objectives]


def _indicator_text(label: str | None, value: Any, unit: str | None, year: int | None, name: str) -> str:
    prefix = f"{label}. " if label else ""
    return f"{prefix}{value} {unit or ''} ({year or 'no year'}) {_short(name)}"


def _gold_indicators(gold: dict[str, Any]) -> list[Item]:
    items = []
    for r in gold.get("indicators", []):
        name = r.get("name") or ""
        key = (r["value"], r.get("target_year"), fold_unit(r.get("unit")), name)
        text = _indicator_text(r.get("label"), r["value"], r.get("unit"), r.get("target_year"), name)
        items.append(Item(key, text, quote=r.get("quote")))
    return items


def _output_indicators(plan: PlanDocument) -> list[Item]:
    """One item per statement of a target: gold records a target stated twice twice (FORMAT.md, settled
    convention 3), the output once with its ``restatements``."""
    items = []
    for i in plan.indicators:
        t = i.target
        key = (t.value, i.target_year, fold_unit(t.unit), i.name)
        text = _indicator_text(i.label, t.value, t.unit, i.target_year, i.name)
        items += [Item(key, text, provenance=p) for p in [i.provenance, *i.restatements]]
    return items


def _gold_budgets(gold: dict[str, Any]) -> list[Item]:
    return [
        Item(
            (r["amount_vnd"], r.get("description") or ""),
            f"{r['amount_vnd']} đồng ({r.get('amount_text')}) {_short(r.get('description') or '')}",
            quote=r.get("quote"),
        )
        for r in gold.get("budgets", [])
    ]


def _output_budgets(plan: PlanDocument) -> list[Item]:
    return [
        Item(
            (b.amount_vnd, b.description),
            f"{b.amount_vnd} đồng ({b.amount_text}) {_short(b.description)}",
            provenance=b.provenance,
        )
        for b in plan.budgets
    ]


def _gold_budget_roles(gold: dict[str, Any]) -> list[Item]:
    return [
        Item((r["amount_vnd"], r.get("role")), f"{r['amount_vnd']} đồng as {r.get('role')}")
        for r in gold.get("budgets", [])
    ]


def _output_budget_roles(plan: PlanDocument) -> list[Item]:
    return [Item((b.amount_vnd, b.role), f"{b.amount_vnd} đồng as {b.role}") for b in plan.budgets]


def _gold_units(gold: dict[str, Any]) -> list[Item]:
    return [
        Item((fold_name(r["canonical_name"]), r["role"]), f"{r['canonical_name']} [{r['role']}]", quote=r.get("quote"))
        for r in gold.get("units", [])
    ]


def _output_units(plan: PlanDocument) -> list[Item]:
    return [
        Item((fold_name(u.canonical_name), u.role), f"{u.canonical_name} [{u.role}]", provenance=u.provenance)
        for u in plan.units
    ]


def _gold_links(gold: dict[str, Any]) -> list[Item]:
    items: dict[tuple[str, str], Item] = {}
    for r in gold.get("units", []):
        for ref in r.get("indicator_refs", []):
            key = (fold_name(r["canonical_name"]), ref)
            items.setdefault(key, Item(key, f"{r['canonical_name']} → {ref}", quote=r.get("quote")))
    return list(items.values())


def _output_links(plan: PlanDocument) -> list[Item]:
    items: dict[tuple[str, str], Item] = {}
    for u in plan.units:
        for task in u.tasks:
            for ref in task.indicator_refs:
                key = (fold_name(u.canonical_name), ref)
                items.setdefault(key, Item(key, f"{u.canonical_name} → {ref}", provenance=task.provenance))
    return list(items.values())


def _gold_activities(gold: dict[str, Any]) -> list[Item]:
    return [
        Item(
            (r["name"], fold_name(r.get("lead_unit"))),
            f"{_short(r['name'])} [lead: {r.get('lead_unit')}]",
            quote=r.get("quote"),
        )
        for r in gold.get("activities", [])
    ]


def _output_activities(plan: PlanDocument) -> list[Item]:
    return [
        Item((a.name, fold_name(a.lead_unit)), f"{_short(a.name)} [lead: {a.lead_unit}]", provenance=a.provenance)
        for a in plan.activities
    ]


@dataclass(frozen=True)
class RecordSpec:
    """How one record type is read from gold and from output, and how two of its records are scored."""

    name: str
    gold_items: Callable[[dict[str, Any]], list[Item]]
    output_items: Callable[[PlanDocument], list[Item]]
    score: Scorer
    gold_block: str | None = None  # scored only when the gold file has this block (identity: "document")


RECORD_SPECS: tuple[RecordSpec, ...] = (
    RecordSpec("identity", _gold_identity, _output_identity, _score_identity, gold_block="document"),
    RecordSpec("objectives", _gold_objectives, _output_objectives, _score_objective),
    RecordSpec("indicators", _gold_indicators, _output_indicators, _score_indicator),
    RecordSpec("budgets", _gold_budgets, _output_budgets, _score_budget),
    RecordSpec("units", _gold_units, _output_units, _score_unit),
    RecordSpec("unit_indicator_links", _gold_links, _output_links, _score_equal),
    RecordSpec("activities", _gold_activities, _output_activities, _score_activity),
    # reported beside activities: the name alone, whatever the lead unit
    RecordSpec(NAME_ONLY, _gold_activities, _output_activities, _score_activity_name),
    RecordSpec(BUDGET_ROLES, _gold_budget_roles, _output_budget_roles, _score_equal),
)
RECORD_TYPES = tuple(spec.name for spec in RECORD_SPECS if spec.name not in DIAGNOSTICS)


def evaluate_document(
    doc_id: str, gold: dict[str, Any] | None, plan: PlanDocument, restored_gold: str | None = None
) -> DocumentResult:
    """Compare one document's output with its gold JSON (if any) and its gold restored text (if any)."""
    counts: dict[str, Counts] = {}
    mismatches: list[Mismatch] = []
    if gold is not None:
        for spec in RECORD_SPECS:
            if spec.gold_block and spec.gold_block not in gold:
                continue
            counts[spec.name], found = compare(spec.name, spec.gold_items(gold), spec.output_items(plan), spec.score)
            if spec.name not in DIAGNOSTICS:
                mismatches += found
    restoration = None
    if restored_gold is not None:
        restoration = Restoration(*syllable_accuracy(restored_gold, plan.text))
    return DocumentResult(doc_id, counts, mismatches, restoration, names=name_quality(plan), sums=budget_sums(plan))


def as_reference(plan: PlanDocument) -> dict[str, Any]:
    """A plan's records in the gold format, so that two runs can be compared with the gold scorers
    (agreement between input formats of the same document; never used as gold annotation)."""
    document = plan.document
    return {
        "document": {
            "number": document.number,
            "issuer": document.issuer,
            "issued_date": document.issued_date,
            "province": document.province.name if document.province else None,
        },
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

SUBSETS = ("all", "seeds", "realdocs", "odd", "even")


@dataclass(frozen=True)
class Case:
    """One document to evaluate: its gold files and its input document (None when none was found)."""

    doc_id: str
    gold_json: Path | None
    restored_txt: Path | None
    document: Path | None
    corpus: str = "custom"

    @property
    def source(self) -> Path | str:
        """What an error about this case names: its gold file, else its document id."""
        return self.gold_json or self.restored_txt or self.doc_id

    @property
    def half(self) -> str | None:
        """realdocs are split by number: odd documents to develop on, even ones to check."""
        number = regex.match(r"\d+", self.doc_id)
        if self.corpus != "realdocs" or number is None:
            return None
        return "odd" if int(number.group()) % 2 else "even"

    @property
    def subset(self) -> str:
        return self.half or self.corpus


def discover(gold_dir: Path, docs_dir: Path, corpus: str = "custom") -> list[Case]:
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
                corpus,
            )
        )
    return cases


def select(cases: Sequence[Case], subset: str) -> list[Case]:
    """The cases of one subset: all, seeds, realdocs, odd or even (realdocs halves)."""
    if subset == "all":
        return list(cases)
    if subset in ("odd", "even"):
        return [case for case in cases if case.half == subset]
    return [case for case in cases if case.corpus == subset]


def sums_of(documents: Sequence[DocumentResult]) -> BudgetSums:
    return sum((doc.sums for doc in documents), BudgetSums())


def names_of(documents: Sequence[DocumentResult]) -> NameQuality:
    return sum((doc.names for doc in documents), NameQuality())


def micro(documents: Sequence[DocumentResult]) -> dict[str, Counts]:
    """Per record type, the counts summed over documents."""
    totals: dict[str, Counts] = {}
    for doc in documents:
        for name, counts in doc.counts.items():
            totals[name] = totals.get(name, Counts()) + counts
    return totals


def macro(documents: Sequence[DocumentResult]) -> dict[str, float | None]:
    """Per record type, the mean of the documents' F1 over the documents that have data for it."""
    result: dict[str, float | None] = {}
    for name in [*RECORD_TYPES, *DIAGNOSTICS]:
        scores = [doc.counts[name].f1 for doc in documents if name in doc.counts and doc.counts[name].f1 is not None]
        result[name] = sum(scores) / len(scores) if scores else None
    return result


def document_score(doc: DocumentResult) -> float:
    """The mean F1 of a document's record types with data (links and name-only left out), for ranking."""
    scores = [
        counts.f1
        for name, counts in doc.counts.items()
        if name not in ("unit_indicator_links", *DIAGNOSTICS) and counts.f1 is not None
    ]
    return sum(scores) / len(scores) if scores else 1.0


# ---------------------------------------------------------------- running the cases (vnplan eval)


def default_corpus_dir(name: str) -> Path:
    """corpus/<name> under the current directory, else the repository's next to the package."""
    here = Path("corpus") / name
    repository = Path(__file__).resolve().parent.parent / "corpus" / name
    return repository if not here.is_dir() and repository.is_dir() else here


def stored_output(outputs: Path, case: Case) -> PlanDocument:
    """The JSON a batch wrote for the case's document: <doc_id>.json, or <name with suffix>.json."""
    assert case.document is not None
    for candidate in (outputs / f"{case.doc_id}.json", outputs / f"{case.document.name}.json"):
        if candidate.is_file():
            try:
                return PlanDocument.model_validate_json(candidate.read_bytes())
            except ValueError as exc:
                raise InputError(f"{candidate}: not a vnplan JSON ({exc})") from exc
    raise InputError(f"no output {case.doc_id}.json in {outputs}")


def evaluate_case(case: Case, outputs: Path | None = None, options: Options | None = None) -> DocumentResult:
    """Read one case's gold files, process its document with ``options`` (or read its stored output),
    compare; any failure becomes InputError."""
    from vnplan.pipeline import run  # every stage: loaded only when documents are processed

    if case.document is None:
        raise InputError(f"no document {case.doc_id}.* beside its gold")
    try:
        gold = json.loads(case.gold_json.read_text(encoding="utf-8")) if case.gold_json else None
        restored = case.restored_txt.read_text(encoding="utf-8") if case.restored_txt else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"gold file not readable: {exc}") from exc
    try:
        plan = stored_output(outputs, case) if outputs else run(case.document, options).plan()
    except InputError as exc:
        raise InputError(f"{case.document}: {exc}") from exc
    try:
        result = evaluate_document(case.doc_id, gold, plan, restored)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"gold file does not follow corpus/gold/FORMAT.md ({type(exc).__name__}: {exc})") from exc
    return replace(result, subset=case.subset)


def default_realdocs_dir() -> Path:
    """../shared/realdocs beside the repository (the development corpus; not shipped)."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "realdocs"


def _some(cases: list[Case], docs: str) -> list[Case]:
    if not cases:
        raise CommandError(docs, "no gold files (<doc_id>.json or <doc_id>.restored.txt) for these documents")
    return cases


def eval_cases(docs: str, gold: Path | None, realdocs: Path | None) -> list[Case]:
    """The cases of ``docs``: a subset name (SUBSETS) or a folder of documents scored against ``gold``."""
    if docs not in SUBSETS:  # a folder of documents, scored against --gold (default corpus/gold)
        gold_dir = gold if gold is not None else default_corpus_dir("gold")
        for folder, option in ((gold_dir, "--gold"), (Path(docs), "--docs")):
            if not folder.is_dir():
                raise CommandError(folder, f"no such folder (give one with {option})", usage=True)
        return _some(discover(gold_dir, Path(docs)), docs)
    gold_root = gold if gold is not None else default_corpus_dir("gold")
    cases = discover(gold_root, default_corpus_dir("seeds"), "seeds") if docs in ("all", "seeds") else []
    if docs != "seeds":
        realdocs_dir = realdocs if realdocs is not None else default_realdocs_dir()
        if not realdocs_dir.is_dir():
            raise CommandError(realdocs_dir, "no realdocs folder (give one with --realdocs)", usage=True)
        cases += discover(gold_root / "realdocs", realdocs_dir, "realdocs")
    return _some(select(cases, docs), docs)


def run_cases(
    cases: Sequence[Case],
    outputs: Path | None,
    options: Options | None,
    on_done: Callable[[Path | str, str | None], None],
    on_start: Callable[[Path | str], None] = lambda source: None,
) -> Report:
    """Evaluate every case; one that cannot be evaluated is kept in the report's errors and the rest
    go on. ``on_start`` and ``on_done`` (with the error, or None) hear of each case by its ``source``
    (a progress display)."""
    results: list[DocumentResult] = []
    errors: dict[str, str] = {}
    for case in cases:
        on_start(case.source)
        try:
            results.append(evaluate_case(case, outputs, options))
        except InputError as exc:
            errors[case.doc_id] = str(exc)
            on_done(case.source, str(exc))
            continue
        on_done(case.source, None)
    return Report(results, errors)
