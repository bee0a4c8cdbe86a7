"""vnplan batch: parallel, resumable, atomic; one bad file never stops the rest; Dask gives the same files."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import processed, seed_path
from typer.testing import CliRunner

from vnplan.batch import execute, plan_batch
from vnplan.cli import app
from vnplan.manifest import STATE_DIR
from vnplan.pipeline import Options

runner = CliRunner()


def _copy_seeds(folder: Path, prefixes: tuple[str, ...]) -> dict[str, str]:
    """Copies of seeds under their own names; returns output name → seed prefix."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for prefix in prefixes:
        source = seed_path(prefix)
        shutil.copy(source, folder / source.name)
        expected[source.stem + ".json"] = prefix
    return expected


def _outputs(out_dir: Path) -> dict[str, bytes]:
    """Every file the batch wrote but its manifest (which holds each document's time)."""
    return {
        p.relative_to(out_dir).as_posix(): p.read_bytes()
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and STATE_DIR not in p.relative_to(out_dir).parts
    }


def test_batch_writes_skips_current_outputs_and_reports_bad_files(tmp_path):
    inputs, out_dir = tmp_path / "in", tmp_path / "out"
    expected = _copy_seeds(inputs / "sub", ("002", "004"))
    (inputs / "broken.pdf").write_bytes(b"not a pdf at all")
    first = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir), "--workers", "2"])
    assert first.exit_code == 1
    assert "broken.pdf" in first.stderr and first.stderr.count("vnplan: error:") == 1
    for name, prefix in expected.items():
        assert (out_dir / "sub" / name).read_text(encoding="utf-8") == processed(prefix).to_json()
    failures = (out_dir / "failures.csv").read_text(encoding="utf-8").splitlines()
    assert failures[0] == "file,error" and failures[1].startswith("broken.pdf,") and len(failures) == 2

    (inputs / "broken.pdf").unlink()
    again = runner.invoke(app, ["batch", str(inputs), "-o", str(out_dir)])
    assert again.exit_code == 0, again.output
    assert "up to date 2 processed 0" in " ".join(again.stdout.split())
    assert not (out_dir / "failures.csv").exists()

    changed = inputs / "sub" / seed_path("004").name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPhụ lục bổ sung.\n", encoding="utf-8")
    plan = plan_batch(inputs, out_dir)
    assert [job.source for job in plan.todo] == [changed] and len(plan.current) == 1


def test_batch_usage_errors(tmp_path):
    assert runner.invoke(app, ["batch", str(tmp_path / "missing"), "-o", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path), "--engine", "spark"]).exit_code == 2
    assert runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path), "--scheduler", "tcp://x:1"]).exit_code == 2
    empty = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "out")])
    assert empty.exit_code == 1 and "no supported files" in empty.stderr


def test_dask_engine_writes_the_same_files_as_the_local_engine(tmp_path):
    from distributed import LocalCluster

    inputs = tmp_path / "in"
    _copy_seeds(inputs, ("002", "004"))
    local_dir, dask_dir = tmp_path / "local", tmp_path / "dask"
    assert all(o.error is None for o in execute(plan_batch(inputs, local_dir), "local", workers=2))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        outcomes = list(execute(plan_batch(inputs, dask_dir), "dask", workers=1, scheduler=cluster.scheduler_address))
    assert len(outcomes) == 2 and all(o.error is None for o in outcomes)
    assert _outputs(local_dir) == _outputs(dask_dir)
    assert len(_outputs(local_dir)) == 2


def test_dask_tasks_keep_the_time_limit(tmp_path):
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: the limit still stops them,
    and the worker goes on with the next document."""
    from distributed import LocalCluster

    inputs = tmp_path / "in"
    _copy_seeds(inputs, ("002", "003"))
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:

        def run(seconds: float) -> list:
            options = Options(max_seconds=seconds)
            return list(execute(plan_batch(inputs, out), "dask", 1, cluster.scheduler_address, options))

        stopped = run(0.05)
        assert len(stopped) == 2 and all("time limit" in (o.error or "") for o in stopped), stopped
        done = run(0)
    assert len(done) == 2 and all(o.error is None for o in done)
    assert sorted(p.name for p in out.glob("*.json")) == ["002_ca09afea0b59ac62.json", "003_db00a080584846af.json"]


def _is_daemon() -> bool:
    import multiprocessing

    return multiprocessing.current_process().daemon


def test_the_dask_local_cluster_workers_may_start_processes():
    from distributed import Client

    from vnplan.batch import local_cluster

    with local_cluster(1) as cluster, Client(cluster) as client:
        assert client.submit(_is_daemon).result() is False  # OCR starts a tesseract pool inside the worker
