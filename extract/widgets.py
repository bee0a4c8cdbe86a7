"""Form-field widgets of signed PDFs: the number and day an e-office system stamps into
"Số: … /TTr-SNV" and "ngày … tháng 12" at signing, and the signature fields themselves.

The values live in each widget's appearance stream (a form XObject, often nested), not in the page's
content, so pdfplumber's page.chars misses them while a viewer shows them. pdfminer (under pdfplumber)
interprets the stream; the characters are placed where the viewer draws them (the appearance's BBox,
transformed by its Matrix, fitted to the widget's Rect, PDF 32000 §12.5.5) and join the page's
characters, so the number and date fall into the header line they fill. A widget that draws more
than a field value is a signature stamp ("Ký bởi: … Thời gian ký: …"): its text is signature
metadata (``vnplan.extract.signatures``), never the page's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, apply_matrix_pt, mult_matrix

from vnplan.extract.builder import Box

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A number or a day filled in at signing is short; a widget that draws more is a signature stamp.
MAX_FIELD_CHARS = 12


@dataclass
class Widget:
    """One widget annotation of a page: where it sits and what its appearance draws."""

    page: int  # 1-based
    box: Box  # (x0, top, x1, bottom) in points from the page's top left, like pdfplumber's
    chars: list[dict[str, Any]]  # the drawn characters, as pdfplumber character dicts
    signature: dict[str, Any] | None  # the signature dictionary (/V) of a signed signature field

    @property
    def is_value(self) -> bool:
        """Whether it draws a field value (a number, a day) that belongs in the page's text."""
        return 0 < sum(not c["text"].isspace() for c in self.chars) <= MAX_FIELD_CHARS


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


def _inherited(data: dict[str, Any], key: str) -> Any:
    """A field entry, from the widget or the field it belongs to (a widget may be a field's kid)."""
    value = resolve1(data.get(key))
    if value is None:
        value = resolve1((resolve1(data.get("Parent")) or {}).get(key))
    return value


def page_widgets(page: Any) -> list[Widget]:
    """The page's widget annotations, read from pdfminer's own objects: pdfplumber's ``page.annots``
    resolves every reference recursively and fails on some signed files (sample 09's signature)."""
    width, height = float(page.width), float(page.height)
    found: list[Widget] = []
    for ref in resolve1(page.page_obj.annots) or []:
        data = resolve1(ref)
        if not isinstance(data, dict) or getattr(resolve1(data.get("Subtype")), "name", None) != "Widget":
            continue
        try:
            rect = [float(v) for v in resolve1(data["Rect"])]
        except (KeyError, TypeError, ValueError):
            continue  # a widget with no place on the page
        box = (
            min(rect[0], rect[2]),
            height - max(rect[1], rect[3]),
            max(rect[0], rect[2]),
            height - min(rect[1], rect[3]),
        )
        value = _inherited(data, "V")
        is_signature = getattr(_inherited(data, "FT"), "name", None) == "Sig" and isinstance(value, dict)
        found.append(
            Widget(
                page.page_number,
                box,
                _drawn(data, rect, width, height, page.page_number),
                value if is_signature else None,
            )
        )
    return found


def _drawn(
    data: dict[str, Any], rect: list[float], width: float, height: float, page_number: int
) -> list[dict[str, Any]]:
    """The characters the widget's normal appearance draws, placed on the page."""
    appearance = resolve1((resolve1(data.get("AP")) or {}).get("N"))
    if appearance is None or not hasattr(appearance, "attrs"):
        return []  # no normal appearance, or one per state (check boxes): no text to read
    try:
        bbox = [float(v) for v in resolve1(appearance.attrs["BBox"])]
        matrix = tuple(float(v) for v in resolve1(appearance.attrs.get("Matrix", IDENTITY)))
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=None)
        device.begin_page(_Canvas(width, height), IDENTITY)
        PDFPageInterpreter(manager, device).render_contents(
            resolve1(appearance.attrs.get("Resources")) or {}, [appearance], ctm=_to_rect(bbox, matrix, rect)
        )
        device.end_page(None)
    except (KeyError, TypeError, ValueError):
        return []  # a malformed appearance draws nothing we can place
    return [
        {
            "text": char.get_text(),
            "x0": char.x0,
            "x1": char.x1,
            "top": height - char.y1,
            "bottom": height - char.y0,
            "fontname": char.fontname,
            "size": char.size,
            "upright": char.upright,
            "page_number": page_number,
        }
        for char in _chars(device.get_result())
        if char.get_text().strip()
    ]
