"""Words Tesseract read with little confidence, read again each on its own.

In a page's reading Tesseract recognises a word within its line; where the line is not straight
text, the word is misread: a "Nơi nhận" item set beside the signer's title at another height is
read in one line with it ("- BGĐ SYT;" read "_NGBpVr:", confidence 0, realdocs 25), a pen stroke
crossing an item bends its line ("VT," read "VTf;"). Cropped to its own box, such a word is read
as one text line and mostly comes back right. Every doubtful word of the page is cropped, the crops
stacked one below the other, and the stack read in one run (``--psm 4``, a column of lines of
varied size: ``--psm 6`` read "BGĐ" as "BGĐÐ" there); a word's second reading
replaces the first only when Tesseract is sure of every word of it, so a seal's mark or a scrawl
(read with little confidence either way) is never given a word's shape. A word of one character
is left as read: alone, a capital "Y" beside a speck was read "kế" with confidence 90.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytesseract
import regex

from vnplan.extract.builder import Box
from vnplan.extract.word_table import rewrite_words

# A word read with less confidence (percent) than this is read again ...
DOUBT = 60.0
# ... and the second reading stands when each of its words is read with at least this.
SURE = 80.0
# A word's crop gets this share of the word's height as margin on every side (accents stand above
# the box Tesseract gives a word on a bent line).
MARGIN = 1 / 3
# White rows between two crops of the stack, as a share of the tallest crop: the stack is read as
# lines of text, one per crop.
GAP = 1.0
WORD_CHARACTER = regex.compile(r"[\p{L}\p{N}]")


def reread_doubtful_words(
    data: dict[str, list], pixels: np.ndarray, dpi: float, language: str, tables: Sequence[Box] = ()
) -> int:
    """Read the doubtful words of Tesseract's word table ``data`` (of the grey page ``pixels``)
    again, outside the ruled ``tables`` (pixel boxes; their cells are read again on their own);
    returns how many were replaced."""
    doubtful = [i for i, text in enumerate(data["text"]) if _doubtful(data, i, tables)]
    if not doubtful:
        return 0
    crops = [_crop(data, i, pixels) for i in doubtful]
    gap = max(1, round(GAP * max(crop.shape[0] for crop in crops)))
    width = max(crop.shape[1] for crop in crops) + 2 * gap
    stack = np.full((sum(crop.shape[0] + gap for crop in crops) + gap, width), 255, dtype=np.uint8)
    tops = []
    top = gap
    for crop in crops:
        stack[top : top + crop.shape[0], gap : gap + crop.shape[1]] = crop
        tops.append(top)
        top += crop.shape[0] + gap
    again = pytesseract.image_to_data(
        stack, lang=language, config=f"--psm 4 --dpi {round(dpi)}", output_type=pytesseract.Output.DICT
    )
    readings: list[list[tuple[int, str, float]]] = [[] for _ in doubtful]
    for k, text in enumerate(again["text"]):
        if text.strip():
            middle = again["top"][k] + again["height"][k] / 2
            row = max(0, int(np.searchsorted(tops, middle, side="right")) - 1)
            readings[row].append((again["left"][k], text.strip(), float(again["conf"][k])))
    replaced = 0
    for i, reading in zip(doubtful, readings, strict=True):
        words = [text for _, text, _ in sorted(reading)]
        if (
            reading
            and all(conf >= SURE for _, _, conf in reading)
            and WORD_CHARACTER.search("".join(words))
            and " ".join(words).casefold() != data["text"][i].strip().casefold()
        ):
            rewrite_words(data, [i], words)
            data["conf"][i] = min(conf for _, _, conf in reading)
            replaced += 1
    return replaced


def _doubtful(data: dict[str, list], i: int, tables: Sequence[Box]) -> bool:
    text, conf = data["text"][i].strip(), float(data["conf"][i])
    if len(text) < 2 or not 0 <= conf < DOUBT or not WORD_CHARACTER.search(text):
        return False
    x, y = data["left"][i] + data["width"][i] / 2, data["top"][i] + data["height"][i] / 2
    return not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in tables)


def _crop(data: dict[str, list], i: int, pixels: np.ndarray) -> np.ndarray:
    x, y, w, h = (int(data[n][i]) for n in ("left", "top", "width", "height"))
    margin = max(1, round(MARGIN * h))
    return pixels[max(0, y - margin) : y + h + margin, max(0, x - margin) : x + w + margin]
