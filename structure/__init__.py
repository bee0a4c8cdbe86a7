"""Stage 3: normalized text → PlanDocument (identity, sections and the records of the plan)."""

from __future__ import annotations

from vnplan.normalize import NormalizedDocument
from vnplan.structure.identity import extract_identity
from vnplan.structure.sections import SectionNode, build_sections, logical_lines

from vnplan.model import (
    SCHEMA_VERSION,
    DocumentInfo,
    PageInfo,
    PlanDocument,
    Section,
    Source,
)

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
        page_details=[PageInfo(number=p.number, method=p.method, ocr_confidence=p.ocr_confidence) for p in src.pages],
    )


def _section_record(doc: NormalizedDocument, node: SectionNode) -> Section:
    return Section(
        id=node.id,
        parent=node.parent.id if node.parent else None,
        level=node.level,
        label=node.label,
        marker=node.marker,  # type: ignore[arg-type]
        title=node.title,
        part=node.part,
        provenance=doc.provenance(node.start, node.end, f"rule:section_{node.marker}", 0.9),
    )


def structure(doc: NormalizedDocument) -> PlanDocument:
    lines = logical_lines(doc)
    sections = build_sections(doc, lines)
    ident = extract_identity(doc, lines, sections)
    info = DocumentInfo(
        title=ident.title,
        doc_type=ident.doc_type,
        number=ident.number,
        number_text=ident.number_text,
        issuer=ident.issuer,
        issuer_parent=ident.issuer_parent,
        place=ident.place,
        issued_date=ident.issued_date,
        province=ident.province,
        period=ident.period,
        legal_basis=ident.legal_basis or [],
        signer=ident.signer,
        recipients=ident.recipients or [],
        source=_source(doc),
        text_quality=doc.text_quality,
    )
    return PlanDocument(
        schema_version=SCHEMA_VERSION,
        document=info,
        text=doc.text,
        sections=[_section_record(doc, node) for node in sections],
        repairs=doc.repairs,
        warnings=doc.warnings,
    )
