"""The DOCX reader: document order, list numbering, merged cells, layout tables, fonts, bad files."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reader_support import agreement, fixture, seed_text

from vnplan.extract import extract
from vnplan.extract.docx import read_docx
from vnplan.schema.errors import InputError


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _sample() -> bytes:
    document = docx.Document()
    header = document.add_table(rows=3, cols=2)  # no style: borderless, page layout
    header.cell(0, 0).text = "SỞ Y TẾ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(1, 0).text = "Số: 12/KH-SYT"
    header.cell(1, 1).text = "Độc lập - Tự do - Hạnh phúc"
    header.cell(2, 1).text = "Hà Nội, ngày 1 tháng 2 năm 2024"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Mục tiêu một", style="List Number")
    document.add_paragraph("Mục tiêu hai", style="List Number")
    document.add_paragraph("gạch đầu dòng", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"r{r}c{c}"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge
    table.cell(0, 1).merge(table.cell(0, 2))  # horizontal merge (gridSpan)
    table.cell(1, 1).add_paragraph("dòng hai")
    run = document.add_paragraph("Ghi chú: ").add_run("Kª ho¹ch")
    run.font.name = ".VnTime"
    return _save(document)


def test_layout_table_reads_column_by_column() -> None:
    lines = read_docx(_sample()).builder.text.splitlines()
    assert lines[:5] == [
        "SỞ Y TẾ",
        "Số: 12/KH-SYT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 1 tháng 2 năm 2024",
    ]


def test_list_numbering_is_rendered() -> None:
    text = read_docx(_sample()).builder.text
    assert "\n1. Mục tiêu một\n2. Mục tiêu hai\n• gạch đầu dòng\n" in text


def test_ruled_table_rows_with_merged_cells() -> None:
    reading = read_docx(_sample())
    (table,) = reading.builder.tables
    assert table.page is None
    assert table.rows == [["r0c0", "r0c1 r0c2", ""], ["r1c0 r2c0", "r1c1 dòng hai", "r1c2"], ["", "r2c1", "r2c2"]]
    assert reading.builder.text[table.start : table.end] == "\n".join("\t".join(row) for row in table.rows)


def test_fonts_of_runs_are_kept() -> None:
    builder = read_docx(_sample()).builder
    start = builder.text.index("Kª ho¹ch")
    (run,) = [r for r in builder.font_runs() if r.font == ".VnTime"]
    assert (run.start, run.end) == (start, start + len("Kª ho¹ch"))


def test_numbering_formats_and_restart() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, fmt, text in ((0, "upperRoman", "%1."), (1, "lowerLetter", "%2)")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for ilvl, text in ((0, "MỤC TIÊU"), (1, "chung"), (1, "cụ thể"), (0, "NHIỆM VỤ"), (1, "trước mắt")):
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = 90
    assert read_docx(_save(document)).builder.text.splitlines() == [
        "I. MỤC TIÊU",
        "a) chung",
        "b) cụ thể",
        "II. NHIỆM VỤ",
        "a) trước mắt",
    ]


def test_docx_fixtures_have_the_seed_text() -> None:
    for prefix, minimum in (("002", 0.999), ("004", 0.98)):
        doc = extract(fixture(f"seed{prefix}.docx"))
        assert doc.format == "docx" and doc.text_method == "text_layer"
        assert doc.pages == [] and doc.boxes is None
        assert agreement(seed_text(prefix), doc.raw_text) >= minimum


def test_bad_docx_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputError, match="not a readable Word"):
        extract(path)
    empty = tmp_path / "empty.docx"
    empty.write_bytes(_save(docx.Document()))
    with pytest.raises(InputError, match="no text"):
        extract(empty)
