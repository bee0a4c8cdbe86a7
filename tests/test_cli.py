"""The command line as a user meets it: outputs, error lines and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import seed_path


def vnplan(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnplan", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_extract_one_file_to_json(tmp_path):
    target = tmp_path / "plan.json"
    result = vnplan("extract", str(seed_path("002")), "-o", str(target))
    assert result.returncode == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["document"]["issuer"] == "Trung tâm Y tế huyện Yên Lạc"
    assert "Trung tâm Y tế huyện Yên Lạc" in result.stdout  # the summary


def test_extract_to_stdout_and_validate(tmp_path):
    result = vnplan("extract", str(seed_path("003")))
    assert result.returncode == 0
    (tmp_path / "a.json").write_text(result.stdout, encoding="utf-8")
    checked = vnplan("validate", str(tmp_path / "a.json"))
    assert checked.returncode == 0 and "valid" in checked.stdout


def test_bad_inputs_get_one_line_each_and_the_rest_is_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "fake.pdf").write_text("not a pdf", encoding="utf-8")
    out = tmp_path / "out"
    result = vnplan(
        "extract",
        str(seed_path("004")),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "garbage.txt"),
        str(tmp_path / "fake.pdf"),
        str(tmp_path / "missing.txt"),
        "-o",
        str(out),
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("vnplan: error:")]
    assert len(errors) == 4
    assert any("empty.txt: the file is empty" in e for e in errors)
    assert any("garbage.txt: binary data" in e for e in errors)
    assert any("fake.pdf: not a valid PDF" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert (out / f"{seed_path('004').stem}.json").exists()


def test_usage_errors_exit_2():
    assert vnplan("extract").returncode == 2
    assert vnplan("no-such-command").returncode == 2


def test_several_inputs_need_an_output_folder(tmp_path):
    result = vnplan("extract", str(seed_path("000")), str(seed_path("002")))
    assert result.returncode == 2 and "-o FOLDER" in result.stderr
    into_file = vnplan("extract", str(seed_path("000")), str(seed_path("002")), "-o", str(tmp_path / "x.json"))
    assert into_file.returncode == 2 and not (tmp_path / "x.json").exists()


def test_text_prints_the_normalized_text():
    result = vnplan("text", str(seed_path("000")))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "KẾ HOẠCH"


def test_validate_reports_violations(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": "1.0.0"}), encoding="utf-8")
    result = vnplan("validate", str(bad))
    assert result.returncode == 1 and "'document' is a required property" in result.stderr


def test_help_explains_every_command():
    result = vnplan("--help")
    assert result.returncode == 0
    for command in ("extract", "text", "validate"):
        assert command in result.stdout


def test_no_bare_stage_modules_are_importable():
    import importlib.util

    import vnplan as package

    for name in ("extract", "normalize", "structure", "schema"):
        assert importlib.util.find_spec(f"vnplan.{name}") is not None
        spec = importlib.util.find_spec(name)
        assert spec is None or "vnplan" not in (spec.origin or ""), name
    assert package.process  # the public API


def test_metrics_lists_ids_with_definitions_and_the_documents_carrying_them(tmp_path):
    from vnplan.metrics import metric_usage

    out = tmp_path / "out"
    assert vnplan("extract", str(seed_path("000")), "-o", str(out / "000.json")).returncode == 0
    usage = {u.id: u for u in metric_usage(out)}
    # seed 000 (Hòa Bình) states beds and doctors per 10,000 once each, and no life expectancy
    assert (usage["beds_per_10k"].documents, usage["beds_per_10k"].indicators) == (1, 1)
    assert (usage["life_expectancy"].documents, usage["life_expectancy"].indicators) == (0, 0)
    assert all(u.definition for u in usage.values())
    assert metric_usage()[0].documents is None  # no folder: definitions only
    result = vnplan("metrics", str(out))
    assert result.returncode == 0 and "doctors_per_10k" in result.stdout, result.stderr
    assert vnplan("metrics", str(tmp_path / "missing")).returncode == 2
