"""Bad input through the real command line: one clear line per bad file, non-zero exit, no traceback,
bounded time; in a batch the rest is processed. Also: the time limit per document.

What counts as what (README "Reliability"):
* refused (exit 1, ``vnplan: error: FILE: problem``): empty files, random bytes under any supported
  name, truncated or corrupt PDFs, PDFs needing a password, PDFs without pages or over the page limit,
  images over the pixel limit (decompression bombs included), binary data named .txt, Shift-JIS
  Japanese text, missing paths, documents over the time limit;
* processed: a PDF encrypted with an owner password only (anyone may open it), UTF-16 text with a BOM,
  and text in another language (English), which gets a ``not_vietnamese`` warning in the JSON.
"""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "corpus" / "seeds"
TIMEOUT = 60  # seconds one command may take on one bad file (each is refused in a few seconds)


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def vnplan(*args: str | Path, env: dict[str, str] | None = None, timeout: float = TIMEOUT) -> Run:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "vnplan", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    return Run(result.returncode, result.stdout, result.stderr, time.monotonic() - started)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grayscale
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def huge_png(side: int) -> bytes:
    """A complete side × side 1-bit white PNG: a few hundred KB that decode to side² pixels."""
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row * 1000) for _ in range(side // 1000)) + packer.flush()
    return _png(side, side, body)


def encrypted_pdf(user_password: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Ke hoach so 1")
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    return bytes(pdf.output())


def many_pages_pdf(path: Path, pages: int) -> None:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(path)
    document.close()


def make_bad_files(folder: Path) -> None:
    seed = (FIXTURES / "seed002.pdf").read_bytes()
    noise = random.Random(7)
    for name in ("random.pdf", "random.png", "random.docx", "garbage.txt"):
        (folder / name).write_bytes(noise.randbytes(4096))
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(seed[: len(seed) // 3])
    corrupt = bytearray(seed)
    for i in range(2000, len(corrupt), 97):
        corrupt[i] = (corrupt[i] * 31 + 7) % 256
    (folder / "corrupt.pdf").write_bytes(bytes(corrupt))
    (folder / "encrypted_user.pdf").write_bytes(encrypted_pdf("secret"))
    (folder / "encrypted_owner.pdf").write_bytes(encrypted_pdf(""))
    (folder / "no_pages.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    (folder / "bomb.png").write_bytes(_png(40000, 40000, zlib.compress(b"\x00" * 50010)))  # 128 bytes
    (folder / "huge.png").write_bytes(huge_png(40000))
    many_pages_pdf(folder / "pages3000.pdf", 3000)
    (folder / "utf16.txt").write_bytes("KẾ HOẠCH\nThực hiện công tác y tế năm 2024\n".encode("utf-16"))
    (folder / "shift_jis.txt").write_bytes(("日本語の文書です。計画は来年実施されます。\n" * 20).encode("shift_jis"))
    (folder / "english.txt").write_text(
        "PLAN\nImplementation of the health programme in 2024.\nObjectives: reduce child mortality by 10%.\n" * 5,
        encoding="utf-8",
    )


# File → what its one error line must say.
REFUSED = {
    "empty.pdf": "the file is empty",
    "empty.txt": "the file is empty",
    "random.pdf": "not a valid PDF file",
    "random.png": "not a valid IMAGE file",
    "random.docx": "not a valid DOCX file",
    "garbage.txt": "binary data, not text",
    "truncated.pdf": "damaged",
    "corrupt.pdf": "damaged",
    "encrypted_user.pdf": "encrypted with a password",
    "no_pages.pdf": "has no pages",
    "bomb.png": "too large",
    "huge.png": "too large",
    "pages3000.pdf": "3000 pages, over the 2000-page limit",
    "shift_jis.txt": "Japanese text (Shift-JIS), not Vietnamese",
    "missing.pdf": "no such file",
}
ACCEPTED = ("encrypted_owner.pdf", "utf16.txt", "english.txt")
REFUSED_CORRUPT = "page 2 of the PDF is damaged (cannot be loaded); re-save or re-export it"


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    make_bad_files(folder)
    return folder


@pytest.fixture(scope="module")
def refused_run(bad_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One `vnplan extract` over every file it must refuse: each must get its own line."""
    return vnplan("extract", *(bad_dir / name for name in REFUSED), "-o", tmp_path_factory.mktemp("refused"))


@pytest.fixture(scope="module")
def runs(bad_dir: Path) -> dict[str, Run]:
    """`vnplan extract FILE` (JSON to standard output) on each file that must be processed."""
    with ThreadPoolExecutor(max_workers=len(ACCEPTED)) as pool:
        return dict(zip(ACCEPTED, pool.map(lambda name: vnplan("extract", bad_dir / name), ACCEPTED), strict=True))


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("vnplan: error:")]


def test_bad_files_fail_without_traceback_in_bounded_time(refused_run: Run) -> None:
    assert refused_run.returncode == 1, refused_run.stderr
    assert "Traceback" not in refused_run.stderr and "internal error" not in refused_run.stderr, refused_run.stderr
    assert len(error_lines(refused_run.stderr)) == len(REFUSED), refused_run.stderr
    assert f"vnplan: {len(REFUSED)} of {len(REFUSED)} inputs failed" in refused_run.stderr
    assert refused_run.seconds < TIMEOUT  # the 3,000-page PDF is refused by its page count, the PNGs by their header


@pytest.mark.parametrize("name", REFUSED)
def test_bad_file_gets_one_clear_line(refused_run: Run, bad_dir: Path, name: str) -> None:
    lines = [line for line in error_lines(refused_run.stderr) if line.startswith(f"vnplan: error: {bad_dir / name}: ")]
    assert len(lines) == 1, refused_run.stderr
    assert REFUSED[name] in lines[0], lines[0]


def test_one_bad_file_alone_exits_1_with_one_line(bad_dir: Path) -> None:
    run = vnplan("extract", bad_dir / "corrupt.pdf")
    assert run.returncode == 1 and run.stdout == "" and "Traceback" not in run.stderr
    assert error_lines(run.stderr) == [f"vnplan: error: {bad_dir / 'corrupt.pdf'}: {REFUSED_CORRUPT}"]


@pytest.mark.parametrize("name", ACCEPTED)
def test_readable_oddities_are_processed(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    plan = json.loads(run.stdout)
    codes = {w["code"] for w in plan["warnings"]}
    if name == "utf16.txt":
        assert plan["text"].startswith("KẾ HOẠCH")
    if name == "encrypted_owner.pdf":
        assert "Kế hoạch số 1" in plan["text"]
    assert ("not_vietnamese" in codes) == (name == "english.txt")


def test_unreadable_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: permissions do not stop root from reading, so chmod 000 cannot be tested")
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "plan.txt").write_text("Kế hoạch", encoding="utf-8")
    folder.chmod(0)
    try:
        run = vnplan("extract", folder / "plan.txt")
    finally:
        folder.chmod(0o755)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(error_lines(run.stderr)) == 1 and str(folder / "plan.txt") in run.stderr


def test_a_file_that_cannot_be_reached_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a non-root user gets below a chmod 000 folder (stat fails), simulated so that root runs it too."""
    from vnplan.extract import extract
    from vnplan.schema.errors import InputError

    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", denied)
    with pytest.raises(InputError, match="permission denied"):
        extract(Path("locked/plan.txt"))


def test_batch_processes_the_rest_and_reports_each_failure(bad_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for path in bad_dir.iterdir():
        (archive / path.name).symlink_to(path)
    good = next(SEEDS.glob("002_*.txt"))
    (archive / "good.txt").write_bytes(good.read_bytes())
    out = tmp_path / "out"
    run = vnplan("batch", archive, "-o", out, "--workers", "2", timeout=180)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    # an empty file is no failure in a batch folder: it is skipped, with its reason in skipped.csv
    empty = sorted(path.name for path in archive.iterdir() if path.stat().st_size == 0)
    refused = sorted(name for name in REFUSED if name != "missing.pdf" and name not in empty)
    assert empty and (out / "skipped.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        f"{name},empty file" for name in empty
    ]
    lines = error_lines(run.stderr)
    assert len(lines) == len(refused), run.stderr
    for name in refused:
        assert [line for line in lines if line.startswith(f"vnplan: error: {archive / name}: ")], name
    assert json.loads((out / "good.json").read_text(encoding="utf-8"))["document"]["issuer"]
    for name in ACCEPTED:
        assert (out / name).with_suffix(".json").is_file(), name
    failures = (out / "failures.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split(",", 1)[0] for line in failures[1:]) == refused


def test_time_limit_per_document(tmp_path: Path) -> None:
    """Over the limit: one line each, and the same process (a batch worker) goes on with the next file."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for seed in sorted(SEEDS.glob("00[23]_*.txt")):
        (archive / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    run = vnplan("batch", archive, "-o", out, "--workers", "1", "--max-seconds", "0.05")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    lines = error_lines(run.stderr)
    assert len(lines) == 2 and all("time limit" in line for line in lines), run.stderr
    run = vnplan("batch", archive, "-o", out, "--workers", "1", env={"VNPLAN_MAX_SECONDS": "0"})
    assert run.returncode == 0, run.stderr
    assert len(list(out.glob("*.json"))) == 2 and not (out / "failures.csv").exists()
    single = vnplan("extract", *sorted(archive.iterdir()), "-o", tmp_path / "x", env={"VNPLAN_MAX_SECONDS": "0.05"})
    assert single.returncode == 1 and len(error_lines(single.stderr)) == 2, single.stderr
