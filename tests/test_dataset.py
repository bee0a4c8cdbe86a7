"""vnplan dataset: a star schema of tidy tables from the seeds' JSON, the same in CSV, Parquet and DuckDB,
its views, its data dictionary, the README's researcher recipes, and --compare."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, SEED_IDS, processed, seed_path
from typer.testing import CliRunner

from vnplan.cli import app
from vnplan.dataset import DICTIONARY_FILE, TABLE_NAMES, TABLES, VIEWS, schema_of

runner = CliRunner()
# Seeds that state a doctors-per-10,000 target, read from the documents themselves ("bác sĩ/vạn dân",
# "bác sỹ/vạn dân", "bác sĩ 10.000 dân"); the Lai Châu OCR seed may join once restored.
DOCTOR_SEEDS = {"000", "003", "004"}
HOA_BINH_TOTAL_VND = 68_765_055_000  # seed 000: "Kinh phí năm 2024 … 68.765,055 triệu đồng"


def _build(outputs: Path, dataset_dir: Path, *options: str) -> str:
    result = runner.invoke(app, ["dataset", str(outputs), "-o", str(dataset_dir), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def plans():
    return {seed_path(p).stem: processed(p) for p in SEED_IDS}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, plans):
    folder = tmp_path_factory.mktemp("json")
    for stem, plan in plans.items():
        (folder / f"{stem}.json").write_text(plan.to_json(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(outputs, tmp_path_factory):
    dataset_dir = tmp_path_factory.mktemp("out") / "out" / "dataset"
    return dataset_dir, _build(outputs, dataset_dir, "--compare", "doctors_per_10k")


@pytest.fixture(scope="module")
def con(built):
    with duckdb.connect(str(built[0] / "vnplan.duckdb"), read_only=True) as connection:
        yield connection


def _expected_rows(table: str, plans) -> int:
    if table == "documents":
        return len(plans)
    if table == "units":
        return sum(len({u.unit_id or u.canonical_name for u in p.units}) for p in plans.values())
    if table == "tasks":
        return sum(len(u.tasks) for p in plans.values() for u in p.units)
    return sum(len(getattr(p, table)) for p in plans.values())


def test_every_table_in_csv_parquet_and_duckdb_from_the_one_spec(built, con, plans):
    dataset_dir, _ = built
    for table in TABLES:
        parquet = pq.read_table(dataset_dir / f"{table.name}.parquet")
        with (dataset_dir / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        count = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        assert parquet.num_rows == len(rows) == count == _expected_rows(table.name, plans), table.name
        assert parquet.schema == schema_of(table)
        assert [c[0] for c in con.execute(f"DESCRIBE {table.name}").fetchall()] == parquet.column_names
    assert pq.read_table(dataset_dir / "budgets.parquet").schema.field("amount_vnd").type == pa.int64()
    total = con.execute("SELECT sum(amount_vnd) FROM budgets").fetchone()[0]
    assert total == sum(b.amount_vnd or 0 for p in plans.values() for b in p.budgets)


def test_star_schema_places_once_in_documents(con, plans):
    """Places (then and now) are columns of documents only; the records reference it by document_id."""
    for name in TABLE_NAMES:
        columns = {c[0] for c in con.execute(f"DESCRIBE {name}").fetchall()}
        assert "document_id" in columns
        assert bool({c for c in columns if c.startswith("province")}) == (name == "documents"), name
    rows = con.execute(
        "SELECT document_id, province_then_code, province_now_code, district_code FROM documents"
    ).fetchall()
    for doc_id, then, now, district in rows:
        document = plans[doc_id].document
        place = document.province or document.district
        assert then == place.province.code and now == place.current.code
        assert district == (document.district.code if document.district else None)
    orphans = [
        name
        for name in TABLE_NAMES[1:]
        if con.execute(
            f"SELECT count(*) FROM {name} LEFT JOIN documents d USING (document_id) WHERE d.sha256 IS NULL"
        ).fetchone()[0]
    ]
    assert orphans == []


def test_provenance_spans_point_into_the_json_text(con, plans):
    for name in ("objectives", "indicators", "budgets", "units", "tasks", "activities"):
        spans = con.execute(f"SELECT document_id, prov_start, prov_end, prov_text FROM {name}").fetchall()
        assert spans, name
        assert all(plans[doc].text[start:end] == quote for doc, start, end, quote in spans), name


def test_lists_are_lists_and_json_arrays_in_csv(built, con):
    dataset_dir, _ = built
    activities = pq.read_table(dataset_dir / "activities.parquet")
    assert pa.types.is_list(activities.schema.field("support_units").type)
    assert con.execute("SELECT max(len(support_units)) FROM activities").fetchone()[0] > 1
    with (dataset_dir / "activities.csv").open(encoding="utf-8", newline="") as handle:
        from_csv = [json.loads(row["support_units"]) for row in csv.DictReader(handle)]
    assert from_csv == activities.column("support_units").to_pylist()


def test_units_one_row_per_body_per_document(con, plans):
    """Seed 000 lists some units two or three times ('phòng Nghiệp vụ Y' lead of one duty, support of another)."""
    stem = seed_path("000").stem
    records = plans[stem].units
    rows = con.execute(
        "SELECT canonical_name, names, roles, record_ids, task_count FROM units WHERE document_id = ?", [stem]
    ).fetchall()
    # one row per body: its unit_id (canonical name in ASCII, so "Y học cổ truyền" and "Y học Cổ truyền" are one)
    assert len(rows) == len({u.unit_id for u in records}) < len(records)
    assert len({r[0] for r in rows}) == len(rows)
    assert sorted(i for r in rows for i in r[3]) == sorted(u.id for u in records)
    assert sum(r[4] for r in rows) == sum(len(u.tasks) for u in records)
    merged = [r for r in rows if len(r[3]) > 1]
    assert merged and all(set(r[2]) == {u.role for u in records if u.id in r[3]} for r in merged)


def test_budget_year_and_funding_source_on_every_part(con, plans):
    """Hòa Bình states 'Kinh phí năm 2024' once, on its total; every part of it is of 2024."""
    stem = seed_path("000").stem
    assert sum(b.year is None for b in plans[stem].budgets) > 50
    assert con.execute("SELECT DISTINCT year FROM budgets WHERE document_id = ?", [stem]).fetchall() == [(2024,)]
    parts = con.execute(
        "SELECT count(*) FROM budgets WHERE document_id = ? AND parent = 'bud-2' AND funding_source = 'ngân sách tỉnh'",
        [stem],
    ).fetchone()[0]
    assert parts == sum(b.parent == "bud-2" for b in plans[stem].budgets) > 0


def test_budget_totals_are_the_documents_stated_totals(con):
    total = con.execute(
        "SELECT total_vnd FROM budget_totals WHERE document_id = ?", [seed_path("000").stem]
    ).fetchone()[0]
    assert total == HOA_BINH_TOTAL_VND


def test_budget_totals_one_row_per_document(con, plans):
    assert con.execute("SELECT count(*), count(DISTINCT document_id) FROM budget_totals").fetchone() == (
        len(plans),
        len(plans),
    )


def test_indicator_series_one_row_per_document_metric_year(con, plans):
    rows = con.execute(
        "SELECT document_id, metric, year, value, value_min, value_max, targets, conflict FROM indicator_series"
    ).fetchall()
    keys = [(r[0], r[1], r[2]) for r in rows]
    assert len(keys) == len(set(keys))
    for doc, metric, year, value, low, high, targets, conflict in rows:
        stated = [
            i.target
            for i in plans[doc].indicators
            if i.metric == metric and i.target_year == year and i.target.value is not None
        ]
        assert targets == len(stated)
        assert conflict == (len({(t.comparator, t.value, t.value_max) for t in stated}) > 1)
        assert low == min(t.value for t in stated) and high == max(t.value_max or t.value for t in stated)
        assert (value is None) == conflict


def test_unit_assignments_cover_tasks_and_activity_cells(con, plans):
    counts = dict(con.execute("SELECT source, count(*) FROM unit_assignments GROUP BY source").fetchall())
    assert counts["task"] == sum(len(u.tasks) for p in plans.values() for u in p.units)
    cells = sum(
        max(len(a.lead_unit_ids), a.lead_unit is not None) + max(len(a.support_unit_ids), len(a.support_units))
        for p in plans.values()
        for a in p.activities
    )
    assert counts["activity"] == cells


def test_every_activity_unit_id_joins_to_units(con):
    unmatched = con.execute(
        """
        SELECT a.document_id, id FROM activities a, unnest(list_concat(lead_unit_ids, support_unit_ids)) AS t(id)
        WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.document_id = a.document_id AND u.unit_id = t.id)
        """
    ).fetchall()
    assert unmatched == []


def test_activities_carry_unit_ids(con):
    assert con.execute("SELECT count(*) FROM activities WHERE len(lead_unit_ids) > 0").fetchone()[0] > 0


def test_data_dictionary_lists_every_column_and_view(built):
    dataset_dir, _ = built
    text = (dataset_dir / DICTIONARY_FILE).read_text(encoding="utf-8")
    for table in TABLES:
        section = text.split(f"\n## {table.name}\n", 1)[1].split("\n## ", 1)[0]
        lines = {line.split("|")[1].strip(" `"): line for line in section.splitlines() if line.startswith("| `")}
        assert list(lines) == pq.read_table(dataset_dir / f"{table.name}.parquet").column_names
        assert all(line.split("|")[3].strip() for line in lines.values()), table.name  # a meaning for each
    assert all(f"### {view.name}" in text for view in VIEWS)
    assert "| `province_now_code` | string |" in text and "Tỉnh Phú Thọ" in text


def test_same_outputs_same_dataset_files(outputs, built, tmp_path):
    again = tmp_path / "again"
    _build(outputs, again)
    for name in (DICTIONARY_FILE, *(f"{t}.{ext}" for t in TABLE_NAMES for ext in ("csv", "parquet"))):
        assert (again / name).read_bytes() == (built[0] / name).read_bytes(), name


def _recipes() -> list[str]:
    """The Python blocks of the README's dataset section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The cross-province dataset\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


