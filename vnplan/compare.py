"""One metric compared across provinces, read from the dataset's ``indicator_series`` view.

A row per province and target year, its value the targets the documents of that province state
for that year (a range min–max when they differ or a target is a range); the plot draws a line per
province and labels every point with its document.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from vnplan.dataset import DATABASE_FILE, metric_labels, replace_atomic
from vnplan.structure.metrics import metric_entries

SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


@dataclass(frozen=True)
class Point:
    """A province's target for one year."""

    province: str  # the province then (else the document id): one line in the plot
    province_now: str | None
    year: int | None
    low: float
    high: float
    comparator: str | None  # when every target of the point binds the same way
    unit: str | None
    documents: tuple[str, ...]  # number, else document id
    conflict: bool  # a document states different targets for this year

    @property
    def text(self) -> str:
        """'≥13', '60–70'; a range shows no comparator (its bounds say it)."""
        if self.low != self.high:
            return f"{self.low:g}–{self.high:g}"
        return f"{SIGNS.get(self.comparator or '', '')}{self.low:g}"


def metric_points(dataset_dir: Path, metric: str) -> list[Point]:
    """The metric's targets by province and year, in province and year order."""
    import duckdb

    with duckdb.connect(str(dataset_dir / DATABASE_FILE), read_only=True) as con:
        rows = con.execute(
            """
            SELECT coalesce(province_then_name, document_id), any_value(province_now_name), year,
                   min(value_min), max(value_max),
                   CASE WHEN count(DISTINCT coalesce(comparator, '')) = 1 THEN min(comparator) END,
                   min(unit), list(DISTINCT document ORDER BY document), bool_or(conflict)
            FROM indicator_series WHERE metric = ?
            GROUP BY 1, 3 ORDER BY 1, 3 NULLS LAST
            """,
            [metric],
        ).fetchall()
    return [Point(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(r[7]), r[8]) for r in rows]


def title(metric: str) -> str:
    return f"{metric_labels()[metric]} ({metric}): targets by province and year"


def plot(points: list[Point], metric: str, dataset_dir: Path) -> list[Path]:
    """compare_<metric>.png and .svg: a line per province over the target years, a bar for a range,
    every point labelled with its value and document."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    plt.rcParams["svg.hashsalt"] = "vnplan"  # stable element ids: same data, same SVG
    figure, axes = plt.subplots(figsize=(9, 5), dpi=120)
    for province in dict.fromkeys(p.province for p in points):
        dated = [p for p in points if p.province == province and p.year is not None]
        middles = [(p.low + p.high) / 2 for p in dated]
        line = axes.plot([p.year for p in dated], middles, marker="o", label=province)[0]
        for point, middle in zip(dated, middles, strict=True):
            if point.high != point.low:
                axes.vlines(point.year, point.low, point.high, color=line.get_color(), linewidth=3, alpha=0.5)
            axes.annotate(
                f"{point.text}\n{', '.join(point.documents)}",
                (point.year, middle),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize="x-small",
                color=line.get_color(),
            )
    axes.set_title("\n".join(textwrap.wrap(title(metric), 70)), fontsize="medium")
    axes.set_xlabel("target year")
    axes.set_ylabel(metric_entries()[metric].get("unit") or next((p.unit for p in points if p.unit), "value"))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    years = [p.year for p in points if p.year is not None]
    if years:  # room for the labels of the outermost points, a year on either side at least
        pad = max(1.0, (max(years) - min(years)) * 0.15)
        axes.set_xlim(min(years) - pad, max(years) + pad)
    axes.margins(y=0.15)
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    paths = [dataset_dir / f"compare_{metric}.png", dataset_dir / f"compare_{metric}.svg"]
    for path in paths:
        metadata = {"Date": None} if path.suffix == ".svg" else {}  # no time stamp in the SVG
        replace_atomic(path, partial(figure.savefig, format=path.suffix[1:], metadata=metadata))
    plt.close(figure)
    return paths
