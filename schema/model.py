"""The output contract as typed models.

These models mirror ``schema/plan.schema.json``, which is the single source of truth; the test
suite checks that both describe the same fields. Field order here is the order in the JSON.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnplan.schema.codes import Format, WarningCode

SCHEMA_VERSION = "1.6.0"

Comparator = Literal["=", ">=", "<=", ">", "<"]
Stage = Literal["extract", "normalize", "structure", "schema"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(Record):
    """Where a value comes from: a span of the normalized text and the raw span it was made from."""

    page: int | None = Field(description="1-based page number; null for plain text")
    start: int = Field(ge=0, description="start offset into the document's normalized text")
    end: int = Field(ge=0, description="end offset (exclusive) into the normalized text")
    text: str = Field(description="the normalized snippet text[start:end]")
    raw_text: str = Field(description="the same span in the raw input, before normalization")
    method: str = Field(description="the rule or model that found the value")
    confidence: float = Field(ge=0, le=1)
    bbox: list[float] | None = Field(
        default=None, description="[x0, top, x1, bottom] in PDF points on `page`, when the input has a layout"
    )


class Notice(Record):
    """A warning carried on the document instead of an exception."""

    code: WarningCode
    message: str
    stage: Stage
    provenance: Provenance | None = None


class PageInfo(Record):
    number: int = Field(ge=1)
    method: Literal["text_layer", "ocr", "plain"]
    ocr_confidence: float | None = None
    text_start: int | None = Field(
        default=None, ge=0, description="offset into the normalized text where this page's text begins; null: no text"
    )


class Source(Record):
    file_name: str
    sha256: str
    format: Format
    size_bytes: int = Field(ge=0)
    pages: int | None = Field(description="page count; null for plain text")
    text_method: Literal["plain", "text_layer", "ocr", "mixed"]
    encoding: str = Field(description="how the bytes were decoded, e.g. utf-8, utf-8-sig, tcvn3")
    page_details: list[PageInfo] = Field(default_factory=list)

    @field_validator("file_name")
    @classmethod
    def _text_name(cls, name: str) -> str:
        """A name that was not UTF-8 arrives with surrogate escapes, which UTF-8 cannot carry:
        its undecodable bytes are recorded as the text \\xNN."""
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            try:
                return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            except UnicodeEncodeError:  # a surrogate no file name decoding made
                return name.encode("utf-8", "backslashreplace").decode("utf-8")
        return name


class TextQuality(Record):
    status: Literal["clean", "repaired", "damaged"]
    score: float = Field(ge=0, le=1, description="share of letter tokens that are valid Vietnamese syllables")
    diacritic_ratio: float = Field(ge=0, le=1, description="share of Vietnamese syllables that carry a mark")
    damage: list[str] = Field(description="kinds of damage detected, e.g. ocr_confusion, stripped_diacritics")
    unicode_form: Literal["NFC", "NFD", "mixed", "ascii"]
    repairs: dict[str, int] = Field(description="number of repairs made, by method")
    confidence: float = Field(ge=0, le=1, description="confidence in the status decision")


class Period(Record):
    start: int | None
    end: int | None
    horizon: int | None = Field(description="the 'định hướng / tầm nhìn đến năm' year, if any")
    text: str


class AdminRef(Record):
    """A unit of an official list by name and national code, e.g. Tỉnh Phú Thọ, 25."""

    name: str
    code: str


IssuerLevel = Literal["central", "province", "district", "commune"]
Resolution = Literal["official_name", "name", "unaccented", "from_district", "ambiguous", "not_found"]


class Place(Record):
    name: str = Field(description="the place's name as the document writes it, normalized")
    level: Literal["province", "district", "commune"] | None
    text: str = Field(description="the words the place was found in")
    provenance: Provenance | None = None
    official_name: str | None = Field(
        default=None, description="the name in the official list, e.g. Huyện Yên Lạc; null when not resolved"
    )
    code: str | None = Field(
        default=None, description="national administrative-unit code (2 digits province, 3 district, 5 commune)"
    )
    code_list: Literal["pre_2025", "post_2025"] | None = Field(
        default=None,
        description="the official list the code is from: before the 1 July 2025 reorganization (63 provinces, "
        "with districts) or after it (34 provinces, no districts); chosen by the plan's issue date",
    )
    province: AdminRef | None = Field(
        default=None, description="the province the unit belonged to in that list (itself for a province)"
    )
    current: AdminRef | None = Field(default=None, description="the post-2025 province the unit belongs to now")
    resolution: Resolution | None = Field(
        default=None,
        description="how the name was matched to the official list: official_name (name and kind), name (name "
        "only: kind not written or changed), unaccented (diacritics damaged), from_district (province never "
        "named; the issuing district's), ambiguous or not_found (code left null, with a warning)",
    )


class LegalReference(Record):
    type: str = Field(description="Nghị quyết, Quyết định, Kế hoạch, …")
    number: str | None
    date: str | None = Field(description="ISO date, possibly partial (YYYY or YYYY-MM)")
    issuer: str | None
    text: str
    provenance: Provenance


class Signer(Record):
    name: str | None
    title: str | None = Field(description="e.g. GIÁM ĐỐC, PHÓ CHỦ TỊCH")
    authority: str | None = Field(description="KT./TM./TL. line, e.g. KT. GIÁM ĐỐC")
    provenance: Provenance | None = None


class AttachedPlan(Record):
    """The plan a decision issues ("Quyết định ban hành Kế hoạch …"): its own identity."""

    doc_type: str | None = Field(description="e.g. Kế hoạch, Chương trình, Đề án")
    title: str | None
    period: Period | None
    provenance: Provenance | None = None


class Signature(Record):
    """A digital signature's appearance or a certified-copy ("SAO Y") stamp on the file."""

    kind: Literal["digital_signature", "certified_copy"]
    organisation: str | None = Field(description="the signing body or person as the stamp names it")
    signed_at: str | None = Field(description="ISO 8601 date-time with offset, when the stamp gives one")
    text: str = Field(description="the stamp's text as read")
    page: int | None = None


