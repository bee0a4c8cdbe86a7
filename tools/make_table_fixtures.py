"""Make the table fixtures: one budget table written as DOCX, PDF, Markdown and XLSX, and a PDF page
of justified prose crossed by grid lines.

    .venv/bin/python tools/make_table_fixtures.py     # writes tests/fixtures/tables/* (run it from a clean
                                                      # checkout: it rewrites every fixture)

The table (a two-row header: "STT", "Nội dung" and "Đơn vị chủ trì" merged down over both rows,
"Kinh phí (triệu đồng)" merged across "Năm 2024" and "Năm 2025"; 36 numbered rows and a total row)
is long enough to run over a page break, and its header rows are marked to repeat on every page:
* DOCX (python-docx): a ruled table, merges as gridSpan and vMerge, header rows as tblHeader, rows
  that may not break over two pages (cantSplit: a row split by a page break is not stitched back);
* PDF: that DOCX printed by LibreOffice headless (``soffice --headless --convert-to pdf``), so the
  header is drawn again at the top of the next page, as Word and LibreOffice print it;
* Markdown: a pipe table (Markdown has no merged cells: the positions a merge covers are empty);
* XLSX (openpyxl): the same grid on a sheet named "Phụ lục", merges as merged ranges, amounts as
  numbers in the format "#,##0"; that workbook saved by LibreOffice as Excel 97 (.xls) and ODS.
The prose page (fpdf2, DejaVu Serif; ``ruled_prose.pdf``): justified paragraphs of a plan set inside a
ruled frame whose rules cross the words (a report laid out on a form's grid, or a page frame with
column rules behind the text), so that pdfplumber's table finder sees a grid there; below them a real
ruled table of three columns.
LibreOffice is needed to run this script, never by the tests. The committed files are what the
tests read; the expected grids in the tests are written from this table, not from any reader.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
from docx.oxml import OxmlElement
from fpdf import FPDF

CREATED = datetime(2024, 1, 1)  # fixed document dates (LibreOffice and openpyxl still stamp the time of writing)
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tables"
CAPTION = "Phụ lục: Kinh phí thực hiện các hoạt động năm 2024 - 2025"
SCALE = "ĐVT: triệu đồng"
HEADER = [
    ["STT", "Nội dung", "Kinh phí (triệu đồng)", "", "Đơn vị chủ trì"],
    ["", "", "Năm 2024", "Năm 2025", ""],
]
TASKS = (
    "Tập huấn nâng cao năng lực cho cán bộ y tế cơ sở",
    "Truyền thông phòng chống dịch bệnh",
    "Mua sắm trang thiết bị cho trạm y tế xã",
    "Kiểm tra, giám sát các cơ sở khám chữa bệnh",
)
UNITS = ("Sở Y tế", "Trung tâm Kiểm soát bệnh tật", "Bệnh viện Đa khoa tỉnh")
ROWS = 36


def amounts(n: int) -> tuple[int, int]:
    return 100 + 35 * n, 1000 + 125 * n


def body() -> list[list[str]]:
    rows = []
    for n in range(1, ROWS + 1):
        first, second = amounts(n)
        rows.append([str(n), f"{TASKS[n % len(TASKS)]} đợt {n}", _vn(first), _vn(second), UNITS[n % len(UNITS)]])
    totals = [sum(amounts(n)[k] for n in range(1, ROWS + 1)) for k in (0, 1)]
    rows.append(["", "Tổng cộng", _vn(totals[0]), _vn(totals[1]), ""])
    return rows


def _vn(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("I. KINH PHÍ THỰC HIỆN")
    document.add_paragraph(CAPTION)
    document.add_paragraph(SCALE)
    rows = body()
    table = document.add_table(rows=len(HEADER) + len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(HEADER + rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for column in (0, 1, 4):  # merged down over the two header rows
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 2).merge(table.cell(0, 3))
    for r, tr in enumerate(table.rows):
        properties = tr._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))  # a row is never broken over two pages
        if r < len(HEADER):
            properties.append(OxmlElement("w:tblHeader"))
    document.add_paragraph("Ghi chú: kinh phí do ngân sách tỉnh bảo đảm.")
    document.core_properties.created = document.core_properties.modified = CREATED
    document.save(str(path))


def convert(source: Path, path: Path) -> None:
    """``source`` converted by LibreOffice headless to the format of ``path``'s suffix."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice is needed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)")
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder, "profile").as_uri()
        command = [program, "--headless", f"-env:UserInstallation={profile}", "--convert-to", path.suffix[1:]]
        subprocess.run([*command, "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copyfile(Path(folder, source.with_suffix(path.suffix).name), path)


def write_markdown(path: Path) -> None:
    lines = ["## I. KINH PHÍ THỰC HIỆN", "", CAPTION, "", SCALE, ""]
    table = HEADER + body()
    lines.append("| " + " | ".join(table[0]) + " |")
    lines.append("|" + "|".join(["---"] * len(table[0])) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in table[1:]]
    lines += ["", "Ghi chú: kinh phí do ngân sách tỉnh bảo đảm.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_xlsx(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    for r, row in enumerate(HEADER + body(), start=1):
        for c, text in enumerate(row, start=1):
            if not text:
                continue
            if r > len(HEADER) and c in (3, 4):  # amounts are numbers, shown grouped
                cell = sheet.cell(r, c, int(text.replace(".", "")))
                cell.number_format = "#,##0"
            elif r > len(HEADER) and c == 1:
                sheet.cell(r, c, int(text))
            else:
                sheet.cell(r, c, text)
    for merged in ("A1:A2", "B1:B2", "E1:E2", "C1:D1"):
        sheet.merge_cells(merged)
    workbook.properties.created = workbook.properties.modified = CREATED
    workbook.save(path)


PROSE = (
    "Thực hiện Kế hoạch số 39/KH-SYT ngày 12/5/2017 của Sở Y tế tỉnh Vĩnh Phúc về triển khai thực hiện "
    "Kế hoạch số 2977/KH-UBND ngày 27/4/2017 của UBND tỉnh Vĩnh Phúc thực hiện Nghị quyết số 03-NQ/TU ngày "
    "05/12/2016 của Ban Chấp hành Đảng bộ tỉnh khóa XVI về phát triển sự nghiệp y tế và chăm sóc sức khỏe "
    "nhân dân giai đoạn 2016-2020, định hướng đến năm 2030.",
    "Trung tâm Y tế huyện Yên Lạc xây dựng Kế hoạch triển khai thực hiện nhiệm vụ phát triển sự nghiệp y tế "
    "với các nội dung chủ yếu sau: nâng cao chất lượng khám bệnh, chữa bệnh, phát triển y tế cơ sở, y tế dự "
    "phòng và chăm sóc sức khỏe ban đầu cho nhân dân trên địa bàn huyện.",
)
SMALL_TABLE = (("TT", "Nội dung", "Kinh phí"), ("1", "Tập huấn", "120"), ("2", "Truyền thông", "80"))


def write_ruled_prose_pdf(path: Path) -> None:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(CREATED)
    pdf.set_margins(30, 25, 20)
    pdf.add_font("Serif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.add_page()
    pdf.set_font("Serif", "", 13)
    top = pdf.get_y()
    breaks = [top]
    for paragraph in PROSE:
        pdf.multi_cell(0, 6.5, "      " + paragraph, align="J")
        pdf.ln(2)
        breaks.append(pdf.get_y())
    pdf.set_line_width(0.2)
    left, right = 28.0, 192.0
    for y in breaks:  # rules between the paragraphs, and the frame's top and bottom
        pdf.line(left, y - 1, right, y - 1)
    for x in (left, 78.3, 131.7, right):  # the frame's sides and two column rules through the words
        pdf.line(x, breaks[0] - 1, x, breaks[-1] - 1)
    pdf.ln(8)
    for row in SMALL_TABLE:
        for width, text in zip((15, 90, 30), row, strict=True):
            pdf.cell(width, 8, text, border=1)
        pdf.ln(8)
    pdf.output(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_docx(OUT / "budget.docx")
    convert(OUT / "budget.docx", OUT / "budget.pdf")
    write_markdown(OUT / "budget.md")
    write_xlsx(OUT / "budget.xlsx")
    convert(OUT / "budget.xlsx", OUT / "budget.xls")
    convert(OUT / "budget.xlsx", OUT / "budget.ods")
    write_ruled_prose_pdf(OUT / "ruled_prose.pdf")
    for name in (
        "budget.docx",
        "budget.pdf",
        "budget.md",
        "budget.xlsx",
        "budget.xls",
        "budget.ods",
        "ruled_prose.pdf",
    ):
        print(OUT / name)


if __name__ == "__main__":
    main()
