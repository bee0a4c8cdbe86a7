"""The cross-province dataset: a star schema of tidy tables from a folder of vnplan JSON outputs.

``documents`` holds each document's identity and places (then and now) once; every other table
(objectives, indicators, budgets, units, tasks, activities, warnings) references it by
``document_id`` and carries its own record's fields and provenance. Every table comes from one
column spec (``TABLES``: name, type, getter, meaning), which also writes the data dictionary
``DATASET.md`` beside the tables. Written as CSV, Parquet and one DuckDB database with the same
tables and the views of ``VIEWS`` (budget totals, indicator series, unit assignments).
"""

from __future__ import annotations

import io
import json
import os
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from vnplan.files import temporary_path, write_atomic
from vnplan.manifest import STATE_DIR, current_outputs
from vnplan.schema import load_schema
from vnplan.schema.errors import InputError
from vnplan.structure.metrics import metric_entries

DATABASE_FILE = "vnplan.duckdb"
DICTIONARY_FILE = "DATASET.md"

Record = dict[str, Any]


def metric_labels() -> dict[str, str]:
    return {metric: entry["label"] for metric, entry in metric_entries().items()}


# ---- the column spec ------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column: the JSON field at ``path`` (dotted; default the name) of each record, or ``get`` of it;
    its meaning the schema's description of that field unless ``meaning`` says otherwise."""

    name: str
    type: pa.DataType
    path: str = ""
    meaning: str = ""
    get: Callable[[Record], Any] | None = None

    def value(self, record: Record) -> Any:
        return self.get(record) if self.get else at(record, *(self.path or self.name).split("."))


def at(record: Record | None, *path: str) -> Any:
    """record[path[0]][path[1]]…, None where a step is missing or null."""
    for key in path:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


@cache
def described(definition: str, path: str) -> str:
    """The schema's description of a dotted path in one of its objects ('Budget', 'period.start')."""
    schema = load_schema()
    node = schema["$defs"][definition]
    *steps, last = path.split(".")
    for step in steps:
        prop = node["properties"][step]
        ref = prop.get("$ref") or next(n["$ref"] for n in prop.get("oneOf", []) if "$ref" in n)
        node = schema["$defs"][ref.rsplit("/", 1)[-1]]
    return node["properties"][last]["description"]


STRING, INT, FLOAT, STRINGS = pa.string(), pa.int64(), pa.float64(), pa.list_(pa.string())

DOCUMENT_ID = Column(
    "document_id",
    STRING,
    meaning="the document: its JSON's path below the outputs folder, without .json; joins every table to `documents`",
    get=lambda r: r["document_id"],
)
PROVENANCE = (
    Column("prov_page", INT, "provenance.page"),
    Column("prov_start", INT, "provenance.start"),
    Column("prov_end", INT, "provenance.end"),
    Column("prov_text", STRING, "provenance.text", "the source span: the words the value was read from"),
    Column("prov_method", STRING, "provenance.method"),
    Column("prov_confidence", FLOAT, "provenance.confidence"),
)
PLACE = (
    Column("place", STRING, "place.name", "the district or commune the record names, as written"),
    Column("place_code", STRING, "place.code"),
)


@dataclass(frozen=True)
class Table:
    name: str
    row: str  # what one row is
    definition: str  # the schema object a record is, whose descriptions are the columns' meanings
    records: Callable[[Record], Iterable[Record]]  # one JSON output → the records that become rows
    columns: tuple[Column, ...]

    def meaning(self, column: Column) -> str:
        return column.meaning or described(self.definition, column.path or column.name)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _document(plan: Record) -> list[Record]:
    doc = plan["document"]
    # A district-level plan's province may be known only through its district (Cẩm Thủy → Thanh Hóa).
    province = doc.get("province") or {}
    then = province.get("province") or at(doc, "district", "province")
    now = province.get("current") or at(doc, "district", "current")
    return [{**doc, "schema_version": plan["schema_version"], "then": then, "now": now}]


