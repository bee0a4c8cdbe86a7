"""The review page: one self-contained HTML file per document, for archivists checking the extraction.

The page shows the document's normalized text (the JSON's ``text``, which every provenance offset
points into) with each extracted value highlighted and linked to its record, the restored tokens
(the JSON's ``repairs``) marked with their raw form, the warnings, and a table per record type.
Everything is inline (CSS and JavaScript); the page loads nothing from anywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path, PurePath
from typing import Any

import jinja2

from vnplan.files import output_names

Record = dict[str, Any]

# record kind → key prefix; tasks are listed in the units' table, under their unit
PREFIXES = {
    "document": "d",
    "objective": "o",
    "indicator": "i",
    "budget": "b",
    "unit": "u",
    "task": "t",
    "activity": "a",
    "warning": "w",
}
TABLES = {
    "document": ("Document", ["field", "value"]),
    "objective": ("Objectives", ["id", "kind", "text"]),
    "indicator": ("Indicators", ["id", "label", "name", "target", "year", "metric"]),
    "budget": ("Budgets", ["id", "description", "amount (VND)", "as written", "year", "funding source", "part of"]),
    "unit": ("Units and their tasks", ["id", "name", "canonical name", "role"]),
    "activity": ("Activities", ["id", "name", "lead unit", "support units", "product", "deadline", "budget (VND)"]),
}


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the text, linked to one record by its key."""

    key: str
    kind: str
    start: int
    end: int


@dataclass
class Segment:
    """A run of text covered by the same marks (innermost first) and at most one repair."""

    text: str
    keys: list[str] = field(default_factory=list)
    kind: str | None = None
    repair: Record | None = None


@dataclass(frozen=True)
class Row:
    key: str
    kind: str
    cells: list[str]
    span: str  # "start–end · method · confidence", or "" when the record has no span in the text
    linked: bool  # its span is highlighted in the text


def _target(indicator: Record) -> str:
    target = indicator["target"]
    sign = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< "}.get(target.get("comparator") or "", "")
    value = "—" if target.get("value") is None else f"{target['value']:g}"
    return f"{sign}{value} {target.get('unit') or ''}".strip()


def _vnd(amount: int | None) -> str:
    return "—" if amount is None else f"{amount:,}".replace(",", ".")


def _cell(value: Any) -> str:
    if value is None or value == []:
        return "—"
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


class _Collector:
    """Gives each record a key, its table row and, when its span lies in the text, a mark."""

    def __init__(self, length: int) -> None:
        self.length = length
        self.rows: dict[str, list[Row]] = {kind: [] for kind in TABLES}
        self.marks: list[Mark] = []
        self.count: dict[str, int] = defaultdict(int)

    def add(self, kind: str, cells: list[Any], provenance: Record | None, table: str | None = None) -> str:
        self.count[kind] += 1
        key = f"{PREFIXES[kind]}{self.count[kind]}"
        linked, span = False, ""
        if provenance is not None:
            linked = 0 <= provenance["start"] < provenance["end"] <= self.length
            span = (
                f"{provenance['start']}–{provenance['end']} · {provenance['method']} · {provenance['confidence']:.2f}"
            )
            if linked:
                self.marks.append(Mark(key, kind, provenance["start"], provenance["end"]))
        if table is not None:
            self.rows[table].append(Row(key, kind, [_cell(c) for c in cells], span, linked))
        return key


