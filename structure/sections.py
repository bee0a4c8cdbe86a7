"""The section tree: every numbered heading, list item and standard part of a plan.

Numbering styles are nested by first appearance, the way a reader does it: a style not yet
open becomes a child of the current section; a style already open closes everything below it
and starts a sibling. Roman numerals and appendices never nest under arabic items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import NATIONAL_MOTTO, MarkerMatch, match_marker
from vnplan.structure.rules import (
    ARTICLE_HEADING,
    ATTACHED_TITLE_LINE,
    CONTAINER_PARTS,
    DOC_TYPE_LINE,
    HEADING_WORD_LIMIT,
    NUMBERED_GOAL,
    PART_RULES,
    RUN_IN_HEADING,
    TITLE_WORD_LIMIT,
    WRAPPED_HEADING_END,
    WRAPPED_HEADING_WORDS,
)

_SENTENCE = regex.compile(r"^(.{12,}?[.;:!?])(?:\s|$)")


@dataclass
class Line:
    number: int
    start: int
    end: int
    text: str


@dataclass
class SectionNode:
    id: str
    parent: SectionNode | None
    style: str
    marker: str
    label: str | None
    title: str
    start: int
    end: int
    line: int
    part: str | None = None
    children: list[SectionNode] = field(default_factory=list)

    @property
    def level(self) -> int:
        return 1 + (self.parent.level if self.parent else 0)

    def ancestors(self) -> list[SectionNode]:
        chain, node = [], self.parent
        while node:
            chain.append(node)
            node = node.parent
        return chain

    def has_part(self, *parts: str) -> bool:
        return any(node.part in parts for node in [self, *self.ancestors()])

    @property
    def nearest_part(self) -> str | None:
        """The part of the innermost section (this one or an ancestor) that names one."""
        return next((node.part for node in [self, *self.ancestors()] if node.part), None)


def logical_lines(doc: NormalizedDocument) -> list[Line]:
    lines = []
    for number, (start, end) in enumerate(doc.mapped.lines()):
        if end > start:
            lines.append(Line(number, start, end, doc.text[start:end]))
    return lines


def first_sentence(text: str) -> str:
    """A heading's whole first sentence (or clause, to its colon)."""
    m = _SENTENCE.match(text)
    return m.group(1) if m else text


def _title_of(text: str) -> str:
    """The heading's own words: the first sentence, at most TITLE_WORD_LIMIT words."""
    title = first_sentence(text)
    words = title.split()
    if len(words) > TITLE_WORD_LIMIT:
        title = " ".join(words[:TITLE_WORD_LIMIT]) + " …"
    return title.strip()


def _is_caps_part(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 6
        and all(c.isupper() for c in letters)
        and len(text.split()) <= 10
        and part_of(text.strip(" .:")) is not None
    )


def split_run_in(text: str) -> tuple[str | None, str]:
    """A run-in heading's label and its text: "Mục đích: Chủ động …" → ("Mục đích", "Chủ động …");
    (None, text) for a line that has none."""
    m = RUN_IN_HEADING.match(text.strip())
    return (m["label"], m["rest"]) if m else (None, text)


def part_of(title: str) -> str | None:
    """The standard part a heading title names, from its first words; for a run-in heading
    ("Mục đích: Chủ động phòng, chống dịch …"), from its label."""
    lowered = title.lower()
    if NUMBERED_GOAL.match(lowered):
        return "specific_objectives"  # "Mục tiêu 2: <a long title>" is one specific objective
    article = ARTICLE_HEADING.match(title)
    if article and (part := part_of(title[article.end() :])) in _PART_LINE_PARTS:
        return part  # "Điều 1. Mục tiêu, chỉ tiêu": a resolution's or decision's article that states the aims
    label, _ = split_run_in(title)
    if label is not None and (part := part_of(label)) is not None:
        return part
    if len(title.split()) > HEADING_WORD_LIMIT:
        return None
    for part, pattern in PART_RULES:
        if pattern.search(lowered):
            return part
    return None


_ROOT_STYLES = ("appendix", "named:Nơi nhận")
_TOP_STYLES = ("capital", "roman", "named:Phần", "named:PHẦN", "named:Chương", "named:CHƯƠNG")
# Parts that an unnumbered line may name on its own ("Mục tiêu chung", "Mục đích:" in bold or plain):
# only the parts that say what a plan is for, whose names do not stand alone in tables and prose.
_PART_LINE_PARTS = frozenset(
    {"purpose", "aims", "requirements", "objectives", "general_objectives", "specific_objectives"}
)
_PART_LINE_WORDS = 6


