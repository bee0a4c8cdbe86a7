"""The vnplan command line.

Exit codes: 0 every input succeeded; 1 at least one input failed (the others were still
processed, one error line each); 2 the command was used wrongly.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from vnplan.files import display, output_names, relative_inputs, write_atomic
from vnplan.limits import DEFAULT_MAX_SECONDS, MAX_SECONDS_ENV, max_seconds_from_env
from vnplan.schema.errors import InputError
from vnplan.schema.model import PlanDocument

if TYPE_CHECKING:
    from vnplan.evaluation import Case, Counts, DocumentResult, Report
    from vnplan.pipeline import Options, Stage

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="vnplan",
    help=(
        "Turn Vietnamese government planning documents (Kế hoạch, Đề án, Chương trình) into "
        "structured JSON validated against schema/plan.schema.json. Every value carries provenance: "
        "its page and its span in the normalized text (see `vnplan text`)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# tables keep their columns when piped to a file (rich would fold them to 80 columns)
out = Console() if sys.stdout.isatty() else Console(width=200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_error(path: Path | str, message: str) -> None:
    err.print(f"vnplan: error: {display(path)}: {display(message)}", markup=False)


def _options(max_time: float | None, stop_after: Stage = "structure") -> Options:
    """--max-seconds, else $VNPLAN_MAX_SECONDS, else the default: the pipeline's Options."""
    from vnplan.pipeline import Options  # every stage: imported only by the commands that run them

    return Options(max_seconds=max_seconds_from_env() if max_time is None else max_time, stop_after=stop_after)


def run_one(path: Path, options: Options | None = None) -> PlanDocument:
    """The document of one input; InputError with a one-line message when it cannot be made."""
    from vnplan.pipeline import run

    return run(path, options or _options(None)).plan()


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total < 2 or not err.is_terminal,
    )


def _check_output(output: Path | None, single_file: bool, force: bool) -> None:
    """-o FILE: refused when it exists (unless --force); -o FOLDER: refused when a file has that name."""
    if output is None:
        return
    if single_file:
        if output.is_dir():
            report_error(output, "is a folder; give a file name or a folder without the file suffix")
            raise typer.Exit(EXIT_USAGE)
        if output.exists() and not force:
            report_error(output, "exists; give --force to overwrite it")
            raise typer.Exit(EXIT_FAILED)
    elif output.exists() and not output.is_dir():
        report_error(output, "not a folder (an existing file); outputs go into a folder here")
        raise typer.Exit(EXIT_USAGE)


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


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders (folders: every supported file below).")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="One input: the JSON file to write (or a folder). Several: a folder."),
    ] = None,
    summary: Annotated[bool, typer.Option(help="Print a summary of each document.")] = True,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing -o FILE.")] = False,
    max_time: Annotated[
        float | None,
        typer.Option(
            "--max-seconds",
            min=0,
            help=f"Time limit per document in seconds (0: none; default ${MAX_SECONDS_ENV} or {DEFAULT_MAX_SECONDS:g}).",
        ),
    ] = None,
) -> None:
    """Extract each document to JSON (schema-validated before it is written).

    With one input and no -o, the JSON goes to standard output. With -o DIR, the outputs mirror
    the input tree (DIR/<path below the input folder>.json; inputs that would share a name keep
    their suffix: x.pdf.json). An existing -o FILE is overwritten only with --force.
    """
    options = _options(max_time)
    failed = 0

    def unreadable(path: Path, reason: str) -> None:
        nonlocal failed
        report_error(path, reason)
        failed += 1

    found = relative_inputs(inputs, unreadable)
    files = [path for path, _ in found]
    names = output_names(found, ".json")
    if not files:
        report_error(", ".join(map(str, inputs)), "no supported files found")
        raise typer.Exit(EXIT_FAILED)
    to_stdout = output is None and len(files) == 1
    if len(files) > 1 and (output is None or output.suffix.lower() == ".json"):
        report_error(", ".join(map(str, inputs)), "several inputs need -o FOLDER for their JSON files")
        raise typer.Exit(EXIT_USAGE)
    single_file = output is not None and len(files) == 1 and output.suffix.lower() == ".json"
    _check_output(output, single_file, force)
    with _progress(len(files)) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                plan = run_one(path, options)
            except InputError as exc:
                report_error(path, str(exc))
                failed += 1
                progress.advance(task)
                continue
            if to_stdout:  # always UTF-8, whatever the locale says
                sys.stdout.flush()
                sys.stdout.buffer.write(plan.to_json().encode("utf-8", "backslashreplace"))
                sys.stdout.buffer.flush()
            else:
                assert output is not None
                target = output if single_file else output / names[path]
                try:
                    write_atomic(target, plan.to_json())
                except OSError as exc:
                    report_error(target, f"cannot write the output: {(exc.strerror or str(exc)).lower()}")
                    failed += 1
                    progress.advance(task)
                    continue
            if summary and not to_stdout:
                out.print(summary_table(path, plan))
            progress.advance(task)
    if failed:
        err.print(f"vnplan: {failed} of {len(files)} inputs failed", markup=False)
        raise typer.Exit(EXIT_FAILED)


