"""Ruled tables on scanned pages: rules found on the page image (extract/grid.py), Tesseract's words
shared out to the cells (extract/ocr_tables.py), a table continued on the next scanned page stitched
into one. Fixtures: crops of a real scanned decree (tests/fixtures/scan_tables/README.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from rapidfuzz import fuzz

from vnplan.extract import extract
from vnplan.extract.grid import find_grids

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scan_tables"
FIRST, SECOND = FIXTURES / "nd75_pl2_p17_top.png", FIXTURES / "nd75_pl2_p18_top.png"
HEADER = ["STT", "Tỷ lệ tổn thương cơ thể", "Mức hưởng trợ cấp"] * 2
# read from the images
FIRST_ROWS = [
    ["1", "21%", "1.094.000", "21", "41%", "2.135.000"],
    ["2", "22%", "1.147.000", "22", "42%", "2.186.000"],
    ["3", "23%", "1.196.000", "23", "43%", "2.236.000"],
    ["4", "24%", "1.249.000", "24", "44%", "2.291.000"],
    ["5", "25%", "1.302.000", "25", "45%", "2.343.000"],
]
SECOND_ROWS = [
    ["41", "61%", "3.174.000", "61", "81%", "4.216.000"],
    ["42", "62%", "3.229.000", "62", "82%", "4.270.000"],
    ["43", "63%", "3.278.000", "63", "83%", "4.322.000"],
    ["44", "64%", "3.332.000", "64", "84%", "4.372.000"],
    ["45", "65%", "3.383.000", "65", "85%", "4.426.000"],
]


def _like_header(row: list[str]) -> bool:
    """The bold header row as OCR reads it: six cells, the long ones a mark or a letter apart from
    HEADER at most (the bold "STT" is read "SIT" as often as not)."""
    long = [(a, b) for a, b in zip(row, HEADER, strict=True) if len(b) > 3] if len(row) == len(HEADER) else []
    return len(long) == 4 and all(fuzz.ratio(a, b) >= 85 for a, b in long)


def _gray(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L"))


def test_rules_of_a_scanned_table_give_its_rows_and_columns() -> None:
    grids = find_grids(_gray(FIRST), 300)
    assert len(grids) == 1
    grid = grids[0]
    # header + five rows (the row cut by the crop has no bottom rule), six columns
    assert (len(grid.ys) - 1, len(grid.xs) - 1) == (6, 6)
    assert all(c.row_span == c.col_span == 1 for c in grid.cells)


def test_merged_cells_come_from_missing_rules() -> None:
    page = Image.new("L", (1200, 700), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 250, 400, 550):
        draw.line((100, y, 1100, y), fill=0, width=3)
    for x in (100, 1100):
        draw.line((x, 100, x, 550), fill=0, width=3)
    draw.line((400, 250, 400, 550), fill=0, width=3)  # the header row is one cell across
    draw.line((750, 100, 750, 250), fill=0, width=3)  # … no: the header has two cells,
    draw.line((750, 400, 750, 550), fill=0, width=3)  # and the middle row's right cell spans two columns
    draw.text((150, 300), "Sở Y tế tỉnh", fill=0)  # text is never a rule
    grid = find_grids(np.asarray(page), 150)[0]
    spans = sorted((c.row, c.col, c.row_span, c.col_span) for c in grid.cells)
    assert (len(grid.ys), len(grid.xs)) == (4, 4)
    assert spans == [(0, 0, 1, 2), (0, 2, 1, 1), (1, 0, 1, 1), (1, 1, 1, 2), (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]


def test_a_page_of_prose_has_no_table(tmp_path: Path) -> None:
    page = Image.new("L", (1700, 900), 255)
    draw = ImageDraw.Draw(page)
    for k in range(12):
        draw.text((100, 60 + 60 * k), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 " * 2, fill=0)
    draw.line((600, 820, 1100, 820), fill=0, width=2)  # an underline under the signer is no table
    assert find_grids(np.asarray(page), 150) == []


def test_scanned_table_cells_hold_their_words() -> None:
    doc = extract(FIRST)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.source == "ocr_ruled" and table.columns == 6
    assert _like_header(table.rows[0]) and table.rows[1:] == FIRST_ROWS
    # the table's rows are the page's text, one line per row, cells joined by tabs
    assert "1\t21%\t1.094.000\t21\t41%\t2.135.000" in doc.raw_text
    cell = next(c for c in table.cells if c.text == "1.094.000")
    assert doc.raw_text[cell.start : cell.end] == "1.094.000" and cell.bbox is not None


def test_a_table_continued_on_the_next_scanned_page_is_one_table(tmp_path: Path) -> None:
    path = tmp_path / "two_pages.pdf"
    first, second = (Image.open(p).convert("L") for p in (FIRST, SECOND))
    first.save(path, "PDF", resolution=300, save_all=True, append_images=[second])
    doc = extract(path)
    assert [p.method for p in doc.pages] == ["ocr", "ocr"]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [page for page, _, _ in table.parts] == [1, 2]
    assert _like_header(table.rows[0]) and table.header_rows == 1  # the repeated header dropped, counted
    assert table.rows[1:6] == FIRST_ROWS
    # the second page's rows below the first page's (the decree's seal is printed over the right half
    # of its first rows: their readings there are not asserted)
    assert [row[:3] for row in table.rows[6:]] == [row[:3] for row in SECOND_ROWS]
    assert [row[2::3] for row in table.rows[-2:]] == [row[2::3] for row in SECOND_ROWS[-2:]]
