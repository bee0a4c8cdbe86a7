"""Units in the document families helper 'units4' gathered (issues 12 and 14): decisions and circulars on money that
assign work without "chủ trì", procedures whose steps open on what they are based on ("Căn cứ …, Sở Xây dựng tổng hợp
…"), and documents that assign nothing although they name many bodies (precision). One test per rule family.

Fixtures (tests/fixtures/devdocs/README.md, section "Units of helper 'units4'"): the whole QĐ 5129/QĐ-UBND of TP Hồ Chí
Minh (already a fixture of the identity tests), an excerpt of Thông tư 98/2013/TT-BTC cut by whole lines, and two whole
documents with no assignment; their sources and the units' hand gold are in corpus/dev/units4 and corpus/gold/dev/units4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.structure.lexicon import organisations
from vnplan.structure.units import CHAIRED, DIRECTED, SUBJECT, _trim_name, canonical_name

DEVDOCS = Path(__file__).resolve().parents[1] / "fixtures" / "devdocs"
SOURCES = Path(__file__).resolve().parents[2] / "corpus" / "dev" / "units4"
LDTBXH = "Lao động - Thương binh và Xã hội"


def roles_of(name: str) -> set[tuple[str, str]]:
    return {(u.canonical_name, u.role) for u in vnplan.process(DEVDOCS / name).units}


@pytest.mark.parametrize(
    ("fixture", "source"),
    [
        ("u4_tt98_btc_2013_excerpt.md", "tt98_btc_2013.md"),
        ("u4_qd378_hagiang_2022.md", "qd378_hagiang_2022.md"),
        ("u4_ld_qd_mucchi_2009.md", "ld-qd-mucchi-de-an30-2009.md"),
    ],
)
def test_each_fixture_is_cut_from_its_source_by_whole_lines(fixture, source):
    kept = (DEVDOCS / fixture).read_text(encoding="utf-8").splitlines()
    lines = iter((SOURCES / source).read_text(encoding="utf-8").splitlines())
    assert all(any(line == other for other in lines) for line in kept)


def test_giao_x_phoi_hop_voi_in_a_decisions_article_assigns():
    """QĐ 5129/QĐ-UBND: "Điều 2. Giao Sở Tài chính phối hợp với Sở … và Ủy ban nhân dân các quận, huyện lập thủ tục …"
    outside any Tổ chức thực hiện: the body given the work leads, its partners support ("lập" ends their names); the
    proposers of the preamble and the execution clause of Điều 3 give none."""
    assert roles_of("qd5129_hcm_2008.md") == {
        ("Sở Tài chính", "lead"),
        (f"Sở {LDTBXH}", "support"),
        ("Ủy ban nhân dân các quận, huyện", "support"),
    }


def test_the_steps_of_a_money_procedure_name_their_doers():
    """Thông tư 98/2013/TT-BTC Điều 5-6: a step opening on what it is based on, over a list with commas ("Căn cứ Quyết
    định … về danh sách, mức hỗ trợ …, Sở Xây dựng tổng hợp …") names its doer (other), "… gửi Phòng … chủ trì, phối
    hợp với …" leads and supports ("xét duyệt" ends a name); "quyết định giao dự toán" is a duty; a district's
    department named in a ministry's circular is not the ministry's; bodies that pay from their own budget (Điều 4.4),
    receive ("gửi Sở Tài chính để thẩm định", "báo cáo UBND cấp tỉnh phê duyệt") or are in Nơi nhận give none."""
    roles = roles_of("u4_tt98_btc_2013_excerpt.md")
    assert roles == {
        ("Ủy ban nhân dân cấp xã", "other"),
        (f"Phòng {LDTBXH.replace(' - ', ' ')}", "lead"),
        ("Phòng Tài chính - Kế hoạch", "support"),
        ("Các cơ quan", "support"),
        ("Sở Xây dựng", "other"),
        ("Bộ Tài chính", "other"),
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "other"),
        ("Ủy ban nhân dân cấp huyện", "other"),
        ("Kho bạc nhà nước", "other"),
        ("Ủy ban nhân dân các cấp", "lead"),
        ("Ủy ban nhân dân cấp xã", "lead"),
        ("Các cơ quan liên quan ở địa phương", "support"),
        ("Các tỉnh, thành phố trực thuộc Trung ương", "other"),
    }


@pytest.mark.parametrize("fixture", ["u4_qd378_hagiang_2022.md", "u4_ld_qd_mucchi_2009.md"])
def test_a_document_that_assigns_nothing_gives_no_unit(fixture):
    """A decision publishing administrative procedures ("… thuộc thẩm quyền cấp của Sở Công Thương" in its table) and
    one setting spending rates ("đơn vị chủ trì tổ chức cuộc họp được áp dụng mức chi", "Người chủ trì cuộc họp",
    "kiểm tra, đôn đốc các sở, ban, ngành"): the bodies of the legal basis, the proposer, the execution clause and the
    objects of duties are no units."""
    assert roles_of(fixture) == set()


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # Thông tư 98/2013 Điều 5.2: the clause goes on over the commas of its own list
        (
            "Căn cứ Quyết định phê duyệt của UBND cấp huyện về danh sách, mức hỗ trợ người có công với cách mạng về "
            "nhà ở và kinh phí hỗ trợ, Sở Xây dựng tổng hợp danh sách",
            "Sở Xây dựng",
        ),
        # Điều 5.3: a bracket with commas inside the clause
        (
            "Căn cứ đề nghị hỗ trợ kinh phí của UBND các tỉnh, thành phố trực thuộc Trung ương và Quyết định phê duyệt "
            "của UBND cấp tỉnh (kèm theo danh sách, mức hỗ trợ từng đối tượng theo địa bàn từng đơn vị hành chính cấp "
            "huyện, cấp xã), Bộ Tài chính xác định phần kinh phí",
            "Bộ Tài chính",
        ),
    ],
)
def test_a_leading_clause_ends_at_the_comma_before_a_name(text, subject):
    found = SUBJECT.match(text)
    assert found is not None and found["units"] == subject


def test_a_clause_without_a_name_after_its_commas_has_no_subject():
    """No comma of the clause is followed by a name: "chủ trì" has no subject to lead."""
    text = "Trên cơ sở đề xuất kinh phí của các sở, ban, ngành, địa phương, chủ trì tổng hợp dự toán"
    assert SUBJECT.match(text) is None


def test_the_body_a_list_is_sent_to_chairs_its_review():
    text = "tổng hợp nhu cầu kinh phí gửi Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan liên quan"
    found = CHAIRED.search(text)
    assert found is not None and found["units"] == "Phòng Tài chính - Kế hoạch"


def test_the_short_name_a_text_gives_a_body_is_its_name():
    """QĐ 22/2013/QĐ-TTg Điều 6: "Ủy ban nhân dân phường, xã, thị trấn (sau đây gọi là Ủy ban nhân dân cấp xã)" is the
    body the text goes on to call "Ủy ban nhân dân cấp xã": one record under that name; a bracket naming no body is
    dropped."""
    named = "Ủy ban nhân dân phường, xã, thị trấn (sau đây gọi là Ủy ban nhân dân cấp xã)"
    assert _trim_name(named) == "Ủy ban nhân dân cấp xã"
    assert _trim_name("Các cơ sở (sau đây gọi chung là đơn vị)") == "Các cơ sở"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chỉ đạo các cơ sở cai nghiện ma túy công lập triển khai", "các cơ sở cai nghiện ma túy công lập"),
        ("Chỉ đạo các đơn vị hạch toán độc lập triển khai", "các đơn vị hạch toán độc lập"),
        ("Chỉ đạo các phòng chuyên môn lập dự toán", "các phòng chuyên môn"),
    ],
)
def test_lap_is_a_duty_but_cong_lap_and_doc_lap_are_not(text, expected):
    """ "lập" ends a name ("… Ủy ban nhân dân các quận, huyện lập thủ tục …"); "công lập", "độc lập" do not (03 Cần Thơ,
    odd: "các Cơ sở cai nghiện ma túy công lập")."""
    found = DIRECTED.search(text)
    assert found is not None and found["units"] == expected


def test_a_department_is_not_a_ministrys():
    assert organisations().is_national("Bộ Tài chính")
    assert canonical_name("Phòng Tài chính - Kế hoạch", "Bộ Tài chính") == "Phòng Tài chính - Kế hoạch"
    assert canonical_name("Phòng Kế hoạch - Tài chính", "Sở Y tế") == "Phòng Kế hoạch - Tài chính - Sở Y tế"
