"""Units: who is assigned what in "Tổ chức thực hiện", with role, tasks and indicator references.

Two layouts cover most plans: a numbered unit name followed by its duties as bullets
("1. Phòng Nghiệp vụ Y" / "- Chủ trì …"), and a sentence that assigns ("Giao Trung tâm Y tế
huyện … xây dựng Kế hoạch"). Units named after "phối hợp với" in a duty are support units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Activity, Indicator, Task, Unit
from vnplan.structure import confidence, places
from vnplan.structure.admin_units import Level
from vnplan.structure.lexicon import letters_of, organisations, unit_id
from vnplan.structure.metrics import metric_for
from vnplan.structure.rules import ARTICLE_HEADING
from vnplan.structure.sections import Line, SectionNode, first_sentence

LEXICON = organisations()
# Abbreviations expanded in canonical names (whole words only); standard department names, as written
# in running text → as the department names itself.
ABBREVIATIONS: dict[str, str] = LEXICON.abbreviations
DEPARTMENTS: dict[str, str] = LEXICON.departments
_DEPARTMENT = regex.compile(
    r"^(?P<head>Phòng)\s+(?P<name>"
    + "|".join(k.replace(" ", r"\s*[-–—]?\s*") for k in DEPARTMENTS)
    + r")(?=\s|$|[-–,])",
    regex.I,
)
_ABBREVIATION = regex.compile(
    r"(?<![\p{L}\-])("
    + "|".join(regex.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\p{L}])"
)
# Words that start a unit's name, in any case ("Sở Y tế", "phối hợp với các khoa/phòng", "UBND các xã").
_HEAD_WORDS = LEXICON.head_pattern()
# Office-holders stand for their body: "Giám đốc Sở Tài chính", "Thủ trưởng các đơn vị".
# ("Các thành viên Tổ công tác … triển khai": its members stand for the body too)
_OFFICE_HOLDER = (
    r"(?:Thủ\s+trưởng|Trưởng|Lãnh\s+đạo|Giám\s+đốc|Chủ\s+tịch|Tư\s+lệnh|Bộ\s+trưởng|(?:Các\s+)?[Tt]hành\s+viên)"
)
UNIT_HEAD = regex.compile(r"^(?:" + _HEAD_WORDS + r"|Đề\s+nghị\b)", regex.V1 | regex.I)
# (in small letters: a capital starts a word of the name, "Sở Xây dựng", "Ban Quản lý"; "nghiêm túc", "khẩn trương",
# "chủ động", "kịp thời" qualify the duty that follows: "yêu cầu các sở … nghiêm túc triển khai")
_ASSIGNED_VERBS = (
    r"(?=\s+(?-i:có\s+trách\s+nhiệm|trên\s+cơ\s+sở|là\s+(?:cơ\s+quan|đơn\s+vị|đầu\s+mối)|chủ\s+trì|căn\s+cứ|phối\s+hợp|tham\s+mưu|"
    r"chịu\s+trách\s+nhiệm|xây\s+dựng|tổ\s+chức\s+(?:thực\s+hiện|triển\s+khai)|thực\s+hiện|đẩy\s+mạnh|chỉ\s+đạo|"
    r"triển\s+khai|báo\s+cáo|nghiêm\s+túc|khẩn\s+trương|chủ\s+động|kịp\s+thời|phản\s+ánh)\b)"
)
# "Giao Sở Nội vụ (cơ quan thường trực …):" names its unit before a bracket or colon too
ASSIGN = regex.compile(r"^Giao\s+(?P<units>.+?)(?:" + _ASSIGNED_VERBS + r"|\s*[(:]|\s*$)")
# "tổ chức" is a duty ("tổ chức thực hiện"), but a body in "các tổ chức xã hội", "cơ quan, tổ chức, cá nhân"
# (a noun after "các": "các tổ chức phi chính phủ"; before a comma too, unless a duty follows: "cơ quan, tổ chức, cá nhân"
# names bodies, "tổ chức, triển khai thực hiện" is a duty)
_ORGANIZE = (
    r"(?<!\b(?:các|những|mọi)\s)tổ\s+chức(?!\s*,(?!\s*(?:triển\s+khai|thực\s+hiện|hướng\s+dẫn|kiểm\s+tra|theo\s+dõi)\b)"
    r"|\s+(?:xã\s+hội|chính\s+trị|thành\s+viên|đoàn\s+thể|hội|quốc\s+tế|cá\s+nhân|có\s+liên\s+quan)\b)"
)
# The verbs of duties, one table: a unit's name ends where its duty begins ("Sở Xây dựng triển khai …"), and a
# numbered item's subject ends there too ("3. Sở Văn hóa, Thể thao và Du lịch chủ trì, …"). Matched in small letters
# only: a capital starts a word of the name ("Sở Xây dựng", "Ban Quản lý", "Phòng Tổ chức - Hành chính").
DUTY_VERBS: tuple[str, ...] = (
    "chủ trì",
    "là cơ quan",
    "là đơn vị",
    "là đầu mối",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "căn cứ",
    "khẩn trương",
    "nghiên cứu",
    "phối hợp",
    "tham mưu",
    "thực hiện",
    "triển khai",
    "xây dựng",
    "hoàn thành",
    "rà soát",
    "tuyên truyền",
    "giám sát",
    "kiểm tra",
    "đảm bảo",
    "bảo đảm",
    "tiến hành",
    "tiếp tục",
    "cập nhật",
    "cung cấp",
    "vận động",
    "chỉ đạo",
    "hướng dẫn",
    "theo dõi",
    "quản lý",
    "đôn đốc",
    "tăng cường",
    "đẩy mạnh",
    "đẩy nhanh",
    "nâng cao",
    "thúc đẩy",
    "chủ động",
    "ban hành",
    "bố trí",
    "lồng ghép",
    "phát huy",
    "quán triệt",
    "đề xuất",
    "báo cáo",
    "phân công",
    "áp dụng",
    "thẩm định",
    "điều tra",
    "nhắc nhở",
    "tập trung",
    "nghiêm túc",
    "kịp thời",
    "liên kết",
    "liên hệ",
    "phản ánh",
    "xác định",
    "tham gia",
    "cử",
    "duy trì",
    "ưu tiên",
    "tổng hợp",
    "thu thập",
    "chia sẻ",
    "số hóa",
    "phổ biến",
    # (a modal opens the duty: "Các đơn vị trực thuộc Sở cần xem xét bố trí cán bộ …")
    "cần",
    # ("Văn phòng Đảng đoàn Quốc hội giúp Đảng đoàn Quốc hội triển khai …", "Cơ quan thường trực giúp Ủy ban …")
    "giúp",
    # (a Party body's duty: "Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động …")
    "lãnh đạo",
    # (the verbs of a regulation's articles and a procedure's steps: "Điều 9. Các đơn vị thuộc Sở … có nhiệm vụ", "Giám
    # đốc Sở … phân bổ và ban hành Quyết định giao dự toán", "Ủy ban nhân dân cấp xã đối chiếu, lập danh sách …")
    "có nhiệm vụ",
    "phân bổ",
    "đối chiếu",
    "thẩm tra",
    "cân đối",
    "tổng kết",
    "sơ kết",
    # ("Giao Sở Tài chính phối hợp với … Ủy ban nhân dân các quận, huyện lập thủ tục giải quyết kinh phí")
    "lập",
    "xét duyệt",
    # ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương quyết định giao dự toán cho UBND cấp huyện")
    "quyết định giao",
    "quyết định phân bổ",
)
# (a verb that is also a noun of a body's name: "các viện nghiên cứu"; or passive, part of a name that refers back to the
# bodies the plan assigns: "Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm …")
_NOUN_AFTER = {
    "nghiên cứu": r"(?<!\bviện\s)",
    "cử": r"(?<!\bbầu\s)",
    "phân công": r"(?<!\bđược\s)",
    "phân bổ": r"(?<!\bđược\s)",
    # ("các cơ sở cai nghiện ma túy công lập", "Quỹ … thành lập theo …": no duty)
    "lập": r"(?<!\bthành\s)(?<!\bthiết\s)(?<!\bđộc\s)(?<!\bsáng\s)(?<!\bcông\s)",
    # ("Trung tâm Trợ giúp pháp lý", "Cơ sở trợ giúp xã hội")
    "giúp": r"(?<!\b[Tt]rợ\s)",
}
# (a verb that goes on into a noun of a body's name: "Tổ giúp việc Ban Chỉ đạo", "Cơ quan giúp việc")
_NOUN_BEFORE = {"giúp": r"(?!\s+việc\b)"}
# A duty verb inside a body's name is no duty: right after a head whose name goes on with the work the body is for
# ("Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện triển khai …": the name ends at "triển khai"; "Hội đồng thẩm
# định", "Đoàn kiểm tra"), or inside the quotes of a name ("Ban Chỉ đạo “Đổi mới phong cách, thái độ phục vụ …”").
_IN_A_NAME = r"(?<!" + LEXICON.purpose_pattern() + r")(?<!“[^”\n]*)"
_DUTY_VERBS = (
    r"(?:(?:"
    + "|".join(
        _NOUN_AFTER.get(v, "") + v.replace(" ", r"\s+") + _NOUN_BEFORE.get(v, "")
        for v in sorted(DUTY_VERBS, key=len, reverse=True)
    )
    + "|"
    + _ORGANIZE
    + r")\b"
    + _IN_A_NAME
    + ")"
)
# A unit's name in running text ends where its duty begins: at a duty verb, a purpose or place ("để", "nhằm",
# "trong"), "có" (not "có liên quan"), "được", or punctuation.
_NAME_ENDS = (
    r"(?=\s+(?-i:"
    + _DUTY_VERBS
    + r"|(?:để|trong|nhằm|có|được)\b|tại\b(?<!\bđóng\s+tại))(?<!\bcó)|\s+có\b(?!\s+liên\s+quan)|[.;:()]|$)"
)
# "Đề nghị X …": a request to a body the issuer does not direct. "Yêu cầu các sở, ngành … thực hiện", "Khuyến khích
# các doanh nghiệp …" ask too; the issuer may be the sentence's subject ("Ủy ban nhân dân Thành phố yêu cầu các Sở …",
# "nếu có khó khăn, vướng mắc đề nghị các cơ quan …"), but "theo yêu cầu", "đáp ứng yêu cầu" name no request.
REQUEST = regex.compile(
    # ("hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen": a proposal on file, no body asked)
    r"(?<!\S)(?<!\b(?:theo|đáp\s+ứng|các|những|đúng|có|được|của|về|mọi|hồ\s+sơ|văn\s+bản|tờ\s+trình)\s+)"
    r"(?P<verb>đề\s+nghị|yêu\s+cầu|khuyến\s+khích)\s+"
    # ("đề nghị cơ quan có thẩm quyền xử lý": a proposal to whoever is competent, no body asked)
    r"(?!(?:các\s+)?(?:cơ\s+quan|cấp)\s+(?:nhà\s+nước\s+)?có\s+thẩm\s+quyền)(?P<units>"
    # ("Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã …": an office holder stands for the body)
    + r"(?:"
    + _OFFICE_HOLDER
    + r"\s+)?(?:"
    + _HEAD_WORDS
    + r"|doanh\s+nghiệp)\b[^.;:()]*?)(?:"
    + _ASSIGNED_VERBS
    + "|"
    + _NAME_ENDS
    + ")",
    regex.I,
)
# "Mọi thông tin cần trao đổi, đề nghị các đơn vị liên hệ Cục …": asked to get in touch, a body is given no duty
_CONTACT = regex.compile(r"\s{0,4}liên\s+hệ\b")


def requests_in(text: str) -> list[regex.Match[str]]:
    """The requests of ``text`` that ask bodies to act (not those that only ask them to get in touch)."""
    return [r for r in REQUEST.finditer(text) if not _CONTACT.match(text, r.end("units"))]


# "phối hợp (chặt chẽ, tốt, thường xuyên) với X": one or two words may qualify the cooperation
# A partner list goes on after a semicolon when the next member starts in small letters with "các" or an office
# holder: "phối hợp với các sở, ban, ngành, UBND các xã/phường; các đơn vị trực thuộc Sở Y tế tổ chức …", "… Chủ
# tịch Ủy ban nhân dân huyện, thành phố; thủ trưởng các ngành có liên quan hướng dẫn …"
_LIST_GOES_ON = r";\s*(?=(?-i:(?:thủ\s+trưởng|lãnh\s+đạo|giám\s+đốc)\s+)?(?-i:các)\s)"
SUPPORT = regex.compile(
    r"(?:phối|kết)\s+hợp\s+(?:(?:\p{L}+\s+){1,2}(?=với\s)|chặt\s+chẽ\s+)?(?:với\s+)?"
    r"(?:"
    + _OFFICE_HOLDER
    + r"\s+)?(?P<units>"
    + _HEAD_WORDS
    + r"\b(?:[^.;:()]|"
    + _LIST_GOES_ON
    + r")*?)"
    + _NAME_ENDS.replace("[.;:()]", "[.:()]|;(?!" + _LIST_GOES_ON[1:] + ")"),
    regex.I,
)
# "Chỉ đạo các trạm y tế … có trách nhiệm …": units the issuer's unit directs are asked to act (other).
DIRECTED = regex.compile(
    r"(?<!\bBan\s+)\bchỉ\s+đạo(?:\s*,\s*(?:điều\s+hành|đôn\s+đốc|hướng\s+dẫn))*\s+(?P<units>(?:"
    + _HEAD_WORDS
    + r"|hệ\s+thống\s+(?!văn\s+bản|pháp\s+luật|chính\s+sách)\p{L}+)\b[^.;:()]*?)"
    + _NAME_ENDS,
    regex.I,
)
# "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương báo cáo …": the closing
# paragraph tells the bodies to report or propose (other), wherever it stands.
REPORT_DIFFICULTIES = regex.compile(
    r"\bnếu\s+(?:có\s+)?(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh)(?:\s*,?\s*(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh))*"
    r"\s*,?\s*(?P<units>(?:" + _HEAD_WORDS + r")\b[^.;:()]*?)" + _NAME_ENDS,
    regex.I,
)
# Units named inside another unit's duty: (pattern, role, provenance method).
NAMED_IN_DUTY = ((SUPPORT, "support", "rule:unit_support"), (DIRECTED, "other", "rule:unit_directed"))
# "- Phòng Kế hoạch - Tài chính: …", "- Công an tỉnh: …", "- Ủy ban nhân dân các xã, phường: …": any body the
# lexicon knows, its name before the colon (a capital starts it: "- Ban hành: …" is guarded by the head exceptions)
BULLET_UNIT = regex.compile(r"^(?=(?-i:\p{Lu}))(?P<units>(?:" + _HEAD_WORDS + r")\b[^:;.]{0,80}?)\s*:\s*", regex.I)
# (in small letters: "Phòng Tổ chức - Hành chính" names a department, "tổ chức" is a duty)
# ("… các xã, phường được phân công chủ trì …": the duty given starts at "được")
_DUTY_STARTS = r"(?=\s+(?-i:" + _DUTY_VERBS + r"|được\s+(?:giao|phân\s+công)\b)|\s*[:(])"
# A heading that names units says no duty: "14. Đề nghị Viện kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố".
_NAMES_A_DUTY = regex.compile(r"\s" + _DUTY_VERBS)
# "Trên cơ sở …, Căn cứ …," before the subject (or when: "Trong năm 2013, Ủy ban nhân dân các tỉnh … phải thực hiện …",
# "Hằng năm, các sở, ngành báo cáo …"). The clause ends at its first comma when a unit's name begins after it; or it goes
# on over the commas of its own lists to a comma before a capital ("Căn cứ Quyết định phê duyệt của UBND cấp huyện về
# danh sách, mức hỗ trợ …, Sở Xây dựng tổng hợp …"), never over a comma before "các" (a clause with no such end has no
# subject: "Trên cơ sở đề xuất kinh phí của các sở, ban, ngành, địa phương, chủ trì tổng hợp …", "Căn cứ …, theo chức
# năng, nhiệm vụ, các Bộ, ngành, …, Ủy ban Trung ương … xây dựng …" repeats the bodies of its heading).
_NAME_STARTS = r"(?:(?:các|những|mọi)\s|(?-i:\p{Lu}))"


def _leading_clause(first_comma_within: int) -> str:
    return (
        r"(?:Trên\s+cơ\s+sở|Căn\s+cứ|Trong\s+(?:năm|quý|tháng)|Năm\s+\d{4}|H[ằà]ng\s+(?:năm|quý|tháng)|Định\s+kỳ)"
        r"(?:(?=[^,]*,\s*" + _NAME_STARTS + r")[^,]{0," + str(first_comma_within) + r"},\s*"
        r"|[^,.;]*+,(?!\s*" + _NAME_STARTS + r")(?:[^,.;]|,(?!\s*" + _NAME_STARTS + r"))*+,\s*(?=(?-i:\p{Lu})))"
    )


ITEM_SUBJECT = regex.compile(
    r"^(?:" + _leading_clause(200) + r")?(?:" + _OFFICE_HOLDER + r"\s+)?"
    r"(?P<units>" + _HEAD_WORDS + r"\b.{0,200}?)" + _DUTY_STARTS,
    regex.I,
)
# "Sở Tài chính chủ trì, phối hợp với …" in a task anywhere in the plan: an explicit assignment; also after what is
# sent to it ("… tổng hợp nhu cầu kinh phí … gửi Phòng Lao động Thương binh và Xã hội chủ trì, phối hợp với …").
CHAIRED = regex.compile(
    r"(?:^(?:[-+*•]\s*)?|[.;:]\s+|\b(?:[Gg]iao|gửi)\s+)(?P<units>"
    + _HEAD_WORDS
    + r"\b[^.;:()]{0,120}?)\s+(?:là\s+cơ\s+quan\s+)?chủ\s+trì\b",
    regex.I,
)
# "2. Cơ quan chủ trì, phối hợp" labels the units listed below it; "Các cơ quan được phân công chủ trì …" refers back to
# the units named elsewhere: a kind of body alone before "chủ trì" names no body.
LABEL_NOT_BODY = regex.compile(
    r"^(?:các\s+)?(?:cơ\s+quan|đơn\s+vị)(?:\s+được(?:\s+(?:giao|phân\s+công))?)?\s*$", regex.I
)
# Task blocks label their units: "- Cơ quan thực hiện: Sở Khoa học và Công nghệ", "Cơ quan phối hợp: Các sở,
# ngành", or a heading "a) Cơ quan chủ trì" over the units as list items.
ROLE_LABEL = regex.compile(
    r"^(?:(?:Cơ\s+quan|Đơn\s+vị|Bộ\s+phận)\s+(?P<role>chủ\s+trì(?:\s+thực\s+hiện)?|thực\s+hiện|phối\s+hợp"
    r"(?:\s+thực\s+hiện)?|phụ\s+trách|chịu\s+trách\s+nhiệm)|(?P<bare>(?:Chủ\s+trì\s*,\s*)?Phối\s+hợp(?:\s+với|\s+thực\s+hiện)?|Chủ\s+trì(?:\s+thực\s+hiện)?))"
    r"\s*(?::\s*(?P<units>.*?))?\s*\.?$",
    regex.I,
)
# The group phrase of the other bodies after named ones: "Bộ Nội vụ và các bộ, ngành, địa phương khác có liên quan".
OTHER_BODIES = (
    r"(?=(?-i:các)\s+(?i:bộ|sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương|tổ\s+chức|doanh\s+nghiệp|hiệp\s+hội)\b)"
)
_SCOPE_BETWEEN = (
    r"(?:\s*,\s*(?:trong\s+phạm\s+vi|theo)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|quyền\s+hạn)[^.;:]{0,80}?,)"
)
# "Trưởng các phòng, thủ trưởng các đơn vị … có trách nhiệm phối hợp …": the subject supports.
SUBJECT = regex.compile(
    r"^(?:"
    + _leading_clause(80)
    + r")?(?:"
    + _OFFICE_HOLDER
    + r"\s+)?(?P<units>"
    + _HEAD_WORDS
    # (never past a sentence's end: "… các đơn vị trực thuộc Sở Y tế. Báo cáo công tác theo dõi …"; "TP. Hồ Chí
    # Minh" ends no sentence)
    + r"\b(?:(?!(?<=(?-i:\p{Ll}))\.\s).){0,200}?)"
    # (the scope a legal text sets between subject and duty: "các Đoàn đại biểu Quốc hội, trong phạm vi chức năng,
    # nhiệm vụ, quyền hạn của mình, giám sát …", "Các sở, ngành, theo chức năng, nhiệm vụ được giao, chủ động …")
    + _SCOPE_BETWEEN
    + r"?\s+"
    r"(?P<verb>có\s+trách\s+nhiệm\s+phối\s+hợp|(?-i:"
    + _DUTY_VERBS
    + r"|(?:hỗ\s+trợ|phản\s+ánh|ưu\s+tiên|quan\s+tâm)"
    + _IN_A_NAME
    + "))",
    regex.I,
)
# Head words that are a body's whole name ("Tỉnh Đoàn", "Thành ủy"): a comma after them goes on to the next member of a
# list, where after "Sở", "Ban" it goes on within a stock group ("các Sở, Ban, ngành")
WHOLE_NAME_HEADS = ("tỉnh đoàn", "thành đoàn", "tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ")
# Two names a table cell wrote on two lines, the line break lost: "Sở Tài chính Các sở, ngành", "UBND xã, phường, đặc
# khu Sở Tài chính" (a capital "Các" starts a new name; so does a body's head word after a place's level word)
_LOST_SEPARATOR = (
    r"(?<=\p{Ll})\s+(?=(?-i:Các)\s+\p{Ll})"
    # two ministries with the line break between them lost ("Bộ Thông tin và Truyền thông Bộ Khoa học và Công
    # nghệ"); not a body of the ministry ("Văn phòng Bộ Y tế", "Thanh tra Bộ Tài chính")
    r"|(?-i:(?<=\p{Ll})(?<!\b(?:phòng|tra|của|thuộc|và|với|giao))\s+(?=Bộ\s+\p{Lu}))"
    r"|(?<=\b(?-i:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|tỉnh|thành\s+phố))\s+"
    r"(?=(?-i:Sở|UBND|Ủy\s+ban\s+nhân\s+dân)\s)"
)
# A list splits at ";", at "và" or "," before a unit's head word ("các phòng, trạm y tế", ", Sở Nội vụ",
# ", UBND các xã", ", các cơ quan báo chí"; never inside a stock group: "các Sở, Ban, ngành"), and after
# "(có) liên quan", which closes a group ("các sở, ngành có liên quan, đơn vị tuyến huyện": two units)
_LIST_SPLIT = regex.compile(
    r"\s*;\s*|(?<=\bliên\s+quan),\s*(?=\p{L})|\s+và\s+(?=các\s+cấp\s+chính\s+quyền\b)|(?<!HĐND|Hội\s+đồng\s+nhân\s+dân|^\s*\p{L}+)\s+và\s+(?="
    + _HEAD_WORDS
    + r"\b)|\s+và\s+(?=hệ\s+thống\s)|\s+và\s+(?=(?-i:"
    + _OFFICE_HOLDER
    + r")\s+(?:"
    + _HEAD_WORDS
    + r"))|\s*,\s*(?=(?-i:"
    + _OFFICE_HOLDER
    + r")\s+(?:"
    + _HEAD_WORDS
    + r"))|\s*,\s*(?:(?:thủ\s+)?trưởng\s+)?(?=(?:các\s+)?(?:phòng|khoa|trạm|trung\s+tâm|"
    r"bệnh\s+viện|văn\s+phòng|ủy\s+ban|uỷ\s+ban|nhà\s+trường|trường(?!\s+hợp)|khối|TTYT|BVĐK|UBND|TYT)\b|các\s+\p{L}"
    # a named force after a comma: "Công an, lực lượng Hải quan"
    r"|lực\s+lượng\s+(?-i:\p{Lu}))"
    # (a capital starts the name; the rest of the head in any case: "Hội Cựu chiến binh Thành phố, Thành Đoàn")
    r"|\s*,\s*(?=(?=(?-i:\p{Lu}))(?:" + LEXICON.head_pattern(groups=False) + r")"
    r"(?!\s*,|\s+(?:có\s+)?(?:liên\s+quan|chức\s+năng|trực\s+thuộc|ngành(?!\s+\p{Lu}))\b))"
    # a body whose head word is its whole name, before a comma of the list: "Liên đoàn Lao động tỉnh, Tỉnh Đoàn, Hội …"
    r"|\s*,\s*(?=(?=(?-i:\p{Lu}))(?:" + "|".join(n.replace(" ", r"\s+") for n in WHOLE_NAME_HEADS) + r")\b)"
    # a member of another kind than the group before it: "các sở, ban, ngành, tổ chức chính trị - xã hội"
    r"|\s*,\s*(?=(?:các\s+)?(?:" + LEXICON.own_member_pattern() + r")\b)"
    # and a member after one: "Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan" (two units)
    r"|(?<=\b(?:" + LEXICON.own_member_pattern() + r"))\s+và\s+"
    # a separator lost in a table cell: "Sở Khoa học và Công nghệ Sở Công Thương" (a Sở names no other Sở)
    # (the letters' case is the evidence, so it is matched as written: "và các Sở ngành khác" goes on)
    r"|(?<=(?-i:\bSở\s[^,;]{0,80}\p{Ll}))\s+(?=(?-i:Sở\s+\p{Lu}))|" + _LOST_SEPARATOR,
    regex.I,
)
_PLACE_PREFIX = regex.compile(r"^(?P<prefix>.*\b(?:huyện|tỉnh|xã|thị\s+xã|thành\s+phố|quận))\s+\p{Lu}")


MAX_UNIT_WORDS = 12


_GROUP_NOUN = regex.compile(
    r"^(?:(?:các|những)\s+)?(?:" + "|".join(regex.escape(g).replace(r"\ ", r"\s+") for g in LEXICON.groups) + r")\b",
    regex.I,
)


def _name_length(name: str) -> int:
    """The words of a name for the length guard: a list of kinds of body ("các cơ quan, tổ chức, doanh nghiệp, đơn vị lực
    lượng vũ trang") is as long as its longest member."""
    core = _name_core(name)
    members = regex.split(r"\s*,\s*", core)
    if len(members) > 1 and all(_GROUP_NOUN.match(m) for m in members):
        return max(word_count(m) for m in members)
    return word_count(core)


def _name_core(name: str) -> str:
    """A name without what does not lengthen it: the office-holder before it ("Chủ tịch Ủy ban nhân dân …"), the territory
    a group is in ("các cơ quan, tổ chức, doanh nghiệp, đơn vị lực lượng vũ trang đóng trên địa bàn")."""
    name = regex.sub(r"^" + _OFFICE_HOLDER + r"\s+", "", name.strip())
    return regex.sub(r"\s+(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+\p{L}+){0,3}$", "", name)


def word_count(name: str) -> int:
    """The words of a name, its dashes and commas aside ("Sở Lao động - Thương binh và Xã hội" has eight)."""
    return len(regex.findall(r"[\p{L}\d]+(?:[&/.][\p{L}\d]+)*", name))


# A heading that gives the units it names their duties: "3. Trách nhiệm của các Bộ, ngành …", "Nhiệm vụ, quyền hạn của
# Ủy ban nhân dân cấp huyện"; in Tổ chức thực hiện also the group headings "1. Đối với Ủy ban nhân dân các cấp" (elsewhere
# "Đối với …" introduces the cases a rule covers).
_DUTY_NOUNS = r"(?:trách\s+nhiệm|nhiệm\s+vụ|quyền\s+hạn)(?:\s*(?:,|và)\s*(?:trách\s+nhiệm|nhiệm\s+vụ|quyền\s+hạn))*"
RESPONSIBILITY_OF = regex.compile(r"^" + _DUTY_NOUNS + r"\s+(?:của\s+)?(?=\S)", regex.I)
GROUP_HEADING = regex.compile(r"^Đối\s+với\s+(?=\S)", regex.I)
# "Điều 4. Sở Lao động - Thương binh và Xã hội có nhiệm vụ", "3. Văn phòng Sở Y tế có trách nhiệm:": the units the heading
# names, then the duties under it (the articles of a regulation, the items of Tổ chức thực hiện).
HAS_DUTIES = regex.compile(
    r"\s+có\s+" + _DUTY_NOUNS + r"(?:\s+(?:như\s+sau|sau\s+đây|cụ\s+thể(?:\s+như\s+sau)?))?\s*:?\s*$", regex.I
)
CLAUSE_END = regex.compile(r"[.;]|$")
# The parts of "Mục đích, yêu cầu", where an explicit "X chủ trì" still assigns.
REQUIREMENT_PARTS = ("purpose", "aims", "requirements")
# A section on money within another part: "6. Bảo đảm kinh phí", "Huy động nguồn lực tài chính".
# (an article on money too: "Điều 4. Chi phí quản lý", "Điều 5. Nguồn vốn thực hiện")
FUNDING_TITLE = regex.compile(
    r"^(?:bảo\s+đảm|đảm\s+bảo|huy\s+động|bố\s+trí)\s+(?:các\s+)?(?:nguồn\s+)?(?:kinh\s+phí|vốn|lực\s+tài\s+chính)\b"
    r"|^điều\s+\d+\s*[:.]\s*(?:chi\s+phí|kinh\s+phí|nguồn\s+(?:kinh\s+phí|vốn))\b",
    regex.I,
)
# A duty that is to pay from one's own budget ("… có trách nhiệm chủ động bố trí kinh phí", "… sử dụng ngân sách địa
# phương để bố trí kinh phí …") assigns no work (settled 2026-12-03).
PAYS_ONLY = regex.compile(
    r"\s{0,4}(?:có\s+trách\s+nhiệm\s+)?(?:chủ\s+động\s+)?(?:bố\s+trí|huy\s+động|sử\s+dụng|cân\s+đối)"
    r"(?:\s*,\s*(?:bố\s+trí|huy\s+động|cân\s+đối))*\s+(?:các\s+)?(?:nguồn\s+)?(?:kinh\s+phí|ngân\s+sách|vốn)\b",
    regex.I,
)
# A section on reporting, part of organizing the work though no standard part: "VII. CHẾ ĐỘ BÁO CÁO", "Chế độ thông
# tin, báo cáo".
REPORTING_TITLE = regex.compile(r"^chế\s+độ\s+(?:thông\s+tin\s*,?\s*)?báo\s+cáo\b", regex.I)
# The closing article of a decision names the office-holders who carry it out ("Chánh Văn phòng UBND tỉnh, Giám đốc các
# sở … chịu trách nhiệm thi hành Quyết định này", "… có trách nhiệm thi hành Quyết định này"): no unit record (R5).
EXECUTION_CLAUSE = regex.compile(
    r"\b(?:chịu|có)\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành\s+"
    r"(?:Quyết\s+định|Quy\s+chế|Quy\s+định|Chỉ\s+thị|Nghị\s+quyết|Thông\s+tư|văn\s+bản)\s+này",
    regex.I,
)
# Parts whose words state aims, targets or money, not who does what.
NOT_ASSIGNING_PARTS = (
    "scope",  # "Đối tượng, phạm vi": whom the plan concerns, not who acts
    "purpose",
    "aims",
    "requirements",
    "objectives",
    "general_objectives",
    "specific_objectives",
    "indicators",
)


# Where a name caught in running text stops: at the duty ("Sở Khoa học và Công nghệ tiến hành rà soát …"),
# or at what qualifies the body's part ("Các sở, ngành có liên quan theo chức năng, nhiệm vụ …",
# "Sở Tài chính, trên cơ sở đề xuất của …").
_NAME_TAIL = regex.compile(
    r"(?<!\s)(?:\s*+,)?\s++(?:trên\s+cơ\s+sở|theo\s+(?:chức\s+năng|phạm\s+vi|thẩm\s+quyền)|căn\s+cứ|kịp\s+thời|quan\s+tâm|"
    r"tiến\s+hành|rà\s+soát|tiếp\s+tục|thường\s+xuyên|định\s+kỳ|được\s+giao|được\s+phân\s+công|phải|trong\s+(?:việc|công\s+tác)|"
    # ("Bộ Công an - đơn vị thường trực Tổ Công tác liên ngành": what the body is for the plan, no part of its name)
    r"[-–]?\s*(?:là\s+)?(?:đơn\s+vị|cơ\s+quan)\s+thường\s+trực|"
    # ("Các đơn vị tự kiểm tra, đánh giá": "tự" before the duty says the body does it itself)
    r"(?<!\btrật\s)tự(?=$|\s+(?-i:" + _DUTY_VERBS + r"|đánh\s+giá)))\b.*$",
    regex.I,
)


# "(sau đây gọi là Ủy ban nhân dân cấp xã)" names the body again; "(Phòng Kinh tế thị xã)" names another that does the same
_CALLED_HEREAFTER = regex.compile(
    r"\s*\(\s*sau\s+đây\s+(?:gọi\s+)?(?:tắt\s+|chung\s+)?(?:gọi\s+)?là\b\s*(?P<alias>[^()]*)\)", regex.I
)


_NAMES_A_BODY = regex.compile(r"(?:" + _HEAD_WORDS + r")\b", regex.I)


def _trim_name(name: str) -> str:
    # the short name the text gives a body is the one it goes on using: "Ủy ban nhân dân phường, xã, thị trấn (sau đây
    # gọi là Ủy ban nhân dân cấp xã)" is "Ủy ban nhân dân cấp xã", one record with "Ủy ban nhân dân cấp xã hướng dẫn …"
    alias = _CALLED_HEREAFTER.search(name)
    if alias and _NAMES_A_BODY.match(alias["alias"]):
        name = alias["alias"].strip(" ,;")
    trimmed = _NAME_TAIL.sub("", _CALLED_HEREAFTER.sub("", name))
    return trimmed if trimmed.strip() else name


# "Các Sở: Tài chính, Nội vụ, Y tế", "(gồm các Sở: Xây dựng, …)": one head word over a list of what each is of
_HEAD_LIST = regex.compile(
    r"(?:^|(?<=[\s,;(]))\(?(?:gồm\s+)?(?:(?:các|những)\s+)?(?P<head>Sở|Bộ|Phòng|Ban)\s*:\s*(?P<items>[^():]+)\)?$",
    regex.I,
)
_SECTORS = sorted([*LEXICON.sectors, *LEXICON.sector_abbreviations], key=len, reverse=True)
_SECTOR = regex.compile(
    r"(?:" + "|".join(regex.escape(s).replace(r"\ ", r"\s+") for s in _SECTORS) + r")(?=\s*(?:[,;)]|và\b|$))",
    regex.I,
)


def _head_list(text: str) -> list[str]:
    """'Các Sở: Tài chính, Nội vụ, Y tế' → 'Sở Tài chính', 'Sở Nội vụ', 'Sở Y tế': known sector names (a comma
    may stand inside one: "Văn hóa, Thể thao và Du lịch") and their short forms ("TC", "NN&MT"), else up to the
    next comma."""
    found = _HEAD_LIST.match(text.strip())
    if found is None:
        return []
    head = found["head"][:1].upper() + found["head"][1:].lower()
    items, rest = [], found["items"]
    while rest := regex.sub(r"^(?:\s*[,;]\s*|\s+và\s+|\s+)", "", rest):
        sector = _SECTOR.match(rest)
        name = sector.group(0) if sector else regex.split(r"\s*[,;]\s*", rest)[0]
        items.append(f"{head} {LEXICON.sector_abbreviations.get(name, name)}")
        rest = rest[len(name) :]
    return items


# One kind of body at two levels of government: "Trung tâm đào tạo nghề của tỉnh và các huyện, thị", "Ủy ban nhân dân cấp
# tỉnh và cấp huyện" (two units, the shared name repeated).
# ("Tòa án nhân dân thành phố và các khu vực": the courts of the city and of its areas)
_LEVEL = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|khu\s+vực)"
_LEVEL_PAIR = regex.compile(
    r"^(?P<prefix>.+?(?:\s(?P<joint>của|cấp))?)\s+(?P<first>" + _LEVEL + r")\s+và\s+(?:(?P=joint)\s+)?"
    r"(?P<second>(?:các\s+)?" + _LEVEL + r"\b.*)$"
)


