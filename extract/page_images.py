"""Page images for OCR: PDF pages rendered with pypdfium2, or the frames of an image file.

Both guard against oversized input: Pillow's decompression-bomb limit is set to MAX_IMAGE_PIXELS
while an image file is opened (and its error becomes an InputError), and PDF pages too large for
MAX_RENDER_PIXELS at the OCR resolution are rendered at a lower one.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Literal

import pypdfium2 as pdfium
from PIL import Image, UnidentifiedImageError

from vnplan.schema.errors import InputError

Kind = Literal["pdf", "image"]
OCR_DPI = 300.0
# Largest page image rendered from a PDF; bigger pages are rendered at a lower resolution.
MAX_RENDER_PIXELS = 60_000_000
# Decompression-bomb guard for image files: an A3 page at 600 dpi is about 70 million pixels.
MAX_IMAGE_PIXELS = 120_000_000
DEFAULT_DPI = 300.0  # for image files that do not say
MIN_DPI = 70.0


def open_image(data: bytes, max_pixels: int | None = None) -> Image.Image:
    """Open image data with Pillow's decompression-bomb limit set to ``max_pixels`` (default MAX_IMAGE_PIXELS)."""
    max_pixels = max_pixels or MAX_IMAGE_PIXELS
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice the limit: treat that as over it too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(
            f"the image is too large (over {max_pixels // 1_000_000} million pixels, a possible "
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


def ink(image: Image.Image) -> Image.Image:
    """The page in gray as OCR should see it. A colour scan keeps only its red channel: seals and
    receiving stamps are printed in red ink, which the red channel shows as near white, so they no
    longer cross the signer's titles or merge into the title lines beside them; black print, and
    handwriting in blue or black pen (numbers, days), stay dark."""
    if image.mode in ("RGB", "RGBA", "RGBX", "CMYK", "P", "PA", "YCbCr", "LAB", "HSV"):
        return image.convert("RGB").getchannel("R")
    return image.convert("L")


@dataclass
class PageImages:
    """Renders page ``index`` of a PDF or an image file as a grayscale image (``ink``) with its dpi."""

    kind: Kind
    data: bytes
    max_pixels: int | None = None  # None: MAX_IMAGE_PIXELS

    def __post_init__(self) -> None:
        self._pdf = pdfium.PdfDocument(self.data) if self.kind == "pdf" else None
        if self._pdf is not None:
            self._pdf.init_forms()  # so that signature stamps and form fields are drawn
        self._image = open_image(self.data, self.max_pixels) if self.kind == "image" else None

    def __len__(self) -> int:
        if self._pdf is not None:
            return len(self._pdf)
        return getattr(self._image, "n_frames", 1)

    def render(self, index: int) -> tuple[Image.Image, float]:
        if self._pdf is not None:
            page = self._pdf[index]
            width, height = page.get_size()
            dpi = OCR_DPI
            pixels = width * height * (dpi / 72) ** 2
            if pixels > MAX_RENDER_PIXELS:
                dpi *= (MAX_RENDER_PIXELS / pixels) ** 0.5
            image = page.render(scale=dpi / 72, may_draw_forms=True).to_pil()
            page.close()
            return ink(image), dpi
        image = self._image
        assert image is not None
        try:
            image.seek(index)
            if image.width * image.height > (self.max_pixels or MAX_IMAGE_PIXELS):
                raise InputError(f"page {index + 1} of the image is too large; scan it at 300 dpi")
            return ink(image), _dpi(image)
        except (OSError, ValueError, EOFError) as exc:
            raise InputError(f"page {index + 1} of the image cannot be decoded; re-save the file") from exc
