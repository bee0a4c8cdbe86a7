"""Tables as data: every reader fills one table model, normalize maps each cell into the normalized
text, structure copies the tables into the JSON.

The fixtures under tests/fixtures/tables/ are made by tools/make_table_fixtures.py (one budget table
as DOCX, PDF printed from it by LibreOffice, Markdown and XLSX) or cut from seed 004 (tab-separated
rows of plain text). The expected grids below are written from the table in that script and from
the seed's lines, not from any reader's output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import vnplan
from vnplan.extract import extract
from vnplan.extract.xlsx import display
from vnplan.normalize import NormalizedDocument, normalize
from vnplan.normalize.tables import SCALE
from vnplan.schema import validation_errors
from vnplan.schema.errors import InputError
from vnplan.schema.model import Table

TABLES = Path(__file__).parent / "fixtures" / "tables"
FORMATS = ("docx", "pdf", "md", "xlsx")

# The budget table of tools/make_table_fixtures.py: its two header rows (a merged cell's covered
# positions empty), its first three numbered rows and its total row.
HEADER = [
    ["STT", "Nội dung", "Kinh phí (triệu đồng)", "", "Đơn vị chủ trì"],
    ["", "", "Năm 2024", "Năm 2025", ""],
]
FIRST_ROWS = [
    ["1", "Truyền thông phòng chống dịch bệnh đợt 1", "135", "1.125", "Trung tâm Kiểm soát bệnh tật"],
    ["2", "Mua sắm trang thiết bị cho trạm y tế xã đợt 2", "170", "1.250", "Bệnh viện Đa khoa tỉnh"],
    ["3", "Kiểm tra, giám sát các cơ sở khám chữa bệnh đợt 3", "205", "1.375", "Sở Y tế"],
]
TOTAL = ["", "Tổng cộng", "26.910", "119.250", ""]
# The merged header cells: (row, col) → (row_span, col_span).
MERGES = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1)}


def grid(table: Table) -> list[list[str]]:
    """The table's texts by grid position; positions a merged cell covers stay empty."""
    rows = [[""] * table.columns for _ in table.rows]
    for row in table.rows:
        for cell in row:
            rows[cell.row][cell.col] = cell.text
    return rows


def budget(fmt: str) -> NormalizedDocument:
    return normalize(extract(TABLES / f"budget.{fmt}"))


