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

from functools import cache

import pytesseract
import regex
from PIL import Image, ImageFilter

from vnplan.extract.word_table import PixelBox, share_box, word_lines, words_box

# Tesseract's English model, installed with tesseract itself (Debian's tesseract-ocr depends on it).
DIGITS_LANGUAGE = "eng"
# "Số" (as OCR reads it: "Só", "S6", "Số"), an optional colon, whatever stands for the digits, the
# slash (read "/", "[", "|" or "(", or lost under the pen), then the printed code ("KH-SYT", "KH-TCTLNTW-C04").
NUMBER_WORDS = regex.compile(
    r"^S\S{0,2}?\s*[:.]?\s*(?P<digits>[^/\[|(\s]*?)\s*[/\[|(]{0,2}\s*(?P<code>\p{Lu}{2,}(?:[-–]\p{Lu}[\p{Lu}\d]*)+)$"
)
# The digits of a reading: up to five digits just before the slash.
READ_DIGITS = regex.compile(r"(\d{1,5})\s*/")
WHITELIST = "0123456789/:-ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A printed number Tesseract is sure of is left alone (confidence in percent, of every word).
SURE = 80.0
# The line's crop gets this share of its height as white margin on every side.
MARGIN = 0.3
# Number lines stand in the header: the upper half of the page.
HEADER_SHARE = 0.5


@cache
def _available() -> bool:
    return DIGITS_LANGUAGE in pytesseract.get_languages(config="")


def reread_number_lines(data: dict[str, list], gray: Image.Image) -> int:
    """Rewrite, in Tesseract's word table ``data`` (pixels of ``gray``), the header's number lines
    whose digits both second readings agree on; returns how many were rewritten."""
    if not _available():
        return 0
    rewritten = 0
    for words in word_lines(data):
        if data["top"][words[0]] > gray.height * HEADER_SHARE:
            continue
        rewritten += _number(data, gray, words)
    return rewritten


def _sure(data: dict[str, list], part: list[int]) -> bool:
    return min(float(data["conf"][i]) for i in part) >= SURE


def _number(data: dict[str, list], gray: Image.Image, words: list[int]) -> int:
    for k in range(1, min(len(words), 3) + 1):  # the number is the line's first one to three words
        part = words[:k]
        m = NUMBER_WORDS.match(" ".join(data["text"][i].strip() for i in part))
        if m is None:
            continue
        if m["digits"].isdigit() and _sure(data, part):
            return 0
        readings = _readings(gray, words_box(data, part), WHITELIST, READ_DIGITS)
        if readings is None:
            return 0
        _rewrite(data, part, ["Số:", f"{readings[0]}/{m['code']}"])
        return 1
    return 0


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
                thick, lang=DIGITS_LANGUAGE, config=f"--psm {psm} -c tessedit_char_whitelist={whitelist}", timeout=30
            )
        except (pytesseract.TesseractError, RuntimeError):
            return None
        m = pattern.search(text)
        if m is None:
            return None
        readings.append(m.groups())
    return readings[0] if readings[0] == readings[1] else None


def _rewrite(data: dict[str, list], part: list[int], new: list[str]) -> None:
    """The words ``part`` become the words ``new``, sharing the old words' box as their lengths do.
    Extra new words join the last old word (a word may hold spaces: the line keeps them)."""
    box = words_box(data, part)
    slots = part[: len(new)]
    texts = [*new[: len(slots) - 1], " ".join(new[len(slots) - 1 :])]
    for i in part:
        data["text"][i] = ""
    for i, text, (left, width) in zip(slots, texts, share_box(box, texts), strict=True):
        data["text"][i], data["left"][i], data["width"][i] = text, left, width
        data["top"][i], data["height"][i] = box[1], box[3] - box[1]
