"""The vnplan command line: parses arguments, calls the application (vnplan.pipeline, .batch,
.dataset, .report, .evaluation) and renders the outcome with Rich (vnplan.render).

Exit codes: 0 every input succeeded; 1 at least one input failed (the others were still
processed, one error line each); 2 the command was used wrongly.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from vnplan import render
from vnplan.files import display, output_names, relative_inputs, write_atomic
from vnplan.limits import DEFAULT_MAX_SECONDS, MAX_SECONDS_ENV, max_seconds_from_env
from vnplan.schema.errors import InputError

if TYPE_CHECKING:
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


MaxSeconds = Annotated[
    float | None,
    typer.Option(
        "--max-seconds",
        min=0,
        help=f"Time limit per document in seconds (0: none; default ${MAX_SECONDS_ENV} or {DEFAULT_MAX_SECONDS:g}).",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing -o FILE.")]


def report_error(path: Path | str, message: str) -> None:
    err.print(f"vnplan: error: {display(path)}: {display(message)}", markup=False)


def fail(path: Path | str, message: str, code: int = EXIT_FAILED) -> NoReturn:
    report_error(path, message)
    raise typer.Exit(code)


class Failures:
    """Reports each input that failed (one line on stderr) and counts them; the others go on."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, path: Path | str, message: str) -> None:
        report_error(path, message)
        self.count += 1


def _write(target: Path, text: str, failed: Failures) -> bool:
    try:
        write_atomic(target, text)
    except OSError as exc:
        failed(target, f"cannot write the output: {(exc.strerror or str(exc)).lower()}")
        return False
    return True


def _options(max_time: float | None, stop_after: Stage = "structure") -> Options:
    """--max-seconds, else $VNPLAN_MAX_SECONDS, else the default: the pipeline's Options."""
    from vnplan.pipeline import Options  # every stage: imported only by the commands that run them

    return Options(max_seconds=max_seconds_from_env() if max_time is None else max_time, stop_after=stop_after)


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
            fail(output, "is a folder; give a file name or a folder without the file suffix", EXIT_USAGE)
        if output.exists() and not force:
            fail(output, "exists; give --force to overwrite it")
    elif output.exists() and not output.is_dir():
        fail(output, "not a folder (an existing file); outputs go into a folder here", EXIT_USAGE)


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders (folders: every supported file below).")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="One input: the JSON file to write (or a folder). Several: a folder."),
    ] = None,
    summary: Annotated[bool, typer.Option(help="Print a summary of each document.")] = True,
    force: Force = False,
    max_time: MaxSeconds = None,
) -> None:
    """Extract each document to JSON (schema-validated before it is written).

    With one input and no -o, the JSON goes to standard output. With -o DIR, the outputs mirror
    the input tree (DIR/<path below the input folder>.json; inputs that would share a name keep
    their suffix: x.pdf.json). An existing -o FILE is overwritten only with --force.
    """
    from vnplan.pipeline import run

    options = _options(max_time)
    failed = Failures()
    found = relative_inputs(inputs, failed)
    files = [path for path, _ in found]
    names = output_names(found, ".json")
    if not files:
        fail(", ".join(map(str, inputs)), "no supported files found")
    to_stdout = output is None and len(files) == 1
    if len(files) > 1 and (output is None or output.suffix.lower() == ".json"):
        fail(", ".join(map(str, inputs)), "several inputs need -o FOLDER for their JSON files", EXIT_USAGE)
    single_file = output is not None and len(files) == 1 and output.suffix.lower() == ".json"
    _check_output(output, single_file, force)
    with _progress(len(files)) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            result = run(path, options)
            plan = result.document
            if plan is None:
                failed(path, result.error_message or "no output")
            elif to_stdout:  # always UTF-8, whatever the locale says
                sys.stdout.flush()
                sys.stdout.buffer.write(plan.to_json().encode("utf-8", "backslashreplace"))
                sys.stdout.buffer.flush()
            elif _write(output if single_file else output / names[path], plan.to_json(), failed) and summary:
                out.print(render.summary_table(path, plan))
            progress.advance(task)
    if failed.count:
        err.print(f"vnplan: {failed.count} of {len(files)} inputs failed", markup=False)
        raise typer.Exit(EXIT_FAILED)


@app.command()
def text(input: Annotated[Path, typer.Argument(help="A document.")]) -> None:
    """Print the document's normalized text: the text every provenance offset points into."""
    from vnplan.pipeline import run

    result = run(input, _options(None, stop_after="normalize"))
    if result.normalized is None or result.errors:
        fail(input, result.error_message or "no text")
    text = result.normalized.text
    sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))


