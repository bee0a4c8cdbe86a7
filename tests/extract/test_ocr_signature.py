"""The closing block of real scans (realdocs 27 p2, samples 09 p10): the "Nơi nhận" list in small print
beside the signer's title. Crops in tests/fixtures/ocr_signature (README there)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import Image
from reader_support import fixture

from vnplan.extract.ocr import _lines, ocr_image
from vnplan.pipeline import Options, run

CROP = fixture("ocr_signature/27_p2_recipients.jpg")


DECREE = fixture("ocr_signature/09_p10_recipients.jpg")


@cache
def text(crop: Path = CROP) -> list[str]:
    """The lines of ``vnplan text`` on a crop: OCR, then normalization and OCR correction."""
    result = run(crop, Options(stop_after="normalize"))
    assert result.normalized is not None
    return result.normalized.text.splitlines()


def test_ocr_writes_no_icelandic_eth_for_d_with_stroke() -> None:
    with Image.open(CROP) as image:
        lines = [line.text for line in ocr_image(image, 300.0).lines]
    assert not any("Ð" in line or "ð" in line for line in lines)
    assert any(line.startswith("- GĐ và các PGĐ SYT") for line in lines)  # Tesseract reads "GÐ"


def test_the_recipient_list_and_the_title_come_out_whole() -> None:
    lines = text()
    assert lines[0] == "Nơi nhận:"
    assert "- GĐ và các PGĐ SYT (để b/c);" in lines
    assert "- Các đơn vị KCB trực thuộc;" in lines
    assert "- Lưu VT, KHTC." in lines
    assert lines[-1] == "GIÁM ĐỐC"  # the signer's column after the list


def test_specks_read_as_marks_are_no_words() -> None:
    lines = text(DECREE)
    # each had a "„" or ":" after it, and a "°" stood as a line of its own
    for line in ("- Văn phòng Chủ tịch nước;", "- Kiểm toán nhà nước;", "- Cơ quan trung ương của các đoàn thể;"):
        assert line in lines
    assert all(any(ch.isalnum() for ch in line) for line in lines)
    assert sum(line.startswith("- ") for line in lines) == 19  # the dashes of the list are print: kept


def _word_table(words: list[tuple[str, float, int, int]]) -> dict[str, list]:
    """Tesseract's word table (image_to_data) for words (text, confidence, line number, left)."""
    table: dict[str, list] = {n: [] for n in ("text", "conf", "block_num", "par_num", "line_num")}
    table |= {n: [] for n in ("left", "top", "width", "height")}
    for text, conf, line, left in words:
        for name, value in zip(
            ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height"),
            (text, conf, 1, 1, line, left, 40 * line, 12 * len(text), 30),
            strict=True,
        ):
            table[name].append(value)
    return table


def test_a_faint_speck_is_dropped_but_a_faint_dash_opening_a_line_is_kept() -> None:
    # realdocs 24: "- Mục tiêu 2:" read with its dash at low confidence; samples 09: "„" specks after a list
    table = _word_table(
        [
            ("Các", 90, 1, 0),
            ("đơn", 90, 1, 50),
            ("vị;", 90, 1, 100),
            ("„", 20, 1, 160),
            ("-", 35, 2, 0),
            ("Mục", 90, 2, 30),
            ("tiêu", 90, 2, 80),
            ("2:", 90, 2, 130),
        ]
    )
    lines, _ = _lines(table, 1.0, 1000.0)
    assert [line.text for line in lines] == ["Các đơn vị;", "- Mục tiêu 2:"]


def test_a_letter_no_taller_than_a_rule_is_a_speck() -> None:
    # realdocs 25 p4: a speck above the line read as an "n" 3 pixels high ("cán n bộ")
    table = _word_table([("cử", 90, 1, 0), ("cán", 93, 1, 40), ("n", 93, 1, 90), ("bộ", 96, 1, 110)])
    table["height"][2] = 3
    lines, _ = _lines(table, 1.0, 1000.0)
    assert [line.text for line in lines] == ["cử cán bộ"]
