"""The work behind each command of the command line, free of Typer and Rich: which inputs, which
outputs, what is refused. vnplan.cli parses the arguments, calls these and renders the outcome.

A command that cannot start raises ``CommandError`` (the path it is about, one line, and whether
the command was used wrongly); an input that fails on the way goes to the caller's ``on_error``
and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnplan.files import output_names, relative_inputs, write_atomic
from vnplan.limits import max_seconds_from_env
from vnplan.schema.errors import InputError

if TYPE_CHECKING:
    import pyarrow as pa

    from vnplan.batch import BatchRun, Engine
    from vnplan.compare import Point
    from vnplan.evaluation import Case, Report
    from vnplan.metrics import MetricUsage
    from vnplan.normalize.restore import RestoreResult
    from vnplan.pipeline import Options, Stage
    from vnplan.report import ReviewPage
    from vnplan.schema.model import PlanDocument

OnError = Callable[[Path | str, str], None]


class CommandError(Exception):
    """A command that cannot start: exit 2 when it was used wrongly (``usage``), else 1."""

    def __init__(self, path: Path | str, message: str, usage: bool = False):
        super().__init__(message)
        self.path = path
        self.usage = usage


def options(max_seconds: float | None, stop_after: Stage = "structure") -> Options:
    """--max-seconds, else $VNPLAN_MAX_SECONDS, else the default: the pipeline's Options."""
    from vnplan.pipeline import Options  # every stage: imported only by the commands that run them

    return Options(max_seconds=max_seconds_from_env() if max_seconds is None else max_seconds, stop_after=stop_after)


def _joined(inputs: list[Path]) -> str:
    return ", ".join(map(str, inputs))


def normalized_text(path: Path) -> str:
    """The document's normalized text (`vnplan text`): the pipeline run up to normalize."""
    from vnplan.pipeline import run

    result = run(path, options(None, stop_after="normalize"))
    if result.normalized is None or result.errors:
        raise CommandError(path, result.error_message or "no text")
    return result.normalized.text


def validate_files(files: list[Path], on_error: OnError) -> int:
    """`vnplan validate`: every JSON file given or below the folders given; each invalid one to
    on_error in one line. Returns how many were checked."""
    from vnplan.dataset import json_files
    from vnplan.schema import file_violations, one_line

    paths = json_files(files)
    if not paths:
        raise CommandError(_joined(files), "no JSON files found")
    for path in paths:
        problems = file_violations(path)
        if problems:
            on_error(path, one_line(problems))
    return len(paths)


def check_output(output: Path | None, single_file: bool, force: bool) -> None:
    """-o FILE: refused when it exists (unless --force); -o FOLDER: refused when a file has that name."""
    if output is None:
        return
    if single_file:
        if output.is_dir():
            raise CommandError(output, "is a folder; give a file name or a folder without the file suffix", usage=True)
        if output.exists() and not force:
            raise CommandError(output, "exists; give --force to overwrite it")
    elif output.exists() and not output.is_dir():
        raise CommandError(output, "not a folder (an existing file); outputs go into a folder here", usage=True)


def write_output(target: Path, text: str) -> str | None:
    """Write atomically; the one-line reason when the file cannot be written (a failure, not a stop)."""
    try:
        write_atomic(target, text)
    except OSError as exc:
        return f"cannot write the output: {(exc.strerror or str(exc)).lower()}"
    return None


@dataclass(frozen=True)
class Extraction:
    """What `vnplan extract` does: the files, and where each JSON goes (None: standard output)."""

    files: list[Path]
    targets: dict[Path, Path | None]

    def run(
        self, options: Options, on_start: Callable[[Path], None]
    ) -> Iterator[tuple[Path, PlanDocument | None, str | None, float]]:
        """Each file processed and its JSON written to its target: (file, its document, the error that
        stopped it or its output, seconds). Writing to standard output is the caller's."""
        from vnplan.pipeline import run

        for path, target in self.targets.items():
            on_start(path)
            result = run(path, options)
            document, error = result.document, result.error_message
            if document is None:
                error = error or "no output"
            elif target is not None:
                error = write_output(target, document.to_json())
            yield path, document if error is None else None, error, sum(result.timings.values())


def plan_extraction(inputs: list[Path], output: Path | None, force: bool, on_error: OnError) -> Extraction:
    """The inputs (folders expanded; unreadable ones to on_error) and the output of each: with one
    input and no -o, standard output; -o FILE.json for one input; else -o FOLDER mirroring the inputs."""
    found = relative_inputs(inputs, on_error)
    files = [path for path, _ in found]
    if not files:
        raise CommandError(_joined(inputs), "no supported files found")
    if len(files) > 1 and (output is None or output.suffix.lower() == ".json"):
        raise CommandError(_joined(inputs), "several inputs need -o FOLDER for their JSON files", usage=True)
    single_file = output is not None and len(files) == 1 and output.suffix.lower() == ".json"
    check_output(output, single_file, force)
    if output is None:
        return Extraction(files, {files[0]: None})
    names = output_names(found, ".json")
    return Extraction(files, {path: output if single_file else output / names[path] for path in files})


def start_batch(input_dir: Path, output: Path, engine: Engine, scheduler: str | None, on_error: OnError) -> BatchRun:
    """A `vnplan batch` run, planned (vnplan.batch.start), refused when it cannot run at all; the inputs
    that cannot even be read go to on_error."""
    from vnplan.batch import start

    if scheduler and engine != "dask":
        raise CommandError("--scheduler", "needs --engine dask", usage=True)
    if not input_dir.is_dir():
        raise CommandError(
            input_dir, "not a folder (vnplan batch takes a folder; use vnplan extract for files)", usage=True
        )
    run = start(input_dir, output)
    if not run.plan.total:
        raise CommandError(input_dir, "no supported files found")
    for outcome in run.plan.failed:
        on_error(outcome.job.source, outcome.error or "")
    return run


