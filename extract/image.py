"""Image reader: PNG, JPEG and (multi-page) TIFF scans, OCR'd page by page like scanned PDFs."""

from __future__ import annotations

from vnplan.extract.builder import Line, Reading, TextBuilder
from vnplan.extract.ocr import ocr_pages
from vnplan.extract.ocr_tables import in_reading_order
from vnplan.extract.options import Limits, OcrOptions
from vnplan.extract.page_images import PageImages
from vnplan.schema.errors import InputError


def read_image(data: bytes, limits: Limits | None = None, ocr: OcrOptions | None = None) -> Reading:
    limits = limits or Limits()
    count = len(PageImages("image", data, limits.max_image_pixels))  # opens it under the decompression-bomb limit
    if count > limits.max_image_pages:
        raise InputError(f"the image has {count} pages, over the {limits.max_image_pages}-page limit; split it")
    results = ocr_pages("image", data, list(range(count)), ocr, limits.max_image_pixels)
    builder = TextBuilder()
    notes: list[str] = []
    for index in range(count):
        page = results[index]
        builder.begin_page()
        for item in in_reading_order(page.lines, page.tables):
            if isinstance(item, Line):
                builder.add_line(item)
            else:
                builder.add_table("ocr_ruled", index + 1, item.rows, item.bbox)
        builder.end_page(index + 1, "ocr", page.confidence)
        notes.extend(f"page {index + 1}: {w}" for w in page.warnings)
    return Reading(builder, "ocr", notes, "ocr")
