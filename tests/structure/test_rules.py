"""One test per pattern family of the rule tables (structure/rules.py, schema/markers.py)."""

from __future__ import annotations

import pytest

from vnplan.schema.markers import match_marker
from vnplan.structure import rules
from vnplan.structure.identity import _split_signer_title, iso_date, org_case, parse_date, rejoin_spaced_letters
from vnplan.structure.sections import part_of


@pytest.mark.parametrize(
    ("line", "marker", "label"),
    [
        ("I. MỤC TIÊU", "roman", "I"),
        ("IV. TỔ CHỨC THỰC HIỆN", "roman", "IV"),
        ("2. Mục tiêu cụ thể", "arabic", "2"),
        ("1- Mục đích", "arabic", "1"),  # a Party document's numbering
        ("3.1. Đạt 30 giường bệnh/vạn dân", "dotted", "3.1"),
        ("2.3.1. Nâng cao năng lực", "dotted", "2.3.1"),
        ("1.1 Muc tiêu chung", "dotted", "1.1"),
        ("a) Giai đoạn đến năm 2030:", "letter", "a"),
        ("Mục tiêu 1: Phát triển kỹ thuật", "named", "1"),
        ("Chỉ tiêu 9:", "named", "9"),
        ("Phụ lục 5", "appendix", "5"),
        ("- Nâng cao khả năng tiếp cận", "bullet", "-"),
        ("+ Hỗ trợ đào tạo sau đại học", "bullet", "+"),
        ("* Kinh phí năm 2024", "bullet", "*"),
        ("A. MỤC ĐÍCH, YÊU CẦU", "capital", "A"),
        ("2.1.a. Thành lập Ban Chỉ đạo thực hiện", "dotted", "2.1.a"),
    ],
)
def test_section_markers(line, marker, label):
    found = match_marker(line)
    assert found is not None and (found.marker, found.label) == (marker, label)


@pytest.mark.parametrize(
    "line",
    [
        "40.0 giường",
        "2.965,055 triệu đồng",
        "1.250 triệu đồng",
        "19 01 19 25 475",
        "2-3 ngày một lần",
        "03-NQ/TU ngày 05/12/2016 của Ban Chấp hành Đảng bộ tỉnh",  # a reference wrapped onto its own line
        "Mục tiêu chung",
        "Q. GIÁM ĐỐC",  # signs for a director
        "A. Nguyễn Văn",  # a capital letter before words in small letters
    ],
)
def test_numbers_are_not_section_markers(line):
    assert match_marker(line) is None