@pytest.fixture(scope="module")
def budgets() -> dict[str, NormalizedDocument]:
    return {fmt: budget(fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_reader_gives_the_budget_grid(budgets: dict[str, NormalizedDocument], fmt: str) -> None:
    (table,) = budgets[fmt].tables
    rows = grid(table)
    assert table.columns == 5
    assert rows[:2] == HEADER
    assert rows[2:5] == FIRST_ROWS
    assert rows[-1] == TOTAL
    assert [row[0] for row in rows[2:-1]] == [str(n) for n in range(1, 37)]
    assert table.header_rows == 2


def test_the_same_table_from_pdf_docx_markdown_and_xlsx_gives_the_same_grid(
    budgets: dict[str, NormalizedDocument],
) -> None:
    grids = {fmt: grid(doc.tables[0]) for fmt, doc in budgets.items()}
    assert grids["pdf"] == grids["docx"] == grids["md"] == grids["xlsx"]
    assert len(grids["pdf"]) == 2 + 36 + 1


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_merged_cells_carry_their_spans(budgets: dict[str, NormalizedDocument], fmt: str) -> None:
    table = budgets[fmt].tables[0]
    spans = {(c.row, c.col): (c.row_span, c.col_span) for row in table.rows for c in row}
    assert {key: spans[key] for key in MERGES} == MERGES
    assert (1, 0) not in spans and (0, 3) not in spans  # covered positions have no cell
    assert all(spans[key] == (1, 1) for key in spans if key not in MERGES)


def test_markdown_has_no_merged_cells(budgets: dict[str, NormalizedDocument]) -> None:
    table = budgets["md"].tables[0]
    assert table.source == "markdown"
    assert all((c.row_span, c.col_span) == (1, 1) for row in table.rows for c in row)


def test_a_table_continued_over_pages_in_a_pdf_is_one_table(budgets: dict[str, NormalizedDocument]) -> None:
    doc = budgets["pdf"]
    (table,) = doc.tables
    assert table.source == "pdf_ruled"
    assert len(table.pages) >= 2 and table.pages == list(range(1, len(table.pages) + 1))
    # LibreOffice printed the two header rows again on every page: they are dropped, counted once
    assert doc.text.count("Kinh phí (triệu đồng)") == 1
    assert [cell.page for cell in table.rows[0]] == [1] * 4
    assert table.rows[-1][1].page == table.pages[-1]
    assert all(cell.bbox is not None for row in table.rows for cell in row)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_cell_is_its_span_of_the_normalized_text_and_traces_to_the_raw_input(
    budgets: dict[str, NormalizedDocument], fmt: str
) -> None:
    doc = budgets[fmt]
    table = doc.tables[0]
    for row in table.rows:
        for cell in row:
            assert doc.text[cell.start : cell.end] == cell.text
            raw_start, raw_end = doc.mapped.raw_span(cell.start, cell.end)
            raw = doc.raw_text[raw_start:raw_end]
            assert cell.text in raw or cell.text.replace(" ", "") in raw.replace(" ", "").replace("\n", "")
    assert table.provenance.text.startswith("STT")
    assert table.provenance.method == f"table:{table.source}"


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_caption_and_scale_come_from_the_lines_above(budgets: dict[str, NormalizedDocument], fmt: str) -> None:
    table = budgets[fmt].tables[0]
    assert table.scale == "ĐVT: triệu đồng"
    assert table.caption == "Phụ lục: Kinh phí thực hiện các hoạt động năm 2024 - 2025"


def test_a_sheet_is_captioned_by_its_name(budgets: dict[str, NormalizedDocument]) -> None:
    table = budgets["xlsx"].tables[0]
    assert (table.source, table.caption, table.pages) == ("xlsx", "Phụ lục", [])


def test_tab_rows_of_plain_text_are_a_table() -> None:
    doc = normalize(extract(TABLES / "seed004_appendix_excerpt.txt"))
    (table,) = doc.tables
    assert table.source == "text_tabs"
    assert table.caption == "(kèm theo Kế hoạch số 132/KH-SYT ngày 14 tháng 10 năm 2023, của Sở Y tế Thành phố)"
    rows = grid(table)
    assert rows[0] == [
        "Số TT",
        "Nội dung công việc, chương trình đề án",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Cấp trình",
        "Thời gian dự kiến hoàn thành",
        "Sản phẩm*",
    ]
    assert rows[2] == [
        "2",
        "Đề án xây dựng Bệnh viện Lão khoa",
        "Phòng KH-TC",
        "Các sở, ban, ngành, đơn vị, địa phương có liên quan",
        "Ban Thường vụ Tỉnh ủy",
        "Quý II/2024",
        "Kết luận",
    ]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert table.header_rows == 1
    assert all(cell.page is None and cell.bbox is None for row in table.rows for cell in row)


def test_tables_are_in_the_json_and_valid() -> None:
    plan = vnplan.process(TABLES / "budget.docx")
    data = json.loads(plan.to_json())
    assert validation_errors(data) == []
    (table,) = data["tables"]
    assert table["id"] == "t1" and table["source"] == "docx"
    cell = table["rows"][2][1]
    assert data["text"][cell["start"] : cell["end"]] == cell["text"] == FIRST_ROWS[0][1]


def test_structure_reads_its_rows_from_the_tables(budgets: dict[str, NormalizedDocument]) -> None:
    from vnplan.structure.sections import logical_lines
    from vnplan.structure.tables import grid_rows

    doc = budgets["docx"]
    rows = grid_rows(doc, logical_lines(doc))
    assert len(rows) == 2 + 36 + 1
    texts = [cells for cells, _ in rows.values()]
    assert texts[2] == FIRST_ROWS[0]
    assert texts[1] == HEADER[1][:4]  # empty cells at a row's end are dropped


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("ĐVT: triệu đồng", "ĐVT: triệu đồng"),
        ("(Đơn vị tính: đồng)", "Đơn vị tính: đồng"),
        ("Đơn vị: tỷ đồng.", "Đơn vị: tỷ đồng"),
        ("DVT: nghìn đồng", "DVT: nghìn đồng"),
    ],
)
def test_scale_notes(text: str, scale: str) -> None:
    match = SCALE.search(text)
    assert match is not None and match.group(0) == scale


