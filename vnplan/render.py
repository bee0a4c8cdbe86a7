"""Rich tables for the command line: one document's summary, a batch's and a dataset's summary,
a metric compared across provinces, and the evaluation's figures and mismatches. Rendering only:
every figure is computed elsewhere (vnplan.batch, vnplan.dataset, vnplan.evaluation)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from vnplan.files import display
from vnplan.schema.model import PlanDocument

if TYPE_CHECKING:
    import pyarrow as pa

    from vnplan.batch import Summary
    from vnplan.dataset import Target
    from vnplan.evaluation import Counts, Report
    from vnplan.metrics import MetricUsage
    from vnplan.normalize.restore import RestoreResult


def summary_table(path: Path, plan: PlanDocument) -> Table:
    doc = plan.document
    quality = doc.text_quality
    table = Table(title=display(path), title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    title = doc.title or "—"
    table.add_row(
        "title", (doc.doc_type + ": " if doc.doc_type else "") + (title[:160] + ("…" if len(title) > 160 else ""))
    )
    table.add_row("number", doc.number or (f"(blank) {doc.number_text}" if doc.number_text else "—"))
    table.add_row("issuer", (doc.issuer or "—") + (f"  (under {doc.issuer_parent})" if doc.issuer_parent else ""))
    table.add_row("date", f"{doc.issued_date or '—'}" + (f", {doc.place}" if doc.place else ""))
    table.add_row("province", doc.province.name if doc.province else "—")
    table.add_row(
        "records",
        f"{len(plan.sections)} sections · {len(plan.objectives)} objectives · {len(plan.indicators)} indicators · "
        f"{len(plan.budgets)} budgets · {len(plan.units)} units · {len(plan.activities)} activities",
    )
    damage = f" ({', '.join(quality.damage)})" if quality.damage else ""
    table.add_row("text quality", f"{quality.status}{damage}, {quality.score:.1%} valid syllables")
    if plan.warnings:
        table.add_row("warnings", "; ".join(w.message for w in plan.warnings[:3]))
    return table


def batch_table(result: Summary, failures_path: Path | None) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("inputs", str(result.inputs))
    table.add_row("up to date (skipped)", str(result.skipped))
    table.add_row("processed", str(result.processed))
    table.add_row("failed", str(result.failed) + (f" (see {failures_path})" if failures_path else ""))
    if result.temporary_removed:
        table.add_row("temporary files removed", f"{result.temporary_removed} (left by an interrupted run)")
    table.add_row("time", f"{result.seconds:.1f} s")
    return table


def dataset_table(tables: dict[str, pa.Table], output: Path) -> Table:
    from vnplan.dataset import TABLES

    summary = Table(title=f"dataset written to {output}/", title_justify="left")
    for column in ("table", "rows", "files"):
        summary.add_column(column, justify="right" if column == "rows" else "left")
    for name in TABLES:
        summary.add_row(name, str(tables[name].num_rows), f"{name}.csv, {name}.parquet")
    summary.add_row("(all)", "", "vnplan.duckdb")
    return summary


def metrics_table(usage: list[MetricUsage]) -> Table:
    counted = any(u.documents is not None for u in usage)
    table = Table(title="Canonical metrics (structure/metrics.json)", title_justify="left")
    for column in ("id", "label", "unit", "definition", *(("documents", "indicators") if counted else ())):
        table.add_column(column, justify="right" if column in ("documents", "indicators") else "left")
    for u in usage:
        counts = (str(u.documents), str(u.indicators)) if counted else ()
        table.add_row(u.id, u.label, u.unit or "", u.definition, *counts)
    return table


def compare_table(targets: list[Target], metric: str) -> Table:
    """One metric's targets: a row per province series, a column per target year."""
    from vnplan.dataset import by_series, format_target, metric_labels

    years = sorted({t.year for t in targets if t.year is not None})
    table = Table(title=f"{metric_labels()[metric]} ({metric}): targets by province and year", title_justify="left")
    for column in ("province", "issuer", "document"):
        table.add_column(column)
    for year in years:
        table.add_column(str(year), justify="right")
    for points in by_series(targets).values():
        cells = ["; ".join(format_target(t) for t in points if t.year == year) or "—" for year in years]
        table.add_row(points[0].series, points[0].issuer or "—", points[0].document_id, *cells)
    return table


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _counts_table(title: str, counts: dict[str, Counts], macro: dict[str, float | None]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("type", "gold", "output", "TP", "FP", "FN", "P", "R", "F1", "macro F1"):
        table.add_column(column, justify="left" if column == "type" else "right", no_wrap=True)
    for record_type, c in counts.items():
        figures = (c.gold, c.output, c.tp, c.fp, c.fn)
        table.add_row(
            record_type,
            *map(str, figures),
            _figure(c.precision),
            _figure(c.recall),
            _figure(c.f1),
            _figure(macro.get(record_type)),
        )
    return table


_SUMMARY_TYPES = ("identity", "objectives", "indicators", "budgets", "units", "activities")


def _documents_table(report: Report) -> Table:
    """One row per document, worst first: its F1 per record type and the mean used for the ranking."""
    from vnplan.evaluation import document_score

    table = Table(title="documents, worst first (F1; n/a: no gold and no output records)", title_justify="left")
    for column in ("document", "set", *_SUMMARY_TYPES, "mean"):
        table.add_column(column, justify="left" if column in ("document", "set") else "right", no_wrap=True)
    for doc in sorted((d for d in report.documents if d.counts), key=lambda d: (document_score(d), d.doc_id)):
        f1s = [_figure(doc.counts[name].f1) if name in doc.counts else "n/a" for name in _SUMMARY_TYPES]
        table.add_row(doc.doc_id[:40], doc.subset, *f1s, _figure(document_score(doc)))
    return table


def eval_tables(report: Report) -> list[Table]:
    """Documents worst first, one table per subset (micro and macro), one overall, one for restoration."""
    from vnplan.evaluation import macro, micro, names_of

    tables = [_documents_table(report)]
    subsets = report.by_subset()
    for name, docs in subsets.items():
        tables.append(_counts_table(f"{name} ({len(docs)} documents; micro, and macro F1)", micro(docs), macro(docs)))
    if len(subsets) > 1:
        overall = [doc for docs in subsets.values() for doc in docs]
        tables.append(_counts_table(f"all ({len(overall)} documents)", micro(overall), macro(overall)))
    names = Table(title="Indicator names a reader understands alone; metric conflicts", title_justify="left")
    for column in ("subset", "clean", "indicators", "share", "metric conflicts"):
        names.add_column(column, justify="left" if column == "subset" else "right")
    for name, docs in subsets.items():
        q = names_of(docs)
        names.add_row(name, str(q.clean), str(q.total), _figure(q.share), str(q.conflicts))
    tables.append(names)
    if report.restoration:
        restoration = Table(title="Restoration: gold syllables restored exactly", title_justify="left")
        for column in ("document", "matched", "gold words", "accuracy"):
            restoration.add_column(column, justify="left" if column == "document" else "right")
        for doc in report.documents:
            if doc.restoration:
                r = doc.restoration
                restoration.add_row(doc.doc_id, str(r.matched), str(r.total), _figure(r.accuracy))
        total = report.restoration
        restoration.add_row("overall", str(total.matched), str(total.total), _figure(total.accuracy), style="bold")
        tables.append(restoration)
    return tables


def print_mismatches(report: Report, out: Console) -> None:
    """Every false negative with its gold quote, every false positive with its provenance, worst document first."""
    from vnplan.evaluation import document_score

    def line(text: str) -> None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)

    for doc in sorted(report.documents, key=lambda d: (document_score(d), d.doc_id)):
        if not doc.mismatches:
            continue
        line(
            f"\n{doc.doc_id}: {len(doc.mismatches)} mismatches (FN: in gold, not in output; FP: in output, not in gold)"
        )
        for m in doc.mismatches:
            if m.kind == "false_negative":
                line(f"  FN {m.record_type}: {m.description}\n     gold quote: {m.quote}")
                continue
            line(f"  FP {m.record_type}: {m.description}")
            if m.provenance:
                p = m.provenance
                where = f"page {p['page']}, " if p["page"] is not None else ""
                line(f"     {where}{p['start']}-{p['end']} [{p['method']}]: {p['text']}")


def restore_changes(result: RestoreResult) -> list[str]:
    """`vnplan restore --changes`: a header line, then line number, raw, restored and confidence (TSV)."""
    lines = [f"# mode={result.mode} legacy={result.legacy.encoding or 'none'} confidence={result.confidence:.3f}"]
    for number, line in enumerate(result.lines, start=1):
        lines += [f"{number}\t{c.raw}\t{c.text}\t{c.confidence:.3f}" for c in line.changes]
    return lines
