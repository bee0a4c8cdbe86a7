"""The number line of a scanned header ("Số: 2155/KH-SYT"), whose digits are very often written in
by hand at signing. Tesseract's Vietnamese model reads handwritten digits as letters ("Sóz?|/KH-SYT",
"Số:-“455", "Só:đÓ6"), or as the wrong digits with low confidence (":352/KH-SYT" for 359).

Such a number is read again from the line's crop with Tesseract's English model restricted to the
characters of a number line, with pen strokes thickened, twice: as one text line (``--psm 7``) and as
raw text (``--psm 13``). The digits are taken only when both readings agree; otherwise the line stays
as the page's OCR read it (a missing number is better than a wrong one). The code after the slash
stays the Vietnamese reading ("QĐ", "UBND" are printed, not handwritten).
"""

from __future__ import annotations

import pytesseract
import regex
from PIL import Image, ImageFilter

from vnplan.extract import blank_digits
from vnplan.extract.word_table import PixelBox, rewrite_words, word_lines, words_box

# "Số" (as OCR reads it: "Só", "S6", "Số"), an optional colon, whatever stands for the digits, the
# slash (read "/", "[", "|" or "(", or lost under the pen), then the printed code ("KH-SYT", "KH-TCTLNTW-C04").
NUMBER_WORDS = regex.compile(
    r"^S\S{0,2}?\s*[:.]?\s*(?P<digits>[^/\[|(\s]*?)\s*[/\[|(]{0,2}\s*(?P<code>\p{Lu}{2,}(?:[-–]\p{Lu}[\p{Lu}\d]*)+)$"
)
# The same line in a second reading, character by character: "Số", whatever stands in the blank, then
# the slash (or what OCR made of it) and the printed code's first capitals. Without the slash the
# blank's right edge is not known (a slash inside the crop reads as a "1").
NUMBER_CHARS = regex.compile(r"(?P<so>S[ốóòỏõọôồổỗộoơ6])(?P<digits>.*?)(?P<code>[/\[|(]\p{Lu}{2})")
# The model the line is read again with for its characters' boxes: the page's own (the printed words).
READ_LANGUAGE = "vie"
# The digits of a reading: up to five digits just before the slash.
READ_DIGITS = regex.compile(r"(\d{1,5})\s*/")
WHITELIST = "0123456789/:-ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A printed number Tesseract is sure of is left alone (confidence in percent, of every word).
SURE = 80.0
# The line's crop gets this share of its height as white margin on every side.
MARGIN = 0.3
# Number lines stand in the header: the upper half of the page.
HEADER_SHARE = 0.5


def reread_number_lines(data: dict[str, list], gray: Image.Image) -> list[str]:
    """Rewrite, in Tesseract's word table ``data`` (pixels of ``gray``), the header's number lines
    whose digits both second readings agree on; returns notes on what was read again."""
    if not blank_digits.available():
        return []
    notes: list[str] = []
    for words in word_lines(data):
        if data["top"][words[0]] > gray.height * HEADER_SHARE:
            continue
        notes += _number(data, gray, words)
    return notes


def _sure(data: dict[str, list], part: list[int]) -> bool:
    return min(float(data["conf"][i]) for i in part) >= SURE


def _number(data: dict[str, list], gray: Image.Image, words: list[int]) -> list[str]:
    for k in range(1, min(len(words), 3) + 1):  # the number is the line's first one to three words
        part = words[:k]
        m = NUMBER_WORDS.match(" ".join(data["text"][i].strip() for i in part))
        if m is None:
            continue
        if m["digits"].isdigit() and _sure(data, part):
            return []
        readings = _readings(gray, words_box(data, part), WHITELIST, READ_DIGITS)
        if readings is not None:
            digits, note = (
                readings[0],
                "the number's digits read again from the line with the English model (2 readings agree)",
            )
        else:  # the whole line's readings disagree: the blank alone, digits only
            digits, note = _blank(data, gray, part)
        if digits is None:
            return [note] if note else []
        rewrite_words(data, part, ["Số:", f"{digits}/{m['code']}"])
        return [f"{note}: {digits}/{m['code']}"]
    return []


def _blank(data: dict[str, list], gray: Image.Image, part: list[int]) -> tuple[str | None, str | None]:
    """The digits in the blank between "Số:" and the slash (``blank_digits``), with a note on the
    readings; no digits when they are not sure, and no note when the blank is not found or empty."""
    line = words_box(data, part)
    chars = blank_digits.line_chars(gray, line, READ_LANGUAGE)
    reading = blank_digits.read_between(gray, line, chars, (NUMBER_CHARS, "so", "code"), _plausible)
    if reading is None:
        return None, None
    if reading.value is None:
        note = f"the number's digits (written in by hand?) were not read for sure: left unread ({reading.describe()})"
        return None, note if reading.glyphs else None
    return reading.value, f"the number's digits read again from its blank with digits only: {reading.describe()}"


def _plausible(digits: str) -> bool:
    return 1 <= len(digits) <= 5


def _readings(gray: Image.Image, box: PixelBox, whitelist: str, pattern: regex.Pattern) -> tuple[str, ...] | None:
    """The groups of ``pattern`` in both readings of the crop, when they agree."""
    x0, top, x1, bottom = box
    pad = round((bottom - top) * MARGIN)
    crop = gray.crop((max(0, x0 - pad), max(0, top - pad), x1 + pad, bottom + pad))
    thick = crop.filter(ImageFilter.MinFilter(3))  # a pen's thin strokes, thickened (dark spreads)
    readings = []
    for psm in (7, 13):
        try:
            text = pytesseract.image_to_string(
                thick,
                lang=blank_digits.DIGITS_LANGUAGE,
                config=f"--psm {psm} -c tessedit_char_whitelist={whitelist}",
                timeout=30,
            )
        except (pytesseract.TesseractError, RuntimeError):
            return None
        m = pattern.search(text)
        if m is None:
            return None
        readings.append(m.groups())
    return readings[0] if readings[0] == readings[1] else None
