"""Tesseract's word table (``image_to_data``: columns text, conf, block_num, par_num, line_num, left,
top, width, height, … one entry per word), as the second readings of a page edit it."""

from __future__ import annotations

PixelBox = tuple[int, int, int, int]  # left, top, right, bottom in pixels


def word_lines(data: dict[str, list]) -> list[list[int]]:
    """Indexes of the non-empty words of each of Tesseract's lines."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text.strip():
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    return list(lines.values())


def words_box(data: dict[str, list], part: list[int], dx: int = 0, dy: int = 0) -> PixelBox:
    """The box around the words ``part``, moved by (dx, dy) (a crop's words into the page)."""
    x0 = min(data["left"][i] for i in part)
    top = min(data["top"][i] for i in part)
    x1 = max(data["left"][i] + data["width"][i] for i in part)
    bottom = max(data["top"][i] + data["height"][i] for i in part)
    return x0 + dx, top + dy, x1 + dx, bottom + dy


def share_box(box: PixelBox, texts: list[str]) -> list[tuple[int, int]]:
    """(left, width) of each text when ``box`` is shared out between them as their lengths are."""
    x0, _, x1, _ = box
    total = sum(len(t) + 1 for t in texts)
    x = float(x0)
    spans = []
    for text in texts:
        width = (x1 - x0) * (len(text) + 1) / total
        spans.append((round(x), max(1, round(width) - 1)))
        x += width
    return spans


def rewrite_words(data: dict[str, list], part: list[int], new: list[str]) -> None:
    """The words ``part`` become the words ``new``, sharing the old words' box as their lengths do.
    Extra new words join the last old word (a word may hold spaces: the line keeps them)."""
    box = words_box(data, part)
    slots = part[: len(new)]
    texts = [*new[: len(slots) - 1], " ".join(new[len(slots) - 1 :])]
    for i in part:
        data["text"][i] = ""
    for i, text, (left, width) in zip(slots, texts, share_box(box, texts), strict=True):
        data["text"][i], data["left"][i], data["width"][i] = text, left, width
        data["top"][i], data["height"][i] = box[1], box[3] - box[1]
