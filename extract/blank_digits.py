"""Digits written (or stamped) into a blank of a printed header line: the number between "Số:" and
"/KH-SYT", the day between "ngày" and "tháng", the month between "tháng" and "năm". The page's OCR
reads such entries as letters or marks ("Sóz?(/KH-SYT", "ngày ÈØ tháng 3", "tháng 1] năm"), since
its Vietnamese model sees them inside words.

The blank is found from the printed words around it: the line's crop is read once more as one text
line (``--psm 7``) for the boxes of its characters, and the blank is what lies between the last
character of the word before it and the first character of the word after it. Its crop is cleaned
(marks shorter than a third of the tallest glyph or of the line go: a colon's dots, dot leaders, specks; rows of a
rule drawn across go too; a colour scan already comes without its red stamps, ``page_images.ink``)
and read with Tesseract's English model restricted to digits, in several configurations (line and
raw-line segmentation, as scanned and with thickened strokes, full and reduced size).

A reading is accepted only when it is consistent: as many digits as the blank holds glyphs (ink
groups side by side), plausible for its field (a day 1-31, a month 1-12), read the same by at least
MIN_AGREE configurations, and no configuration reading another value with that many digits. Pen
digits Tesseract misreads ("17" read "12" by some configurations, "24" read "4") are thereby left
unread, never guessed: a wrong number is worse than none.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pytesseract
import regex
from PIL import Image, ImageFilter, ImageOps

from vnplan.extract.signer_names import connected_groups
from vnplan.extract.word_table import PixelBox

# Tesseract's English model, installed with tesseract itself (Debian's tesseract-ocr depends on it).
DIGITS_LANGUAGE = "eng"
# Pixels darker than this are ink (of 0-255 grey).
INK = 140
# A glyph is at least this share of the tallest one's height, and of the printed line's: a colon's dots,
# dot leaders and specks are not.
GLYPH_HEIGHT = 0.35
# Two ink parts are one glyph when they overlap horizontally by this share of the narrower (a "5"'s bar).
SAME_GLYPH = 0.5
# A glyph the crop's side cuts, narrower than this share of the crop's median glyph, is a piece of the
# printed letter beside the blank; a digit touching the letter is as wide as the others.
SLIVER = 0.5
# A row of ink across this share of the crop's width is a rule (an underline, a form's line), not a digit.
RULE_WIDTH = 0.6
# The configurations a blank is read with: page segmentation (a line, a raw line), stroke (as scanned,
# thickened by a 3-pixel minimum filter: a pen's thin strokes), size (full, reduced).
PSMS = (7, 13)
STROKES = (1, 3)
SCALES = (1.0, 0.6)
# Readings of one value needed (of the len(STROKES) * len(SCALES) * len(PSMS) = 8 configurations) for it
# to be accepted.
MIN_AGREE = 3
# White margin around the glyphs, a share of their height.
MARGIN = 0.3
# Ink is at least this much darker than the paper (of 0-255 grey): a blank crop has no ink at all.
MIN_CONTRAST = 60
# A character of the line's reading this many times wider than the line's median character has taken
# in the handwriting beside it ("t" of "17tháng", "n" of "02năm").
WIDE = 1.6


@dataclass(frozen=True)
class Char:
    """One character of a line's second reading, with its box in page pixels."""

    text: str
    left: int
    right: int


@dataclass(frozen=True)
class BlankReading:
    """What the readings of one blank gave: the accepted ``value`` (None when no reading is sure),
    the glyphs counted in the crop and every configuration's reading."""

    value: str | None
    glyphs: int
    readings: tuple[str, ...]

    @property
    def agreeing(self) -> int:
        return sum(r == self.value for r in self.readings) if self.value else 0

    def describe(self) -> str:
        """The readings for a note: "17 (3 of 8 digit readings agree)", or each reading with its count."""
        if self.value:
            return f"{self.value} ({self.agreeing} of {len(self.readings)} digit readings agree)"
        counts = Counter(r or "nothing" for r in self.readings)
        return ", ".join(f"{r} ×{n}" for r, n in counts.most_common())