@pytest.mark.parametrize(
    ("title", "part"),
    [
        ("MỤC TIÊU", "objectives"),
        ("Mục tiêu chung", "general_objectives"),
        ("Mục tiêu cụ thể và các chỉ tiêu", "specific_objectives"),
        ("Các mục tiêu và chỉ tiêu cụ thể:", "specific_objectives"),
        ("Một số chỉ tiêu chủ yếu đến năm 2025:", "indicators"),
        ("MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("MỤC ĐÍCH YÊU CẦU", "purpose"),  # the comma lost
        ("Mục đích", "aims"),
        ("NHIỆM VỤ VÀ GIẢI PHÁP CƠ BẢN", "tasks_solutions"),
        ("KINH PHÍ VÀ NGUỒN VỐN TRIỂN KHAI KẾ HOẠCH", "budget"),
        ("DỰ KIẾN KINH PHÍ THỰC HIỆN", "budget"),
        ("TỔ CHỨC THỰC HIỆN", "implementation"),
        ("Xây dựng, ban hành và tổ chức thực hiện có hiệu quả 03 chính sách", None),
        ("Đào tạo, phát triển nguồn nhân lực đáp ứng yêu cầu trong tình hình mới", None),
        # run-in headings: the label before the colon names the part, however long the text after it
        (
            "Mục đích: Chủ động phòng, chống dịch bệnh, không để dịch bùng phát trên địa bàn tỉnh; giảm tỷ lệ mắc",
            "aims",
        ),
        (
            "Mục tiêu chung: Nâng cao nhận thức về thiên tai, năng lực ứng phó thiên tai cho đội ngũ cán bộ",
            "general_objectives",
        ),
        ("Yêu cầu: Các cơ quan, đơn vị triển khai đồng bộ, hiệu quả các biện pháp phòng, chống dịch", "requirements"),
        ("Điều 2: Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành", "implementation"),
        # a resolution's article heads a part; a resolution that changes a plan words its targets as the change
        ("Điều 1: Mục tiêu, chỉ tiêu", "objectives"),
        ("Điều chỉnh một số chỉ tiêu chủ yếu", "indicators"),
        ("Bổ sung kinh phí cho các xã khó khăn", None),
        ("Đối tượng áp dụng", "scope"),
        ("PHẠM VI, ĐỐI TƯỢNG VÀ NỘI DUNG THI ĐUA", "scope"),
        ("Quan điểm", "principles"),
        ("Nguyên tắc thực hiện", "principles"),
        # views and aims under one heading: a container of "1. Quan điểm" and "2. Mục tiêu"
        ("QUAN ĐIỂM, MỤC TIÊU", "views_objectives"),
        ("Quan điểm chỉ đạo và mục tiêu", "views_objectives"),
        ("QUAN ĐIỂM CHỈ ĐẠO", "principles"),
        ("Thời gian thực hiện", "schedule"),
        ("Tiến độ thực hiện", "schedule"),
    ],
)
def test_part_rules(title, part):
    assert part_of(title) == part


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 21/6/2023", "2023-06-21"),
        ("12/12/2023", "2023-12-12"),
        ("ngày 07 tháng 1 năm 2022", "2022-01-07"),
        ("14 tháng 10 năm 2023", "2023-10-14"),
        ("32/13/2023", "2023"),
        ("không có ngày", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_partial_dates_from_the_date_line():
    m = rules.PLACE_DATE.search("Cẩm Thủy, ngày tháng 02 năm 2022")
    assert (m["place"], iso_date(m["day"], m["month"], m["year"])) == ("Cẩm Thủy", "2022-02")
    m = rules.PLACE_DATE.search("Yên Lạc, ngày      tháng      năm 2017")
    assert iso_date(m["day"], m["month"], m["year"]) == "2017"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # OCR of scans whose day (and month) were written in by hand: realdocs 29, 27, 33
        ("Kiên Giang, ngày ÈØ tháng 3 năm 2018", "2018-03"),
        ("Kiên Giang, ngày I ?tháng 1] năm 2017", "2017"),
        ("Hà Nội, ngày44tháng Q@năm 2026", "2026"),
        ("Kiên Giang, ngày 06 tháng 11 năm 2017", "2017-11-06"),
    ],
)
def test_a_handwritten_day_or_month_read_as_marks_is_left_unknown(line, iso):
    m = rules.PLACE_DATE.search(line)
    assert iso_date(m["day"], m["month"], m["year"]) == iso


