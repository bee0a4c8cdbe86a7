"""extract/pdf.py overrides pdfplumber's ``Page.process_object`` (not public API) so that characters
carry only the fields the reader uses. This pins the override to stock pdfplumber: on the fixtures and
on real PDFs, every character has exactly stock pdfplumber's values for those fields, in stock's
order, and every other object (lines, rects, curves, images: the table finder and the scan test read
them) is stock's record unchanged. A pdfplumber upgrade that changes how characters are computed
fails here, not silently in the text."""

from __future__ import annotations

import pdfplumber
import pytest
from reader_support import SAMPLES, fixture

from vnplan.extract.pdf import _LeanPage

REALDOCS = SAMPLES.parents[1] / "realdocs"
PDFS = [
    fixture("seed002.pdf"),  # digital, with ruled tables
    fixture("seed004.pdf"),
    fixture("seed002_scan.pdf"),  # a scan: images, hardly any characters
    *sorted(REALDOCS.glob("32_*.pdf")),  # a digitally signed PDF: form fields, stamps
    *sorted(SAMPLES.glob("*.pdf"))[:2],
]
OTHER_OBJECTS = ("line", "rect", "curve", "image")


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:40])
def test_lean_characters_equal_stock_pdfplumber(path):
    with pdfplumber.open(path) as pdf:
        checked = 0
        for page in pdf.pages:
            lean = _LeanPage(pdf, page.page_obj, page.page_number, page.initial_doctop)
            fields = None
            for ours, theirs in zip(lean.chars, page.chars, strict=True):
                fields = fields or list(ours)  # the override's fields, all of which stock also has
                assert ours == {field: theirs[field] for field in fields}
                checked += 1
            for kind in OTHER_OBJECTS:
                assert lean.objects.get(kind, []) == page.objects.get(kind, []), kind
            lean.close()
            page.close()
        assert checked > 0 or "scan" in path.name
