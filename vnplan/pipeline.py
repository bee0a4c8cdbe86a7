"""extract → normalize → structure → schema, one typed value handed to the next."""

from __future__ import annotations

from pathlib import Path

from vnplan.extract import extract
from vnplan.normalize import normalize
from vnplan.normalize.quality import read_quality
from vnplan.schema import ensure_valid
from vnplan.schema.model import Notice, PlanDocument
from vnplan.structure import structure

# Raw text with fewer valid Vietnamese syllables than this and (almost) no Vietnamese diacritics is
# another language (English: 0.17 and 0); stripped Vietnamese scores about 0.7 or more, the OCR'd seed 0.55.
NOT_VIETNAMESE_SCORE = 0.35
NOT_VIETNAMESE_DIACRITICS = 0.02


def process(path: Path) -> PlanDocument:
    """Run every stage on one file; the result satisfies plan.schema.json or SchemaViolation is raised."""
    extracted = extract(path)
    plan = structure(normalize(extracted))
    reading = read_quality(extracted.raw_text)
    if reading.score < NOT_VIETNAMESE_SCORE and reading.diacritic_ratio < NOT_VIETNAMESE_DIACRITICS:
        plan.warnings.append(
            Notice(
                code="not_vietnamese",
                message=(
                    f"the text does not look Vietnamese (only {reading.score:.0%} of words are Vietnamese syllables, "
                    "no Vietnamese diacritics); vnplan reads Vietnamese plans, so records may be missing or wrong"
                ),
                stage="extract",
            )
        )
    ensure_valid(plan.to_dict())
    return plan
