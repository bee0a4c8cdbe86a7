"""Stage 2: raw text → normalized text with an offset map back to the raw input.

Passes, in order, each recorded: Unicode (NFC, invisible characters, tone placement) →
Markdown markup → layout (page furniture, wrapped lines). Damage (legacy encodings, stripped
diacritics, OCR confusion) is detected and reported in ``text_quality``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from vnplan.extract.document import ExtractedDocument
from vnplan.normalize.layout import reflow
from vnplan.normalize.mapped import MappedText, RawRepair
from vnplan.normalize.markdown import looks_like_markdown, strip_markdown
from vnplan.normalize.quality import read_quality
from vnplan.normalize.unicode import normalize_unicode

from vnplan.model import Notice, Provenance, Repair, TextQuality

__all__ = ["MappedText", "NormalizedDocument", "normalize"]


@dataclass
class NormalizedDocument:
    source: ExtractedDocument
    mapped: MappedText
    headings: dict[int, int]  # logical line number → Markdown heading level
    join_points: list[int]  # offsets where wrapped physical lines were joined with a space
    text_quality: TextQuality
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.mapped.text

    @property
    def raw_text(self) -> str:
        return self.source.raw_text

    def page_of(self, offset: int) -> int | None:
        """1-based page of a normalized offset; None for inputs without pages."""
        pages = self.source.pages
        if not pages or not self.mapped.text:
            return None
        raw_start, _ = self.mapped.raw_span(
            min(offset, len(self.mapped.text) - 1), min(offset + 1, len(self.mapped.text))
        )
        index = bisect.bisect_right([p.start for p in pages], raw_start) - 1
        return pages[max(index, 0)].number

    def provenance(self, start: int, end: int, method: str, confidence: float) -> Provenance:
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        raw_start, raw_end = self.mapped.raw_span(start, end)
        return Provenance(
            page=self.page_of(start),
            start=start,
            end=end,
            text=self.text[start:end],
            raw_text=self.raw_text[raw_start:raw_end],
            method=method,
            confidence=round(confidence, 3),
            bbox=self.source.bbox_of(raw_start, raw_end),
        )


def normalize(doc: ExtractedDocument) -> NormalizedDocument:
    mapped = MappedText.identity(doc.raw_text)
    warnings: list[Notice] = []

    mapped, unicode_report = normalize_unicode(mapped)
    repair_counts: dict[str, int] = {}
    for item in unicode_report.repairs:
        repair_counts[item.method] = repair_counts.get(item.method, 0) + 1

    heading_lines: dict[int, int] = {}
    if doc.markup == "markdown" or looks_like_markdown(mapped.text):
        mapped, heading_lines = strip_markdown(mapped)
        repair_counts["markdown_markup"] = len(heading_lines)

    layout = reflow(mapped, heading_lines)
    mapped = layout.text
    if layout.furniture:
        repair_counts["page_furniture"] = len(layout.furniture)

    # Token-level repairs, located in the final text through the raw offsets they came from.
    repairs = _locate_repairs(mapped, doc.raw_text, unicode_report.repairs)

    reading = read_quality(mapped.text)
    damage = list(reading.damage)
    if damage:
        warnings.append(
            Notice(
                code="damaged_text",
                message=(
                    f"text looks damaged ({', '.join(damage)}): only {reading.score:.0%} of words are valid "
                    "Vietnamese syllables; extracted values may be missing or wrong"
                ),
                stage="normalize",
            )
        )
    quality = TextQuality(
        # Unicode and layout normalization are not repairs of damage: such text is still "clean".
        status="damaged" if damage else "clean",
        score=round(reading.score, 4),
        diacritic_ratio=round(reading.diacritic_ratio, 4),
        damage=damage,
        unicode_form=unicode_report.form,  # type: ignore[arg-type]
        repairs=dict(sorted(repair_counts.items())),
        confidence=round(_decision_confidence(reading.score), 3),
    )
    return NormalizedDocument(
        source=doc,
        mapped=mapped,
        headings=layout.headings,
        join_points=layout.join_points,
        text_quality=quality,
        repairs=repairs,
        warnings=[*doc.warnings, *warnings],
    )


def _decision_confidence(score: float) -> float:
    """Far from the clean/damaged threshold → confident; near it → not."""
    return min(1.0, 0.5 + abs(score - 0.9) * 5)


def _locate_repairs(mapped: MappedText, raw: str, log: list[RawRepair]) -> list[Repair]:
    """Each logged repair placed in the final text through the raw span it was made from."""
    repairs = []
    for item in log:
        start, end = mapped.final_span(item.raw_start, item.raw_end)
        repairs.append(
            Repair(
                start=start,
                end=end,
                raw=raw[item.raw_start : item.raw_end],
                text=mapped.text[start:end],
                method=item.method,
                confidence=item.confidence,
            )
        )
    return repairs
