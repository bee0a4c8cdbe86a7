"""Activities a plan writes as blocks it names "Hoạt động N" (FORMAT.md R6).

An action-month plan sets out its programme as a series of blocks: "a) Hoạt động 1: Tổ chức Lễ phát động Tháng
hành động", then lines "- Thời gian: Ngày 15/11/2025", "- Địa điểm: …", "- Đơn vị chủ trì: Sở Y tế", "- Đơn vị
phối hợp: …". The document itself calls each block an activity, and its lines are the cells of the row a task table
would give it: the block is one activity, its name the heading's words after "Hoạt động N" (or its "Nội dung:" line
when the heading gives none), lead unit, coordinating units, deadline and product as its lines write them. A lone
"Hoạt động 1" is no programme: at least two such blocks make one. Numbered tasks that carry the same lines without
calling themselves activities ("1. Xây dựng văn bản …" / "- Cơ quan chủ trì: …") stay unit tasks (R6).
"""

from __future__ import annotations

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Activity
from vnplan.structure import confidence
from vnplan.structure.appendix import split_units
from vnplan.structure.rules import ACTIVITY_BLOCK, ACTIVITY_FIELDS
from vnplan.structure.sections import Line, SectionNode

MIN_BLOCKS = 2
# parts whose "Hoạt động N" are not the plan's programme (a cited plan's, an appendix table's)
NOT_A_PROGRAMME = ("recipients", "appendix")


def block_activities(
    doc: NormalizedDocument, lines: list[Line], section_of: dict[int, SectionNode], first_id: int
) -> list[Activity]:
    starts = [line for line in lines if _opens_block(line, section_of)]
    if len(starts) < MIN_BLOCKS:
        return []
    activities: list[Activity] = []
    for i, line in enumerate(starts):
        # a block runs to the next block or to the end of the section it stands in, whichever comes first
        section = section_of[line.number]
        end = min(section.end, starts[i + 1].start if i + 1 < len(starts) else section.end)
        activity = _activity(doc, line, end, first_id + len(activities))
        if activity is not None:
            activities.append(activity)
    return activities


def _opens_block(line: Line, section_of: dict[int, SectionNode]) -> bool:
    section = section_of.get(line.number)
    return section is not None and not section.has_part(*NOT_A_PROGRAMME) and _block_name(line.text) is not None


def _block_name(text: str) -> str | None:
    """The words after "Hoạt động N" on a block's heading line ("" when it has none), or None for another line."""
    found = match_marker(text)
    own = text[found.end :] if found and found.marker != "named" else text
    m = ACTIVITY_BLOCK.match(own.strip(" *"))
    return own.strip(" *")[m.end() :].strip(" .:;*") if m else None


def _fields(doc: NormalizedDocument, line: Line, end: int) -> dict[str, str]:
    """The block's lines that name when, who and what (the first of each kind); a heading line "Hoạt động 1" on its
    own is named by the first line below it that is none of these ("untitled")."""
    fields: dict[str, str] = {}
    for text in doc.text[line.end : max(end, line.end)].split("\n"):
        text = text.strip(" *")
        role, value = next(((r, m["value"]) for r, p in ACTIVITY_FIELDS if (m := p.match(text))), ("untitled", text))
        if value:
            fields.setdefault(role, value.strip(" .;"))
    return fields


def _activity(doc: NormalizedDocument, line: Line, end: int, number: int) -> Activity | None:
    fields = _fields(doc, line, end)
    name = _block_name(line.text) or fields.get("name") or fields.get("untitled")
    if not name:
        return None
    return Activity(
        id=f"act-{number}",
        name=name,
        lead_unit=fields.get("lead"),
        support_units=split_units(fields.get("support", "")),
        product=fields.get("product"),
        deadline=fields.get("deadline"),
        budget_vnd=None,
        provenance=doc.provenance(line.start, line.end, "rule:activity_block", confidence.ACTIVITY_BLOCK),
    )
