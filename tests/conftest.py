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


@pytest.fixture(params=SEED_IDS)
def any_seed(request) -> tuple[str, PlanDocument]:
    return request.param, processed(request.param)
