"""Plans that are not seeds: rules written for the language of plans, not for five files.

The fixtures come from the project's shared samples: the first page and first table of a public
Lâm Đồng plan (2026), a Word export whose tables are rows of cells joined by " | "; and the start
of the allowance-rate appendix of Nghị định 55/2023/NĐ-CP as vnplan reads its PDF text layer.
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


RATE_TABLE = FIXTURE.with_name("nd55_2023_phu_luc_excerpt.txt")


def test_a_table_of_monthly_allowance_rates_is_no_budget():
    # The text layer of Phụ lục I of Nghị định 55/2023/NĐ-CP (shared samples, pdf/10_*): "Đơn vị:
    # đồng" over what each beneficiary receives a month. Its amounts are rates, not money planned.
    plan = vnplan.process(RATE_TABLE)
    assert "2.297.000" in plan.text and "Đơn vị: đồng" in plan.text
    assert plan.budgets == []
