"""The vnplan command line: parses arguments, calls the application (vnplan.commands and the modules
it uses) and renders the outcome with Rich (vnplan.render). Exit codes: 0 every input succeeded; 1 at
least one input failed (the others were still processed, one error line each); 2 wrong use.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, ParamSpec

import typer

from vnplan import commands, render
from vnplan.limits import DEFAULT_MAX_SECONDS, MAX_SECONDS_ENV
from vnplan.render import Failures, err, out, report_error, say

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")

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

LIMIT_HELP = f"Time limit per document in seconds (0: none; default ${MAX_SECONDS_ENV} or {DEFAULT_MAX_SECONDS:g})."
MaxSeconds = Annotated[float | None, typer.Option("--max-seconds", min=0, help=LIMIT_HELP)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing -o FILE.")]
Engine = Literal["local", "dask"]  # vnplan.batch.Engine, without importing the pipeline for --help
Mode = Literal["auto", "stripped", "ocr"]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summaries; errors only.")]


def command(name: str | None = None) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """A command of the app; one that cannot start (CommandError) gets one line, exit 2 for wrong use, else 1."""

    def register(function: Callable[P, None]) -> Callable[P, None]:
        @functools.wraps(function)  # Typer reads the parameters through __wrapped__
        def refusing(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                function(*args, **kwargs)
            except commands.CommandError as exc:
                report_error(exc.path, str(exc))
                raise typer.Exit(EXIT_USAGE if exc.usage else EXIT_FAILED) from None

        return app.command(name)(refusing)

    return register


@command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders (folders: every supported file below).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="One input: the JSON file (or a folder). Several: a folder.")
    ] = None,
    summary: Annotated[bool, typer.Option(help="Print a summary of each document.")] = True,
    force: Force = False,
    max_time: MaxSeconds = None,
    quiet: Quiet = False,
) -> None:
    """Extract each document to JSON (schema-validated before it is written).

    With one input and no -o, the JSON goes to standard output. With -o DIR, the outputs mirror
    the input tree (DIR/<path below the input folder>.json; inputs that would share a name keep
    their suffix: x.pdf.json). An existing -o FILE is overwritten only with --force.
    """
    failed = Failures()
    plan = commands.plan_extraction(inputs, output, force, failed)
    with render.Progress(len(plan.files), "extracting", quiet or output is None, failed) as progress:
        for path, document, error, seconds in plan.run(commands.options(max_time), progress.start):
            if document is not None and output is None:
                render.write_utf8(document.to_json())
            elif document is not None and summary and not quiet:
                out.print(render.summary_table(path, document))
            progress.done(path, error, seconds)
    failed.summarize(len(plan.files))
    raise typer.Exit(EXIT_FAILED if failed.count else EXIT_OK)


@command()
def text(input: Annotated[Path, typer.Argument(help="A document.")]) -> None:
    """Print the document's normalized text: the text every provenance offset points into."""
    text = commands.normalized_text(input)
    sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))


@command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="JSON files written by vnplan (or anyone), or folders of them.")],
) -> None:
    """Check JSON files against plan.schema.json (folders: every JSON below them); one line per invalid file."""
    failed = Failures()
    checked = commands.validate_files(files, failed)
    say(f"{checked - failed.count} valid, {failed.count} invalid")
    raise typer.Exit(EXIT_FAILED if failed.count else EXIT_OK)


