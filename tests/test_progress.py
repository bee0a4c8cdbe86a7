"""Progress of a run over documents: a Rich bar on a terminal, one plain line per finished document
elsewhere (cron, nohup, a log file), nothing with --quiet."""

from __future__ import annotations

import io
import re
import shutil

from conftest import seed_path
from rich.console import Console
from typer.testing import CliRunner

from vnplan import render
from vnplan.cli import app

runner = CliRunner()
PLAIN_LINE = re.compile(r"^(\d+)/(\d+) (ok|failed) (\d+\.\d\d) s (.+)$", re.MULTILINE)


def _inputs(folder, bad: bool = True):
    folder.mkdir()
    for prefix in ("002", "003"):
        shutil.copy(seed_path(prefix), folder / seed_path(prefix).name)
    if bad:
        (folder / "broken.pdf").write_bytes(b"not a pdf")
    return folder


def test_batch_without_a_terminal_prints_a_line_per_finished_document(tmp_path):
    inputs = _inputs(tmp_path / "in")
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 1, result.output
    lines = [PLAIN_LINE.match(line) for line in result.stderr.splitlines()]
    finished = [m.groups() for m in lines if m]
    assert sorted(int(count) for count, *_ in finished) == [1, 2, 3]
    assert {total for _, total, *_ in finished} == {"3"}
    by_name = {name.rsplit("/", 1)[-1]: (status, float(seconds)) for _, _, status, seconds, name in finished}
    assert by_name.keys() == {seed_path("002").name, seed_path("003").name, "broken.pdf"}
    assert by_name["broken.pdf"][0] == "failed" and by_name[seed_path("002").name][0] == "ok"
    assert 0 < by_name[seed_path("003").name][1] < 120  # the worker's own seconds on the document
    assert "vnplan: error:" in result.stderr and "broken.pdf" in result.stderr  # the error line as well
    assert "processed" in result.stdout  # the summary


def test_quiet_prints_only_error_lines(tmp_path):
    inputs = _inputs(tmp_path / "in")
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(tmp_path / "out"), "--workers", "1", "--quiet"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [line for line in result.stderr.splitlines() if not line.startswith("vnplan: error:")] == []
    extracted = runner.invoke(
        app, ["extract", str(_inputs(tmp_path / "in2", bad=False)), "-o", str(tmp_path / "x"), "-q"]
    )
    assert extracted.exit_code == 0 and extracted.stdout == "" and extracted.stderr == ""


def test_extract_of_several_files_logs_each_and_to_stdout_logs_nothing(tmp_path):
    inputs = _inputs(tmp_path / "in", bad=False)
    several = runner.invoke(app, ["extract", str(inputs), "-o", str(tmp_path / "out"), "--no-summary"])
    assert several.exit_code == 0
    assert [m.group(3) for m in map(PLAIN_LINE.match, several.stderr.splitlines()) if m] == ["ok", "ok"]
    one = runner.invoke(app, ["extract", str(seed_path("003"))])
    assert one.exit_code == 0 and one.stderr == "" and one.stdout.startswith("{")


def test_on_a_terminal_a_bar_shows_the_file_the_rate_and_the_time_left():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80, color_system=None)
    errors: list[str] = []
    ticks = iter(range(1000))
    long_name = "in/24_KienGiang_KH2130-phong-chong-tai-nan-thuong-tich-den-2020_2017_scan.pdf"
    with render.Progress(
        4, "batch (local, 2 workers)", False, lambda path, message: errors.append(message), console
    ) as progress:
        assert progress.bar is not None
        progress.bar.get_time = lambda: float(next(ticks) * 30)  # a document every 30 s or so
        progress.done("in/a.pdf", None, 1.0)
        progress.done(long_name, "not a valid PDF", 0.1)
        progress.bar.refresh()
        shown = screen.getvalue()
    last = re.sub(r"\x1b\[\d*K", "", shown.replace("\r", "\n").splitlines()[-1])
    assert "2/4" in last and "24_Kien…" in last and "left" in last
    assert re.search(r"\d+\.\d/min", last)  # the rate in documents per minute
    assert len(re.findall(r"\d:\d\d:\d\d", last)) == 2  # time elapsed and left, whole on a narrow terminal
    assert len(last.rstrip()) <= 80  # the file name gives way, not the figures
    assert errors == ["not a valid PDF"]
    assert not PLAIN_LINE.search(shown)  # the bar replaces the plain lines