@dataclass
class Heading:
    """What a heading line is: its numbering (marker, label), the numbering style that decides its
    nesting, and its title."""

    marker: str
    label: str | None
    style: str
    title: str


def build_sections(doc: NormalizedDocument, lines: list[Line]) -> list[SectionNode]:
    sections: list[SectionNode] = []
    stack: list[SectionNode] = []
    in_tables = _table_spans(doc)
    skip: set[int] = set()
    for index, line in enumerate(lines):
        if line.number in skip:
            continue
        heading = _heading(doc, line, sections, in_tables)
        if heading is None:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _wraps_into(heading, following.text):
            # "I. MỤC ĐÍCH," / "YÊU CẦU": a part heading in capitals wrapped over two lines is one heading
            heading.title = f"{heading.title} {following.text.strip(' .:')}"
            skip.add(following.number)
        _close_before(stack, heading.style)
        node = _new_node(doc, heading, line, stack[-1] if stack else None, len(sections) + 1)
        sections.append(node)
        if node.marker != "title":
            stack.append(node)
    _set_ends(sections, len(doc.text))
    return sections


def _heading(
    doc: NormalizedDocument, line: Line, sections: list[SectionNode], in_tables: list[tuple[int, int]]
) -> Heading | None:
    """The heading a line starts, or None for a line of prose."""
    found = match_marker(line.text)
    if found and found.marker == "bullet" and NATIONAL_MOTTO.match(line.text[found.end :]):
        return None  # "— Độc lập - Tự do - …": OCR read the rule beside the motto as a dash, not a list item
    if found:
        return _numbered_heading(line.text, found)
    text = line.text.strip()
    if regex.match(r"^Nơi\s+nhận\s*:?", line.text):
        return Heading("named", None, "named:Nơi nhận", "Nơi nhận")
    if any(s.marker != "title" for s in sections) and (
        DOC_TYPE_LINE.match(text) or (ATTACHED_TITLE_LINE.match(text) and _after_recipients(sections))
    ):
        # "KẾ HOẠCH" after a decision's signature and "Nơi nhận": the attached document begins,
        # and its parts are not inside the decision's last section
        return Heading("title", None, "attached", text)
    if _is_caps_part(line.text):
        # a part heading whose numbering was lost ("KINH PHÍ THỰC HIỆN" after OCR dropped "III.")
        return Heading("named", None, "roman", _title_of(line.text.strip(" .:")))
    heading_level = doc.headings.get(line.number)
    if heading_level:
        if not sections or all(s.marker == "title" for s in sections):
            return Heading("title", None, "title", _title_of(line.text))  # the document type and subject
        return Heading("markdown", None, f"markdown:{heading_level}", _title_of(line.text))
    if _is_part_line(text) and not any(start <= line.start < end for start, end in in_tables):
        # "Mục tiêu chung" or "Mục đích: …" on a line of its own, its numbering never printed (or its bold lost)
        return Heading("named", None, "partline", _title_of(text.strip(" .")))
    return None


def _after_recipients(sections: list[SectionNode]) -> bool:
    """The decision's "Nơi nhận" is the last part begun at the top: what follows is the document it attaches, not a
    heading inside an appendix ("Phụ lục 5" / "KẾ HOẠCH THỰC HIỆN HOẠT ĐỘNG NĂM 2024" is the appendix's own title)."""
    last = next((node.part for node in reversed(sections) if node.part in ("recipients", "appendix")), None)
    return last == "recipients"


def _numbered_heading(text: str, found: MarkerMatch) -> Heading:
    label = found.label
    if found.marker == "named":
        style = f"named:{found.name}"
    elif found.marker == "arabic" and _is_caps_part(text[found.end :]):
        style = "roman"  # "1. MỤC TIÊU": a part heading in capitals is top level (OCR read "I." as "1.")
    elif found.marker == "dotted":
        style = f"dotted:{label.count('.') + 1}" if label else "dotted"
    elif found.marker == "bullet":
        style = f"bullet:{label}"
    else:
        style = found.marker
    body = text[found.end :].strip(" :.-–")
    title = _title_of(f"{found.name} {label}: {body}".strip(": ") if found.name else body or text)
    # "A. MỤC ĐÍCH, YÊU CẦU": a capital letter numbers the parts above roman numerals; the contract
    # knows no marker of its own for it, so it is recorded as a named heading
    marker = "named" if found.marker == "capital" else found.marker
    return Heading(marker, label, style, title)


