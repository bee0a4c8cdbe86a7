"""Activities of a timetable written as a list (FORMAT.md R6).

A plan may set its calendar as numbered items or bullets instead of a table: "1. Tựu trường các cấp
học: Ngày 26/8/2024 (thứ Hai).", "5. Hoàn thành tuyển sinh các lớp đầu cấp trước ngày 31/7/2025." Such a
list is the table of steps written out, and each dated step is an activity: its name the step, its
deadline the date as written (on the step's line, or on a line of its own below it: "2.2. Bước 2: Kiểm
tra hiện trạng nhà ở …" / "Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2014."). A list counts as a timetable when at least half of its items (and at
least three) carry a date, themselves or in their sub-items, and no item names a body as its subject:
tasks assigned to units in running text stay unit tasks. Under a heading that names the schedule ("III. TIẾN ĐỘ
THỰC HIỆN", "Thời gian thực hiện", "Lộ trình"), also inside "Tổ chức thực hiện", two dated steps make a timetable and
a step may be dated by its month or quarter ("Tháng 12/2025", "Quý I/2026"). A step may put its date first, as the row
of a timetable does ("- Trước ngày 15/12/2025: Các cơ quan, đơn vị thành lập Hội đồng kiểm kê"): its name is what
follows the date, whatever body that names; a sentence whose subject is a body behind its date ("Quý I/2027, các cơ
quan … đánh giá …") is a unit task.
"""

from __future__ import annotations

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.model import Activity
from vnplan.structure import confidence
from vnplan.structure.lexicon import organisations
from vnplan.structure.rules import (
    DEADLINE_FIELD,
    LEGAL_REFERENCE,
    SCHEDULE_DATE,
    STEP_LABEL,
    STEP_LEAD_CLAUSE,
    TIMETABLE_DATE,
    TIMETABLE_DEADLINE,
)
from vnplan.structure.sections import SectionNode, part_of, split_run_in

LIST_MARKERS = ("arabic", "letter", "bullet", "dotted")
MIN_STEPS = 3
DATE_LABEL_WORDS = 12  # "Từ ngày 01/01/2026 đến hết ngày 31/01/2026": a date before the colon, not a sentence
MIN_SCHEDULE_STEPS = 2  # under a heading that names the schedule, the list is a timetable by the document's word
# parts whose items assign work or list other things than the plan's own calendar
NOT_A_CALENDAR = ("implementation", "recipients", "appendix", "budget", "purpose", "aims", "requirements")
# a schedule heading inside them is still no calendar of the plan's
NOT_A_SCHEDULE = ("recipients", "appendix")


def timetable_activities(doc: NormalizedDocument, sections: list[SectionNode], first_id: int) -> list[Activity]:
    activities: list[Activity] = []
    for parent in sections:
        items = [c for c in parent.children if c.marker in LIST_MARKERS]
        dates = _Dates(schedule=_names_the_schedule(parent))
        if not _is_timetable(doc, parent, items, dates):
            continue
        for item in items:
            dated = [item] if _dated(doc, item, dates) else [c for c in item.children if _dated(doc, c, dates)]
            for step in dated:
                activities.append(_activity(doc, step, first_id + len(activities), dates))
    return activities


class _Dates:
    """What dates a step: a day ("ngày 26/8/2024") anywhere; under a schedule heading a month or quarter too."""

    def __init__(self, schedule: bool) -> None:
        self.schedule = schedule
        self.min_steps = MIN_SCHEDULE_STEPS if schedule else MIN_STEPS

    def search(self, text: str) -> bool:
        return bool(TIMETABLE_DATE.search(text) or (self.schedule and SCHEDULE_DATE.search(text)))


def _names_the_schedule(parent: SectionNode) -> bool:
    """ "III. TIẾN ĐỘ THỰC HIỆN", "2. Thời gian thực hiện" (also where "Tổ chức thực hiện" holds it)."""
    return (parent.part or part_of(parent.title)) == "schedule" and not parent.has_part(*NOT_A_SCHEDULE)