@pytest.mark.parametrize(
    ("line", "number", "blank"),
    [
        ("Số: 243/KH-SYT", "243/KH-SYT", False),
        ("Số :           /KH-TTYT", "/KH-TTYT", True),
        ("Số: /KH-UBND", "/KH-UBND", True),
        ("Số: 2403/TTg-KGVX V/v Điều chỉnh mức trợ cấp", "2403/TTg-KGVX", False),  # a letter: its subject follows
        ("Số: 423/LĐ-TB&XH", "423/LĐ-TB&XH", False),
        # a Party body's numbers (corpus/dev/objectives3), a resolution's type before its number (finplan)
        ("Số 57-NQ/TW", "57-NQ/TW", False),
        ("Số 3260-KH/ĐĐQH15", "3260-KH/ĐĐQH15", False),
        ("Nghị quyết số: 49/2017/QH14 Độc lập - Tự do - Hạnh phúc NGHỊ QUYÉT", "49/2017/QH14", False),
    ],
)
def test_document_numbers(line, number, blank):
    m = rules.NUMBER_LINE.search(line)
    assert m["number"].replace(" ", "") == number and (m["digits"] is None) == blank


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Căn cứ Quyết định số 2913/QĐ-UBND ngày 12/12/2023 của Ủy ban nhân dân tỉnh về việc Ban hành Đề án",
            ("Quyết định", "2913/QĐ-UBND", "12/12/2023", "Ủy ban nhân dân tỉnh"),
        ),
        (
            "Thực hiện Chương trình hành động số 02-CTr/ĐU ngày 23/10/2025 của Ban Chấp hành Đảng bộ UBND tỉnh thực hiện",
            ("Chương trình hành động", "02-CTr/ĐU", "23/10/2025", "Ban Chấp hành Đảng bộ UBND tỉnh"),
        ),
        (
            "theo Thông tư 21/2019/TT-BYT ngày 21/8/2019 về hướng dẫn",
            ("Thông tư", "21/2019/TT-BYT", "21/8/2019", None),
        ),
    ],
)
def test_legal_references(text, expected):
    m = rules.LEGAL_REFERENCE.search(text)
    assert (m["type"], m["number"], m["date"], m["issuer"] and m["issuer"].strip()) == expected


@pytest.mark.parametrize(
    ("text", "cased"),
    [
        ("SỞ Y TẾ", "Sở Y tế"),
        ("UBND TỈNH LAI CHÂU", "UBND tỉnh Lai Châu"),
        ("Trung tâm y tế huyện Yên Lạc", "Trung tâm Y tế huyện Yên Lạc"),
        ("ỦY BAN NHÂN DÂN HUYỆN CẨM THỦY", "Ủy ban nhân dân huyện Cẩm Thủy"),
        ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và xã hội"),
        ("PHÒNG LAO ĐỘNG- TB&XH", "Phòng Lao động- TB&XH"),
    ],
)
def test_organization_casing(text, cased):
    assert org_case(text) == cased


@pytest.mark.parametrize(
    ("text", "authority", "title"),
    [
        ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"),
        ("TL. BỘ TRƯỞNG CỤC TRƯỞNG CỤC NGƯỜI CÓ CÔNG", "TL. BỘ TRƯỞNG", "CỤC TRƯỞNG CỤC NGƯỜI CÓ CÔNG"),
        ("KT, GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),  # OCR's comma for the full stop
        ("KT. BỘ TRƯỞNG", "KT. BỘ TRƯỞNG", None),  # the signer's own post not printed
        ("Q. GIÁM ĐỐC", None, "Q. GIÁM ĐỐC"),  # acting director: the post itself
        ("GIÁM ĐỐC", None, "GIÁM ĐỐC"),
    ],
)
def test_signer_authority_and_post(text, authority, title):
    assert _split_signer_title(text) == (authority, title)


@pytest.mark.parametrize(
    ("text", "start", "end", "horizon"),
    [
        ("giai đoạn 2023-2025 và định hướng đến năm 2030", 2023, 2025, 2030),
        ("thời kỳ 2021 - 2030, tầm nhìn đến năm 2045", 2021, 2030, 2045),
    ],
)
def test_periods(text, start, end, horizon):
    m = rules.PERIOD_RANGE.search(text)
    h = rules.PERIOD_HORIZON.search(text)
    assert (int(m["start"]), int(m["end"]), int(h["year"])) == (start, end, horizon)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("KẾ HOẠCH Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026", 2026),
        # samples/text/08: the title cites a circular by number and date; that year is not the plan's
        ("TRIỂN KHAI THỰC HIỆN THÔNG TƯ SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 CỦA BỘ XÂY DỰNG", None),
        # the plan's own moment is its year: an inventory "tại thời điểm 0h00 ngày 01 tháng 01 năm 2026"
        ("KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG THỜI ĐIỂM 0H00 NGÀY 01 THÁNG 01 NĂM 2026", 2026),
    ],
)
def test_plan_year_is_never_the_year_of_a_cited_document(title, year):
    m = rules.PERIOD_YEAR.search(title)
    assert (int(m["year"]) if m else None) == year


