"""The metric taxonomy of indicators, ``structure/metrics.json``, read once for every user.

Indicator linking (``structure/targets.py``) matches its patterns and units; the dataset and the CLI
(``vnplan metrics``) use its ids, labels, definitions and units.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from vnplan.normalize.syllables import strip_diacritics


def _folded(text: str) -> str:
    return strip_diacritics(text.strip()).lower()


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    unit: str | None
    patterns: tuple[regex.Pattern[str], ...]  # matched against the name, lower-cased, without diacritics
    definition: str = ""
    units: tuple[str, ...] = ()  # the units an indicator of this metric may have (lower case); empty: any
    examples: tuple[tuple[str, str | None], ...] = ()  # (name, unit) that get the metric
    counter_examples: tuple[tuple[str, str | None], ...] = ()  # (name, unit) that must not

    def fits(self, name: str, unit: str | None) -> bool:
        """The quantity ``name`` (measured in ``unit``, when known) is this metric's."""
        # units compared without tone marks: OCR restoration may leave "bậc si/10.000 dân" for "bác sĩ/10.000 dân"
        if unit is not None and self.units and _folded(unit) not in {_folded(u) for u in self.units}:
            return False
        folded = strip_diacritics(name).lower()
        return any(p.search(folded) for p in self.patterns)


@cache
def metric_entries() -> dict[str, dict[str, Any]]:
    """Canonical metric id → its entry in structure/metrics.json (id, label, definition, unit, units, patterns,
    examples, counter_examples), in file order."""
    data = json.loads(resources.files(__package__).joinpath("metrics.json").read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["metrics"]}


@cache
def metrics() -> tuple[Metric, ...]:
    """The metrics in file order (first match wins), patterns compiled."""
    return tuple(
        Metric(
            m["id"],
            m["label"],
            m.get("unit"),
            tuple(regex.compile(p) for p in m["patterns"]),
            m.get("definition", ""),
            tuple(u.lower() for u in m.get("units", ())),
            tuple((e["name"], e["unit"]) for e in m.get("examples", ())),
            tuple((e["name"], e["unit"]) for e in m.get("counter_examples", ())),
        )
        for m in metric_entries().values()
    )


def metric_for(name: str, unit: str | None) -> str | None:
    """The id of the metric whose definition the quantity ``name`` (in ``unit``) matches, else None."""
    return next((m.id for m in metrics() if m.fits(name, unit)), None)