def _level_pair(name: str) -> list[str]:
    found = _LEVEL_PAIR.match(name)
    return [f"{found['prefix']} {found['first']}", f"{found['prefix']} {found['second']}"] if found else [name]


# "phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh và Xã hội": the group is named by the list of
# sectors after the colon (R5: "Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội")
_GROUP_OF_HEAD = regex.compile(r"^(?:các|những)\s+(?P<head>Sở|Bộ)\b", regex.I)
_SECTOR_NAME = "|".join(regex.escape(s).replace(r"\ ", r"\s+") for s in _SECTORS)
_SECTORS_AFTER = regex.compile(
    r"\s*:\s*(?P<items>(?:" + _SECTOR_NAME + r")(?:\s*(?:,|và)\s*(?:" + _SECTOR_NAME + r"))*)\b", regex.I
)


def partner_names(text: str, found: regex.Match[str]) -> str:
    """The names a phrase caught (group ``units``) gives, read on over a list of sectors after a colon."""
    group = _GROUP_OF_HEAD.match(found["units"])
    listed = _SECTORS_AFTER.match(text, found.end("units")) if group else None
    return f"các {group['head']}: {listed['items']}" if group and listed else found["units"]


# A department known by its number or code is named with the bodies above it, smallest first: "Phòng 5, Cục Cảnh sát
# điều tra tội phạm về ma túy, Bộ Công an" is one unit (written "Phòng 5 - Cục … - Bộ Công an").
_NUMBERED_DEPARTMENT = regex.compile(
    r"(?<!\p{L})Phòng\s+(?:\d+|(?-i:[A-Z]{1,3}\d{1,3}[A-Z]?))"
    r"(?P<above>(?:\s*,\s*(?-i:Cục|Vụ|Tổng\s+cục|Chi\s+cục|Bộ|Sở|Công\s+an)\s[^,;]*?){1,3})(?=\s*(?:[,;]|$))"
)


