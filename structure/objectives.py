"""Objectives: the general objective paragraphs and each specific objective."""

from __future__ import annotations

from vnplan.markers import match_marker
from vnplan.model import Objective
from vnplan.normalize import NormalizedDocument
from vnplan.structure.sections import Line, SectionNode


def extract_objectives(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode], section_of: dict[int, SectionNode]
) -> list[Objective]:
    objectives: list[Objective] = []
    for line in lines:
        section = section_of.get(line.number)
        if section is None:
            continue
        heading = section.line == line.number
        if section.has_part("general_objectives") and not heading:
            kind = "general"
        elif section.part == "specific_objectives" and heading and section.title.lower().startswith("mục tiêu "):
            # "Mục tiêu 1: Phát triển kỹ thuật chuyên môn" is one specific objective: its title.
            title = section.title.split(":", 1)[-1].strip()
            if ":" in section.title and title:
                objectives.append(_objective(doc, line, "specific", title, section, offset=line.text.find(title)))
            continue
        elif section.marker == "bullet" and section.parent is not None and section.parent.part == "specific_objectives":
            kind = "specific"
        else:
            continue
        found = match_marker(line.text)
        text = line.text[found.end :].strip() if found else line.text.strip()
        if not text or (kind == "general" and text.endswith(":") and len(text) < 200):
            continue
        objectives.append(_objective(doc, line, kind, text, section, offset=line.text.find(text)))
    for i, objective in enumerate(objectives, start=1):
        objective.id = f"obj-{i}"
    return objectives


def _objective(
    doc: NormalizedDocument, line: Line, kind: str, text: str, section: SectionNode, offset: int
) -> Objective:
    start = line.start + max(offset, 0)
    return Objective(
        id="",
        kind=kind,  # type: ignore[arg-type]
        text=text,
        section=section.id,
        provenance=doc.provenance(start, start + len(text), f"rule:objective_{kind}", 0.85),
    )
