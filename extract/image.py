"""Image reader: PNG, JPEG and (multi-page) TIFF scans, OCR'd page by page like scanned PDFs."""

from __future__ import annotations

from vnplan.extract.builder import Reading, TextBuilder
from vnplan.extract.ocr import ocr_pages
from vnplan.extract.page_images import PageImages
from vnplan.schema.errors import InputError

MAX_PAGES = 500


def read_image(data: bytes) -> Reading:
    count = len(PageImages("image", data))  # opens it under the decompression-bomb limit
    if count > MAX_PAGES:
        raise InputError(f"the image has {count} pages, over the {MAX_PAGES}-page limit; split it")
    results = ocr_pages("image", data, list(range(count)))
    builder = TextBuilder()
    notes: list[str] = []
    for index in range(count):
        page = results[index]
        builder.begin_page()
        for line in page.lines:
            builder.add_line(line)
        builder.end_page(index + 1, "ocr", page.confidence)
        notes.extend(f"page {index + 1}: {w}" for w in page.warnings)
    return Reading(builder, "ocr", notes, "ocr")