def _chain_of_bodies(text: str) -> str:
    return _NUMBERED_DEPARTMENT.sub(lambda m: regex.sub(r"\s*,\s*", " - ", m.group(0)), text)


def split_unit_list(text: str) -> list[str]:
    """'các khoa/phòng và các trạm y tế xã, thị trấn' → two units; 'Trung tâm Y tế huyện Yên Thủy, Tân Lạc'
    → 'Trung tâm Y tế huyện Yên Thủy', 'Trung tâm Y tế huyện Tân Lạc' (a list of place names shares its prefix)."""
    text = _chain_of_bodies(text)
    # a list under one head word closes the text: its commas are the list's, not between units
    head_list = _HEAD_LIST.search(text)
    listed = _head_list(head_list.group(0)) if head_list else []
    text = text[: head_list.start()] if head_list else text
    parts = [p.strip(" ,.;(") for p in _LIST_SPLIT.split(text) if p and p.strip(" ,.;(")]
    expanded: list[str] = []
    for part in [n for p in parts for n in _level_pair(p)]:
        names = [n.strip() for n in regex.split(r"\s*,\s*", part)]
        prefix = _PLACE_PREFIX.match(names[0])
        if (
            prefix
            and len(names) > 1
            and all(regex.fullmatch(r"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}", n) for n in names[1:])
        ):
            expanded.append(names[0])
            expanded.extend(f"{prefix['prefix']} {n}" for n in names[1:])
        else:
            expanded.append(part)
    # "các khoa/phòng, trạm y tế xã": the shared "các" applies to each unit of the list, but not to
    # one that says its own plural inside ("UBND các xã/phường") or a body named by its proper name
    # ("…, Mặt trận Tổ quốc Việt Nam, Ủy ban nhân dân xã, phường": one body each, or one per place)
    if expanded and regex.match(r"(?i)^các\s", expanded[0]):
        expanded = [
            p if regex.search(r"(?i)(?:^|\s)các\s", p) or _PLACE_PREFIX.match(p) or p[:1].isupper() else f"các {p}"
            for p in expanded
        ]
    return expanded + listed


