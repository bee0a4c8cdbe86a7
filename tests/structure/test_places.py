"""Where each plan belongs: issuing province and district, then and now, and places records name."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import processed

import vnplan
from vnplan.extract import extract
from vnplan.normalize import NormalizedDocument, normalize
from vnplan.schema.model import Place, Provenance, Unit
from vnplan.structure import admin_units
from vnplan.structure.places import locate_document, locate_records, match, mentions

LAM_DONG = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "lamdong_cchc_2026_excerpt.txt"

# seed → (issuing level, province code then, the list it is from, province code now)
SEEDS = {
    "000": ("province", "17", "Tỉnh Hòa Bình", "25"),  # Hòa Bình, now part of Phú Thọ
    "001": ("province", "12", "Tỉnh Lai Châu", "12"),  # OCR-damaged "LAICHAU" in the header
    "002": ("district", "26", "Tỉnh Vĩnh Phúc", "25"),  # TTYT huyện Yên Lạc, Vĩnh Phúc, now Phú Thọ
    "003": ("district", "38", "Tỉnh Thanh Hóa", "38"),  # UBND huyện Cẩm Thủy: the province is never named
    "004": ("province", "38", "Tỉnh Thanh Hóa", "38"),
}


def _doc(tmp_path: Path, text: str) -> NormalizedDocument:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return normalize(extract(path))


def _unit(doc: NormalizedDocument, name: str) -> Unit:
    start = doc.text.index(name)
    span = Provenance(
        page=None, start=start, end=start + len(name), text=name, raw_text=name, method="test", confidence=1
    )
    return Unit(id="u1", name=name, canonical_name=name, role="lead", tasks=[], provenance=span)


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_every_seed_resolves_its_province_then_and_now(prefix):
    level, code, official, now = SEEDS[prefix]
    doc = processed(prefix).document
    assert doc.issuer_level == level
    assert (doc.province.code, doc.province.official_name, doc.province.level) == (code, official, "province")
    assert doc.province.province.code == code
    assert doc.province.current.code == now
    assert (doc.district is not None) == (level == "district")


def test_yen_lac_is_vinh_phuc_then_and_phu_tho_now():
    doc = processed("002").document
    assert doc.province.code_list == "pre_2025"  # issued in 2017
    district = doc.district
    assert (district.name, district.official_name, district.code) == ("Yên Lạc", "Huyện Yên Lạc", "251")
    assert (district.province.name, district.province.code) == ("Tỉnh Vĩnh Phúc", "26")
    assert (district.current.name, district.current.code) == ("Tỉnh Phú Thọ", "25")
    assert district.provenance.text == "huyện Yên Lạc"


def test_cam_thuy_gives_its_province_though_the_text_never_names_it():
    doc = processed("003").document
    assert (doc.district.official_name, doc.district.code, doc.district.resolution) == (
        "Huyện Cẩm Thủy",
        "390",
        "official_name",
    )
    assert (doc.province.name, doc.province.code, doc.province.resolution) == ("Thanh Hóa", "38", "from_district")
    assert doc.province.provenance.text == "Cẩm Thủy"


def test_districts_named_in_budget_lines_and_units():
    plan = processed("000")
    by_code = {b.place.code: b.place for b in plan.budgets if b.place}
    assert {"150", "153", "154", "155", "156", "157", "158", "159"} <= set(by_code)  # Đà Bắc … Lạc Thủy
    assert by_code["154"].official_name == "Huyện Cao Phong"
    assert by_code["154"].current.code == "25"
    cao_phong = next(b for b in plan.budgets if b.place and b.place.code == "154")
    assert plan.text[cao_phong.place.provenance.start : cao_phong.place.provenance.end] == "huyện Cao Phong"
    # A misspelt city ("TP. Thành Hòa") matches Thành phố Thanh Hóa only without diacritics, and says so.
    city = next(u.place for u in processed("004").units if u.place)
    assert (city.official_name, city.code, city.resolution) == ("Thành phố Thanh Hóa", "380", "unaccented")


def test_post_2025_plan_uses_the_34_province_list(tmp_path):
    province = vnplan.process(LAM_DONG).document.province
    assert (province.code, province.code_list, province.current.code) == ("68", "post_2025", "68")
    assert province.official_name == "Tỉnh Lâm Đồng"  # the merged province of 2025, not the old one of the same code
    where = locate_document(_doc(tmp_path, "x"), "Ủy ban nhân dân tỉnh Lâm Đồng", province, "2026-01")
    doc = _doc(tmp_path, "Kế hoạch tuyên truyền.\nGiao Lãnh đạo UBND xã Đức Trọng chủ trì.\n")
    unit = _unit(doc, "Lãnh đạo UBND xã Đức Trọng")
    units, _, _, warnings = locate_records(doc, where, "2026-01", [unit], [], [])
    place = units[0].place
    assert (place.official_name, place.code, place.level, place.code_list) == (
        "Xã Đức Trọng",
        "24958",
        "commune",
        "post_2025",
    )
    assert place.provenance.text == "xã Đức Trọng"
    assert warnings == []


def test_a_municipality_named_only_in_the_header(tmp_path):
    doc = _doc(tmp_path, "QUYẾT ĐỊNH\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nCăn cứ Luật Tổ chức.\n")
    where = locate_document(doc, None, None, "2014-06-28")
    assert where.issuer_level == "province"
    assert (where.province.official_name, where.province.code, where.province.current.code) == (
        "Thành phố Hồ Chí Minh",
        "79",
        "79",
    )


def test_unknown_or_ambiguous_places_stay_null_with_a_warning(tmp_path):
    doc = _doc(tmp_path, "UBND huyện Châu Thành ban hành kế hoạch. TYT xã Phú Sơn; TYT xã Quảng Phú.\n")
    where = locate_document(doc, "UBND huyện Châu Thành", None, "2020")  # a district of ten provinces
    assert where.issuer_level == "district"
    assert (where.district.code, where.district.resolution) == (None, "ambiguous")
    assert where.province is None
    assert [w.code for w in where.warnings] == ["place_ambiguous"]

    nowhere = locate_document(doc, "UBND huyện Không Có", None, "2020")
    assert (nowhere.district.code, nowhere.district.resolution) == (None, "not_found")
    assert nowhere.warnings[0].code == "place_not_found"

    province = Place(name="Thanh Hóa", level="province", text="tỉnh Thanh Hóa")
    thanh_hoa = locate_document(doc, "Sở Y tế tỉnh Thanh Hóa", province, "2023")
    units = [_unit(doc, "TYT xã Phú Sơn"), _unit(doc, "TYT xã Quảng Phú")]
    located, _, _, warnings = locate_records(doc, thanh_hoa, "2023", units, [], [])
    assert (located[0].place.name, located[0].place.code, located[0].place.resolution) == ("Phú Sơn", None, "ambiguous")
    assert [w.code for w in warnings] == ["place_ambiguous"]
    assert located[1].place.code == "15571"  # the xã, not the phường of the same name


def test_matching_by_name_kind_and_diacritics():
    assert match("Laichau", "province", "pre_2025", ("Tỉnh",)).unit.code == "12"
    assert match("Laichau", "province", "pre_2025", ("Tỉnh",)).resolution == "unaccented"
    assert match("Hoà Bình", "province", "pre_2025", ("Tỉnh",)).unit.code == "17"  # old tone placement
    assert match("Quảng Phú", "commune", "pre_2025", (), lambda u: u.province_code == "38").resolution == "ambiguous"
    assert match("Quảng Phú", "commune", "pre_2025", ("Xã",), lambda u: u.province_code == "38").unit.code == "15571"
    assert match("Yên Lạc", "district", "pre_2025", ("Huyện",)).unit.code == "251"


def test_mentions_of_places_in_unit_names():
    found = [(m.kind, m.name) for m in mentions("TTYT Thành phố, TYT Quỳnh Lâm (TPHB), Trung tâm Y tế huyện Cao Phong")]
    assert found == [("tyt", "Quỳnh Lâm"), ("huyện", "Cao Phong")]
    assert [m.name for m in mentions("UBND phường Xuân Hương - Đà Lạt và xã Bảo Lâm 1")] == [
        "Xuân Hương - Đà Lạt",
        "Bảo Lâm 1",
    ]
    assert mentions("Trung tâm YT các huyện/thành phố") == []


def test_the_official_lists_and_the_2025_mapping():
    assert sum(u.level == "province" for u in admin_units.units("pre_2025")) == 63
    assert sum(u.level == "province" for u in admin_units.units("post_2025")) == 34
    assert not any(u.level == "district" for u in admin_units.units("post_2025"))
    assert admin_units.current_province("26") == ("Tỉnh Phú Thọ", "25")  # Vĩnh Phúc
    assert admin_units.current_province("17") == ("Tỉnh Phú Thọ", "25")  # Hòa Bình
    assert admin_units.current_province("99") is None
    assert admin_units.SOURCE == "vietnamadminunits 1.0.4"


def test_the_library_data_read_directly_agrees_with_the_library():
    """admin_units reads the library's data files without importing it (a slow import)."""
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import query

    for columns in admin_units._COLUMNS.values():
        assert admin_units._rows(f"SELECT DISTINCT {columns}") == query(f"SELECT DISTINCT {columns}")
    for unit in admin_units.units("pre_2025"):
        if unit.level == "province":
            new = convert_address(unit.official_name)
            assert admin_units.current_province(unit.code) == (new.province, new.province_code)


@pytest.mark.parametrize(
    ("issuer", "level", "province_code", "district_code"),
    [
        ("Sở Y tế Thành phố", "province", None, None),
        ("UBND thành phố Hồ Chí Minh", "province", "79", None),  # a municipality is a province
        ("Trung tâm Y tế thành phố Hòa Bình", "district", "17", "148"),  # a provincial city is a district
        ("Bệnh viện đa khoa huyện Cao Phong", "district", "17", "154"),
        ("UBND huyện", "district", None, None),  # district-level, but no name to resolve
        ("UBND xã Yên Lạc", "commune", None, None),
        ("Bộ Y tế", "central", None, None),
        ("Cục Thống kê tỉnh Thanh Hóa", "province", None, None),
    ],
)
def test_issuing_level_from_the_issuer(tmp_path, issuer, level, province_code, district_code):
    where = locate_document(_doc(tmp_path, f"{issuer}\n"), issuer, None, "2020")
    assert where.issuer_level == level
    assert (where.province.code if where.province else None) == province_code
    assert (where.district.code if where.district else None) == district_code