@pytest.mark.parametrize(
    ("clause", "partner"),
    [
        # Lai Châu seed (restored): the partner's name ends where the shared duty begins
        (
            "Phối hợp với Bảo hiểm xã hội tỉnh tăng cường truyền thông, vận động nhân dân tham gia",
            "Bảo hiểm xã hội tỉnh",
        ),
        ("phối hợp với các khoa/phòng đẩy mạnh công tác truyền thông", "các khoa/phòng"),
        ("phối hợp với Trung tâm Y tế huyện nâng cao chất lượng khám chữa bệnh", "Trung tâm Y tế huyện"),
        ("phối hợp với các sở, ngành có liên quan thực hiện", "các sở, ngành có liên quan"),
        # one or two words may qualify the cooperation before "với" (Lai Châu: "chặt chẽ" restored as
        # "chặt chế"); without "với", only "chặt chẽ" (seed 002)
        ("Phối hợp chặt chế với Sở Thông tin truyền thông trong việc triển khai", "Sở Thông tin truyền thông"),
        ("phối hợp thường xuyên với các khoa/phòng để", "các khoa/phòng"),
        ("phối hợp chặt chẽ các phòng, Ban liên quan trực thuộc Sở", "các phòng, Ban liên quan trực thuộc Sở"),
    ],
)
def test_a_support_unit_ends_before_the_duty(clause, partner):
    from vnplan.structure.units import SUPPORT

    assert SUPPORT.search(clause)["units"] == partner


@pytest.mark.parametrize(
    ("listed", "units"),
    [
        ("các khoa/phòng, trạm y tế xã", ["các khoa/phòng", "các trạm y tế xã"]),
        # Lai Châu seed: the shared "các" does not go before a unit that says its own plural
        ("các sở, ban, ngành, UBND các xã/phường", ["các sở, ban, ngành", "UBND các xã/phường"]),
        # "(có) liên quan" closes a group: two units in the Lai Châu seed, one in Thanh Hóa's (004)
        ("các sở, ngành có liên quan, đơn vị tuyến huyện", ["các sở, ngành có liên quan", "các đơn vị tuyến huyện"]),
        ("các sở, ban, ngành, đơn vị có liên quan", ["các sở, ban, ngành, đơn vị có liên quan"]),
    ],
)
def test_a_shared_cac_goes_to_each_unit_of_a_list_that_lacks_one(listed, units):
    from vnplan.structure.units import split_unit_list

    assert split_unit_list(listed) == units


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("các phòng chức năng của Sở Y tế", "Các phòng chức năng - Sở Y tế"),  # FORMAT.md: "của Sở"
        ("Các đơn vị của Sở Y tế", "Các đơn vị - Sở Y tế"),
        # Lai Châu seed "2. Các đơn vị trực thuộc Sở Y tế": "trực thuộc" already names the body
        ("Các đơn vị trực thuộc Sở Y tế", "Các đơn vị trực thuộc Sở Y tế"),
        ("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Y - Sở Y tế"),
    ],
)
def test_canonical_names_of_the_issuers_departments(name, canonical):
    from vnplan.structure.units import canonical_name

    assert canonical_name(name, "Sở Y tế") == canonical


