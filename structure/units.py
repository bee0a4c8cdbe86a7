"""Units: who is assigned what in "Tổ chức thực hiện", with role, tasks and indicator references.

Two layouts cover most plans: a numbered unit name followed by its duties as bullets
("1. Phòng Nghiệp vụ Y" / "- Chủ trì …"), and a sentence that assigns ("Giao Trung tâm Y tế
huyện … xây dựng Kế hoạch"). Units named after "phối hợp với" in a duty are support units.
"""

from __future__ import annotations

import regex

from vnplan.markers import match_marker
from vnplan.model import Task, Unit
from vnplan.normalize import NormalizedDocument
from vnplan.structure.sections import Line, SectionNode

# Abbreviations expanded in canonical names (whole words only).
ABBREVIATIONS: dict[str, str] = {
    "BVĐK": "Bệnh viện đa khoa",
    "TTYT": "Trung tâm Y tế",
    "YHCT": "Y học cổ truyền",
    "SYT": "Sở Y tế",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "KH-TC": "Kế hoạch - Tài chính",
    "KHTC": "Kế hoạch - Tài chính",
    "TCHC": "Tổ chức - Hành chính",
    "TC-HC": "Tổ chức - Hành chính",
    "TYT": "Trạm Y tế",
    "BV": "Bệnh viện",
    "YT": "Y tế",
    "NVY": "Nghiệp vụ Y",
    "TTr.": "Thường trực",
}
_ABBREVIATION = regex.compile(
    r"(?<![\p{L}\-])("
    + "|".join(regex.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\p{L}])"
)
UNIT_HEAD = regex.compile(
    r"^(?:Các\s+)?(?:Phòng|Sở|Ban|Bệnh\s+viện|BV|BVĐK|Trung\s+tâm|TTYT|Thanh\s+tra|Văn\s+phòng|Trạm|TYT|Khoa|Ủy\s+ban|UBND|"
    r"Hội\s+đồng|Chi\s+cục|Cục|Bộ|Đài|Báo|Công\s+an|Bảo\s+hiểm|Liên\s+đoàn|Hội|Đoàn|Trường|Đề\s+nghị)\b",
    regex.V1,
)
ASSIGN = regex.compile(
    r"^(?:Giao|Đề\s+nghị)\s+(?P<units>.+?)(?=\s+(?:có\s+trách\s+nhiệm|trên\s+cơ\s+sở|là\s+đầu\s+mối|chủ\s+trì|"
    r"căn\s+cứ|phối\s+hợp|tham\s+mưu|chịu\s+trách\s+nhiệm|xây\s+dựng|tổ\s+chức|thực\s+hiện)\b)"
)
SUPPORT = regex.compile(
    r"phối\s+hợp\s+(?:chặt\s+chẽ\s+)?với\s+(?P<units>(?:các\s+)?(?:phòng|Phòng|Sở|sở|Bệnh\s+viện|Trung\s+tâm|TTYT|BVĐK|UBND|Ủy\s+ban)"
    r"[^.;:]*?)(?=\s+(?:để|trong|nhằm|tham\s+mưu|thực\s+hiện|triển\s+khai|xây\s+dựng|hoàn\s+thành)\b|[.;:]|$)"
)
INDICATOR_REFS = regex.compile(r"chỉ\s+tiêu\s*:?\s*(?P<refs>\d+(?:\.\d+)+(?:\s*,\s*\d+(?:\.\d+)+)*)")
DEADLINE = regex.compile(
    r"(?:Tháng\s+\d{1,2}/\d{4}|Quý\s+[IV]+/\d{4}|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|hàng\s+năm|định\s+kỳ[^.;,]*)",
    regex.I,
)


