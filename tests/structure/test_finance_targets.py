"""Targets and budgets of finance-budget plans and resolutions (helper 'finplan'): one test per rule family.

Fixtures cut by whole lines from fresh documents (tests/fixtures/devdocs/README.md, "Finance plans") are set under a
plan's heading where the document itself is no plan or its header is unread (an OCR copy's "NGHỊ QUYÉT"). Forms no
fresh document was found with (a province's 3-year plan: "năm 2026 đạt …, năm 2027 đạt …", "tăng … so với ước thực
hiện năm 2025") are tested on short plans written in those forms, said so in each test. Expected
values were read from the sentences by hand.
"""

from __future__ import annotations

from pathlib import Path

from conftest import plan_from

from vnplan.schema.model import PlanDocument
from vnplan.structure.money import COMPARISON_BASE, RESULT, STATE_MONEY

DEVDOCS = Path(__file__).resolve().parents[1] / "fixtures" / "devdocs"
NQ86_ARTICLE_1 = (DEVDOCS / "fp_qh_nq86_dieu1_excerpt.md").read_text(encoding="utf-8")
NQ49_TAX_ARREARS = (DEVDOCS / "fp_qh_nq49_no_thue_excerpt.md").read_text(encoding="utf-8")

HEADER = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 100/KH-UBND\nX, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"


def records(document: PlanDocument) -> set[tuple[object, ...]]:
    return {
        (i.name, i.target.value, i.target.value_max, i.target.unit, i.target.comparator, i.target.kind, i.target_year)
        for i in document.indicators
    }


def amounts(document: PlanDocument) -> set[tuple[int | None, int | None]]:
    return {(b.amount_vnd, b.year) for b in document.budgets}


def written(tmp_path: Path, title: str, body: str) -> PlanDocument:
    return plan_from(tmp_path, f"{HEADER}{title}\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n{body}")


def test_a_share_that_restates_an_amount_is_no_target(tmp_path):
    """Nghị quyết 86/2019/QH14, Điều 1 (corpus/dev/sentences/qh-nq86-dutoan-nsnn-2020.md): "Mức bội chi … là
    234.800.000 triệu đồng (…), tương đương 3,44% tổng sản phẩm trong nước (GDP)", "… tương đương 3,2%GDP": set under
    a plan's targets, the deficits are the budget's amounts (the state's money) and their shares restate them."""
    document = written(tmp_path, "Dự toán ngân sách nhà nước năm 2020", NQ86_ARTICLE_1)
    assert document.indicators == []
    found = {amount for amount, _ in amounts(document)}
    assert {234_800_000_000_000, 217_800_000_000_000, 17_000_000_000_000} <= found
    assert {1_512_300_000_000_000, 1_747_100_000_000_000, 488_921_352_000_000} <= found


def test_a_committed_share_of_the_budget_is_a_level(tmp_path):
    """Nghị quyết 49/2017/QH14, Điều 3 khoản 2 (corpus/dev/finplan/qh-nq49-dutoan-nsnn-2018.md): "phấn đấu giảm tỷ lệ
    nợ đọng thuế xuống dưới 5% tổng thu ngân sách nhà nước": a level to reach below 5%, for the plan's year."""
    document = written(tmp_path, "Tài chính - ngân sách năm 2018", NQ49_TAX_ARREARS)
    assert records(document) == {("Tỷ lệ nợ đọng thuế", 5.0, None, "%", "<", "level", 2018)}