INDICATOR_MENTION = regex.compile(r"chỉ\s+tiêu\s*:?\s*(?P<list>.*?)(?=\.\s|\.?$)", regex.I)
INDICATOR_REFS = regex.compile(r"chỉ\s+tiêu\s*:?\s*(?P<refs>\d+(?:\.\d+)+(?:\s*,\s*\d+(?:\.\d+)+)*)")
# When a task is due, as plans write it: a date ("trước ngày 30/6/2026", "trước ngày 15 tháng 11 năm 2025"), a
# month or quarter ("Tháng 3/2024", "Quý II/2026", "Quý II năm 2026"), a span of years, or a recurrence.
DEADLINE = regex.compile(
    r"(?:trước\s+ngày\s+\d{1,2}(?:/\d{1,2}(?:/\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)|"
    r"Tháng\s+\d{1,2}/\d{4}|Quý\s+[IV]+(?:/|\s+năm\s+)\d{4}|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|"
    r"(?:hàng|hằng)\s+(?:năm|quý|tháng|tuần)|định\s+kỳ[^.;,]*|thường\s+xuyên)",
    regex.I,
)
# What a task delivers: stated ("Sản phẩm: Báo cáo …"), or the document it makes ("Xây dựng kế hoạch triển khai …
# trước ngày …", "ban hành quyết định …", "báo cáo kết quả …").
PRODUCT = regex.compile(
    r"(?i:sản\s+phẩm)\s*(?:là|:)\s*(?P<stated>[^.;)]+)|(?i:\b(?:xây\s+dựng|ban\s+hành|tham\s+mưu\s+ban\s+hành|báo\s+cáo))\s+"
    r"(?P<made>(?:kế\s+hoạch|báo\s+cáo|quyết\s+định|đề\s+án|văn\s+bản|chương\s+trình|hướng\s+dẫn|kết\s+quả)\b"
    r"[^.;:,()]{0,80}?)(?=\s+(?:trước|trong|theo|gửi|về|định\s+kỳ|hằng|hàng|để|nhằm|và)\b|[.;:,()]|$)",
)


def task_product(text: str) -> str | None:
    found = PRODUCT.search(text)
    return (found["stated"] or found["made"]).strip() if found else None


# Stock phrases written several ways, in one form.
STOCK_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bban\s+ngành\b", "ban, ngành"),
    (r"\bngành\s+đoàn\s+thể\b", "ngành, đoàn thể"),
    (r"\bchính\s+trị\s*-\s*xã\s+hội\b", "chính trị - xã hội"),
    # "Sở, ban, ngành", "tổ chức chính trị - xã hội" in a table cell name kinds of body, as "Các sở, ban, ngành" does
    (r"^(?=(?:Sở|Bộ|Ban|Phòng)\s*,\s*\p{Ll}|(?i:tổ\s+chức\s+chính\s+trị)\b)", "Các "),
)
_GROUP_OF_BODY = regex.compile(
    r"^(?P<group>Các\s+(?:(?i:phòng)(?:\s+chức\s+năng)?|(?i:khoa)|đơn\s+vị)|[Pp]hòng\s+ban)"
    r"(?:\s+của)?\s+(?=(?:Sở|Ủy\s+ban|Trung\s+tâm|Bệnh\s+viện)\b)"
)
_DEPARTMENT_OF_ISSUER = regex.compile(r"^(?:Các\s+)?(?:[Pp]hòng|[Kk]hoa|[Kk]hối)\b")
_OTHER_BODY = regex.compile(r"\b(?:Sở|Bộ|Ủy\s+ban|UBND|Huyện\s+ủy|Tỉnh\s+ủy)\b")
_PLACE_NAMED = regex.compile(r"\b(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận)\s+\p{Lu}")
# A department named by the level of government it serves ("Phòng Lao động - Thương binh và Xã hội quận - huyện", "phòng
# … cấp huyện") is that level's, not the issuer's.
_LEVEL_NAMED = regex.compile(
    r"\b(?:quận|huyện|thị\s+xã|xã|phường|thị\s+trấn|cấp\s+(?:tỉnh|huyện|xã))\s*$|\bcấp\s+(?:huyện|xã)\b"
)


# A scan's OCR drops or changes tone marks in the standard names ("Phòng Kê hoạch - Tài chính", "Sở Y tê"): the
# department or sector whose letters the name's first words spell, tone marks aside, is the one meant.
_STANDARD_NAMES: dict[str, dict[str, str]] = {"phòng": {}, "sở": {}}
for _written, _standard in [*DEPARTMENTS.items(), *((s, s) for s in LEXICON.sectors)]:
    # (the longer spelling first: "Lao động - Thương binh và Xã hội" before "Lao động Thương binh và Xã hội")
    _STANDARD_NAMES["phòng" if _written in DEPARTMENTS else "sở"].setdefault(letters_of(_written), _standard)
_HEAD_OF_STANDARD_NAME = regex.compile(r"^(?P<head>(?i:phòng|sở))\s+(?P<rest>\S.*)$")


def _standard_name_through_noise(text: str) -> str:
    found = _HEAD_OF_STANDARD_NAME.match(text)
    if found is None:
        return text
    names, words = _STANDARD_NAMES[found["head"].lower()], found["rest"].split(" ")
    for n in range(min(len(words), 8), 0, -1):
        written = " ".join(words[:n])
        standard = names.get(letters_of(written))
        if standard:
            # (a name spelled right is kept as written, its dashes too)
            same = _words_of(written) == _words_of(standard)
            return text if same else " ".join([found["head"], standard, *words[n:]])
    return text


def _words_of(text: str) -> list[str]:
    return regex.findall(r"\w+", text.lower())


def canonical_name(name: str, qualifier: str | None) -> str:
    """The unit's name with abbreviations expanded, department names standardized, and a department
    of the issuing body qualified by it: "Phòng Nghiệp vụ Y - SYT" → "Phòng Nghiệp vụ Y - Sở Y tế"."""
    text = regex.sub(r"^(?:Đề\s+nghị|Giao)\s+", "", regex.sub(r"\s+", " ", name.strip(" :;,.")))
    # "Lãnh đạo Sở Y tế" in a responsibility column, "thủ trưởng các ngành" in a list: the unit is the body, not its
    # leadership
    text = regex.sub(r"^" + _OFFICE_HOLDER + r"\s+(?=\p{Lu}|(?i:" + _HEAD_WORDS + "))", "", text[:1].upper() + text[1:])
    text = regex.sub(r"\s*[-–]\s*(?:SYT|Sở Y tế)$", "", text)
    department = _DEPARTMENT.match(text)
    if department:
        key = regex.sub(r"\s*[-–—]?\s+|\s*[-–—]\s*", " ", department["name"].lower())
        text = f"Phòng {DEPARTMENTS[key]}{text[department.end() :]}"
    else:
        text = _standard_name_through_noise(text)
    text = text[:1].upper() + text[1:]
    for pattern, replacement in STOCK_PHRASES:
        text = regex.sub(pattern, replacement, text)
    # "các khoa/phòng liên quan" names the same units as "các khoa/phòng" ("có liên quan" stays)
    text = regex.sub(r"\s+(?<!có\s)liên\s+quan$", "", text)
    # (expanded before the issuer is looked for in the name: "Phòng KH-TC SYT" names its body)
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    # "Các phòng (của) Sở Y tế", "phòng ban Sở Y tế": a group of departments of a named body
    group = _GROUP_OF_BODY.match(text)
    if group:
        text = f"{group['group'][:1].upper()}{group['group'][1:]} - {text[group.end() :]}"
    elif (
        qualifier
        # (a ministry's units are its Vụ and Cục: "Phòng Tài chính - Kế hoạch" in a circular of Bộ Tài chính is a
        # district's department)
        and not LEXICON.is_national(qualifier)
        and _DEPARTMENT_OF_ISSUER.match(text)
        and qualifier not in text
        and not _PLACE_NAMED.search(text)
        and not _LEVEL_NAMED.search(text)
        and not _OTHER_BODY.search(text)
    ):
        text = f"{text} - {qualifier}"
    text = _issuer_written_short(text, qualifier)
    text = _places_spelt(text)
    return text[:1].upper() + text[1:]


# The units of the official lists a place named after its kind in a unit's name can be: (level, unit
# kind) by the kind as written (``places.mentions`` writes it in small letters, "tp" for "TP.").
_CITY = (("province", "Thành phố"), ("district", "Thành phố"))
PLACE_KINDS: dict[str, tuple[tuple[Level, str], ...]] = {
    "tỉnh": (("province", "Tỉnh"),),
    "thành phố": _CITY,
    "tp": _CITY,
    "huyện": (("district", "Huyện"),),
    "quận": (("district", "Quận"),),
    "thị xã": (("district", "Thị xã"),),
}


def _places_spelt(text: str) -> str:
    """A place named after its kind with marks that no unit of that kind has, but whose letters name one
    unit of it, written as the official list writes it: "UBND TP. Thành Hòa" (a slip; Thành Hòa is a
    commune) is the city of Thanh Hóa. Communes are left as written: their names repeat across the
    country, the letters alone rarely name one."""
    for mention in reversed(places.mentions(text)):
        spellings: set[str] = set()  # how the units the name can be are spelt ("?": several units)
        for level, kind in PLACE_KINDS.get(mention.kind, ()):
            for code_list in places.CODE_LISTS[level]:
                found = places.match(mention.name, level, code_list, (kind,))
                if found.resolution == "ambiguous":
                    spellings.add("?")
                elif found.unit is not None and (found.resolution != "unaccented" or found.unit.kind == kind):
                    spellings.add(found.unit.short_name if found.resolution == "unaccented" else mention.name)
        if len(spellings) == 1 and mention.name not in spellings | {"?"} and text[: mention.end].endswith(mention.name):
            text = text[: mention.end - len(mention.name)] + spellings.pop() + text[mention.end :]
    return text


# A Sở's plan names itself "Sở" for short: "Văn phòng Sở", "Phòng Kế hoạch Tài chính Sở", "các đơn vị trực thuộc
# Sở". A department of it is qualified as any other ("Văn phòng - Sở Y tế"), another body takes the full name
# ("Các đơn vị trực thuộc Sở Y tế"); a name that names other Sở ("Các sở, cơ quan trực thuộc Sở") is left as written.
_SHORT_ISSUER = regex.compile(r"^(?P<body>(?:(?!\b(?i:sở)\b).)+?)\s+(?:của\s+)?Sở$")
_ISSUERS_DEPARTMENT = regex.compile(r"^(?:Các\s+)?(?:[Pp]hòng|[Kk]hoa|[Kk]hối|[Vv]ăn\s+phòng)\b")


# "Phòng Kế hoạch - Tài chính Sở Y tế" (27): a department written before its issuer's full name is qualified by it.
_DEPARTMENT_BEFORE_ISSUER = regex.compile(
    r"^(?P<department>(?:[Pp]hòng|[Kk]hoa|[Kk]hối)\s(?:(?!\bSở\b).)+?)(?<![-–—])\s+(?=Sở\s)"
)


def _issuer_written_short(text: str, qualifier: str | None) -> str:
    short = _SHORT_ISSUER.match(text)
    if not qualifier or not qualifier.startswith("Sở "):
        return text
    department = _DEPARTMENT_BEFORE_ISSUER.match(text)
    if department and text[department.end() :] == qualifier and "thuộc" not in department["department"]:
        return f"{department['department']} - {qualifier}"
    if not short:
        return text
    if _ISSUERS_DEPARTMENT.match(text):
        return f"{short['body'].rstrip(' -')} - {qualifier}"
    return f"{short['body']} {qualifier}"


