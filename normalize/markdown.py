"""Markdown markup removed from the text, its headings kept as structure hints.

PDF-to-Markdown converters wrap plan headings in ``#`` and ``**``; the reader should see plain
text, and the section finder should still know which lines were headings.
"""

from __future__ import annotations

from collections import Counter

import regex
from markdown_it import MarkdownIt

from vnplan.normalize.mapped import Edit, MappedText
from vnplan.schema.markers import DOCUMENT_TYPES, match_marker

HEADING = regex.compile(r"(?m)^[ \t]*(#{1,6})[ \t]+")
# Emphasis markers: runs of * or _ that open or close a span (not bullets, not list "* ").
EMPHASIS = regex.compile(r"(?<![\p{L}\p{N}])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\p{L}\p{N}])")
HARD_BREAK = regex.compile(r"(?m)(?:  |\\)$")
ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
LINK = regex.compile(r"\[([^\]\n]+)\]\([^)\n]+\)")
# A bold or italic span wrapped over lines inside one paragraph (web copies of legal texts wrap every
# line: "**VI. TỔ CHỨC\nTHỰC HIỆN**", "*Sơn La, ngày 20\ntháng 11 năm 2025*"): one line of text.
WRAPPED_EMPHASIS = regex.compile(
    r"(?<![*\p{L}\p{N}])(?P<mark>\*\*?)(?![\s*])(?P<body>(?:(?!\n[ \t]*\n)[^*])+?\n(?:(?!\n[ \t]*\n)[^*])*?)"
    r"(?<!\s\s)(?P=mark)(?![*\p{L}\p{N}])"
)
TABLE_RULE = regex.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")


def looks_like_markdown(text: str) -> bool:
    return bool(HEADING.search(text)) and ("**" in text or text.count("\n#") >= 3 or bool(TABLE_RULE.search(text)))


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside Markdown paragraphs that are only wraps (CommonMark soft
    breaks): web copies of legal texts wrap every paragraph at the page width, with a blank line
    between paragraphs. A break stays where either line holds no words (the "|" debris of a header
    table), before a line that opens an item of its own ("a)", "2.", "-"), after a line in capitals or in bold (a heading), or after a hard break; a
    "paragraph" of more than MAX_WRAPPED_LINES lines is a copy without blank lines, left to layout."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    breaks = []
    unbroken = _unbroken_runs(lines)
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type != "paragraph_open" or token.map is None:
            continue
        first, last = token.map
        if last - first > MAX_WRAPPED_LINES or any(start <= first < end for start, end in unbroken):
            continue  # a copy without blank lines between paragraphs: the layout stage decides
        for i in range(first, min(last, len(lines)) - 1):
            this, after = lines[i], lines[i + 1]
            if not (_WORDS.search(this) and _WORDS.search(after)) or HARD_BREAK.search(this + "\n"):
                continue
            if this.rstrip(" *_").endswith("./."):
                continue  # "./." closes the body: the signature below is no part of its last sentence
            if (
                match_marker(_EMPHASIS_MARKS.sub("", after).strip()) is not None
                or not _LOWER.search(this)
                or _BOLD_LINE.match(this)
                or _HEADER_FIELD.match(after)
            ):
                continue  # an item of its own; a line in capitals (title, signature block) keeps its break
            breaks.append(starts[i] + len(this))
    return breaks


def _unbroken_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges that run over more than MAX_WRAPPED_LINES lines without a blank line: a copy that keeps no
    blank lines between its paragraphs, where Markdown reads "1. Mục tiêu chung" / "Đến năm 2030, …" as one
    wrapped list item and "b) …" as the lazy tail of the bullet above. Their breaks are the layout stage's."""
    runs = []
    first = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and first is None:
            first = i
        elif not line.strip() and first is not None:
            if i - first > MAX_WRAPPED_LINES:
                runs.append((first, i))
            first = None
    return runs


