"""The review page: one self-contained HTML file per document, for archivists checking the extraction.

The page shows, for a PDF or a scan, every page as an image with the box of each extracted value
drawn on it (the provenance's ``page`` and ``bbox``) and the page's OCR confidence; the document's
normalized text (the JSON's ``text``, which every provenance offset points into) with its page
breaks and each extracted value highlighted and linked to its record; the restored tokens (the
JSON's ``repairs``) marked with their raw form; the warnings; and a table per record type, where
values of low confidence (their method's, or their page's OCR) are flagged. Everything is inline
(CSS, JavaScript, the page images as JPEG data URIs); the page loads nothing from anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path, PurePath
from typing import Any

import jinja2
from PIL import Image

from vnplan.files import output_names
from vnplan.schema.errors import InputError

Record = dict[str, Any]

# record kind → key prefix; tasks are listed in the units' table, under their unit
PREFIXES = {
    "document": "d",
    "objective": "o",
    "indicator": "i",
    "budget": "b",
    "unit": "u",
    "task": "t",
    "activity": "a",
    "warning": "w",
}
TABLES = {
    "document": ("Document", ["field", "value"]),
    "objective": ("Objectives", ["id", "kind", "text"]),
    "indicator": ("Indicators", ["id", "label", "name", "target", "year", "metric"]),
    "budget": ("Budgets", ["id", "description", "amount (VND)", "as written", "year", "funding source", "part of"]),
    "unit": ("Units and their tasks", ["id", "name", "canonical name", "role"]),
    "activity": ("Activities", ["id", "name", "lead unit", "support units", "product", "deadline", "budget (VND)"]),
}


# Page images: a modest resolution (an A4 page is 794 × 1123 pixels) and JPEG keep a 24-page scan
# to a few MB of HTML while its print stays readable; a page larger than A3 is rendered smaller.
PAGE_DPI = 96
PAGE_JPEG_QUALITY = 60
PAGE_MAX_PIXELS = 1600 * 1600
# A value is flagged for checking when its method is not sure of it, or its page was hard to read.
LOW_CONFIDENCE = 0.7  # provenance confidence below this (structure/confidence.py ranks the methods)
LOW_OCR_CONFIDENCE = 0.85  # a page whose mean OCR word confidence is below this
PAGED_FORMATS = ("pdf", "image")  # the sources whose pages are shown as images


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the text, linked to one record by its key."""

    key: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Box:
    """A record's box on its page, in percent of the page's width and height."""

    key: str
    kind: str
    left: float
    top: float
    width: float
    height: float


@dataclass
class Page:
    """One page of the source: its image (a data URI), its OCR confidence and the boxes drawn on it."""

    number: int
    method: str
    ocr_confidence: float | None
    text_start: int | None
    image: str | None = None  # None: the source was not found, or this page could not be rendered
    width_pt: float = 0.0
    height_pt: float = 0.0
    boxes: list[Box] = field(default_factory=list)

    @property
    def low(self) -> bool:
        return self.ocr_confidence is not None and self.ocr_confidence < LOW_OCR_CONFIDENCE


@dataclass
class Segment:
    """A run of text covered by the same marks (innermost first) and at most one repair; ``page``
    when a page of the source begins with it."""

    text: str
    keys: list[str] = field(default_factory=list)
    kind: str | None = None
    repair: Record | None = None
    page: Page | None = None


@dataclass(frozen=True)
class Row:
    key: str
    kind: str
    cells: list[str]
    span: str  # "page N · start–end · method · confidence", or "" when the record has no provenance
    linked: bool  # its span is highlighted in the text
    page: int | None = None
    low: str = ""  # why the value should be checked against the paper, or "" when it need not be


def _target(indicator: Record) -> str:
    target = indicator["target"]
    sign = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< "}.get(target.get("comparator") or "", "")
    value = "—" if target.get("value") is None else f"{target['value']:g}"
    return f"{sign}{value} {target.get('unit') or ''}".strip()


def _vnd(amount: int | None) -> str:
    return "—" if amount is None else f"{amount:,}".replace(",", ".")


def _cell(value: Any) -> str:
    if value is None or value == []:
        return "—"
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


