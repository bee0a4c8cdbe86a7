"""Stage 3: normalized text → PlanDocument (identity, sections and the records of the plan)."""

from __future__ import annotations

import regex

from vnplan.extract.document import PageText
from vnplan.normalize import NormalizedDocument
from vnplan.schema.codes import WarningCode
from vnplan.schema.model import (
    SCHEMA_VERSION,
    DocumentInfo,
    Notice,
    PageInfo,
    PlanDocument,
    Section,
    Signer,
    Source,
)
from vnplan.structure import confidence
from vnplan.structure.appendix import table_activities, table_budgets
from vnplan.structure.budgets import complete_hierarchy, extract_budgets, merge_restated_totals, sum_warnings
from vnplan.structure.identity import Identity, extract_identity
from vnplan.structure.objectives import extract_objectives
from vnplan.structure.places import Location, locate_document, locate_records
from vnplan.structure.rules import APPENDIX_OF_PLAN, DOC_TYPES, ISSUES_A_PLAN, PLAN_TYPES
from vnplan.structure.sections import Line, SectionNode, build_sections, logical_lines
from vnplan.structure.tables import document_tables
from vnplan.structure.target_tables import table_targets
from vnplan.structure.targets import find_indicators, merge_indicators
from vnplan.structure.timetable import timetable_activities
from vnplan.structure.units import activity_units, assign_unit_ids, extract_units

__all__ = ["structure"]


def _source(doc: NormalizedDocument) -> Source:
    src = doc.source
    return Source(
        file_name=src.file_name,
        sha256=src.sha256,
        format=src.format,
        size_bytes=src.size_bytes,
        pages=len(src.pages) if src.pages else None,
        text_method=src.text_method,
        encoding=src.encoding,
        page_details=[
            PageInfo(number=p.number, method=p.method, ocr_confidence=p.ocr_confidence, text_start=_text_start(doc, p))
            for p in src.pages
        ],
    )


def _text_start(doc: NormalizedDocument, page: PageText) -> int | None:
    """Where the page's text begins in the normalized text (the first character made from the page)."""
    start, end = doc.mapped.final_span(page.start, page.end)
    return start if start < end else None


def _section_record(doc: NormalizedDocument, node: SectionNode) -> Section:
    return Section(
        id=node.id,
        parent=node.parent.id if node.parent else None,
        level=node.level,
        label=node.label,
        marker=node.marker,  # type: ignore[arg-type]
        title=node.title,
        part=node.part,
        provenance=doc.provenance(node.start, node.end, f"rule:section_{node.marker}", confidence.SECTION_HEADING),
    )


def _signature_section(signer: Signer) -> Section:
    """The signature block as a part of its own (it has no numbering to be found by)."""
    title = " ".join(p for p in (signer.authority, signer.title, signer.name) if p)
    assert signer.provenance is not None
    return Section(
        id="signature",
        parent=None,
        level=1,
        label=None,
        marker="named",
        title=title,
        part="signature",
        provenance=signer.provenance,
    )


def innermost_sections(lines: list[Line], sections: list[SectionNode]) -> dict[int, SectionNode]:
    """Line number → the deepest section containing the line."""
    owner: dict[int, SectionNode] = {}
    # Sections come in document order and nest, so the open ones form a stack, innermost on top.
    pending = iter(sections)
    upcoming = next(pending, None)
    open_nodes: list[SectionNode] = []
    for line in lines:
        while upcoming is not None and upcoming.start <= line.start:
            open_nodes.append(upcoming)
            upcoming = next(pending, None)
        while open_nodes and open_nodes[-1].end < line.start:
            open_nodes.pop()
        if open_nodes:
            owner[line.number] = open_nodes[-1]
    return owner


# How far into the text an appendix published on its own says what it is attached to.
OPENING = 600


