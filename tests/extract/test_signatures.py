"""Signatures: the pattern families of stamp text, signed PDFs' signature fields, and a certified
copy whose only text layer is its "SAO Y" stamp."""

from __future__ import annotations

import ctypes
import io
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from fpdf import FPDF
from reader_support import agreement, fixture, sample

from vnplan.extract import extract
from vnplan.extract.pdf import read_pdf
from vnplan.extract.signatures import pdf_date, stamp_organisation, stamp_signature, stamp_time
from vnplan.pipeline import process

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("D:20251222171631+07'00'", "2025-12-22T17:16:31+07:00"),
        ("D:20230721225538Z", "2023-07-21T22:55:38Z"),
        ("D:20210726163939-05'30", "2021-07-26T16:39:39-05:30"),
        ("D:20210726", "2021-07-26"),
        ("D:2021", None),  # no day: no date
    ],
)
def test_pdf_dates(value: str, iso: str | None) -> None:
    assert pdf_date(value) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("SAO Y; Văn phòng UBND tỉnh; 03/02/2026; 15:40:13; +07:00", "2026-02-03T15:40:13+07:00"),
        ("Thời gian ký: 26.07.2021 16:39:39 +07:00", "2021-07-26T16:39:39+07:00"),
        ("Thời gian ký: 26-07-2021 16:39 +0700", "2021-07-26T16:39:00+07:00"),
        ("Ngày ký: 5/1/2024 08:05:00 GMT+7", "2024-01-05T08:05:00+07:00"),
        ("Ngày ký: 05/01/2024 08:05:00", "2024-01-05T08:05:00"),  # no offset printed: none given
        ("Ngày ký: 05/01/2024", "2024-01-05"),
        ("Ký bởi: Sở Y tế", None),
    ],
)
def test_stamp_times(text: str, iso: str | None) -> None:
    assert stamp_time(text) == iso


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Người ký: Sở Y tế\nCơ quan: Ủy ban nhân dân tỉnh\nThời gian ký: 15.06.2017", "Ủy ban nhân dân tỉnh"),
        ("Cơ quan phát hành: Chính phủ", "Chính phủ"),
        ("Ký bởi: Văn phòng Chính phủ\nThời gian ký: 26.07.2021", "Văn phòng Chính phủ"),
        ("Signed by: SỞ NỘI VỤ", "SỞ NỘI VỤ"),
        ("SAO Y; Văn phòng UBND tỉnh Lâm Đồng; 03/02/2026; 15:40:13; +07:00", "Văn phòng UBND tỉnh Lâm Đồng"),
        ("SAO Y\n03/02/2026 15:40:13", None),
    ],
)
def test_stamp_organisations(text: str, name: str | None) -> None:
    assert stamp_organisation(text) == name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SAO Y; Sở Y tế; 03/02/2026; 15:40:13; +07:00", "certified_copy"),
        ("SAO Y BẢN CHÍNH\nSở Y tế\n03/02/2026", "certified_copy"),
        ("SAO LỤC; Văn phòng UBND tỉnh; 03/02/2026", "certified_copy"),
        ("TRÍCH SAO; Văn phòng UBND tỉnh; 03/02/2026", "certified_copy"),
        ("Ký bởi: Sở Y tế\nThời gian ký: 03/02/2026 15:40:13", "digital_signature"),
    ],
)
def test_stamp_kinds(text: str, kind: str) -> None:
    signature = stamp_signature(text, 1)
    assert signature is not None and signature.kind == kind


def test_text_without_date_or_copy_mark_is_no_stamp() -> None:
    assert stamp_signature("3", 1) is None  # a page number on a scan's text layer
    assert stamp_signature("Sở Y tế tỉnh Kiên Giang", 1) is None


