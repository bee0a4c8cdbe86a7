"""Objectives: the general objective paragraphs and each specific objective.

Where a plan names them: "Mục tiêu chung" paragraphs (general), "Mục tiêu cụ thể" items and
"Mục tiêu N:" titles (specific). Under a plain "Mục tiêu" part, a paragraph is a general objective
and a numbered sub-heading or item a specific one. A plan without any "Mục tiêu" part states its aims
under "Mục đích": those are its general objectives ("Yêu cầu" never is). Lines that carry a numeric
target are indicators, not objectives.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Indicator, Objective
from vnplan.structure import confidence
from vnplan.structure.sections import Line, SectionNode

OBJECTIVE_PARTS = ("objectives", "general_objectives", "specific_objectives")
ITEM_MARKERS = ("arabic", "dotted", "letter", "bullet")
NUMBERED_OBJECTIVE = regex.compile(r"^mục\s+tiêu\s+\d", regex.I)


def _kind(section: SectionNode, heading: bool, aims_only: bool) -> str | None:
    """The kind of objective a line of ``section`` states, or None when it states none."""
    if section.has_part("general_objectives") and not heading:
        return "general"
    parent = section.parent
    if parent is not None and parent.part == "specific_objectives" and section.marker in ITEM_MARKERS:
        # "- …", "a) …" under "Mục tiêu cụ thể": the item's own line ("2.3. Mục tiêu 3: <title>" is read above,
        # and the paragraphs that explain an item are not objectives of their own, O1)
        if section.marker == "bullet":
            return "specific"
        return "specific" if heading and not NUMBERED_OBJECTIVE.match(section.title) else None
    if section.part == "objectives" and not heading:
        return "general"  # a paragraph under a plain "Mục tiêu" heading
    if parent is not None and parent.part == "objectives" and section.part is None and section.marker in ITEM_MARKERS:
        # "II. MỤC TIÊU" / "1. Phát triển kinh tế số đến năm 2030": the item (its title) is specific
        return "specific" if heading else None
    if aims_only and section.has_part("aims") and not (heading and section.part == "aims"):
        return "general"  # every paragraph and item under "Mục đích", not its heading
    return None


def extract_objectives(
    doc: NormalizedDocument,
    lines: list[Line],
    sections: list[SectionNode],
    section_of: dict[int, SectionNode],
    indicators: list[Indicator],
) -> list[Objective]:
    aims_only = not any(s.part in OBJECTIVE_PARTS for s in sections)
    target_starts = sorted(i.provenance.start for i in indicators)
    objectives: list[Objective] = []
    for line in lines:
        section = section_of.get(line.number)
        if section is None:
            continue
        heading = section.line == line.number
        if section.part == "specific_objectives" and heading and section.title.lower().startswith("mục tiêu "):
            # "Mục tiêu 1: Phát triển kỹ thuật chuyên môn" is one specific objective: its title.
            title = section.title.split(":", 1)[-1].strip()
            if ":" in section.title and title:
                objectives.append(_objective(doc, line, "specific", title, section, offset=line.text.find(title)))
            continue
        kind = _kind(section, heading, aims_only)
        if kind is None or _has_target(line, target_starts):
            continue
        found = match_marker(line.text)
        text = line.text[found.end :].strip() if found else line.text.strip()
        if not text or (text.endswith(":") and len(text) < 200):
            continue  # a lead-in to the items that follow
        objectives.append(_objective(doc, line, kind, text, section, offset=line.text.find(text)))
    for i, objective in enumerate(objectives, start=1):
        objective.id = f"obj-{i}"
    return objectives


def _has_target(line: Line, target_starts: list[int]) -> bool:
    i = bisect_left(target_starts, line.start)
    return i < len(target_starts) and target_starts[i] < line.end


def _objective(
    doc: NormalizedDocument, line: Line, kind: str, text: str, section: SectionNode, offset: int
) -> Objective:
    start = line.start + max(offset, 0)
    return Objective(
        id="",
        kind=kind,  # type: ignore[arg-type]
        text=text,
        section=section.id,
        provenance=doc.provenance(start, start + len(text), f"rule:objective_{kind}", confidence.OBJECTIVE),
    )