class DocumentInfo(Record):
    title: str | None
    doc_type: str | None
    number: str | None = Field(description="e.g. 243/KH-SYT; null when the number is left blank")
    number_text: str | None = Field(description="the number line as written, even when blank: '/KH-TTYT'")
    issuer: str | None
    issuer_parent: str | None = Field(description="the body the issuer belongs to, e.g. UBND tỉnh Lai Châu")
    issuer_level: IssuerLevel | None = Field(default=None, description="the administrative level of the issuing body")
    place: str | None = Field(description="the place of the date line, e.g. Yên Lạc")
    issued_date: str | None = Field(description="ISO 8601 date, possibly partial (YYYY or YYYY-MM)")
    province: Place | None
    district: Place | None = Field(default=None, description="the issuing district, for a district-level issuer")
    period: Period | None
    legal_basis: list[LegalReference]
    signer: Signer | None
    recipients: list[str]
    source: Source
    text_quality: TextQuality
    plan: AttachedPlan | None = Field(
        default=None, description="for a decision that issues a plan: the attached plan's own identity"
    )
    signatures: list[Signature] = Field(default_factory=list)


class Section(Record):
    id: str
    parent: str | None
    level: int = Field(ge=1)
    label: str | None = Field(description="the document's own numbering, e.g. II, 2.3, a, -")
    marker: Literal["title", "markdown", "roman", "arabic", "dotted", "letter", "named", "bullet", "appendix"]
    title: str
    part: str | None = Field(description="standard part of a plan: objectives, indicators, budget, …")
    provenance: Provenance = Field(description="the span of the whole section, heading to last line")


class Objective(Record):
    id: str
    kind: Literal["general", "specific"]
    text: str
    section: str | None
    provenance: Provenance


TargetKind = Literal["level", "change", "count"]


class Target(Record):
    value: float | None
    unit: str | None
    comparator: Comparator | None
    value_max: float | None = Field(default=None, description="upper bound of a range; null for a single value")
    kind: TargetKind | None = Field(default=None, description="level, change (growth or reduction) or count")
    per: str | None = Field(default=None, description="the population a rate is per, e.g. '10.000 dân'")
    qualifier: str | None = Field(default=None, description="words narrowing the counted thing beyond its unit")


class Baseline(Record):
    value: float | None
    year: int | None


class Indicator(Record):
    id: str
    label: str | None
    name: str
    target: Target
    target_year: int | None
    baseline: Baseline | None
    metric: str | None
    section: str | None
    provenance: Provenance
    restatements: list[Provenance] = Field(
        default_factory=list, description="further places stating the same target; counted once"
    )


BudgetRole = Literal["total", "subtotal", "item"]
# A part that is no addend of its parent: a selection of it ("Trong đó" rows of a money table, a lone
# part) or a second layout of an amount already broken down (a table's total restating a body line).
BudgetBreakdown = Literal["of_which", "restated"]