def collect(plan: Record) -> tuple[dict[str, list[Row]], list[Mark], list[tuple[str, Record, bool]]]:
    """Rows of every table, marks of every record, and the warnings as (key, warning, linked)."""
    c = _Collector(len(plan["text"]))
    doc = plan["document"]
    if doc.get("province"):
        c.add("document", ["province", doc["province"]["name"]], doc["province"].get("provenance"), "document")
    for reference in doc.get("legal_basis") or []:
        c.add("document", ["legal basis", reference["text"]], reference["provenance"], "document")
    if doc.get("signer"):
        signer = doc["signer"]
        who = " · ".join(filter(None, [signer.get("authority"), signer.get("title"), signer.get("name")]))
        c.add("document", ["signer", who], signer.get("provenance"), "document")
    for o in plan["objectives"]:
        c.add("objective", [o["id"], o["kind"], o["text"]], o["provenance"], "objective")
    for i in plan["indicators"]:
        cells = [i["id"], i.get("label"), i["name"], _target(i), i.get("target_year"), i.get("metric")]
        c.add("indicator", cells, i["provenance"], "indicator")
    for b in plan["budgets"]:
        cells = [b["id"], b["description"], _vnd(b.get("amount_vnd")), b.get("amount_text"), b.get("year")]
        c.add("budget", [*cells, b.get("funding_source"), b.get("parent")], b["provenance"], "budget")
    for u in plan["units"]:
        c.add("unit", [u["id"], u["name"], u["canonical_name"], u["role"]], u["provenance"], "unit")
        for t in u["tasks"]:
            refs = ", ".join(t["indicator_refs"])
            detail = "; ".join(filter(None, [refs and f"indicators {refs}", t.get("deadline"), t.get("product")]))
            c.add("task", ["", "↳ " + t["text"], detail, ""], t["provenance"], "unit")
    for a in plan["activities"]:
        cells = [a["id"], a["name"], a.get("lead_unit"), a.get("support_units"), a.get("product"), a.get("deadline")]
        c.add("activity", [*cells, _vnd(a.get("budget_vnd"))], a["provenance"], "activity")
    warnings = []
    for w in plan["warnings"]:
        key = c.add("warning", [], w.get("provenance"))
        warnings.append((key, w, any(m.key == key for m in c.marks)))
    return c.rows, c.marks, warnings


def segments(text: str, marks: list[Mark], repairs: list[Record]) -> list[Segment]:
    """The text cut at every mark and repair boundary; each piece knows what covers it."""
    repairs = [r for r in repairs if 0 <= r["start"] < r["end"] <= len(text)]
    cuts = sorted(
        {0, len(text), *(m.start for m in marks), *(m.end for m in marks)}
        | {r["start"] for r in repairs}
        | {r["end"] for r in repairs}
    )
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    repair_at: dict[int, Record] = {}
    for r in repairs:
        repair_at.setdefault(r["start"], r)
    active: list[Mark] = []
    repair: Record | None = None
    pieces = []
    for start, end in pairwise(cuts):
        active = [m for m in active if m.end > start] + starting[start]
        if repair is not None and repair["end"] <= start:
            repair = None
        repair = repair_at.get(start, repair)
        inner = sorted(active, key=lambda m: (m.end - m.start, m.key))
        pieces.append(Segment(text[start:end], [m.key for m in inner], inner[0].kind if inner else None, repair))
    return pieces


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("vnplan", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("report.html.j2")


def render(plan: Record) -> str:
    """The review page for one vnplan JSON output (as a dict)."""
    rows, marks, warnings = collect(plan)
    return _template().render(
        doc=plan["document"],
        schema_version=plan["schema_version"],
        segments=segments(plan["text"], marks, plan["repairs"]),
        tables=[(kind, *TABLES[kind], rows[kind]) for kind in TABLES if rows[kind]],
        warnings=warnings,
        repairs=len(plan["repairs"]),
        marked=len(marks),
    )


def review_pages(inputs: list[Path], output: Path | None) -> tuple[list[tuple[Path, Path]], bool]:
    """(JSON, HTML page to write) for every vnplan JSON given or below a folder given, and whether
    ``output`` names one page file (.html). Pages mirror the folders below ``output``, by the output
    naming rule of vnplan.files; without ``output``, each page goes beside its JSON."""
    from vnplan.dataset import output_files

    found = [
        (f, f.relative_to(item) if item.is_dir() else PurePath(f.name))
        for item in inputs
        for f in (output_files(item) if item.is_dir() else [item])
    ]
    names = output_names(found, ".html")
    single_file = output is not None and output.suffix.lower() in (".html", ".htm")
    pages = []
    for path, _ in found:
        if output is None:  # beside each JSON
            target = path.with_name(output_names([(path, PurePath(path.name))], ".html")[path].name)
        else:
            target = output if single_file else output / names[path]
        pages.append((path, target))
    return pages, single_file
