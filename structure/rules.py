"""Rule tables for structuring: the vocabulary of Vietnamese plans, kept as data.

Each table has a test family in tests/structure/test_rules.py. Patterns match normalized
text (NFC, "hòa" tone placement); part patterns match lower-cased heading titles.
"""

from __future__ import annotations

import regex

from vnplan.schema.markers import DOCUMENT_TYPES

TITLE_WORD_LIMIT = 30


def _c(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.V1 | flags)


# Standard parts of a plan, recognized from the first words of heading titles (first match wins).
# An article of a resolution or decision may head a part ("Điều 1. Mục tiêu, chỉ tiêu").
_LEAD = r"^(?:điều\s+\d+\s*[:.]\s*)?(?:(?:các|những|một\s+số|dự\s+kiến|về)\s+)?"
# A numbered goal: "Mục tiêu 2: <title>", also "Mục tiêu 2. <title>", "Mục tiêu 2 - <title>", "Mục tiêu số 2:" (not
# "Mục tiêu 2.1"): one specific objective, its title on its line
_NUMBERED_GOAL = r"mục\s+tiêu\s+(?:số\s+)?\d{1,2}\s*(?:[:.](?!\d)|[-–](?=\s))"
NUMBERED_GOAL = _c("^" + _NUMBERED_GOAL, regex.I)
NUMBERED_GOAL_TITLE = _c(_NUMBERED_GOAL + r"\s*(?P<title>\S.*)$", regex.I)
PART_RULES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("general_objectives", _c(_LEAD + r"mục\s+tiêu\s+(?:chung|tổng\s+quát)")),
    # "I. QUAN ĐIỂM, MỤC TIÊU" holds "1. Quan điểm" and "2. Mục tiêu" (with "a) Mục tiêu chung" …): a container of both,
    # not the views alone
    ("views_objectives", _c(_LEAD + r"quan\s+điểm(?:\s+chỉ\s+đạo)?\s*(?:,|và|-|–)\s*(?:các\s+)?mục\s+tiêu")),
    (
        "specific_objectives",
        _c(_LEAD + r"mục\s+tiêu\s+(?:và\s+(?:các\s+)?chỉ\s+tiêu\s+)?cụ\s+thể|^" + _NUMBERED_GOAL),
    ),
    ("objectives", _c(_LEAD + r"mục\s+tiêu")),
    # a resolution that changes a plan words its list of targets as the change ("Điều chỉnh một số chỉ tiêu chủ yếu")
    ("indicators", _c(_LEAD + r"(?:(?:điều\s+chỉnh|bổ\s+sung)\s+(?:(?:các|một\s+số)\s+)?)?chỉ\s+tiêu")),
    # "Mục đích, yêu cầu" holds both; alone, "Mục đích" states the plan's aims, "Yêu cầu" how to work
    # (the comma between them may be lost: "I. MỤC ĐÍCH YÊU CẦU")
    ("purpose", _c(_LEAD + r"mục\s+đích\s*(?:,|và|-|–)?\s*yêu\s+cầu")),
    ("aims", _c(_LEAD + r"mục\s+đích")),
    ("requirements", _c(_LEAD + r"yêu\s+cầu")),
    ("tasks_solutions", _c(_LEAD + r"(?:nhiệm\s+vụ|giải\s+pháp)")),
    ("budget", _c(_LEAD + r"(?:kinh\s+phí|nguồn\s+vốn|dự\s+toán|nguồn\s+kinh\s+phí)")),
    (
        "implementation",
        _c(
            _LEAD + r"(?:tổ\s+chức\s+thực\s+hiện|phân\s+công\s+(?:trách\s+nhiệm|nhiệm\s+vụ|thực\s+hiện)|"
            r"trách\s+nhiệm\s+(?:thực\s+hiện|của\s+các)|tổ\s+chức\s+triển\s+khai(?:\s+thực\s+hiện)?$)"
            # a decision's article that assigns: "Điều 2. Giao Sở Công Thương chủ trì, phối hợp với …"
            r"|^điều\s+\d+\s*[:.]?\s*giao\s"
        ),
    ),
    ("content", _c(_LEAD + r"nội\s+dung")),
    # who and what a plan covers ("Đối tượng áp dụng", "Phạm vi, đối tượng"): neither aims nor tasks
    ("scope", _c(_LEAD + r"(?:đối\s+tượng|phạm\s+vi)")),
    # the views a plan is built on ("Quan điểm", "Nguyên tắc thực hiện") and its schedule ("Thời gian thực
    # hiện", "Tiến độ", "Lộ trình"): standard parts that state no aim, also where they stand under "Mục tiêu"
    ("principles", _c(_LEAD + r"(?:quan\s+điểm|nguyên\s+tắc)")),
    ("schedule", _c(_LEAD + r"(?:thời\s+gian\s+(?:thực\s+hiện|triển\s+khai)|tiến\s+độ|lộ\s+trình)")),
)
# Under a "Mục đích, yêu cầu" part that does not divide its items into "Mục đích" and "Yêu cầu", an item worded as a
# requirement is not an aim. The wordings, by family (first match names it):
REQUIREMENT_WORDINGS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # "… phải được thực hiện đồng bộ"
    ("must", _c(r"\bphải\b", regex.I)),
    # "Đảm bảo đúng chủ trương …", "Bảo đảm sự chỉ đạo, điều hành thống nhất …"
    (
        "ensure_conformity",
        _c(
            r"^(?:đảm\s+bảo|bảo\s+đảm)\s+(?:đúng|tính|yêu\s+cầu|các\s+yêu\s+cầu|sự\s+(?:lãnh\s+đạo|chỉ\s+đạo|phối\s+hợp))\b",
            regex.I,
        ),
    ),
    ("follow_closely", _c(r"^bám\s+sát\b", regex.I)),  # "Bám sát nội dung Nghị quyết …"
    # "Xác định cụ thể các nội dung công việc, thời hạn …", "Phân công trách nhiệm cụ thể …"
    (
        "define_duties",
        _c(
            r"^xác\s+định\s+(?:cụ\s+thể\s+|rõ\s+)?(?:các\s+)?(?:nội\s+dung\s+công\s+việc|trách\s+nhiệm|nhiệm\s+vụ)\b",
            regex.I,
        ),
    ),
    ("assign_duties", _c(r"^phân\s+công\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\b", regex.I)),
    # bodies told what to do: "Người đứng đầu …", "Các sở, ban, ngành … chủ động triển khai"
    ("bodies_told", _c(r"^người\s+đứng\s+đầu\b|^(?:các|những)\s+(?:sở|cơ\s+quan|đơn\s+vị|địa\s+phương)\b", regex.I)),
    ("avoid_formality", _c(r"\btránh\s+(?:hình\s+thức|phô\s+trương|lãng\s+phí)\b", regex.I)),
    # how the plan's own activity is carried out: "Đợt thi đua được triển khai sâu rộng, đồng bộ …", "Việc kiểm tra
    # được tiến hành nghiêm túc …", "Kết quả kiểm tra được tổng hợp, báo cáo kịp thời"
    (
        "manner_of_conduct",
        _c(
            r"^(?:việc|công\s+tác|đợt|phong\s+trào|(?:các\s+)?hoạt\s+động|quá\s+trình|kết\s+quả|nội\s+dung)\b[^.;:]{0,80}?"
            r"\bđược\s+(?:triển\s+khai|tổ\s+chức|tiến\s+hành|thực\s+hiện|tổng\s+hợp|báo\s+cáo|đánh\s+giá)\b",
            regex.I,
        ),
    ),
    # "Không gây ảnh hưởng đến hoạt động của đơn vị được kiểm tra"
    ("no_disruption", _c(r"^không\s+(?:gây|làm)\s+(?:ảnh\s+hưởng|cản\s+trở|phiền\s+hà|xáo\s+trộn)\b", regex.I)),
)


