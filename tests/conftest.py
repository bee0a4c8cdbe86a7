"""Shared fixtures: the seed documents, processed once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import PlanDocument

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
SEED_IDS = ("000", "001", "002", "003", "004")


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@cache
def processed(prefix: str) -> PlanDocument:
    return vnplan.process(seed_path(prefix))


def plan_from(tmp_path: Path, text: str, name: str = "plan.txt") -> PlanDocument:
    """A plan written out as a file of its own and processed."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return vnplan.process(path)


@pytest.fixture(params=SEED_IDS)
def any_seed(request) -> tuple[str, PlanDocument]:
    return request.param, processed(request.param)
