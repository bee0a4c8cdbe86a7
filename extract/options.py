"""What the extract stage may read and how it OCRs: the settings a caller can change
(``vnplan.pipeline.Options`` carries them). The defaults are the limits the README documents."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PDF_PAGES = 2000  # checked before any page is read
MAX_IMAGE_PAGES = 500  # frames of a multi-page TIFF
MAX_IMAGE_PIXELS = 120_000_000  # Pillow's decompression-bomb limit, per page image
OCR_LANGUAGE = "vie"


@dataclass(frozen=True)
class Limits:
    """Inputs over a limit are refused with an InputError before (or instead of) being read."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_pdf_pages: int = MAX_PDF_PAGES
    max_image_pages: int = MAX_IMAGE_PAGES
    # None: vnplan.extract.page_images.MAX_IMAGE_PIXELS, read when an image is opened
    max_image_pixels: int | None = None


@dataclass(frozen=True)
class OcrOptions:
    """Tesseract settings for scanned pages and image files."""

    language: str = OCR_LANGUAGE  # a Tesseract language model (installed: tesseract-ocr-vie)
    deskew: bool = True  # straighten pages measured as skewed by MIN_SKEW degrees or more
    workers: int = 0  # tesseract processes at once; 0: one per core