def test_the_states_money_a_plan_sets_is_a_budget_of_its_year(tmp_path):
    """Written in a 3-year plan's form (no fresh document found): the revenue a plan sets in đồng is a budget of the
    year each amount names, never an indicator; its growth rate is an indicator; GRDP per head in đồng is one too."""
    document = written(
        tmp_path,
        "Tài chính - ngân sách nhà nước 03 năm 2026 - 2028",
        "- Thu ngân sách nhà nước trên địa bàn giai đoạn 2026 - 2028 tăng bình quân 10-12%/năm; năm 2026 đạt khoảng "
        "15.000 tỷ đồng, năm 2027 đạt 16.500 tỷ đồng, năm 2028 đạt 18.000 tỷ đồng.\n"
        "- Tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 8-8,5%/năm; GRDP bình quân đầu người năm 2028 đạt khoảng "
        "120 triệu đồng.\n",
    )
    assert amounts(document) == {(15_000 * 10**9, 2026), (16_500 * 10**9, 2027), (18_000 * 10**9, 2028)}
    assert records(document) == {
        ("Thu ngân sách nhà nước trên địa bàn", 10.0, 12.0, "%", ">=", "change", 2028),
        # a rate per year without a period of its own is a rate of every year (test_indicator_semantics)
        ("Tốc độ tăng trưởng kinh tế (GRDP)", 8.0, 8.5, "%", ">=", "change", None),
        ("GRDP bình quân đầu người", 120.0, None, "triệu đồng", "=", "level", 2028),
    }


def test_a_change_against_a_base_year_is_for_the_year_after_it(tmp_path):
    """Written in a 3-year plan's form (no fresh document found): "tăng khoảng 8% so với ước thực hiện năm 2025" is the
    change of 2026; the base names neither the year nor the quantity, and reports no result of the amount before it."""
    document = written(
        tmp_path,
        "Tài chính - ngân sách nhà nước 03 năm 2026 - 2028",
        "- Thu nội địa tăng khoảng 8% so với ước thực hiện năm 2025.\n"
        "- Thu ngân sách nhà nước năm 2026 đạt 15.000 tỷ đồng, bằng 10% GRDP, tăng 8,5% so với dự toán năm 2025.\n",
    )
    assert records(document) == {
        ("Thu nội địa", 8.0, None, "%", "=", "change", 2026),
        ("Thu ngân sách nhà nước", 8.5, None, "%", "=", "change", 2026),
    }
    assert amounts(document) == {(15_000 * 10**9, 2026)}


def test_a_share_of_an_aggregate_is_named_against_it(tmp_path):
    """Written in a finance plan's form (no fresh document found): "Bội chi … không quá 2% GRDP; nợ công không quá 30%
    GRDP", "Dư nợ vay … không vượt quá 20% số thu ngân sách …": ceilings named with the aggregate they are measured
    against."""
    document = written(
        tmp_path,
        "Tài chính 05 năm giai đoạn 2026 - 2030",
        "- Bội chi ngân sách địa phương không quá 2% GRDP; nợ công không quá 30% GRDP.\n"
        "- Dư nợ vay của ngân sách địa phương đến năm 2030 không vượt quá 20% số thu ngân sách địa phương được hưởng "
        "theo phân cấp.\n",
    )
    assert records(document) == {
        ("Bội chi ngân sách địa phương so với GRDP", 2.0, None, "%", "<=", "level", 2030),
        ("Nợ công so với GRDP", 30.0, None, "%", "<=", "level", 2030),
        (
            "Dư nợ vay của ngân sách địa phương so với thu ngân sách địa phương được hưởng theo phân cấp",
            20.0,
            None,
            "%",
            "<=",
            "level",
            2030,
        ),
    }
    assert document.budgets == []


def test_words_of_the_states_money_and_of_a_comparison_base():
    """The patterns the two modules share (structure/money.py): the state's money, and a change's base that reports
    nothing ("so với ước thực hiện năm 2025" names an estimate; "ước thực hiện năm 2025 đạt …" reports one)."""
    assert STATE_MONEY.search("Bội chi ngân sách địa phương") and STATE_MONEY.search("dư nợ vay")
    assert not STATE_MONEY.search("Tổng vốn đầu tư toàn xã hội") and not STATE_MONEY.search("GRDP bình quân đầu người")
    assert COMPARISON_BASE.match("so với ước thực hiện năm 2025")["year"] == "2025"
    assert COMPARISON_BASE.match("so với dự toán năm 2025")["year"] == "2025"
    assert not RESULT.search(COMPARISON_BASE.sub(" ", "tăng 8% so với ước thực hiện năm 2025"))
    assert RESULT.search("Ước thực hiện năm 2025 đạt 14.200 tỷ đồng")
