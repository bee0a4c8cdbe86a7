"""Legacy encodings: seeds re-encoded to TCVN3, VNI, VIQR or mojibake come back exactly."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import seed_path

from vnplan.extract import extract
from vnplan.normalize import normalize
from vnplan.normalize.legacy import (
    convert_legacy,
    decode_viqr,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
    encoding_of_font,
)
from vnplan.normalize.mapped import MappedText
from vnplan.normalize.restore.evaluate import syllable_accuracy

CLEAN = ("000", "002", "003", "004")
# Superscript footnote digits have no TCVN3 code; they are not what this test is about.
_NO_TCVN3 = str.maketrans("¹²³⁴⁵⁶", "123456")


def seed_text(prefix: str) -> str:
    return unicodedata.normalize("NFC", seed_path(prefix).read_text(encoding="utf-8")).translate(_NO_TCVN3)


@pytest.mark.parametrize("prefix", CLEAN)
def test_tcvn3_round_trip_is_exact_and_repairs_point_at_their_raw_bytes(prefix):
    text = seed_text(prefix)
    damaged = encode_tcvn3(text).decode("latin-1")  # how extract reads a non-UTF-8 file
    assert "\u00ad" in damaged  # TCVN3 "ư" is the soft hyphen
    mapped, log, reading = convert_legacy(MappedText.identity(damaged))
    assert reading.encoding == "tcvn3"
    assert mapped.text == text
    for item in log[:200]:
        raw = damaged[item.raw_start : item.raw_end]
        assert encode_tcvn3(item.replacement).decode("latin-1") == raw


@pytest.mark.parametrize("prefix", CLEAN)
def test_vni_round_trip_is_exact(prefix):
    text = seed_text(prefix)
    mapped, _log, reading = convert_legacy(MappedText.identity(encode_vni(text)))
    assert reading.encoding == "vni"
    assert mapped.text == text


@pytest.mark.parametrize("prefix", CLEAN)
def test_utf8_read_as_latin1_is_undone(prefix):
    text = seed_text(prefix)
    mapped, _log, reading = convert_legacy(MappedText.identity(text.encode("utf-8").decode("latin-1")))
    assert reading.encoding == "cp1252_mojibake"
    assert mapped.text == text


@pytest.mark.parametrize("prefix", CLEAN)
def test_clean_text_is_not_converted(prefix):
    text = seed_text(prefix)
    mapped, log, reading = convert_legacy(MappedText.identity(text))
    assert reading.encoding is None
    assert mapped.text == text and not log


def test_viqr():
    assert decode_viqr("Vie^.t Nam la` mo^.t quo^'c gia ddo^.c la^.p.") == "Việt Nam là một quốc gia độc lập."
    assert detect_legacy("Ke^'t qua?: tho^ng tin ve^` dda^`u tu+ xa^y du+.ng").encoding == "viqr"


def test_font_names_decide_per_run():
    assert encoding_of_font(".VnTime") == ("tcvn3", False)
    assert encoding_of_font("ABCDEF+.VnTimeH") == ("tcvn3", True)
    assert encoding_of_font("VNI-Times") == ("vni", False)
    assert encoding_of_font("TimesNewRomanPSMT") is None
    plain, lower, upper = (
        "Tiêu đề ",
        encode_tcvn3("kế hoạch").decode("latin-1"),
        encode_tcvn3("sở y tế").decode("latin-1"),
    )
    raw = f"{plain}{lower} {upper}"
    runs = [(len(plain), len(plain) + len(lower), ".VnTime"), (len(raw) - len(upper), len(raw), ".VnTimeH")]
    mapped, _log, _reading = convert_legacy(MappedText.identity(raw), runs)
    assert mapped.text == "Tiêu đề kế hoạch SỞ Y TẾ"


def test_tcvn3_file_through_the_normalize_stage(tmp_path: Path):
    text = seed_text("003")
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(encode_tcvn3(text))
    document = normalize(extract(path))
    assert "Cẩm Thủy" in document.text and "Chương trình" in document.text
    quality = document.text_quality
    assert quality.status == "repaired"
    assert quality.damage[0] == "legacy_encoding_tcvn3"
    assert quality.score > 0.95
    repair = next(r for r in document.repairs if r.method == "legacy_tcvn3" and "ư" in r.text)
    start, end = document.mapped.raw_span(repair.start, repair.end)
    assert document.raw_text[start:end] == repair.raw


@pytest.mark.parametrize(("font", "encode"), [(b".VnTime_Ser", "tcvn3"), (b"VNI-Times_S", "vni")])
def test_a_pdf_set_in_a_legacy_font_comes_back_exactly(tmp_path, font, encode):
    """A text layer in .VnTime or VNI-Times (seed 002's first lines, re-encoded, one PDF line each)
    reads back as the seed: the font name decides, and TCVN3's soft-hyphen "ư" survives extraction."""
    import textwrap

    from fpdf import FPDF

    lines = [line.replace("–", "-") for line in seed_text("002").split("\n") if line.strip()][:40]
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVuSerif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.set_font("DejaVuSerif", size=10)
    for line in lines:
        for piece in textwrap.wrap(line, 85):
            legacy = encode_tcvn3(piece).decode("latin-1") if encode == "tcvn3" else encode_vni(piece)
            pdf.cell(0, 5, legacy, new_x="LMARGIN", new_y="NEXT")  # cell() keeps soft hyphens
    path = tmp_path / "legacy.pdf"
    # The font's name, as legacy documents carry it (same length: the cross-reference stays valid)
    path.write_bytes(bytes(pdf.output()).replace(b"DejaVuSerif", font))
    doc = normalize(extract(path))
    assert doc.text_quality.damage == [f"legacy_encoding_{encode}"]
    _, matched, total = syllable_accuracy("\n".join(lines), doc.text)
    assert matched == total


def test_a_footnote_mark_in_a_vni_line_does_not_make_it_unicode():
    # a converter passes a superscript footnote mark on; the line's letters are still VNI
    lines = unicodedata.normalize("NFC", seed_path("004").read_text(encoding="utf-8")).split("\n")
    line = next(line for line in lines if line.startswith("⁴ Nghị quyết"))
    text = "\n".join([*lines[:40], line])
    mapped, _log, reading = convert_legacy(MappedText.identity(encode_vni(text)))
    assert reading.encoding == "vni"
    assert mapped.text.split("\n")[-1] == line