def _is_timetable(doc: NormalizedDocument, parent: SectionNode, items: list[SectionNode], dates: _Dates) -> bool:
    if len(items) < dates.min_steps or (not dates.schedule and parent.has_part(*NOT_A_CALENDAR)):
        return False
    dated = [i for i in items if _dated(doc, i, dates) or any(_dated(doc, c, dates) for c in i.children)]
    return (
        len(dated) >= dates.min_steps
        and 2 * len(dated) >= len(items)
        and not any(_names_a_body(i.title) and _date_label(_heading_text(doc, i), dates) is None for i in items)
    )


def _date_label(text: str, dates: _Dates) -> tuple[str, str] | None:
    """A step that puts its date first, as the row of a timetable does (when: what): "Trước ngày 15/12/2025: Các
    cơ quan, đơn vị thành lập Hội đồng kiểm kê" → (when, what), even where what names a body; None otherwise
    ("Quý I/2027, các cơ quan … đánh giá …" is a sentence whose subject is a body)."""
    label, rest = split_run_in(text)
    if label is None or not dates.search(label) or dates.search(rest) or len(label.split()) > DATE_LABEL_WORDS:
        return None
    return None if _names_a_body(label) else (label, rest)


def _heading_text(doc: NormalizedDocument, section: SectionNode) -> str:
    """The item's own line, without its numbering."""
    line_end = doc.text.find("\n", section.start)
    line = doc.text[section.start : line_end if line_end >= 0 else len(doc.text)]
    return regex.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*(?:\.[a-zđ])?[.)]|[a-zđ]\)|[-+•–])\s*", "", line).strip()


def _deadline_line(doc: NormalizedDocument, section: SectionNode, dates: _Dates) -> regex.Match[str] | None:
    """The line "Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014" in the step's own text (above its
    sub-items), when it gives a date."""
    body_end = section.children[0].start if section.children else section.end
    for line in doc.text[section.start : body_end].split("\n")[1:]:
        m = DEADLINE_FIELD.match(line.strip())
        if m and dates.search(m["when"]):
            return m
    return None


def _dated(doc: NormalizedDocument, section: SectionNode, dates: _Dates) -> bool:
    """The step's line gives a date of its own: the date of a cited document ("Nghị định số 105/2021/NĐ-CP
    ngày 04/12/2021") makes no list of cited documents a timetable."""
    text = LEGAL_REFERENCE.sub(" ", _heading_text(doc, section))
    return dates.search(text) or _deadline_line(doc, section, dates) is not None


_BODY = regex.compile(r"^(?:" + organisations().head_pattern(groups=True) + r")", regex.I | regex.V1)


def _names_a_body(title: str) -> bool:
    """The step's subject is a body, at its start or behind its date or basis ("Quý I/2027, các cơ quan …")."""
    text = title.strip()
    return bool(_BODY.match(text) or _BODY.match(STEP_LEAD_CLAUSE.sub("", text, count=1)))


def _activity(doc: NormalizedDocument, step: SectionNode, number: int, dates: _Dates) -> Activity:
    text = _heading_text(doc, step)
    label, rest = split_run_in(text)
    field = _deadline_line(doc, step, dates)
    if field is not None and not dates.search(text):
        # "Bước 2: Kiểm tra hiện trạng nhà ở …" / "Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2014."
        name, deadline = STEP_LABEL.sub("", text), field["when"]
    elif label is not None and dates.search(rest) and not dates.search(label):
        # "Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai)": the step, then when
        name, deadline = label, rest
    elif (row := _date_label(text, dates)) is not None:
        # "Trước ngày 15/12/2025: Các cơ quan, đơn vị thành lập Hội đồng kiểm kê": when, then the step
        deadline, name = row
    else:
        # "Hoàn thành tuyển sinh các lớp đầu cấp trước ngày 31/7/2025": the date clause closes the step
        m = TIMETABLE_DEADLINE.search(text)
        name, deadline = (text[: m.start()], m.group(0)) if m else (text, None)
    name = name.strip(" ,;:.")
    start = step.start + doc.text[step.start :].find(text)
    return Activity(
        id=f"act-{number}",
        name=name,
        lead_unit=None,
        support_units=[],
        product=None,
        deadline=deadline.strip(" .;") if deadline else None,
        budget_vnd=None,
        provenance=doc.provenance(start, start + len(text), "rule:timetable_list", confidence.TIMETABLE_STEP),
    )