def body_key(canonical: str) -> tuple[str, ...]:
    """One body however the plan writes its name: case, punctuation and the order of listed places aside ("Ủy ban
    nhân dân phường, xã, đặc khu" in a heading, "UBND xã, phường, đặc khu" in a table; "Các sở ngành" and "Các sở,
    ngành"; "Công An Thành phố" and "Công an Thành phố")."""
    # ("Sở Y tế tỉnh Lâm Đồng" and "Sở Y tế" in one plan: a province has one department of each sector)
    canonical = _DEPARTMENT_PROVINCE.sub(r"\g<name>", canonical)
    # ("Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh" and "… địa phương" in one plan: the plan's own territory)
    canonical = _GROUP_IN_TERRITORY.sub("", canonical)
    return tuple(sorted(regex.findall(r"[\p{L}\d]+", canonical.lower())))


_GROUP_IN_TERRITORY = regex.compile(
    r"(?<=^(?i:các|những)\s.+?)\s+(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+(?:tỉnh|thành\s+phố|huyện|xã|phường))?$"
)
_DEPARTMENT_PROVINCE = regex.compile(r"^(?=Sở\s)(?P<name>.+?)\s+(?:tỉnh|thành\s+phố)(?:\s+\p{Lu}.*)?$")


# A plan two bodies issue together ("Sở Y tế - Công đoàn ngành Y tế tỉnh Kiên Giang", "… và …"): the second body's name
# starts after a dash or "và" with a head word.
_JOINT_ISSUER = regex.compile(r"\s*(?:[-–—]|\bvà\b)\s*(?=(?:" + LEXICON.head_pattern(groups=False) + r")\b)", regex.I)


def _qualifier(issuer: str | None) -> str | None:
    """Departments are qualified by the issuing body without its province: 'Sở Y tế'; by the first of joint issuers."""
    if not issuer:
        return None
    return regex.sub(r"\s+tỉnh\s+.+$", "", _JOINT_ISSUER.split(issuer, maxsplit=1)[0])


# The departments of a hospital or health centre, named alone ("Các khoa", "khoa").
_HOSPITAL_DEPARTMENTS = regex.compile(r"(?:các\s+)?khoa$", regex.I)


@dataclass
class _Collector:
    """The units of one document as its lines are read: one record per (canonical name, role), the unit each
    section's heading names (``owners``), and the role a "Cơ quan chủ trì" heading gives its items."""

    doc: NormalizedDocument
    qualifier: str | None
    labels_by_metric: dict[str, list[str]]
    units: dict[tuple[tuple[str, ...], str], Unit] = field(default_factory=dict)
    owners: dict[str, Unit] = field(default_factory=dict)  # section id → the unit its heading names
    labelled: dict[str, str] = field(default_factory=dict)  # section id of a "Cơ quan chủ trì" heading → role
    # "2. Sở Khoa học và Công nghệ, Sở Nội vụ" / "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ …": the lead
    # records a heading of several units gives (section id → their keys), the ways each record was found, and the
    # heading leads its own text names as partners
    shared: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    methods: dict[tuple[tuple[str, ...], str], set[str]] = field(default_factory=dict)
    partners: set[tuple[str, tuple[tuple[str, ...], str]]] = field(default_factory=set)
    lead_in: Unit | None = None  # the body a directive's opening request names, owner of the items after it
    chaired_blocks: set[str | None] = field(default_factory=set)  # blocks with an "a) Cơ quan chủ trì" heading
    led_blocks: set[str] = field(default_factory=set)  # task blocks with a "Cơ quan chủ trì" label anywhere in them

    def add(self, name: str, role: str, start: int, end: int, method: str, qualify: bool = True) -> Unit:
        """The record of ``name`` in ``role``; a department is qualified by the issuer unless ``qualify`` is false (the
        department of another body the text names)."""
        name = _trim_name(name)
        canon = canonical_name(name, self.qualifier if qualify else None)
        key = (body_key(canon), role)
        self.methods.setdefault(key, set()).add(method)
        if key not in self.units:
            self.units[key] = Unit(
                id="",
                name=name.strip(" :;,."),
                canonical_name=canon,
                role=role,  # type: ignore[arg-type]
                tasks=[],
                provenance=self.doc.provenance(start, end, method, confidence.UNIT_NAME),
            )
        return self.units[key]

    def names_a_body(self, name: str) -> bool:
        """Whether a name caught in running text names a body one can tell: "Các khoa cung cấp thông tin" in a Sở's
        plan speaks of the departments of the hospitals it surveys (a Sở has no khoa), which the plan does not name."""
        return not (self.qualifier or "").startswith("Sở ") or not _HOSPITAL_DEPARTMENTS.match(name.strip())

    def add_listed(
        self, names: str, start: int, role: str, method: str, longest: int | None = None, qualify: bool = True
    ) -> list[Unit]:
        """Each unit of the list ``names`` (which starts at offset ``start``), with its own span; names of
        more than ``longest`` words are clauses the phrase ran into, not names."""
        added = []
        for part in split_unit_list(names):
            # (an office-holder stands for the body and is no part of its name: "Chủ tịch Ủy ban nhân dân các tỉnh, thành
            # phố trực thuộc Trung ương" is a name of eleven words; nor is the territory of a group)
            if (longest is None or _name_length(part) <= longest) and self.names_a_body(part):
                offset = start + max(names.find(part), 0)
                added.append(self.add(part, role, offset, offset + len(part), method, qualify))
        return added

    def add_parts(self, names: str, body: str, body_start: int, role: str, method: str) -> list[Unit]:
        """Each unit of ``names`` (a phrase of ``body``), its span found in the body."""
        added = []
        for part in filter(self.names_a_body, split_unit_list(names)):
            offset = body_start + max(body.find(part), 0)
            added.append(self.add(part, role, offset, offset + len(part), method))
        return added


@dataclass
class _Line:
    """One line of the plan as the unit rules read it: its section, and its body after the numbering."""

    line: Line
    section: SectionNode
    body: str
    body_start: int

    @property
    def heading(self) -> bool:
        return self.section.line == self.line.number


def _read_line(line: Line, section: SectionNode) -> _Line:
    found = match_marker(line.text)
    body_from = found.end if found else 0
    body_from += len(line.text[body_from:]) - len(line.text[body_from:].lstrip())  # "Điều 2. Giao …"
    return _Line(line, section, line.text[body_from:], line.start + body_from)


def extract_units(
    doc: NormalizedDocument,
    lines: list[Line],
    section_of: dict[int, SectionNode],
    issuer: str | None,
    indicators: list[Indicator],
) -> list[Unit]:
    found = _Collector(doc, _qualifier(issuer), _labels_by_metric(indicators))
    found.led_blocks = _led_blocks(lines, section_of)
    # the body a directive's opening request names ("… yêu cầu Chủ tịch Ủy ban nhân dân …:")
    lead_in: Unit | None = None
    for line in lines:
        section = section_of.get(line.number)
        if section is None:
            lead_in = _lead_in_request(found, line) or lead_in
            continue
        if section.has_part("appendix", "recipients", "scope") or EXECUTION_CLAUSE.search(line.text):
            continue
        read = _read_line(line, section)
        found.lead_in = lead_in if section.nearest_part is None else None
        if found.lead_in is not None:
            # the numbered items after the request are the duties of the body it names, as under a unit's heading
            _implementation_line(found, read)
            continue
        if _not_assigning(section):
            # aims and requirements assign only in so many words: "Các phòng chức năng … chủ trì, phối hợp với …"
            if section.has_part(*REQUIREMENT_PARTS):
                _chaired_units(found, read)
            continue
        if _role_label(found, read) or _labelled_item(found, read):
            continue
        if section.has_part("implementation") or _under_duty_heading(section):
            _implementation_line(found, read)
        else:
            _task_line(found, read)
            if not read.heading and _reporting(section):
                # "VII. CHẾ ĐỘ BÁO CÁO" / "Các cơ quan, đơn vị được giao nhiệm vụ … có trách nhiệm …": a paragraph
                # whose subject is bodies tells them to act (other), as in Tổ chức thực hiện
                _subject_units(found, read, None, None)
    _drop_partner_leads(found)
    result = list(found.units.values())
    for i, unit in enumerate(result, start=1):
        unit.id = f"unit-{i}"
    return result


# A directive's opening request that names the body its items are for: "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân
# các tỉnh, thành phố trực thuộc Trung ương:" (a Chỉ thị); the body's name runs to the colon that ends the line.
LEAD_IN_END = regex.compile(r"(?<!\s)\s*+:\s*+$")


def _lead_in_request(found: _Collector, line: Line) -> Unit | None:
    """The body a request before the first numbered item names, when the request ends its line with a colon (other)."""
    for request in requests_in(line.text):
        if LEAD_IN_END.match(line.text, request.end("units")):
            added = found.add_listed(
                request["units"], line.start + request.start("units"), "other", "rule:unit_request"
            )
            return added[0] if added else None
    return None


def _led_blocks(lines: list[Line], section_of: dict[int, SectionNode]) -> set[str]:
    """The task blocks whose doer a "Cơ quan chủ trì" label names ("VII. MỞ RỘNG HỢP TÁC QUỐC TẾ …" / "1. Nội dung, biện
    pháp" / "2. Cơ quan chủ trì, phối hợp" / "a) Cơ quan chủ trì"): the sections above the label, below the part or the
    document's first level."""
    blocks: set[str] = set()
    for line in lines:
        section = section_of.get(line.number)
        label = ROLE_LABEL.match(_read_line(line, section).body.strip()) if section else None
        if label is None or "chủ" not in (label["role"] or label["bare"]).lower():
            continue
        for node in section.ancestors():
            if node.part or node.parent is None:
                break
            blocks.add(node.id)
    return blocks


def _partners_in_led_block(found: _Collector, read: _Line) -> None:
    """In a task block whose label names the lead, "Tiếp tục phối hợp với Ban Công tác đặc biệt Chính phủ Lào, …" names
    the lead's partners (support; settled 2026-12-03: a task block whose "Cơ quan chủ trì" names its doer)."""
    if not any(node.id in found.led_blocks for node in [read.section, *read.section.ancestors()]):
        return
    for m in SUPPORT.finditer(read.body):
        names = partner_names(read.body, m)
        found.add_listed(names, read.body_start + m.start("units"), "support", "rule:unit_support", MAX_UNIT_WORDS)


def _not_assigning(section: SectionNode) -> bool:
    """Whether a line stands in a part that states aims, targets or money: its nearest part is one of those, and no part
    that assigns work encloses it ("4.2. Yêu cầu về tổ chức xây dựng nhà ở" within "II. NỘI DUNG THỰC HIỆN" states who
    builds, not the plan's requirements)."""
    parts = [node.part for node in [section, *section.ancestors()] if node.part]
    return bool(parts) and parts[0] in NOT_ASSIGNING_PARTS and all(p in NOT_ASSIGNING_PARTS for p in parts)


def subject_role(verb: str) -> str:
    """The role a sentence whose subject is a body gives it, by its verb: "… chủ trì" or "… là đầu mối" leads (settled
    convention 1), "… (có trách nhiệm) phối hợp" supports (decision U3), any other duty is asked of it (other)."""
    verb = verb.lower()
    if regex.match(r"chủ\s+trì|là\s+(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+trì|là\s+đầu\s+mối", verb):
        return "lead"
    return "support" if "phối" in verb else "other"


def _reporting(section: SectionNode) -> bool:
    return any(REPORTING_TITLE.match(node.title.strip(" *")) for node in [section, *section.ancestors()])


def _labels_by_metric(indicators: list[Indicator]) -> dict[str, list[str]]:
    """The labels of the plan's indicators by metric, for duties that name an indicator by its wording."""
    labels: dict[str, list[str]] = {}
    for indicator in indicators:
        if indicator.metric and indicator.label:
            labels.setdefault(indicator.metric, [])
            if indicator.label not in labels[indicator.metric]:
                labels[indicator.metric].append(indicator.label)
    return labels


def _role_label(found: _Collector, read: _Line) -> bool:
    """A role label: "- Cơ quan thực hiện: Sở Khoa học và Công nghệ" records its units; a heading "a) Cơ quan
    chủ trì" gives its role to the items under it. True when the line is such a label."""
    body = read.body
    if "\t" in body or not ROLE_LABEL.match(body.strip()):
        return False
    # "a) Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Kho bạc Nhà nước khu vực, Thuế tỉnh": one label after another
    start = 0
    for segment in [*_NEXT_LABEL.split(body), None]:
        if segment is None:
            break
        offset = body.find(segment, start)
        start = offset + len(segment)
        label = ROLE_LABEL.match(segment.strip())
        if label:
            _one_label(found, read, label, segment, offset)
    return True


# Where a second label starts on the line of the first: "…; cơ quan phối hợp: …"
_NEXT_LABEL = regex.compile(
    r"(?<!\s)\s*+;\s*+(?=(?i:(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|phụ\s+trách)|phối\s+hợp|chủ\s+trì)\s*:)"
)


