"""The cross-province dataset: tidy tables from a folder of vnplan JSON outputs.

One row per record, each with the document's id, province (name, and the official codes when the
JSON has them), issuer and year, plus provenance columns (page, span, quote, method, confidence).
Written as CSV, Parquet and one DuckDB database holding the same tables. Money is integer VND;
indicators carry the canonical ``metric`` so one query compares a metric across provinces.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from vnplan.files import temporary_path, write_atomic
from vnplan.manifest import STATE_DIR, current_outputs
from vnplan.schema.errors import InputError
from vnplan.structure.metrics import metric_entries

TABLES = ("documents", "indicators", "budgets", "units", "activities", "warnings")
DATABASE_FILE = "vnplan.duckdb"

Row = dict[str, Any]

COMMON = [("document_id", pa.string()), ("issuer", pa.string()), ("year", pa.int64())]
PROVENANCE = [
    ("prov_page", pa.int64()),
    ("prov_start", pa.int64()),
    ("prov_end", pa.int64()),
    ("prov_text", pa.string()),
    ("prov_method", pa.string()),
    ("prov_confidence", pa.float64()),
]
PLACE = [("place", pa.string()), ("place_code", pa.string())]
COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("file_name", pa.string()),
        ("sha256", pa.string()),
        ("format", pa.string()),
        ("pages", pa.int64()),
        ("text_method", pa.string()),
        ("doc_type", pa.string()),
        ("number", pa.string()),
        ("title", pa.string()),
        ("issuer_parent", pa.string()),
        ("issued_date", pa.string()),
        ("place_of_issue", pa.string()),
        ("period_start", pa.int64()),
        ("period_end", pa.int64()),
        ("period_horizon", pa.int64()),
        ("signer_name", pa.string()),
        ("signer_title", pa.string()),
        ("text_quality", pa.string()),
        ("text_quality_score", pa.float64()),
        ("schema_version", pa.string()),
        *((f"n_{name}", pa.int64()) for name in ("objectives", "indicators", "budgets", "units", "activities")),
        ("n_warnings", pa.int64()),
    ],
    "indicators": [
        ("indicator_id", pa.string()),
        ("label", pa.string()),
        ("name", pa.string()),
        ("metric", pa.string()),
        ("metric_label", pa.string()),
        ("comparator", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("target_year", pa.int64()),
        ("baseline_value", pa.float64()),
        ("baseline_year", pa.int64()),
        ("section", pa.string()),
        *PROVENANCE,
    ],
    "budgets": [
        ("budget_id", pa.string()),
        ("description", pa.string()),
        ("amount_vnd", pa.int64()),
        ("amount_text", pa.string()),
        ("budget_year", pa.int64()),
        ("period_start", pa.int64()),
        ("period_end", pa.int64()),
        ("funding_source", pa.string()),
        ("parent", pa.string()),
        ("section", pa.string()),
        *PLACE,
        *PROVENANCE,
    ],
    "units": [
        ("unit_id", pa.string()),
        ("name", pa.string()),
        ("canonical_name", pa.string()),
        ("role", pa.string()),
        ("task_count", pa.int64()),
        ("indicator_refs", pa.string()),
        *PLACE,
        *PROVENANCE,
    ],
    "activities": [
        ("activity_id", pa.string()),
        ("name", pa.string()),
        ("lead_unit", pa.string()),
        ("support_units", pa.string()),
        ("product", pa.string()),
        ("deadline", pa.string()),
        ("budget_vnd", pa.int64()),
        *PLACE,
        *PROVENANCE,
    ],
    "warnings": [("code", pa.string()), ("message", pa.string()), ("stage", pa.string()), *PROVENANCE],
}


def metric_labels() -> dict[str, str]:
    return {metric: entry["label"] for metric, entry in metric_entries().items()}


def _place_columns(prefix: str, place: dict | None) -> Row:
    """A Place flattened: ``province`` (its name), ``province_code``, ``province_current_name``, …

    Whatever fields the JSON has are kept (provenance and the matched words aside), so codes that
    newer outputs carry appear as columns without changes here.
    """
    columns: Row = {prefix: None}
    if not place:
        return columns
    for key, value in place.items():
        if key in ("provenance", "text"):
            continue
        name = prefix if key == "name" else f"{prefix}_{key}"
        if isinstance(value, dict):
            columns.update({f"{name}_{k}": None if v is None else str(v) for k, v in value.items()})
        else:
            columns[name] = None if value is None else str(value)
    return columns


def _provenance(prov: dict | None) -> Row:
    prov = prov or {}
    return {
        "prov_page": prov.get("page"),
        "prov_start": prov.get("start"),
        "prov_end": prov.get("end"),
        "prov_text": prov.get("text"),
        "prov_method": prov.get("method"),
        "prov_confidence": prov.get("confidence"),
    }


def _record_place(record: dict) -> Row:
    place = record.get("place") or {}
    return {"place": place.get("name"), "place_code": place.get("code")}


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass
class Rows:
    """The rows of every table, plus the province/district columns seen in any document."""

    tables: dict[str, list[Row]]
    place_columns: list[str]


def document_rows(doc_id: str, plan: dict) -> dict[str, list[Row]]:
    """Every table's rows for one JSON output (a dict as vnplan writes it)."""
    doc = plan["document"]
    source, quality, period, signer = doc["source"], doc["text_quality"], doc.get("period") or {}, doc.get("signer")
    common: Row = {
        "document_id": doc_id,
        **_place_columns("province", doc.get("province")),
        **({} if doc.get("district") is None else _place_columns("district", doc["district"])),
        "issuer": doc.get("issuer"),
        "year": _year(doc.get("issued_date")) or period.get("start"),
    }
    counts = {f"n_{name}": len(plan[name]) for name in ("objectives", "indicators", "budgets", "units", "activities")}
    labels = metric_labels()
    return {
        "documents": [
            {
                **common,
                "file_name": source["file_name"],
                "sha256": source["sha256"],
                "format": source["format"],
                "pages": source.get("pages"),
                "text_method": source.get("text_method"),
                "doc_type": doc.get("doc_type"),
                "number": doc.get("number"),
                "title": doc.get("title"),
                "issuer_parent": doc.get("issuer_parent"),
                "issued_date": doc.get("issued_date"),
                "place_of_issue": doc.get("place"),
                "period_start": period.get("start"),
                "period_end": period.get("end"),
                "period_horizon": period.get("horizon"),
                "signer_name": signer and signer.get("name"),
                "signer_title": signer and signer.get("title"),
                "text_quality": quality["status"],
                "text_quality_score": quality["score"],
                "schema_version": plan["schema_version"],
                **counts,
                "n_warnings": len(plan["warnings"]),
            }
        ],
        "indicators": [
            {
                **common,
                "indicator_id": i["id"],
                "label": i.get("label"),
                "name": i["name"],
                "metric": i.get("metric"),
                "metric_label": labels.get(i.get("metric") or ""),
                "comparator": i["target"].get("comparator"),
                "value": i["target"].get("value"),
                "unit": i["target"].get("unit"),
                "target_year": i.get("target_year"),
                "baseline_value": (i.get("baseline") or {}).get("value"),
                "baseline_year": (i.get("baseline") or {}).get("year"),
                "section": i.get("section"),
                **_provenance(i["provenance"]),
            }
            for i in plan["indicators"]
        ],
        "budgets": [
            {
                **common,
                "budget_id": b["id"],
                "description": b["description"],
                "amount_vnd": b.get("amount_vnd"),
                "amount_text": b.get("amount_text"),
                "budget_year": b.get("year"),
                "period_start": (b.get("period") or {}).get("start"),
                "period_end": (b.get("period") or {}).get("end"),
                "funding_source": b.get("funding_source"),
                "parent": b.get("parent"),
                "section": b.get("section"),
                **_record_place(b),
                **_provenance(b["provenance"]),
            }
            for b in plan["budgets"]
        ],
        "units": [
            {
                **common,
                "unit_id": u["id"],
                "name": u["name"],
                "canonical_name": u["canonical_name"],
                "role": u["role"],
                "task_count": len(u["tasks"]),
                "indicator_refs": "; ".join(sorted({r for t in u["tasks"] for r in t["indicator_refs"]})) or None,
                **_record_place(u),
                **_provenance(u["provenance"]),
            }
            for u in plan["units"]
        ],
        "activities": [
            {
                **common,
                "activity_id": a["id"],
                "name": a["name"],
                "lead_unit": a.get("lead_unit"),
                "support_units": "; ".join(a.get("support_units") or []) or None,
                "product": a.get("product"),
                "deadline": a.get("deadline"),
                "budget_vnd": a.get("budget_vnd"),
                **_record_place(a),
                **_provenance(a["provenance"]),
            }
            for a in plan["activities"]
        ],
        "warnings": [
            {
                **common,
                "code": w["code"],
                "message": w["message"],
                "stage": w["stage"],
                **_provenance(w.get("provenance")),
            }
            for w in plan["warnings"]
        ],
    }


