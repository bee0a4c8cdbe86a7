"""Spreadsheet reader: every sheet's used range as a table (openpyxl; .xls and .ods reach it converted
to .xlsx by LibreOffice, ``extract/office.py``).

* The used range is the smallest rectangle holding every value and every merged range; rows and
  columns left empty inside it stay (they are part of the grid).
* A merged range is one cell with its row and column spans; the positions it covers are empty.
* Values are written as the sheet shows them in a Vietnamese document: thousands grouped with "."
  where the number format groups them, decimal comma, percentages as "12,5%", dates as dd/mm/yyyy.
  Formulas give the value the file last computed (openpyxl reads the cached values).
* Every character keeps its cell's font, so TCVN3 (.VnTime) and VNI text is repaired downstream.
* The sheet's name is the table's caption. A workbook has no pages: ``pages`` is empty.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from vnplan.extract.builder import GridCell, Line, Reading, TextBuilder
from vnplan.schema.errors import InputError

MAX_CELLS = 2_000_000  # a used range larger than this is refused (a sheet formatted to its last row)
SPACES = re.compile(r"\s+")
DECIMALS = re.compile(r"\.(0+)")


def read_xlsx(data: bytes) -> Reading:
    import openpyxl  # loaded only for spreadsheets

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError("not a readable Excel (.xlsx) workbook; open and re-save it in Excel or LibreOffice") from exc
    except Exception as exc:
        raise InputError(f"the workbook is damaged ({type(exc).__name__}); re-save it in Excel or LibreOffice") from exc
    builder = TextBuilder()
    for sheet in workbook.worksheets:
        rows = _sheet_grid(sheet)
        if rows:
            builder.add_table("xlsx", None, rows, caption=sheet.title)
    workbook.close()
    if not builder.tables:
        raise InputError("the workbook has no cells with values")
    return Reading(builder, "text_layer", [], "xlsx")


def _sheet_grid(sheet: Any) -> list[list[GridCell | None]]:
    """The sheet's used range as grid rows; None where a merged range covers a position."""
    values = {(c.row, c.column): c for row in sheet.iter_rows() for c in row if c.value is not None}
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
    corners = [*values, *((r0, c0) for r0, c0, _, _ in merged), *((r1, c1) for _, _, r1, c1 in merged)]
    if not values:
        return []
    top, left = min(r for r, _ in corners), min(c for _, c in corners)
    bottom, right = max(r for r, _ in corners), max(c for _, c in corners)
    if (bottom - top + 1) * (right - left + 1) > MAX_CELLS:
        raise InputError(f"sheet {sheet.title!r} spans over {MAX_CELLS:,} cells; delete its empty rows and columns")
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merged}
    covered = {
        (r, c) for r0, c0, r1, c1 in merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)
    }
    grid: list[list[GridCell | None]] = []
    for r in range(top, bottom + 1):
        row: list[GridCell | None] = []
        for c in range(left, right + 1):
            if (r, c) in covered:
                row.append(None)
                continue
            cell = values.get((r, c))
            line = _cell_line(cell) if cell is not None else Line.plain("")
            row_span, col_span = spans.get((r, c), (1, 1))
            row.append(GridCell(line, row_span, col_span))
        grid.append(row)
    return grid


def _cell_line(cell: Any) -> Line:
    text = SPACES.sub(" ", display(cell.value, cell.number_format or "General")).strip()
    font = cell.font.name if cell.font is not None else None
    return Line(text, [None] * len(text), [font] * len(text))


def display(value: object, number_format: str) -> str:
    """A cell's value as the sheet shows it, in Vietnamese notation."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M" if value.time() != dt.time() else "%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return _number(float(value), number_format)
    return str(value)


def _number(value: float, number_format: str) -> str:
    section = number_format.split(";")[0]
    percent = "%" in section
    if percent:
        value *= 100
    decimals = DECIMALS.search(section)
    if decimals:
        text = f"{value:.{len(decimals.group(1))}f}"
    elif value.is_integer():
        text = str(int(value))
    else:
        text = f"{value:.10g}"
        if "e" in text:  # a tiny or huge fraction: written out, never in exponent notation
            text = f"{value:.10f}".rstrip("0")
    whole, _, fraction = text.partition(".")
    if "," in section:  # "#,##0": thousands grouped, as Vietnamese documents write them with dots
        sign = "-" if whole.startswith("-") else ""
        digits = whole.lstrip("-")
        whole = sign + f"{int(digits):,}".replace(",", ".")
    text = f"{whole},{fraction}" if fraction else whole
    return text + ("%" if percent else "")
