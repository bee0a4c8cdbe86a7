"""extract → normalize → structure → schema, one typed value handed to the next."""

from __future__ import annotations

from pathlib import Path

from vnplan.extract import extract
from vnplan.model import PlanDocument
from vnplan.normalize import normalize
from vnplan.schema import ensure_valid
from vnplan.structure import structure


def process(path: Path) -> PlanDocument:
    """Run every stage on one file; the result satisfies plan.schema.json or SchemaViolation is raised."""
    plan = structure(normalize(extract(path)))
    ensure_valid(plan.to_dict())
    return plan