def output_files(out_dir: Path) -> list[Path]:
    """The JSON outputs to read, sorted: those the batch manifest lists as current when out_dir has
    one (not the outputs of removed inputs, nor stale files), else every JSON file below out_dir."""
    listed = current_outputs(out_dir)
    if listed is not None:
        return listed
    return sorted(p for p in out_dir.rglob("*.json") if p.is_file() and STATE_DIR not in p.relative_to(out_dir).parts)


def load_output(path: Path) -> dict:
    """One JSON output, checked against the schema; InputError (one line) when it is not one."""
    from vnplan.schema import validation_errors

    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not readable JSON: {exc}") from exc
    errors = validation_errors(plan)
    if errors:
        raise InputError(f"not a vnplan output ({len(errors)} schema violations; first: {errors[0]})")
    return plan


# A document that is no plan (a README, a note, a regulation: the not_a_plan warning) states no
# targets and no budget of a plan; its figures stay out of these tables unless asked for.
PLAN_ONLY_TABLES = ("indicators", "budgets")


def collect(out_dir: Path, on_error: Callable[[Path, str], None], include_non_plans: bool = False) -> Rows:
    """Rows of every table from every JSON output of out_dir (output_files); a bad file goes to
    on_error and is skipped. Documents with the not_a_plan warning give no indicator or budget rows
    unless include_non_plans."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    place_columns: list[str] = []
    for path in output_files(out_dir):
        try:
            plan = load_output(path)
        except InputError as exc:
            on_error(path, str(exc))
            continue
        rows = document_rows(path.relative_to(out_dir).with_suffix("").as_posix(), plan)
        if not include_non_plans and any(w["code"] == "not_a_plan" for w in plan["warnings"]):
            rows.update({name: [] for name in PLAN_ONLY_TABLES})
        for name, table_rows in rows.items():
            tables[name].extend(table_rows)
        for column in rows["documents"][0]:
            if column.startswith(("province", "district")) and column not in place_columns:
                place_columns.append(column)
    return Rows(tables, place_columns)


def arrow_tables(rows: Rows) -> dict[str, pa.Table]:
    """One Arrow table per record type; province/district columns the same in every table."""
    place = [(column, pa.string()) for column in rows.place_columns or ["province"]]
    result = {}
    for name in TABLES:
        schema = pa.schema([COMMON[0], *place, *COMMON[1:], *COLUMNS[name]])
        result[name] = pa.Table.from_pylist(
            [{field.name: row.get(field.name) for field in schema} for row in rows.tables[name]], schema=schema
        )
    return result


def _replace_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """write(temporary path) then rename over path, so readers never see half a file."""
    tmp = temporary_path(path.parent)  # unique: PID and random digits, never a leftover's name
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_duckdb(tables: dict[str, pa.Table], path: Path) -> None:
    """Every table into a new DuckDB database file at path."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for name, table in tables.items():
            con.register("incoming", table)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
            con.unregister("incoming")
    finally:
        con.close()


