"""Markdown markup removed from the text, its headings kept as structure hints.

PDF-to-Markdown converters wrap plan headings in ``#`` and ``**``; the reader should see plain
text, and the section finder should still know which lines were headings.
"""

from __future__ import annotations

import regex

from vnplan.normalize.mapped import Edit, MappedText

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


def strip_markdown(mapped: MappedText) -> tuple[MappedText, dict[int, int]]:
    """Remove markup. Returns the new text and {line number: heading level} for heading lines."""
    levels: dict[int, int] = {}
    for match in HEADING.finditer(mapped.text):
        line_no = mapped.text.count("\n", 0, match.start())
        levels[line_no] = len(match.group(1))

    edits: list[Edit] = [Edit(m.start(), m.end(), "") for m in HEADING.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), m.group(1)) for m in LINK.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), "") for m in TABLE_RULE.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), "") for m in HARD_BREAK.finditer(mapped.text)]
    edits += [Edit(m.start(), m.end(), m.group(1)) for m in ESCAPE.finditer(mapped.text)]
    edits += [
        Edit(m.start("body") + offset, m.start("body") + offset + 1, " ")
        for m in WRAPPED_EMPHASIS.finditer(mapped.text)
        for offset, char in enumerate(m.group("body"))
        if char == "\n" and offset < len(m.group("body")) - 1
    ]
    taken = _non_overlapping(edits)
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


def _is_bullet_star(text: str, pos: int, bullet_starts: set[int]) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return line_start in bullet_starts and text[line_start:pos].strip() == ""


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept
