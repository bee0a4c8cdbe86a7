"""The metric taxonomy for people: every canonical metric id with its label, definition and unit, and how
many documents of a folder of outputs carry it (``vnplan metrics``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vnplan.dataset import output_files
from vnplan.structure.metrics import metrics


@dataclass(frozen=True)
class MetricUsage:
    id: str
    label: str
    definition: str
    unit: str | None
    documents: int | None  # documents of the folder with an indicator of this metric; None without a folder
    indicators: int | None


def metric_usage(out_dir: Path | None = None) -> list[MetricUsage]:
    """The metrics in taxonomy order; with ``out_dir`` (vnplan JSON outputs), how many documents and indicators
    carry each. A file that is no readable JSON output is skipped (``vnplan validate`` says why)."""
    documents: dict[str, int] = {}
    indicators: dict[str, int] = {}
    for path in output_files(out_dir) if out_dir is not None else []:
        try:
            found = [i.get("metric") for i in json.loads(path.read_text(encoding="utf-8")).get("indicators", [])]
        except (OSError, ValueError, AttributeError):
            continue
        for metric in set(found) - {None}:
            documents[metric] = documents.get(metric, 0) + 1
        for metric in found:
            if metric:
                indicators[metric] = indicators.get(metric, 0) + 1
    counted = out_dir is not None
    return [
        MetricUsage(
            m.id,
            m.label,
            m.definition,
            m.unit,
            documents.get(m.id, 0) if counted else None,
            indicators.get(m.id, 0) if counted else None,
        )
        for m in metrics()
    ]