@pytest.mark.parametrize(
    ("sentence", "directed"),
    [
        # Lai Châu seed (restored) and the Lâm Đồng sample: the units a department directs
        (
            "Chỉ đạo các trạm y tế xã, phường trên địa bàn có trách nhiệm tham mưu",
            "các trạm y tế xã, phường trên địa bàn",
        ),
        ("Chỉ đạo các đơn vị trực thuộc tiếp tục phối hợp với các bệnh viện tuyến Trung ương", "các đơn vị trực thuộc"),
        ("e) Chỉ đạo các đơn vị trực thuộc đẩy mạnh công tác tuyên truyền về CCHC", "các đơn vị trực thuộc"),
    ],
)
def test_units_a_department_directs(sentence, directed):
    from vnplan.structure.units import DIRECTED

    assert DIRECTED.search(sentence)["units"] == directed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("UBND TỈNH KIÊN GIANG", "KIÊN GIANG"),
        ("UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KIÊN GIANG"),  # the motto beside it
        ("UBND TỈNH KIÊN GIANG\nSỞ Y TẾ", "KIÊN GIANG"),  # the line below it (a header read by columns)
        ("trên địa bàn tỉnh Kiên Giang\nII. MỤC ĐÍCH", "Kiên Giang"),
        ("tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
    ],
)
def test_province_names_end_with_their_line(text: str, name: str) -> None:
    found = rules.PROVINCE_NAME.search(text)
    assert found is not None and found["name"] == name


@pytest.mark.parametrize(
    ("line", "org"),
    [
        (
            "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ -------",
            "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ",
        ),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH -------", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
        ("TỔ CÔNG TÁC LIÊN NGÀNH TƯ", "TỔ CÔNG TÁC LIÊN NGÀNH TƯ"),
        ("SỞ Y TẾ", "SỞ Y TẾ"),
        ("VĂN PHÒNG CHÍNH PHỦ ------", "VĂN PHÒNG CHÍNH PHỦ"),
        ("THỦ TƯỚNG CHÍNH PHỦ -------", "THỦ TƯỚNG CHÍNH PHỦ"),
        ("PHÒNG LAO ĐỘNG- TB&XH", "PHÒNG LAO ĐỘNG- TB&XH"),
        ("ĐẢNG ĐOÀN QUỐC HỘI", "ĐẢNG ĐOÀN QUỐC HỘI"),  # a Party body under the Central Committee
    ],
)
def test_issuer_header_lines(line, org):
    m = rules.ISSUER_HEADER_LINE.match(line)
    assert m is not None and m["org"] == org


@pytest.mark.parametrize(
    ("line", "org"),
    [
        ("BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN KHÓA VII, KỲ HỌP THỨ 3", "HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN"),
        ("QUỐC HỘI", "QUỐC HỘI"),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", None),  # the body without its place names none
    ],
)
def test_authority_lines_name_the_body(line, org):
    m = rules.AUTHORITY_BODY.match(line)
    assert (m["org"] if m else None) == org


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Số: 2214/BXD-QLN V/v: Hỗ trợ người có công với cách mạng về nhà ở.", True),
        ("Số: 8424/VPCP-KTTH\tV/v trợ cấp một lần", True),
        ("Số: 518/QĐ-UBND", False),
    ],
)
def test_letter_subjects(text, found):
    assert bool(rules.LETTER_SUBJECT.search(text)) is found


@pytest.mark.parametrize(
    ("title", "own"),
    [
        ("KẾ HOẠCH VỐN NĂM 2023 THỰC HIỆN ĐỀ ÁN ĐẢM BẢO CƠ SỞ VẬT CHẤT GIAI ĐOẠN 2022-2025", "KẾ HOẠCH VỐN NĂM 2023"),
        ("Triển khai thực hiện Chương trình nâng cao chất lượng y tế giai đoạn 2021 - 2025", "Triển khai"),
    ],
)
def test_the_programme_a_document_serves(title, own):
    m = rules.SERVES_PROGRAMME.search(title)
    assert title[: m.start()] == own


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("Só:độ /KH-TCTLNTW-C04", True),
        ("Sóz?|/KH-SYT", True),
        ("Số: 3210/QĐ - UBND", True),
        ("Sở Y tế ban hành", False),
    ],
)
def test_number_lines_however_ocr_read_so(line, hint):
    assert bool(rules.NUMBER_LINE_HINT.match(line)) is hint