class _Collector:
    """Gives each record a key, its table row and, when its span lies in the text, a mark; when its
    page is shown as an image, a box on it."""

    def __init__(self, length: int, pages: dict[int, Page]) -> None:
        self.length = length
        self.pages = pages
        self.rows: dict[str, list[Row]] = {kind: [] for kind in TABLES}
        self.marks: list[Mark] = []
        self.count: dict[str, int] = defaultdict(int)

    def add(self, kind: str, cells: list[Any], provenance: Record | None, table: str | None = None) -> str:
        self.count[kind] += 1
        key = f"{PREFIXES[kind]}{self.count[kind]}"
        linked, span, page, low = False, "", None, ""
        if provenance is not None:
            page = provenance.get("page")
            linked = 0 <= provenance["start"] < provenance["end"] <= self.length
            where = f"page {page} · " if page is not None else ""
            span = f"{where}{provenance['start']}–{provenance['end']} · {provenance['method']} · "
            span += f"{provenance['confidence']:.2f}"
            if linked:
                self.marks.append(Mark(key, kind, provenance["start"], provenance["end"]))
            low = self._low(provenance)
            self._box(key, kind, provenance)
        if table is not None:
            self.rows[table].append(Row(key, kind, [_cell(c) for c in cells], span, linked, page, low))
        return key

    def _low(self, provenance: Record) -> str:
        reasons = []
        if provenance["confidence"] < LOW_CONFIDENCE:
            reasons.append(f"{provenance['method']} is not sure of it ({provenance['confidence']:.2f})")
        page = self.pages.get(provenance.get("page") or 0)
        if page is not None and page.low:
            reasons.append(f"page {page.number} was hard to read (OCR {page.ocr_confidence:.2f})")
        return "; ".join(reasons)

    def _box(self, key: str, kind: str, provenance: Record) -> None:
        page, bbox = self.pages.get(provenance.get("page") or 0), provenance.get("bbox")
        if page is None or page.image is None or not bbox:
            return
        x0, top, x1, bottom = bbox
        x, y = 100 / page.width_pt, 100 / page.height_pt
        size = (round((x1 - x0) * x, 3), round((bottom - top) * y, 3))
        page.boxes.append(Box(key, kind, round(x0 * x, 3), round(top * y, 3), *size))


def collect(
    plan: Record, pages: dict[int, Page] | None = None
) -> tuple[dict[str, list[Row]], list[Mark], list[tuple[str, Record, bool]]]:
    """Rows of every table, marks of every record, and the warnings as (key, warning, linked); each
    record's box goes on its page of ``pages`` (by number) when that page has an image."""
    c = _Collector(len(plan["text"]), pages or {})
    doc = plan["document"]
    if doc.get("province"):
        c.add("document", ["province", doc["province"]["name"]], doc["province"].get("provenance"), "document")
    for reference in doc.get("legal_basis") or []:
        c.add("document", ["legal basis", reference["text"]], reference["provenance"], "document")
    if doc.get("signer"):
        signer = doc["signer"]
        who = " · ".join(filter(None, [signer.get("authority"), signer.get("title"), signer.get("name")]))
        c.add("document", ["signer", who], signer.get("provenance"), "document")
    for o in plan["objectives"]:
        c.add("objective", [o["id"], o["kind"], o["text"]], o["provenance"], "objective")
    for i in plan["indicators"]:
        cells = [i["id"], i.get("label"), i["name"], _target(i), i.get("target_year"), i.get("metric")]
        c.add("indicator", cells, i["provenance"], "indicator")
    for b in plan["budgets"]:
        cells = [b["id"], b["description"], _vnd(b.get("amount_vnd")), b.get("amount_text"), b.get("year")]
        c.add("budget", [*cells, b.get("funding_source"), b.get("parent")], b["provenance"], "budget")
    for u in plan["units"]:
        c.add("unit", [u["id"], u["name"], u["canonical_name"], u["role"]], u["provenance"], "unit")
        for t in u["tasks"]:
            refs = ", ".join(t["indicator_refs"])
            detail = "; ".join(filter(None, [refs and f"indicators {refs}", t.get("deadline"), t.get("product")]))
            c.add("task", ["", "↳ " + t["text"], detail, ""], t["provenance"], "unit")
    for a in plan["activities"]:
        cells = [a["id"], a["name"], a.get("lead_unit"), a.get("support_units"), a.get("product"), a.get("deadline")]
        c.add("activity", [*cells, _vnd(a.get("budget_vnd"))], a["provenance"], "activity")
    warnings = []
    for w in plan["warnings"]:
        key = c.add("warning", [], w.get("provenance"))
        warnings.append((key, w, any(m.key == key for m in c.marks)))
    return c.rows, c.marks, warnings


def segments(text: str, marks: list[Mark], repairs: list[Record], pages: Sequence[Page] = ()) -> list[Segment]:
    """The text cut at every mark, repair and page boundary; each piece knows what covers it and
    which page begins with it."""
    repairs = [r for r in repairs if 0 <= r["start"] < r["end"] <= len(text)]
    page_at = {p.text_start: p for p in pages if p.text_start is not None and p.text_start <= len(text)}
    cuts = sorted(
        {0, len(text), *(m.start for m in marks), *(m.end for m in marks), *page_at}
        | {r["start"] for r in repairs}
        | {r["end"] for r in repairs}
    )
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    repair_at: dict[int, Record] = {}
    for r in repairs:
        repair_at.setdefault(r["start"], r)
    active: list[Mark] = []
    repair: Record | None = None
    pieces = []
    for start, end in pairwise(cuts):
        active = [m for m in active if m.end > start] + starting[start]
        if repair is not None and repair["end"] <= start:
            repair = None
        repair = repair_at.get(start, repair)
        inner = sorted(active, key=lambda m: (m.end - m.start, m.key))
        kind = inner[0].kind if inner else None
        pieces.append(Segment(text[start:end], [m.key for m in inner], kind, repair, page_at.get(start)))
    return pieces


