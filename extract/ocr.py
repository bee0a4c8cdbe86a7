"""OCR of page images with Tesseract's Vietnamese model, one single-threaded tesseract per core.

Pages are OCR'd in a pool of worker processes, one per core; each renders its page (pypdfium2
or Pillow), clears scanner specks, deskews it when that is worth it, writes it as an uncompressed
PGM file and runs one tesseract on it with ``OMP_THREAD_LIMIT=1``. On two cores this is about six times faster than
one multi-threaded tesseract CLI per page (bench/bench_ocr.py). Text keeps Tesseract's line
structure: one line per line it found, blocks in its reading order (a two-column header comes
out column by column).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pytesseract
import regex
from PIL import Image, ImageOps

from vnplan.extract import ocr_tables
from vnplan.extract.builder import Box, Line
from vnplan.extract.date_line import reread_date_lines
from vnplan.extract.doubtful_words import reread_doubtful_words
from vnplan.extract.grid import find_grids
from vnplan.extract.lines import Glyph, column_blocks
from vnplan.extract.number_line import reread_number_lines
from vnplan.extract.ocr_tables import OCR_LOOKALIKES, OcrTable
from vnplan.extract.options import OCR_LANGUAGE, OcrOptions
from vnplan.extract.page_images import Kind, PageImages, ink
from vnplan.extract.signer_names import reread_signer_names
from vnplan.schema.errors import InputError

LANG = OCR_LANGUAGE
# Seconds one page may take before its OCR is abandoned (the page is left empty, with a warning).
PAGE_TIMEOUT = 180
# Deskew only when the measured skew is at least this many degrees. Measured on the seed002 scan
# (CER against the digital text): straightening 0.5-0.6 degrees made two pages worse (5.3 -> 5.9 %,
# 4.0 -> 4.8 %), straightening 1-2.5 degrees made them better (5.0 -> 4.1 %, 5.2 -> 4.3 %).
MIN_SKEW = 0.8
MAX_SKEW = 5.0
# Specks: ink blots smaller than SPECK_AREA x (stroke width)^2, with no other ink for half a
# stroke width around. Tesseract reads them as stray punctuation ("_", "'", ".", ":") and merges
# them into words. On the seed002 scan a page's specks are 4-8 pixels and its smallest real
# marks (dots, periods) 20 or more, with strokes 6 pixels wide (5 and 18+ on a real decree scan).
# The distance keeps the punctuation of small print (a 6-point signature stamp) beside its digits.
SPECK_AREA = 1 / 3
# A "word" of marks only (no letter, no digit) read with a confidence (percent) under this is a speck
# or a seal's dot, not print: "„", "°", ":" after the lines of a "Nơi nhận" list (samples/09 p10,
# confidence 0-43), where printed dashes and colons are read at 73-93.
MARK_CONFIDENCE = 60.0
WORD_CHARACTER = regex.compile(r"[\p{L}\p{N}]")
# ... but a dash or bullet that opens a line marks a list item, faint as it may be (realdocs 24: "- Mục
# tiêu 2:" lost its dash and was joined to the line above)
LIST_MARKS = frozenset("-–+•")
# A word of letters less high than this share of its line's median word height is a speck Tesseract
# read as a letter (the smallest printed letter, a lower-case "a" or "n" in the line of capitals and
# ascenders, is about half as high as the line's tallest).
SPECK_HEIGHT = 0.25
# Inside a table cell (its rules painted out) a "|" is a misread "1": the character is ruled out.
NO_RULES = " -c tessedit_char_blacklist=|"


@dataclass
class OcrPage:
    lines: list[Line]
    confidence: float | None  # mean word confidence in [0, 1], weighted by word length
    skew: float = 0.0  # degrees the page image was rotated by before OCR
    warnings: list[str] = field(default_factory=list)
    tables: list[OcrTable] = field(default_factory=list)  # ruled tables; their words are not in ``lines``


def check_tesseract(language: str = LANG) -> None:
    """Raise InputError when Tesseract or its Vietnamese model is missing."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise InputError(
            "this needs OCR but tesseract is not installed; install it: apt-get install tesseract-ocr tesseract-ocr-vie"
        )
    if language not in pytesseract.get_languages(config=""):
        raise InputError(
            "this needs OCR but Tesseract's Vietnamese model is missing; install it: apt-get install tesseract-ocr-vie"
        )


def workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


# The pages of the document being OCR'd, opened once in each worker process.
_worker_pages: PageImages | None = None
_worker_options = OcrOptions()


def _start_worker(kind: Kind, data: bytes, options: OcrOptions, max_pixels: int | None) -> None:
    global _worker_pages, _worker_options
    # Every tesseract this worker starts inherits it: one thread per process, a process per core.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _worker_pages, _worker_options = PageImages(kind, data, max_pixels), options


def _ocr_page(index: int) -> OcrPage:
    assert _worker_pages is not None
    image, dpi = _worker_pages.render(index)
    return ocr_image(image, dpi, deskew=_worker_options.deskew, language=_worker_options.language)