@pytest.mark.parametrize(
    ("line", "marks"),
    [  # realdocs 25 and 27 as OCR read their handwritten numbers; drafts with the number left blank
        ("Sóz?(/KH-SYT", True),
        ("Số:-“455 /KH-SYT", True),
        ("Số:       /KH-UBND", False),
        ("Số : /KH-TTYT", False),
        ("Số: 359/KH-SYT", False),  # read: the number is no marks
    ],
)
def test_an_entry_in_the_number_lines_blank(line, marks):
    m = rules.NUMBER_BLANK_MARKS.match(line)
    assert bool(m and m["marks"].strip(" .:…") and not m["marks"].strip().isdigit()) is marks


def test_short_names_and_the_preamble_naming_the_issuer():
    text = "… về tìm kiếm, quy tập hài cốt liệt sĩ từ nay đến năm 2020 (gọi tắt là Ban Chỉ đạo quốc gia 1237);"
    assert rules.SHORT_NAME.search(text)["short"] == "Ban Chỉ đạo quốc gia 1237"
    assert rules.SHORT_NAME.search("(sau đây viết tắt là “Ban Chỉ đạo”)")["short"] == "Ban Chỉ đạo"
    stated = rules.ISSUER_SENTENCE.search("Căn cứ …, Ban Chỉ đạo quốc gia 1237 xây dựng kế hoạch thực hiện như sau:")
    assert stated["org"] == "Ban Chỉ đạo quốc gia 1237"
    assert rules.HEADER_ABBREVIATION.search("Tổ công tác liên ngành TƯ")
    assert not rules.HEADER_ABBREVIATION.search("Sở Kế hoạch và Đầu tư")