def test_a_unit_column_is_no_scale_note() -> None:
    assert SCALE.search("Đơn vị chủ trì") is None


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1234567, "#,##0", "1.234.567"),
        (2025, "General", "2025"),
        (68765.055, "#,##0.000", "68.765,055"),
        (3.5, "General", "3,5"),
        (0.125, "0.0%", "12,5%"),
    ],
)
def test_spreadsheet_numbers_are_shown_as_vietnamese_documents_write_them(
    value: float, number_format: str, shown: str
) -> None:
    assert display(value, number_format) == shown


def test_grid_lines_across_justified_prose_are_no_table() -> None:
    """Issue #15: rules drawn through justified paragraphs made a 'table' of the prose, its lines cut
    into cells mid-syllable ("Kế h<TAB>oạch"); only the real table below keeps tabs."""
    doc = extract(TABLES / "ruled_prose.pdf")
    prose = doc.raw_text.partition("\nTT\t")[0]
    assert "\t" not in prose
    words = " ".join(prose.split())
    assert "Thực hiện Kế hoạch số 39/KH-SYT ngày 12/5/2017 của Sở Y tế tỉnh Vĩnh Phúc" in words
    assert "thực hiện nhiệm vụ phát triển sự nghiệp y tế" in words
    (table,) = doc.tables
    assert table.rows == [["TT", "Nội dung", "Kinh phí"], ["1", "Tập huấn", "120"], ["2", "Truyền thông", "80"]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed")
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_excel_97_and_ods_sheets_are_read_through_libreoffice(suffix: str) -> None:
    doc = normalize(extract(TABLES / f"budget.{suffix}"))
    assert (doc.source.format, doc.source.encoding) == (suffix, f"{suffix}→xlsx")
    (table,) = doc.tables
    assert table.source == "xlsx" and table.caption == "Phụ lục"
    rows = grid(table)
    assert rows[:2] == HEADER and rows[2:5] == FIRST_ROWS and rows[-1] == TOTAL


def test_a_word_file_named_xlsx_is_refused_with_one_line(tmp_path: Path) -> None:
    wrong = tmp_path / "budget.xlsx"
    wrong.write_bytes((TABLES / "budget.docx").read_bytes())
    with pytest.raises(InputError, match="not a readable Excel"):
        extract(wrong)


def test_a_table_nested_in_a_word_cell_is_a_table_of_its_own(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    outer = document.add_table(rows=2, cols=3)
    outer.style = "Table Grid"
    for c, text in enumerate(("TT", "Nội dung", "Kinh phí")):
        outer.cell(0, c).text = text
    outer.cell(1, 0).text = "1"
    outer.cell(1, 1).text = "Tập huấn"
    inner = outer.cell(1, 2).add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Năm 2024", (0, 1): "Năm 2025", (1, 0): "120", (1, 1): "80"}.items():
        inner.cell(r, c).text = text
    path = tmp_path / "nested.docx"
    document.save(str(path))
    doc = normalize(extract(path))
    outer_table, inner_table = doc.tables
    # the outer cell holds its own (empty) paragraph, then the nested table's cells in reading order
    assert grid(outer_table) == [["TT", "Nội dung", "Kinh phí"], ["1", "Tập huấn", "Năm 2024 Năm 2025 120 80"]]
    assert grid(inner_table) == [["Năm 2024", "Năm 2025"], ["120", "80"]]
    for row in inner_table.rows:
        for cell in row:
            assert doc.text[cell.start : cell.end] == cell.text


def test_rows_written_with_pipes_in_plain_text_are_text_rows_not_markdown() -> None:
    """Word text saved with " | " between cells (tests/fixtures/text/: the Lâm Đồng 2026 plan) is
    not Markdown: its tables are rows of text."""
    doc = normalize(extract(Path(__file__).parent / "fixtures" / "text" / "lamdong_cchc_2026_excerpt.txt"))
    assert doc.tables and {table.source for table in doc.tables} == {"text_tabs"}
    assert grid(doc.tables[0])[0] == [
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
    ]