def ocr_pages(
    kind: Kind,
    data: bytes,
    indexes: list[int],
    options: OcrOptions | None = None,
    max_pixels: int | None = None,
    *,
    deskew: bool | None = None,
) -> dict[int, OcrPage]:
    """OCR pages ``indexes`` (0-based) of a PDF or image file, a worker process per core (or
    ``options.workers``); ``deskew`` overrides ``options.deskew``."""
    if not indexes:
        return {}
    options = options or OcrOptions()
    if deskew is not None:
        options = replace(options, deskew=deskew)
    check_tesseract(options.language)
    pool = ProcessPoolExecutor(
        max_workers=min(options.workers or workers(), len(indexes)),
        initializer=_start_worker,
        initargs=(kind, data, options, max_pixels),
    )
    try:
        return dict(zip(indexes, pool.map(_ocr_page, indexes), strict=True))
    except BrokenProcessPool as exc:
        raise InputError("OCR stopped: a worker process died (out of memory?); try fewer pages at once") from exc
    finally:
        # Stopped early (the document's time limit): pages not started are dropped, not OCR'd.
        pool.shutdown(wait=True, cancel_futures=True)


def ocr_image(image: Image.Image, dpi: float, *, deskew: bool = True, language: str = LANG) -> OcrPage:
    """OCR one page image; boxes are returned in points (1/72 inch) of the page. Ruled tables are
    found first and their rules painted out, so their words are read as words, not as rules' "|"."""
    gray = despeckle(ink(ImageOps.exif_transpose(image)))
    skew = measure_skew(gray) if deskew else 0.0
    if abs(skew) >= MIN_SKEW:
        # Bilinear: a third of bicubic's time, and the same OCR on the scans measured (bench_ocr)
        gray = gray.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    else:
        skew = 0.0
    pixels = np.array(gray)
    grids = find_grids(pixels, dpi)
    margin = round(dpi / 150)
    for grid in grids:
        grid.erase(pixels, margin)
    try:
        data = _tesseract(pixels, dpi, language, psm=3)
        reread_doubtful_words(data, pixels, dpi, language, [grid.box for grid in grids])  # words of bent lines
        notes = reread_number_lines(data, gray)  # handwritten digits of the header's number line
        notes += reread_date_lines(data, gray, language)  # ... and of its date line
        reread_signer_names(data, pixels, dpi, language, [grid.box for grid in grids])  # names under seals
        cells, taken = ocr_tables.read_cells(data, grids)
        empty, doubtful = ocr_tables.doubtful_cells(cells, grids, pixels, margin)
        for keys, model in ((empty, _cell_language(language)), (doubtful, language)):
            if keys:  # one more run for the cells page segmentation missed, one for those it misread
                stacked, placed = ocr_tables.stack(pixels, grids, keys, margin)
                ocr_tables.reread(cells, _tesseract(stacked, dpi, model, psm=6, extra=NO_RULES), placed)
    except pytesseract.TesseractError as exc:  # tesseract ran and failed: say what it said
        message = " ".join(str(exc.message).split()) or f"exit status {exc.status}"
        return OcrPage([], None, skew, [f"OCR failed on this page: {message}"])
    except RuntimeError:  # pytesseract's timeout (a plain RuntimeError)
        return OcrPage([], None, skew, [f"OCR gave up after {PAGE_TIMEOUT} s"])
    lines, confidence = _lines(data, 72.0 / dpi, gray.width * 72.0 / dpi, taken)
    return OcrPage(lines, confidence, skew, notes, ocr_tables.tables(grids, cells, 72.0 / dpi))


@functools.cache
def _cell_language(language: str) -> str:
    """The models for re-reading table cells read as empty: English's beside Vietnamese where installed,
    since the Vietnamese model drops a lone "1" (a row number) that the English one reads."""
    return f"{language}+eng" if language != "eng" and "eng" in pytesseract.get_languages(config="") else language


def _tesseract(pixels: np.ndarray, dpi: float, language: str, psm: int, extra: str = "") -> dict[str, list]:
    """Tesseract's words with their boxes, lines and confidences (image_to_data)."""
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"  # uncompressed: written and read far faster than PNG
        Image.fromarray(pixels).save(path)
        return pytesseract.image_to_data(
            str(path),
            lang=language,
            config=f"--psm {psm} --dpi {round(dpi)}{extra}",
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_TIMEOUT,
        )


