"""vnplan report: the self-contained review page, checked in a real headless Chromium."""

from __future__ import annotations

import html
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import processed, seed_path
from typer.testing import CliRunner

from vnplan.cli import app
from vnplan.report import collect, render, segments

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# the element lies inside the visible part of its scrolling pane
IN_VIEW = """selector => {
    const el = document.querySelector(selector), box = el.getBoundingClientRect();
    const pane = el.closest("#source, #records").getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom;
}"""


def _page(tmp_path: Path, prefix: str) -> tuple[Path, dict]:
    source = tmp_path / f"{seed_path(prefix).stem}.json"
    source.write_text(processed(prefix).to_json(), encoding="utf-8")
    target = tmp_path / f"{prefix}.html"
    result = runner.invoke(app, ["report", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target, json.loads(source.read_text(encoding="utf-8"))


def test_segments_cover_the_text_and_every_record_span():
    plan = processed("000").to_dict()
    rows, marks, _ = collect(plan)
    pieces = segments(plan["text"], marks, plan["repairs"])
    assert "".join(p.text for p in pieces) == plan["text"]
    offset, covered = 0, {}
    for piece in pieces:
        for key in piece.keys:
            covered.setdefault(key, []).append((offset, offset + len(piece.text)))
        offset += len(piece.text)
    for mark in marks:
        spans = covered[mark.key]
        assert spans[0][0] == mark.start and spans[-1][1] == mark.end
        assert all(a[1] == b[0] for a, b in pairwise(spans))  # contiguous
    assert len(rows["indicator"]) == len(plan["indicators"]) and len(rows["budget"]) == len(plan["budgets"])


def test_every_seed_gets_a_page_with_a_row_and_a_highlight_per_record(any_seed):
    _, plan = any_seed
    page = render(plan.to_dict())
    rows = re.findall(r'<tr id="row-(\w+)" data-k="\1" class="([^"]+)"', page)
    kinds = [css.split()[0] for _, css in rows]
    for kind, records in (("objective", plan.objectives), ("indicator", plan.indicators), ("budget", plan.budgets)):
        assert kinds.count(kind) == len(records), kind
    assert kinds.count("unit") == len(plan.units) and kinds.count("activity") == len(plan.activities)
    assert kinds.count("task") == sum(len(u.tasks) for u in plan.units)
    source = page.split('<pre id="text">')[1].split("</pre>")[0]
    highlighted = {key for keys in re.findall(r'data-k="([^"]+)"', source) for key in keys.split()}
    assert {key for key, css in rows if "unlinked" not in css} <= highlighted
    assert sum(1 for _, css in rows if "unlinked" not in css) >= len(plan.indicators) + len(plan.budgets)


def test_page_is_self_contained_and_marks_restored_tokens(tmp_path):
    target, plan = _page(tmp_path, "001")  # the OCR-damaged Lai Châu seed: many restored tokens
    page = target.read_text(encoding="utf-8")
    markup = re.sub(r'<pre id="text">.*?</pre>', "", page, flags=re.DOTALL)  # the document may cite URLs
    assert not re.search(r"<link|\bsrc=|url\(|https?://", markup, flags=re.IGNORECASE)
    titles = [html.unescape(t) for t in re.findall(r'class="[^"]*rep[^"]*"[^>]*title="([^"]*)"', page)]
    assert len(titles) >= len({(r["start"], r["end"]) for r in plan["repairs"] if r["start"] < r["end"]}) > 0
    repair = next(r for r in plan["repairs"] if r["raw"] != r["text"])
    assert any(t.startswith(f"restored from “{repair['raw']}”") for t in titles)


def test_report_errors(tmp_path):
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    bad = runner.invoke(app, ["report", str(tmp_path / "bad.json"), str(tmp_path / "missing.json")])
    assert bad.exit_code == 1 and bad.stderr.count("vnplan: error:") == 2
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    several = runner.invoke(app, ["report", str(tmp_path / "bad.json"), str(tmp_path / "b.json"), "-o", "x.html"])
    assert several.exit_code == 2


def test_review_page_in_headless_chromium(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (bash run.sh setup installs it)")
    target, plan = _page(tmp_path, "000")
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("request", lambda r: None if r.url.startswith("file://") else problems.append(f"request {r.url}"))
        page.goto(target.as_uri())

        # a record → its span in the source is highlighted and scrolled into view
        indicator = plan["indicators"][-1]  # far down the text: the source must scroll to it
        row = page.locator("#table-indicator tbody tr").last
        row.click()
        key = row.get_attribute("data-k")
        active = page.eval_on_selector_all(".hl.active", "els => els.map(e => e.textContent).join('')")
        assert active == indicator["provenance"]["text"]
        assert page.evaluate(IN_VIEW, f'#text [data-k~="{key}"]')
        assert "selected" in (row.get_attribute("class") or "")
        page.screenshot(path=str(tmp_path / "record-clicked.png"))

        # a highlight → its record is shown
        budget = page.locator("#text .k-budget").first
        budget_key = (budget.get_attribute("data-k") or "").split()[0]
        budget.click()
        assert "selected" in (page.locator(f"#row-{budget_key}").get_attribute("class") or "")
        assert page.evaluate(IN_VIEW, f"#row-{budget_key}")
        record_id = page.locator(f"#row-{budget_key} td").first.inner_text()
        assert page.locator("#detail").inner_text().startswith(record_id)
        page.screenshot(path=str(tmp_path / "highlight-clicked.png"))
        browser.close()
    assert problems == []
    assert (tmp_path / "record-clicked.png").stat().st_size > 10_000
