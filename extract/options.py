"""What the extract stage may read and how it OCRs: the settings a caller can change
(``vnplan.pipeline.Options`` carries them). The defaults are the limits the README documents."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PDF_PAGES = 2000  # checked before any page is read
MAX_IMAGE_PAGES = 500  # frames of a multi-page TIFF
MAX_IMAGE_PIXELS = 120_000_000  # Pillow's decompression-bomb limit, per page image
# Text: a 200 MB one-line .txt needed 8.9 GB (about 45 bytes per character through the stages), so
# the limit on text is stated in characters, whatever the format: 20 million (some 10,000 pages).
MAX_TEXT_CHARS = 20_000_000
# Zip packages (DOCX): all parts unpacked, and the elements of their XML parts, counted before a
# reader builds anything (python-docx holds ~130 bytes per element; the realdocs DOCX has 8,000, a 10-page seed 19,000).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_XML_ELEMENTS = 2_000_000
OCR_LANGUAGE = "vie"


@dataclass(frozen=True)
class Limits:
    """Inputs over a limit are refused with an InputError before (or instead of) being read."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_pdf_pages: int = MAX_PDF_PAGES
    max_image_pages: int = MAX_IMAGE_PAGES
    # None: vnplan.extract.page_images.MAX_IMAGE_PIXELS, read when an image is opened
    max_image_pixels: int | None = None
    max_text_chars: int = MAX_TEXT_CHARS
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_xml_elements: int = MAX_XML_ELEMENTS


@dataclass(frozen=True)
class OcrOptions:
    """Tesseract settings for scanned pages and image files."""

    language: str = OCR_LANGUAGE  # a Tesseract language model (installed: tesseract-ocr-vie)
    deskew: bool = True  # straighten pages measured as skewed by MIN_SKEW degrees or more
    workers: int = 0  # tesseract processes at once; 0: one per core