def requirement_wording(text: str) -> str | None:
    """The family of requirement wording ``text`` uses (REQUIREMENT_WORDINGS), or None for an aim."""
    return next((name for name, pattern in REQUIREMENT_WORDINGS if pattern.search(text)), None)


# Lines in an objectives part that state no aim of their own, by family: a period or year heading a list of targets
# ("- Giai đoạn 2025-2027", "Năm 2026:", "a) Đến năm 2030", "c) Tầm nhìn đến năm 2035"), a lead-in to the items below that lost its colon or never
# had one ("Mục tiêu cụ thể như sau", "Phấn đấu đạt các chỉ tiêu sau đây", "Một số chỉ tiêu cơ bản bao gồm"), and
# the topic of a group of targets.
NOT_AN_AIM: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        "period_label",
        _c(
            r"^(?:(?:tầm\s+nhìn|định\s+hướng)\s+)?(?:giai\s+đoạn|thời\s+kỳ|(?:đến|từ|trong)?\s*năm|đến\s+hết\s+năm)\s+(?:19|20)\d\d"
            r"(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*:?$",
            regex.I,
        ),
    ),
    ("lead_in", _c(r"(?:như\s+sau|sau\s+đây|(?:cụ\s+thể|chỉ\s+tiêu|mục\s+tiêu)\s+sau|bao\s+gồm|gồm)\s*:?$", regex.I)),
    # the topic a group of targets is about, alone on its line: "- Đối với trẻ em", "Về mạng lưới trường, lớp",
    # "Tại địa bàn có khu công nghiệp" (not "Về đích nông thôn mới …", a goal)
    (
        "topic_label",
        _c(
            r"^(?:đối\s+với|về(?!\s+đích)|tại|trong\s+lĩnh\s+vực|lĩnh\s+vực)\s+(?:[^\s:]+\s+){0,10}[^\s:]+\s*:?$",
            regex.I,
        ),
    ),
)