def _inherited(budgets: list[Record]) -> list[Record]:
    """Budgets with year, period and funding source on every row: a part states them once on its total."""
    by_id = {b["id"]: b for b in budgets}

    def inherit(budget: Record, key: str) -> Any:
        seen = set()
        while budget is not None and budget.get(key) is None and budget["id"] not in seen:
            seen.add(budget["id"])
            budget = by_id.get(budget.get("parent") or "")
        return None if budget is None else budget.get(key)

    return [{**b, **{key: inherit(b, key) for key in ("year", "period", "funding_source")}} for b in budgets]


ROLE_ORDER = ("lead", "support", "other")


def _unit_groups(units: list[Record]) -> list[list[Record]]:
    """The unit records of one document grouped by body: unit_id where the JSON has one, else the canonical name."""
    groups: dict[str, list[Record]] = {}
    for unit in units:
        groups.setdefault(unit.get("unit_id") or unit["canonical_name"], []).append(unit)
    return list(groups.values())


def _units(plan: Record) -> list[Record]:
    rows = []
    for group in _unit_groups(plan["units"]):
        roles = sorted({u["role"] for u in group}, key=ROLE_ORDER.index)
        rows.append(
            {
                **group[0],
                "names": list(dict.fromkeys(u["name"] for u in group)),
                "roles": roles,
                "role": roles[0],
                "record_ids": [u["id"] for u in group],
                "task_count": sum(len(u["tasks"]) for u in group),
                "indicator_refs": sorted({r for u in group for t in u["tasks"] for r in t["indicator_refs"]}),
                "place": next((u["place"] for u in group if u.get("place")), None),
            }
        )
    return rows


def _tasks(plan: Record) -> list[Record]:
    return [
        {**task, "unit_id": group[0].get("unit_id"), "unit": group[0]["canonical_name"], "role": unit["role"]}
        for group in _unit_groups(plan["units"])
        for unit in group
        for task in unit["tasks"]
    ]


def _indicators(plan: Record) -> list[Record]:
    labels = metric_labels()
    return [
        {**i, "metric_label": labels.get(i.get("metric") or ""), "restatement_count": len(i.get("restatements") or [])}
        for i in plan["indicators"]
    ]


