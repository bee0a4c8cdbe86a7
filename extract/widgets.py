"""Text that signed PDFs draw in their form-field widgets: the number and day an e-office system
stamps into "Số: … /TTr-SNV" and "ngày … tháng 12" at signing.

The values live in each widget's appearance stream (a form XObject, often nested), not in the page's
content, so pdfplumber's page.chars misses them while a viewer shows them. pdfminer (under pdfplumber)
interprets the stream; the characters are placed where the viewer draws them (the appearance's BBox,
transformed by its Matrix, fitted to the widget's Rect, PDF 32000 §12.5.5) and join the page's
characters, so the number and date fall into the header line they fill.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, apply_matrix_pt, mult_matrix

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A number or a day filled in at signing is short; a widget that draws more is a signature stamp.
MAX_FIELD_CHARS = 12


class _Canvas:
    """The page-like object pdfminer's device needs to start a page: just its size."""

    def __init__(self, width: float, height: float) -> None:
        self.mediabox = self.cropbox = (0.0, 0.0, width, height)
        self.rotate = 0
        self.pageid = 0


def _chars(item: LTItem) -> Iterator[LTChar]:
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


def _to_rect(bbox: list[float], matrix: Matrix, rect: list[float]) -> Matrix:
    """The appearance's Matrix followed by the map of its transformed BBox onto the widget's Rect."""
    corners = [apply_matrix_pt(matrix, (x, y)) for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
    x0, y0 = min(x for x, _ in corners), min(y for _, y in corners)
    x1, y1 = max(x for x, _ in corners), max(y for _, y in corners)
    sx = (rect[2] - rect[0]) / (x1 - x0) if x1 > x0 else 1.0
    sy = (rect[3] - rect[1]) / (y1 - y0) if y1 > y0 else 1.0
    return mult_matrix(matrix, (sx, 0.0, 0.0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy))


def widget_chars(page: Any) -> list[dict[str, Any]]:
    """The characters drawn by the page's widget annotations, as pdfplumber character dicts."""
    height = float(page.height)
    found: list[dict[str, Any]] = []
    for annot in page.annots:
        data = annot.get("data") or {}
        if data.get("Subtype") is None or getattr(data.get("Subtype"), "name", None) != "Widget":
            continue
        appearance = resolve1((resolve1(data.get("AP")) or {}).get("N"))
        if appearance is None or not hasattr(appearance, "attrs"):
            continue  # no normal appearance, or one per state (check boxes): no text to read
        try:
            bbox = [float(v) for v in resolve1(appearance.attrs["BBox"])]
            matrix = tuple(float(v) for v in resolve1(appearance.attrs.get("Matrix", IDENTITY)))
            rect = [float(v) for v in resolve1(data["Rect"])]
            manager = PDFResourceManager()
            device = PDFPageAggregator(manager, laparams=None)
            device.begin_page(_Canvas(float(page.width), height), IDENTITY)
            PDFPageInterpreter(manager, device).render_contents(
                resolve1(appearance.attrs.get("Resources")) or {}, [appearance], ctm=_to_rect(bbox, matrix, rect)
            )
            device.end_page(None)
        except (KeyError, TypeError, ValueError):
            continue  # a malformed widget draws nothing we can place
        drawn = [char for char in _chars(device.get_result()) if char.get_text().strip()]
        if len(drawn) > MAX_FIELD_CHARS:
            continue  # a signature stamp ("Ký bởi: … Thời gian ký: …") is no value of the text
        for char in drawn:
            text = char.get_text()
            if text:
                found.append(
                    {
                        "text": text,
                        "x0": char.x0,
                        "x1": char.x1,
                        "top": height - char.y1,
                        "bottom": height - char.y0,
                        "fontname": char.fontname,
                        "size": char.size,
                        "upright": char.upright,
                        "page_number": page.page_number,
                    }
                )
    return found
