"""Run one document: extract → normalize → structure → schema, one typed value handed to the next.

``run(path, options)`` never raises for a bad document: it returns a ``Result`` with a status, the
values each stage made, the errors (each naming the stage that raised it and its kind) and the time
each stage took. ``Options`` holds what a caller may set: the time limit, the input limits, the
OCR settings, the restorer of damaged text and the stage to stop after (``vnplan text`` stops
after normalize).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from vnplan.extract import ExtractedDocument, extract
from vnplan.extract.options import Limits, OcrOptions
from vnplan.files import special_file
from vnplan.limits import DEFAULT_MAX_SECONDS, MAX_SECONDS_ENV, TimeLimitExceeded, time_limit
from vnplan.normalize import NormalizedDocument, normalize
from vnplan.normalize.quality import read_quality
from vnplan.schema import SchemaViolation, ensure_valid
from vnplan.schema.codes import ErrorKind, WarningCode
from vnplan.schema.errors import InputError
from vnplan.schema.model import Notice, PlanDocument
from vnplan.structure import structure

if TYPE_CHECKING:
    from vnplan.normalize.restore.decoder import Restorer

Stage = Literal["extract", "normalize", "structure"]
STAGES: tuple[Stage, ...] = ("extract", "normalize", "structure")

# Raw text with fewer valid Vietnamese syllables than this and (almost) no Vietnamese diacritics is
# another language (English: 0.17 and 0); stripped Vietnamese scores about 0.7 or more, the OCR'd seed 0.55.
NOT_VIETNAMESE_SCORE = 0.35
NOT_VIETNAMESE_DIACRITICS = 0.02
# A text of this many characters or more with one line holding over half of them has lost its line
# breaks (a web copy pasted as one paragraph): headings, lists and tables cannot be told apart.
NO_LINES_MIN_CHARS = 3000


class Status(StrEnum):
    SUCCESS = "success"  # every stage asked for ran; with structure, the document satisfies the schema
    PARTIAL_SUCCESS = "partial_success"  # a later stage failed; the values of the earlier ones are kept
    FAILURE = "failure"  # the first stage failed: nothing usable


@dataclass(frozen=True)
class ErrorItem:
    stage: str  # extract, normalize, structure or schema
    kind: ErrorKind
    message: str  # one line a person can act on
    exception: BaseException | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Options:
    """How to run one document. Picklable: the batch sends it to every worker."""

    max_seconds: float = DEFAULT_MAX_SECONDS  # per document; 0: no limit
    stop_after: Stage = "structure"
    limits: Limits = field(default_factory=Limits)
    ocr: OcrOptions = field(default_factory=OcrOptions)
    # None: the shipped model, loaded on first need in each process. A model of one's own is pickled
    # to every batch worker with the Options (tens of MB): load it there instead when that matters.
    restorer: Restorer | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.stop_after not in STAGES:
            raise ValueError(f"stop_after must be one of {', '.join(STAGES)}, not {self.stop_after!r}")


@dataclass
class Result:
    """What one run made, like Docling's ConversionResult."""

    path: Path
    options: Options
    status: Status = Status.FAILURE
    extracted: ExtractedDocument | None = None
    normalized: NormalizedDocument | None = None
    document: PlanDocument | None = None
    errors: list[ErrorItem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage that ran

    @property
    def error_message(self) -> str | None:
        return self.errors[0].message if self.errors else None

    def raise_error(self) -> None:
        """Re-raise the exception that stopped the run, if any (the library's behaviour)."""
        for error in self.errors:
            if error.exception is not None:
                raise error.exception
            raise InputError(error.message)

    def plan(self) -> PlanDocument:
        """The document; InputError with the error's one-line message when there is none."""
        if self.document is None:
            raise InputError(self.error_message or f"stopped after {self.options.stop_after}; no document")
        return self.document


T = TypeVar("T")


def run(path: Path, options: Options | None = None) -> Result:
    """Run the stages up to ``options.stop_after`` on one file within ``options.max_seconds``."""
    options = options or Options()
    result = Result(Path(path), options)
    stage = "extract"

    def timed(name: str, step: Callable[[], T]) -> T:
        nonlocal stage
        stage = name
        started = time.perf_counter()
        try:
            return step()
        finally:
            result.timings[name] = time.perf_counter() - started

    try:
        with time_limit(options.max_seconds):
            _refuse_special_file(result.path)
            result.extracted = timed("extract", lambda: extract(result.path, options.limits, options.ocr))
            if options.stop_after != "extract":
                result.normalized = timed("normalize", lambda: normalize(result.extracted, options.restorer))
            if options.stop_after == "structure":
                result.document = timed("structure", lambda: _structure(result.normalized))
                timed("schema", lambda: ensure_valid(result.document.to_dict()))
    except TimeLimitExceeded as exc:
        limit = f"{options.max_seconds:g}"
        message = f"stopped after the {limit} s time limit per document ({MAX_SECONDS_ENV} or --max-seconds)"
        _fail(result, stage, ErrorKind.TIME_LIMIT, message, exc)
    except InputError as exc:
        _fail(result, stage, ErrorKind.INPUT, str(exc), exc)
    except SchemaViolation as exc:
        message = f"output failed schema validation and was not written: {exc}"
        _fail(result, stage, ErrorKind.INVALID_OUTPUT, message, exc)
    except MemoryError as exc:
        _fail(result, stage, ErrorKind.OUT_OF_MEMORY, "ran out of memory reading this file", exc)
    except Exception as exc:  # a bug, but one bad file must not stop the others
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        _fail(result, stage, ErrorKind.INTERNAL, message, exc)
    else:
        result.status = Status.SUCCESS
    return result


def _fail(result: Result, stage: str, kind: ErrorKind, message: str, exc: BaseException) -> None:
    result.errors.append(ErrorItem(stage, kind, message, exc))
    if stage == "schema":
        result.document = None  # a document that breaks the contract is not handed on
    result.status = Status.PARTIAL_SUCCESS if result.extracted is not None else Status.FAILURE


def _structure(normalized: NormalizedDocument) -> PlanDocument:
    plan = structure(normalized)
    text = normalized.text
    longest = max(map(len, text.splitlines()), default=0)
    if len(text) >= NO_LINES_MIN_CHARS and longest > len(text) / 2:
        plan.warnings.append(
            Notice(
                code=WarningCode.NO_LINE_STRUCTURE,
                message=(
                    f"the text has no line structure (one line holds {longest:,} of its {len(text):,} characters): "
                    "headings, lists and tables cannot be told apart, so sections and records may be missing"
                ),
                stage="normalize",
            )
        )
    reading = read_quality(normalized.raw_text)
    if reading.score < NOT_VIETNAMESE_SCORE and reading.diacritic_ratio < NOT_VIETNAMESE_DIACRITICS:
        plan.warnings.append(
            Notice(
                code=WarningCode.NOT_VIETNAMESE,
                message=(
                    f"the text does not look Vietnamese (only {reading.score:.0%} of words are Vietnamese syllables, "
                    "no Vietnamese diacritics); vnplan reads Vietnamese plans, so records may be missing or wrong"
                ),
                stage="extract",
            )
        )
    return plan


def _refuse_special_file(path: Path) -> None:
    """A FIFO would block the read forever and a device such as /dev/zero never ends: only regular
    files (or links to them) are read. Missing files and folders are left to extract's own message."""
    kind = special_file(path)
    if kind is not None:
        raise InputError(f"not a regular file ({kind}); refused")


def process(path: Path, options: Options | None = None) -> PlanDocument:
    """Run every stage on one file; the result satisfies plan.schema.json. Raises what stopped the
    run: InputError for a bad input, SchemaViolation, or the exception of a bug. No time limit
    unless ``options`` sets one."""
    result = run(path, options or Options(max_seconds=0))
    result.raise_error()
    return result.plan()
