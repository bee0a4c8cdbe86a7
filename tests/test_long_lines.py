"""Long lines (issue 17, item 7): a document without line breaks costs about what it costs with them.

underthesea's NER (the province lookup of last resort) takes time growing with the square of the
text it is given; it was given the first 14 lines whatever their length, so a seed with its newlines
removed took 20-70 s and a 20 KB nested-list Markdown line 231 s."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import seed_path

from vnplan.pipeline import Options, run
from vnplan.structure import identity


def _without_newlines(tmp_path: Path) -> Path:
    target = tmp_path / "one_line.txt"
    target.write_text(seed_path("003").read_text(encoding="utf-8").replace("\n", " "), encoding="utf-8")
    return target


def test_ner_reads_a_bounded_number_of_characters_per_call(tmp_path, monkeypatch):
    given: list[str] = []
    original = identity.places

    def recording(text: str):
        given.append(text)
        return original(text)

    monkeypatch.setattr(identity, "places", recording)
    nested = tmp_path / "nested.md"
    nested.write_text("- " * 10_000 + "x\n", encoding="utf-8")  # one 20 KB line of nested list markers
    for source in (_without_newlines(tmp_path), nested):
        given.clear()
        result = run(source, Options(max_seconds=0))
        assert result.document is not None, result.error_message
        assert given, "the province lookup of last resort did not run"
        assert max(map(len, given)) <= identity.NER_LINE_CHARS
        assert sum(map(len, given)) <= identity.NER_HEAD_CHARS


def test_a_seed_without_newlines_runs_in_normal_time_and_says_it_has_no_lines(tmp_path):
    started = time.monotonic()
    result = run(_without_newlines(tmp_path), Options(max_seconds=0))
    seconds = time.monotonic() - started
    assert result.document is not None, result.error_message
    assert seconds < 20, seconds  # 20-70 s before (1-3 s with its newlines)
    assert "no_line_structure" in [w.code for w in result.document.warnings]
    with_lines = run(seed_path("003"), Options(max_seconds=0)).plan()
    assert "no_line_structure" not in [w.code for w in with_lines.warnings]
