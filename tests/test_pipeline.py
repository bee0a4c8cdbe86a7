"""vnplan.pipeline: one document run with Options, a Result with status, errors by stage and timings."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import processed, seed_path

import vnplan
from vnplan.extract.options import Limits
from vnplan.pipeline import ErrorKind, Options, Status, run
from vnplan.schema.errors import InputError


def test_a_full_run_succeeds_with_the_document_and_a_time_per_stage():
    result = run(seed_path("002"))
    assert result.status is Status.SUCCESS and result.errors == []
    assert result.document is not None and result.document.to_json() == processed("002").to_json()
    assert list(result.timings) == ["extract", "normalize", "structure", "schema"]
    assert all(seconds >= 0 for seconds in result.timings.values())


def test_stop_after_normalize_gives_the_text_without_structuring():
    result = run(seed_path("002"), Options(stop_after="normalize"))
    assert result.status is Status.SUCCESS and result.document is None
    assert result.normalized is not None and result.normalized.text == processed("002").text
    assert list(result.timings) == ["extract", "normalize"]
    extracted = run(seed_path("002"), Options(stop_after="extract"))
    assert extracted.normalized is None and extracted.extracted is not None


def test_a_bad_input_is_a_failure_of_the_extract_stage(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(empty)
    assert result.status is Status.FAILURE and result.document is None
    (error,) = result.errors
    assert (error.stage, error.kind, error.message) == ("extract", ErrorKind.INPUT, "the file is empty")
    with pytest.raises(InputError, match="the file is empty"):
        result.plan()
    with pytest.raises(InputError, match="the file is empty"):
        vnplan.process(empty)


def test_limits_come_from_the_options(tmp_path: Path):
    result = run(seed_path("002"), Options(limits=Limits(max_file_bytes=1000)))
    assert result.status is Status.FAILURE and "over the 0 MiB limit" in (result.error_message or "")


def test_a_failure_after_extract_is_a_partial_success_naming_its_stage(monkeypatch):
    def broken(doc):
        raise KeyError("boom")

    monkeypatch.setattr("vnplan.pipeline.structure", broken)
    result = run(seed_path("002"))
    assert result.status is Status.PARTIAL_SUCCESS and result.normalized is not None and result.document is None
    (error,) = result.errors
    assert (error.stage, error.kind) == ("structure", ErrorKind.INTERNAL)
    assert error.message == "internal error (KeyError: 'boom'); please report it"
    with pytest.raises(KeyError):
        result.raise_error()  # the library re-raises what stopped the run


def test_the_time_limit_is_an_option():
    result = run(seed_path("003"), Options(max_seconds=0.01))
    assert result.status in (Status.FAILURE, Status.PARTIAL_SUCCESS)
    assert result.errors[0].kind is ErrorKind.TIME_LIMIT and "time limit" in result.errors[0].message


def test_options_travel_to_workers_and_are_checked():
    options = Options(max_seconds=5, stop_after="normalize", limits=Limits(max_pdf_pages=10))
    assert pickle.loads(pickle.dumps(options)) == options
    with pytest.raises(ValueError, match="stop_after"):
        Options(stop_after="schema")  # type: ignore[arg-type]


def test_the_restorer_is_an_option():
    """normalize() accepts a restorer, and the pipeline passes the one of its Options: the OCR-damaged
    Lai Châu seed is restored by it, with the same text as by the shipped model; clean text is not."""
    from vnplan.normalize.restore.decoder import default_restorer

    class Counting:  # the shipped model, counting the lines it is given
        def __init__(self) -> None:
            self.lines = 0

        def restore_lines(self, lines, mode="stripped", keep=()):
            self.lines += len(lines)
            return default_restorer().restore_lines(lines, mode, keep)

    counting = Counting()
    result = run(seed_path("001"), Options(stop_after="normalize", restorer=counting))
    assert counting.lines > 100
    assert result.normalized is not None and result.normalized.text == processed("001").text
    before = counting.lines
    clean = run(seed_path("002"), Options(stop_after="normalize", restorer=counting))
    assert clean.status is Status.SUCCESS and counting.lines == before
