"""Layout clean-up: page furniture dropped, wrapped lines re-joined into paragraphs.

The input is text as readers produce it: one physical line per printed line, often with blank
lines between them (PDF text layers), page breaks as form feeds. The output has one logical
line per paragraph, heading, list item or table row, separated by single newlines.

A physical line is joined to the one before unless the one before ends a sentence, or this one
opens a new block (a numbered heading, a bullet, "Căn cứ …", a table row), or the one before is
visibly short of the page width and this one starts with a capital letter.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

import regex

from vnplan.normalize.mapped import Edit, MappedText
from vnplan.schema.markers import DOCUMENT_TYPES, NATIONAL_MOTTO, PARAGRAPH_OPENERS, match_marker

PAGE_NUMBER = regex.compile(r"^(?:[-–—]\s*)?(?:Trang\s+)?(\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", regex.I)
SENTENCE_END = regex.compile(r"(?:[.!?…]|\./\.|\.\s*[\"”’)]|\)\s*\.)$")
# A clause break: the paragraph goes on if the next line starts in lower case or with a number.
CLAUSE_END = regex.compile(r"[;:,]\s*[\"”’)]?$")
NUMBERS_ONLY = regex.compile(r"^[\d.,%\s=x*+/()-]+$")
STARTS_WITH_ROW_NUMBER = regex.compile(r"^\d{1,3}\s+\S")
ENDS_WITH_NUMBER = regex.compile(r"\d$")
LOWER_START = regex.compile(r"^[\p{Ll}(\"“]")
UPPER_START = regex.compile(r"^\p{Lu}")
# Specks a scan leaves at the ends of OCR'd lines: "_", "|", "'", "`", "¬", "~" and lone dashes.
OCR_SPECKS = regex.compile(r"^(?:[_|'`¬~\\.,:;]+\s*|[-–]\s+(?=[-–_|'`]))+|(?:\s*[_|'`¬~\\]+|\s+[-–])+$")
# Specks inside an OCR'd line: a lone symbol between spaces ("Phòng ˆ Tài chính", "phát triển \\ lĩnh vực").
OCR_INNER_SPECKS = regex.compile(r"(?<=\S) [ˆ›‹\\¡¬~`|_](?= )")
# A full stop after a word (not "v.v."): in OCR'd text, a speck when the next line starts in lower case.
OCR_STOP_BEFORE_LOWER = regex.compile(r"\p{L}{2}\.$")
YEAR_RANGE_END = regex.compile(r"(?:^|\s)(?:19|20)\d\d$")
YEAR_RANGE_REST = regex.compile(r"^[-–]\s*(?:19|20)\d\d\b")
_INNER_SPACES = regex.compile(r"(?<=\S) {2,}(?=\S)")
# A document type alone on its line ("QUYẾT ĐỊNH", "CHƯƠNG TRÌNH HÀNH ĐỘNG").
TYPE_LINE = regex.compile("|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in DOCUMENT_TYPES))
# A table row written with pipes: "| a | b |" (Markdown), "a | b | c" (Word text), or a Markdown row
# whose closing pipe the copy left off ("| Số: 5129/QĐ-UBND | TP. Hồ Chí Minh, ngày …").
PIPE_ROW = regex.compile(r"^\|.*\|$|^[^|]+(?:\s\|\s[^|]*){1,}$|^\|\s*[^|\s][^|]*(?:\s\|\s[^|]*){1,}$")
# Words no phrase ends on: a line that stops on one goes on in the next, whatever follows
# ("… tối thiểu mức 3; Đến" / "2030 đạt mức 4."), even after a short line.
DANGLING_WORD = regex.compile(r"(?:\s|^)(?:của|và|các|với|cho|tại|theo|về|ở|trong|đến|từ)$", regex.IGNORECASE)
# A title is short: it wraps over two lines at most and runs to TITLE_WORDS words at most (the longest titles of
# the seeds run to 29: "1. Nâng cao nhận thức của cấp ủy, … sức khỏe của Nhân dân").
TITLE_LINES = 2
TITLE_WORDS = 32
# The head of a name: a numbered title that stops on one goes on into the capitalised line below.
CONTINUES_INTO_NAME = regex.compile(
    r"(?:\s|^)(?:tỉnh|huyện|xã|phường|thành\s+phố|thị\s+xã|quận|Bộ|Sở|Ban|Ủy\s+ban|Bệnh\s+viện|Trung\s+tâm|Phòng|[Nn]hân)$"
)


@dataclass(frozen=True)
class PhysicalLine:
    start: int  # offsets in the text before layout
    end: int
    text: str
    heading_level: int | None  # from Markdown
    indented: bool = False
    page_break: bool = False  # the line carries a form feed (readers put one alone between pages)


@dataclass(frozen=True)
class LayoutResult:
    text: MappedText
    headings: dict[int, int]  # logical line number → Markdown heading level
    join_points: list[int]  # offsets in the new text where two physical lines were joined
    furniture: list[str]  # the lines dropped as page furniture


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _furniture(lines: list[PhysicalLine]) -> set[int]:
    """Indexes of lines that are page numbers or running headers/footers."""
    page_breaks = [i for i, line in enumerate(lines) if line.page_break]
    near_break: set[int] = set()
    for i in page_breaks:
        near_break.update(range(i - 2, i + 3))
    numbered = [
        (i, int(m.group(1))) for i, line in enumerate(lines) if (m := PAGE_NUMBER.match(line.text.strip("\f ")))
    ]
    # Next to a page break, a number is the page's own number; a table row number there is not
    # (OCR misses or misreads some page numbers, so the steady run below may not find the rest).
    dropped = {i for i, n in numbered if i in near_break and n == 1 + bisect.bisect_left(page_breaks, i)}
    dropped |= _page_number_run(numbered, len(lines))
    if page_breaks:
        # Running headers and footers: the same line next to at least three page breaks.
        counts = Counter(lines[i].text.strip() for i in near_break if 0 <= i < len(lines))
        for text, count in counts.items():
            if count >= 3 and len(text) >= 4 and not match_marker(text):
                dropped.update(i for i in near_break if 0 <= i < len(lines) and lines[i].text.strip() == text)
    return dropped


def _page_number_run(numbered: list[tuple[int, int]], line_count: int) -> set[int]:
    """Standalone numbers counting up one by one at a steady pace through the whole document.

    Table row numbers count up too, but they cluster in one place; page numbers are spread evenly.
    """
    best: list[int] = []
    run: list[tuple[int, int]] = []
    for item in numbered:
        if run and item[1] == run[-1][1] + 1 and item[0] - run[-1][0] >= 15:
            run.append(item)
        else:
            run = [item]
        if len(run) > len(best):
            best = [i for i, _ in run]
    if len(best) < 3 or best[-1] - best[0] < 0.5 * line_count:
        return set()
    gaps = [b - a for a, b in itertools.pairwise(best)]
    if statistics.pstdev(gaps) > 0.5 * statistics.mean(gaps):
        return set()
    return set(best)


def _pipe_row_edits(line: PhysicalLine) -> list[Edit]:
    """'| a | b |' or 'a | b' → 'a<TAB>b' (leading and trailing pipes dropped)."""
    edits: list[Edit] = []
    lead = regex.match(r"\|\s*", line.text)
    if lead:
        edits.append(Edit(line.start, line.start + lead.end(), ""))
    trail = regex.search(r"\s*\|$", line.text)
    if trail and (not lead or trail.start() >= lead.end()):
        edits.append(Edit(line.start + trail.start(), line.end, ""))
    body_from = lead.end() if lead else 0
    body_to = trail.start() if trail else len(line.text)
    cell_start = body_from
    for m in [*regex.finditer(r"\s*\|\s*", line.text[body_from:body_to]), None]:
        cell_end = body_from + m.start() if m else body_to
        for space in _INNER_SPACES.finditer(line.text, cell_start, cell_end):
            edits.append(Edit(line.start + space.start(), line.start + space.end(), " "))
        if m:
            edits.append(Edit(line.start + body_from + m.start(), line.start + body_from + m.end(), "\t"))
            cell_start = body_from + m.end()
    return edits


def _opens_block(line: PhysicalLine) -> bool:
    text = line.text
    return bool(
        line.heading_level
        or match_marker(text)
        or PARAGRAPH_OPENERS.match(text)
        or NATIONAL_MOTTO.match(text)
        or "\t" in text
        or bool(PIPE_ROW.match(text))
    )


def _closes_block(line: PhysicalLine) -> bool:
    text = line.text
    return bool(line.heading_level or SENTENCE_END.search(text) or "\t" in text or PIPE_ROW.match(text))


def _opens_title(text: str) -> bool:
    """A numbered line whose words so far carry no sentence punctuation: maybe a section title."""
    marker = match_marker(text)
    if not marker or marker.marker == "bullet":
        return False
    # "2.6. Mục tiêu 6: Đầu tư …": the colon after a named item is part of the title.
    words = regex.sub(r"^\s*(?:Mục|Chỉ)\s+tiêu\s+\d+\s*:", "", text[marker.end :])
    return not regex.search(r"[.;:!?]", words)


def _still_a_title(logical: str, added: str, wrap_width: float) -> bool:
    """A numbered title that has just taken ``added`` as its next line is one still."""
    short = len(logical) <= TITLE_LINES * wrap_width and len(logical.split()) <= TITLE_WORDS
    return short and not regex.search(r"[.;:!?]", added)


def _stray_stop(prev: PhysicalLine, cur: PhysicalLine) -> bool:
    return bool(OCR_STOP_BEFORE_LOWER.search(prev.text)) and cur.text[:1].islower()


def _should_join(prev: PhysicalLine, cur: PhysicalLine, wrap_width: float, in_heading: bool, ocr: bool = False) -> bool:
    """``in_heading``: the paragraph so far opened with a numbered marker and has no sentence stop.
    ``ocr``: letter case is unreliable ("Cơ Chế"), so a clause break goes on whatever the case,
    and a full stop before a line in lower case is a speck or a misread comma ("văn hóa." / "thông tin")."""
    if YEAR_RANGE_END.search(prev.text) and YEAR_RANGE_REST.match(cur.text):
        return True  # "thời kỳ 2021" + "- 2030, tầm nhìn …": a year range broken at the margin, not a bullet
    if _opens_block(cur):
        return False
    if ocr and _stray_stop(prev, cur):
        return True
    if _closes_block(prev):
        return False
    if CLAUSE_END.search(prev.text):
        if ocr and prev.text.endswith((",", ";")):
            return True
        if prev.text.endswith(",") and len(prev.text) >= 0.7 * wrap_width:
            return True  # a full line broken after a comma, even before a name: "… với các phòng," / "Ban liên quan …"
        return bool(LOWER_START.match(cur.text) or (prev.text.endswith((":", ",")) and cur.text[:1].isdigit()))
    if DANGLING_WORD.search(prev.text):
        return True
    # A capitalised line after a numbered title is the title's first paragraph, unless the title
    # broke off mid-phrase before a name ("… sự lãnh đạo của" / "Đảng …").
    if in_heading and UPPER_START.match(cur.text) and not CONTINUES_INTO_NAME.search(prev.text):
        return False
    if NUMBERS_ONLY.match(prev.text) or NUMBERS_ONLY.match(cur.text):
        return False
    if ENDS_WITH_NUMBER.search(prev.text) and STARTS_WITH_ROW_NUMBER.match(cur.text):
        return False
    prev_caps, cur_caps = _is_caps_line(prev.text), _is_caps_line(cur.text)
    if prev_caps != cur_caps and not LOWER_START.match(cur.text):
        return False
    if TYPE_LINE.fullmatch(prev.text) and cur.text[:1].islower():
        return False  # a document type alone in capitals ("QUYẾT ĐỊNH") stands above its subject, even "về việc …"
    if LOWER_START.match(cur.text):
        return True
    # A capital letter after a line that stopped well short of the margin starts a new paragraph.
    return len(prev.text) >= 0.7 * wrap_width


def _wrap_width(lines: list[PhysicalLine]) -> float:
    lengths = [len(line.text) for line in lines if len(line.text) >= 20]
    if len(lengths) < 5:
        return 80.0
    return float(statistics.quantiles(lengths, n=10)[7])  # 80th percentile: a full printed line


def reflow(mapped: MappedText, heading_lines: dict[int, int] | None = None, ocr: bool = False) -> LayoutResult:
    """``ocr``: the text comes from OCR, whose lines carry specks read as punctuation at their ends."""
    heading_lines = heading_lines or {}
    lines: list[PhysicalLine] = []
    for number, (start, end) in enumerate(mapped.lines()):
        raw = mapped.text[start:end]
        # In a tab-separated row (two tabs or more) leading tabs are the empty cells before the first
        # value, so they stay; a single tab is indentation.
        if raw.count("\t") >= 2 and raw.strip(" \t\f\v"):
            stripped = raw.lstrip(" \f\v").rstrip(" \t\f\v")
        else:
            stripped = raw.strip(" \t\f\v")
        if ocr:
            stripped = OCR_SPECKS.sub("", stripped)
        lead = raw.index(stripped) if stripped else 0
        s = start + lead
        lines.append(PhysicalLine(s, s + len(stripped), stripped, heading_lines.get(number), lead > 0, "\f" in raw))

    furniture = _furniture(lines)
    # A line of pipes and dashes alone is a table rule, not content.
    kept = [line for i, line in enumerate(lines) if line.text.strip("|-: ") and i not in furniture]
    wrap_width = _wrap_width(kept)

    edits: list[Edit] = []
    joins: list[bool] = []
    # Everything before the first kept line goes; every gap between kept lines becomes "\n" or " ".
    if kept:
        edits.append(Edit(0, kept[0].start, ""))
        in_heading = _opens_title(kept[0].text)
        logical = kept[0].text
        for prev, cur in itertools.pairwise(kept):
            join = _should_join(prev, cur, wrap_width, in_heading, ocr)
            logical = f"{logical} {cur.text}" if join else cur.text
            # a numbered line run on past a title's length is a paragraph ("2. Các sở, ban, ngành, …" / "… để
            # thực hiện" / "Kế hoạch; sắp xếp …"), whose capitals go on in it
            in_heading = (
                in_heading and _still_a_title(logical, cur.text, wrap_width) if join else _opens_title(cur.text)
            )
            glue = " " if join else "\n"
            if join and prev.text.endswith("-") and prev.text[-2:-1].isdigit() and cur.text[:1].isdigit():
                glue = ""  # "2023-" + "2025" is one range split at the margin
            joins.append(join)
            # the speck OCR read as a full stop goes with the line break
            stray = join and ocr and _stray_stop(prev, cur)
            edits.append(Edit(prev.end - 1 if stray else prev.end, cur.start, glue))
        edits.append(Edit(kept[-1].end, len(mapped.text), ""))
    else:
        edits.append(Edit(0, len(mapped.text), ""))
    # Runs of spaces inside a line are layout, not content.
    for line in kept:
        if PIPE_ROW.match(line.text):
            edits.extend(_pipe_row_edits(line))  # cells become tab-separated, like every other table row
            continue
        if ocr:
            edits.extend(
                Edit(m.start(), m.end(), "") for m in OCR_INNER_SPECKS.finditer(mapped.text, line.start, line.end)
            )
        for m in _INNER_SPACES.finditer(mapped.text, line.start, line.end):
            edits.append(Edit(m.start(), m.end(), " "))
    edits = _without_overlaps(edits)
    result = mapped.apply(edits)

    # Where each kept line starts in the new text: its old start shifted by the edits before it.
    new_starts = _shift([line.start for line in kept], edits)
    headings: dict[int, int] = {}
    join_points: list[int] = []
    logical = 0
    for index, line in enumerate(kept):
        if index and not joins[index - 1]:
            logical += 1
        elif index:
            join_points.append(new_starts[index])
        if line.heading_level and logical not in headings:
            headings[logical] = line.heading_level
    dropped = [lines[i].text for i in sorted(furniture) if lines[i].text]
    return LayoutResult(result, headings, join_points, dropped)


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    """Edits in order, each one that would overlap an earlier one dropped (speck and space clean-ups may touch)."""
    kept: list[Edit] = []
    for edit in sorted(edits):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def _shift(positions: list[int], edits: list[Edit]) -> list[int]:
    """New offsets of old positions that no edit covers (positions ascending)."""
    ordered = sorted(edits)
    shifted: list[int] = []
    delta = 0
    k = 0
    for pos in positions:
        while k < len(ordered) and ordered[k].end <= pos:
            delta += len(ordered[k].replacement) - (ordered[k].end - ordered[k].start)
            k += 1
        shifted.append(pos + delta)
    return shifted