@cache
def available() -> bool:
    return DIGITS_LANGUAGE in pytesseract.get_languages(config="")


def line_chars(gray: Image.Image, box: PixelBox, language: str) -> list[Char]:
    """The characters of the line in ``box`` of the page ``gray``, read again as one text line with
    ``language``, with their horizontal extent in page pixels (Tesseract's boxes count from the
    bottom of the crop; only left and right are kept)."""
    x0, top, x1, bottom = box
    pad = round((bottom - top) * 0.3)
    left = max(0, x0 - pad)
    crop = gray.crop((left, max(0, top - pad), x1 + pad, bottom + pad))
    try:
        boxes = pytesseract.image_to_boxes(crop, lang=language, config="--psm 7", timeout=30)
    except (pytesseract.TesseractError, RuntimeError):
        return []
    chars = []
    for row in boxes.splitlines():
        parts = row.split(" ")
        if len(parts) < 5:
            continue
        for ch in unicodedata.normalize("NFC", parts[0]):
            chars.append(Char(ch, left + int(parts[1]), left + int(parts[3])))
    return chars


def blank_between(chars: list[Char], pattern: regex.Pattern, before: str, after: str) -> tuple[int, int] | None:
    """The horizontal extent (page pixels) of the blank between groups ``before`` and ``after`` of
    ``pattern`` matched on the characters' text; None when the pattern is not found there."""
    text = "".join(c.text for c in chars)
    m = pattern.search(text)
    if m is None or m.end(before) <= m.start(before) or m.end(after) <= m.start(after):
        return None
    median = round(float(np.median([c.right - c.left for c in chars])))
    last, first = m.end(before) - 1, m.start(after)
    left, right = chars[last].right, chars[first].left
    # a printed letter beside the blank that took in the entry: the blank ends a letter's width from
    # the letter's other side (a crop that cuts through ink is refused by read_blank)
    if chars[last].right - chars[last].left > WIDE * median and last > m.start(before):
        left = chars[last - 1].right + median
    if chars[first].right - chars[first].left > WIDE * median and first + 1 < m.end(after):
        right = chars[first + 1].left - median
    return (left, right) if right - left > median else None


def read_between(
    gray: Image.Image,
    line: PixelBox,
    chars: list[Char],
    where: tuple[regex.Pattern, str, str],
    plausible: Callable[[str], bool],
) -> BlankReading | None:
    """Read the blank of the printed line ``line`` (box in page pixels) that lies between groups
    ``where`` = (pattern, before, after) of its characters ``chars``; None when it is not found."""
    span = blank_between(chars, *where)
    if span is None:
        return None
    _, top, _, bottom = line
    reach = (bottom - top) // 2  # a pen's entry stands taller than the print: half a line above and below
    return read_blank(gray, (span[0], max(0, top - reach), span[1], bottom + reach), plausible, bottom - top)


def read_blank(gray: Image.Image, box: PixelBox, plausible: Callable[[str], bool], line_height: int) -> BlankReading:
    """Read the digits in ``box`` of the page ``gray`` in each configuration and decide; the readings
    stop once the outcome is known (two values read, or no value able to reach MIN_AGREE)."""
    crop, glyphs, sliver = clean(np.array(gray.crop(box)), line_height)
    if glyphs == 0 or sliver:  # nothing written in, or a piece of the print beside the blank in the crop
        return BlankReading(None, glyphs, ())
    framed = ImageOps.expand(crop, max(1, round(crop.height * MARGIN)), 255)
    readings: list[str] = []
    configurations = list(itertools.product(STROKES, SCALES, PSMS))
    for stroke, scale, psm in configurations:
        image = framed if stroke == 1 else framed.filter(ImageFilter.MinFilter(stroke))
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        readings.append(_digits(image if scale == 1.0 else image.resize(size, Image.Resampling.LANCZOS), psm))
        candidates = _candidates(readings, glyphs, plausible)
        votes = max(candidates.values(), default=0)
        if len(candidates) > 1 or votes + len(configurations) - len(readings) < MIN_AGREE:
            break  # decided: two values, or too few readings left for any value to reach MIN_AGREE
    return BlankReading(decide(readings, glyphs, plausible), glyphs, tuple(readings))


