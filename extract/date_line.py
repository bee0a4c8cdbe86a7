"""The date line of a scanned header ("Kiên Giang, ngày 17 tháng 11 năm 2017"), whose day, and often
month, are written in by hand or stamped at signing into blanks of the printed line. The page's OCR
reads them as marks ("ngày Í ?tháng 1] năm", "ngày44tháng Q@năm"), and the document's date loses
its day or month.

Each blank the page's reading is not sure of (not a plausible number read with confidence) is read
again on its own (``blank_digits``), and rewritten only when its readings agree; otherwise it stays
as the page's OCR read it, and structure reports the date as unread (``date_unread``).
"""

from __future__ import annotations

import regex
from PIL import Image

from vnplan.extract import blank_digits
from vnplan.extract.word_table import rewrite_words, word_lines, words_box

# "ngày … tháng … năm 2017" as the page's OCR reads it, the blanks glued to the printed words or not
# ("ngày44tháng Q@năm 2026"); the year is printed.
DATE_WORDS = regex.compile(
    r"(?P<head>.*?)(?P<day_word>ng[àáa]y)(?P<day>.*?)(?P<month_word>th[áa]ng)(?P<month>.*?)"
    r"(?P<year_word>n[ăa]m)(?P<tail>\s*(?:19|20)\d\d\S*)"
)
# The comma after the place, before "ngày" (glued to it or not).
PLACE_COMMA = regex.compile(r"\p{L},\s*\S{0,2}ng[àáa]y")
# The same words in a line's second reading, character by character (no spaces).
DATE_CHARS = regex.compile(
    r"(?P<day_word>ng[àáa]y)(?P<day>.*?)(?P<month_word>th[áa]ng)(?P<month>.*?)(?P<year_word>n[ăa]m)"
)
# A day or month the page's reading holds with this confidence (percent) stands.
SURE = 80.0
# Date lines stand in the header: the upper half of the page.
HEADER_SHARE = 0.5
# Each blank: the group of its value, the printed words around it, the values it may take.
BLANKS = (
    ("day", "day_word", "month_word", range(1, 32)),
    ("month", "month_word", "year_word", range(1, 13)),
)


def reread_date_lines(data: dict[str, list], gray: Image.Image, language: str) -> list[str]:
    """Rewrite, in Tesseract's word table ``data`` (pixels of ``gray``), the blanks of the header's
    date line that were not read for sure and whose second readings agree; returns notes on what was
    read again (the method and how many readings agreed, or why a blank was left as it was)."""
    if not blank_digits.available():
        return []
    for words in word_lines(data):
        if data["top"][words[0]] > gray.height * HEADER_SHARE:
            continue
        # from the word holding "ngày" (the line may begin with the number line's column) to the year's
        starts = [k for k in range(len(words)) if DATE_WORDS.match(_text(data, words[k:]))]
        if starts and _after_place(data, words[: starts[-1] + 1]):
            rest = words[starts[-1] :]
            end = next(k for k in range(1, len(rest) + 1) if DATE_WORDS.match(_text(data, rest[:k])))
            return _reread(data, gray, language, rest[:end])
    return []


def _text(data: dict[str, list], words: list[int]) -> str:
    return " ".join(data["text"][i].strip() for i in words)


def _after_place(data: dict[str, list], words: list[int]) -> bool:
    """The date of the place-and-date line follows its place and a comma ("Kiên Giang, ngày"); a date
    cited in the preamble ("Quyết định số … ngày 01 tháng 11 năm 2017") follows no comma."""
    return bool(PLACE_COMMA.search(_text(data, words)))


def _reread(data: dict[str, list], gray: Image.Image, language: str, part: list[int]) -> list[str]:
    m = DATE_WORDS.match(_text(data, part))
    assert m is not None
    unsure = [blank for blank in BLANKS if not _sure(data, part, m[blank[0]], blank[3])]
    if not unsure:
        return []
    line = words_box(data, part)
    chars = blank_digits.line_chars(gray, line, language)
    values = {name: m[name].strip() for name, *_ in BLANKS}
    notes = []
    for name, before, after, allowed in unsure:
        reading = blank_digits.read_between(
            gray, line, chars, (DATE_CHARS, before, after), lambda digits, ok=allowed: int(digits) in ok
        )
        if reading is None:
            if m[name].strip():  # marks stand there, and the blank's place on the line is not known
                notes.append(f"the {name} of the date line could not be found again on the line: left as read")
            continue
        if reading.value is None:
            if reading.glyphs:
                notes.append(
                    f"the {name} of the date line (written in by hand?) was not read for sure: "
                    f"left unread (readings: {reading.describe()})"
                )
            continue
        values[name] = reading.value
        notes.append(f"the {name} of the date line read again from its blank with digits only: {reading.describe()}")
    if any(values[name] != m[name].strip() for name, *_ in BLANKS):
        new = f"{m['head']}{m['day_word']} {values['day']} {m['month_word']} {values['month']} {m['year_word']}{m['tail']}"
        rewrite_words(data, part, new.split())
    return notes


def _sure(data: dict[str, list], part: list[int], value: str, allowed: range) -> bool:
    """A blank the page's reading holds as a plausible number, in words read with confidence."""
    value = value.strip()
    if not (value.isdigit() and int(value) in allowed):
        return False
    holding = [i for i in part if value in data["text"][i]]
    return bool(holding) and min(float(data["conf"][i]) for i in holding) >= SURE