def _lines(
    data: dict[str, list], scale: float, width: float, taken: Collection[int] = ()
) -> tuple[list[Line], float | None]:
    """Tesseract's lines as printed rows, in reading order: where one gutter splits consecutive rows
    (the national header, the signature block), the left column is read before the right one, as in
    a text layer (``vnplan.extract.lines.column_blocks``); tesseract often reads such rows across.
    The words of ``taken`` (a ruled table's) are left out; the confidence counts every word."""
    rows: list[list[Glyph]] = []
    key: tuple[int, int, int] | None = None
    words: list[tuple[str, Box]] = []
    weighted = total = 0.0

    def flush() -> None:
        if not words:
            return
        size = float(np.median([box[3] - box[1] for _, box in words]))
        # a letter no taller than a rule is a speck (realdocs 25: "cán n bộ", an "n" 3 pixels high)
        words[:] = [(w, b) for w, b in words if b[3] - b[1] >= SPECK_HEIGHT * size or not w.isalpha()]
        row: list[Glyph] = []
        for k, (word, box) in enumerate(words):
            if k:  # a word break tesseract found, whatever the gap
                row.append(Glyph(" ", words[k - 1][1][2], box[0], box[1], box[3], size, None))
            row.extend(
                Glyph(ch, b[0], b[2], b[1], b[3], size, None)
                for ch, b in zip(word, _split_box(box, len(word)), strict=True)
            )
        rows.append(row)
        words.clear()

    for k, raw in enumerate(data["text"]):
        word = unicodedata.normalize("NFC", raw.strip()).translate(OCR_LOOKALIKES)
        if not word:
            continue
        conf = float(data["conf"][k])
        if conf >= 0:
            weighted += conf * len(word)
            total += len(word)
        this = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        if k in taken or (_speck(word, conf) and not (this != key and word in LIST_MARKS)):
            continue
        if this != key:
            flush()
            key = this
        x, y, w, h = (data[n][k] * scale for n in ("left", "top", "width", "height"))
        words.append((word, (x, y, x + w, y + h)))
    flush()
    lines = [line for block in column_blocks(rows, width) for line in block.lines]
    return lines, (round(weighted / total / 100, 4) if total else None)


def _speck(word: str, confidence: float) -> bool:
    return confidence < MARK_CONFIDENCE and not WORD_CHARACTER.search(word)


def _split_box(box: Box, n: int) -> list[Box]:
    """A word's box shared out evenly between its characters."""
    x0, top, x1, bottom = box
    step = (x1 - x0) / max(n, 1)
    return [(x0 + i * step, top, x0 + (i + 1) * step, bottom) for i in range(n)]


def measure_skew(gray: Image.Image) -> float:
    """Skew angle in degrees (counter-clockwise rotation that straightens the text lines).

    Projection profiles: on a reduced, binarized copy, the angle whose row sums vary most is the
    one that lines the text rows up with the pixel rows.
    """
    small = gray.copy()
    small.thumbnail((600, 600))
    ink = small.point(lambda v: 255 if v < 128 else 0)

    def score(angle: float) -> float:
        rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = np.frombuffer(rotated.tobytes(), np.uint8).reshape(rotated.height, rotated.width)
        sums = rows.sum(axis=1, dtype=np.int64)
        return float(np.sum(np.diff(sums) ** 2))

    coarse = [float(a) for a in range(-int(MAX_SKEW), int(MAX_SKEW) + 1)]
    best = max(coarse, key=score)
    fine = [best + a / 10 for a in range(-7, 8)]
    return max(fine, key=score)


def despeckle(gray: Image.Image) -> Image.Image:
    """The page with isolated specks (dust, scanner noise) turned white.

    A speck is an ink component smaller than SPECK_AREA x stroke width squared with no other ink
    nearby; the stroke width (the most common horizontal ink run) scales both to the page's
    resolution and type, so dots and periods, as wide as a stroke or wider, stay. With ``r`` half
    the stroke width, pixel p is a seed when the ink within ``r`` of it is all the ink within
    ``2r`` (so p's component fits in that window, isolated), is small, and every ink pixel within
    ``r`` passes the same test; all ink within ``r`` of a seed is erased: whole components, never
    part of a letter.
    """
    pixels = np.asarray(gray)
    ink = pixels < 128
    width = _stroke_width(ink)
    if width is None:
        return gray
    r = (width + 1) // 2
    inner = _window_sum(ink, r)
    small = ink & (inner == _window_sum(ink, 2 * r)) & (inner <= SPECK_AREA * width * width)
    seeds = small & (_window_sum(small, r) == inner)
    erase = ink & (_window_sum(seeds, r) > 0)
    if not erase.any():
        return gray
    cleared = pixels.copy()
    cleared[erase] = 255
    return Image.fromarray(cleared)


def _stroke_width(ink: np.ndarray) -> int | None:
    """The most common length of a horizontal ink run (every fourth row), or None on a near-empty page."""
    edges = np.diff(ink[::4].view(np.int8), axis=1, prepend=0, append=0).ravel()
    runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    runs = runs[runs < 50]
    return int(np.bincount(runs).argmax()) if runs.size >= 200 else None


def _window_sum(mask: np.ndarray, r: int) -> np.ndarray:
    """How many pixels of ``mask`` lie in the (2r+1) x (2r+1) window around each pixel."""
    height, width = mask.shape
    padded = np.pad(mask.view(np.uint8), r)
    # Bytes where the count fits (windows up to 15 x 15): a sixth of the time of 16-bit sums.
    dtype = np.uint8 if (2 * r + 1) ** 2 < 256 else np.uint16
    rows = np.zeros((height + 2 * r, width), dtype)
    for dx in range(2 * r + 1):
        rows += padded[:, dx : dx + width]
    total = np.zeros((height, width), dtype)
    for dy in range(2 * r + 1):
        total += rows[dy : dy + height]
    return total
