"""Image reader: PNG, JPEG and (multi-page) TIFF scans, OCR'd page by page like scanned PDFs."""

from __future__ import annotations

import io
import threading
import warnings

from PIL import Image, UnidentifiedImageError
from vnplan.extract.builder import Reading, TextBuilder
from vnplan.extract.ocr import ocr_pages

from vnplan.errors import InputError

MAX_PAGES = 500
# Decompression-bomb guard: an A3 page at 600 dpi is about 70 million pixels.
MAX_IMAGE_PIXELS = 120_000_000
DEFAULT_DPI = 300.0
MIN_DPI = 70.0


def open_image(data: bytes) -> Image.Image:
    """Open image data with Pillow's decompression-bomb limit set to MAX_IMAGE_PIXELS."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice the limit: treat that as over it too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(
            f"the image is too large (over {MAX_IMAGE_PIXELS // 1_000_000} million pixels, a possible "
            "decompression bomb); scan it at 300 dpi"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputError("the image is damaged or in an unsupported format; re-save it as PNG, JPEG or TIFF") from exc
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    return image


def _dpi(image: Image.Image) -> float:
    """The image's resolution; scans without a usable one are taken to be 300 dpi."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if value >= MIN_DPI else DEFAULT_DPI


def read_image(data: bytes) -> Reading:
    image = open_image(data)
    count = getattr(image, "n_frames", 1)
    if count > MAX_PAGES:
        raise InputError(f"the image has {count} pages, over the {MAX_PAGES}-page limit; split it")
    lock = threading.Lock()  # one frame is decoded at a time from the shared file

    def render(index: int) -> tuple[Image.Image, float]:
        with lock:
            try:
                image.seek(index)
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise InputError(f"page {index + 1} of the image is too large; scan it at 300 dpi")
                frame = image.convert("L")
            except (OSError, ValueError, EOFError) as exc:
                raise InputError(f"page {index + 1} of the image cannot be decoded; re-save the file") from exc
            return frame, _dpi(image)

    results = ocr_pages(render, list(range(count)))
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