class Budget(Record):
    id: str
    description: str
    amount_vnd: int | None = Field(ge=0, description="in đồng; a decrease says so in `direction`")
    amount_text: str
    year: int | None
    period: Period | None
    funding_source: str | None
    parent: str | None
    section: str | None
    provenance: Provenance
    place: Place | None = Field(default=None, description="the district or commune the record names")
    role: BudgetRole | None = Field(
        default=None, description="total, subtotal (has addends under it: parts whose breakdown is null) or item"
    )
    breakdown: BudgetBreakdown | None = Field(
        default=None,
        description="null: an addend of its parent; of_which: a selection of it; restated: a second layout of it",
    )
    direction: Literal["increase", "decrease"] | None = Field(
        default=None, description="set where the text adjusts an amount up or down"
    )
    unit: str | None = Field(default=None, description="canonical name of the unit that executes the amount")


class Task(Record):
    text: str
    indicator_refs: list[str]
    deadline: str | None
    product: str | None
    provenance: Provenance


class Unit(Record):
    id: str
    name: str
    canonical_name: str
    role: Literal["lead", "support", "other"]
    tasks: list[Task]
    provenance: Provenance
    place: Place | None = Field(default=None, description="the district or commune the record names")
    unit_id: str | None = Field(
        default=None, description="the body across documents: province code and ASCII canonical name"
    )


class Activity(Record):
    id: str
    name: str
    lead_unit: str | None
    support_units: list[str]
    product: str | None
    deadline: str | None
    budget_vnd: int | None
    provenance: Provenance
    place: Place | None = Field(default=None, description="the district or commune the record names")
    lead_unit_ids: list[str] = Field(default_factory=list, description="unit_ids of the lead cell's units")
    support_unit_ids: list[str] = Field(default_factory=list, description="unit_ids of support_units")


class Repair(Record):
    """One change normalization made to the raw text (layout joins are not listed)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw: str
    text: str
    method: str
    confidence: float = Field(ge=0, le=1)


TableSource = Literal["pdf_ruled", "ocr_ruled", "docx", "xlsx", "markdown", "text_tabs"]


class TableCell(Record):
    """One cell of a table; a merged cell is listed once, at its top-left grid position."""

    text: str = Field(description="the cell's normalized text, text[start:end] of the document")
    row: int = Field(ge=0, description="0-based grid row of the cell's top edge")
    col: int = Field(ge=0, description="0-based grid column of the cell's left edge")
    row_span: int = Field(default=1, ge=1, description="grid rows the cell covers (vertically merged cells)")
    col_span: int = Field(default=1, ge=1, description="grid columns the cell covers (horizontally merged cells)")
    page: int | None = Field(default=None, description="1-based page the cell is printed on; null without pages")
    bbox: list[float] | None = Field(
        default=None,
        description="[x0, top, x1, bottom] of the cell in PDF points on `page`, when the input has a layout",
    )
    start: int = Field(ge=0, description="start offset of the cell's text in the document's normalized text")
    end: int = Field(ge=0, description="end offset (exclusive) of the cell's text in the normalized text")


class Table(Record):
    """A table as the reader found it: a grid of cells, each traceable to its span of the text."""

    id: str = Field(description="t1, t2, … in document order")
    source: TableSource = Field(
        description="how the table was found: pdf_ruled (grid lines of a PDF page), ocr_ruled (rules drawn on a "
        "scanned page, cells filled with the OCR words inside them), docx (a Word table), xlsx "
        "(a spreadsheet's used range), markdown (a pipe table), text_tabs (tab-separated rows of plain text)"
    )
    pages: list[int] = Field(default_factory=list, description="1-based pages the table is printed on, in order")
    header_rows: int = Field(ge=0, description="how many rows at the top are column headings")
    columns: int = Field(ge=0, description="number of grid columns")
    caption: str | None = Field(default=None, description="the line above the table (its title), or the sheet name")
    scale: str | None = Field(
        default=None, description="the unit note above or in the header, as written, e.g. 'ĐVT: triệu đồng'"
    )
    rows: list[list[TableCell]] = Field(default_factory=list, description="the cells, row by row, left to right")
    provenance: Provenance = Field(description="the span of the whole table in the normalized text")


class PlanDocument(Record):
    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo
    text: str = Field(description="the normalized text every provenance offset points into")
    sections: list[Section] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    budgets: list[Budget] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    warnings: list[Notice] = Field(default_factory=list)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        """Serialize deterministically: same document, same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"