def _wraps_into(heading: Heading, following: str) -> bool:
    """True when a part heading in capitals goes on into the next line: "I. MỤC ĐÍCH," / "YÊU CẦU"."""
    if heading.style not in _TOP_STYLES or not WRAPPED_HEADING_END.search(heading.title):
        return False
    text = following.strip()
    return (
        match_marker(text) is None
        and any(c.isalpha() for c in text)
        and not any(c.islower() for c in text)
        and len(text.split()) <= WRAPPED_HEADING_WORDS
    )


def _is_part_line(text: str) -> bool:
    label, _ = split_run_in(text)
    words = (label or text.rstrip(" :.")).split()
    return 0 < len(words) <= _PART_LINE_WORDS and part_of(label or text.rstrip(" :.")) in _PART_LINE_PARTS


def _table_spans(doc: NormalizedDocument) -> list[tuple[int, int]]:
    spans = []
    for table in doc.tables:
        cells = [cell for row in table.rows for cell in row]
        if cells:
            spans.append((min(c.start for c in cells), max(c.end for c in cells)))
    return spans


def _close_before(stack: list[SectionNode], style: str) -> None:
    """Close the open sections a heading of ``style`` ends: all of them for a root style, those below
    the top styles for a top style, and the open section of the same style with everything inside it."""
    if style in _ROOT_STYLES or style == "attached":
        stack.clear()
    elif style in _TOP_STYLES:
        while stack and stack[-1].style not in (*_TOP_STYLES, *_ROOT_STYLES, "markdown:1", "markdown:2"):
            stack.pop()
        if style == "capital":
            # "B. NỘI DUNG" closes the roman parts ("I. …") open under "A. …"
            while stack and stack[-1].style == "roman":
                stack.pop()
    if any(node.style == style for node in stack):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()


def _new_node(
    doc: NormalizedDocument, heading: Heading, line: Line, parent: SectionNode | None, number: int
) -> SectionNode:
    node = SectionNode(
        id=f"s{number}",
        parent=parent,
        style=heading.style,
        marker=heading.marker,
        label=heading.label,
        title=heading.title,
        start=line.start,
        end=len(doc.text),
        line=line.number,
    )
    inherited = [a.part for a in node.ancestors() if a.part]
    if heading.marker not in ("bullet", "title") and all(p in CONTAINER_PARTS for p in inherited):
        node.part = part_of(node.title)
        if node.part == "objectives" and {"general_objectives", "specific_objectives"} & set(inherited):
            # "2. Mục tiêu cụ thể" / "b) Mục tiêu về cơ sở vật chất: Củng cố …": an item of the part that names its
            # topic, not a "Mục tiêu" part of its own
            node.part = None
    elif heading.marker not in ("bullet", "title") and "appendix" in inherited:
        # inside an appendix only the parts that say what a plan is for are named ("PHỤ LỤC" / "1. Mục tiêu
        # chung"): the plan a decision attaches as an appendix states its aims there; an appendix's tasks,
        # units and money are read from its tables, as before
        part = part_of(node.title) if all(p in CONTAINER_PARTS or p == "appendix" for p in inherited) else None
        node.part = part if part in _PART_LINE_PARTS else None
    if heading.style == "named:Nơi nhận":
        node.part = "recipients"
    elif heading.marker == "appendix":
        node.part = "appendix"
    if parent:
        parent.children.append(node)
    return node


def _set_ends(sections: list[SectionNode], text_end: int) -> None:
    """Each section ends where the next section that is not inside it begins: in document order, the
    first later section at its level or above (a title block is never an ancestor, so it ends at once)."""
    open_nodes: list[SectionNode] = []
    for node in sections:
        while open_nodes and (open_nodes[-1].level >= node.level or open_nodes[-1].marker == "title"):
            _close(open_nodes.pop(), node.start - 1)
        open_nodes.append(node)
    for node in open_nodes:
        _close(node, text_end)


def _close(node: SectionNode, end: int) -> None:
    node.end = max(node.start, end)