def states_no_aim(text: str) -> str | None:
    """The family (NOT_AN_AIM) of a line in an objectives part that states no aim of its own, or None."""
    return next((name for name, pattern in NOT_AN_AIM if pattern.search(text)), None)


# A paragraph under "Mục tiêu" that tells where things stand ("Hiện nay, tổng số trạm … khoảng 180 trạm")
# states no aim.
STATUS_OPENING = _c(r"^(?:hiện\s+nay|hiện\s+tại|tính\s+đến|thực\s+trạng|qua\s+\d+\s+năm)\b", regex.I)
# Parts inside which a sub-heading may name a part of its own ("Chỉ tiêu 1" under "Mục tiêu 1").
CONTAINER_PARTS = frozenset(
    {
        "objectives",
        "general_objectives",
        "specific_objectives",
        "views_objectives",
        "content",
        "purpose",
        "tasks_solutions",
        "scope",
    }
)
HEADING_WORD_LIMIT = 16
# An article of a resolution or decision, by its number: "Điều 1. Mục tiêu, chỉ tiêu" (its title as the section tree
# writes it: "Điều 1: Mục tiêu, chỉ tiêu").
ARTICLE_HEADING = _c(r"^điều\s+\d+\s*[:.]\s*", regex.I)
# A run-in heading: a short label, a colon, the text ("1. Mục đích: Chủ động …", "a) Mục tiêu chung: …").
RUN_IN_HEADING = _c(r"^(?P<label>[^:;.()]{3,60}?)\s*:\s*(?P<rest>\S.*)$", regex.S)
# A part heading in capitals that goes on into the next line ends in a comma or a joining word.
WRAPPED_HEADING_END = _c(r"(?:,|\s(?:VÀ|và|CỦA|của)|\s[-–])$")
WRAPPED_HEADING_WORDS = 8

# Document types, as printed in capitals above the title (the contract lists them: normalize reads them too).
DOC_TYPES: dict[str, str] = {caps: caps[:1] + caps[1:].lower() for caps in DOCUMENT_TYPES}  # "KẾ HOẠCH" → "Kế hoạch"
# Document types that are plans (a Nghị quyết of an HĐND may set a programme); a decision that
# attaches one of them issues a plan.
PLAN_TYPES = frozenset({"Kế hoạch", "Đề án", "Chương trình", "Chương trình hành động", "Nghị quyết"})
# "Quyết định … về việc ban hành Kế hoạch …", "… phê duyệt Chương trình …": a decision whose articles are (or
# attach) a plan
ISSUES_A_PLAN = _c(
    r"(?:ban\s+hành|phê\s+duyệt)\s+(?P<type>kế\s+hoạch|đề\s+án|chương\s+trình)\b\s*(?P<subject>.*)", regex.I
)
# An appendix published on its own whose opening says what it is attached to: "PHỤ LỤC I … (Kèm theo Chương
# trình hành động tại Nghị quyết số …)", "(Ban hành kèm theo Kế hoạch số …)": a part of a plan.
APPENDIX_OF_PLAN = _c(
    r"^\W*phụ\s+lục\b[^\n]*(?:\n[^\n]*){0,6}?\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\s+"
    r"(?:kế\s+hoạch|đề\s+án|chương\s+trình)\b",
    regex.I,
)
DOC_TYPE_LINE = _c(r"^(?P<type>" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")\s*$")
# After a decision's "Nơi nhận" the attached document may name its type and subject on one line in capitals: "CHƯƠNG
# TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW" (no lower-case letter, a short line).
ATTACHED_TITLE_LINE = _c(r"^(?P<type>" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")\s[^\p{Ll}]{3,120}$")
# A copy without its header opens on the type and the subject in one sentence: "Nghị quyết về quy hoạch phát triển
# thương mại tỉnh Phú Thọ đến năm 2020", "Chỉ thị về việc xây dựng kế hoạch …": the type, then the title.
TITLE_WITH_TYPE = _c(
    r"^(?P<type>"
    + "|".join(sorted((t[:1] + t[1:].lower() for t in DOC_TYPES), key=len, reverse=True))
    + r")\s+(?P<title>(?:về|ban\s+hành|phê\s+duyệt|thông\s+qua)\s+\S.{10,})$"
)