def _one_label(found: _Collector, read: _Line, label: regex.Match[str], segment: str, offset: int) -> None:
    """One role label of a line (``segment``, at ``offset`` in the line's body)."""
    words = (label["role"] or label["bare"]).lower()
    role = "support" if "phối" in words else "lead"
    block = read.section.parent.id if read.section.parent else None
    if "chủ" in words and not label["units"] and read.heading:
        found.chaired_blocks.add(block)
    elif "thực hiện" in words and "chủ" not in words and block in found.chaired_blocks:
        # "a) Cơ quan chủ trì" (its units listed below it) / "b) Đơn vị thực hiện: Các Đội chuyên trách của quân đội": the
        # block names its lead under the heading above; the units that carry the work out are asked to act (other); a
        # lone "- Cơ quan thực hiện: …" still leads (realdocs 17)
        role = "other"
    if label["units"]:
        start = read.body_start + offset + segment.find(label["units"])
        found.add_listed(label["units"], start, role, "rule:unit_role_label")
    elif read.heading:
        found.labelled[read.section.id] = role


def _labelled_item(found: _Collector, read: _Line) -> bool:
    """An item under a role label: "- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh." under "a) Cơ quan chủ
    trì"; "- Sở Tài chính và các đơn vị có liên quan tham mưu …" under "b) Chủ trì, phối hợp": the units before
    the duty take the label's role."""
    parent = read.section.parent
    if parent is None or parent.id not in found.labelled or not read.heading:
        return False
    item = read.body.strip(" .;")
    subject = ITEM_SUBJECT.match(item)
    names = subject["units"] if subject else item
    # ("- Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, …": office-holders stand for their bodies)
    bodies = regex.sub(r"^" + _OFFICE_HOLDER + r"\s+", "", names)
    if not (UNIT_HEAD.match(bodies) and word_count(names) <= 2 * MAX_UNIT_WORDS):
        return False
    found.add_parts(names, read.body, read.body_start, found.labelled[parent.id], "rule:unit_role_label")
    return True


def _task_line(found: _Collector, read: _Line) -> None:
    """Tasks and solutions: only explicit assignments ("Sở Tài chính chủ trì, phối hợp với …"), and an item
    whose subject is a body ("- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân …"; its
    partners, named in the tasks of the issuer, are not recorded: settled convention 1)."""
    # a request anywhere in the plan asks a body: "Đề nghị các sở, ban, ngành và địa phương khẩn trương …" in the
    # closing paragraph, which follows the last part
    # ("khuyến khích các doanh nghiệp …" in the tasks is policy, no request)
    _reports_asked(found, read)
    for request in requests_in(read.body):
        if not request["verb"].lower().startswith("khuyến"):
            start = read.body_start + request.start("units")
            found.add_listed(request["units"], start, "other", "rule:unit_request", MAX_UNIT_WORDS)
    chaired_any = _chaired_units(found, read) or _assigned_with_partners(found, read)
    if not chaired_any:
        _partners_in_led_block(found, read)
    _directed_by_named(found, read)
    _duty_clauses(found, read)
    _given_in_passing(found, read)
    _member_bodies(found, read)
    if chaired_any:
        return
    # ("6. Triển khai đồng bộ các giải pháp … . Các địa phương rà soát, đánh giá lại …": a later sentence's subject)
    if not _funding(read.section):
        _later_subjects(found, read, None)
    # ("- Các đơn vị tự kiểm tra, đánh giá: Từ ngày 06 - 15/11/2017": a row of the timetable, what and when)
    subject = SUBJECT.match(read.body) if read.heading and not TIMETABLE_ROW.search(read.body) else None
    # (the funding part says who pays, not who acts: "2. Các sở, ban, ngành … chủ động bố trí, huy động các nguồn vốn";
    # so does a funding item of the solutions: "6. Bảo đảm kinh phí" / "a) Các sở, ngành, địa phương có trách nhiệm
    # chủ động bố trí kinh phí …"; but a duty there is work: "2. Các sở, ban, ngành … xây dựng dự toán …")
    if subject and _funding(read.section) and PAYS_ONLY.match(read.body, subject.start("verb")):
        return
    # ("Đoàn: Chỉ đạo …" labels a paragraph, no subject)
    if subject and ":" not in subject["units"] and not LABEL_NOT_BODY.match(subject["units"]):
        role = subject_role(subject["verb"])
        found.add_listed(subject["units"], read.body_start + subject.start("units"), role, "rule:unit_subject")


# In the articles of a regulation and the steps of a procedure, a clause whose subject is a body gives it a duty in so many
# words: "Phòng Nông nghiệp và Phát triển nông thôn huyện (Phòng Kinh tế thị xã) có trách nhiệm xác định năng suất …",
# "Tổ chức làm nhiệm vụ bồi thường … phối hợp với UBND xã, phường, thị trấn kiểm tra thực tế …"; in a budget plan's
# running text "Sở Tài chính tham mưu Ủy ban nhân dân tỉnh …". The name runs from the body's head word to the verb, over
# no other duty.
DUTY_CLAUSE = regex.compile(
    # (a clause starts a line, follows a full stop or semicolon, or the colon after the case it covers: "- Trường hợp
    # bệnh nhân … tại các cơ sở khám bệnh …: Hội Chữ thập đỏ cấp tỉnh có trách nhiệm hợp đồng …")
    r"(?:^|(?<=[.;:]\s))"
    # (after the case the rule covers: "Trường hợp có chi phí … không có hồ sơ chứng từ để xác định, Tổ chức làm nhiệm vụ
    # bồi thường … phối hợp với …")
    r"(?:(?:Trường\s+hợp|Trong\s+trường\s+hợp|Nếu|Khi|Sau\s+khi)\b[^.;]{0,200}?,\s*(?=(?:" + _HEAD_WORDS + r")\b))?"
    r"(?:" + _OFFICE_HOLDER + r"\s+)?(?P<units>(?:" + _HEAD_WORDS + r")\b"
    r"(?:(?!\s+(?-i:" + _DUTY_VERBS + r"))[^.;:])*?)\s+"
    r"(?P<verb>(?-i:có\s+(?:trách\s+nhiệm|nhiệm\s+vụ)|(?:phối|kết)\s+hợp(?:\s+chặt\s+chẽ)?\s+với|tham\s+mưu))\b",
    regex.I,
)
_ALSO_NAMED = regex.compile(r"\s*\((?=" + _HEAD_WORDS + r")([^()]*)\)", regex.I)
# A row of a timetable written out: what, a colon, when ("…: Từ ngày 20/11/2017 đến ngày 15/12/2017").
TIMETABLE_ROW = regex.compile(
    r":\s*(?:từ\s+ngày|ngày|trước\s+ngày|tháng|quý|trong\s+(?:tháng|quý|năm))\b[^:]*$", regex.I
)


def _duty_clauses(found: _Collector, read: _Line) -> None:
    """Each clause whose subject is a body with a duty in so many words (other; "phối hợp với" names partners, support)."""
    body = read.body
    for clause in DUTY_CLAUSE.finditer(body):
        names = _ALSO_NAMED.sub(r"; \1", _CALLED_HEREAFTER.sub("", clause["units"]))
        if LABEL_NOT_BODY.match(names) or PAYS_ONLY.match(body, clause.start("verb")):
            continue
        start = read.body_start + clause.start("units")
        found.add_listed(names, start, "other", "rule:unit_duty_clause", MAX_UNIT_WORDS)
        if "hợp" in clause["verb"]:
            clause_end = CLAUSE_END.search(body, clause.end()).start()
            for m in SUPPORT.finditer(body, clause.start("verb"), clause_end):
                names = partner_names(body, m)
                found.add_listed(
                    names, read.body_start + m.start("units"), "support", "rule:unit_support", MAX_UNIT_WORDS
                )


# The body that directs another, named at the start of its clause: "Ủy ban nhân dân quận, huyện chỉ đạo Phòng Lao động -
# Thương binh và Xã hội phối hợp với …" (a step of the procedure; the doer is named, so its partners count, settled 2026-12-03)
_DIRECTOR = regex.compile(
    r"(?:^|(?<=[.;:]\s))(?:" + _OFFICE_HOLDER + r"\s+)?(?:" + _HEAD_WORDS + r")\b[^.;:()]{0,120}?\s+$", regex.I
)


def _directed_by_named(found: _Collector, read: _Line) -> None:
    """Outside Tổ chức thực hiện, "X chỉ đạo Y phối hợp với Z …" with X a body: Y is asked to act (other), Z supports."""
    body = read.body
    for m in DIRECTED.finditer(body):
        clause_start = max(
            body.rfind(". ", 0, m.start()), body.rfind("; ", 0, m.start()), body.rfind(": ", 0, m.start())
        )
        if not _DIRECTOR.match(body[: m.start()], clause_start + 2 if clause_start >= 0 else 0):
            continue
        # (the departments named are the director's, not the issuer's: no qualifier)
        start = read.body_start + m.start("units")
        found.add_listed(m["units"], start, "other", "rule:unit_directed", MAX_UNIT_WORDS, qualify=False)
        clause_end = CLAUSE_END.search(body, m.end("units")).start()
        for partner in SUPPORT.finditer(body, m.end("units"), clause_end):
            start = read.body_start + partner.start("units")
            names = partner_names(body, partner)
            found.add_listed(names, start, "support", "rule:unit_support", MAX_UNIT_WORDS, qualify=False)


def _funding(section: SectionNode) -> bool:
    """Whether a line stands in the funding part or a funding item of the solutions ("6. Bảo đảm kinh phí")."""
    return section.has_part("budget") or any(
        FUNDING_TITLE.match(node.title) for node in [section, *section.ancestors()]
    )


# "Đối với các khoản chưa phân bổ 1.015 tỷ đồng …, giao Ủy ban nhân dân tỉnh tiếp tục phân bổ …": an assignment in the
# middle of a sentence (lead), as "Giao X …" at its start.
GIVEN_IN_PASSING = regex.compile(
    r"(?<=[,;:]\s)(?-i:giao)\s+(?P<units>(?:" + _HEAD_WORDS + r")\b[^.;:()]*?)(?=\s+(?-i:" + _DUTY_VERBS + "))",
    regex.I,
)


def _given_in_passing(found: _Collector, read: _Line) -> None:
    for given in GIVEN_IN_PASSING.finditer(read.body):
        start = read.body_start + given.start("units")
        found.add_listed(given["units"], start, "lead", "rule:unit_assignment", MAX_UNIT_WORDS)


# The members of a council, team or delegation a plan sets up ("Hội đồng kiểm kê", "Đoàn kiểm tra", "Tổ công tác"), one
# line each: "- Trưởng đoàn: Lãnh đạo Sở Nội vụ;", "- Thành viên: đại diện Sở Tư pháp, Văn phòng UBND tỉnh". The bodies
# that send them are asked to take part (other: no lead or support wording).
MEMBER_LINE = regex.compile(
    r"^(?:(?:Phó\s+)?(?:Trưởng\s+đoàn|Trưởng\s+ban|Tổ\s+trưởng|Chủ\s+tịch(?:\s+Hội\s+đồng)?)(?:\s+thường\s+trực)?"
    r"|Tổ\s+phó|Thư\s+ký|Ủy\s+viên|Uỷ\s+viên|(?:Các\s+)?[Tt]hành\s+viên)(?:\s*\([^()]*\))?\s*:\s*(?P<rest>\S.*)$"
)
# Within a member line, a body named after "đại diện (lãnh đạo)" or after its office-holder's title ("Phó Giám đốc Sở
# Tài chính"); a person's name before it ("Ông Nguyễn Văn A, Phó Giám đốc …") is no body.
MEMBER_BODY = regex.compile(
    r"(?:\bđại\s+diện(?:\s+lãnh\s+đạo)?(?:\s+(?:các|của))?\s+|\b(?:Phó\s+)?(?:Giám\s+đốc|Chánh\s+Văn\s+phòng|Chánh\s+Thanh\s+tra|"
    r"Trưởng\s+ban|Chủ\s+tịch|Thủ\s+trưởng|Lãnh\s+đạo)\s+|\b(?:\d+\s+)?(?:chuyên\s+viên|cán\s+bộ|công\s+chức)\s+|^)(?P<units>(?:"
    + _HEAD_WORDS
    + r")\b[^;:()]*?)"
    r"(?=\s*(?:[;.()]|$|\s+(?:làm|là)\b|,\s*(?:\p{Lu}\p{Ll}*\s+){0,1}(?:Phó\s+)?(?:Giám|Chánh|Trưởng|Chủ|Thủ|Lãnh)\b))",
    regex.I,
)


# "Thành lập Đoàn kiểm tra do Sở Nội vụ chủ trì": the body a council or team is set up under leads it.
SET_UP_UNDER = regex.compile(
    r"(?<=(?i:thành\s+lập|kiện\s+toàn)\b[^.;]{0,120}?)\bdo\s+(?:"
    + _OFFICE_HOLDER
    + r"\s+)?(?P<units>(?:"
    + _HEAD_WORDS
    + r")\b[^.;:()]{0,80}?)\s+(?:chủ\s+trì|làm\s+(?:Trưởng\s+đoàn|Chủ\s+tịch|Tổ\s+trưởng|Trưởng\s+ban))\b",
    regex.I,
)


