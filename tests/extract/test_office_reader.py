"""Word 97, RTF and ODT through LibreOffice: the same text and records as the DOCX they were made from,
TCVN3 (.VnTime) runs repaired exactly, one clear error where LibreOffice is missing or the file is bad."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from reader_support import agreement, fixture, seed_text

from vnplan.evaluation import agreement as record_agreement
from vnplan.extract import extract, office
from vnplan.normalize import normalize
from vnplan.normalize.legacy import encode_tcvn3
from vnplan.pipeline import process
from vnplan.schema.errors import InputError

pytestmark = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) is not installed")


def _convert_with_libreoffice(source: Path, target: str, folder: Path) -> Path:
    """Make the archive format from a DOCX the way an archivist's Word would have saved it."""
    profile = (folder / "profile").as_uri()
    command = ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", target]
    subprocess.run([*command, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return folder / f"{source.stem}.{target}"


@pytest.mark.parametrize("target", ["doc", "rtf", "odt"])
def test_archive_formats_give_the_docx_records(tmp_path: Path, target: str) -> None:
    docx_path = tmp_path / "seed002.docx"
    docx_path.write_bytes(fixture("seed002.docx").read_bytes())
    converted = _convert_with_libreoffice(docx_path, target, tmp_path)
    extracted = extract(converted)
    assert extracted.format == target and extracted.encoding == f"{target}→docx"
    assert agreement(seed_text("002"), extracted.raw_text) > 0.99
    figures = record_agreement(process(docx_path), process(converted))
    assert all(f1 in (None, 1.0) for f1 in figures.values()), figures


def test_a_word97_file_set_in_vntime_is_repaired_exactly(tmp_path: Path) -> None:
    paragraph = "Kế hoạch phòng, chống dịch bệnh của Sở Y tế tỉnh Lâm Đồng năm 2026"
    document = docx.Document()
    run = document.add_paragraph().add_run(encode_tcvn3(paragraph).decode("latin-1"))
    run.font.name = ".VnTime"
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "vntime.docx").write_bytes(buffer.getvalue())
    doc_file = _convert_with_libreoffice(tmp_path / "vntime.docx", "doc", tmp_path)
    normalized = normalize(extract(doc_file))
    assert normalized.text.strip() == paragraph
    assert normalized.text_quality.damage[0] == "legacy_encoding_tcvn3"


def test_a_broken_doc_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="LibreOffice could not convert"):
        extract(broken)


def test_without_libreoffice_the_error_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "soffice", lambda: None)
    path = tmp_path / "plan.rtf"
    path.write_bytes(b"{\\rtf1\\ansi K\\'ea ho\\'e1ch}")
    with pytest.raises(InputError, match="apt-get install libreoffice-writer-nogui"):
        extract(path)