_WORDS = regex.compile(r"[\p{L}\p{N}]")
# Emphasis around or inside an item's number ("**II.** **MỤC TIÊU**"): the line opens an item all the same.
_EMPHASIS_MARKS = regex.compile(r"[*_]+")
_LOWER = regex.compile(r"\p{Ll}")
_BOLD_LINE = regex.compile(r"^\s*\*\*.*\*\*\s*$")  # a heading set in bold
# A field of the header, the preamble or the signature block on a line of its own, in a copy that keeps
# those lines without blank lines between them: the number ("Số: 57/NQ-HĐND"), the place and date
# ("Phú Yên, ngày 16 tháng 12 năm 2016"), the document type in capitals ("NGHỊ QUYẾT"), each "Căn cứ …" or
# "Xét đề nghị …" of the preamble, "Nơi nhận:", the signer's authority ("KT. BỘ TRƯỞNG"). None of them is
# the wrapped tail of the line above.
_HEADER_FIELD = regex.compile(
    r"^\s*(?:Số\s*:?\s*\d*\s*/\s*\p{Lu}|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s*,\s*ngày\b.{0,30}\bnăm\s+\d{4}\s*$"
    r"|(?:"
    + "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in DOCUMENT_TYPES)
    + r")\s*$|Căn\s+cứ\s|(?:Xét|Theo)\s+đề\s+nghị\b|Nơi\s+nhận\b|(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu})"
)
MAX_WRAPPED_LINES = 20


MAX_CELL_LINES = 25  # a longer run between two bars is running text, not a cell


def debris_table_edits(text: str) -> list[Edit]:
    """Tables of web copies flattened to one cell per run of lines between bare "|" lines, two "|"
    lines ending a row ("|\\nTT\\n|\\nNội dung\\n|\\n|\\n1\\n|\\n…"), rewritten as tab-separated rows.
    A blank line, or a run of text too long for a cell, ends a block; only a block with a row of three
    or more cells is a table (the two-column header and signature blocks keep their lines for the
    identity reader)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[Edit] = []
    for rows in _debris_blocks(lines):
        if len(rows) > 1:
            # No blank line may separate a signature block from the next table: cells before the
            # table's header row make its first row wider than any other. They are left as they are.
            # Rows under spanning cells may be short: the table is as wide as the widest rows, counting
            # only widths that recur (a page footer after the table is a single wider row).
            # A header that opens with the numbering column ("STT") starts there, however wide it is:
            # body rows lose their empty cells (an empty "Ghi chú" is no cell between two bars).
            widths = Counter(len(cells) for cells in rows[1:])
            width = max((w for w, n in widths.items() if n > 1), default=max(widths))
            numbering = _numbering_header(rows[0], lines)
            rows = [rows[0][numbering:] if numbering is not None else rows[0][-width:], *rows[1:]]
        if max(len(cells) for cells in rows) >= 3:
            for cells in rows:
                edits += _row_edits(cells, starts, lines)
    return edits


NUMBERING_HEADER = regex.compile(r"^[*_\s]*(?:STT|TT|Số\s+TT|Số\s+thứ\s+tự)[*_\s]*$", regex.I)


# An appendix heading between two bars ("Bộ Công an\n|\n**PHỤ LỤC II**\nDANH MỤC …\n|\n**TT**"): the copy lost the
# bar that closed the last row of the table above, so the caption is no cell but the start of a new table.
APPENDIX_CAPTION = regex.compile(r"^[*_\s]*PH[ỤU]\s+L[ỤU]C\b")


def _numbering_header(cells: list[tuple[int, int]], lines: list[str]) -> int | None:
    """The position of the row-numbering cell ("**STT**") in a block's first row, else None."""
    for index, (first, last) in enumerate(cells):
        if first == last and NUMBERING_HEADER.match(lines[first]):
            return index
    return None


