"""The same seed as .txt, digital PDF and DOCX gives the same records (issue: readers for what archives hold).

Agreement is the F1 of a format's records against the .txt run's, with the scorers of `vnplan eval`.
The scanned fixture is measured by bench/format_agreement.py (OCR of 14 pages is too slow for tests).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import processed

import vnplan
from vnplan.evaluation import agreement

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    ("seed", "fixture"),
    [("002", "seed002.pdf"), ("002", "seed002.docx"), ("004", "seed004.pdf"), ("004", "seed004.docx")],
)
def test_pdf_and_docx_agree_with_the_text(seed, fixture):
    scores = agreement(processed(seed), vnplan.process(FIXTURES / fixture))
    measured = {name: f1 for name, f1 in scores.items() if f1 is not None}
    assert measured and min(measured.values()) >= 0.95, measured