@pytest.mark.parametrize(
    ("text", "rejoined"),
    [
        ("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
        ("T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014", "Thành phố Hồ Chí Minh, ngày 28 tháng 6 năm 2014"),
        ("KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tín"),
        ("UBND TP Hà Nội", "UBND TP Hà Nội"),  # abbreviations are no letter-spaced word
        ("Sở Y tế tỉnh Hòa Bình", "Sở Y tế tỉnh Hòa Bình"),
    ],
)
def test_letter_spaced_words_are_rejoined(text, rejoined):
    assert rejoin_spaced_letters(text) == rejoined


def test_signature_and_stamp_patterns():
    assert rules.PERSON_NAME.match("Đại tá Bùi Duy Hưng")["name"] == "Bùi Duy Hưng"
    assert rules.PERSON_NAME.match("Phạm Minh Chính")["name"] == "Phạm Minh Chính"
    assert rules.SIGNER_POST.search("PHÓ CHỦ TỊCH") and not rules.SIGNER_POST.search("CUỤC CẢNH SÁT ĐTTP VỀ MA TÚY")
    assert rules.STAMP_DEBRIS.sub("", "ĐẾN Ga:...C......., Quy định mức hưởng") == "Quy định mức hưởng"
    assert rules.STAMP_DEBRIS.sub("", "Quy định mức hưởng trợ cấp, phụ cấp") == "Quy định mức hưởng trợ cấp, phụ cấp"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Công tác phối hợp … phải được thực hiện đồng bộ, chặt chẽ", "must"),
        ("Đảm bảo đúng chủ trương, đường lối của Đảng", "ensure_conformity"),
        # openings of the "Yêu cầu" items of realdocs 03, 07, 11, 31 and the devdoc units-hcm-qd2820
        ("Bám sát nội dung Nghị quyết số 163/2024/QH15", "follow_closely"),
        ("Bảo đảm sự chỉ đạo, điều hành thống nhất của Ủy ban nhân dân tỉnh", "ensure_conformity"),
        ("Xác định cụ thể các nội dung công việc, thời hạn, tiến độ hoàn thành", "define_duties"),
        ("Phân công trách nhiệm cụ thể, rõ ràng cho từng sở, ngành, phường, xã, đặc khu", "assign_duties"),
        ("Người đứng đầu cơ quan, tổ chức được giao nhiệm vụ tích cực, chủ động triển khai", "bodies_told"),
        ("Các sở, ban, ngành, Ủy ban nhân dân các xã, phường chủ động triển khai", "bodies_told"),
        ("Các hoạt động tổ chức thiết thực, tránh hình thức, lãng phí", "avoid_formality"),
        # devdoc ob-NgheAn-KH982 item 2, and the requirements of inspection plans
        (
            "Đợt thi đua được triển khai sâu rộng, đồng bộ, xuyên suốt từ tỉnh đến cơ sở, bảo đảm thiết thực",
            "manner_of_conduct",
        ),
        ("Việc kiểm tra được tiến hành nghiêm túc, khách quan, đúng quy định", "manner_of_conduct"),
        ("Kết quả kiểm tra được tổng hợp, báo cáo kịp thời", "manner_of_conduct"),
        ("Không gây ảnh hưởng đến hoạt động bình thường của đơn vị được kiểm tra", "no_disruption"),
        ("Thực hiện nghiêm túc Chỉ thị số 32/CT-TTg nhằm bảo vệ bí mật nhà nước", None),
        ("Triển khai thực hiện kịp thời, đồng bộ, hiệu quả Kế hoạch số 14-KH/TU của Ban Thường vụ Tỉnh ủy", None),
        # aims
        ("Tăng cường phối hợp trong công tác kiểm soát", None),
        ("Thu hút sự quan tâm của các cấp, các ngành trong việc thúc đẩy bình đẳng giới", None),
        ("Xác định chính xác số lượng, giá trị tài sản công hiện có", None),
        ("Nâng cao nhận thức, trách nhiệm của các cơ quan, đơn vị về bình đẳng giới", None),
        ("Thông qua Đợt thi đua, kịp thời biểu dương, tôn vinh, khen thưởng, nhân rộng các điển hình tiên tiến", None),
        ("Chủ động khắc phục những tồn tại, hạn chế; không để xảy ra các vụ lộ, mất bí mật nhà nước", None),
    ],
)
def test_requirement_wordings(text, family):
    assert rules.requirement_wording(text) == family


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Giai đoạn 2025-2027", "period_label"),
        ("Năm 2026:", "period_label"),
        ("Đến năm 2030", "period_label"),
        ("Thời kỳ 2026 - 2030", "period_label"),
        # devdoc ob-TW-QD2597: "c) Tầm nhìn đến năm 2035" above its bullets
        ("Tầm nhìn đến năm 2035", "period_label"),
        ("Một số chỉ tiêu cơ bản bao gồm:", "lead_in"),
        ("Phấn đấu đến năm 2026 đạt các mục tiêu cụ thể như sau", "lead_in"),
        ("Phấn đấu đạt các chỉ tiêu sau đây", "lead_in"),
        ("Đối với trẻ em", "topic_label"),
        ("Tại địa bàn có khu công nghiệp", "topic_label"),
        ("Về mạng lưới trường, lớp:", "topic_label"),
        ("Về đích nông thôn mới nâng cao trước năm 2030", None),
        ("Về giáo dục: nâng cao chất lượng dạy học", None),
        ("Nâng cao chất lượng dịch vụ công đến năm 2030", None),
        ("Giai đoạn 2026 - 2030 tập trung phát triển hạ tầng số", None),
        ("Cung cấp dịch vụ số bao trùm, thông minh", None),
    ],
)
def test_lines_of_an_objectives_part_that_state_no_aim(text, family):
    assert rules.states_no_aim(text) == family


def test_status_wording():
    assert rules.STATUS_OPENING.match("Hiện nay, tổng số trạm thu phát sóng … khoảng 180 trạm")
    assert not rules.STATUS_OPENING.match("Hoàn thành bổ sung, điều chỉnh quy hoạch viễn thông")


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai).", True),
        ("Hoàn thành tuyển sinh các lớp đầu cấp trước ngày 31/7/2025.", True),
        ("Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.", True),
        ("Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo.", False),
        ("Căn cứ Nghị định số 105/2021/NĐ-CP", False),
    ],
)
def test_timetable_dates(text, dated):
    assert bool(rules.TIMETABLE_DATE.search(text)) is dated