FORMULA_START = r"^([=+\-@\t\r])"  # a spreadsheet reads a cell starting so as a formula


def csv_safe(table: pa.Table) -> pa.Table:
    """The table with every text cell that a spreadsheet would run as a formula (starting with =, +,
    -, @, tab or carriage return) prefixed with an apostrophe, as OWASP advises for CSV files.
    Only the CSV files get this; Parquet and DuckDB keep the values as they are."""
    import pyarrow.compute as pc

    columns = [
        pc.replace_substring_regex(column, pattern=FORMULA_START, replacement="'\\1")
        if pa.types.is_string(column.type)
        else column
        for column in table.columns
    ]
    return pa.Table.from_arrays(columns, schema=table.schema)


def write_dataset(tables: dict[str, pa.Table], dataset_dir: Path) -> None:
    """<table>.csv and <table>.parquet for each table, and vnplan.duckdb with all of them."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    dataset_dir.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        buffer = io.BytesIO()
        pacsv.write_csv(csv_safe(table), buffer)
        write_atomic(dataset_dir / f"{name}.csv", buffer.getvalue().decode("utf-8"))
        _replace_atomic(dataset_dir / f"{name}.parquet", partial(pq.write_table, table))
    _replace_atomic(dataset_dir / DATABASE_FILE, partial(_write_duckdb, tables))


@dataclass(frozen=True)
class Target:
    document_id: str
    series: str  # the province (else the issuer, else the document id): one line in the plot
    issuer: str | None
    year: int | None
    comparator: str | None
    value: float
    unit: str | None


def metric_targets(indicators: pa.Table, metric: str) -> list[Target]:
    """Every stated target of one metric, in document, year and value order."""
    rows = [r for r in indicators.to_pylist() if r["metric"] == metric and r["value"] is not None]
    targets = [
        Target(
            r["document_id"],
            r["province"] or r["issuer"] or r["document_id"],
            r["issuer"],
            r["target_year"],
            r["comparator"],
            r["value"],
            r["unit"],
        )
        for r in rows
    ]
    return sorted(targets, key=lambda t: (t.series, t.document_id, t.year or 0, t.value))


def series_names(targets: list[Target]) -> dict[str, str]:
    """document id → its series' name; two documents of one province are told apart by issuer (else id)."""
    documents = {t.document_id: t for t in targets}
    series = [t.series for t in documents.values()]
    return {
        doc: f"{t.series} ({t.issuer or doc})" if series.count(t.series) > 1 else t.series
        for doc, t in documents.items()
    }


