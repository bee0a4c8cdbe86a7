"""Plans that are not seeds: rules written for the language of plans, not for five files.

The fixture is the first page and first table of a public Lâm Đồng plan (2026) from the project's
shared samples, a Word export whose tables are rows of cells joined by " | ".
"""

from __future__ import annotations

from pathlib import Path

import vnplan

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "lamdong_cchc_2026_excerpt.txt"


def test_pipe_table_rows_become_activities_with_their_responsible_units():
    plan = vnplan.process(FIXTURE)
    doc = plan.document
    assert (doc.issuer, doc.number_text, doc.issued_date) == ("Ủy ban nhân dân tỉnh Lâm Đồng", "/KH-UBND", "2026-01")
    assert doc.province.name == "Lâm Đồng"
    assert len(plan.activities) == 11
    first = plan.activities[0]
    assert first.lead_unit == "Lãnh đạo Sở Công Thương"
    assert first.deadline.endswith("ngày 23 tháng 1")
    leads = {u.canonical_name for u in plan.units if u.role == "lead"}
    assert {"Sở Công Thương", "Công an tỉnh", "Ban Quản lý các khu công nghiệp"} <= leads
    assert "|" not in plan.text  # the table markup is gone; cells are tab-separated