# The code after the slash of a document number names its type: 243/KH-SYT is a Kế hoạch.
NUMBER_TYPE_CODES: dict[str, str] = {
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "CT": "Chỉ thị",
    "CTr": "Chương trình",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "ĐA": "Đề án",
}

# A letter's subject under its number ("Số: 2403/TTg-KGVX V/v Điều chỉnh mức trợ cấp …"): a Công văn has
# no type line, and its number no type code, only the issuing body's ("TTg-KGVX", "BXD-QLN").
LETTER_SUBJECT = _c(r"(?:^|\s|\t)[Vv]/[Vv]\b")
# "Số: 243/KH-SYT", "Số :     /KH-TTYT" (number left blank), "Số 24/KH-UBND".
# "Số: 243/KH-SYT"; OCR may read the slash as "[" or "|" ("S6:243 [KH-SYT"), spaces may surround the dash.
# Decrees carry the year: "Số: 75/2021/NĐ-CP".
# The line may name the type before "số" ("Nghị quyết số: 86/2019/QH14", a resolution of the Quốc hội); a Party
# body numbers its documents with a dash before the type code ("Số 57-NQ/TW", "Số 3260-KH/ĐĐQH15").
NUMBER_LINE = _c(
    r"^(?:(?:Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Thông\s+tư)\s+số|Số)\s*:?\s*"
    r"(?P<number>(?P<digits>\d+)\s*-\s*(?P<code>\p{Lu}[\p{L}\d&]*\s*/\s*\p{Lu}[\p{L}\d&]*)(?![\p{L}\d/])"
    r"|(?P<digits>\d+)?\s*[/\[|]\s*(?:(?:19|20)\d\d\s*/\s*)?"
    r"(?P<code>[\p{L}\d&]+(?:\s*[-–.]\s*[\p{L}\d&]+)*))"
)
DOC_NUMBER = _c(r"(?P<digits>\d{1,5})\s*/\s*(?:(?P<year>\d{4})/)?(?P<code>\p{Lu}[\p{L}\d]*(?:[-–.]\p{Lu}[\p{L}\d]*)*)")

# "Yên Lạc, ngày 12 tháng 5 năm 2017", "Cẩm Thủy, ngày tháng 02 năm 2022" (day left blank).
# (the unaccented spellings cover OCR that lost the marks: "ngay 77thang 11 nam 2025"). A day or month
# written in by hand that OCR read as marks ("ngày ÈØ tháng 3", "tháng 1] năm", "tháng Q@năm") is left
# unknown rather than guessed from a stray digit: the date keeps what was printed.
_HANDWRITTEN = r"\S{1,4}(?:\s\S{1,2})?"
PLACE_DATE = _c(
    r"(?P<place>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})\s*,\s*ng[àa]y\s*(?:(?P<day>\d{1,2})|(?P<day_marks>"
    + _HANDWRITTEN
    + r"))?\s*th[áa]ng\s*(?:(?P<month>\d{1,2})|(?P<month_marks>"
    + _HANDWRITTEN
    + r"))?\s*n[ăa]m\s*(?P<year>\d{4})"
)
NUMERIC_DATE = _c(r"(?<!\d)(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})(?!\d)")
WORDED_DATE = _c(r"(?:ngày\s+)?(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})")