SINCE_PARENT = "(the row's own, else its nearest parent's)"

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "one row per document: identity, source and the places it belongs to (then and now)",
        "DocumentInfo",
        _document,
        (
            Column("file_name", STRING, "source.file_name"),
            Column("sha256", STRING, "source.sha256"),
            Column("format", STRING, "source.format"),
            Column("pages", INT, "source.pages"),
            Column("text_method", STRING, "source.text_method"),
            Column("doc_type", STRING),
            Column("number", STRING),
            Column("title", STRING),
            Column("issuer", STRING),
            Column("issuer_parent", STRING),
            Column("issuer_level", STRING),
            Column("issued_date", STRING),
            Column(
                "year",
                INT,
                meaning="the year of issue, else the first year of the plan's period: the year to group plans by",
                get=lambda r: _year(r.get("issued_date")) or at(r, "period", "start"),
            ),
            Column("place_of_issue", STRING, "place"),
            Column("plan_doc_type", STRING, "plan.doc_type", "for a decision that issues a plan: the plan's type"),
            Column("plan_title", STRING, "plan.title", "for a decision that issues a plan: the plan's title"),
            Column("period_start", INT, "period.start"),
            Column("period_end", INT, "period.end"),
            Column("period_horizon", INT, "period.horizon"),
            Column("province", STRING, "province.name", "the plan's province as written, e.g. Hòa Bình"),
            Column("province_code", STRING, "province.code"),
            Column("province_code_list", STRING, "province.code_list"),
            Column("province_resolution", STRING, "province.resolution"),
            Column("province_then_name", STRING, "then.name", "the province the plan belonged to when issued"),
            Column("province_then_code", STRING, "then.code", "its national code, e.g. 17"),
            Column("province_now_name", STRING, "now.name", "the province it belongs to since 1 July 2025"),
            Column("province_now_code", STRING, "now.code", "its national code, e.g. 25"),
            Column("district", STRING, "district.name", "the issuing district as written (district-level plans)"),
            Column("district_name", STRING, "district.official_name"),
            Column("district_code", STRING, "district.code"),
            Column("signer_name", STRING, "signer.name"),
            Column("signer_title", STRING, "signer.title"),
            Column("text_quality", STRING, "text_quality.status"),
            Column("text_quality_score", FLOAT, "text_quality.score"),
            Column("text_damage", STRINGS, "text_quality.damage"),
            Column("schema_version", STRING, meaning="the version of plan.schema.json the JSON was written with"),
        ),
    ),
    Table(
        "objectives",
        "one row per objective",
        "Objective",
        lambda plan: plan["objectives"],
        (
            Column("objective_id", STRING, "id"),
            Column("kind", STRING),
            Column("text", STRING),
            Column("section", STRING),
            *PROVENANCE,
        ),
    ),
    Table(
        "indicators",
        "one row per stated target (a value and a year); restatements of the same target are counted once",
        "Indicator",
        _indicators,
        (
            Column("indicator_id", STRING, "id"),
            Column("label", STRING),
            Column("name", STRING),
            Column("metric", STRING),
            Column("metric_label", STRING, meaning="the metric's label in structure/metrics.json"),
            Column("comparator", STRING, "target.comparator"),
            Column("value", FLOAT, "target.value"),
            Column("value_max", FLOAT, "target.value_max"),
            Column("kind", STRING, "target.kind"),
            Column("per", STRING, "target.per"),
            Column("qualifier", STRING, "target.qualifier"),
            Column("unit", STRING, "target.unit"),
            Column("target_year", INT),
            Column("baseline_value", FLOAT, "baseline.value"),
            Column("baseline_year", INT, "baseline.year"),
            Column("restatement_count", INT, meaning="how many further places state the same target"),
            Column("section", STRING),
            *PROVENANCE,
        ),
    ),
    Table(
        "budgets",
        "one row per amount; a total, its subtotals and items are rows of their own (see `role`, `parent` "
        "and the view `budget_totals`)",
        "Budget",
        lambda plan: _inherited(plan["budgets"]),
        (
            Column("budget_id", STRING, "id"),
            Column("parent", STRING),
            Column("role", STRING),
            Column("breakdown", STRING),
            Column("description", STRING),
            Column("amount_vnd", INT),
            Column("amount_text", STRING),
            Column("direction", STRING),
            Column("year", INT, meaning=f"the budget year {SINCE_PARENT}"),
            Column("period_start", INT, "period.start", f"first year of the period the amount covers {SINCE_PARENT}"),
            Column("period_end", INT, "period.end", f"last year of that period {SINCE_PARENT}"),
            Column("funding_source", STRING, meaning=f"the source of the money as written {SINCE_PARENT}"),
            Column("unit", STRING),
            Column("section", STRING),
            *PLACE,
            *PROVENANCE,
        ),
    ),
    Table(
        "units",
        "one row per body per document: the records of the same unit (its unit_id, else its canonical name) merged; "
        "provenance of its first mention",
        "Unit",
        _units,
        (
            Column("unit_id", STRING),
            Column("canonical_name", STRING),
            Column("names", STRINGS, meaning="the names the document gives the unit, as written"),
            Column("role", STRING, meaning="its strongest role: lead, else support, else other"),
            Column("roles", STRINGS, meaning="every role the document gives it (lead, support, other)"),
            Column("record_ids", STRINGS, meaning="the ids of its records in the JSON's `units`"),
            Column("task_count", INT, meaning="the number of duties assigned to it (its rows of `tasks`)"),
            Column("indicator_refs", STRINGS, meaning="labels of the indicators its tasks serve"),
            *PLACE,
            *PROVENANCE,
        ),
    ),
    Table(
        "tasks",
        "one row per duty assigned to a unit",
        "Task",
        _tasks,
        (
            Column("unit_id", STRING, meaning="the unit's `unit_id` (joins to `units`)"),
            Column("unit", STRING, meaning="the unit's canonical name (joins to `units.canonical_name`)"),
            Column("role", STRING, meaning="the role of the unit record the duty is given under"),
            Column("text", STRING),
            Column("indicator_refs", STRINGS),
            Column("deadline", STRING),
            Column("product", STRING),
            *PROVENANCE,
        ),
    ),
    Table(
        "activities",
        "one row per work item of an activity table",
        "Activity",
        lambda plan: plan["activities"],
        (
            Column("activity_id", STRING, "id"),
            Column("name", STRING),
            Column("lead_unit", STRING),
            Column("lead_unit_ids", STRINGS),
            Column("support_units", STRINGS),
            Column("support_unit_ids", STRINGS),
            Column("product", STRING),
            Column("deadline", STRING),
            Column("budget_vnd", INT),
            *PLACE,
            *PROVENANCE,
        ),
    ),
    Table(
        "warnings",
        "one row per warning",
        "Notice",
        lambda plan: plan["warnings"],
        (Column("code", STRING), Column("message", STRING), Column("stage", STRING), *PROVENANCE),
    ),
)
TABLE_NAMES = tuple(table.name for table in TABLES)