@command()
def batch(
    input_dir: Annotated[Path, typer.Argument(help="A folder: every supported file below it is processed.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for the JSON outputs.")],
    workers: Annotated[int, typer.Option(min=1, help="Documents processed at once (workers).")] = os.cpu_count() or 1,
    engine: Annotated[Engine, typer.Option(help="A process pool, or a Dask distributed cluster.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="--engine dask: the scheduler's address (default: a LocalCluster of --workers).")
    ] = None,
    max_time: MaxSeconds = None,
    quiet: Quiet = False,
) -> None:
    """Process a whole folder in parallel; resumable: documents whose output is current are not redone.

    Outputs mirror the input tree (OUT/<path>.json); OUT/.vnplan-batch/manifest.jsonl has a row per
    input. A re-run redoes only inputs that are new or changed, or whose output was made by another
    pipeline version. Bad files are listed in OUT/failures.csv (one line each on stderr too) and the
    rest go on; files not processed (unsupported type, empty, duplicate) in OUT/skipped.csv.
    """
    run = commands.start_batch(input_dir, output, engine, scheduler, report_error)
    with render.Progress(len(run.plan.todo), f"batch ({engine}, {workers} workers)", quiet) as progress:
        commands.run_batch(run, engine, workers, scheduler, commands.options(max_time), progress.done)
    result, failures_path, skipped_path = run.finish()
    if not quiet:
        render.batch_summary(input_dir, output, result, failures_path, skipped_path)
    raise typer.Exit(EXIT_FAILED if result.failed else EXIT_OK)


@command()
def dataset(
    out_dir: Annotated[Path, typer.Argument(help="A folder of vnplan JSON outputs (e.g. from vnplan batch).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for the dataset's tables.")],
    compare: Annotated[
        str | None, typer.Option(help="A metric id (e.g. doctors_per_10k): print and plot its targets by province.")
    ] = None,
    include_non_plans: Annotated[
        bool,
        typer.Option(help="Also take indicators and budgets from documents that are no plan (not_a_plan warning)."),
    ] = False,
) -> None:
    """Build the cross-province dataset: documents, objectives, indicators, budgets, units, tasks, activities
    and warnings as CSV, Parquet and one DuckDB database with views (DATASET_DIR/vnplan.duckdb), and its
    data dictionary DATASET.md. A batch folder is read through its manifest: only the outputs of inputs
    that are still there."""
    failed = Failures()
    render.dataset(commands.build_dataset(out_dir, output, compare, failed, include_non_plans), output, compare)
    raise typer.Exit(EXIT_FAILED if failed.count else EXIT_OK)


@command()
def metrics(
    out_dir: Annotated[
        Path | None, typer.Argument(help="A folder of vnplan JSON outputs: count the documents carrying each metric.")
    ] = None,
) -> None:
    """List the canonical metric ids (structure/metrics.json) with their definitions and units, and how many
    documents of OUT_DIR carry each."""
    out.print(render.metrics_table(commands.metric_usage(out_dir)))


@command()
def report(
    inputs: Annotated[list[Path], typer.Argument(help="vnplan JSON outputs (files or folders of them).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="One input: the HTML file (or a folder). Several: a folder.")
    ] = None,
    sources: Annotated[Path | None, typer.Option(help="Folder of the source PDFs and scans, for page images.")] = None,
    force: Force = False,
) -> None:
    """Write a self-contained HTML review page per document (beside each JSON unless -o is given): the
    page images of a PDF or scan with the box of every extracted value (its source is looked for beside
    the JSON, then in --sources, at the JSON's path below its folder or directly, and recognised by its
    sha256), the normalized text with its page breaks and every value highlighted and linked to its
    record, restored tokens marked, low-confidence values flagged, warnings, and record tables."""
    failed = Failures()
    for page, source in commands.write_review_pages(commands.review_targets(inputs, output, force), sources, failed):
        say(render.review_line(page.json, page.target, source))
    raise typer.Exit(EXIT_FAILED if failed.count else EXIT_OK)


@command("eval")
def evaluate(
    docs: Annotated[
        str, typer.Option(help="all, seeds, realdocs, odd, even (realdocs halves), or a folder of <doc_id>.* files.")
    ] = "all",
    gold: Annotated[
        Path | None, typer.Option(help="Gold folder (default: corpus/gold; realdocs gold in its realdocs/ folder).")
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
    quiet: Quiet = False,
) -> None:
    """Compare output with hand-made gold annotations: precision, recall and F1 per record type,
    per document (worst first) and per subset (micro and macro), with every mismatch.

    --docs odd is the half of the realdocs rules are developed on, even the half only measured; a
    folder of documents is scored against --gold. Also reports restoration accuracy where
    <doc_id>.restored.txt exists. Matching rules: README "Evaluation".
    """
    evaluation = commands.plan_evaluation(docs, gold, realdocs, outputs)
    with render.Progress(len(evaluation.cases), "evaluating", quiet) as progress:
        report = evaluation.run(progress.start, progress.done)
    render.evaluation(report, as_json, mismatches)
    raise typer.Exit(EXIT_FAILED if report.errors else EXIT_OK)


@command()
def restore(
    input: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    mode: Annotated[Mode, typer.Option(help="auto: detect; stripped: diacritics lost; ocr: OCR confusions.")] = "auto",
    changes: Annotated[bool, typer.Option(help="Also list every changed token on stderr (TSV).")] = False,
) -> None:
    """Print damaged Vietnamese text restored: legacy encodings (TCVN3, VNI, VIQR, mojibake) converted,
    lost diacritics and OCR confusions corrected. Exactly one output line per input line."""
    render.restored(commands.restore(commands.read_bytes(input, sys.stdin.buffer.read), mode), changes)


@command("train-restorer")
def train_restorer(
    corpus: Annotated[
        Path | None, typer.Option(help="The vi-text folder (default: ../shared/data/vi-text beside the repository).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Folder for lm.bin and channel.bin (default: the package).")] = None,
) -> None:
    """Rebuild the restorer's model (syllable 4-gram LM + OCR channel) from the corpus; same input, same bytes."""
    commands.train_restorer(corpus, out, err.print)


def main() -> None:
    # Click reports usage errors with exit code 2 itself; everything else maps to 0/1 above.
    app()
