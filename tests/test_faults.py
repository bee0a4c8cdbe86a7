"""Faults (issue 17): a batch killed at random moments, then restarted, ends with exactly one valid
output per input, touches no file that is not its own, and its dataset holds exactly the inputs.

Ten kills of the local engine, alternating SIGKILL of the whole process group (a crash, an OOM kill
of the session) and of the coordinating process alone (its workers must die with it), each at a
random moment of the run; then two of the Dask engine when dask is installed (its start-up is slow). Tiny plans keep it quick."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

import pytest

from vnplan.manifest import read_manifest
from vnplan.schema import validation_errors

PROVINCES = ("Lai Châu", "Sơn La", "Điện Biên", "Hà Giang", "Cao Bằng", "Yên Bái", "Lào Cai", "Bắc Kạn")
PLAN = """ỦY BAN NHÂN DÂN
TỈNH {upper}
Số: {number}/KH-UBND
{province}, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Tiêm chủng mở rộng tỉnh {province} năm 2024

I. MỤC TIÊU
1. Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {rate}%.
2. Tỷ lệ phụ nữ có thai được tiêm vắc xin uốn ván đạt 90%.

II. KINH PHÍ
Tổng kinh phí thực hiện: {money}.000.000 đồng, từ ngân sách tỉnh.

III. TỔ CHỨC THỰC HIỆN
Sở Y tế chủ trì, phối hợp với các đơn vị liên quan triển khai kế hoạch này.
"""
FOREIGN = {  # files that are not the batch's own, in its output folder: none may change
    ".git/objects/pack/.pack-1.tmp": "a git temporary file",
    ".notes.tmp": "someone's notes",
    "keep/.vnplan-tmp-notours.tmp": "a name like ours, but not ours",
    "stray.json": '{"not": "a vnplan output"}',
}


def _inputs(folder: Path) -> list[str]:
    (folder / "sub").mkdir(parents=True)
    names = []
    for i, province in enumerate(PROVINCES):
        name = f"{'sub/' if i % 3 == 0 else ''}plan_{i}.{'md' if i % 4 == 1 else 'txt'}"
        text = PLAN.format(upper=province.upper(), province=province, number=100 + i, rate=90 + i % 5, money=500 + i)
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def _snapshot(out_dir: Path) -> dict[str, tuple[str, float]]:
    return {name: ((out_dir / name).read_text(encoding="utf-8"), (out_dir / name).stat().st_mtime) for name in FOREIGN}


def _ours_running(out_dir: Path) -> list[int]:
    """Processes whose command line names out_dir: the batch's coordinator and its workers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                if str(out_dir).encode() in (entry / "cmdline").read_bytes():
                    state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state != "Z":
                        found.append(int(entry.name))
            except OSError:
                continue
    return found


def _kill_at_random_moments(command: list[str], out_dir: Path, kills: int, rng: random.Random, alone: bool) -> None:
    for k in range(kills):
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.2, 4.0))  # start-up, planning, processing or writing: wherever it lands
        if run.poll() is None:
            if alone and k % 2:
                run.kill()  # the coordinator only: its workers must not go on without it
            else:
                os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 10
        while _ours_running(out_dir) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _ours_running(out_dir), f"kill {k}: processes of the killed batch are still running"


def _check(inputs: Path, out_dir: Path, names: list[str], before: dict, tmp_path: Path) -> None:
    rows = read_manifest(out_dir)
    assert sorted(rows) == sorted(names) and all(row.status == "ok" for row in rows.values()), rows
    outputs = sorted(row.output or "" for row in rows.values())
    assert len(set(outputs)) == len(names)
    written = sorted(
        p.relative_to(out_dir).as_posix()
        for p in out_dir.rglob("*.json")
        if ".vnplan-batch" not in p.parts and p.relative_to(out_dir).as_posix() not in FOREIGN
    )
    assert written == outputs, "an output too many or missing"
    for row in rows.values():
        instance = json.loads((out_dir / (row.output or "")).read_text(encoding="utf-8"))
        assert validation_errors(instance) == []
        assert instance["document"]["source"]["file_name"] == Path(row.input).name
    assert _snapshot(out_dir) == before, "a file that is not the batch's own was changed or deleted"
    assert not [p for p in out_dir.rglob(".vnplan-tmp-*") if "keep" not in p.parts], "a temporary file left"
    dataset = subprocess.run(
        [sys.executable, "-m", "vnplan", "dataset", str(out_dir), "-o", str(tmp_path / "dataset")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dataset.returncode == 0, dataset.stderr
    with (tmp_path / "dataset" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        ids = sorted(row["document_id"] for row in csv.DictReader(handle))
    assert ids == sorted(output.removesuffix(".json") for output in outputs), "dataset ≠ inputs"


def _prepare(tmp_path: Path) -> tuple[Path, Path, list[str], dict]:
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    names = _inputs(inputs)
    for name, text in FOREIGN.items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_text(text, encoding="utf-8")
    return inputs, out_dir, names, _snapshot(out_dir)


def test_a_local_batch_killed_ten_times_at_random_moments_ends_with_one_valid_output_per_input(tmp_path):
    seed = int(os.environ.get("VNPLAN_FAULTS_SEED", time.time_ns() % 2**32))
    inputs, out_dir, names, before = _prepare(tmp_path)
    command = [sys.executable, "-m", "vnplan", "batch", str(inputs), "-o", str(out_dir), "--workers", "2"]
    _kill_at_random_moments(command, out_dir, 10, random.Random(seed), alone=True)
    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, (seed, final.stderr)
    _check(inputs, out_dir, names, before, tmp_path)


@pytest.mark.skipif(find_spec("distributed") is None, reason="dask.distributed is not installed")
def test_a_dask_batch_killed_at_random_moments_ends_with_one_valid_output_per_input(tmp_path):
    seed = int(os.environ.get("VNPLAN_FAULTS_SEED", time.time_ns() % 2**32))
    inputs, out_dir, names, before = _prepare(tmp_path)
    command = [sys.executable, "-m", "vnplan", "batch", str(inputs), "-o", str(out_dir), "--workers", "2"]
    command += ["--engine", "dask"]
    _kill_at_random_moments(command, out_dir, 2, random.Random(seed), alone=False)
    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, (seed, final.stderr)
    _check(inputs, out_dir, names, before, tmp_path)