# What the checks below read from the recipes' variables, printed as JSON by the recipes' process.
RESULTS = """
import json
print(json.dumps({
    "doctors": doctors,
    "totals": {doc: row["total_vnd"] for doc, row in totals.astype(object).where(totals.notna(), None).iterrows()},
    "unmatched": unmatched.height,
}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def recipes(built):
    """The recipes run one after the other as the README shows them, in a Python of their own (as a
    researcher would; and Polars' threads stay out of this process, which the batch tests fork) from
    the folder holding out/dataset."""
    import subprocess
    import sys

    blocks = _recipes()
    assert [b.split("\n", 1)[0] for b in blocks] == ["import duckdb", "import pandas as pd", "import polars as pl"]
    script = "\n".join([*blocks, RESULTS])
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=built[0].parent.parent, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_recipe_doctors_per_10k_one_row_per_province_year(recipes, plans):
    rows = recipes["doctors"]
    keys = [(province, year) for province, _, year, *_ in rows]
    stating = {
        stem: plan for stem, plan in plans.items() if any(i.metric == "doctors_per_10k" for i in plan.indicators)
    }
    assert {stem[:3] for stem in stating} >= DOCTOR_SEEDS
    assert (
        len(keys)
        == len(set(keys))
        == len(
            {
                (p.document.province.name, i.target_year)
                for p in stating.values()
                for i in p.indicators
                if i.metric == "doctors_per_10k"
            }
        )
    )
    assert {d for *_, documents in rows for d in documents} == {p.document.number or s for s, p in stating.items()}
    assert rows[0][:5] == ["Tỉnh Hòa Bình", "Tỉnh Phú Thọ", 2025, 10.0, 10.0]


def test_recipe_budget_totals_equal_the_stated_totals(recipes):
    assert recipes["totals"][seed_path("000").stem] == HOA_BINH_TOTAL_VND


def test_recipe_budget_totals_one_row_per_document(recipes, plans):
    assert sorted(recipes["totals"]) == sorted(plans)


def test_recipe_activity_units_join_to_units(recipes):
    assert recipes["unmatched"] == 0


def test_compare_one_value_per_province_year(built):
    dataset_dir, stdout = built
    assert "Tỉnh Hòa Bình" in stdout and "Tỉnh Phú Thọ" in stdout and "≥13" in stdout
    assert stdout.count("Tỉnh Thanh Hóa") == 2 * 3  # three target years, then and now each
    png = (dataset_dir / "compare_doctors_per_10k.png").read_bytes()
    svg = (dataset_dir / "compare_doctors_per_10k.svg").read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert "<svg" in svg and "doctors_per_10k" in svg and "132/KH-SYT" in svg


def test_compare_shows_a_range_as_min_max(outputs, tmp_path):
    """Two documents of one province and year that differ give one row, 'low–high'."""
    folder = tmp_path / "json"
    folder.mkdir()
    plan = json.loads((outputs / f"{seed_path('000').stem}.json").read_text(encoding="utf-8"))
    (folder / "a.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    for indicator in plan["indicators"]:
        if indicator["metric"] == "doctors_per_10k":
            indicator["target"]["value"] = 12.0
    (folder / "b.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    stdout = _build(folder, tmp_path / "ds", "--compare", "doctors_per_10k")
    assert "10–12" in stdout and stdout.count("Tỉnh Hòa Bình") == 1


def test_bad_json_is_reported_and_the_rest_still_built(outputs, tmp_path):
    folder = tmp_path / "json"
    folder.mkdir()
    (folder / "good.json").write_text((outputs / f"{seed_path('002').stem}.json").read_text(encoding="utf-8"))
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"hello": 1}), encoding="utf-8")
    result = runner.invoke(app, ["dataset", str(folder), "-o", str(tmp_path / "ds")])
    assert result.exit_code == 1
    assert result.stderr.count("vnplan: error:") == 2
    assert pq.read_table(tmp_path / "ds" / "documents.parquet").column("document_id").to_pylist() == ["good"]


def test_usage_errors(outputs, tmp_path):
    assert runner.invoke(app, ["dataset", str(tmp_path / "missing"), "-o", str(tmp_path)]).exit_code == 2
    unknown = runner.invoke(app, ["dataset", str(outputs), "-o", str(tmp_path), "--compare", "no_such_metric"])
    assert unknown.exit_code == 2 and "no_such_metric" in unknown.stderr
    assert "valid ids:" in unknown.stderr and "doctors_per_10k" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_validate_checks_a_folder_recursively_one_line_per_invalid_file(outputs, tmp_path):
    tree = tmp_path / "out"
    (tree / "a" / "b").mkdir(parents=True)
    good = (outputs / f"{seed_path('002').stem}.json").read_text(encoding="utf-8")
    (tree / "one.json").write_text(good, encoding="utf-8")
    (tree / "a" / "b" / "two.json").write_text(good, encoding="utf-8")
    (tree / "a" / "bad.json").write_text(json.dumps({"schema_version": "1.0.0"}), encoding="utf-8")
    (tree / "a" / "b" / "broken.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tree)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "bad.json" in lines[0] + lines[1] and "broken.json" in lines[0] + lines[1]
    assert "2 valid, 2 invalid" in result.stdout
    assert runner.invoke(app, ["validate", str(tree / "one.json"), str(tree / "a" / "b" / "two.json")]).exit_code == 0
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["validate", str(tmp_path / "empty")])
    assert empty.exit_code == 1 and empty.stderr.count("no JSON files found") == 1
