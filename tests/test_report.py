"""vnplan report: the self-contained review page, checked in a real headless Chromium."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from conftest import ROOT, processed, seed_path
from typer.testing import CliRunner

import vnplan
from vnplan.cli import app
from vnplan.report import LOW_OCR_CONFIDENCE, collect, render, segments, source_pages

runner = CliRunner()
FIXTURES = ROOT / "tests" / "fixtures"
# Screenshots of the review page, one per page type (scan, digital PDF), kept for a person to look at
# after the run (the folder is ignored by git).
ARTEFACTS = ROOT / "tests" / "artefacts" / "review"
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


@contextmanager
def chromium_page(width: int, height: int) -> Iterator[tuple[Any, list[str]]]:
    """A page in headless Chromium, and the problems it meets: console errors, page errors, and
    requests for anything but the file itself and its data URIs (the page must load nothing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (bash run.sh setup installs it)")
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else problems.append(r.url))
        yield page, problems
        browser.close()


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


@pytest.fixture(scope="module")
def pdf_reviews(tmp_path_factory) -> dict[str, tuple[Path, dict]]:
    """Review pages of a scan, a digital PDF and a TIFF of seed 002, made through the command line
    with --sources: the scan is three pages of the scanned fixture (the title page, the indicators,
    the budgets), the TIFF the same pages as images."""
    folder = tmp_path_factory.mktemp("pdf-reviews")
    sources, outputs = folder / "sources", folder / "json"
    sources.mkdir()
    scan = pdfium.PdfDocument.new()
    scan.import_pages(pdfium.PdfDocument(FIXTURES / "seed002_scan.pdf"), [0, 1, 9])
    scan.save(sources / "scan.pdf")
    (sources / "digital.pdf").write_bytes((FIXTURES / "seed002.pdf").read_bytes())
    # the same three pages as a TIFF at 200 dpi, as archives keep scans
    tiff = [scan[i].render(scale=200 / 72, grayscale=True).to_pil() for i in range(3)]
    tiff[0].save(sources / "tiff.tif", save_all=True, append_images=tiff[1:], dpi=(200, 200), compression="tiff_lzw")
    reviews = {}
    for kind, name in (("scan", "scan.pdf"), ("digital", "digital.pdf"), ("tiff", "tiff.tif")):
        plan = vnplan.process(sources / name)
        (outputs / f"{kind}.json").parent.mkdir(exist_ok=True)
        (outputs / f"{kind}.json").write_text(plan.to_json(), encoding="utf-8")
        reviews[kind] = (folder / "review" / f"{kind}.html", plan.to_dict())
    result = runner.invoke(app, ["report", str(outputs), "-o", str(folder / "review"), "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("page images from") == 3
    return reviews


def test_pdf_pages_are_images_with_a_box_per_located_value(pdf_reviews):
    for kind, (page_file, plan) in pdf_reviews.items():
        page = page_file.read_text(encoding="utf-8")
        images = re.findall(r'<img src="([^"]+)" alt="page (\d+)">', page)
        assert [int(n) for _, n in images] == list(range(1, plan["document"]["source"]["pages"] + 1)), kind
        assert all(uri.startswith("data:image/jpeg;base64,") for uri, _ in images)
        assert re.findall(r'\bsrc="([^"]*)"', page) == [uri for uri, _ in images]  # nothing else is loaded
        located = [r for r in plan["budgets"] + plan["indicators"] if r["provenance"]["bbox"]]
        boxes = re.findall(r'<div class="box k-(budget|indicator)" data-k="\w+" style="([^"]+)"', page)
        assert len(located) > 5 and len(boxes) == len(located), kind
        for _, style in boxes:
            left, top, width, height = map(float, re.findall(r"[\d.]+(?=%)", style))
            assert left >= 0 and left + width <= 100 and top >= 0 and top + height <= 100 and width > 0 < height
        # the text shows where each page begins
        starts = [p["text_start"] for p in plan["document"]["source"]["page_details"]]
        assert starts[0] == 0 and starts == sorted(starts)
        labels = re.findall(r'<span class="pagebreak[^"]*" id="text-page-(\d+)" data-label="([^"]+)"', page)
        assert [int(n) for n, _ in labels] == list(range(1, len(starts) + 1))
    scan_labels = re.findall(
        r'data-label="(page \d+ · OCR 0\.\d\d)"', pdf_reviews["scan"][0].read_text(encoding="utf-8")
    )
    assert len(scan_labels) == 3  # per-page OCR confidence, in the text as on the page images


def test_values_on_a_page_read_badly_are_flagged():
    plan = json.loads(processed("002").to_json())  # a text input has no pages: nothing is flagged
    assert "⚠</span></td>" not in render(plan)
    plan["document"]["source"]["page_details"] = [
        {"number": 1, "method": "ocr", "ocr_confidence": LOW_OCR_CONFIDENCE - 0.1, "text_start": 0}
    ]
    for record in plan["budgets"] + plan["objectives"]:
        record["provenance"]["page"] = 1
    rows, _, _ = collect(plan, {p.number: p for p in source_pages(plan)})
    assert {r.low for r in rows["budget"]} == {"page 1 was hard to read (OCR 0.75)"}
    assert all(r.low == "" for r in rows["indicator"])  # their page is not known here
    page = render(plan)
    assert page.count("⚠</span></td>") == len(plan["budgets"]) + len(plan["objectives"])


def test_review_page_of_pdfs_in_headless_chromium(pdf_reviews):
    """Click a budget and an indicator on the review page of a scan, a digital PDF and a TIFF: the
    page image of the value is shown and its box is drawn on it, highlighted, in view."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(1500, 950) as (page, problems):
        for kind, (page_file, plan) in pdf_reviews.items():
            page.goto(page_file.as_uri())
            for table, records in (("budget", plan["budgets"]), ("indicator", plan["indicators"])):
                index = max(i for i, r in enumerate(records) if r["provenance"]["bbox"])  # far down: must scroll
                row = page.locator(f"#table-{table} tbody tr").nth(index)
                row.click()
                number = records[index]["provenance"]["page"]
                assert row.get_attribute("data-page") == str(number)
                shown = page.evaluate(SHOWN, f"#page-{number}")
                assert shown["image"] > 0 and shown["boxes"] == 1, (kind, table, shown)
                assert shown["inside"] and shown["visible"], (kind, table, shown)
                assert f"page {number} ·" in page.locator("#detail").inner_text()
                page.screenshot(path=str(ARTEFACTS / f"{kind}-{table}.png"))
            # a box on the page → its record
            box = page.locator("#pages .box.k-budget").first
            box.click()
            assert "selected" in (page.locator(f"#row-{box.get_attribute('data-k')}").get_attribute("class") or "")
    assert problems == []
    assert all((ARTEFACTS / f"{kind}-budget.png").stat().st_size > 50_000 for kind in pdf_reviews)


# the page figure's image has loaded, and exactly one box on it is active, inside the image and in view
SHOWN = """selector => {
    const figure = document.querySelector(selector), image = figure.querySelector("img");
    const boxes = figure.querySelectorAll(".box.active"), pane = document.getElementById("pages");
    const box = boxes.length ? boxes[0].getBoundingClientRect() : null, sheet = image.getBoundingClientRect();
    const view = pane.getBoundingClientRect();
    return {
        image: image.complete ? image.naturalWidth : 0,
        boxes: boxes.length,
        inside: !!box && box.left >= sheet.left && box.right <= sheet.right && box.top >= sheet.top && box.bottom <= sheet.bottom,
        visible: !!box && box.top >= view.top && box.bottom <= view.bottom,
    };
}"""


def test_review_page_in_headless_chromium(tmp_path):
    target, plan = _page(tmp_path, "000")
    with chromium_page(1400, 900) as (page, problems):
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
    assert problems == []
    assert (tmp_path / "record-clicked.png").stat().st_size > 10_000