def _member_bodies(found: _Collector, read: _Line) -> None:
    """The body a council or team is set up under (lead), and the bodies a line of its members names (other)."""
    for m in SET_UP_UNDER.finditer(read.body):
        found.add_listed(m["units"], read.body_start + m.start("units"), "lead", "rule:unit_chaired", MAX_UNIT_WORDS)
    line = MEMBER_LINE.match(read.body.strip(" -+*•"))
    if line is None:
        return
    rest_start = read.body.find(line["rest"])
    # ("Trưởng phòng Quản lý công sản - Sở Tài chính": the head of a department stands for it)
    rest = regex.sub(r"\b(?:Phó\s+)?Trưởng\s+phòng\s+(?=\p{Lu})", "đại diện Phòng ", line["rest"])
    for m in MEMBER_BODY.finditer(rest):
        start = read.body_start + rest_start + m.start("units")
        found.add_listed(m["units"], start, "other", "rule:unit_member", MAX_UNIT_WORDS)


def _chaired_units(found: _Collector, read: _Line) -> bool:
    """The lead of "Sở Tài chính chủ trì, phối hợp với …" and the partners of its clause; True when the line has one."""
    line = read.line
    chaired_any = False
    for chaired in CHAIRED.finditer(line.text):
        if LABEL_NOT_BODY.match(chaired["units"]):
            continue
        chaired_any = True
        found.add_listed(chaired["units"], line.start + chaired.start("units"), "lead", "rule:unit_chaired")
        clause_end = CLAUSE_END.search(line.text, chaired.end()).start()
        for m in SUPPORT.finditer(line.text, chaired.end(), clause_end):
            names = partner_names(line.text, m)
            found.add_listed(names, line.start + m.start("units"), "support", "rule:unit_support", MAX_UNIT_WORDS)
    return chaired_any


def _assigned_with_partners(found: _Collector, read: _Line) -> bool:
    """ "Giao X …" opening a line outside Tổ chức thực hiện (a decision's article: "Điều 2. Giao Sở Tài chính phối hợp
    với Sở Lao động - Thương binh và Xã hội và Ủy ban nhân dân các quận, huyện lập thủ tục …"): an explicit assignment,
    X leads and the partners of its clause support (settled convention 1); True when the line has one."""
    assigned = ASSIGN.match(read.body)
    if assigned is None or _assigned_units(found, read, assigned["units"]) is None:
        return False
    clause_end = CLAUSE_END.search(read.body, assigned.end("units")).start()
    for m in SUPPORT.finditer(read.body, assigned.end("units"), clause_end):
        names = partner_names(read.body, m)
        found.add_listed(names, read.body_start + m.start("units"), "support", "rule:unit_support", MAX_UNIT_WORDS)
    return True


def _implementation_line(found: _Collector, read: _Line) -> None:
    """A line of "Tổ chức thực hiện": the units its heading, list item, request or assignment names, the duty
    it gives the unit it stands under, and the units named inside that duty."""
    lead, names_only, named = _heading_units(found, read)
    lead = _list_item_unit(found, read) or lead
    # ("Tham mưu hỗ trợ, khuyến khích các doanh nghiệp …" is the unit's own duty: only a sentence that opens with
    # "Khuyến khích" asks the bodies it names)
    requests = [
        r
        for r in requests_in(read.body)
        if not r["verb"].lower().startswith("khuyến") or not read.body[: r.start()].strip(" -+*•")
    ]
    reports = _reports_asked(found, read)
    for request in requests:
        start = read.body_start + request.start("units")
        found.add_listed(request["units"], start, "other", "rule:unit_request", MAX_UNIT_WORDS)
    assign = None if requests else ASSIGN.match(read.body)
    if assign:
        lead = _assigned_units(found, read, assign["units"]) or lead
    owner = lead or _owning_unit(read.section, found.owners) or found.lead_in
    body = read.body
    if (
        owner is not None
        and body.strip()
        and not (read.heading and lead is not None and (names_only or body.strip().rstrip(":") == lead.name))
    ):
        owner.tasks.append(_task(found, read))
    for pattern, role, method in NAMED_IN_DUTY:
        for m in pattern.finditer(body):
            if pattern is DIRECTED and any(r.start() < m.start() for r in requests):
                continue
            names = partner_names(body, m)
            named_units = found.add_listed(names, read.body_start + m.start("units"), role, method, MAX_UNIT_WORDS)
            if role == "support":
                _partners_of_shared_heading(found, read.section, named_units)
    if not (assign or requests or named or reports):
        _subject_units(found, read, lead, owner)
    _later_subjects(found, read, owner)
    _member_bodies(found, read)


def _partners_of_shared_heading(found: _Collector, section: SectionNode, partners: list[Unit]) -> None:
    """Partners named in the text under a heading of several units ("2. Sở Khoa học và Công nghệ, Sở Nội vụ" / "Sở
    Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ …"): the heading named them, its text says they support."""
    node = next((n for n in [section, *section.ancestors()] if n.id in found.shared), None)
    if node is None:
        return
    for partner in partners:
        key = (body_key(partner.canonical_name), "lead")
        if key in found.shared[node.id] and found.owners.get(node.id) is not found.units.get(key):
            found.partners.add((node.id, key))


def _drop_partner_leads(found: _Collector) -> None:
    """A lead record only a shared heading gave, to a unit every such heading's own text names as a partner."""
    for key in {key for _, key in found.partners}:
        headings = {section_id for section_id, keys in found.shared.items() if key in keys}
        if found.methods.get(key) == {"rule:unit_heading"} and all((h, key) in found.partners for h in headings):
            del found.units[key]


def _reports_asked(found: _Collector, read: _Line) -> bool:
    """Each body asked to report in "… nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương báo cáo …" (other)."""
    reports = list(REPORT_DIFFICULTIES.finditer(read.body))
    for m in reports:
        found.add_listed(m["units"], read.body_start + m.start("units"), "other", "rule:unit_report", MAX_UNIT_WORDS)
    return bool(reports)


def _heading_units(found: _Collector, read: _Line) -> tuple[Unit | None, bool, bool]:
    """The lead unit a numbered heading names, whether the heading only names its units (no task of theirs), and
    whether it named any: "1. Sở Y tế", "3. Trách nhiệm của các Bộ, ngành …", "14. Đề nghị Viện kiểm sát …"
    (other), or "3. Sở Văn hóa, Thể thao và Du lịch chủ trì, …" (the item's subject; support when its duty is to
    support)."""
    section, body_start = read.section, read.body_start
    if not (read.heading and section.marker in ("arabic", "dotted", "letter", "roman", "named")):
        return None, False, False
    if section.part == "implementation":
        return None, False, False
    declared = _heading_names(section, read.body)
    if section.marker == "named" and declared is None:
        return None, False, False
    whole = _whole_title(section, read.body)
    title = declared or GROUP_HEADING.sub("", whole.rstrip(":"))
    # ("1.1. Trưởng Ban Chỉ đạo": the office-holder stands for the body, R5)
    title = _HOLDER_HEADING.sub("", title)
    requested = regex.match(r"^Đề\s+nghị\s*:?\s+", title)
    names = title[requested.end() :] if requested else title
    # ("1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, Công
    # Thương)": the bodies are those the bracket lists, one record each)
    members = _MEMBERS_IN_BRACKETS.search(names)
    parts = _head_list(members.group(0)) if members else split_unit_list(names)
    if (
        (UNIT_HEAD.match(title) or _DUTY_HOLDER.match(title))
        and parts
        and all(word_count(part) <= MAX_UNIT_WORDS for part in parts)
        and not ASSIGN.match(title)
        # (a heading that says its bodies have duties names them whole: "Trách nhiệm của các cơ quan quản lý cấp trên")
        and (declared is not None or members is not None or not _NAMES_A_DUTY.search(names))
        and not all(_OTHERS.match(part) for part in parts)
    ):
        role = "other" if requested else "lead"
        lead = None
        for part in parts:
            # (each body where the heading names it; one the list rewrote, "Các Sở: Tài chính" → Sở Tài chính, the
            # whole heading)
            at = read.body.find(part)
            start, end = (
                (body_start + at, body_start + at + len(part)) if at >= 0 else (body_start, body_start + len(whole))
            )
            unit = found.add(part, role, start, end, "rule:unit_heading")
            lead = lead or unit
            if len(parts) > 1 and role == "lead":
                found.shared.setdefault(section.id, []).append((body_key(unit.canonical_name), "lead"))
        found.owners[section.id] = lead
        return lead, True, True
    return _item_subject(found, read)


def _whole_title(section: SectionNode, body: str) -> str:
    """A heading's title with the bracket the section tree ended at its colon closed again: "Các cơ quan … (gồm các Sở:
    Xây dựng, …)"."""
    title = section.title
    if title.endswith(" …") and body.startswith(title[:-2]):
        # (the section tree shortens a long title for display: "Ủy ban Thường vụ Quốc hội, …, các Đoàn đại biểu Quốc
        # …"; the names are read from the whole first sentence)
        title = first_sentence(body)
    if title.count("(") > title.count(")") and body.startswith(title):
        close = body.find(")", len(title))
        if close >= 0:
            return body[: close + 1]
    return title


# A heading that names a post of a body: "1.1. Trưởng Ban Chỉ đạo", "Thành viên Ban Chỉ đạo".
_HOLDER_HEADING = regex.compile(r"^(?:Phó\s+)?" + _OFFICE_HOLDER + r"\s+(?=(?:" + _HEAD_WORDS + r")\b)", regex.I)
# The members of a heading's group listed in brackets under one head word: "(gồm các Sở: Xây dựng, Công Thương)".
_MEMBERS_IN_BRACKETS = regex.compile(
    r"\(\s*(?:bao\s+)?gồm\s+(?:(?:các|những)\s+)?(?:Sở|Bộ|Phòng|Ban)\s*:[^()]+\)\s*$", regex.I
)
# Those a heading of duties gives duties to, named by what they do rather than by a body's head word: "Trách nhiệm của
# đối tượng thực hiện kiểm kê".
_DUTY_HOLDER = regex.compile(r"^(?:các\s+)?đối\s+tượng\s+(?:thực\s+hiện|được\s+giao|có\s+trách\s+nhiệm)\b", regex.I)
# An alias in brackets after the name a heading of duties gives: "các cơ quan quản lý cấp trên (cơ quan chủ quản)".
_ALIAS_IN_BRACKETS = regex.compile(r"\s*\((?![^()]*\bgồm\b)[^()]*\)\s*$")


# "3. Đối với các tổ chức khác": the bodies the text under it goes on to name, no body of its own
_OTHERS = regex.compile(
    r"^(?:các|những)\s+(?:" + "|".join(regex.escape(g).replace(r"\ ", r"\s+") for g in LEXICON.groups) + r")\s+khác$",
    regex.I,
)


def _heading_names(section: SectionNode, body: str) -> str | None:
    """The names of a heading that gives its units duties, without the words that say so: "Điều 4. Sở Lao động -
    Thương binh và Xã hội có nhiệm vụ" → "Sở Lao động - Thương binh và Xã hội"; "3. Trách nhiệm của các Bộ, ngành …" →
    "các Bộ, ngành …"; None when the heading is no such heading."""
    title = ARTICLE_HEADING.sub("", section.title).rstrip(" :")
    # the section tree ends a title at a semicolon, where a heading's list of units goes on: "3. Trách nhiệm của các
    # Bộ, ngành, địa phương; Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, …"
    if title.endswith(";") and body.startswith(title):
        title = body.rstrip(" .:")
    names = HAS_DUTIES.sub("", RESPONSIBILITY_OF.sub("", title))
    if names != title:
        names = _ALIAS_IN_BRACKETS.sub("", names)
    return names if names != title and (UNIT_HEAD.match(names) or _DUTY_HOLDER.match(names)) else None


def _under_duty_heading(section: SectionNode) -> bool:
    """Whether a line stands under a heading that gives its units duties ("Điều 5. Kho bạc Nhà nước … có nhiệm vụ"):
    its items are read as those of Tổ chức thực hiện, wherever the heading stands."""
    return any(_heading_names(node, node.title) for node in [section, *section.ancestors()])


# "4. Các đơn vị, địa phương báo cáo kết quả … gửi về …" (33): bodies told only to report are other (R5: "Các đơn vị …
# báo cáo"), also in a numbered item.
_REPORTS_ONLY = regex.compile(r"\s*(?:định\s+kỳ\s+)?báo\s+cáo\b(?![^.;]*\b(?:chủ\s+trì|đầu\s+mối)\b)", regex.I)


def _item_subject(found: _Collector, read: _Line) -> tuple[Unit | None, bool, bool]:
    """A numbered item whose subject is a body: its lead unit, unless its duty is to support ("3. Các phòng, ban …
    phối hợp …"). Under a unit's heading, a subject that is that unit again ("2.13. Ủy ban nhân dân xã, phường" / "đ) Ủy
    ban nhân dân các xã, phường phân công …") is no record of its own; a member named under a group's heading ("2. Các
    sở, ngành" / "a) Sở Tài chính chủ trì …") leads."""
    subject = ITEM_SUBJECT.match(read.body)
    if not subject or ASSIGN.match(read.body):
        return None, False, False
    duty = read.body[subject.end() :]
    supports = _SUPPORTS.match(duty) and not _LEADS_WITH_HELPERS.match(duty) and not _does_with_partners(duty)
    role = "support" if supports else "other" if _REPORTS_ONLY.match(duty) else "lead"
    heading_unit = _owning_unit(read.section.parent, found.owners) if read.section.parent else found.lead_in
    if heading_unit is not None and not supports:
        names = split_unit_list(_trim_name(subject["units"]))
        if all(_same_body(canonical_name(n, found.qualifier), heading_unit.canonical_name) for n in names):
            return heading_unit, False, True
        # another body told to act under one body's heading (or after a directive's request) is asked, not led (R5)
        if role == "lead" and not _GROUP.match(heading_unit.name) and not _LEADS_ITSELF.match(duty.strip()):
            role = "other"
    start = read.body_start + subject.start("units")
    listed = found.add_listed(subject["units"], start, role, "rule:unit_item_subject")
    if role == "lead" and listed:
        found.owners[read.section.id] = listed[0]
        return listed[0], False, True
    return None, False, bool(listed)


