"""A scanned table is read row by row (realdocs 25, the inspection schedule of Sở Y tế Kiên Giang):
the gutter between its unit column and its date column must not make it a two-column block, read
column by column as a national header is, or the schedule's rows lose their dates. What the page
prints is in its transcription (tests/fixtures/ocr_tables)."""

from __future__ import annotations

from functools import cache

from reader_support import fixture, syllables

from vnplan.extract.lines import Glyph, column_blocks
from vnplan.pipeline import Options, run

CROP = fixture("ocr_tables/25_p5_schedule.jpg")
ROWS = [line.split("\t") for line in CROP.with_suffix(".txt").read_text(encoding="utf-8").splitlines()[1:]]


@cache
def text() -> list[str]:
    """The lines of ``vnplan text`` on the crop: OCR, then normalization and OCR correction."""
    result = run(CROP, Options(stop_after="normalize"))
    assert result.normalized is not None
    return result.normalized.text.splitlines()


def test_the_transcription_has_eighteen_rows_of_three_cells() -> None:
    assert len(ROWS) == 18 and all(len(row) == 3 for row in ROWS)


def test_every_row_keeps_its_unit_and_its_dates_on_one_line() -> None:
    for _number, unit, dates in ROWS:
        place = syllables(unit)[-2:]  # the place name: OCR may misread a word of the unit's type
        day = dates.split()[-1]  # "21/11/2017"
        with_day = [syllables(line) for line in text() if day in line]
        assert any(_holds(words, place) for words in with_day), (unit, dates, with_day)


def test_rows_come_in_the_table_order() -> None:
    days = [dates.split()[-1] for _number, _unit, dates in ROWS]
    found = [next(k for k, line in enumerate(text()) if day in line) for day in days]
    assert found == sorted(found)


def _holds(words: list[str], part: list[str]) -> bool:
    return any(words[k : k + len(part)] == part for k in range(len(words)))


def _row(cells: list[tuple[float, str]], top: float, size: float = 13.0) -> list[Glyph]:
    """A printed row: each cell's text from its x (points), characters half a size wide."""
    row = []
    for x, cell in cells:
        for k, ch in enumerate(cell):
            row.append(Glyph(ch, x + k * size / 2, x + (k + 1) * size / 2, top, top + size, size, None))
    return row


def test_a_borderless_numbered_table_is_read_row_by_row() -> None:
    # the schedule's rows without their rules (as where no grid is found): STT, unit, dates at the
    # x of their columns on the page (points); a gutter runs between the unit and the date columns
    rows = [
        _row([(120, number), (150, unit), (395, dates)], 150 + 29 * k)
        for k, (number, unit, dates) in enumerate(ROWS[:5])
    ]
    lines = [line.text for block in column_blocks(rows, 598.0) for line in block.lines]
    assert len(lines) == 5  # fewer rows than a table shows by its two-sided rows alone: the numbers tell
    assert all(
        line.startswith(number) and line.endswith(dates) for line, (number, _u, dates) in zip(lines, ROWS, strict=False)
    )


def test_a_two_column_header_is_still_read_by_columns() -> None:
    # realdocs 24's header, laid out as printed: issuer | republic, body | motto, number | place and date
    printed = fixture("ocr_gold/24_p1_header.txt").read_text(encoding="utf-8").splitlines()
    rows = [_row([(95, printed[k]), (300, printed[k + 3])], 60 + 15 * k, size=9.0) for k in range(3)]
    lines = [line.text for block in column_blocks(rows, 598.0) for line in block.lines]
    assert lines == printed[:6]