def format_target(target: Target) -> str:
    sign = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}.get(target.comparator or "", "")
    return f"{sign}{target.value:g}"


def by_series(targets: list[Target]) -> dict[str, list[Target]]:
    """Series name → that document's targets, in target order."""
    names = series_names(targets)
    return {
        names[doc]: [t for t in targets if t.document_id == doc]
        for doc in dict.fromkeys(t.document_id for t in targets)
    }


def plot_metric(targets: list[Target], metric: str, dataset_dir: Path) -> list[Path]:
    """compare_<metric>.png and .svg: the metric's targets by year, one line per province."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    plt.rcParams["svg.hashsalt"] = "vnplan"  # stable element ids: same data, same SVG
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=120)
    for name, points in by_series(targets).items():
        dated = [(t.year, t) for t in points if t.year is not None]
        line = axes.plot([year for year, _ in dated], [t.value for _, t in dated], marker="o", label=name)[0]
        for year, t in dated:
            axes.annotate(
                format_target(t), (year, t.value), textcoords="offset points", xytext=(4, 6), color=line.get_color()
            )
    axes.set_title(f"{metric_labels().get(metric, metric)} ({metric}): targets by province")
    axes.set_xlabel("target year")
    axes.set_ylabel(metric_entries().get(metric, {}).get("unit") or next((t.unit for t in targets if t.unit), "value"))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    paths = [dataset_dir / f"compare_{metric}.png", dataset_dir / f"compare_{metric}.svg"]
    for path in paths:
        metadata = {"Date": None} if path.suffix == ".svg" else {}  # no time stamp in the SVG
        _replace_atomic(path, partial(figure.savefig, format=path.suffix[1:], metadata=metadata))
    plt.close(figure)
    return paths