# A receiving stamp printed over the title's first lines: its labels with dot leaders ("ĐẾN Ga:...C.......,",
# "Máy:.. LÊ<tab>"), up to the comma or the column break after them.
STAMP_DEBRIS = _c(r"^(?:\p{L}+\s+){0,2}\p{L}+\s*:\s*\.{2,}[^,\t]*[,\t]\s*")
# The issuing body, printed in capitals in the header's left column ("BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM,
# QUY TẬP HÀI CỐT LIỆT SĨ"); the rule drawn under it may follow on the line as dashes ("-------").
ISSUER_HEADER_LINE = _c(
    r"^(?P<org>(?:UBND|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|SỞ|BỘ|CHÍNH\s+PHỦ|TRUNG\s+TÂM|BỆNH\s+VIỆN|"
    r"BAN|PHÒNG|CỤC|CHI\s+CỤC|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND|TỈNH\s+ỦY|HUYỆN\s+ỦY|TỔ\s+CÔNG\s+TÁC|"
    r"VĂN\s+PHÒNG|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|QUỐC\s+HỘI|TỔNG\s+CỤC|ĐẢNG\s+ĐOÀN|ĐẢNG\s+ỦY|ĐẢNG\s+UỶ|BAN\s+CÁN\s+SỰ)"
    r"\b[\p{Lu}\p{N}\s\-–,&]*?)"
    r"[\s,]*(?:[-–—_]{3,}\s*)?(?=\s+CỘNG\s+HÒA|\s*$)"
)
# The line under a document's title that names who issues it, when the header does not: "ỦY BAN NHÂN DÂN
# THÀNH PHỐ HỒ CHÍ MINH", "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" (the body is the minister's
# ministry), "HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN KHÓA VII, KỲ HỌP THỨ 3" (without its term), "QUỐC HỘI".
AUTHORITY_BODY = _c(
    r"^(?:(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|TRƯỞNG\s+BAN)\s+)?"
    r"(?P<org>(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+\p{Lu}[\p{Lu}\s]*?"
    r"|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+\p{Lu}[\p{Lu}\s]*?"
    r"|BỘ\s+\p{Lu}[\p{Lu}\s,\-–]*?|SỞ\s+\p{Lu}[\p{Lu}\s,\-–]*?|QUỐC\s+HỘI|CHÍNH\s+PHỦ)"
    r"(?:[\s,]+(?:KHÓA|KHOÁ|NHIỆM\s+KỲ|KỲ\s+HỌP)\b.*)?\s*$"
)
# A national body's name as OCR may print it without its marks ("QUOC HOI", "QUÓC HỌI"): the header's body or the
# authority line, compared without marks.
NATIONAL_BODIES_UNMARKED: dict[str, str] = {
    "QUOC HOI": "Quốc hội",
    "CHINH PHU": "Chính phủ",
    "THU TUONG CHINH PHU": "Thủ tướng Chính phủ",
}
# A Party document names its issuing body at the head of its title, under the type: "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ
# về …", "CHỈ THỊ CỦA BAN BÍ THƯ"; the header above names only the Central Committee it belongs to.
ISSUER_IN_TITLE = _c(
    r"^CỦA\s+(?P<org>BỘ\s+CHÍNH\s+TRỊ|BAN\s+BÍ\s+THƯ|BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG(?:\s+ĐẢNG)?)\b[\s,:]*(?P<rest>.*)$"
)
# The signer's post where a copy has lost its header: the Prime Minister signs for the Thủ tướng Chính phủ.
ISSUER_BY_SIGNER_POST: dict[str, str] = {
    "THỦ TƯỚNG": "Thủ tướng Chính phủ",
    "CHỦ TỊCH QUỐC HỘI": "Quốc hội",
}
# A resolution or a law dated by its adoption, in its closing sentence: "Nghị quyết này được Quốc hội … khóa XIV,
# kỳ họp thứ 8 thông qua ngày 12 tháng 11 năm 2019." (a resolution of the Quốc hội prints no place-date line).
ADOPTION_DATE = _c(
    r"(?:Nghị\s+quyết|Luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s[^.;]{0,240}?\bthông\s+qua\s+ngày\s+"
    r"(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})"
)

# A news report's dateline: weekday, date and clock time ("Thứ hai, ngày 20/01/2025 - 19:33"); the date it was
# published, for a page that prints no document header.
NEWS_DATELINE = _c(
    r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật),\s+(?:ngày\s+)?(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
    r"\s*[-–,]\s*\d{1,2}:\d{2}\b",
    regex.I,
)