def canonical_name(name: str, qualifier: str | None) -> str:
    name = regex.sub(r"^(?:Đề\s+nghị|Giao)\s+", "", name.strip())
    expanded = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], name.strip(" :;,."))
    expanded = regex.sub(r"\s+", " ", expanded)
    expanded = regex.sub(r"\s*[-–]\s*SYT$|\s*[-–]\s*Sở Y tế$", "", expanded)
    if qualifier and regex.match(r"^(?:Phòng|Khoa)\b", expanded) and qualifier not in expanded:
        expanded = f"{expanded} - {qualifier}"
    return expanded


def _qualifier(issuer: str | None) -> str | None:
    """Departments are qualified by the issuing body without its province: 'Sở Y tế'."""
    if not issuer:
        return None
    return regex.sub(r"\s+tỉnh\s+.+$", "", issuer)


def extract_units(
    doc: NormalizedDocument, lines: list[Line], section_of: dict[int, SectionNode], issuer: str | None
) -> list[Unit]:
    qualifier = _qualifier(issuer)
    units: dict[tuple[str, str], Unit] = {}

    def add(name: str, role: str, start: int, end: int, method: str) -> Unit:
        canon = canonical_name(name, qualifier)
        key = (canon.lower(), role)
        if key not in units:
            units[key] = Unit(
                id="",
                name=name.strip(" :;,."),
                canonical_name=canon,
                role=role,  # type: ignore[arg-type]
                tasks=[],
                provenance=doc.provenance(start, end, method, 0.8),
            )
        return units[key]

    for line in lines:
        section = section_of.get(line.number)
        if section is None or not section.has_part("implementation") or section.has_part("appendix", "recipients"):
            continue
        heading = section.line == line.number
        found = match_marker(line.text)
        body = line.text[found.end :] if found else line.text
        body_start = line.start + (found.end if found else 0)
        lead: Unit | None = None
        if heading and section.marker in ("arabic", "dotted", "letter", "roman") and section.part != "implementation":
            title = section.title.rstrip(":")
            if UNIT_HEAD.match(title) and len(title.split()) <= 14 and not ASSIGN.match(title):
                lead = add(title, "lead", body_start, body_start + len(title), "rule:unit_heading")
        assign = ASSIGN.match(body)
        if assign:
            for part in regex.split(r"\s*;\s*|\s*,\s*(?=(?:Phòng|Sở|Bệnh|Trung|TTYT|BVĐK|Văn))", assign["units"]):
                if part:
                    offset = body.find(part)
                    lead = add(
                        part, "lead", body_start + offset, body_start + offset + len(part), "rule:unit_assignment"
                    )
        owner = lead or _owning_unit(section, units, qualifier)
        if owner is not None and not (heading and lead is not None and body.strip().rstrip(":") == lead.name):
            refs = [r.strip() for m in INDICATOR_REFS.finditer(body) for r in m["refs"].split(",")]
            deadline = DEADLINE.search(body)
            owner.tasks.append(
                Task(
                    text=body.strip(),
                    indicator_refs=refs,
                    deadline=deadline.group(0) if deadline else None,
                    product=None,
                    provenance=doc.provenance(body_start, line.end, "rule:unit_task", 0.75),
                )
            )
        for m in SUPPORT.finditer(body):
            for part in regex.split(r"\s*,\s*|\s+và\s+", m["units"]):
                if UNIT_HEAD.match(part[:1].upper() + part[1:]) or part.lower().startswith("các phòng"):
                    offset = m.start("units") + m["units"].find(part)
                    add(
                        part[:1].upper() + part[1:],
                        "support",
                        body_start + offset,
                        body_start + offset + len(part),
                        "rule:unit_support",
                    )
    result = list(units.values())
    for i, unit in enumerate(result, start=1):
        unit.id = f"unit-{i}"
    return result


def _owning_unit(section: SectionNode, units: dict[tuple[str, str], Unit], qualifier: str | None) -> Unit | None:
    """The lead unit whose heading encloses this line."""
    node: SectionNode | None = section
    while node:
        key = (canonical_name(node.title.rstrip(":"), qualifier).lower(), "lead")
        if key in units:
            return units[key]
        node = node.parent
    return None
