"""The section tree: every numbered heading, list item and standard part of a plan.

Numbering styles are nested by first appearance, the way a reader does it: a style not yet
open becomes a child of the current section; a style already open closes everything below it
and starts a sibling. Roman numerals and appendices never nest under arabic items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import NATIONAL_MOTTO, match_marker
from vnplan.structure.rules import (
    CONTAINER_PARTS,
    DOC_TYPE_LINE,
    HEADING_WORD_LIMIT,
    PART_RULES,
    TITLE_WORD_LIMIT,
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


def _title_of(text: str) -> str:
    """The heading's own words: the first sentence, at most TITLE_WORD_LIMIT words."""
    m = _SENTENCE.match(text)
    title = m.group(1) if m else text
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


def part_of(title: str) -> str | None:
    """The standard part a heading title names, from its first words."""
    lowered = title.lower()
    if regex.match(r"^mục\s+tiêu\s+\d+\s*:", lowered):
        return "specific_objectives"  # "Mục tiêu 2: <a long title>" is one specific objective
    if len(title.split()) > HEADING_WORD_LIMIT:
        return None
    for part, pattern in PART_RULES:
        if pattern.search(lowered):
            return part
    return None


_ROOT_STYLES = ("appendix", "named:Nơi nhận")
_TOP_STYLES = ("roman", "named:Phần", "named:PHẦN", "named:Chương", "named:CHƯƠNG")


def build_sections(doc: NormalizedDocument, lines: list[Line]) -> list[SectionNode]:
    sections: list[SectionNode] = []
    stack: list[SectionNode] = []

    def close(node: SectionNode, end: int) -> None:
        node.end = max(node.start, end)

    for line in lines:
        heading_level = doc.headings.get(line.number)
        found = match_marker(line.text)
        if found and found.marker == "bullet" and NATIONAL_MOTTO.match(line.text[found.end :]):
            continue  # "— Độc lập - Tự do - …": OCR read the rule beside the motto as a dash, not a list item
        if found:
            marker = found.marker
            label = found.label
            if marker == "named":
                style = f"named:{found.name}"
            elif marker == "arabic" and _is_caps_part(line.text[found.end :]):
                style = "roman"  # "1. MỤC TIÊU": a part heading in capitals is top level (OCR read "I." as "1.")
            elif marker == "dotted":
                style = f"dotted:{label.count('.') + 1}" if label else "dotted"
            elif marker == "bullet":
                style = f"bullet:{label}"
            else:
                style = marker
            body = line.text[found.end :].strip(" :.-–")
            title = _title_of(f"{found.name} {label}: {body}".strip(": ") if found.name else body or line.text)
        elif regex.match(r"^Nơi\s+nhận\s*:?", line.text):
            marker, label, style, title = "named", None, "named:Nơi nhận", "Nơi nhận"
        elif sections and DOC_TYPE_LINE.match(line.text.strip()):
            # "KẾ HOẠCH" after a decision's signature and "Nơi nhận": the attached document begins,
            # and its parts are not inside the decision's last section
            marker, label, style, title = "title", None, "attached", line.text.strip()
        elif _is_caps_part(line.text):
            # a part heading whose numbering was lost ("KINH PHÍ THỰC HIỆN" after OCR dropped "III.")
            marker, label, style, title = "named", None, "roman", _title_of(line.text.strip(" .:"))
        elif heading_level:
            marker, label, style, title = "markdown", None, f"markdown:{heading_level}", _title_of(line.text)
            if not sections or all(s.marker == "title" for s in sections):
                marker = style = "title"  # the document type and subject above the body
        else:
            continue

        # Close what this heading ends.
        if style in _ROOT_STYLES or style == "attached":
            stack.clear()
        elif style in _TOP_STYLES:
            while stack and stack[-1].style not in (*_TOP_STYLES, *_ROOT_STYLES, "markdown:1", "markdown:2"):
                stack.pop()
        if any(node.style == style for node in stack):
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
        parent = stack[-1] if stack else None
        node = SectionNode(
            id=f"s{len(sections) + 1}",
            parent=parent,
            style=style,
            marker=marker,
            label=label,
            title=title,
            start=line.start,
            end=len(doc.text),
            line=line.number,
        )
        inherited = [a.part for a in node.ancestors() if a.part]
        if marker not in ("bullet", "title") and all(p in CONTAINER_PARTS for p in inherited):
            node.part = part_of(node.title)
        if style == "named:Nơi nhận":
            node.part = "recipients"
        elif marker == "appendix":
            node.part = "appendix"
        if parent:
            parent.children.append(node)
        sections.append(node)
        if marker != "title":
            stack.append(node)

    # Each section ends where the next section that is not inside it begins: in document order, the
    # first later section at its level or above (a title block is never an ancestor, so it ends at once).
    open_nodes: list[SectionNode] = []
    for node in sections:
        while open_nodes and (open_nodes[-1].level >= node.level or open_nodes[-1].marker == "title"):
            close(open_nodes.pop(), node.start - 1)
        open_nodes.append(node)
    for node in open_nodes:
        close(node, len(doc.text))
    return sections