# The number line with an entry in its blank that is no number: digits written in by hand and read as
# marks ("Sóz?(/KH-SYT", "Số:-“455 /KH-SYT"); a blank left empty ("Số:      /KH-UBND") has none.
NUMBER_BLANK_MARKS = _c(r"^S[ốóòỏõọôồổỗộoơ6]\s*[:.]?(?P<marks>.{0,12}?)[/|\[(]?\s*\p{Lu}{2,}[-–]\p{Lu}")
# A line that holds the document's number however OCR read "Số" ("Só:độ /KH-TCTLNTW-C04", "Sóz?|/KH-SYT"):
# the issuing body stands above it; a body named below it is a receiving stamp ("UBND TỈNH LÂM ĐỒNG / ĐẾN").
NUMBER_LINE_HINT = _c(r"^S[ốóòỏõọôồổỗộoơ6]\S{0,3}\s*[:.]?.{0,12}?[/|\[]\s*\p{Lu}{2}")
# The header abbreviates where the text writes out ("TỔ CÔNG TÁC LIÊN NGÀNH TW" for "… trung ương"): a last
# word of at most three capitals that is an abbreviation.
HEADER_ABBREVIATION = _c(r"(?<!\bđầu)\s(?:TW|TƯ|TP\.?|UB|BCĐ)$", regex.I)
# "… (gọi tắt là Ban Chỉ đạo quốc gia 1237)", "(sau đây viết tắt là …)": the short name a document gives a body.
SHORT_NAME = _c(
    r"\(\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*:?\s*[“\"]?(?P<short>[^()“”\"]{3,80}?)[”\"]?\s*\)", regex.I
)
# The second line of a body's name wrapped in the header: "TỈNH BẮC NINH", "THÀNH PHỐ CẦN THƠ", "LAI CHÂU".
ISSUER_HEADER_PLACE = _c(
    r"^(?:(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+)?\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,3}$"
)
# "Sở Y tế ban hành Kế hoạch", "Trung tâm y tế huyện Yên Lạc xây dựng Kế hoạch", "UBND huyện ban hành".
ISSUER_SENTENCE = _c(
    r"(?:^|[.;]\s+|,\s+|[|_'`]\s*)(?P<org>(?:Sở|Trung\s+tâm|UBND|Ủy\s+ban\s+nhân\s+dân|Bệnh\s+viện|Phòng|Ban|Bộ|Cục|Chi\s+cục|"
    r"Tổ\s+[Cc]ông\s+tác)(?:\s+[\p{L}\-]+){0,8}?(?:\s+\d{2,5})?)\s+(?:ban\s+hành|xây\s+dựng|triển\s+khai|thực\s+hiện|đề\s+ra)\s+(?:[Kk]ế\s+hoạch|[Đđ]ề\s+án|"
    r"[Cc]hương\s+trình)"
)
# Administrative divisions named after an issuer or in the text.
# A name in capitals ("TỈNH LAI CHÂU") or in title case ("tỉnh Lai Châu"), up to four words.
# (never running on into the national motto printed beside it: "TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI …",
# nor over a line end into the line below it: "TỈNH KIÊN GIANG" / "SỞ Y TẾ" of a header read by columns)
_NOT_MOTTO = r"(?!CỘNG\b|Cộng\b)"
_PLACE_WORDS = (
    r"(?P<name>\p{Lu}{2,}(?:[^\S\n]+"
    + _NOT_MOTTO
    + r"\p{Lu}{2,}){0,3}(?!\p{Ll})|\p{Lu}\p{Ll}+(?:[^\S\n]+"
    + _NOT_MOTTO
    + r"\p{Lu}\p{Ll}*){0,3})"
)
PROVINCE_NAME = _c(r"(?<![\p{L}])(?:tỉnh|TỈNH|Tỉnh)\s+" + _PLACE_WORDS)
# The centrally governed cities are provinces: "UBND thành phố Hồ Chí Minh" is a provincial issuer.
CENTRAL_CITY = _c(
    r"(?<![\p{L}])(?i:thành\s+phố|tp\.?)\s+(?P<name>(?i:Hà\s+Nội|Hồ\s+Chí\s+Minh|Hải\s+Phòng|Đà\s+Nẵng|Cần\s+Thơ|Huế))(?!\p{L})"
)
DISTRICT_NAME = _c(r"(?<![\p{L}])(?:huyện|HUYỆN|thị\s+xã|THỊ\s+XÃ|thành\s+phố|THÀNH\s+PHỐ|quận|QUẬN)\s+" + _PLACE_WORDS)

