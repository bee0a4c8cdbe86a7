"""The metric taxonomy of indicators, ``structure/metrics.json``, read once for every user.

Indicator linking (``structure/targets.py``) matches its patterns; the dataset and the CLI use its ids,
labels and units.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    unit: str | None
    patterns: tuple[regex.Pattern[str], ...]  # matched against name and unit, lower-cased, without diacritics


@cache
def metric_entries() -> dict[str, dict[str, str]]:
    """Canonical metric id → its entry in structure/metrics.json (id, label, unit, patterns), in file order."""
    data = json.loads(resources.files(__package__).joinpath("metrics.json").read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["metrics"]}


@cache
def metrics() -> tuple[Metric, ...]:
    """The metrics in file order (first match wins), patterns compiled."""
    return tuple(
        Metric(m["id"], m["label"], m.get("unit"), tuple(regex.compile(p) for p in m["patterns"]))
        for m in metric_entries().values()
    )
