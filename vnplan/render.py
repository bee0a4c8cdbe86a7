"""Rich rendering for the command line: the progress of a run over documents, one document's
summary, a batch's and a dataset's summary, a metric compared across provinces, and the
evaluation's figures and mismatches. Rendering only: every figure is computed elsewhere
(vnplan.batch, vnplan.dataset, vnplan.evaluation)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from vnplan.files import display
from vnplan.schema.model import PlanDocument

if TYPE_CHECKING:
    import pyarrow as pa

    from vnplan.batch import Summary
    from vnplan.commands import Dataset
    from vnplan.compare import Point
    from vnplan.evaluation import Counts, Report
    from vnplan.metrics import MetricUsage
    from vnplan.normalize.restore import RestoreResult


# tables keep their columns when piped to a file (rich would fold them to 80 columns)
out = Console() if sys.stdout.isatty() else Console(width=200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def say(text: str) -> None:
    """One plain line on standard output (no Rich markup or highlighting)."""
    out.print(text, markup=False, highlight=False)


def write_utf8(text: str) -> None:
    """Text on standard output as UTF-8, whatever the locale says (a JSON document)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
    sys.stdout.buffer.flush()


def report_error(path: Path | str, message: str) -> None:
    """The one line a failed input gets on standard error: ``vnplan: error: FILE: problem``."""
    err.print(f"vnplan: error: {display(path)}: {display(message)}", markup=False)


class Failures:
    """Reports each input that failed (one line on stderr) and counts them; the others go on."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, path: Path | str, message: str) -> None:
        report_error(path, message)
        self.count += 1

    def summarize(self, total: int) -> None:
        """The closing line of a command over several inputs, when some failed."""
        if self.count:
            err.print(f"vnplan: {self.count} of {total} inputs failed", markup=False)


# Documents take seconds to minutes each: the rate is averaged over the last few minutes, not Rich's 30 s.
RATE_WINDOW_SECONDS = 300.0


class _RateColumn(ProgressColumn):
    """Documents per minute (or per second when faster), from Rich's recent speed estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed:
            return Text("–/min", style="progress.data.speed")
        rate = f"{speed:.1f}/s" if speed >= 1 else f"{speed * 60:.1f}/min"
        return Text(rate, style="progress.data.speed")


class _FileColumn(ProgressColumn):
    """The current file's name, cut to what the terminal leaves beside the other columns (Rich would
    squeeze the figures instead)."""

    OTHER_COLUMNS = 58  # bar, count, rate, elapsed, "left", remaining, and the spaces between

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def render(self, task: Task) -> Text:
        room = max(self.console.width - len(task.description) - self.OTHER_COLUMNS, 8)
        name = Text(task.fields["file"], style="dim", no_wrap=True)
        name.truncate(room, overflow="ellipsis")
        return name


class Progress:
    """The progress of a run over documents, on standard error.

    On a terminal a Rich bar: done of total, rate, time elapsed and left, and the current file (the
    last one finished, for a batch whose workers run several at once). Elsewhere (a log file, cron,
    nohup) one plain line per finished document: ``N/TOTAL ok|failed SECONDS s FILE``. Nothing with
    ``quiet``. A document's error goes to ``on_error`` (one line each) either way."""

    def __init__(
        self,
        total: int,
        description: str,
        quiet: bool,
        on_error: Callable[[Path | str, str], None] = report_error,
        console: Console = err,
    ) -> None:
        self.console, self.total, self.on_error = console, total, on_error
        self.count = 0
        self.started = time.perf_counter()
        self.bar: RichProgress | None = None
        self.plain = not quiet and not console.is_terminal
        if not quiet and console.is_terminal and total > 1:  # a bar for one document would only flicker
            self.bar = RichProgress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(bar_width=16),
                MofNCompleteColumn(),
                _RateColumn(),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                _FileColumn(console),
                console=console,
                transient=True,
                speed_estimate_period=RATE_WINDOW_SECONDS,
            )
            self.task = self.bar.add_task(description, total=total, file="")

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, name: Path | str) -> None:
        """The document now being processed (sequential commands)."""
        self.started = time.perf_counter()
        if self.bar is not None:
            self.bar.update(self.task, file=display(Path(name).name))

    def done(self, name: Path | str, error: str | None, seconds: float | None = None) -> None:
        """One document finished (``error``: None when it succeeded); ``seconds`` defaults to the time since ``start``."""
        self.count += 1
        if error is not None:
            self.on_error(name, error)
        if seconds is None:
            seconds = time.perf_counter() - self.started
        if self.bar is not None:
            self.bar.update(self.task, advance=1, file=display(Path(name).name))
        elif self.plain:
            status = "ok" if error is None else "failed"
            line = f"{self.count}/{self.total} {status} {seconds:.2f} s {display(name)}"
            self.console.print(line, markup=False, highlight=False, soft_wrap=True)


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


def batch_summary(source: Path, target: Path, result: Summary, failures: Path | None, skipped: Path | None) -> None:
    """`vnplan batch`'s closing summary: where from and to, and the counts with the lists' paths."""
    say(f"vnplan batch: {source} → {target}")
    out.print(batch_table(result, failures, skipped))