def test_timetable_fields():
    assert rules.DEADLINE_FIELD.match("Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.")["when"].startswith("trước")
    assert (
        rules.TIMETABLE_DEADLINE.search("Hoàn thành tuyển sinh trước ngày 31/7/2025").group(0)
        == " trước ngày 31/7/2025"
    )
    assert rules.STEP_LABEL.sub("", "Bước 2: Kiểm tra hiện trạng nhà ở") == "Kiểm tra hiện trạng nhà ở"


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Tháng 12/2025: Tổng hợp kết quả", True),
        ("Từ tháng 1 đến tháng 3 năm 2026", True),
        ("Quý I/2026", True),
        ("quý II năm 2026", True),
        ("Trong năm 2026", False),
        ("Tháng hành động vì trẻ em", False),
    ],
)
def test_schedule_dates(text, dated):
    assert bool(rules.SCHEDULE_DATE.search(text)) is dated


@pytest.mark.parametrize(
    ("title", "issued"),
    [
        ("VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026", "KẾ HOẠCH"),
        # devdoc ob-TW-QD2629: a decision that approves a programme issues it as much as one that promulgates it
        ("VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ", "CHƯƠNG TRÌNH"),
        ("Phê duyệt Đề án chuyển đổi số trong hoạt động xây dựng", "Đề án"),
        ("Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính", None),
    ],
)
def test_decisions_that_issue_a_plan(title, issued):
    found = rules.ISSUES_A_PLAN.search(title)
    assert (found["type"] if found else None) == issued


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Nghị quyết này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt\nNam khoá XIV, kỳ họp thứ 4 thông qua "
            "ngày 13 tháng 11 năm 2017.",
            ("13", "11", "2017"),
        ),
        (
            "Nghị quyết này được Hội đồng nhân dân tỉnh khoá XVI, kỳ họp thứ mười tám thông qua ngày 11 tháng 12 năm 2009.",
            ("11", "12", "2009"),
        ),
        ("Nghị quyết này được đại biểu Hội đồng nhân dân tỉnh Tiền Giang khoá VII, kỳ họp thứ 6 thông qua.", None),
        ("Dự thảo đã được thông qua ngày 11 tháng 12 năm 2009.", None),  # not the document's own closing
    ],
)
def test_adoption_dates(text, date):
    m = rules.ADOPTION_DATE.search(text)
    assert ((m["day"], m["month"], m["year"]) if m else None) == date


@pytest.mark.parametrize(
    ("title", "org", "rest"),
    [
        ("CỦA BỘ CHÍNH TRỊ về đột phá phát triển khoa học", "BỘ CHÍNH TRỊ", "về đột phá phát triển khoa học"),
        ("CỦA BAN BÍ THƯ về tăng cường sự lãnh đạo", "BAN BÍ THƯ", "về tăng cường sự lãnh đạo"),
        ("VỀ CHẾ ĐỘ BẢO HIỂM Y TẾ", None, None),
    ],
)
def test_party_issuer_at_the_head_of_the_title(title, org, rest):
    m = rules.ISSUER_IN_TITLE.match(title)
    assert ((m["org"], m["rest"]) if m else (None, None)) == (org, rest)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # corpus/dev/objectives3/tw-bcd-phien1-tin-ket-luan-2025.md, a news report's dateline under its lead
        ("NDO - Chiều 20/1, tại Trụ sở Trung ương Đảng … Thứ hai, ngày 20/01/2025 - 19:33", ("20", "01", "2025")),
        ("Căn cứ Quyết định ngày 20/01/2025 của Ủy ban nhân dân tỉnh", None),  # no weekday, no clock: no dateline
    ],
)
def test_news_datelines(text, date):
    m = rules.NEWS_DATELINE.search(text)
    assert ((m["day"], m["month"], m["year"]) if m else None) == date
