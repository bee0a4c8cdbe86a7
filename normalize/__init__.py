"""Stage 2: raw text → normalized text with an offset map back to the raw input.

Passes, in order, each recorded: legacy encodings (TCVN3, VNI, VIQR, UTF-8 read as cp1252;
before anything touches soft hyphens) → Unicode (NFC, invisible characters, tone placement) →
Markdown markup → restoration of damaged lines (stripped diacritics, OCR confusions; see
restore/) → layout (page furniture, wrapped lines). Damage is detected, reported in
``text_quality`` and, where repaired, every changed token is listed in ``repairs``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vnplan.extract.document import ExtractedDocument, PageText
from vnplan.normalize.layout import reflow
from vnplan.normalize.legacy import LegacyReading, convert_legacy
from vnplan.normalize.mapped import Edit, MappedText, RawRepair
from vnplan.normalize.markdown import looks_like_markdown, strip_markdown
from vnplan.normalize.quality import QualityReading, read_quality
from vnplan.normalize.restore import damage_mode, kept_as_read
from vnplan.normalize.slips import find_slips
from vnplan.normalize.tables import find_tables
from vnplan.normalize.unicode import normalize_unicode
from vnplan.schema.codes import WarningCode
from vnplan.schema.model import Notice, Provenance, Repair, Table, TextQuality

if TYPE_CHECKING:
    from vnplan.normalize.restore.decoder import Restorer

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
    tables: list[Table] = field(default_factory=list)  # every cell's span is in the normalized text

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


def normalize(doc: ExtractedDocument, restorer: Restorer | None = None) -> NormalizedDocument:
    """Normalize an extracted document; ``restorer`` restores its damaged lines (default: the shipped model,
    loaded on first need)."""
    mapped = MappedText.identity(doc.raw_text)

    # Legacy encodings first: TCVN3's "ư" is the soft hyphen that the Unicode pass removes.
    runs = [(run.start, run.end, run.font) for run in doc.font_runs]
    mapped, legacy_log, legacy = convert_legacy(mapped, runs)
    mapped, unicode_report = normalize_unicode(mapped)
    raw_log = [*legacy_log, *unicode_report.repairs]
    repair_counts: dict[str, int] = {}
    for item in raw_log:
        repair_counts[item.method] = repair_counts.get(item.method, 0) + 1

    heading_lines: dict[int, int] = {}
    markdown = doc.markup == "markdown" or looks_like_markdown(mapped.text)
    if markdown:
        mapped, heading_lines = strip_markdown(mapped)
        repair_counts["markdown_markup"] = len(heading_lines)

    # Restoration reads the physical lines (it decodes across line ends anyway), so that layout
    # sees restored words: headings, numbering and page furniture are found in readable text.
    reading = read_quality(mapped.text)
    damage = list(reading.damage)
    if legacy.encoding:
        damage.insert(0, f"legacy_encoding_{legacy.encoding}")
    mapped, restore_log, restored_modes = _restore(mapped, reading, doc.pages, restorer)
    mapped, slip_log = _mend_slips(mapped)
    restore_log += slip_log

    layout = reflow(mapped, heading_lines, ocr=doc.text_method in ("ocr", "mixed"))
    mapped = layout.text
    if layout.furniture:
        repair_counts["page_furniture"] = len(layout.furniture)

    if not reading.damage:  # damage found line by line (or on OCR'd pages) only
        damage.extend("stripped_diacritics" if mode == "stripped" else "ocr_confusion" for mode in restored_modes)
    for item in restore_log:
        repair_counts[item.method] = repair_counts.get(item.method, 0) + 1
    reading_after = read_quality(mapped.text) if restore_log else reading

    # Token-level repairs, located in the final text through the raw offsets they came from.
    repairs = _locate_repairs(mapped, doc.raw_text, [*raw_log, *restore_log])

    quality, warnings = _text_quality(
        reading, reading_after, damage, repair_counts, legacy, unicode_report.form, bool(restored_modes)
    )
    normalized = NormalizedDocument(
        source=doc,
        mapped=mapped,
        headings=layout.headings,
        join_points=layout.join_points,
        text_quality=quality,
        repairs=repairs,
        warnings=[*doc.warnings, *warnings],
    )
    normalized.tables = find_tables(
        mapped, doc.raw_text, doc.tables, normalized.provenance, normalized.page_of, markdown=markdown
    )
    return normalized


def _text_quality(
    reading: QualityReading,
    reading_after: QualityReading,
    damage: list[str],
    repair_counts: dict[str, int],
    legacy: LegacyReading,
    unicode_form: str,
    restored: bool,
) -> tuple[TextQuality, list[Notice]]:
    """How readable the text is after normalization, with a warning when it still looks damaged.
    Unicode and layout normalization are not repairs of damage: such text is still "clean"; damage
    that was repaired (legacy encoding, restoration) and no longer shows is "repaired"."""
    warnings: list[Notice] = []
    if reading_after.damage:
        warnings.append(
            Notice(
                code=WarningCode.DAMAGED_TEXT,
                message=(
                    f"text looks damaged ({', '.join(damage)}): only {reading_after.score:.0%} of words are "
                    "valid Vietnamese syllables"
                    + (" after restoration" if restored else "")
                    + "; extracted values may be missing or wrong"
                ),
                stage="normalize",
            )
        )
    if reading_after.damage:
        status = "damaged"
    elif damage:
        status = "repaired"
    else:
        status = "clean"
    confidence = _decision_confidence(reading.score)
    if legacy.encoding:
        confidence = min(confidence, legacy.confidence)
    quality = TextQuality(
        status=status,
        score=round(reading_after.score, 4),
        diacritic_ratio=round(reading_after.diacritic_ratio, 4),
        damage=damage,
        unicode_form=("ascii" if legacy.encoding == "viqr" else unicode_form),  # type: ignore[arg-type]
        repairs=dict(sorted(repair_counts.items())),
        confidence=round(confidence, 3),
    )
    return quality, warnings


RESTORE_METHODS = {"stripped": "restore_diacritics", "ocr": "ocr_correction"}


def _restore(
    mapped: MappedText, reading: QualityReading, pages: list[PageText], restorer: Restorer | None = None
) -> tuple[MappedText, list[RawRepair], list[str]]:
    """Restore the damaged lines of the text; every changed token is logged in raw offsets.

    Decided page by page: the lines of OCR'd pages always go through OCR correction (even
    tesseract -l vie gets marks wrong), whatever the other pages are; on the other pages the
    damage detected in their text decides, and lines that already read well are kept. Returns the
    modes that ran."""
    lines = mapped.text.split("\n")
    on_ocr = _on_ocr_pages(mapped, lines, pages)
    rest = [line for line, ocr in zip(lines, on_ocr, strict=True) if not ocr]
    rest_mode = _damage_mode("\n".join(rest), reading if len(rest) == len(lines) else None) if rest else "clean"
    modes = ["ocr" if ocr else rest_mode for ocr in on_ocr]
    edits: list[Edit] = []
    log: list[RawRepair] = []
    ran: list[str] = []
    for mode in ("ocr", "stripped"):
        keep = [m != mode or kept_as_read(line, mode) for line, m in zip(lines, modes, strict=True)]
        if all(keep):
            continue
        if restorer is None:
            from vnplan.normalize.restore.decoder import default_restorer  # numpy and the model code: damaged text only

            restorer = default_restorer()
        ran.append(mode)
        offset = 0
        for line, result in zip(lines, restorer.restore_lines(lines, mode, keep), strict=True):
            for change in result.changes:
                start, end = offset + change.start, offset + change.end
                edits.append(Edit(start, end, change.text))
                raw_start, raw_end = mapped.raw_span(start, end)
                log.append(RawRepair(raw_start, raw_end, change.text, RESTORE_METHODS[mode], change.confidence))
            offset += len(line) + 1
    return (mapped.apply(edits), log, ran) if edits else (mapped, [], ran)


SLIP_METHOD = "spelling_slip"
SLIP_CONFIDENCE = 0.9


def _mend_slips(mapped: MappedText) -> tuple[MappedText, list[RawRepair]]:
    """The slips of the pen of the text mended (``slips.find_slips``), each logged in raw offsets."""
    slips = find_slips(mapped.text)
    log = []
    for slip in slips:
        raw_start, raw_end = mapped.raw_span(slip.start, slip.end)
        log.append(RawRepair(raw_start, raw_end, slip.text, SLIP_METHOD, SLIP_CONFIDENCE))
    if not slips:
        return mapped, []
    return mapped.apply([Edit(slip.start, slip.end, slip.text) for slip in slips]), log


def _damage_mode(text: str, reading: QualityReading | None) -> str:
    """How text that is not OCR output is damaged: ocr (OCR confusions in a text file), stripped or clean."""
    reading = reading or read_quality(text)
    if "ocr_confusion" in reading.damage:
        return "ocr"
    if "stripped_diacritics" in reading.damage:
        return "stripped"
    return damage_mode(text)[0]


def _on_ocr_pages(mapped: MappedText, lines: list[str], pages: list[PageText]) -> list[bool]:
    """Whether each line lies on a page whose text came from OCR."""
    if not any(page.method == "ocr" for page in pages):
        return [False] * len(lines)
    starts = [page.start for page in pages]
    found = []
    offset = 0
    for line in lines:
        raw = mapped.raw_span(offset, offset)[0]
        found.append(pages[max(bisect.bisect_right(starts, raw) - 1, 0)].method == "ocr")
        offset += len(line) + 1
    return found


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
