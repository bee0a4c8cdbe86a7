"""The same input gives byte-identical JSON: run twice, and in a batch whatever the number of workers."""

from __future__ import annotations

from pathlib import Path

from test_bad_input import FIXTURES, SEEDS, vnplan


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    source = FIXTURES / "seed002.pdf"
    first, second = vnplan("extract", source), vnplan("extract", source)
    assert first.returncode == second.returncode == 0
    assert first.stdout.encode() == second.stdout.encode()


def test_batch_output_does_not_depend_on_the_number_of_workers(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    sources = [FIXTURES / "seed002.pdf", FIXTURES / "seed004.docx", next(SEEDS.glob("003_*.txt"))]
    for source in sources:
        (archive / source.name).write_bytes(source.read_bytes())
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        run = vnplan("batch", archive, "-o", out, "--workers", workers, timeout=180)
        assert run.returncode == 0, run.stderr
        outputs[workers] = {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}
    assert len(outputs["1"]) == len(sources)
    assert outputs["1"] == outputs["2"]