def batch_table(result: Summary, failures_path: Path | None, skipped_path: Path | None) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("inputs", str(result.inputs))
    table.add_row("up to date", str(result.current))
    table.add_row("processed", str(result.processed))
    table.add_row("failed", str(result.failed) + (f" (see {failures_path})" if failures_path else ""))
    table.add_row("skipped", str(result.skipped) + (f" (see {skipped_path})" if skipped_path else ""))
    if result.removed:
        table.add_row(
            "removed", f"{result.removed} (inputs gone since the last run; their outputs are no longer current)"
        )
    if result.temporary_removed:
        table.add_row("temporary files removed", f"{result.temporary_removed} (left by an interrupted run)")
    table.add_row("time", f"{result.seconds:.1f} s")
    return table


def review_line(json_path: Path, page: Path, source: Path | None) -> str:
    """`vnplan report`: which page was written from which JSON, and the source its page images come from."""
    images = f" (page images from {display(source)})" if source is not None else ""
    return f"{display(json_path)} → {display(page)}{images}"


def dataset(built: Dataset, output: Path, compare: str | None) -> None:
    """`vnplan dataset`: the tables written and, with --compare, the metric's table and plots."""
    out.print(dataset_table(built.tables, output))
    if compare is not None:
        out.print(compare_table(built.points, compare))
        for path in built.plots:
            say(f"plot: {path}")


def dataset_table(tables: dict[str, pa.Table], output: Path) -> Table:
    from vnplan.dataset import DATABASE_FILE, DICTIONARY_FILE

    summary = Table(title=f"dataset written to {output}/", title_justify="left")
    for column in ("table", "rows", "files"):
        summary.add_column(column, justify="right" if column == "rows" else "left")
    for name, table in tables.items():
        summary.add_row(name, str(table.num_rows), f"{name}.csv, {name}.parquet")
    summary.add_row("(all, with views)", "", DATABASE_FILE)
    summary.add_row("(data dictionary)", "", DICTIONARY_FILE)
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


def compare_table(points: list[Point], metric: str) -> Table:
    """One metric's targets: a row per province and target year."""
    from vnplan.compare import title

    table = Table(title=title(metric), title_justify="left")
    for column in ("province (then)", "now", "year", "target", "unit", "documents"):
        table.add_column(column, justify="right" if column in ("year", "target") else "left")
    for p in points:
        target = p.text + (" (conflict)" if p.conflict else "")
        year = "—" if p.year is None else str(p.year)
        table.add_row(p.province, p.province_now or "—", year, target, p.unit or "—", ", ".join(p.documents))
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


def _sums_table(report: Report) -> Table:
    """Per document with budget totals: how many of its stated totals equal the sum of their items."""
    table = Table(
        title="Budget sums: stated totals whose items (role 'item', breakdown null) add up to them",
        title_justify="left",
    )
    for column in ("document", "set", "totals", "with parts", "adding up", "share"):
        table.add_column(column, justify="left" if column in ("document", "set") else "right", no_wrap=True)
    for doc in report.documents:
        s = doc.sums
        if s.totals:
            row = (str(s.totals), str(s.with_parts), str(s.adding_up), _figure(s.share))
            table.add_row(doc.doc_id[:40], doc.subset, *row)
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
    tables.append(_sums_table(report))
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


def evaluation(report: Report, as_json: bool, mismatches: bool) -> None:
    """`vnplan eval`'s figures: one JSON object, or the tables and (with ``mismatches``) every mismatch."""
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(mismatches), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return
    for table in eval_tables(report):
        out.print(table)
    if mismatches:
        print_mismatches(report)


def print_mismatches(report: Report) -> None:
    """Every false negative with its gold quote, every false positive with its provenance, worst document first."""
    from vnplan.evaluation import document_score

    def line(text: str) -> None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)

    for doc in sorted(report.documents, key=lambda d: (document_score(d), d.doc_id)):
        for u in doc.sums.unbalanced:
            line(
                f"{doc.doc_id}: total {u.budget_id} {u.amount_vnd:,} đồng, its items add up to {u.addends_vnd:,}"
                f" (difference {u.amount_vnd - u.addends_vnd:,}): {u.description}"
            )
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


def restored(result: RestoreResult, changes: bool) -> None:
    """`vnplan restore`: the restored text on standard output; with --changes, every changed token on stderr."""
    sys.stdout.write(result.text)
    for line in restore_changes(result) if changes else []:
        err.print(line)


def restore_changes(result: RestoreResult) -> list[str]:
    """`vnplan restore --changes`: a header line, then line number, raw, restored and confidence (TSV)."""
    lines = [f"# mode={result.mode} legacy={result.legacy.encoding or 'none'} confidence={result.confidence:.3f}"]
    for number, line in enumerate(result.lines, start=1):
        lines += [f"{number}\t{c.raw}\t{c.text}\t{c.confidence:.3f}" for c in line.changes]
    return lines
