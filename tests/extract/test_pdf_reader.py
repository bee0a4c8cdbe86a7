"""The PDF reader on fixtures made from the seeds, on hand-built edge cases and on real samples."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from reader_support import agreement, fixture, sample, seed_text

from vnplan.extract import ExtractedDocument, extract
from vnplan.extract.pdf import _read_page, read_pdf
from vnplan.pipeline import process
from vnplan.schema.errors import InputError

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@cache
def digital(name: str) -> ExtractedDocument:
    return extract(fixture(name))


def test_digital_pdf_has_the_seed_text() -> None:
    doc = digital("seed002.pdf")
    assert doc.format == "pdf"
    assert doc.text_method == "text_layer"
    assert agreement(seed_text("002"), doc.raw_text) >= 0.995


def test_pages_are_separated_by_a_form_feed_line() -> None:
    doc = digital("seed002.pdf")
    assert len(doc.pages) == 14
    assert doc.raw_text.count("\n\f\n") == len(doc.pages) - 1
    for page, following in zip(doc.pages, doc.pages[1:], strict=False):
        assert "\f" not in doc.raw_text[page.start : page.end]
        assert doc.raw_text[page.end : following.start] == "\n\f\n"
    assert [p.number for p in doc.pages] == list(range(1, 15))
    assert {p.method for p in doc.pages} == {"text_layer"}


def test_two_column_header_reads_left_column_then_right() -> None:
    lines = digital("seed002.pdf").raw_text.splitlines()
    assert lines[:4] == [
        "Số : /KH-TTYT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "Yên Lạc, ngày tháng năm 2017",
    ]
    signature = lines[lines.index("Nơi nhận:") :]
    assert signature[-1] == "GIÁM ĐỐC"  # the right column comes after the whole left one


def test_page_numbers_in_the_margin_are_dropped_and_counted() -> None:
    doc = digital("seed002.pdf")
    assert not any(line.strip().isdigit() for line in doc.raw_text.splitlines())
    assert any("13 page numbers" in w.message for w in doc.warnings)


def test_boxes_and_fonts_follow_the_text() -> None:
    doc = digital("seed002.pdf")
    assert doc.boxes is not None and len(doc.boxes) == len(doc.raw_text)
    start = doc.raw_text.index("KẾ HOẠCH")
    x0, top, x1, bottom = doc.bbox_of(start, start + len("KẾ HOẠCH"))
    assert 200 < x0 < x1 < 400 and 90 < top < bottom < 200  # centred, near the top of page 1 (points)
    fonts = {run.font for run in doc.font_runs}
    assert fonts == {"DejaVuSerifBook", "DejaVuSerifBold", "DejaVuSerifItalic"}  # subset tags removed
    title_font = next(r.font for r in doc.font_runs if r.start <= start < r.end)
    assert title_font == "DejaVuSerifBold"


def test_table_continued_over_pages_is_one_table_without_repeated_header() -> None:
    doc = digital("seed004.pdf")
    table = max(doc.tables, key=lambda t: len(t.rows))
    assert len(table.parts) >= 2
    assert [p for p, _, _ in table.parts] == list(range(table.page, table.page + len(table.parts)))
    header = "\t".join(table.rows[0])
    assert header.endswith("\tSản phẩm*")
    assert doc.raw_text.count(header) == 1  # the header repeated on each page is kept once
    assert table.rows[0][:3] == ["Số TT", "Nội dung công việc, chương trình đề án", "Đơn vị chủ trì"]
    assert [row[0] for row in table.rows[1:7]] == ["1", "2", "3", "4", "5", "6"]
    assert all(len(row) == 7 for row in table.rows)
    for _, start, end in table.parts:
        assert all(line.count("\t") == 6 for line in doc.raw_text[start:end].split("\n"))


def test_table_words_are_not_repeated_in_the_page_text() -> None:
    doc = digital("seed004.pdf")
    assert doc.raw_text.count("Chính sách thu hút nguồn nhân lực y tế chất lượng cao") == 1
    row = "1\tChính sách thu hút nguồn nhân lực y tế chất lượng cao làm việc tại tỉnh\tPhòng TCVH"
    assert row in doc.raw_text


def _glyph_by_glyph_pdf(text: str) -> bytes:
    """Each character drawn on its own; combining marks in another font, drawn over their letter."""
    pdf = FPDF(unit="pt", format=(400, 100))
    pdf.add_font("Base", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_font("Marks", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_page()
    x, base_x = 20.0, 20.0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            pdf.set_font("Marks", "", 20)
            pdf.text(base_x + 3, 50, ch)
            continue
        pdf.set_font("Base", "", 20)
        pdf.text(x, 50, ch)
        base_x = x
        x += pdf.get_string_width(ch) + (2 if ch == " " else 0)
    return bytes(pdf.output())


def test_separately_drawn_marks_never_split_a_syllable() -> None:
    reading = read_pdf(_glyph_by_glyph_pdf("ĐIỀU KHOẢN THI HÀNH"))
    assert reading.builder.text == "ĐIỀU KHOẢN THI HÀNH"
    assert unicodedata.is_normalized("NFC", reading.builder.text)
    assert set(reading.builder.fonts) == {"DejaVuSerifBook"}  # marks are folded into their letter


def test_scanned_pages_are_ocrd_with_confidence() -> None:
    source = pdfium.PdfDocument(fixture("seed002_scan.pdf"))
    subset = pdfium.PdfDocument.new()
    subset.import_pages(source, [0, 1])
    buffer = io.BytesIO()
    subset.save(buffer)
    reading = read_pdf(buffer.getvalue())
    assert reading.text_method == "ocr"
    assert [p.method for p in reading.builder.pages] == ["ocr", "ocr"]
    assert all(p.ocr_confidence and p.ocr_confidence > 0.8 for p in reading.builder.pages)
    reference = digital("seed002.pdf")
    first_two = reference.raw_text[: reference.pages[1].end]
    assert agreement(first_two, reading.builder.text) >= 0.9


def test_digital_and_scanned_pages_in_one_pdf_are_mixed() -> None:
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(fixture("seed002.pdf")), [0])
    mixed.import_pages(pdfium.PdfDocument(fixture("seed002_scan.pdf")), [1])
    buffer = io.BytesIO()
    mixed.save(buffer)
    reading = read_pdf(buffer.getvalue())
    assert reading.text_method == "mixed"
    assert [(p.method, p.ocr_confidence is None) for p in reading.builder.pages] == [
        ("text_layer", True),
        ("ocr", False),
    ]
    reference = digital("seed002.pdf")
    second = reference.raw_text[reference.pages[1].start : reference.pages[1].end]
    page = reading.builder.pages[1]
    assert agreement(second, reading.builder.text[page.start : page.end]) >= 0.9


def test_a_stamp_over_a_page_image_is_a_scan_but_real_text_is_not() -> None:
    with pdfplumber.open(fixture("seed002_scan.pdf")) as pdf:
        assert _read_page(pdf.pages[0]).method == "ocr"  # image + signature stamp only
    with pdfplumber.open(fixture("seed002.pdf")) as pdf:
        assert _read_page(pdf.pages[0]).method == "text_layer"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_encrypted_pdf_is_an_input_error(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "secret plan")
    with pytest.raises(InputError, match="encrypted with a password"):
        extract(_write(tmp_path, "locked.pdf", bytes(pdf.output())))


def test_corrupt_and_empty_pdfs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="damaged or not a PDF"):
        extract(_write(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"))
    empty = io.BytesIO()
    pdfium.PdfDocument.new().save(empty)
    with pytest.raises(InputError, match="no pages"):
        extract(_write(tmp_path, "empty.pdf", empty.getvalue()))
    truncated = fixture("seed002.pdf").read_bytes()[:5000]
    with pytest.raises(InputError):
        extract(_write(tmp_path, "truncated.pdf", truncated))


def test_real_cover_letter_reads_header_by_columns() -> None:
    doc = extract(sample("03_"))
    lines = doc.raw_text.splitlines()
    assert lines[:3] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 666 /TTr-SNV"]  # the number from its field
    assert lines[3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.text_method == "text_layer" and len(doc.pages) == 1


def test_real_appendix_tables_merge_across_pages() -> None:
    doc = extract(sample("10_"))
    assert doc.text_method == "text_layer"
    first = doc.tables[0]
    assert len(first.parts) >= 2
    assert doc.raw_text.count("MỨC TRỢ CẤP, PHỤ CẤP ƯU ĐÃI HẰNG THÁNG\t") == 1  # repeated on 6 pages
    assert "Diện thoát ly\t2.297.000\t390.000/01 thâm niên" in doc.raw_text


def test_real_scan_is_recognised_as_a_scan() -> None:
    with pdfplumber.open(sample("09_")) as pdf:
        assert _read_page(pdf.pages[0]).method == "ocr"


def test_number_and_day_stamped_into_signature_fields_join_their_lines() -> None:
    # Sample 03 (Tờ trình 666/TTr-SNV, signed in an e-office system): "666" and "22" are drawn by two
    # signature widgets' appearance streams over blanks of the printed form, not in the page content.
    path = sample("03_")
    text = extract(path).raw_text
    assert "Số: 666 /TTr-SNV" in text
    assert "ngày 22 tháng 12 năm 2025" in text
    document = process(path).document
    assert (document.number, document.issued_date) == ("666/TTr-SNV", "2025-12-22")
