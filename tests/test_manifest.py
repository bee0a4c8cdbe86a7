"""The batch manifest (issue 17) and nothing skipped in silence (issue 15, item 4).

Every file below a batch folder is processed or listed with the reason it was skipped; the manifest
has a row per input; inputs that are gone are marked removed and leave the dataset; a document that
is no plan keeps its figures out of the dataset unless asked."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from conftest import processed, seed_path
from typer.testing import CliRunner

from vnplan.cli import app
from vnplan.manifest import append_rows, manifest_path, read_manifest
from vnplan.schema import validation_errors

runner = CliRunner()
NOTES = "# Ghi chú\n\nThư mục này chứa các kế hoạch đã quét. Liên hệ văn thư khi cần bản gốc.\n"


def _batch(inputs: Path, out_dir: Path):
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "2"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_file_is_processed_or_listed_as_skipped_with_its_reason(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    (inputs / "sub").mkdir(parents=True)
    shutil.copy(seed_path("002"), inputs / "plan.txt")
    shutil.copy(seed_path("002"), inputs / "sub" / "copy.txt")  # same content
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "slides.pptx").write_bytes(b"PK\x03\x04 a presentation")
    (inputs / "README.md").write_text(NOTES, encoding="utf-8")
    result = _batch(inputs, out_dir)
    assert result.exit_code == 0, result.output
    assert "inputs 5" in " ".join(result.stdout.split()) and "skipped 3" in " ".join(result.stdout.split()), (
        result.stdout
    )
    skipped = {row["file"]: row["reason"] for row in _csv(out_dir / "skipped.csv")}
    assert skipped == {
        "slides.pptx": "unsupported file type .pptx",
        "empty.txt": "empty file",
        "sub/copy.txt": "same content as plan.txt",
    }
    rows = read_manifest(out_dir)
    assert sorted(rows) == ["README.md", "empty.txt", "plan.txt", "slides.pptx", "sub/copy.txt"]
    assert {name: row.status for name, row in rows.items()} == {
        "README.md": "ok",
        "slides.pptx": "skipped",
        "empty.txt": "skipped",
        "plan.txt": "ok",
        "sub/copy.txt": "skipped",
    }
    plan_row = rows["plan.txt"]
    assert plan_row.output == "plan.json" and plan_row.seconds and plan_row.seconds > 0
    assert plan_row.sha256 == processed("002").document.source.sha256
    readme = json.loads((out_dir / "README.json").read_text(encoding="utf-8"))
    assert validation_errors(readme) == [] and "not_a_plan" in [w["code"] for w in readme["warnings"]]
    assert not (out_dir / "failures.csv").exists()


def test_removed_inputs_are_marked_and_leave_the_dataset(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for prefix in ("002", "004"):
        shutil.copy(seed_path(prefix), inputs / f"{prefix}.txt")
    assert _batch(inputs, out_dir).exit_code == 0
    (inputs / "004.txt").unlink()
    (out_dir / "stray.json").write_text(processed("003").to_json(), encoding="utf-8")  # not the batch's
    again = _batch(inputs, out_dir)
    assert again.exit_code == 0 and "removed 1" in " ".join(again.stdout.split()), again.stdout
    rows = read_manifest(out_dir)
    assert rows["004.txt"].status == "removed" and rows["002.txt"].status == "ok"
    assert (out_dir / "004.json").exists()  # left in place: nothing the user has is deleted
    dataset = runner.invoke(app, ["dataset", str(out_dir), "-o", str(tmp_path / "dataset")])
    assert dataset.exit_code == 0, dataset.output
    documents = _csv(tmp_path / "dataset" / "documents.csv")
    assert [row["document_id"] for row in documents] == ["002"]


def test_a_shared_output_name_is_recorded_and_a_torn_row_is_ignored(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    shutil.copy(seed_path("002"), inputs / "x.txt")
    shutil.copy(seed_path("004"), inputs / "x.md")
    assert _batch(inputs, out_dir).exit_code == 0
    rows = read_manifest(out_dir)
    assert rows["x.txt"].output == "x.txt.json" and "x.json is shared" in (rows["x.txt"].note or "")
    with manifest_path(out_dir).open("ab") as handle:
        handle.write(b'{"input": "x.txt", "status": "fa')  # a run killed while writing a row
    assert read_manifest(out_dir) == rows
    again = _batch(inputs, out_dir)
    assert again.exit_code == 0 and "up to date 2" in " ".join(again.stdout.split()), again.stdout
    assert b'"fa' not in manifest_path(out_dir).read_bytes()  # rewritten, one row per input


def test_rows_from_two_writers_are_all_kept(tmp_path):
    from vnplan.manifest import Row, compact

    append_rows(tmp_path, [Row("a.txt", "ok", output="a.json")])
    append_rows(tmp_path, [Row("b.txt", "skipped", reason="empty file"), Row("a.txt", "failed", reason="x")])
    rows = compact(tmp_path)
    assert rows["a.txt"].status == "failed" and rows["b.txt"].reason == "empty file"
    assert len(manifest_path(tmp_path).read_text(encoding="ascii").splitlines()) == 2


def test_a_document_that_is_no_plan_stays_out_of_indicators_and_budgets_unless_asked(tmp_path):
    outputs = tmp_path / "json"
    outputs.mkdir()
    plan = json.loads(processed("002").to_json())
    assert plan["indicators"] and plan["budgets"]
    (outputs / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    plan["warnings"].append({"code": "not_a_plan", "message": "no plan", "stage": "structure", "provenance": None})
    (outputs / "notes.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    def ids(table: str, *extra: str) -> set[str]:
        target = tmp_path / ("with" if extra else "without")
        result = runner.invoke(app, ["dataset", str(outputs), "-o", str(target), *extra])
        assert result.exit_code == 0, result.output
        return {row["document_id"] for row in _csv(target / f"{table}.csv")}

    assert ids("indicators") == {"plan"} and ids("budgets") == {"plan"} and ids("documents") == {"plan", "notes"}
    assert ids("indicators", "--include-non-plans") == {"plan", "notes"}


def test_fifos_and_broken_links_in_a_batch_folder_are_listed_not_read(tmp_path):
    import os

    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    shutil.copy(seed_path("002"), inputs / "plan.txt")
    os.mkfifo(inputs / "pipe.txt")  # hashing it would block the batch forever
    (inputs / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    result = _batch(inputs, out_dir)
    assert result.exit_code == 0, result.output
    skipped = {row["file"]: row["reason"] for row in _csv(out_dir / "skipped.csv")}
    assert skipped == {"gone.pdf": "not a regular file (a broken link)", "pipe.txt": "not a regular file (a FIFO)"}


def test_an_output_folder_inside_the_input_folder_is_not_read_as_input(tmp_path):
    for inputs, out_dir in ((tmp_path / "a", tmp_path / "a" / "out"), (tmp_path / "b", tmp_path / "b")):
        inputs.mkdir()
        shutil.copy(seed_path("002"), inputs / "plan.txt")
        (inputs / "notes.csv").write_text("a,b\n", encoding="utf-8")  # a skipped.csv is written beside it
        assert _batch(inputs, out_dir).exit_code == 0
        again = _batch(inputs, out_dir)
        summary = " ".join(again.stdout.split())
        assert again.exit_code == 0 and "inputs 2 up to date 1 processed 0 failed 0 skipped 1" in summary, summary