def _pdfium_times(path: Path) -> list[str]:
    """The signing times PDFium reads from the file's signature dictionaries."""
    document = pdfium.PdfDocument(path)
    times = []
    for index in range(pdfium_raw.FPDF_GetSignatureCount(document)):
        signature = pdfium_raw.FPDF_GetSignatureObject(document, index)
        size = pdfium_raw.FPDFSignatureObj_GetTime(signature, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_raw.FPDFSignatureObj_GetTime(signature, buffer, size)
        times.append(buffer.value.decode("ascii"))
    return times


def test_signed_pdf_gives_one_record_per_signature_field() -> None:
    # Sample 03: the signer (Trần Hữu Tuấn, 17:16:31), then the office's seal and the two fields it filled
    # with the number and the day (SỞ NỘI VỤ, 18:57:27), as the certificates and signature times say.
    path = sample("03_")
    signatures = process(path).document.signatures
    times = _pdfium_times(path)
    assert len(signatures) == len(times) == 4
    assert sorted(s.signed_at for s in signatures) == sorted(pdf_date(t) for t in times)
    assert {(s.organisation, s.signed_at) for s in signatures} == {
        ("Trần Hữu Tuấn", "2025-12-22T17:16:31+07:00"),
        ("SỞ NỘI VỤ", "2025-12-22T18:57:27+07:00"),
    }
    assert {s.text for s in signatures} >= {"666", "22"}  # the number and day fields are signed too
    assert all(s.kind == "digital_signature" and s.page == 1 for s in signatures)


def test_signature_stamp_of_a_scan_is_metadata_not_text() -> None:
    # Sample 09 (a scanned decree): its signature widget draws "Người ký: … Cơ quan: Văn phòng Chính phủ
    # Thời gian ký: 26.07.2021 16:39:39 +07:00" over the top margin of page 1.
    source = pdfium.PdfDocument(sample("09_"))
    first = pdfium.PdfDocument.new()
    first.import_pages(source, [0])
    buffer = io.BytesIO()
    first.save(buffer)
    reading = read_pdf(buffer.getvalue())
    assert [(s.kind, s.organisation, s.signed_at, s.page) for s in reading.signatures] == [
        ("digital_signature", "Văn phòng Chính phủ", "2021-07-26T16:39:39+07:00", 1)
    ]
    text = reading.builder.text
    assert "Số: 75/2021/NĐ-CP" in text  # the page is read ...
    assert "Thời gian ký" not in text and "thongtinchinhphu" not in text  # ... without the stamp


def _certified_copy(tmp_path: Path) -> Path:
    """Page 2 of the seed002 scan as an image, under the small text layer a "SAO Y" stamp leaves."""
    image = tmp_path / "page.png"
    pdfium.PdfDocument(fixture("seed002_scan.pdf"))[1].render(scale=200 / 72, grayscale=True).to_pil().save(image)
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("Serif", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_page()
    pdf.image(str(image), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.set_font("Serif", "", 7)
    for k, line in enumerate(["SAO Y", "Văn phòng UBND tỉnh Lâm Đồng", "03/02/2026 15:40:13 +07:00"]):
        pdf.text(420, 10 + 9 * k, line)
    path = tmp_path / "certified_copy.pdf"
    pdf.output(str(path))
    return path


def test_certified_copy_stamp_layer_is_a_signature_and_the_page_is_ocrd(tmp_path: Path) -> None:
    doc = extract(_certified_copy(tmp_path))
    assert [p.method for p in doc.pages] == ["ocr"]
    assert [(s.kind, s.organisation, s.signed_at) for s in doc.signatures] == [
        ("certified_copy", "Văn phòng UBND tỉnh Lâm Đồng", "2026-02-03T15:40:13+07:00")
    ]
    assert "SAO Y" not in doc.raw_text and "15:40" not in doc.raw_text  # drawn on the page, read as a stamp
    reference = extract(fixture("seed002.pdf"))
    second = reference.raw_text[reference.pages[1].start : reference.pages[1].end]
    assert agreement(second, doc.raw_text) >= 0.9