@dataclass(frozen=True)
class Dataset:
    tables: dict[str, pa.Table]
    points: list[Point]  # of the --compare metric, one per province and year; empty without one
    plots: list[Path]


def build_dataset(
    out_dir: Path, output: Path, compare: str | None, on_error: OnError, include_non_plans: bool = False
) -> Dataset:
    """`vnplan dataset`: the tables of every JSON below out_dir (through its batch manifest when there
    is one; a bad one to on_error), written to output with their views and data dictionary, and the
    --compare metric's points (one per province and year) and plots."""
    from vnplan import dataset
    from vnplan.compare import metric_points, plot

    if not out_dir.is_dir():
        raise CommandError(out_dir, "not a folder of JSON outputs", usage=True)
    if compare is not None and compare not in dataset.metric_labels():
        raise CommandError(compare, f"not a metric id; valid ids: {', '.join(dataset.metric_labels())}", usage=True)
    tables = dataset.arrow_tables(dataset.collect(out_dir, on_error, include_non_plans))
    if not tables["documents"].num_rows:
        raise CommandError(out_dir, "no vnplan JSON outputs found")
    dataset.write_dataset(tables, output)
    if compare is None:
        return Dataset(tables, [], [])
    points = metric_points(output, compare)
    if not points:
        raise CommandError(compare, "no document states a target for this metric")
    return Dataset(tables, points, plot(points, compare, output))


def review_targets(inputs: list[Path], output: Path | None, force: bool) -> list[ReviewPage]:
    """The pages `vnplan report` writes; refused when there is nothing to do or nowhere to write."""
    from vnplan.report import review_pages

    pages, single_file = review_pages(inputs, output)
    if not pages:
        raise CommandError(_joined(inputs), "no JSON files found")
    if single_file and len(pages) > 1:
        raise CommandError(_joined(inputs), "several inputs need -o FOLDER for their pages", usage=True)
    check_output(output, single_file, force)
    return pages


def write_review_pages(
    pages: list[ReviewPage], sources: Path | None, on_error: OnError
) -> Iterator[tuple[ReviewPage, Path | None]]:
    """Write each review page, with page images when its source document is found (beside the JSON
    or in ``sources``); yields (page, source) for each written, a bad JSON goes to on_error."""
    from vnplan.dataset import load_output
    from vnplan.report import find_source, render

    for page in pages:
        try:
            plan = load_output(page.json)
        except InputError as exc:
            on_error(page.json, str(exc))
            continue
        source = find_source(plan, page.json, page.relative, sources)
        write_atomic(page.target, render(plan, source))
        yield page, source


def read_bytes(source: str, stdin: Callable[[], bytes]) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    try:
        return stdin() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise CommandError(Path(source), exc.strerror or str(exc)) from exc


def run_batch(
    run: BatchRun,
    engine: Engine,
    workers: int,
    scheduler: str | None,
    options: Options,
    on_done: Callable[[Path, str | None, float], None],
) -> None:
    """Execute a started batch; a Dask scheduler that cannot be reached is wrong use."""
    from vnplan.batch import SchedulerUnreachable

    try:
        run.execute(engine, workers, scheduler, options, lambda o: on_done(o.job.source, o.error, o.seconds))
    except SchedulerUnreachable as exc:
        raise CommandError(scheduler or "dask", str(exc), usage=True) from exc


def metric_usage(out_dir: Path | None) -> list[MetricUsage]:
    """`vnplan metrics`: every metric id with its definition, and the documents of out_dir carrying it."""
    from vnplan.metrics import metric_usage as usage

    if out_dir is not None and not out_dir.is_dir():
        raise CommandError(out_dir, "not a folder of JSON outputs", usage=True)
    return usage(out_dir)


@dataclass(frozen=True)
class Evaluation:
    """What `vnplan eval` does: the gold cases, scored on the outputs folder or by processing each input."""

    cases: list[Case]
    outputs: Path | None

    def run(self, on_start: Callable[[Path | str], None], on_done: Callable[[Path | str, str | None], None]) -> Report:
        from vnplan.evaluation import run_cases

        return run_cases(self.cases, self.outputs, options(None), on_done, on_start)


def plan_evaluation(docs: str, gold: Path | None, realdocs: Path | None, outputs: Path | None) -> Evaluation:
    """The gold cases --docs selects (all, seeds, realdocs, odd, even, or a folder)."""
    from vnplan.evaluation import eval_cases

    return Evaluation(eval_cases(docs, gold, realdocs), outputs)


def restore(data: bytes, mode: str) -> RestoreResult:
    """`vnplan restore`: the bytes decoded (legacy encodings) and restored; mode auto, stripped or ocr."""
    from vnplan.normalize.restore import decode_bytes, restore_text

    return restore_text(decode_bytes(data), None if mode == "auto" else mode)


def train_restorer(corpus: Path | None, out: Path | None, log: Callable[[str], None]) -> None:
    """`vnplan train-restorer`: rebuild the restorer's model files from the corpus (default: the package's)."""
    from vnplan.normalize.restore.corpus import default_corpus_dir
    from vnplan.normalize.restore.decoder import model_path
    from vnplan.normalize.restore.train import train_all

    train_all(corpus or default_corpus_dir(), out or model_path().parent, log=log)