def schema_of(table: Table) -> pa.Schema:
    return pa.schema([(c.name, c.type) for c in (DOCUMENT_ID, *table.columns)])


# ---- the views --------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    name: str
    meaning: str
    sql: str


VIEWS: tuple[View, ...] = (
    View(
        "budget_totals",
        "per document, the money it states in total: the sum of its top-level `total` rows, so subtotals, "
        "items and appendix 'Tổng' rows are never counted again; `items_vnd` sums the items of the totals' own "
        "breakdowns (role 'item', breakdown null) for a check",
        """
        SELECT d.document_id, d.province_then_name, d.province_now_name, d.year,
               CAST(sum(b.amount_vnd) FILTER (WHERE b.role = 'total' AND b.parent IS NULL) AS BIGINT) AS total_vnd,
               count(b.budget_id) FILTER (WHERE b.role = 'total' AND b.parent IS NULL) AS totals,
               CAST(sum(b.amount_vnd) FILTER (WHERE b.role = 'item' AND b.breakdown IS NULL) AS BIGINT) AS items_vnd,
               count(b.budget_id) AS budget_rows
        FROM documents d LEFT JOIN budgets b USING (document_id)
        GROUP BY ALL ORDER BY d.document_id
        """,
    ),
    View(
        "indicator_series",
        "one row per document, metric and target year: the value (null when the document states several), "
        "min and max over its targets and ranges, and `conflict` when the document states different targets",
        """
        SELECT i.metric, i.metric_label, d.province_then_code, d.province_then_name, d.province_now_code,
               d.province_now_name, i.document_id, coalesce(d.number, i.document_id) AS document,
               i.target_year AS year,
               CASE WHEN count(DISTINCT (i.comparator, i.value, i.value_max)) = 1 THEN min(i.value) END AS value,
               min(i.value) AS value_min, max(coalesce(i.value_max, i.value)) AS value_max,
               CASE WHEN count(DISTINCT i.comparator) = 1 THEN min(i.comparator) END AS comparator,
               min(i.unit) AS unit, count(*) AS targets,
               count(DISTINCT (i.comparator, i.value, i.value_max)) > 1 AS conflict,
               list(i.indicator_id ORDER BY i.indicator_id) AS indicator_ids
        FROM indicators i JOIN documents d USING (document_id)
        WHERE i.metric IS NOT NULL AND i.value IS NOT NULL
        GROUP BY ALL ORDER BY i.metric, d.province_then_name, year, i.document_id
        """,
    ),
    View(
        "unit_assignments",
        "who is assigned what: one row per unit and duty (`source` task) or per unit named in an activity's "
        "lead or support cell (`source` activity); `unit_id` joins to `units`; an activity whose cells carry "
        "no unit ids gives the names as written",
        """
        WITH named AS (
            SELECT document_id, activity_id, name, deadline, product, 'lead' AS role,
                   unnest(lead_unit_ids) AS unit_id, NULL AS written
            FROM activities
            UNION ALL
            SELECT document_id, activity_id, name, deadline, product, 'lead', NULL, lead_unit
            FROM activities WHERE len(lead_unit_ids) = 0 AND lead_unit IS NOT NULL
            UNION ALL
            SELECT document_id, activity_id, name, deadline, product, 'support', unnest(support_unit_ids), NULL
            FROM activities
            UNION ALL
            SELECT document_id, activity_id, name, deadline, product, 'support', NULL, unnest(support_units)
            FROM activities WHERE len(support_unit_ids) = 0
        )
        SELECT t.document_id, t.unit_id, t.unit, t.role, 'task' AS source, t.text AS assignment,
               t.deadline, t.product
        FROM tasks t
        UNION ALL
        SELECT n.document_id, n.unit_id, coalesce(u.canonical_name, n.written), n.role, 'activity', n.name,
               n.deadline, n.product
        FROM named n LEFT JOIN units u ON u.document_id = n.document_id AND u.unit_id = n.unit_id
        ORDER BY 1, 4, 3, 6
        """,
    ),
)


