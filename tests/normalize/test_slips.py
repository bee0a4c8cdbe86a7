"""Slips of the pen in clean text (normalize/slips.py): the two classes on the seeds' own slips, and the
guards that keep a real word of the language from being taken for one."""

from __future__ import annotations

import unicodedata

from conftest import processed, seed_path

from vnplan.normalize.restore import restore_text
from vnplan.normalize.slips import SPELLING_RULES, find_slips, mended_syllable
from vnplan.normalize.syllables import strip_diacritics


def seed_text(prefix: str) -> str:
    return unicodedata.normalize("NFC", seed_path(prefix).read_text(encoding="utf-8"))


def slips_of(text: str) -> list[tuple[str, str, str]]:
    return [(text[s.start : s.end], s.text, s.rule) for s in find_slips(text)]


def test_each_spelling_rule_mends_the_onset_it_names():
    # ngh and gh only before i, e, ê: "nghành" (seed 002's "các ban, nghành") is ngành, "ghà" is gà
    cases = {
        "ngh before a back vowel": ("nghành", "ngành"),
        "gh before a back vowel": ("Ghà", "Gà"),
        # OCR of a resolution's type line (corpus/dev/finplan/qh-nq49-dutoan-nsnn-2018.md): "NGHỊ QUYÉT"
        "iê / yê without its hat": ("QUYÉT", "QUYẾT"),
    }
    assert {rule.name for rule in SPELLING_RULES} == set(cases)
    for written, meant in cases.values():
        assert mended_syllable(written) == meant


def test_marks_out_of_place_are_put_where_the_syllable_has_them():
    assert mended_syllable("Gía") == "Giá"  # seed 002: "Gía thuốc bán ra tại quầy"
    assert mended_syllable("qúa") == "quá"
    # several syllables with those letters and marks, or a syllable already: left as written
    assert mended_syllable("câp") is None  # cấp or cập
    assert mended_syllable("Ghana") is None  # no syllable at all
    assert mended_syllable("hoà") is None


def test_a_domain_phrase_written_with_one_syllable_wrong_is_mended():
    text = seed_text("004")
    found = slips_of(text)
    assert ("bao", "bảo", "phrase") in found  # "khám, chữa bệnh bao hiểm y tế"
    assert ("Hàng", "Hạng", "phrase") in found  # "09 bệnh viện Hàng I"
    assert ("cở", "cổ", "phrase") in found  # "y học cở truyền"


def test_a_word_of_the_language_beside_a_phrase_is_no_slip_of_it():
    # "sổ sức khỏe điện tử" is a phrase; in "hồ sơ sức khỏe điện tử" (seed 000) "sơ" makes "hồ sơ"
    line = next(line for line in seed_text("000").split("\n") if "hồ sơ sức khỏe điện tử" in line)
    assert slips_of(line) == []
    # a phrase runs over words with spaces between them only: "Thành phố, Chủ tịch" is no "Phó Chủ tịch"
    assert slips_of("Thường trực HĐND Thành phố, Chủ tịch UBND Thành phố") == []


def test_the_clean_seeds_have_no_other_slips():
    found = {prefix: slips_of(seed_text(prefix)) for prefix in ("000", "002", "003", "004")}
    assert found["000"] == found["003"] == []
    assert [meant for _, meant, _ in found["002"]] == ["Giá", "ngành"]


def test_the_slips_mended_in_a_clean_plan_are_its_repairs():
    document = processed("004")
    slips = [(r.raw, r.text) for r in document.repairs if r.method == "spelling_slip"]
    assert ("bao", "bảo") in slips
    names = [i.name for i in document.indicators]
    assert any("bảo hiểm y tế" in name for name in names)
    assert not any("bao hiểm" in name for name in names)


def test_stripped_text_takes_a_spelling_rule_for_a_key_no_syllable_has():
    line = "- Phối hợp với trung tâm y tế, các ban, nghành có liên quan"
    assert restore_text(strip_diacritics(line), "stripped").text.endswith("các ban, ngành có liên quan")


def test_a_hatless_ie_is_mended_only_where_the_tone_survived():
    # "tiép" kept its tone: the one syllable is tiếp; "tien" lost every mark (tiền, tiến, tiện …): restoration's;
    # after the onset gi the e is a vowel of its own ("gieo", "giẻ")
    assert [mended_syllable(w) for w in ("tiép", "Kiém", "tien", "gieo", "giẻ")] == ["tiếp", "Kiếm", None, None, None]
