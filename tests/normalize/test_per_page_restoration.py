"""Whether OCR correction runs is decided page by page: one digital page in a scanned document (or
one scanned page in a digital one) changes nothing on the other pages."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

from vnplan.extract import ExtractedDocument, extract
from vnplan.normalize import normalize
from vnplan.normalize.restore.evaluate import syllable_accuracy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture(name: str) -> Path:
    return FIXTURES / name


def mixed(tmp: Path) -> ExtractedDocument:
    """Page 1 of the digital seed002 PDF, then page 2 of its scan."""
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(fixture("seed002.pdf")), [0])
    document.import_pages(pdfium.PdfDocument(fixture("seed002_scan.pdf")), [1])
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp / "mixed.pdf"
    path.write_bytes(buffer.getvalue())
    return extract(path)


def test_ocr_page_of_a_mixed_document_is_corrected_and_the_digital_page_is_not(tmp_path: Path) -> None:
    doc = mixed(tmp_path)
    assert doc.text_method == "mixed" and [p.method for p in doc.pages] == ["text_layer", "ocr"]
    normalized = normalize(doc)
    scanned = doc.pages[1]
    corrections = [r for r in normalized.repairs if r.method == "ocr_correction"]
    assert corrections, "the scanned page went uncorrected"
    assert all(normalized.page_of(r.start) == 2 for r in corrections)
    reference = extract(fixture("seed002.pdf"))
    truth = reference.raw_text[reference.pages[1].start : reference.pages[1].end]
    raw = doc.raw_text[scanned.start : scanned.end]
    start = normalized.mapped.final_span(scanned.start, scanned.start + 1)[0]
    corrected = normalized.text[start:]
    # the correction helped the scanned page
    assert syllable_accuracy(truth, corrected).accuracy > syllable_accuracy(truth, raw).accuracy
    first_page = doc.raw_text[doc.pages[0].start : doc.pages[0].end]
    assert " ".join(first_page.split())[:200] in " ".join(normalized.text.split())  # digital page untouched
