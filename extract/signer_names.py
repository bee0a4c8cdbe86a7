"""Signers' names under seals. On a scanned page the seal, the pen signature and the printed name
below them make one dark patch that Tesseract's page segmentation takes for a picture: the name
("Hà Văn Phúc") is not read at all, although it is printed in bold (realdocs 25, 29: the signer
missing from every scanned plan's identity).

After the page's OCR, the ink no word accounts for is mapped on a grid of quarter-inch cells; each
patch of such cells large enough to hold a seal is read again as sparse text (``--psm 11``, which
finds words wherever they stand), and a line that has a person's name shape (two to five
capitalised syllables, each read with high confidence) and overlaps no word already read is added
to the page's words, at its place in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytesseract
import regex

from vnplan.extract.builder import Box
from vnplan.extract.word_table import PixelBox, share_box, word_lines, words_box

# Pixels darker than this are ink (of 0-255 grey).
INK = 128
# Cells of this share of an inch; a cell is unread ink when more than UNREAD_SHARE of it is ink
# outside every word box (grown by WORD_MARGIN of an inch).
CELL = 0.25
UNREAD_SHARE = 0.02
WORD_MARGIN = 1 / 30
# A patch of at least this many cells (a seal is about 1.3 inch across: 25 cells) is read again.
PATCH_CELLS = 8
# ... and at most this high and wide (inches): a seal with a signature beside it and a name under
# it; a larger patch is a picture or a form, whose sparse reading costs seconds and finds no signer.
PATCH_HEIGHT = 3.0
PATCH_WIDTH = 5.0
# One name word: a capital and up to six small letters (Vietnamese syllables are short).
NAME_WORD = regex.compile(r"^\p{Lu}\p{Ll}{0,6}$")
NAME_WORDS = (2, 5)
# Every word of a name line must be read with at least this confidence (percent): the sparse
# reading of a seal's ring gives capitalised fragments too, at 0-80.
SURE = 85.0
# A word the page's first reading already holds there, read with this confidence, stands; words
# under it (a seal's marks read as "=", a name read as "Ba Vạn") give way to the name.
READ = 80.0


def reread_signer_names(
    data: dict[str, list], pixels: np.ndarray, dpi: float, language: str, tables: Sequence[Box] = ()
) -> int:
    """Add to Tesseract's word table ``data`` (of the grey page ``pixels``) the names found in its
    unread patches outside the ruled ``tables`` (read cell by cell elsewhere); returns how many
    name lines were added."""
    added = 0
    for top, left, bottom, right in _unread_patches(data, pixels, dpi, tables):
        crop = pixels[top:bottom, left:right]
        sparse = pytesseract.image_to_data(
            crop, lang=language, config=f"--psm 11 --dpi {round(dpi)}", output_type=pytesseract.Output.DICT
        )
        for words in _name_lines(sparse):
            box = words_box(sparse, words, left, top)
            covered = _covered(data, box)
            if not any(_read(data, i) for i in covered):
                for i in covered:  # marks and fragments the first reading made of the name
                    data["text"][i] = ""
                _insert(
                    data, [sparse["text"][i].strip() for i in words], [float(sparse["conf"][i]) for i in words], box
                )
                added += 1
    return added


def _unread_patches(data: dict[str, list], pixels: np.ndarray, dpi: float, tables: Sequence[Box]) -> list[PixelBox]:
    """Pixel boxes (top, left, bottom, right) of the patches of unread-ink cells the size of a
    seal and signature, a cell wider."""
    unread = pixels < INK
    for x0, y0, x1, y1 in tables:
        unread[round(y0) : round(y1) + 1, round(x0) : round(x1) + 1] = False
    grow = round(dpi * WORD_MARGIN)
    for i, text in enumerate(data["text"]):
        if text.strip():
            x, y, w, h = (data[n][i] for n in ("left", "top", "width", "height"))
            unread[max(0, y - grow) : y + h + grow, max(0, x - grow) : x + w + grow] = False
    size = max(1, round(dpi * CELL))
    rows, cols = unread.shape[0] // size, unread.shape[1] // size
    cells = unread[: rows * size, : cols * size].reshape(rows, size, cols, size).mean(axis=(1, 3)) > UNREAD_SHARE
    patches = []
    for patch in connected_groups(cells):
        r0, c0 = min(r for r, _ in patch), min(c for _, c in patch)
        r1, c1 = max(r for r, _ in patch), max(c for _, c in patch)
        if len(patch) >= PATCH_CELLS and (r1 - r0 + 1) * CELL <= PATCH_HEIGHT and (c1 - c0 + 1) * CELL <= PATCH_WIDTH:
            patches.append((max(0, r0 - 1) * size, max(0, c0 - 1) * size, (r1 + 2) * size, (c1 + 2) * size))
    return patches


def connected_groups(cells: np.ndarray) -> list[list[tuple[int, int]]]:
    """The 8-connected groups of true cells (a flood fill: the grid is a few hundred cells; a blank's
    crop, ``blank_digits``, a few thousand ink pixels)."""
    seen = np.zeros_like(cells)
    groups = []
    for start in zip(*np.nonzero(cells), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        group, stack = [], [start]
        while stack:
            r, c = stack.pop()
            group.append((int(r), int(c)))
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    n = (r + dr, c + dc)
                    if 0 <= n[0] < cells.shape[0] and 0 <= n[1] < cells.shape[1] and cells[n] and not seen[n]:
                        seen[n] = True
                        stack.append(n)
        groups.append(group)
    return groups


def _name_lines(sparse: dict[str, list]) -> list[list[int]]:
    """In each line of the sparse reading, the longest run of name words read with confidence
    (a stroke of the signature beside the name reads as a fragment: "Áà Văn Phúc")."""
    names = []
    for words in word_lines(sparse):
        runs: list[list[int]] = [[]]
        for i in words:
            if NAME_WORD.match(sparse["text"][i].strip()) and float(sparse["conf"][i]) >= SURE:
                runs[-1].append(i)
            else:
                runs.append([])
        best = max(runs, key=len)
        if NAME_WORDS[0] <= len(best) <= NAME_WORDS[1]:
            names.append(best)
    return names


def _covered(data: dict[str, list], box: PixelBox) -> list[int]:
    """The words of ``data`` whose boxes overlap ``box``."""
    x0, y0, x1, y1 = box
    return [
        i
        for i, text in enumerate(data["text"])
        if text.strip()
        and data["left"][i] < x1
        and data["left"][i] + data["width"][i] > x0
        and data["top"][i] < y1
        and data["top"][i] + data["height"][i] > y0
    ]


def _read(data: dict[str, list], i: int) -> bool:
    """A word the first reading is sure of: letters read with at least READ confidence."""
    return float(data["conf"][i]) >= READ and any(ch.isalpha() for ch in data["text"][i])


def _insert(data: dict[str, list], words: list[str], confidences: list[float], box: PixelBox) -> None:
    """The name's words enter the table as a line of a block of their own, before the first word
    printed below them, so rows stay top to bottom; the box is shared out by word length."""
    _, y0, _, y1 = box
    at = next(
        (i for i, text in enumerate(data["text"]) if text.strip() and data["top"][i] > y1),
        len(data["text"]),
    )
    block = max(data["block_num"], default=0) + 1
    for k, (word, conf, (left, width)) in enumerate(zip(words, confidences, share_box(box, words), strict=True)):
        values = {
            "text": word, "conf": conf, "block_num": block, "par_num": 1, "line_num": 1, "word_num": k + 1,
            "left": left, "top": y0, "width": width, "height": y1 - y0, "level": 5, "page_num": 1,
        }  # fmt: skip
        for name, column in data.items():
            column.insert(at + k, values.get(name, 0))