def source_pages(plan: Record) -> list[Page]:
    """The pages the JSON describes (document.source.page_details), without images yet."""
    details = plan["document"]["source"].get("page_details") or []
    return [Page(d["number"], d["method"], d.get("ocr_confidence"), d.get("text_start")) for d in details]


def draw_pages(pages: list[Page], source: Path, kind: str) -> None:
    """Render every page of the source once (a PDF, or the pages of an image file: a scan saved as
    TIFF, PNG or JPEG), as a JPEG data URI at PAGE_DPI, into ``pages``; a source that cannot be
    rendered leaves the pages without images."""
    import pypdfium2 as pdfium

    from vnplan.extract.page_images import PageImages

    try:
        if kind == "image":  # the reader's own page images, so that the boxes' points are the same
            images = PageImages("image", source.read_bytes())
            for page in pages:
                image, dpi = images.render(page.number - 1)
                _draw(page, image, image.width * 72 / dpi, image.height * 72 / dpi)
            return
        document = pdfium.PdfDocument(source)
        document.init_forms()  # signature stamps and form fields are drawn, as the reader saw them
        for page in pages:
            pdf_page = document[page.number - 1]
            width, height = pdf_page.get_size()
            image = pdf_page.render(scale=_scale(width, height), may_draw_forms=True).to_pil()
            _draw(page, image, width, height)
            pdf_page.close()
        document.close()
    except (pdfium.PdfiumError, InputError, OSError, IndexError):
        return


def _scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point: PAGE_DPI, less for a page larger than PAGE_MAX_PIXELS at that resolution."""
    return min(PAGE_DPI / 72, (PAGE_MAX_PIXELS / max(width_pt * height_pt, 1)) ** 0.5)


def _draw(page: Page, image: Image.Image, width_pt: float, height_pt: float) -> None:
    scale = _scale(width_pt, height_pt)
    size = (max(round(width_pt * scale), 1), max(round(height_pt * scale), 1))
    image = image.convert("RGB")
    if image.size != size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=PAGE_JPEG_QUALITY, optimize=True)
    page.image = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    page.width_pt, page.height_pt = width_pt, height_pt


def find_source(plan: Record, json_path: Path, relative: PurePath, sources: Path | None) -> Path | None:
    """The PDF or image file the JSON was made from (None for other formats: they have no page
    images), recognised by its sha256: beside the JSON, or in ``sources`` at the JSON's place below
    its folder (a batch's tree) or directly."""
    source = plan["document"]["source"]
    if source["format"] not in PAGED_FORMATS:
        return None
    name = source["file_name"]
    candidates = [json_path.parent / name]
    if sources is not None:
        candidates += [sources / relative.parent / name, sources / name]
    for candidate in candidates:
        try:
            if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).hexdigest() == source["sha256"]:
                return candidate
        except OSError:
            continue
    return None


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("vnplan", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("report.html.j2")


def render(plan: Record, source: Path | None = None) -> str:
    """The review page for one vnplan JSON output (as a dict); with its source PDF (digital or a
    scan) or image file (see find_source), the pages are shown as images with the box of every value."""
    pages = source_pages(plan)
    if source is not None:
        draw_pages(pages, source, plan["document"]["source"]["format"])
    rows, marks, warnings = collect(plan, {p.number: p for p in pages})
    for page in pages:  # smaller boxes last, so that they lie on top of the paragraphs around them
        page.boxes.sort(key=lambda b: (-b.width * b.height, b.key))
    return _template().render(
        doc=plan["document"],
        schema_version=plan["schema_version"],
        segments=segments(plan["text"], marks, plan["repairs"], pages),
        pages=[p for p in pages if p.image is not None],
        page_count=len(pages),
        low_ocr=LOW_OCR_CONFIDENCE,
        tables=[(kind, *TABLES[kind], rows[kind]) for kind in TABLES if rows[kind]],
        warnings=warnings,
        repairs=len(plan["repairs"]),
        marked=len(marks),
    )


@dataclass(frozen=True)
class ReviewPage:
    """One page to write: the JSON, its place below the folder it was found in, and the HTML file."""

    json: Path
    relative: PurePath
    target: Path


def review_pages(inputs: list[Path], output: Path | None) -> tuple[list[ReviewPage], bool]:
    """The page to write for every vnplan JSON given or below a folder given, and whether ``output``
    names one page file (.html). Pages mirror the folders below ``output``, by the output naming
    rule of vnplan.files; without ``output``, each page goes beside its JSON."""
    from vnplan.dataset import output_files

    found = [
        (f, f.relative_to(item) if item.is_dir() else PurePath(f.name))
        for item in inputs
        for f in (output_files(item) if item.is_dir() else [item])
    ]
    names = output_names(found, ".html")
    single_file = output is not None and output.suffix.lower() in (".html", ".htm")
    pages = []
    for path, relative in found:
        if output is None:  # beside each JSON
            target = path.with_name(output_names([(path, PurePath(path.name))], ".html")[path].name)
        else:
            target = output if single_file else output / names[path]
        pages.append(ReviewPage(path, relative, target))
    return pages, single_file
