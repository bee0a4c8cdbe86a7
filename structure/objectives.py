"""Objectives: the general objective paragraphs and each specific objective.

Where a plan names them: "Mục tiêu chung" paragraphs and items (general), "Mục tiêu cụ thể" items
and paragraphs and "Mục tiêu N:" titles (specific). Under a plain "Mục tiêu" part, a paragraph is a
general objective and a numbered sub-heading or item a specific one. A plan without any "Mục tiêu"
part states its aims under "Mục đích": those are its general objectives ("Yêu cầu" never is); under
a "Mục đích, yêu cầu" part that does not divide its items, the items not worded as requirements.
A run-in heading ("1. Mục đích: Chủ động …", "a) Mục tiêu chung: …") states its part's first
paragraph after the colon. Lines that carry a numeric target are indicators, not objectives.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Indicator, Objective
from vnplan.structure import confidence
from vnplan.structure.rules import (
    NUMBERED_GOAL_TITLE,
    STATUS_OPENING,
    TITLE_WORD_LIMIT,
    requirement_wording,
    states_no_aim,
)
from vnplan.structure.sections import Line, SectionNode, part_of, split_run_in

OBJECTIVE_PARTS = ("objectives", "general_objectives", "specific_objectives")
# parts whose "Mục tiêu" is a task's or an appendix's, not the plan's
OTHER_PARTS = ("tasks_solutions", "implementation", "appendix", "budget", "recipients")
# inside an appendix that holds the plan's only aims, its tasks, budget … still state none
APPENDIX_OTHER_PARTS = tuple(part for part in OTHER_PARTS if part != "appendix")
ITEM_MARKERS = ("arabic", "dotted", "letter", "bullet")
NUMBERED_OBJECTIVE = regex.compile(r"^mục\s+tiêu\s+\d", regex.I)
GOAL_TITLE_END = regex.compile(r"[.!?](?=\s+\p{Lu})")
# where an item's first clause or sentence ends: "…; ở các khu đô thị …", "… có thu nhập cao. Việt Nam có quy mô …"
AIM_CLAUSE_END = regex.compile(r";|[.]\s+(?=\p{Lu})")
AIM_HEAD_WORDS = 4  # fewer words before the ";" or "." state no aim ("TP. Hồ Chí Minh …")
LEAD_IN_LIMIT = 200  # a line ending in ":" shorter than this introduces the items below it
NEXT_SENTENCE = regex.compile(r"[.;]\s+\p{Lu}")  # a paragraph of more than one sentence
LABEL_WORDS = 4  # "Mục đích", "Yêu cầu", "Mục tiêu chung": a label, not a sentence that mentions one
# parts an item may name as its label inside another part (bullets name no part of their own in the section tree)
LABEL_PARTS = ("aims", "requirements", *OBJECTIVE_PARTS)
AIM_PARTS = ("purpose", "aims", *OBJECTIVE_PARTS)  # parts inside which a bullet's label names a part


def _paragraph_kind(section: SectionNode, aims_only: bool) -> str | None:
    """The kind of objective a paragraph inside ``section`` states (or a run-in heading's text)."""
    if section.marker == "bullet" and _part(section) is None:
        return None  # a line inside a bullet item is the item's own text run on past a break, or its gloss
    if _has_part(section, "general_objectives"):
        return "general"
    owner = _owning_part(section)
    if owner is not None and _part(owner) == "specific_objectives":
        # paragraphs under "Mục tiêu cụ thể" (or one of its groups) are its items; those under "Mục tiêu N:
        # <title>" explain it (O1)
        return None if NUMBERED_OBJECTIVE.match(owner.title) else "specific"
    if _part(section) == "objectives":
        return "general"  # a paragraph under a plain "Mục tiêu" heading
    if _period_group(section):
        return "specific"  # "II- MỤC TIÊU" / "2. Tầm nhìn đến năm 2045" / its paragraph: a goal of that period
    if aims_only and _has_part(section, "aims") and not _beside_the_aims(section):
        return "general"  # every paragraph under "Mục đích"
    if aims_only and section.part == "purpose" and _undivided(section):
        return "general"
    return None


def _item_kind(section: SectionNode, aims_only: bool) -> str | None:
    """The kind of objective the heading line of an item or sub-heading ``section`` states."""
    parent = section.parent
    if parent is None or section.marker not in ITEM_MARKERS or _part(section) is not None:
        return None
    if _has_part(parent, "general_objectives"):
        return "general"  # "- …" under "Mục tiêu chung"
    owner = _owning_part(parent)
    if owner is not None and _part(owner) == "specific_objectives":
        if owner is not parent and NUMBERED_OBJECTIVE.match(owner.title):
            return None  # an explanatory item under "Mục tiêu N: <title>" (O1)
        # "- …", "a) …" under "Mục tiêu cụ thể", also under its groups ("a) Về mạng lưới trường, lớp:" / "- …");
        # "2.3. Mục tiêu 3: <title>" is read by its title
        return "specific" if section.marker == "bullet" or not NUMBERED_OBJECTIVE.match(section.title) else None
    if _part(parent) == "objectives":
        # "II. MỤC TIÊU" / "1. Phát triển kinh tế số đến năm 2030": the item (its title) is specific
        return "specific"
    if _period_group(parent):
        # "II- MỤC TIÊU" / "1. Đến năm 2030" / "- Tiềm lực, trình độ khoa học …": the period only groups the goals
        return "specific"
    if aims_only and _has_part(parent, "aims") and not _beside_the_aims(section):
        # every item under "Mục đích", not the sub-heading that names it ("I. MỤC ĐÍCH, Ý NGHĨA" / "1. Mục đích")
        return None if _label_part(section) is not None else "general"
    if aims_only and parent.part == "purpose" and _undivided(parent):
        return "general"
    return None


def _part(node: SectionNode) -> str | None:
    """The standard part a section names: its own, or for a bullet (which names none in the section tree) inside a
    part that states aims, the part it names as its label ("- Mục tiêu chung:" under "I. MỤC TIÊU", "- Yêu cầu:"
    under "Mục đích, yêu cầu"); "- Mục tiêu: …" of one activity under "Nội dung" names none (R2)."""
    if node.part or node.marker != "bullet":
        return node.part
    label = _label_part(node)
    return label if label is not None and node.nearest_part in AIM_PARTS else None


def _has_part(node: SectionNode, *parts: str) -> bool:
    return any(_part(n) in parts for n in [node, *node.ancestors()])


def _owning_part(section: SectionNode) -> SectionNode | None:
    """The innermost section (this one or an ancestor) that names a standard part."""
    return next((node for node in [section, *section.ancestors()] if _part(node)), None)


def _period_group(node: SectionNode) -> bool:
    """A sub-heading of a plain "Mục tiêu" part that names only a period ("1. Đến năm 2030", "2. Tầm nhìn đến năm
    2045"): the items and paragraphs under it are the goals of that period. Where the part has "Mục tiêu chung" /
    "Mục tiêu cụ thể", those hold the goals, and a "3. Tầm nhìn đến năm 2050" beside them states none."""
    parent = node.parent
    return (
        parent is not None
        and node.marker in ITEM_MARKERS
        and node.marker != "bullet"
        and _part(node) is None
        and _part(parent) == "objectives"
        and states_no_aim(node.title) == "period_label"
        and not any(_part(child) in ("general_objectives", "specific_objectives") for child in parent.children)
    )


def _beside_the_aims(section: SectionNode) -> bool:
    """Under a "Mục đích" part that names a second topic and divides its text by them ("I. MỤC ĐÍCH, CHỦ ĐỀ" / "1. Mục
    đích" / "2. Chủ đề", "I. MỤC ĐÍCH, Ý NGHĨA" / "2. Ý nghĩa"): the section is under a sub-heading other than the one
    that names "Mục đích"."""
    for node in [section, *section.ancestors()]:
        parent = node.parent
        if parent is not None and parent.part == "aims":
            named = [child for child in parent.children if _label_part(child) == "aims"]
            return bool(named) and node not in named
    return False


def _undivided(purpose: SectionNode) -> bool:
    """A "Mục đích, yêu cầu" part whose items are not sorted under "Mục đích" and "Yêu cầu"."""
    return not any(child.part in ("aims", "requirements") for child in purpose.children)


def extract_objectives(
    doc: NormalizedDocument,
    lines: list[Line],
    sections: list[SectionNode],
    section_of: dict[int, SectionNode],
    indicators: list[Indicator],
) -> list[Objective]:
    target_starts = sorted(i.provenance.start for i in indicators)
    # a decision that attaches its plan after the signature: the plan states the aims, the decision's own articles
    # ("Điều 2. Mục đích: …") do not, unless the plan states none
    plan_start = next((s.start for s in sections if s.style == "attached"), 0)
    # the plan's "Mục tiêu" part, not "Mục tiêu" of one task or of an appendix (R2) ...
    objectives = _objectives_within(
        doc, lines, sections, section_of, target_starts, in_appendix=False, start=plan_start
    )
    if not objectives and plan_start:
        objectives = _objectives_within(doc, lines, sections, section_of, target_starts, in_appendix=False)
    if not objectives:
        # ... unless the body states no aim at all and an appendix does: a decision that attaches its plan as
        # "Phụ lục", an appendix that sets out "Mục tiêu chung / Mục tiêu cụ thể"
        objectives = _objectives_within(doc, lines, sections, section_of, target_starts, in_appendix=True)
    for i, objective in enumerate(objectives, start=1):
        objective.id = f"obj-{i}"
    return objectives


def _objectives_within(
    doc: NormalizedDocument,
    lines: list[Line],
    sections: list[SectionNode],
    section_of: dict[int, SectionNode],
    target_starts: list[int],
    in_appendix: bool,
    start: int = 0,
) -> list[Objective]:
    """The objectives the plan's body states from offset ``start`` on, or (``in_appendix``) those its appendices
    state."""
    excluded = APPENDIX_OTHER_PARTS if in_appendix else OTHER_PARTS
    scope = [s for s in sections if s.has_part("appendix") == in_appendix and s.start >= start]
    own = [s for s in scope if not (s.parent and s.parent.has_part(*excluded))]
    aims_only = not any(s.part in OBJECTIVE_PARTS for s in own)
    objectives: list[Objective] = []
    for line in lines:
        section = section_of.get(line.number)
        if section is None or section.has_part("appendix") != in_appendix or line.start < start:
            continue
        if section.has_part(*excluded):
            continue
        found = _objective_in(line, section, aims_only)
        if found is None:
            continue
        kind, text = found
        if _has_target(line, target_starts) and not (
            _general_aim_around_a_target(kind, section, text) or _aim_before_its_targets(line, text, target_starts)
        ):
            continue  # a line that sets a numeric target is an indicator
        if not text or (text.endswith(":") and len(text) < LEAD_IN_LIMIT) or STATUS_OPENING.match(text):
            continue  # a lead-in to the items that follow, or where things stand today
        if states_no_aim(text):
            continue  # "- Giai đoạn 2025-2027" above its targets, "Mục tiêu cụ thể như sau"
        if section.nearest_part == "purpose" and _a_requirement(section, text):
            continue  # a requirement in an undivided "Mục đích, yêu cầu" list
        objectives.append(_objective(doc, line, kind, text, section, offset=line.text.find(text)))
    return objectives


def _objective_in(line: Line, section: SectionNode, aims_only: bool) -> tuple[str, str] | None:
    """The kind and text of the objective a line states, or None."""
    found = match_marker(line.text)
    text = line.text[found.end :].strip() if found else line.text.strip()
    if section.line != line.number:
        kind = _paragraph_kind(section, aims_only)
        return (kind, text) if kind else None
    if section.part == "specific_objectives" and NUMBERED_OBJECTIVE.match(section.title):
        # "Mục tiêu 1: Phát triển kỹ thuật chuyên môn" is one specific objective: its title, as its line writes it
        # (the section tree shortens a long title to its first sentence or clause)
        titled = NUMBERED_GOAL_TITLE.search(line.text)
        return ("specific", _goal_title(titled["title"].strip())) if titled else None
    label, rest = split_run_in(text)
    if label is not None and _part(section) is not None and part_of(label) == _part(section):
        # "1. Mục đích: Chủ động …", "- Mục đích: Đánh giá …": the heading's own text is the part's first paragraph
        kind = _paragraph_kind(section, aims_only)
        return (kind, rest.strip()) if kind else None
    kind = _item_kind(section, aims_only)
    return (kind, text) if kind else None


def _goal_title(text: str) -> str:
    """A numbered goal's title: its first sentence (a ";" does not end it: "Giảm khoảng cách giới …; tăng cường tiếp
    cận …"), at most TITLE_WORD_LIMIT words (a PDF may run the goal's first paragraph into its heading's line)."""
    end = GOAL_TITLE_END.search(text)
    title = text[: end.end()] if end else text
    words = list(regex.finditer(r"\S+", title))
    return title[: words[TITLE_WORD_LIMIT - 1].end()] if len(words) > TITLE_WORD_LIMIT else title


def _label_part(node: SectionNode) -> str | None:
    """The part an item names as its label ("- Yêu cầu:", "b) Mục đích: …", "- Mục tiêu chung:"), else None."""
    label, _ = split_run_in(node.title)
    part = part_of(label if label is not None else node.title.rstrip(" :."))
    return part if part in LABEL_PARTS and len((label or node.title).split()) <= LABEL_WORDS else None


def _a_requirement(section: SectionNode, text: str) -> bool:
    """In an undivided "Mục đích, yêu cầu" part: the text is worded as a requirement, or it stands under (or after,
    in its list) an item that names "Yêu cầu"."""
    for node in [section, *section.ancestors()]:
        if node.part == "purpose" or node.parent is None:
            break
        siblings = node.parent.children
        for earlier in reversed(siblings[: siblings.index(node) + 1]):
            if (named := _label_part(earlier)) in ("aims", "requirements"):
                return named == "requirements"
    return requirement_wording(text) is not None


def _general_aim_around_a_target(kind: str, section: SectionNode, text: str) -> bool:
    """A general objective of several sentences that names a target among them ("Mục tiêu tổng quát: Củng cố …
    Năm 2025, tập trung thúc đẩy tăng trưởng với mục tiêu đạt 8% trở lên …; tạo tiền đề …") states the aim all
    the same: the target is an indicator besides."""
    return kind == "general" and section.nearest_part == "general_objectives" and bool(NEXT_SENTENCE.search(text))


def _aim_before_its_targets(line: Line, text: str, target_starts: list[int]) -> bool:
    """An item that states an aim in its first clause or sentence and names targets only after it ("Ngăn ngừa, kiểm
    soát và giảm đáng kể ô nhiễm môi trường biển; ở các khu đô thị ven biển, đảm bảo 100% chất thải …", "Khoa học,
    công nghệ … phát triển vững chắc, góp phần đưa Việt Nam trở thành nước phát triển, có thu nhập cao. Việt Nam có
    quy mô kinh tế số đạt tối thiểu 50% GDP; …") is an objective all the same (the targets are indicators besides);
    "Phấn đấu đến năm 2030, 100% …" is itself a target."""
    end = AIM_CLAUSE_END.search(text)
    head = text[: end.start()] if end else text
    if end is None or len(head.split()) < AIM_HEAD_WORDS:
        return False
    first_target = target_starts[bisect_left(target_starts, line.start)]
    return first_target >= line.start + max(line.text.find(text), 0) + len(head)


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
