"""Doubtful words read again on their own (extract/doubtful_words.py) and a signature block's
right-hand rows joined (extract/lines.py ``_column_rows``). Crop: realdocs 25 p4
(tests/fixtures/ocr_gold, transcribed from the image): the "Nơi nhận" list beside the signer's
titles, whose lines stand at other heights than the list's."""

from __future__ import annotations

from functools import cache

import numpy as np
from PIL import Image
from reader_support import fixture

from vnplan.extract.doubtful_words import reread_doubtful_words
from vnplan.extract.lines import Glyph, column_blocks
from vnplan.extract.ocr import ocr_image

CROP = fixture("ocr_gold/25_p4_signature.jpg")


@cache
def lines() -> list[str]:
    with Image.open(CROP) as image:
        return [line.text for line in ocr_image(image, 300.0).lines]


def test_a_list_item_read_across_the_signers_title_is_read_again() -> None:
    # the page's reading put "- BGĐ SYT;" in one line with "PHÓ GIÁM" beside it: "_NGBpVr:", confidence 0
    assert "- BGĐ SYT;" in lines()
    assert not any("NGBpVr" in line for line in lines())


def test_the_signers_title_parts_at_one_height_are_one_row() -> None:
    # "ĐỐC" was read in the row of one list item, "PHÓ GIÁM" in the next: two rows of the right column
    assert any(line.startswith("PHÓ GIÁM Đ") for line in lines())


def _table(words: list[tuple[str, float, int]]) -> dict[str, list]:
    """Tesseract's word table for words (text, confidence, left), one line."""
    columns = ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height")
    table: dict[str, list] = {n: [] for n in columns}
    for text, conf, left in words:
        for name, value in zip(columns, (text, conf, 1, 1, 1, left, 20, 30 * len(text), 40), strict=True):
            table[name].append(value)
    return table


def test_a_sure_word_and_a_one_letter_word_are_not_read_again() -> None:
    # a blank page: any second reading would find nothing, so a word that changed was read again
    table = _table([("Kế", 95.0, 20), ("Y", 10.0, 120), ("hoạch", 90.0, 200)])
    assert reread_doubtful_words(table, np.full((100, 600), 255, np.uint8), 300.0, "vie") == 0
    assert table["text"] == ["Kế", "Y", "hoạch"]


def test_a_second_reading_that_finds_nothing_leaves_the_word() -> None:
    table = _table([("c(@*", 12.0, 20)])
    assert reread_doubtful_words(table, np.full((100, 600), 255, np.uint8), 300.0, "vie") == 0
    assert table["text"] == ["c(@*"]


def _glyphs(text: str, x: float, top: float, size: float = 10.0) -> list[Glyph]:
    return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + size, size, None) for k, ch in enumerate(text)]


def test_column_rows_at_one_height_are_joined_and_rows_apart_are_not() -> None:
    # OCR's rows across a gutter: the right column's "ĐỐC" (top 61) and "PHÓ GIÁM" (top 63) fell in
    # two rows of the left column's list; the right column's first row stands apart (top 40)
    rows = [
        [*_glyphs("Nơi nhận:", 0, 40), *_glyphs("GIÁM ĐỐC", 300, 40)],
        [*_glyphs("- Các đơn vị;", 0, 60), *_glyphs("ĐỐC", 360, 61)],
        [*_glyphs("- Lưu VT.", 0, 80), *_glyphs("PHÓ GIÁM", 300, 63)],
    ]
    (block,) = column_blocks(rows, 500.0)
    assert [line.text for line in block.lines] == [
        "Nơi nhận:",
        "- Các đơn vị;",
        "- Lưu VT.",
        "GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    ]