# ---- reading the outputs ------------------------------------------------------------------------


def output_files(out_dir: Path) -> list[Path]:
    """The JSON outputs to read, sorted: those the batch manifest lists as current when out_dir has
    one (not the outputs of removed inputs, nor stale files), else every JSON file below out_dir
    (batch state files aside)."""
    listed = current_outputs(out_dir)
    if listed is not None:
        return listed
    return sorted(p for p in out_dir.rglob("*.json") if p.is_file() and STATE_DIR not in p.relative_to(out_dir).parts)


def json_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given and, for a folder, the outputs below it (output_files)."""
    return [found for path in paths for found in (output_files(path) if path.is_dir() else [path])]


def load_output(path: Path) -> dict:
    """One JSON output, checked against the schema; InputError (one line) when it is not one."""
    from vnplan.schema import one_line, validation_errors

    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not readable JSON: {exc}") from exc
    errors = validation_errors(plan)
    if errors:
        raise InputError(f"not a vnplan output ({one_line(errors)})")
    return plan


def document_rows(doc_id: str, plan: Record) -> dict[str, list[Record]]:
    """Every table's rows for one JSON output (a dict as vnplan writes it)."""
    return {
        table.name: [
            {c.name: c.value(r) for c in table.columns} | {DOCUMENT_ID.name: doc_id} for r in table.records(plan)
        ]
        for table in TABLES
    }


# A document that is no plan (a README, a note, a regulation: the not_a_plan warning) states no
# targets and no budget of a plan; its figures stay out of these tables unless asked for.
PLAN_ONLY_TABLES = ("indicators", "budgets")


def collect(
    out_dir: Path, on_error: Callable[[Path, str], None], include_non_plans: bool = False
) -> dict[str, list[Record]]:
    """Rows of every table from every JSON output of out_dir (output_files); a bad file goes to
    on_error and is skipped. Documents with the not_a_plan warning give no indicator or budget rows
    unless include_non_plans."""
    rows: dict[str, list[Record]] = {name: [] for name in TABLE_NAMES}
    for path in output_files(out_dir):
        try:
            plan = load_output(path)
        except InputError as exc:
            on_error(path, str(exc))
            continue
        found = document_rows(path.relative_to(out_dir).with_suffix("").as_posix(), plan)
        if not include_non_plans and any(w["code"] == "not_a_plan" for w in plan["warnings"]):
            found.update({name: [] for name in PLAN_ONLY_TABLES})
        for name, table_rows in found.items():
            rows[name].extend(table_rows)
    return rows


