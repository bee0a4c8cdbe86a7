"""The table of abbreviations with Đ, and their restoration in damaged text."""

from __future__ import annotations

import regex

from vnplan.normalize.abbreviations import abbreviations, restored_abbreviation
from vnplan.normalize.restore import default_restorer, restore_text
from vnplan.normalize.syllables import strip_diacritics


def test_every_letter_is_the_initial_of_a_syllable_of_the_expansion():
    for abbreviation, expansion in abbreviations().items():
        words = [w for w in regex.findall(r"\p{L}+", expansion) if w != "và"]
        assert "".join(w[0] for w in words).upper() == abbreviation, (abbreviation, expansion)


def test_unmarked_forms_are_unique_and_not_ambiguous_ones():
    shapes = [strip_diacritics(a) for a in abbreviations()]
    assert len(shapes) == len(set(shapes))
    for ambiguous in ("HD", "GD", "PGD", "BGD", "DA"):  # hướng dẫn, giáo dục, dự án …
        assert restored_abbreviation(ambiguous) is None


def test_restored_only_when_capitalized_and_damaged():
    assert restored_abbreviation("BVDK") == "BVĐK"
    assert restored_abbreviation("KHHGD") == "KHHGĐ"
    assert restored_abbreviation("BVĐK") is None  # already right
    assert restored_abbreviation("dd") is None  # a lower-case word is no abbreviation


def test_stripped_and_ocr_text_get_their_d_back():
    restorer = default_restorer()
    stripped = restore_text("Cu 01 DD tham gia dao tao tai BVDK tinh theo Quyet dinh 659/QD-TTg", "stripped", restorer)
    assert "01 ĐD" in stripped.text and "BVĐK" in stripped.text and "659/QĐ-TTg" in stripped.text
    ocr = restore_text("Cong tac dan s6 - KHHGD va Nghi dinh 117/2014/ND-CP", "ocr", restorer)
    assert "KHHGĐ" in ocr.text and "117/2014/NĐ-CP" in ocr.text


def test_unlisted_capitals_are_kept_in_stripped_text():
    # "HD" may be HĐ (hợp đồng) or HD (hướng dẫn): not in the table, so not guessed
    out = restore_text("Van ban HD va GD cua so Y te", "stripped", default_restorer()).text
    assert out.split()[2] == "HD" and out.split()[4] == "GD"


def test_unlisted_capitals_are_kept_in_ocr_text():
    # "TTYT" became "TỤT" and "KHĐD" "KHẢO" in a scan's OCR text before
    out = restore_text("TTYT huyen va phong KHĐD, PGD", "ocr", default_restorer()).text
    assert out.startswith("TTYT huyện") and "KHĐD" in out and "PGD" in out
