"""vnplan dataset: tidy tables from the JSON outputs, the same in CSV, Parquet and DuckDB; --compare."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import SEED_IDS, processed, seed_path
from typer.testing import CliRunner

from vnplan.cli import app
from vnplan.dataset import TABLES, _place_columns

runner = CliRunner()
RECORDS = ("indicators", "budgets", "units", "activities", "warnings")
# Seeds that state a doctors-per-10,000 target, read from the documents themselves ("bác sĩ/vạn dân",
# "bác sỹ/vạn dân", "bác sĩ 10.000 dân"); the Lai Châu OCR seed may join once restored.
DOCTOR_SEEDS = {"000", "003", "004"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("json")
    for prefix in SEED_IDS:
        (folder / f"{seed_path(prefix).stem}.json").write_text(processed(prefix).to_json(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(outputs, tmp_path_factory):
    dataset_dir = tmp_path_factory.mktemp("dataset")
    result = runner.invoke(app, ["dataset", str(outputs), "-o", str(dataset_dir), "--compare", "doctors_per_10k"])
    assert result.exit_code == 0, result.output
    return dataset_dir, result.stdout


def test_every_table_in_csv_parquet_and_duckdb_with_one_row_per_record(built):
    dataset_dir, _ = built
    plans = {seed_path(p).stem: processed(p) for p in SEED_IDS}
    with duckdb.connect(str(dataset_dir / "vnplan.duckdb"), read_only=True) as con:
        for table in TABLES:
            parquet = pq.read_table(dataset_dir / f"{table}.parquet")
            with (dataset_dir / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            expected = len(plans) if table == "documents" else sum(len(getattr(p, table)) for p in plans.values())
            assert parquet.num_rows == len(rows) == count == expected, table
            assert {"document_id", "province", "issuer", "year"} <= set(parquet.column_names)
            if table in RECORDS:
                assert {"prov_start", "prov_end", "prov_text", "prov_method"} <= set(parquet.column_names)
        assert str(pq.read_table(dataset_dir / "budgets.parquet").schema.field("amount_vnd").type) == "int64"
        total = con.execute("SELECT sum(amount_vnd) FROM budgets").fetchone()[0]
        assert total == sum(b.amount_vnd or 0 for p in plans.values() for b in p.budgets)
        spans = con.execute("SELECT document_id, prov_start, prov_end, prov_text FROM indicators").fetchall()
        texts = {stem: plan.text for stem, plan in plans.items()}
        assert all(texts[doc][start:end] == quote for doc, start, end, quote in spans)


def test_one_query_compares_doctors_per_10k_across_provinces(built):
    dataset_dir, stdout = built
    with duckdb.connect(str(dataset_dir / "vnplan.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT DISTINCT substr(document_id, 1, 3), province FROM indicators WHERE metric = 'doctors_per_10k'"
        ).fetchall()
    documents = {doc for doc, _ in rows}
    assert documents >= DOCTOR_SEEDS
    stated = {p for p in SEED_IDS if any(i.metric == "doctors_per_10k" for i in processed(p).indicators)}
    assert documents == stated
    for doc, province in rows:
        assert province and province in stdout, doc
        assert doc in stdout
    png = (dataset_dir / "compare_doctors_per_10k.png").read_bytes()
    svg = (dataset_dir / "compare_doctors_per_10k.svg").read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert "<svg" in svg and "doctors_per_10k" in svg


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


def test_province_codes_then_and_now_become_columns():
    place = {
        "name": "Hòa Bình",
        "level": "province",
        "text": "tỉnh Hòa Bình",
        "code": "17",
        "current": {"name": "Tỉnh Phú Thọ", "code": "25"},
        "provenance": None,
    }
    assert _place_columns("province", place) == {
        "province": "Hòa Bình",
        "province_level": "province",
        "province_code": "17",
        "province_current_name": "Tỉnh Phú Thọ",
        "province_current_code": "25",
    }
    assert _place_columns("province", None) == {"province": None}