_GROUP = regex.compile(r"(?i:các|những)\s")


def _same_body(name: str, other: str) -> bool:
    """Whether two names are one body, case and "các" aside ("Ủy ban nhân dân các xã, phường", "… xã, phường")."""

    def fold(text: str) -> str:
        return " ".join(w for w in regex.split(r"[\s,]+", text.lower()) if w not in ("các", "những"))

    return fold(name) == fold(other)


# An item's duty that is to support: "… có trách nhiệm phối hợp", "… theo chức năng, nhiệm vụ được giao chủ động
# phối hợp với Sở …"
_SUPPORTS = regex.compile(
    r"\s*(?:được\s+giao\s+)?(?:(?:có\s+trách\s+nhiệm|chủ\s+động|tích\s+cực|thường\s+xuyên)\s+)?phối\s+hợp"
)


# "6. Sở Tài chính phối hợp với các cơ quan, đơn vị liên quan tham mưu …": working with whoever is concerned, the
# subject does the duty that follows (lead); "… chủ động phối hợp với Sở Nông nghiệp và Môi trường trong việc …" helps
# a named body (support)
_LEADS_WITH_HELPERS = regex.compile(
    r"\s*phối\s+hợp\s+với\s+các\s+(?:cơ\s+quan|đơn\s+vị|sở|ngành)\b[^.;:]{0,60}?(?:có\s+)?liên\s+quan\s+" + _DUTY_VERBS,
    regex.I,
)


def _does_with_partners(duty: str) -> bool:
    """ "… phối hợp với Bộ Nội vụ, Bộ Tài chính hướng dẫn thực hiện …": the subject does the duty that follows its named
    partners (it leads; they support); "… phối hợp với Sở X trong việc …", "… có trách nhiệm phối hợp với …" help."""
    partners = SUPPORT.match(duty.strip())
    if partners is None or not regex.match(r"phối\s+hợp\s+với\s", duty.strip(), regex.I):
        return False
    return bool(_DUTY_FOLLOWS.match(duty.strip(), partners.end("units")))


_DUTY_FOLLOWS = regex.compile(r"(?<!\s)\s++(?-i:" + _DUTY_VERBS + ")")


# Lead wording in a list item's own duty: "- Phòng Nghiệp vụ Y: Làm đầu mối thực hiện …", "Chủ trì …".
_LEADS_ITSELF = regex.compile(r"\b(?:chủ\s+trì|đầu\s+mối)\b", regex.I)


def _list_item_unit(found: _Collector, read: _Line) -> Unit | None:
    """A list item that names its unit before a colon ("- Phòng Kế hoạch - Tài chính: …"): the unit leads, as a
    member of the group a heading above names ("1. Các phòng chức năng"); under a heading that names one body ("2. Sở
    Y tế:") it is another body told to act (other, R5) unless its duty says it leads. The line's body is what follows
    the colon."""
    named = BULLET_UNIT.match(read.body) if read.heading and read.section.marker == "bullet" else None
    if not named:
        return None
    above = _owning_unit(read.section.parent, found.owners) if read.section.parent else None
    told = above is not None and not regex.match(r"(?i:các|những)\s", above.name)
    role = "other" if told and not _LEADS_ITSELF.search(read.body, named.end()) else "lead"
    listed = found.add_parts(named["units"], read.body, read.body_start, role, "rule:unit_list_item")
    lead = listed[0] if listed else None
    if lead is not None:
        found.owners[read.section.id] = lead
    read.body_start += named.end()
    read.body = read.body[named.end() :]
    return lead


def _assigned_units(found: _Collector, read: _Line, names: str) -> Unit | None:
    """The units of "Giao X, Y …": each leads; the last one is the line's lead. "Phòng Kế hoạch - Tài chính, Sở Y
    tế": the issuing body after a comma qualifies the unit, it is no unit of its own."""
    lead = None
    for part in split_unit_list(regex.sub(r"\s*,\s*(?=(?:Phòng|Sở|Bệnh|Trung|TTYT|BVĐK|Văn))", "; ", names)):
        if part and canonical_name(part, None).lower() != (found.qualifier or "").lower():
            offset = read.body.find(part)
            lead = found.add(
                part, "lead", read.body_start + offset, read.body_start + offset + len(part), "rule:unit_assignment"
            )
    return lead


def _task(found: _Collector, read: _Line) -> Task:
    """The duty a line gives, with the indicators it names, its deadline and its product."""
    body = read.body
    refs = [r.strip() for m in INDICATOR_REFS.finditer(body) for r in m["refs"].split(",")]
    refs += [r for r in _refs_by_name(body, found.labels_by_metric) if r not in refs]
    deadline = DEADLINE.search(body)
    return Task(
        text=body.strip(),
        indicator_refs=refs,
        deadline=deadline.group(0).strip() if deadline else None,
        product=task_product(body),
        provenance=found.doc.provenance(read.body_start, read.line.end, "rule:unit_task", confidence.UNIT_TASK),
    )


def _subject_units(found: _Collector, read: _Line, lead: Unit | None, owner: Unit | None) -> None:
    """A sentence whose subject is a unit other than the heading's: other, or support when its duty is to
    "(có trách nhiệm) phối hợp" (decision U3)."""
    heading, section = read.heading, read.section
    if (heading and section.part == "implementation") or (heading and lead is not None and section.marker != "bullet"):
        return
    subject = SUBJECT.match(read.body)
    if not subject:
        return
    role = subject_role(subject["verb"])
    for part in split_unit_list(subject["units"]):
        if not found.names_a_body(part) or (
            owner is not None and canonical_name(part, found.qualifier).lower() == owner.canonical_name.lower()
        ):
            continue
        offset = subject.start("units") + max(subject["units"].find(part), 0)
        found.add(part, role, read.body_start + offset, read.body_start + offset + len(part), "rule:unit_subject")


# A sentence after the first in a line: "1. Kế hoạch này được tiến hành lồng ghép với … . Các thành viên Tổ công tác …
# triển khai …" (27).
_NEXT_SENTENCE = regex.compile(r"(?<=\.)\s+(?=\p{Lu})")


def _later_subjects(found: _Collector, read: _Line, owner: Unit | None) -> None:
    """Sentences after a line's first whose subject is a unit other than the one the line stands under: other, or
    support when the duty is to "(có trách nhiệm) phối hợp" (decision U3), as a line's first sentence is read."""
    for boundary in _NEXT_SENTENCE.finditer(read.body):
        sentence = read.body[boundary.end() :]
        subject = SUBJECT.match(regex.split(r"\.(?:\s|$)", sentence, maxsplit=1)[0])
        if not subject:
            continue
        role = subject_role(subject["verb"])
        for part in split_unit_list(subject["units"]):
            if (
                word_count(part) > MAX_UNIT_WORDS
                or not found.names_a_body(part)
                # (a member the list ran into, no body: "…; người dân và doanh nghiệp là trung tâm, là chủ thể")
                or not UNIT_HEAD.match(regex.sub(r"^" + _OFFICE_HOLDER + r"\s+", "", part))
                or (owner is not None and canonical_name(part, found.qualifier).lower() == owner.canonical_name.lower())
            ):
                continue
            offset = read.body_start + boundary.end() + subject.start("units") + max(subject["units"].find(part), 0)
            found.add(part, role, offset, offset + len(part), "rule:unit_subject")


def _refs_by_name(text: str, labels_by_metric: dict[str, list[str]]) -> list[str]:
    """Indicators a duty names by their wording ("các chỉ tiêu: 3.7, tỷ lệ Bác sĩ/vạn dân") → their labels."""
    refs: list[str] = []
    for mention in INDICATOR_MENTION.finditer(text):
        for phrase in regex.split(r"\s*[,;]\s*", mention["list"]):
            metric = metric_for(phrase, None) if regex.search(r"\p{L}", phrase) else None
            refs += [label for label in labels_by_metric.get(metric or "", []) if label not in refs]
    return refs


def activity_units(
    doc: NormalizedDocument,
    activities: list[Activity],
    units: list[Unit],
    issuer: str | None,
    stated: Sequence[Indicator] = (),
) -> list[Unit]:
    """Units named in appendix work-item tables: the lead cell → lead, coordinating cells → support. A row
    that states a target (``stated``: every statement of a target, restatements included, each with the
    label its place gives it) assigns it: each unit the row names gets a task referring to that label."""
    qualifier = _qualifier(issuer)
    by_key = {(body_key(u.canonical_name), u.role): u for u in reversed(units)}  # the first record of each
    added: list[Unit] = []
    for activity in activities:
        refs = row_refs(activity, stated)
        for role, name, canon in activity_unit_names(activity, qualifier):
            task = Task(
                text=activity.name,
                indicator_refs=refs,
                deadline=activity.deadline,
                product=activity.product,
                provenance=activity.provenance,
            )
            known = by_key.get((body_key(canon), role))
            if known is not None:
                if refs:  # a unit already recorded is assigned this row's targets too
                    known.tasks.append(task)
                continue
            unit = Unit(
                id="",
                name=name,
                canonical_name=canon,
                role=role,  # type: ignore[arg-type]
                tasks=[task],
                provenance=activity.provenance,
            )
            by_key[(body_key(canon), role)] = unit
            added.append(unit)
    result = [*units, *added]
    for i, unit in enumerate(result, start=1):
        unit.id = f"unit-{i}"
    return result


def row_refs(activity: Activity, stated: Sequence[Indicator]) -> list[str]:
    """The labels of the targets stated inside an activity's row ("2 | Phấn đấu … 05 bộ dữ liệu …; có tối
    thiểu 05 kịch bản … | Sở KH&CN" under "I. Kinh tế số" → ["I.2"]), in order, once each."""
    start, end = activity.provenance.start, activity.provenance.end
    labels = [i.label for i in stated if i.label and start <= i.provenance.start < end]
    return list(dict.fromkeys(labels))


def assign_unit_ids(units: list[Unit], activities: list[Activity], issuer: str | None, province: str | None) -> None:
    """Ids that join across tables: each unit's, and those of the units an activity's cells name."""
    for unit in units:
        unit.unit_id = unit_id(unit.canonical_name, province)
    qualifier = _qualifier(issuer)
    for activity in activities:
        named = activity_unit_names(activity, qualifier)
        activity.lead_unit_ids = list(dict.fromkeys(unit_id(c, province) for r, _, c in named if r == "lead"))
        activity.support_unit_ids = list(dict.fromkeys(unit_id(c, province) for r, _, c in named if r == "support"))


def activity_unit_names(activity: Activity, qualifier: str | None) -> list[tuple[str, str, str]]:
    """(role, name, canonical name) of every unit an activity's lead and support cells name."""
    named = [(activity.lead_unit, "lead")] if activity.lead_unit else []
    named += [(name, "support") for name in activity.support_units]
    found = []
    for cell, role in named:
        for part in _split_cell(cell) if role == "lead" else split_unit_list(cell):
            # a cell may go on with the duty: "Sở Khoa học và Công nghệ thúc đẩy, theo dõi …"
            subject = ITEM_SUBJECT.match(part)
            name = _trim_name(subject["units"] if subject else part)
            found.append((role, name, canonical_name(name, qualifier)))
    return found


def _split_cell(cell: str) -> list[str]:
    """'BVĐK tỉnh, BV YHCT tỉnh, Trung tâm YT các huyện' → three units (commas before a unit name); 'Bộ CHQS tỉnh;
    UBND cấp xã' → two (a semicolon separates units)."""
    return [p for p in _CELL_SPLIT.split(cell) if p.strip()]


_CELL_SPLIT = regex.compile(
    _LOST_SEPARATOR
    + r"|\s*;\s*|\s+và\s+"
    + OTHER_BODIES
    + r"|\s*,\s*(?=(?-i:\p{Lu}{2,})\b|"  # ", VOV, TTXVN": bodies known by their initials
    + UNIT_HEAD.pattern.lstrip("^")
    + r"|(?i:(?:các\s+)?(?:"
    + LEXICON.own_member_pattern()
    + r"))\b)",
)


def _owning_unit(section: SectionNode, owners: dict[str, Unit]) -> Unit | None:
    """The unit whose heading encloses this line."""
    node: SectionNode | None = section
    while node:
        if node.id in owners:
            return owners[node.id]
        node = node.parent
    return None