@app.command()
def validate(files: Annotated[list[Path], typer.Argument(help="JSON files written by vnplan (or anyone).")]) -> None:
    """Check JSON files against plan.schema.json; print every violation."""
    from vnplan.schema import file_violations

    failed = 0
    for path in files:
        problems = file_violations(path)
        for line in problems:
            report_error(path, line)
        if not problems:
            out.print(f"{path}: valid", markup=False, highlight=False)
        failed += bool(problems)
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
    max_time: MaxSeconds = None,
) -> None:
    """Process a whole folder in parallel; resumable: documents whose output is current are skipped.

    Outputs mirror the input tree (OUT/<path>.json). A re-run redoes only inputs that are new or
    changed, or whose output was made by another pipeline version. Bad files are listed in
    OUT/failures.csv (one line each on stderr too) and the rest go on.
    """
    from vnplan.batch import start

    options = _options(max_time)
    if engine not in ("local", "dask"):
        err.print(f"vnplan batch: unknown engine {engine!r} (local or dask)", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if scheduler and engine != "dask":
        err.print("vnplan batch: --scheduler needs --engine dask", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if not input_dir.is_dir():
        fail(input_dir, "not a folder (vnplan batch takes a folder; use vnplan extract for files)", EXIT_USAGE)
    run = start(input_dir, output)
    if not run.plan.total:
        fail(input_dir, "no supported files found")
    for outcome in run.plan.failed:
        report_error(outcome.job.source, outcome.error or "")
    with _progress(len(run.plan.todo)) as progress:
        task = progress.add_task(f"batch ({engine}, {workers} workers)", total=len(run.plan.todo))
        for outcome in run.execute("dask" if engine == "dask" else "local", workers, scheduler, options):
            if outcome.error is not None:
                report_error(outcome.job.source, outcome.error)
            progress.advance(task)
    result, failures_path = run.finish()
    out.print(f"vnplan batch: {input_dir} → {output}", markup=False, highlight=False)
    out.print(render.batch_table(result, failures_path))
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
    from vnplan.dataset import arrow_tables, collect, metric_labels, metric_targets, plot_metric, write_dataset

    if not out_dir.is_dir():
        fail(out_dir, "not a folder of JSON outputs", EXIT_USAGE)
    if compare is not None and compare not in metric_labels():
        fail(compare, "not a metric id of structure/metrics.json (e.g. doctors_per_10k)", EXIT_USAGE)
    failed = Failures()
    rows = collect(out_dir, failed)
    if not rows.tables["documents"]:
        fail(out_dir, "no vnplan JSON outputs found")
    tables = arrow_tables(rows)
    write_dataset(tables, output)
    out.print(render.dataset_table(tables, output))
    if compare is not None:
        targets = metric_targets(tables["indicators"], compare)
        if not targets:
            fail(compare, "no document states a target for this metric")
        out.print(render.compare_table(targets, compare))
        for path in plot_metric(targets, compare, output):
            out.print(f"plot: {path}", markup=False, highlight=False)
    if failed.count:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def metrics(
    out_dir: Annotated[
        Path | None, typer.Argument(help="A folder of vnplan JSON outputs: count the documents carrying each metric.")
    ] = None,
) -> None:
    """List the canonical metric ids (structure/metrics.json) with their definitions and units, and how many
    documents of OUT_DIR carry each."""
    from vnplan.metrics import metric_usage

    if out_dir is not None and not out_dir.is_dir():
        fail(out_dir, "not a folder of JSON outputs", EXIT_USAGE)
    out.print(render.metrics_table(metric_usage(out_dir)))


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
    force: Force = False,
) -> None:
    """Write a self-contained HTML review page per document: the normalized text with every extracted
    value highlighted and linked to its record, restored tokens marked, warnings, and record tables."""
    from vnplan.dataset import load_output
    from vnplan.report import render as render_page
    from vnplan.report import review_pages

    pages, single_file = review_pages(inputs, output)
    if not pages:
        fail(", ".join(map(str, inputs)), "no JSON files found")
    if single_file and len(pages) > 1:
        fail(", ".join(map(str, inputs)), "several inputs need -o FOLDER for their pages", EXIT_USAGE)
    _check_output(output, single_file, force)
    failed = Failures()
    for path, target in pages:
        try:
            plan = load_output(path)
        except InputError as exc:
            failed(path, str(exc))
            continue
        write_atomic(target, render_page(plan))
        out.print(f"{display(path)} → {display(target)}", markup=False, highlight=False)
    if failed.count:
        raise typer.Exit(EXIT_FAILED)


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
    from vnplan.evaluation import UsageError, eval_cases, run_cases

    try:
        cases = eval_cases(docs, gold, realdocs)
    except UsageError as exc:
        fail(exc.path, str(exc), EXIT_USAGE)
    if not cases:
        fail(docs, "no gold files (<doc_id>.json or <doc_id>.restored.txt) for these documents")
    with _progress(len(cases)) as progress:
        task = progress.add_task("evaluating", total=len(cases))
        report = run_cases(
            cases,
            outputs,
            _options(None),
            lambda case, message: report_error(case.gold_json or case.restored_txt or case.doc_id, message),
            lambda: progress.advance(task),
        )
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(mismatches), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        for table in render.eval_tables(report):
            out.print(table)
        if mismatches:
            render.print_mismatches(report, out)
    if report.errors:
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
    from vnplan.normalize.restore import decode_bytes, restore_text

    if mode not in ("auto", "stripped", "ocr"):
        err.print(f"vnplan restore: unknown mode {mode!r} (auto, stripped or ocr)")
        raise typer.Exit(EXIT_USAGE)
    try:
        data = sys.stdin.buffer.read() if input == "-" else Path(input).read_bytes()
    except OSError as exc:
        fail(Path(input), exc.strerror or str(exc))
    result = restore_text(decode_bytes(data), None if mode == "auto" else mode)
    sys.stdout.write(result.text)
    for line in render.restore_changes(result) if changes else []:
        err.print(line)


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
