"""Markdown markup removed from the text, its headings kept as structure hints.

PDF-to-Markdown converters wrap plan headings in ``#`` and ``**``; the reader should see plain
text, and the section finder should still know which lines were headings.
"""

from __future__ import annotations

import regex
from markdown_it import MarkdownIt

from vnplan.markers import match_marker
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


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside Markdown paragraphs that are only wraps (CommonMark soft
    breaks): web copies of legal texts wrap every paragraph at the page width, with a blank line
    between paragraphs. A break stays where either line holds no words (the "|" debris of a header
    table), before a line that opens an item of its own ("a)", "2.", "-"), after a line in capitals, or after a hard break."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    breaks = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type != "paragraph_open" or token.map is None:
            continue
        first, last = token.map
        for i in range(first, min(last, len(lines)) - 1):
            this, after = lines[i], lines[i + 1]
            if not (_WORDS.search(this) and _WORDS.search(after)) or HARD_BREAK.search(this + "\n"):
                continue
            if match_marker(after.strip().lstrip("*_ ")) is not None or not _LOWER.search(this):
                continue  # an item of its own; a line in capitals (title, signature block) keeps its break
            breaks.append(starts[i] + len(this))
    return breaks


_WORDS = regex.compile(r"[\p{L}\p{N}]")
_LOWER = regex.compile(r"\p{Ll}")


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
    edits += [Edit(offset, offset + 1, " ") for offset in soft_breaks(mapped.text)]
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