def _not_a_plan(doc_type: str | None, title: str | None, sections: list[SectionNode], opening: str) -> Notice | None:
    """A warning for a document that is not a plan and issues none (a regulation, a cover submission,
    a decree, a file that is no administrative document at all), else None. An appendix of a plan published
    on its own (its ``opening`` says "Kèm theo Chương trình …") is a part of a plan."""
    attached = [DOC_TYPES.get(regex.sub(r"\s+", " ", s.title.upper())) for s in sections if s.style == "attached"]
    if doc_type in PLAN_TYPES or any(t in PLAN_TYPES for t in attached) or ISSUES_A_PLAN.search(title or ""):
        return None
    if doc_type is None and APPENDIX_OF_PLAN.search(opening):
        return None
    what = doc_type or "no document type in the header"
    return Notice(
        code=WarningCode.NOT_A_PLAN,
        message=f"{what}: not a plan and issues none; no targets are read from it",
        stage="structure",
    )


def _document_info(doc: NormalizedDocument, ident: Identity, where: Location) -> DocumentInfo:
    """The identity as the contract carries it, with the places resolved against the official lists."""
    return DocumentInfo(
        title=ident.title,
        doc_type=ident.doc_type,
        number=ident.number,
        number_text=ident.number_text,
        issuer=ident.issuer,
        issuer_parent=ident.issuer_parent,
        issuer_level=where.issuer_level,
        place=ident.place,
        issued_date=ident.issued_date,
        province=where.province,
        district=where.district,
        period=ident.period,
        legal_basis=ident.legal_basis or [],
        signer=ident.signer,
        recipients=ident.recipients or [],
        signatures=doc.source.signatures,
        source=_source(doc),
        text_quality=doc.text_quality,
        plan=ident.plan,
    )


def structure(doc: NormalizedDocument) -> PlanDocument:
    lines = logical_lines(doc)
    sections = build_sections(doc, lines)
    ident = extract_identity(doc, lines, sections)
    section_of = innermost_sections(lines, sections)
    plan_year = ident.period.end if ident.period else None
    plan_warning = _not_a_plan(ident.doc_type, ident.title, sections, doc.text[:OPENING])
    # a regulation's rates and a cover letter's figures are no targets
    plan_start = ident.period.start if ident.period else None
    tables = document_tables(doc, lines, sections, section_of)
    issued_year = int(ident.issued_date[:4]) if ident.issued_date else None
    from_tables = table_targets(doc, tables, ident.period, issued_year)
    stated = (
        []
        if plan_warning
        else find_indicators(doc, lines, section_of, plan_year, plan_start, from_tables.indicators, from_tables.spans)
    )
    indicators = merge_indicators(stated)
    objectives = extract_objectives(doc, lines, sections, section_of, indicators)
    budgets = extract_budgets(doc, lines, section_of, ident.period.start if ident.period else None)
    budgets += table_budgets(doc, tables, budgets, first_id=len(budgets) + 1, period=ident.period)
    budgets = merge_restated_totals(budgets)
    complete_hierarchy(budgets)
    budget_warnings = sum_warnings(budgets)
    activities = table_activities(doc, tables)
    activities += timetable_activities(doc, sections, first_id=len(activities) + 1)
    units = activity_units(
        doc,
        activities,
        extract_units(doc, lines, section_of, ident.issuer, indicators),
        ident.issuer,
        [i for i, _ in stated],
    )
    where = locate_document(doc, ident.issuer, ident.province, ident.issued_date)
    units, activities, budgets, place_warnings = locate_records(
        doc, where, ident.issued_date, units, activities, budgets
    )
    assign_unit_ids(units, activities, ident.issuer, where.province.code if where.province else None)
    info = _document_info(doc, ident, where)
    section_records = [_section_record(doc, node) for node in sections]
    if ident.signer is not None and ident.signer.provenance is not None:
        signature = _signature_section(ident.signer)
        before = [r for r in section_records if r.provenance.start <= signature.provenance.start]
        section_records.insert(len(before), signature)
    return PlanDocument(
        schema_version=SCHEMA_VERSION,
        document=info,
        text=doc.text,
        sections=section_records,
        objectives=objectives,
        indicators=indicators,
        budgets=budgets,
        units=units,
        activities=activities,
        tables=doc.tables,
        repairs=doc.repairs,
        warnings=[
            *doc.warnings,
            *ident.notices,
            *([plan_warning] if plan_warning else []),
            *budget_warnings,
            *where.warnings,
            *place_warnings,
        ],
    )