@app.command()
def text(input: Annotated[Path, typer.Argument(help="A document.")]) -> None:
    """Print the document's normalized text: the text every provenance offset points into."""
    from vnplan.pipeline import run

    result = run(input, _options(None, stop_after="normalize"))
    if result.normalized is None or result.errors:
        report_error(input, result.error_message or "no text")
        raise typer.Exit(EXIT_FAILED)
    text = result.normalized.text
    sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))


@app.command()
def validate(files: Annotated[list[Path], typer.Argument(help="JSON files written by vnplan (or anyone).")]) -> None:
    """Check JSON files against plan.schema.json; print every violation."""
    from vnplan.schema import validation_errors

    failed = 0
    for path in files:
        try:
            instance = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            report_error(path, "no such file")
            failed += 1
            continue
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            report_error(path, f"not readable JSON: {exc}")
            failed += 1
            continue
        errors = validation_errors(instance)
        if errors:
            failed += 1
            for line in errors:
                report_error(path, line)
        else:
            out.print(f"{path}: valid", markup=False, highlight=False)
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def batch(
    input_dir: Annotated[Path, typer.Argument(help="A folder: every supported file below it is processed.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for the JSON outputs.")],
    workers: Annotated[
        int, typer.Option(min=1, help="Documents processed at once (local processes or Dask workers).")
    ] = (os.cpu_count() or 1),
    engine: Annotated[str, typer.Option(help="local (a process pool) or dask (a Dask distributed cluster).")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="--engine dask: the scheduler's address (default: a LocalCluster of --workers workers)."),
    ] = None,
    max_time: Annotated[
        float | None,
        typer.Option(
            "--max-seconds",
            min=0,
            help=f"Time limit per document in seconds (0: none; default ${MAX_SECONDS_ENV} or {DEFAULT_MAX_SECONDS:g}).",
        ),
    ] = None,
) -> None:
    """Process a whole folder in parallel; resumable: documents whose output is current are skipped.

    Outputs mirror the input tree (OUT/<path>.json). A re-run redoes only inputs that are new or
    changed, or whose output was made by another pipeline version. Bad files are listed in
    OUT/failures.csv (one line each on stderr too) and the rest go on.
    """
    import time

    from vnplan.batch import execute, plan_batch, summarize, write_failures
    from vnplan.files import remove_temporary_files

    options = _options(max_time)
    if engine not in ("local", "dask"):
        err.print(f"vnplan batch: unknown engine {engine!r} (local or dask)", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if scheduler and engine != "dask":
        err.print("vnplan batch: --scheduler needs --engine dask", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if not input_dir.is_dir():
        report_error(input_dir, "not a folder (vnplan batch takes a folder; use vnplan extract for files)")
        raise typer.Exit(EXIT_USAGE)
    started = time.monotonic()
    removed = remove_temporary_files(output) if output.is_dir() else 0
    plan = plan_batch(input_dir, output)
    if not plan.total:
        report_error(input_dir, "no supported files found")
        raise typer.Exit(EXIT_FAILED)
    outcomes = list(plan.failed)
    for outcome in plan.failed:
        report_error(outcome.job.source, outcome.error or "")
    with _progress(len(plan.todo)) as progress:
        task = progress.add_task(f"batch ({engine}, {workers} workers)", total=len(plan.todo))
        for outcome in execute(plan, "dask" if engine == "dask" else "local", workers, scheduler, options):
            if outcome.error is not None:
                report_error(outcome.job.source, outcome.error)
            outcomes.append(outcome)
            progress.advance(task)
    failures_path = write_failures(output, [o for o in outcomes if o.error is not None], input_dir)
    result = summarize(plan, outcomes, started, removed)
    out.print(f"vnplan batch: {input_dir} → {output}", markup=False, highlight=False)
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
    out.print(table)
    if result.failed:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def dataset(
    out_dir: Annotated[Path, typer.Argument(help="A folder of vnplan JSON outputs (e.g. from vnplan batch).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for the dataset's tables.")],
    compare: Annotated[
        str | None,
        typer.Option(help="A canonical metric id (e.g. doctors_per_10k): print and plot its targets by province."),
    ] = None,
) -> None:
    """Build the cross-province dataset: documents, indicators, budgets, units, activities and warnings,
    one row per record, as CSV, Parquet and one DuckDB database (DATASET_DIR/vnplan.duckdb)."""
    from vnplan.dataset import (
        TABLES,
        arrow_tables,
        by_series,
        collect,
        format_target,
        metric_labels,
        metric_targets,
        plot_metric,
        write_dataset,
    )

    if not out_dir.is_dir():
        report_error(out_dir, "not a folder of JSON outputs")
        raise typer.Exit(EXIT_USAGE)
    if compare is not None and compare not in metric_labels():
        report_error(compare, "not a metric id of structure/metrics.json (e.g. doctors_per_10k)")
        raise typer.Exit(EXIT_USAGE)
    failed: list[Path] = []

    def bad_file(path: Path, message: str) -> None:
        report_error(path, message)
        failed.append(path)

    rows = collect(out_dir, bad_file)
    if not rows.tables["documents"]:
        report_error(out_dir, "no vnplan JSON outputs found")
        raise typer.Exit(EXIT_FAILED)
    tables = arrow_tables(rows)
    write_dataset(tables, output)
    summary = Table(title=f"dataset written to {output}/", title_justify="left")
    for column in ("table", "rows", "files"):
        summary.add_column(column, justify="right" if column == "rows" else "left")
    for name in TABLES:
        summary.add_row(name, str(tables[name].num_rows), f"{name}.csv, {name}.parquet")
    summary.add_row("(all)", "", "vnplan.duckdb")
    out.print(summary)
    if compare is not None:
        targets = metric_targets(tables["indicators"], compare)
        if not targets:
            report_error(compare, "no document states a target for this metric")
            raise typer.Exit(EXIT_FAILED)
        years = sorted({t.year for t in targets if t.year is not None})
        table = Table(
            title=f"{metric_labels()[compare]} ({compare}): targets by province and year", title_justify="left"
        )
        for column in ("province", "issuer", "document"):
            table.add_column(column)
        for year in years:
            table.add_column(str(year), justify="right")
        for points in by_series(targets).values():
            cells = ["; ".join(format_target(t) for t in points if t.year == year) or "—" for year in years]
            table.add_row(points[0].series, points[0].issuer or "—", points[0].document_id, *cells)
        out.print(table)
        for path in plot_metric(targets, compare, output):
            out.print(f"plot: {path}", markup=False, highlight=False)
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def report(
    inputs: Annotated[list[Path], typer.Argument(help="vnplan JSON outputs (files or folders of them).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="One input: the HTML file (or a folder). Several: a folder. Default: beside each JSON.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing -o FILE.")] = False,
) -> None:
    """Write a self-contained HTML review page per document: the normalized text with every extracted
    value highlighted and linked to its record, restored tokens marked, warnings, and record tables."""
    from vnplan.dataset import load_output, output_files
    from vnplan.report import render

    found = [
        (f, f.relative_to(item) if item.is_dir() else PurePath(f.name))
        for item in inputs
        for f in (output_files(item) if item.is_dir() else [item])
    ]
    files = [path for path, _ in found]
    names = output_names(found, ".html")
    if not files:
        report_error(", ".join(map(str, inputs)), "no JSON files found")
        raise typer.Exit(EXIT_FAILED)
    single_file = output is not None and output.suffix.lower() in (".html", ".htm")
    if single_file and len(files) > 1:
        report_error(", ".join(map(str, inputs)), "several inputs need -o FOLDER for their pages")
        raise typer.Exit(EXIT_USAGE)
    _check_output(output, single_file, force)
    failed = 0
    for path in files:
        try:
            plan = load_output(path)
        except InputError as exc:
            report_error(path, str(exc))
            failed += 1
            continue
        if output is None:  # beside each JSON
            target = path.with_name(output_names([(path, PurePath(path.name))], ".html")[path].name)
        else:
            target = output if single_file else output / names[path]
        write_atomic(target, render(plan))
        out.print(f"{display(path)} → {display(target)}", markup=False, highlight=False)
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _default_corpus_dir(name: str) -> Path:
    """corpus/<name> under the current directory, else the repository's next to the package."""
    here = Path("corpus") / name
    repository = Path(__file__).resolve().parent.parent / "corpus" / name
    return repository if not here.is_dir() and repository.is_dir() else here


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
    from vnplan.evaluation import macro, micro

    tables = [_documents_table(report)]
    subsets = report.by_subset()
    for name, docs in subsets.items():
        tables.append(_counts_table(f"{name} ({len(docs)} documents; micro, and macro F1)", micro(docs), macro(docs)))
    if len(subsets) > 1:
        overall = [doc for docs in subsets.values() for doc in docs]
        tables.append(_counts_table(f"all ({len(overall)} documents)", micro(overall), macro(overall)))
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


def print_mismatches(report: Report) -> None:
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


def _stored_output(outputs: Path, case: Case) -> PlanDocument:
    """The JSON a batch wrote for the case's document: <doc_id>.json, or <name with suffix>.json."""
    assert case.document is not None
    for candidate in (outputs / f"{case.doc_id}.json", outputs / f"{case.document.name}.json"):
        if candidate.is_file():
            try:
                return PlanDocument.model_validate_json(candidate.read_bytes())
            except ValueError as exc:
                raise InputError(f"{candidate}: not a vnplan JSON ({exc})") from exc
    raise InputError(f"no output {case.doc_id}.json in {outputs}")


def evaluate_case(case: Case, outputs: Path | None = None) -> DocumentResult:
    """Read one case's gold files, process its document (or read its stored output), compare;
    any failure becomes InputError."""
    from vnplan.evaluation import evaluate_document

    if case.document is None:
        raise InputError(f"no document {case.doc_id}.* beside its gold")
    try:
        gold = json.loads(case.gold_json.read_text(encoding="utf-8")) if case.gold_json else None
        restored = case.restored_txt.read_text(encoding="utf-8") if case.restored_txt else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"gold file not readable: {exc}") from exc
    try:
        plan = _stored_output(outputs, case) if outputs else run_one(case.document)
    except InputError as exc:
        raise InputError(f"{case.document}: {exc}") from exc
    try:
        result = evaluate_document(case.doc_id, gold, plan, restored)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"gold file does not follow corpus/gold/FORMAT.md ({type(exc).__name__}: {exc})") from exc
    return dataclasses.replace(result, subset=case.subset)


def _default_realdocs_dir() -> Path:
    """../shared/realdocs beside the repository (the development corpus; not shipped)."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "realdocs"


def _eval_cases(docs: str, gold: Path | None, realdocs: Path | None) -> list[Case]:
    from vnplan.evaluation import SUBSETS, discover, select

    if docs not in SUBSETS:  # a folder of documents, scored against --gold (default corpus/gold)
        gold_dir = gold if gold is not None else _default_corpus_dir("gold")
        for folder, option in ((gold_dir, "--gold"), (Path(docs), "--docs")):
            if not folder.is_dir():
                report_error(folder, f"no such folder (give one with {option})")
                raise typer.Exit(EXIT_USAGE)
        return discover(gold_dir, Path(docs))
    gold_root = gold if gold is not None else _default_corpus_dir("gold")
    cases = discover(gold_root, _default_corpus_dir("seeds"), "seeds") if docs in ("all", "seeds") else []
    if docs != "seeds":
        realdocs_dir = realdocs if realdocs is not None else _default_realdocs_dir()
        if not realdocs_dir.is_dir():
            report_error(realdocs_dir, "no realdocs folder (give one with --realdocs)")
            raise typer.Exit(EXIT_USAGE)
        cases += discover(gold_root / "realdocs", realdocs_dir, "realdocs")
    return select(cases, docs)


@app.command(name="eval")
def evaluate(
    docs: Annotated[
        str,
        typer.Option(
            "--docs",
            help="Which documents: all (default), seeds, realdocs, odd or even (the realdocs halves: odd to "
            "develop on, even to check), or a folder of documents <doc_id>.* scored against --gold.",
        ),
    ] = "all",
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="Gold folder (default: corpus/gold; realdocs gold in its realdocs/ folder)."),
    ] = None,
    realdocs: Annotated[
        Path | None, typer.Option(help="The realdocs documents (default: ../shared/realdocs beside the repository).")
    ] = None,
    outputs: Annotated[
        Path | None,
        typer.Option(help="Score the JSON outputs in this folder (e.g. from `vnplan batch`) instead of processing."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object with every figure.")] = False,
    mismatches: Annotated[bool, typer.Option(help="List every false negative and false positive.")] = True,
) -> None:
    """Compare output with hand-made gold annotations: precision, recall and F1 per record type,
    per document (worst first) and per subset (micro and macro), with every mismatch.

    Also reports restoration accuracy where <doc_id>.restored.txt exists. Matching rules: README "Evaluation".
    """
    from vnplan.evaluation import Report

    cases = _eval_cases(docs, gold, realdocs)
    if not cases:
        report_error(docs, "no gold files (<doc_id>.json or <doc_id>.restored.txt) for these documents")
        raise typer.Exit(EXIT_FAILED)
    results: list[DocumentResult] = []
    errors: dict[str, str] = {}
    with _progress(len(cases)) as progress:
        task = progress.add_task("evaluating", total=len(cases))
        for case in cases:
            try:
                results.append(evaluate_case(case, outputs))
            except InputError as exc:
                errors[case.doc_id] = str(exc)
                report_error(case.gold_json or case.restored_txt or case.doc_id, str(exc))
            progress.advance(task)
    report = Report(results, errors)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(mismatches), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        for table in eval_tables(report):
            out.print(table)
        if mismatches:
            print_mismatches(report)
    if errors:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def restore(
    input: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    mode: Annotated[
        str, typer.Option(help="auto (detect), stripped (diacritics lost) or ocr (OCR confusions).")
    ] = "auto",
    changes: Annotated[bool, typer.Option(help="Also list every changed token on stderr (TSV).")] = False,
) -> None:
    """Print damaged Vietnamese text restored: legacy encodings (TCVN3, VNI, VIQR, mojibake) converted,
    lost diacritics and OCR confusions corrected. Exactly one output line per input line."""
    from vnplan.normalize.restore import restore_text

    if mode not in ("auto", "stripped", "ocr"):
        err.print(f"vnplan restore: unknown mode {mode!r} (auto, stripped or ocr)")
        raise typer.Exit(EXIT_USAGE)
    try:
        data = sys.stdin.buffer.read() if input == "-" else Path(input).read_bytes()
    except OSError as exc:
        report_error(Path(input), exc.strerror or str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw = data.decode("latin-1")  # legacy 8-bit encodings arrive as Latin-1 characters
    result = restore_text(raw, None if mode == "auto" else mode)
    sys.stdout.write(result.text)
    if changes:
        legacy = result.legacy.encoding or "none"
        err.print(f"# mode={result.mode} legacy={legacy} confidence={result.confidence:.3f}")
        for number, line in enumerate(result.lines, start=1):
            for change in line.changes:
                err.print(f"{number}\t{change.raw}\t{change.text}\t{change.confidence:.3f}")


@app.command(name="train-restorer")
def train_restorer(
    corpus: Annotated[
        Path | None, typer.Option(help="The vi-text folder (default: ../shared/data/vi-text beside the repository).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write lm.bin and channel.bin (default: the package).")
    ] = None,
) -> None:
    """Rebuild the restorer's model (syllable 4-gram LM + OCR channel) from the corpus; same input, same bytes."""
    from vnplan.normalize.restore.corpus import default_corpus_dir
    from vnplan.normalize.restore.decoder import model_path
    from vnplan.normalize.restore.train import train_all

    train_all(corpus or default_corpus_dir(), out or model_path().parent, log=err.print)


def main() -> None:
    # Click reports usage errors with exit code 2 itself; everything else maps to 0/1 above.
    app()


if __name__ == "__main__":
    main()