# Planning period: "giai đoạn 2023-2025", "thời kỳ 2021 - 2030", "định hướng đến năm 2030", "tầm nhìn đến năm 2045".
PERIOD_RANGE = _c(
    r"(?:giai\s+đoạn|thời\s+kỳ|thời\s+gian|nhiệm\s+kỳ|năm\s+học|niên\s+độ|năm)\s+(?:từ\s+(?:năm\s+)?)?(?P<start>(?:19|20)\d\d)\s*[-–—]\s*"
    r"(?:đến\s+(?:năm\s+)?)?(?P<end>(?:19|20)\d\d)",
    regex.I,
)
PERIOD_HORIZON = _c(r"(?:định\s+hướng|tầm\s+nhìn)\s+(?:đến\s+)?(?:năm\s+)?(?P<year>(?:19|20)\d\d)", regex.I)
# "Đề án … đến năm 2030", "giai đoạn đến năm 2020" (not a horizon: "định hướng đến năm 2030")
PERIOD_UNTIL = _c(
    r"(?<!định\s+hướng\s+|tầm\s+nhìn\s+)(?:từ\s+nay\s+)?đến\s+năm\s+(?P<year>(?:19|20)\d\d)(?!\s*[-–])", regex.I
)
# "… năm 2023 thực hiện Đề án … giai đoạn 2022-2025": the words after are the name of the programme the
# document serves, whose period is the programme's, not the document's own.
SERVES_PROGRAMME = _c(
    r"\s(?:thực\s+hiện|triển\s+khai)\s+(?:\d+\s+|các\s+)?(?:đề\s+án|chương\s+trình|kế\s+hoạch|nghị\s+quyết|chiến\s+lược|dự\s+án|quy\s+hoạch)\b",
    regex.I,
)
# "Kế hoạch … năm 2026": a plan for one year; never the year a cited document was issued
# ("Thông tư số 09/2013/TT-BXD ngày 01 tháng 7 năm 2013")
PERIOD_YEAR = _c(
    r"(?<![-–]\s*|/\S*\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+)\bnăm\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–])", regex.I
)