def arrow_tables(rows: dict[str, list[Record]]) -> dict[str, pa.Table]:
    """One Arrow table per table of the spec, its columns in spec order."""
    return {table.name: pa.Table.from_pylist(rows[table.name], schema=schema_of(table)) for table in TABLES}


# ---- writing ------------------------------------------------------------------------------------


def replace_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """write(temporary path) then rename over path, so readers never see half a file."""
    tmp = temporary_path(path.parent)  # unique: PID and random digits, never a leftover's name
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_duckdb(tables: dict[str, pa.Table], path: Path) -> None:
    """Every table and view into a new DuckDB database file at path."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for name, table in tables.items():
            con.register("incoming", table)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
            con.unregister("incoming")
        for view in VIEWS:
            con.execute(f'CREATE VIEW "{view.name}" AS {view.sql}')
    finally:
        con.close()


FORMULA_START = r"^([=+\-@\t\r])"  # a spreadsheet reads a cell starting so as a formula


def csv_safe(table: pa.Table) -> pa.Table:
    """The table for a CSV file: a list cell as a JSON array (CSV has no lists), and every text cell that a
    spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) prefixed with an
    apostrophe, as OWASP advises. Parquet and DuckDB keep the values and lists as they are."""
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        if pa.types.is_list(column.type):
            column = pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in column.to_pylist()], STRING
            )
        if pa.types.is_string(column.type):
            column = pc.replace_substring_regex(column, pattern=FORMULA_START, replacement="'\\1")
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


def _type_name(type_: pa.DataType) -> str:
    return f"list of {type_.value_type}" if pa.types.is_list(type_) else str(type_)


def _example(column: pa.ChunkedArray) -> str:
    value = next((v for v in column.to_pylist() if v not in (None, [])), None)
    text = "" if value is None else json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
    text = text if len(text) <= 60 else text[:59] + "…"
    return text.replace("|", "\\|").replace("\n", " ")


def dictionary(tables: dict[str, pa.Table]) -> str:
    """DATASET.md: every table, column (type, meaning, an example from this dataset) and view."""
    out = [
        "# vnplan dataset: data dictionary",
        "",
        "Generated by `vnplan dataset` with the tables; do not edit. A star schema: `documents` holds each "
        "document once (identity, source, province then and now); every other table references it by "
        "`document_id`. Money is integer đồng. Lists are lists in Parquet and DuckDB, JSON arrays in CSV. "
        "Offsets (`prov_start`, `prov_end`) point into the JSON's `text`.",
        "",
    ]
    for table in TABLES:
        data = tables[table.name]
        out += [f"## {table.name}", "", f"{table.row[0].upper()}{table.row[1:]}. {data.num_rows} rows.", ""]
        out += ["| column | type | meaning | example |", "|---|---|---|---|"]
        for column in (DOCUMENT_ID, *table.columns):
            meaning = table.meaning(column).replace("|", "\\|")
            out.append(f"| `{column.name}` | {_type_name(column.type)} | {meaning} | {_example(data[column.name])} |")
        out.append("")
    out += ["## Views (in vnplan.duckdb)", ""]
    for view in VIEWS:
        out += [
            f"### {view.name}",
            "",
            f"{view.meaning[0].upper()}{view.meaning[1:]}.",
            "",
            "```sql",
            textwrap.dedent(view.sql).strip(),
            "```",
            "",
        ]
    return "\n".join(out)


def write_dataset(tables: dict[str, pa.Table], dataset_dir: Path) -> None:
    """<table>.csv and <table>.parquet for each table, vnplan.duckdb with all of them and the views, DATASET.md."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    dataset_dir.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        buffer = io.BytesIO()
        pacsv.write_csv(csv_safe(table), buffer)
        write_atomic(dataset_dir / f"{name}.csv", buffer.getvalue().decode("utf-8"))
        replace_atomic(dataset_dir / f"{name}.parquet", partial(pq.write_table, table))
    replace_atomic(dataset_dir / DATABASE_FILE, partial(_write_duckdb, tables))
    write_atomic(dataset_dir / DICTIONARY_FILE, dictionary(tables))