def decide(readings: list[str], glyphs: int, plausible: Callable[[str], bool]) -> str | None:
    """The value the readings agree on: as many digits as glyphs, plausible, read by MIN_AGREE
    configurations, and no other such value read at all."""
    candidates = _candidates(readings, glyphs, plausible)
    if len(candidates) != 1:
        return None
    value, votes = candidates.most_common(1)[0]
    return value if votes >= MIN_AGREE else None


def _candidates(readings: list[str], glyphs: int, plausible: Callable[[str], bool]) -> Counter[str]:
    return Counter(r for r in readings if len(r) == glyphs and plausible(r))


def clean(pixels: np.ndarray, line_height: int) -> tuple[Image.Image, int, bool]:
    """The crop cut to its glyphs, with rules and small marks turned white; how many glyphs (ink
    groups side by side) it holds; whether one of them is a sliver the crop's side cuts (a piece of
    the printed letter beside the blank, which would read as a "1"). Ink is told from paper halfway
    between the crop's paper and its darkest ink, so a faint pen's strokes count; the glyphs keep
    their grey edges."""
    paper, dark = float(np.median(pixels)), float(np.percentile(pixels, 1))
    ink = pixels < min(paper - MIN_CONTRAST, max(INK, (paper + dark) / 2))
    ink[ink.mean(axis=1) > RULE_WIDTH] = False
    parts = [(min(r for r, _ in g), max(r for r, _ in g) + 1, g) for g in connected_groups(ink)]
    tallest = max((bottom - top for top, bottom, _ in parts), default=0)
    least = GLYPH_HEIGHT * max(tallest, line_height)  # a blank holding only a colon holds no glyph
    cleaned = pixels.copy()
    kept = np.zeros_like(ink)
    for top, bottom, group in parts:
        rows, cols = (list(axis) for axis in zip(*group, strict=True))
        if bottom - top >= least:
            kept[rows, cols] = True
        else:
            cleaned[rows, cols] = 255
    cleaned[~ink.any(axis=1)] = 255  # rows of no ink: the rules' rows and the paper around
    if not kept.any():
        return Image.fromarray(np.full_like(pixels, 255)), 0, False
    rows, cols = np.flatnonzero(kept.any(axis=1)), np.flatnonzero(kept.any(axis=0))
    spans = _merged([(min(c for _, c in g), max(c for _, c in g) + 1) for g in connected_groups(kept)])
    image = Image.fromarray(cleaned[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
    width = float(np.median([x1 - x0 for x0, x1 in spans]))
    sliver = any((x0 == 0 or x1 == pixels.shape[1]) and x1 - x0 < SLIVER * width for x0, x1 in spans)
    return image, len(spans), sliver


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The horizontal spans of the glyphs ink parts with these spans make: parts overlapping by
    SAME_GLYPH of the narrower are one."""
    groups: list[tuple[int, int]] = []
    for x0, x1 in sorted(spans):
        if groups:
            g0, g1 = groups[-1]
            if min(g1, x1) - max(g0, x0) > SAME_GLYPH * min(x1 - x0, g1 - g0):
                groups[-1] = (min(g0, x0), max(g1, x1))
                continue
        groups.append((x0, x1))
    return groups


def _digits(image: Image.Image, psm: int) -> str:
    try:
        text = pytesseract.image_to_string(
            image, lang=DIGITS_LANGUAGE, config=f"--psm {psm} -c tessedit_char_whitelist=0123456789", timeout=30
        )
    except (pytesseract.TesseractError, RuntimeError):
        return ""
    return "".join(ch for ch in text if ch.isdigit())