# A step of a timetable written as a list carries a date: "Ngày 26/8/2024", "trước ngày 31/7/2025",
# "từ ngày 06/9/2024", "ngày 15 tháng 6 năm 2025" (a day and month without a year only after "ngày").
TIMETABLE_DATE = _c(
    r"(?<!\d)\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d(?!\d)|\bngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\d)"
    r"|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}",
    regex.I,
)
# Under a heading that names the schedule ("Tiến độ thực hiện", "Thời gian thực hiện", "Lộ trình") a step may be
# dated by its month or quarter alone: "Tháng 12/2025", "tháng 01 năm 2026", "Quý I/2026", "quý II năm 2026".
SCHEDULE_DATE = _c(
    r"\btháng\s+\d{1,2}\s*(?:/\s*|\s+năm\s+)(?:19|20)\d\d(?!\d)|\bquý\s+(?:[IV]{1,3}|[1-4])\s*(?:/\s*|\s+năm\s+)(?:19|20)\d\d(?!\d)",
    regex.I,
)
# The date clause that closes a step: "… trước ngày 30/6/2025", "… từ ngày 01/3 đến ngày 15/3/2026".
TIMETABLE_DEADLINE = _c(r"\s(?:trước|từ|đến|vào|trong|chậm\s+nhất)\s+(?:ngày|tháng)\s.*$", regex.I)
# A step's deadline given on a line of its own below it: "Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014".
DEADLINE_FIELD = _c(
    r"^(?:thời\s+(?:gian|hạn)|hạn)(?:\s+(?:hoàn\s+(?:tất|thành)|thực\s+hiện))?\s*:\s*(?P<when>.+)$", regex.I
)
# Numbering words before a step's name: "Bước 2: Kiểm tra hiện trạng …", "Hoạt động 1: …".
STEP_LABEL = _c(r"^(?:bước|hoạt\s+động|giai\s+đoạn)\s+\d{1,2}\s*[:.]\s*", regex.I)
# What may stand before the subject of a step: its date ("Quý I/2027, các cơ quan … đánh giá …", "Trước ngày
# 15/12/2025: Các cơ quan, đơn vị thành lập …") or the basis it acts on ("Căn cứ Kế hoạch …, các cơ quan … xây
# dựng …"). A step whose subject, behind them, is a body is a unit task (R6).
STEP_LEAD_CLAUSE = _c(
    r"^(?:(?:trước|từ|đến|trong|vào|chậm\s+nhất|sau)?\s*(?:ngày|tháng|quý|tuần|năm)\s[^:,;]{0,60}?[:,]"
    r"|căn\s+cứ\s[^;:]{0,200}?,)\s*",
    regex.I,
)
# Cited documents: "Nghị quyết số 18-NQ/TU ngày 21/6/2023 của Ban Thường vụ Tỉnh ủy Hòa Bình về …".
LEGAL_TYPES = (
    "Chương trình hành động",
    "Nghị quyết",
    "Quyết định",
    "Kế hoạch",
    "Chỉ thị",
    "Thông tư",
    "Nghị định",
    "Luật",
    "Công văn",
    "Kết luận",
    "Hướng dẫn",
    "Thông báo",
    "Chương trình",
    "Đề án",
)
LEGAL_REFERENCE = _c(
    r"(?P<type>" + "|".join(LEGAL_TYPES) + r")\s+(?:số\s*:?\s*)?"
    r"(?P<number>\d{1,5}(?:/\d{4})?[-/][\p{L}\d]+(?:[-/.][\p{L}\d]+)*)"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s*,?\s*(?:của|do)\s+(?P<issuer>(?:(?!\s+(?:về|v/v|thực\s+hiện|phê\s+duyệt|ban\s+hành|triển\s+khai|đã|và|nhằm|tại))"
    r"[^,;()“\"])+))?",
)

# An appendix's note of the document it belongs to, where the number or the day may still be blank (a draft,
# or a number and day filled in at signing): "(Kèm theo Kế hoạch số /KH-UBND ngày /01/2026 của UBND tỉnh …)".
# When it names the document itself (same type, same number or both blank), it may date it more precisely
# than a header whose day and month were left blank.
OWN_ATTACHMENT_NOTE = _c(
    r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\s+(?P<type>" + "|".join(LEGAL_TYPES) + r")\s+số\s*:?\s*"
    r"(?P<digits>\d{1,5})?\s*(?P<code>(?:/\d{4})?/[\p{L}\d]+(?:-[\p{L}\d]+)*)\s*,?\s*ngày\s*"
    r"(?:(?P<day>\d{1,2})?\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})"
    r"|(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4}))",
    regex.I,
)

# Signature block: authority line (KT./TM./TL.), title, name.
SIGNER_AUTHORITY = _c(
    r"^(?P<authority>(?:KT|TM|TL|Q|TUQ)\s*[.,]\s*\p{Lu}[\p{Lu}\s]+?)\s*(?P<title>(?:PHÓ\s+)?\p{Lu}[\p{Lu}\s]+)?$"
)
SIGNER_TITLE = _c(
    r"^(?P<title>(?:PHÓ\s+)?(?:GIÁM\s+ĐỐC|CHỦ\s+TỊCH|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
    r"CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|VIỆN\s+TRƯỞNG|THỦ\s+TƯỚNG|KT\.\s*\p{Lu}[\p{Lu}\s]+))\s*$"
)
# The signer's name, after a military or academic rank where one is printed ("Đại tá Bùi Duy Hưng").
PERSON_NAME = _c(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|úy|tướng)\s+|(?:TS|ThS|BS|PGS\.\s*TS|GS\.\s*TS)\.?\s+)?"
    r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})\s*$"
)
# A signer's title names a post: capitals without one ("CUỤC CẢNH SÁT ĐTTP VỀ MA TÚY", "S142") are
# a seal or OCR debris read beside the signature.
SIGNER_POST = _c(r"CHỦ\s+TỊCH|CHỦ\s+NHIỆM|GIÁM\s+ĐỐC|TRƯỞNG|THỦ\s+TƯỚNG|CHÁNH\s+VĂN\s+PHÒNG|TỔNG\s+BÍ\s+THƯ|BÍ\s+THƯ")
