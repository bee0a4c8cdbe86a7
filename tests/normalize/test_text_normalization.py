"""Unicode, Markdown and layout normalization on text made from the seeds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import processed, seed_path

from vnplan.extract import extract
from vnplan.normalize import normalize
from vnplan.normalize.mapped import MappedText
from vnplan.normalize.unicode import normalize_unicode


def _normalized_text(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return normalize(extract(path)).text


def test_nfd_input_and_bom_give_the_same_text_as_nfc(tmp_path):
    original = seed_path("002").read_text(encoding="utf-8")
    nfc = _normalized_text(tmp_path, "a.txt", original.encode())
    nfd = _normalized_text(tmp_path, "b.txt", b"\xef\xbb\xbf" + unicodedata.normalize("NFD", original).encode())
    assert nfc == nfd
    assert unicodedata.is_normalized("NFC", nfc)


def test_tone_placement_is_unified():
    mapped, report = normalize_unicode(MappedText.identity("Hoà Bình, sức khoẻ, Thanh Hoá, thuỷ lợi, quý, thuật"))
    assert mapped.text == "Hòa Bình, sức khỏe, Thanh Hóa, thủy lợi, quý, thuật"
    assert {r.method for r in report.repairs} == {"tone_placement"}


def test_crlf_and_invisible_characters(tmp_path):
    text = _normalized_text(tmp_path, "c.txt", "Kế\u200b hoạch\r\nsố\u00a0243\r\n".encode())
    assert text == "Kế hoạch số 243"


def test_wrapped_lines_rejoin_and_numbered_lines_start_anew():
    lines = processed("000").text.splitlines()
    # A sentence wrapped over three printed lines (with blank lines between) is one line.
    assert (
        "Căn cứ Nghị quyết số 18-NQ/TU ngày 21/6/2023 của Ban Thường vụ Tỉnh ủy Hòa Bình về nâng cao chất lượng, "
        "năng lực khám bệnh, chữa bệnh cho Nhân dân trên địa bàn tỉnh Hòa Bình giai đoạn 2023-2025 và định hướng "
        "đến năm 2030;"
    ) in lines
    assert "3.1. Đạt 30 giường bệnh/vạn dân; đạt 10 bác sĩ/vạn dân;" in lines
    assert "- Tăng cường công tác chăm sóc người bệnh toàn diện;" in lines
    # A numbered title and its first paragraph stay apart.
    assert (
        "1. Nâng cao nhận thức của cấp ủy, chính quyền các cấp trong lãnh đạo, chỉ đạo công tác bảo vệ và chăm sóc sức khỏe của Nhân dân"
        in lines
    )
    # Clause breaks continue in lower case: "…Luật Bảo hiểm Y tế;" + "quản lý, …".
    assert any(
        line.startswith("Triển khai thực hiện Luật Khám bệnh, chữa bệnh, Luật Bảo hiểm Y tế; quản lý") for line in lines
    )
    # "2023-" at the margin and "2025" on the next line are one range.
    assert (
        "Hòa Bình giai đoạn 2023-2025 và định hướng đến năm 2030”, năm 2024 của Sở Y tế tỉnh Hòa Bình"
        in processed("000").text
    )


def test_markdown_markup_removed_and_headings_kept_as_sections():
    plan = processed("003")
    assert "**" not in plan.text and "##" not in plan.text
    titles = [s.title for s in plan.sections if s.marker in ("roman", "title")]
    assert titles[:2] == [
        "KẾ HOẠCH",
        "Triển khai thực hiện Chương trình nâng cao chất lượng y tế giai đoạn 2021 - 2025",
    ]
    assert "MỤC ĐÍCH, YÊU CẦU" in titles


def test_page_numbers_next_to_page_breaks_are_dropped(tmp_path):
    body = seed_path("002").read_text(encoding="utf-8").splitlines()
    pages = ["\n".join(body[i : i + 60]) for i in range(0, 240, 60)]
    text = "".join(f"{page}\n{n}\n\f" for n, page in enumerate(pages, start=1))
    normalized = _normalized_text(tmp_path, "paged.txt", text.encode())
    assert not any(line.strip() in {"1", "2", "3", "4"} for line in normalized.splitlines())
    assert "Yên Lạc, ngày tháng năm 2017" in normalized


def test_table_row_numbers_are_not_page_numbers():
    lines = processed("000").text.splitlines()
    # Phụ lục 1 rows "1", "2", "3" stand alone on their lines and must survive.
    appendix = lines[lines.index("Phụ lục 1") :]
    assert "1" in appendix and "2" in appendix and "3" in appendix


def test_clean_seeds_are_clean_and_the_lai_chau_seed_is_damaged():
    for prefix in ("000", "002", "003", "004"):
        quality = processed(prefix).document.text_quality
        assert quality.status == "clean", prefix
        assert quality.score > 0.95
    lai_chau = processed("001")
    assert lai_chau.document.text_quality.status in ("damaged", "repaired")
    assert "ocr_confusion" in lai_chau.document.text_quality.damage