def _debris_blocks(lines: list[str]) -> list[list[list[tuple[int, int]]]]:
    """Blocks of rows; a row is a list of cells, a cell the (first, last) line numbers of its text."""
    blocks: list[list[list[tuple[int, int]]]] = []
    rows: list[list[tuple[int, int]]] = []
    cells: list[tuple[int, int]] = []

    def close_block() -> None:
        nonlocal rows, cells
        if cells:
            rows.append(cells)
        if rows:
            blocks.append(rows)
        rows, cells = [], []

    i, opened = 0, False  # opened: a bar stands before the current position
    while i < len(lines):
        if lines[i].strip() == "|":
            if opened and i > 0 and lines[i - 1].strip() == "|" and cells:
                rows.append(cells)  # "|" / "|": the row ends, the next begins
                cells = []
            opened = True
            i += 1
            continue
        first = i
        while i < len(lines) and lines[i].strip() not in ("|", ""):
            i += 1
        is_cell = (
            opened
            and i < len(lines)
            and lines[i].strip() == "|"
            and i - first <= MAX_CELL_LINES
            and not APPENDIX_CAPTION.match(lines[first])
        )
        if is_cell:
            cells.append((first, i - 1))
            continue
        close_block()  # running text, or a blank line: whatever came before was a block of its own
        opened = False
        i = max(i, first + 1)
    close_block()
    return [rows for rows in blocks if rows]


def _row_edits(cells: list[tuple[int, int]], starts: list[int], lines: list[str]) -> list[Edit]:
    edits: list[Edit] = []
    first_line = cells[0][0]
    edits.append(Edit(starts[first_line - 1], starts[first_line], ""))  # the opening "|\\n"
    for n, (first, last) in enumerate(cells):
        for line in range(first, last):
            end = starts[line] + len(lines[line])
            edits.append(Edit(end, end + 1, " "))  # a cell wrapped over lines
        end = starts[last] + len(lines[last])
        bar = last + 1
        if n + 1 < len(cells):
            edits.append(Edit(end, starts[cells[n + 1][0]], "\t"))  # "\\n|\\n" between cells
        elif bar < len(lines):
            edits.append(Edit(end, starts[bar] + len(lines[bar]), ""))  # the closing "\\n|"
    return edits


def strip_markdown(mapped: MappedText) -> tuple[MappedText, dict[int, int]]:
    """Remove markup. Returns the new text and {line number: heading level} for heading lines."""
    headings = [(match.start(), len(match.group(1))) for match in HEADING.finditer(mapped.text)]
    edits: list[Edit] = [Edit(m.start(), m.end(), "") for m in HEADING.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), m.group(1)) for m in LINK.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), "") for m in TABLE_RULE.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), "") for m in HARD_BREAK.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), m.group(1)) for m in ESCAPE.finditer(mapped.text)]
    edits += debris_table_edits(mapped.text)
    edits += [Edit(offset, offset + 1, " ") for offset in soft_breaks(mapped.text)]
    edits += [
        Edit(m.start("body") + offset, m.start("body") + offset + 1, " ")
        for m in WRAPPED_EMPHASIS.finditer(mapped.text)
        for offset, char in enumerate(m.group("body"))
        if char == "\n" and offset < len(m.group("body")) - 1
    ]
    taken = _non_overlapping(edits)
    levels = {_line_after(mapped.text, taken, start): level for start, level in headings}
    mapped = mapped.apply(taken)
    # Emphasis after the structural markup is gone, so "**" next to "#" is seen alone.
    bullets = regex.compile(r"(?m)^[ \t]*[*+-][ \t]")
    bullet_spans = {m.start() for m in bullets.finditer(mapped.text)}
    emphasis = [
        Edit(m.start(), m.end(), "")
        for m in EMPHASIS.finditer(mapped.text)
        if not (m.group(0) == "*" and _is_bullet_star(mapped.text, m.start(), bullet_spans))
    ]
    return mapped.apply(_non_overlapping(emphasis)), levels


def _line_after(text: str, edits: list[Edit], offset: int) -> int:
    """The line number ``offset`` of ``text`` lies on once ``edits`` are applied: a soft break joined before it (a
    wrapped list item "- VPCP: …, Trợ lý TTg," / "  các Vụ, Cục …") moves a heading below it up a line."""
    joined = sum(
        text.count("\n", edit.start, edit.end) - edit.replacement.count("\n") for edit in edits if edit.end <= offset
    )
    return text.count("\n", 0, offset) - joined


def _is_bullet_star(text: str, pos: int, bullet_starts: set[int]) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return line_start in bullet_starts and text[line_start:pos].strip() == ""


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept
