"""Indicators: every quantified target of the plan, one record per value and year.

Read in the parts of a plan that set targets (chỉ tiêu, mục tiêu cụ thể, appendix tables of targets),
elsewhere only where the plan commits to a figure. A line is split into clauses at ";" and before
numbered sub-items; a clause's year is the last "năm YYYY / đến YYYY" before the number (else one after
it in its sentence, the heading's horizon, the plan's period); the comparator comes from the words
around the number; the unit is "%", "‰", a rate per a population ("/10.000 dân", "/1.000 phụ nữ"), a
level ("mức 3") or a counted noun from COUNT_NOUNS. The name is the measured quantity
(``indicator_name``); a target stated again is one record with its restatements.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Baseline, Indicator, Target
from vnplan.structure import confidence
from vnplan.structure.metrics import metric_for
from vnplan.structure.money import COMPARISON_BASE, STATE_MONEY
from vnplan.structure.numbers import parse_number
from vnplan.structure.rules import LEGAL_TYPES
from vnplan.structure.sections import Line, SectionNode

TARGET_PARTS = frozenset({"indicators", "specific_objectives", "objectives"})
# Outside those parts, a number counts only when the plan commits to it in the same clause and
# sentence ("phấn đấu … 95% dân số …", "có từ 03 đề tài").
COMMITMENT = regex.compile(
    r"(?:phấn\s+đấu|phân\s+đầu|bảo\s+đảm|bao\s+đảm|đảm\s+bảo|duy\s+trì|giữ\s+nguyên|kết\s+nối|đạt)\s|(?:có\s+)?từ\s+\d"
    r"|\bcho\s+(?:trên\s+|tối\s+thiểu\s+|ít\s+nhất\s+)?\d+(?:[.,]\d+)?\s*%"  # "tập huấn cho trên 15% các cơ quan"
    r"|\bhoàn\s+thành\s+(?:\p{L}+\s+){0,2}\d+(?:[.,]\d+)?\s*%",  # "hoàn thành 100% nhiệm vụ chi …"
    regex.I,
)
# A sentence that opens on the horizon it sets commits to what it counts ("Đến năm 2020 phát triển 39 siêu thị",
# "Đến năm 2020, số lượng chợ … là 260 chợ"; FORMAT.md settled convention 3: "có … đến năm YYYY").
HORIZON_OPENER = regex.compile(
    r"(?:^|(?<=[.:]\s))[-+*•\s]*(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<year>(?:19|20)\d\d)\b", regex.I
)
# What follows a count and names its parts ("215 cửa hàng, trong đó giữ nguyên 135 cửa hàng, …", "260 chợ (02 chợ
# đầu mối …"): the parts are no targets of their own.
PARTS_FOLLOW = regex.compile(r"\btrong\s+đó\b|\(", regex.I)
# Clauses of a line: after ";", and before a numbered sub-item run into the line ("… (1) Tỷ trọng … (2) …")
CLAUSE_BREAK = regex.compile(r"(?<=;)\s*+|(?<!\s)\s++(?=\(\d{1,2}\)\s)")
EVERY_YEAR = regex.compile(r"(?<!bình\s+quân\s)(?:hàng|hằng|mỗi)\s+năm", regex.I)
PER_YEAR = regex.compile(r"\s*[\p{L}\s]{0,30}/\s*năm\b")  # "120.000 lượt người/năm": a yearly quantity
# An estimate of where a quantity stands ("ước đạt", "ước thực hiện", "ước tính") states no target.
ESTIMATE = regex.compile(r"\bước\s+(?:đạt|thực\s+hiện|tính|khoảng|cả\s+năm)\b", regex.I)

# Words before a number that set the comparator (longest first), and words after it.
COMPARATORS_BEFORE: tuple[tuple[str, str], ...] = (
    ("không dưới", ">="),
    ("không thấp hơn", ">="),
    ("không quá", "<="),
    ("không vượt quá", "<="),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("tối đa", "<="),
    ("trên", ">"),
    ("dưới", "<"),
    ("từ", ">="),
    ("≥", ">="),
    ("≤", "<="),
    (">=", ">="),
    ("<=", "<="),
    (">", ">"),
    ("<", "<"),
)
COMPARATORS_AFTER: tuple[tuple[str, str], ...] = (("trở lên", ">="), ("trở xuống", "<="), ("trở lại", "<="))

# Nouns a count target can be made of ("đạt 41 giường bệnh", "tối thiểu 100 bác sĩ").
COUNT_NOUNS = (
    "giường bệnh",
    "giường",
    "bác sĩ",
    "bác sỹ",
    "dược sĩ",
    "dược sỹ",
    "điều dưỡng",
    "trung tâm y tế",
    "bệnh viện",
    "trạm y tế",
    "kỹ thuật",
    "đề tài",
    "lượt người",
    "chính sách",
    "bộ dữ liệu",
    "tập dữ liệu",
    "sàn giao dịch dữ liệu",
    "kịch bản",
    "dự án",
    "doanh nghiệp",
    "mô hình",
    "cơ sở y tế",
    "đội",
    "tin, bài",
    "lần",
    "người",
    "xã",
    "cơ sở",
    "tuổi",
    "năm",
    "lượt khách",
    # a commerce plan's network: "260 chợ", "215 cửa hàng", "39 siêu thị", "20 trung tâm thương mại"
    "chợ",
    "cửa hàng",
    "siêu thị",
    "trung tâm thương mại",
    "khu thương mại",
)
# Units of magnitude a target may be measured in ("kim ngạch xuất khẩu đạt 500 triệu USD", "sản lượng lúa đạt 4
# triệu tấn"): the target is a level, its unit as written. Money in đồng is a budget (FORMAT.md R3), not here.
MEASURE_UNITS = ("USD", "đô la Mỹ", "đô la", "tấn", "ha", "héc ta", "km", "MW", "kWh", "m3", "m²", "m2")
# The order of magnitude written before a unit ("22 - 23 triệu lượt khách", "1,5 tỷ USD").
MAGNITUDES = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ")
_COUNT_NOUN = "|".join(sorted((regex.escape(n) for n in COUNT_NOUNS), key=len, reverse=True))
_MEASURE = "|".join(sorted((regex.escape(n) for n in MEASURE_UNITS), key=len, reverse=True))
_MAGNITUDE = r"(?:(?:" + "|".join(MAGNITUDES) + r")\s+)"
MEASURE_UNIT = regex.compile(r"(?:^|\s)(?:" + _MEASURE + r")$", regex.I)
PER_CAPITA_AFTER = regex.compile(r"\s*/\s*(?:vạn|10\.000)\s+dân")
PER_CAPITA = regex.compile(r"(?P<noun>[\p{L} ]{2,20}?)\s*(?:/|trên|\s)\s*(?:vạn|10\.000)\s+dân", regex.I)

NUMBER_TOKEN = r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
TARGET = regex.compile(
    r"(?P<before>(?:" + "|".join(regex.escape(w) for w, _ in COMPARATORS_BEFORE) + r")\s*)?"
    r"(?<![\d.,/-])" + NUMBER_TOKEN + r"(?P<range>\s*[-–]\s*\d+(?:[.,]\d+)?)?(?![\d/])\s*"
    r"(?P<unit>%o|‰|%|" + _MAGNITUDE + r"?(?:" + _MEASURE + r")(?![\p{L}])|"
    r"" + _MAGNITUDE + r"?(?:" + _COUNT_NOUN + r")(?:\s*(?:,|và)\s*(?:" + _COUNT_NOUN + r"))*(?![\p{L}]))?"
    r"(?P<range_after>(?<=%)\s*[-–]\s*\d+(?:[.,]\d+)?\s*%)?"  # "60%-70%": the range written after the unit
    r"(?P<after>\s*(?:" + "|".join(w for w, _ in COMPARATORS_AFTER) + r"))?",
    regex.I,
)
# Money is a budget (FORMAT.md R3), except the economy's aggregates a plan sets as targets ("Quy mô GRDP theo giá
# hiện hành đạt 660.085 tỷ đồng", "GRDP bình quân đầu người đạt khoảng 91 triệu đồng", "Tổng vốn đầu tư xã hội
# đạt khoảng 270.000 tỷ đồng"): a level in the money unit as written, when one of these names the figure.
MONEY_QUANTITIES = (
    r"quy\s+mô\s+(?:(?:của\s+)?(?:GRDP|GDP)|(?:nền\s+)?kinh\s+tế)",
    r"(?:GRDP|GDP)\s+(?:bình\s+quân\s+)?(?:đầu\s+người|trên\s+người)",
    r"thu\s+nhập\s+bình\s+quân",
    r"(?:tổng\s+)?vốn\s+đầu\s+tư\s+(?:phát\s+triển\s+)?(?:toàn\s+)?xã\s+hội",
    r"tổng\s+sản\s+phẩm\s+(?:trong|trên\s+địa\s+bàn)",
    r"giá\s+trị\s+sản\s+xuất",
    r"tổng\s+mức\s+bán\s+lẻ",
)
MONEY_QUANTITY = regex.compile(r"(?<!\p{L})(?:" + "|".join(MONEY_QUANTITIES) + r")(?!\p{L})", regex.I)
MONEY_UNIT = regex.compile(r"(?:nghìn\s+|ngàn\s+)?(?:tỷ|tỉ|triệu)\s+đồng\b", regex.I)
MONEY_TARGET = regex.compile(
    r"(?P<before>(?:" + "|".join(regex.escape(w) for w, _ in COMPARATORS_BEFORE) + r")\s*)?"
    r"(?<![\d.,/-])" + NUMBER_TOKEN + r"(?P<range>\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*"
    r"(?P<unit>(?:nghìn\s+|ngàn\s+)?(?:tỷ|tỉ|triệu)\s+đồng(?:\s*/\s*(?:người|năm))*)(?![\p{L}])"
    r"(?P<range_after>(?!))?(?P<after>\s*(?:trở\s+lên|trở\s+xuống))?",
    regex.I,
)
LEVEL = regex.compile(r"(?P<before>(?:tối\s+thiểu|ít\s+nhất|trên)\s+)?mức\s+(?P<number>\d{1,2})(?!\d)", regex.I)
YEAR = regex.compile(r"(?:năm|Năm|đến|Đến|vào)\s+(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")
# A period named in the clause ("giai đoạn 2026 - 2028 tăng bình quân 10%/năm"): its targets are for its last year.
PERIOD_YEAR = regex.compile(
    r"(?:giai\s+đoạn|thời\s+kỳ)\s+(?:19|20)\d\d\s*[-–]\s*(?P<year>(?:19|20)\d\d)(?!\d)", regex.I
)
# The period written right after a figure ("… đạt 16,5%/năm giai đoạn 2011 - 2015 và 17%/năm giai đoạn 2016 - 2020"):
# the figure's own, before any year or period named earlier in the clause.
PERIOD_AFTER = regex.compile(
    r"(?<!\s)\s*+(?:/\s*+năm\s*+)?(?:trong\s++|cả\s++)?(?:giai\s++đoạn|thời\s++kỳ)\s++(?:19|20)\d\d\s*+[-–]\s*+"
    r"(?P<year>(?:19|20)\d\d)(?!\d)",
    regex.I,
)
# A share that restates the amount before it ("Mức bội chi … là 204.000 tỷ đồng (…), tương đương 3,7% tổng sản phẩm
# trong nước", "… đạt 15.000 tỷ đồng, bằng 10% GRDP"): the amount is the budget, its share no target of its own.
RESTATES_AMOUNT = regex.compile(
    r"(?:nghìn\s+|ngàn\s+)?(?:tỷ|tỉ|triệu)\s+đồng\s*+(?:\([^()]{0,120}\)\s*+)?,?\s*+(?:tương\s+đương|bằng)\s+(?:khoảng\s+)?$",
    regex.I,
)
# A document cited after a target ("… nhằm hoàn thành các chỉ tiêu đã được Chương trình mục tiêu quốc gia …
# đến năm 2030 giao"): the years after it belong to its title, not to the target (FORMAT.md R3).
CITED_DOCUMENT = regex.compile(r"(?<!\p{L})(?:" + "|".join(LEGAL_TYPES) + r"|Chiến\s+lược|Dự\s+án)(?!\p{L})")
# A measure that describes a thing to build or keep ("kho hàng và bến bãi có diện tích từ 2.000m2 - 3.000 m2", "bến
# cảng … có công suất 500.000 tấn"): what it has, no target.
DESCRIBED = regex.compile(
    r"\bcó\s+(?:diện\s+tích|công\s+suất|chiều\s+dài|sức\s+chứa|dung\s+tích|tải\s+trọng)\b(?:[^,;.]|[.,](?=\d)){0,40}$",
    regex.I,
)
# Numbers that belong to a name, not to a target: "dưới 5 tuổi", "cấp II", "10.000 dân".
NAME_NUMBERS = regex.compile(
    r"(?:dưới|trên)\s+\d++\s+tuổi|(?<!\d)\d++\s*/\s*\d+|(?:vạn|10\.000)\s+dân|(?<!\d)\d++\s+(?:ngày|tháng)\s+"
)
# "4/100.000 trẻ sinh ra còn sống", "18 ca sinh/1.000 phụ nữ": a rate per a population written as a number
RATE = regex.compile(
    r"(?P<before>(?:" + "|".join(regex.escape(w) for w, _ in COMPARATORS_BEFORE) + r")\s*)?"
    r"(?<![\d.,/-])" + NUMBER_TOKEN + r"\s*(?P<noun>(?:\p{Ll}+\s+){0,3}?\p{Ll}+)?\s*/\s*"
    r"(?P<per>(?:\d{1,3}(?:\.\d{3})+|\d+)\s+(?:\p{Ll}+\s*){1,5}?)(?=[,;.)]|\s+(?:vào|năm|đến|trong|xuống|lên|còn)\b|\s*$)",
)
FROM_TO = regex.compile(r"(?<!\p{L})\s*+(?:\p{L}++\s*+){0,6}?(?:lên|xuống|còn)\s*+(?:mức\s+)?", regex.I)

# Indicator names. A name is the measured quantity: what the clause says before its figure, without the
# item's numbering, the years and the words that commit to or compare the figure; or, when those words
# only act ("Phấn đấu 100% dân số …"), the share or number of what follows the figure.
NAME_LEAD = regex.compile(
    r"^\s*(?:[-+*•–]\s*|\(\d+\)\s*|\d+(?:\.\d+)*\.?\s+|[a-zđ]\)\s*|(?:Chỉ|Mục)\s+tiêu\s+\d+\s*[:.]?\s*|"
    r"(?:phấn\s+đấu|phân\s+đầu|đạt|duy\s+trì|giữ\s+nguyên|bảo\s+đảm|bao\s+đảm|đảm\s+bảo|kết\s+nối|có|tiếp\s+tục|"
    r"luôn|trong\s+đó|ngoài\s+ra|cụ\s+thể|hằng\s+năm|hàng\s+năm|mỗi\s+năm|tăng|giảm|nâng)\b[\s,:]*)+",
    regex.I,
)
NAME_YEARS = regex.compile(
    r"(?:(?:từ|đến\s+hết|đến|vào|trong|tới|ngay\s+trong)\s+)?(?:giai\s+đoạn\s+|năm\s+)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?(?:\s+trở\s+đi)?\s*,?",
    regex.I,
)
# An amount of money the quantity reaches before a later figure ("Thu ngân sách nhà nước năm 2026 đạt 15.000 tỷ đồng,
# bằng 10% GRDP, tăng 8% …"): the budget's, no part of the name of what follows it.
NAME_AMOUNT = regex.compile(
    r"\s(?:đạt|là)?\s*+(?:khoảng\s+)?\d[\d.,]*+\s*+(?:nghìn\s+|ngàn\s+)?(?:tỷ|tỉ|triệu)\s+đồng\b"
    r"(?:\s*+,?\s*+(?:tương\s+đương|bằng)\s+(?:khoảng\s+)?\d[\d.,]*+\s*+%\s*+\p{L}*+)?",
    regex.I,
)
NAME_TRAIL = regex.compile(
    r"(?<![\s,:;(-])(?:[\s,:;(-]++(?:đạt|là|có|chiếm|ở\s+mức|đạt\s+mức|mức|khoảng|tăng|giảm|lên|xuống|còn|bằng|gấp|được|cho|tại|"
    r"với|của|trên|dưới|từ|tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+quá|phấn\s+đấu|phân\s+đầu|bảo\s+đảm|"
    r"đảm\s+bảo|duy\s+trì(?:\s+ổn\s+định)?|thêm|bình\s+quân|hằng\s+năm|hàng\s+năm|mỗi\s+năm|luôn|đến|năm|tỷ\s+lệ|tỉ\s+lệ|"
    r"thực\s+hiện\s+đạt|lộ\s+trình\s+đạt\s+mục\s+tiêu|mục\s+tiêu|xây\s+dựng|trở\s+lên)?)+$",
    regex.I,
)
# Where the words naming the counted or measured thing after a figure end.
OBJECT_END = regex.compile(
    r"[;.:]|,\s*(?=(?:đến|năm|vào|trong|tới|phấn|đạt|tăng|giảm|mỗi|hàng|hằng|thực|bảo|đảm|duy|có|xây|nâng|đầu|phát|"
    r"hoàn|triển|\d)\b)|(?<!\s)\s++(?:vào|đến|trong)\s++năm\b|"
    r"(?<!\s)\s++(?:trở\s+lên|trở\s+xuống|năm\s+(?:19|20)\d\d|giai\s+đoạn|(?:19|20)\d\d|so\s+với)\b"
)
COMMITS = regex.compile(r"\b(?:phấn\s+đấu|phân\s+đầu|bảo\s+đảm|bao\s+đảm|đảm\s+bảo)\b", regex.I)
# A name that starts with one of these says what is measured by itself.
QUANTITY_HEAD = regex.compile(
    r"^(?:(?:tỷ|tỉ)\s+(?:lệ|trọng|suất|số)|số|tổng|tốc\s+độ|mức|chỉ\s+số|kim\s+ngạch|tuổi\s+thọ|thu\s+nhập|"
    r"giá\s+trị|sản\s+lượng|diện\s+tích|năng\s+suất|thứ\s+hạng|điểm|doanh\s+thu|quy\s+mô|lượng|thời\s+gian|"
    r"độ\s+che\s+phủ|kinh\s+phí|cơ\s+cấu)\b",
    regex.I,
)
# The words of a verb that runs on into its beneficiary: "Tập huấn … cho 15% các cơ quan": the share of those
# who get it. "Kinh tế số chiếm 45% GRDP": a share of the thing after the figure.
BENEFICIARY = regex.compile(r"^(?P<verb>.+?)\s+cho\s+(?P<who>.+)$", regex.I)
SHARE_OF = regex.compile(r"^(?P<part>.+?)\s+chiếm(?:\s+(?:khoảng|trên|dưới|tối\s+thiểu|ít\s+nhất|từ))?\s*$", regex.I)
# The structure a list of shares divides ("Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản chiếm khoảng 20,5%; công
# nghiệp - xây dựng chiếm khoảng 38,56%; dịch vụ chiếm khoảng 40,94%"): each share is a part of it.
STRUCTURE_LEAD = regex.compile(
    r"(?P<whole>cơ\s+cấu\s+(?:kinh\s+tế|GRDP|GDP|lao\s+động|[\p{L} ]{2,30}?))\s*:\s*(?P<part>.+)$", regex.I
)
STRUCTURE_NAME = regex.compile(r"\strong\s+(?P<whole>cơ\s+cấu\s+.+)$", regex.I)
# The aggregate a quantity is measured against, written after its figure ("Nợ công không quá 30% GRDP", "Dư nợ vay …
# không vượt quá 20% số thu ngân sách địa phương được hưởng theo phân cấp").
# Against the state's revenue or spending the subject must name a quantity of its own (three content words or more):
# "Bố trí ít nhất 3% tổng chi ngân sách …" says what is done with a share of it.
SHARE_BASE = regex.compile(
    r"^(?:(?P<economy>GRDP|GDP|tổng\s+sản\s+phẩm)|(?:(?:số|tổng)\s+)?(?:thu|chi)\s+(?:ngân\s+sách|nội\s+địa|cân\s+đối))\b",
    regex.I,
)
# A share of the plan or the estimate ("Chi đầu tư … phấn đấu đạt 100% kế hoạch"): how much of it is done.
PLAN_SHARE = regex.compile(r"^(?:kế\s+hoạch|dự\s+toán)\b.{0,40}$", regex.I)
# Words that name no quantity alone: a name made only of these is no name ("đạt", "Từ", "có", "Duy trì").
FUNCTION_WORDS = frozenset(
    [
        "đạt",
        "từ",
        "có",
        "duy",
        "trì",
        "đến",
        "năm",
        "là",
        "và",
        "các",
        "của",
        "cho",
        "với",
        "tại",
        "trong",
        "được",
        "phấn",
        "đấu",
        "phân",
        "đầu",
        "bảo",
        "đảm",
        "bao",
        "đảm",
        "tối",
        "thiểu",
        "ít",
        "nhất",
        "trên",
        "dưới",
        "không",
        "quá",
        "khoảng",
        "mức",
        "tăng",
        "giảm",
        "lên",
        "xuống",
        "còn",
        "thêm",
        "bằng",
        "hơn",
        "đối",
        "thực",
        "hiện",
        "tỷ",
        "tỉ",
        "lệ",
        "số",
        "những",
        "mỗi",
        "hằng",
        "hàng",
        "trở",
        "đi",
        "vào",
        "luôn",
        "chiếm",
        "gấp",
    ]
)
# What narrows a counted noun ("20 Bác sĩ chuyên khoa cấp I và thạc sĩ được đào tạo") ends at a verb.
QUALIFIER_END = regex.compile(
    r"(?<!\s)\s++(?:được|có|đạt|thực\s+hiện|triển\s+khai|tham\s+gia|làm|phục\s+vụ|cung\s+cấp|tại|trong|cho|trên|"
    r"để|nhằm|theo|ứng\s+dụng|sử\s+dụng)\b",
    regex.I,
)
# "Giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm": a clause that opens with the change ("tăng cường" strengthens).
CHANGE_LEAD = regex.compile(r"^[\W\d]*(?:phấn\s+đấu\s+)?(?:tăng(?!\s+cường)|giảm)\s", regex.I)
# The words that make the figure after them the level a change reaches ("giảm … xuống 17%", "tăng … lên 80%").
LEVEL_TO = regex.compile(r"\b(?:xuống|còn|lên|đạt|ở\s+mức)\s*$", regex.I)
# "Tốc độ tăng chỉ số giá tiêu dùng (CPI) bình quân khoảng 4,5 - 5%": the name says the figure is a growth.
GROWTH_RATE = regex.compile(r"(?:^|\s)tốc\s+độ\s+(?:tăng|giảm)", regex.I)
CHANGE = regex.compile(
    r"\b(?:tăng|giảm)(?:\s+(?:thêm|bình\s+quân|trung\s+bình|khoảng|hằng\s+năm|hàng\s+năm|mỗi\s+năm|tối\s+thiểu|"
    r"ít\s+nhất|từ|trên|dưới|không\s+quá|không\s+dưới))*\s*$",
    regex.I,
)


def content_words(name: str) -> list[str]:
    """The words of a name that say something: letters, not a function word."""
    words = [w.strip(".,;:()“”\"'").lower() for w in name.split()]
    return [w for w in words if regex.search(r"\p{L}", w) and w not in FUNCTION_WORDS]


def is_clean_name(name: str, value: float | None, year: int | None) -> bool:
    """A name a reader understands alone: two content words or more, neither the target's figure nor its
    year inside, not a paragraph (the full sentence stays in provenance)."""
    if len(content_words(name)) < 2 or len(name.split()) > 60:
        return False
    if year is not None and str(year) in name:
        return False
    if value is not None:
        figure = f"{value:g}".replace(".", "[.,]")
        if regex.search(r"(?<![\d.,/])0*" + figure + r"(?![\d]|[.,]\d)\s*(?:%|‰)?", name):
            return False
    return True


def _tidy(text: str) -> str:
    text = NAME_YEARS.sub(" ", text).lstrip(" ,;:-–.")
    text = NAME_AMOUNT.sub(" ", text)
    # "Khám chữa bệnh phấn đấu tổng số lượt người …": what follows the commitment names the quantity
    commitments = list(COMMITS.finditer(text))
    if commitments and len(content_words(text[commitments[-1].end() :])) >= 2:
        text = text[commitments[-1].end() :]
    for _ in range(3):
        text = NAME_TRAIL.sub("", NAME_LEAD.sub("", text)).strip(" ,;:-–")
    text = regex.sub(r"\s+", " ", text).strip(" ,;:-–")
    return text[:1].upper() + text[1:]


def _object_phrase(after: str) -> tuple[str, int]:
    """The words after a figure that name what it counts or measures ("100% [dân số tham gia BHYT]"), and
    where they end in ``after``."""
    if regex.match(r"\s*,", after):
        return "", 0  # "đạt 8% trở lên, quy mô GDP …": what follows a comma is the next clause, not the object
    stop = OBJECT_END.search(after)
    end = stop.start() if stop else len(after)
    # "tăng 10%/năm": a yearly rate, no object
    phrase = regex.sub(r"^\s*(?:/\s*năm\b\s*)?(?:(?:các|những|số)\s+)?", "", after[:end], flags=regex.I)
    if phrase.count(")") > phrase.count("("):
        phrase = phrase.split(")")[0]  # "(… bảo đảm không quá 3.000 dự án)": the bracket the figure stands in
    return " ".join(phrase.split()[:25]), end


def _kind(segment: str, unit: str | None, per: str | None, bounded: bool = False) -> str:
    """level (a state to reach), change (growth or reduction by the figure) or count (a number of things)."""
    # "Giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm" is a change; "Giảm tỷ suất … xuống dưới 30‰" a level to reach
    opens_with_change = bool(CHANGE_LEAD.match(segment)) and not bounded and not LEVEL_TO.search(segment)
    if CHANGE.search(segment) or GROWTH_RATE.search(segment) or opens_with_change:
        return "change"
    measured = unit is not None and bool(MEASURE_UNIT.search(unit) or MONEY_UNIT.search(unit))
    if (
        per is None
        and unit
        and unit not in ("%", "‰", "mức", "tuổi", "năm", "lần")
        and "/" not in unit
        and not measured
    ):
        return "count"
    return "level"


def indicator_name(
    segment: str,
    object_phrase: str,
    unit: str | None,
    counted: str | None,
    context: str | None,
    change: bool = False,
) -> tuple[str, str | None]:
    """The measured quantity (and, for a count, the words narrowing what is counted); a ``change`` names the
    quantity that grows or falls ("số vụ … tăng trên 3%")."""
    subject = _tidy(segment)
    share = SHARE_OF.match(NAME_YEARS.sub(" ", segment).strip())
    qualifier = None
    if counted:
        stop = QUALIFIER_END.search(" " + object_phrase)
        qualifier = (object_phrase[: stop.start() - 1] if stop else object_phrase).strip(" ,") or None
    structure = STRUCTURE_LEAD.search(share["part"]) if share else None
    named_whole = STRUCTURE_NAME.search(context or "") if share else None
    whole = structure["whole"] if structure else named_whole["whole"] if named_whole else None
    if (
        share
        and not object_phrase
        and unit == "%"
        and whole
        and not QUANTITY_HEAD.match(subject.split(":")[-1].strip())
    ):
        part = _tidy(structure["part"] if structure else share["part"])
        name = f"Tỷ trọng {part[:1].lower()}{part[1:]} trong {whole[:1].lower()}{whole[1:]}"
    elif share and object_phrase and unit == "%" and not QUANTITY_HEAD.match(subject):
        name = f"Tỷ trọng {_tidy(share['part']).lower()} trong {object_phrase}"
    elif unit == "%" and PLAN_SHARE.match(object_phrase) and len(content_words(subject)) >= 2:
        name = f"{subject} so với {object_phrase}"  # "Chi đầu tư … đạt 100% kế hoạch": the share of the plan done
    elif (QUANTITY_HEAD.match(subject) or (unit and "/" in unit)) and len(content_words(subject)) >= 2:
        name = subject
        if unit == "%" and not change and regex.match(r"(?i)số\s", subject):
            name = "Tỷ lệ " + subject[3:].strip()  # "số người … đạt 100%": a share
        elif regex.match(r"(?i)tỷ\s+trọng\s", subject) and 0 < len(object_phrase.split()) <= 4:
            name = f"{subject} trong {object_phrase}"  # "Tỷ trọng kinh tế số đạt 30% GRDP": a share of GRDP
    elif (
        unit == "%"
        and (base := SHARE_BASE.match(object_phrase))
        and len(content_words(subject)) >= (2 if base["economy"] else 3)
    ):
        name = f"{subject} so với {object_phrase}"  # "Nợ công không quá 30% GRDP": the quantity against its base
    elif len(content_words(object_phrase)) >= 2 and unit in ("%", "‰"):
        if regex.search(r"(?i)\scho\s*$", segment) and content_words(subject):
            # "Tập huấn … cho trên 15% các cơ quan …": the share of those who get it
            name = f"Tỷ lệ {object_phrase} được {subject[:1].lower()}{subject[1:]}"
        elif len(content_words(subject)) >= 2 and len(subject.split()) <= 8 and not COMMITS.search(segment):
            # "Trung tâm y tế thực hiện được trên 80% kỹ thuật …": who reaches the share belongs to its name
            name = f"Tỷ lệ {object_phrase} {subject[:1].lower()}{subject[1:]}"
        else:
            name = f"Tỷ lệ {object_phrase}"
    elif (
        counted
        and regex.search(r"(?i)\scho(?:\s+khoảng|\s+trên|\s+tối\s+thiểu|\s+ít\s+nhất)?\s*$", segment)
        and len(content_words(subject)) >= 2
    ):
        # "Giải quyết việc làm cho khoảng 59.000 người": the number of those who get it
        name = (
            f"Số {regex.sub(_MAGNITUDE, '', counted, count=1)} được {subject[:1].lower()}{subject[1:]} {object_phrase}"
        )
    elif counted:
        # "22 - 23 triệu lượt khách du lịch": the number of visits; the magnitude stays in the unit
        name = f"Số {regex.sub(_MAGNITUDE, '', counted, count=1)} {object_phrase}".strip()
    elif unit and "/" in unit and unit != "%":
        name = f"Số {unit.removeprefix('/')}"
    elif (beneficiary := BENEFICIARY.match(subject)) and unit == "%":
        name = f"Tỷ lệ {beneficiary['who']} được {beneficiary['verb'][:1].lower()}{beneficiary['verb'][1:]}"
    else:
        name = subject
    name = regex.sub(r"\s+", " ", name).strip(" ,;:-–")
    name = name[:1].upper() + name[1:]
    if len(content_words(name)) < 2 and context:
        name = context  # elliptic: "…; đến năm 2025 đạt 90%" is the quantity named before
    return name or subject or (context or ""), qualifier


def _comparator(before: str | None, after: str | None) -> str:
    if after:
        key = regex.sub(r"\s+", " ", after.strip().lower())
        return dict(COMPARATORS_AFTER)[key]
    if before:
        key = regex.sub(r"\s+", " ", before.strip().lower())
        return dict(COMPARATORS_BEFORE).get(key, "=")
    return "="


def _yearly(text: str, clause_start: int, end: int) -> bool:
    """A quantity for every year ("mỗi năm có từ 03 đề tài", "120.000 lượt người/năm"): no single target year."""
    return bool(EVERY_YEAR.search(_sentence_of(text, clause_start, end)) or PER_YEAR.match(text, end, end + 40))


def _horizon(section: SectionNode | None) -> int | None:
    """The year a heading sets for the targets under it: 'Chỉ tiêu … đến năm 2025', 'Giai đoạn đến năm 2030'."""
    node = section
    while node:
        years = YEAR.findall(node.title)
        if years:
            return int(years[-1])
        node = node.parent
    return None


def _label(section: SectionNode | None) -> str | None:
    node = section
    while node and node.marker == "bullet":
        node = node.parent
    if node and node.marker in ("dotted", "arabic", "named") and node.part in (None, "indicators"):
        return node.label
    return None


def _unit(raw_unit: str | None, name: str) -> str | None:
    if raw_unit is None:
        return None
    unit = raw_unit.strip()
    if unit.lower() == "%o":
        unit = "‰"
    if unit not in ("%", "‰"):
        per_capita = PER_CAPITA.search(name)
        if per_capita:
            noun = per_capita["noun"].strip().split(" ")[-2:]
            noun_text = " ".join(noun).lower()
            if unit.lower().split(" ")[0] in noun_text:
                return f"{noun_text.removeprefix('số ')}/10.000 dân"
    return unit


def find_indicators(
    doc: NormalizedDocument,
    lines: list[Line],
    section_of: dict[int, SectionNode],
    plan_year: int | None = None,
    plan_start: int | None = None,
    from_tables: Sequence[Indicator] = (),
    table_spans: Sequence[tuple[int, int]] = (),
) -> list[tuple[Indicator, str | None]]:
    """Every statement of a target, in document order, with the part of the plan it stands in; each keeps
    the label its own place gives it, also when it restates an earlier one (a table row that assigns it
    refers to it by that label). ``plan_year`` (the end of the plan's own period) is the year of a target whose clause, item and headings give none, unless it is a target for every year; a figure of the
    year before ``plan_start`` followed in its line by a target of the same quantity is that target's baseline.
    ``from_tables`` are the targets read cell by cell from tables of targets (structure/target_tables.py),
    whose lines (``table_spans``) are not read again here."""
    indicators: list[Indicator] = []
    parts: list[str | None] = []  # the part of the plan each indicator stands in
    last_count: Indicator | None = None  # the last count of the item, whose parts may follow on the next line
    last_section: SectionNode | None = None
    for line in lines:
        if any(start <= line.start < end for start, end in table_spans):
            continue
        section = section_of.get(line.number)
        if section is not None and "\t" in line.text and _target_appendix(doc, section):
            found = _appendix_row_targets(doc, line, section, plan_year)
            indicators.extend(found)
            parts.extend("appendix" for _ in found)
            continue
        if (
            section is None
            or section.has_part("appendix", "recipients", "budget")
            or section.nearest_part in ("purpose", "aims", "requirements")  # not "4. Các chỉ tiêu" inside them
        ):
            continue
        in_target_part = section.has_part(*TARGET_PARTS)
        if not in_target_part and not COMMITMENT.search(line.text) and not HORIZON_OPENER.search(line.text):
            continue
        horizon = _horizon(section) if in_target_part else None
        label = _label(section)
        if in_target_part and "\t" in line.text:
            row = _table_row_target(doc, line, section)
            if row is not None:
                indicators.append(row)
                parts.append(section.nearest_part)
                continue
        # "6.4. Hàng năm, A tăng 03%; B tăng 03%": an item that opens with "hằng năm" is yearly in every clause
        marker = match_marker(line.text)
        yearly_item = bool(EVERY_YEAR.match(line.text[marker.end if marker else 0 :].lstrip()))
        offset = 0
        context = _heading_context(section, line)
        in_line: list[Indicator] = []
        for clause in CLAUSE_BREAK.split(line.text):
            start = line.start + line.text.index(clause, offset)
            offset = start - line.start + len(clause)
            found = _clause_targets(doc, clause, start, horizon, label, section, context)
            context = found[-1].name if found else context
            _clear_yearly(doc, found, line.start, (start, start + len(clause)), yearly_item)
            if not in_target_part:
                # a commitment governs its own clause: "phấn đấu … là 120.000 lượt người", "có từ 03 đề tài"
                found = [i for i in found if _committed(_sentence_of(doc.text, start, i.provenance.end), plan_start)]
                for indicator in found:
                    indicator.label = None
            found, last_count = _without_parts(doc.text, found, last_count if last_section is section else None)
            last_section = section
            for indicator in found:
                if indicator.target_year is None and not _yearly(doc.text, line.start, indicator.provenance.end):
                    indicator.target_year = plan_year
            in_line.extend(found)
        in_line = _year_baselines(doc, in_line, plan_start)
        if not in_target_part:
            in_line = [i for i in in_line if not _past_result(doc.text, i, plan_start)]
        indicators.extend(in_line)
        parts.extend(section.nearest_part for _ in in_line)
    # in document order, the tables' targets among the others (a table is one part of its own)
    return sorted(
        [*zip(indicators, parts, strict=True), *((i, "table") for i in from_tables)],
        key=lambda pair: pair[0].provenance.start,
    )


def _committed(sentence: str, plan_start: int | None) -> bool:
    """A sentence outside the target parts that commits to its figures: a target word ("phấn đấu", "đạt", "từ N"),
    or an opening horizon that is not before the plan ("Đến năm 2020 phát triển 39 siêu thị")."""
    if COMMITMENT.search(sentence):
        return True
    horizon = HORIZON_OPENER.match(sentence.lstrip())
    return horizon is not None and (plan_start is None or int(horizon["year"]) >= plan_start)


def _past_result(text: str, indicator: Indicator, plan_start: int | None) -> bool:
    """Outside the target parts, a figure of a year before the plan ("năm 2024 đạt 60%" in a plan for 2026) says where
    things stood: no target. A year the text sets as a horizon ("đến năm 2024 đạt …", "ngay trong năm 2025") or a
    sentence that strives for it ("phấn đấu …") still is one."""
    year = indicator.target_year
    if plan_start is None or year is None or year >= plan_start:
        return False
    before = text[max(0, indicator.provenance.start - 160) : indicator.provenance.start]
    before = before[before.rfind(". ") + 1 :]
    return not (
        COMMITS.search(before) or regex.search(rf"(?i)(?:đến|tới|vào|trong)\s+(?:hết\s+)?(?:năm\s+)?{year}", before)
    )


def _without_parts(
    text: str, found: list[Indicator], whole: Indicator | None = None
) -> tuple[list[Indicator], Indicator | None]:
    """A clause's counts without those that only break down an earlier count of the same thing ("quy hoạch 215 cửa
    hàng, trong đó giữ nguyên 135 cửa hàng, …", "260 chợ (02 chợ đầu mối …", the next line "Trong đó giữ nguyên 54
    chợ …"): the whole (``whole``: the last count of the item so far) is the target. Returns the last count too."""
    kept: list[Indicator] = []
    for indicator in found:
        if (
            whole is not None
            and indicator.target.kind == "count"
            and indicator.target.unit == whole.target.unit
            and PARTS_FOLLOW.search(text, whole.provenance.end, indicator.provenance.start)
        ):
            continue
        kept.append(indicator)
        if indicator.target.kind == "count":
            whole = indicator
    return kept, whole


def merge_indicators(stated: Sequence[tuple[Indicator, str | None]]) -> list[Indicator]:
    """The records of ``find_indicators`` with restatements merged (see ``_merge_restatements``), numbered."""
    indicators = _merge_restatements([i for i, _ in stated], [p for _, p in stated])
    for i, ind in enumerate(indicators, start=1):
        ind.id = f"ind-{i}"
    return indicators


def _year_baselines(doc: NormalizedDocument, found: list[Indicator], plan_start: int | None) -> list[Indicator]:
    """ "Tỷ lệ … năm 2025 đạt 60%, phấn đấu năm 2026 đạt 70%" in a plan for 2026: the figure of a year before
    the plan is where the quantity stands, the baseline of the next target of the same quantity and unit."""
    if plan_start is None:
        return found
    kept: list[Indicator] = []
    for k, indicator in enumerate(found):
        year = indicator.target_year
        later = next(
            (
                i
                for i in found[k + 1 :]
                if i.name == indicator.name
                and i.target.unit == indicator.target.unit
                and (i.target_year or 0) >= plan_start
            ),
            None,
        )
        # "đến năm 2020 đạt 80%" sets a target for 2020 even in a later plan; "năm 2025 đạt 60%" states a level
        before = doc.text[max(0, indicator.provenance.start - 80) : indicator.provenance.start]
        horizon = regex.search(rf"(?i)(?:đến|tới|vào)\s+(?:hết\s+)?(?:năm\s+)?{year}", before) if year else None
        if year == plan_start - 1 and not horizon and later is not None and later.baseline is None:
            later.baseline = Baseline(value=indicator.target.value, year=year)
            continue
        kept.append(indicator)
    return kept


def _merge_restatements(indicators: list[Indicator], parts: list[str | None]) -> list[Indicator]:
    """One record per target: the same quantity, value, unit and year stated again (in the tasks, in an
    appendix that assigns the targets) becomes a restatement of the first. Within one part of the plan,
    two items with their own labels are two targets even when they read alike."""
    kept: list[Indicator] = []
    first: dict[tuple[object, ...], tuple[Indicator, str | None]] = {}
    for indicator, part in zip(indicators, parts, strict=True):
        t = indicator.target
        key = (" ".join(content_words(indicator.name)), t.value, t.value_max, t.unit, indicator.target_year)
        earlier = first.get(key)
        if earlier is not None and (earlier[0].label == indicator.label or earlier[1] != part):
            earlier[0].restatements.append(indicator.provenance)
            continue
        first.setdefault(key, (indicator, part))
        kept.append(indicator)
    return kept


def _appendix_caption(doc: NormalizedDocument, section: SectionNode) -> str | None:
    """The caption of the appendix a section stands in (its words up to its table), else None."""
    node: SectionNode | None = section
    while node is not None and node.part != "appendix":
        node = node.parent
    return doc.text[node.start : node.start + 400].split("\t")[0] if node is not None else None


def _target_appendix(doc: NormalizedDocument, section: SectionNode) -> bool:
    """An appendix that lists targets ("Phụ lục: Phân công thực hiện các chỉ tiêu …" above its table)."""
    return bool(regex.search(r"(?i)\bchỉ\s+tiêu\b", _appendix_caption(doc, section) or ""))


def _appendix_row_targets(
    doc: NormalizedDocument, line: Line, section: SectionNode, plan_year: int | None
) -> list[Indicator]:
    """The targets of a row of an appendix table of targets: "1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài
    chính" under "I. Kinh tế số" has label "I.1"; the appendix's title gives the horizon."""
    cells = line.text.split("\t")
    if not regex.fullmatch(r"\s*\d{1,3}\.?\s*", cells[0]):
        return []
    row = cells[0].strip(" .")
    group = section.label if section.marker == "roman" and section.line != line.number else None
    label = f"{group.rstrip('.')}.{row}" if group else row
    # the caption's own horizon ("… ĐẾN NĂM 2030"), not the date of the plan it is attached to "(Ban hành kèm theo …)"
    caption_years = YEAR.findall(regex.sub(r"\([^)]*\)", "", (_appendix_caption(doc, section) or "").lower()))
    horizon = _horizon(section) or (int(caption_years[-1]) if caption_years else plan_year)
    found: list[Indicator] = []
    offset = len(cells[0]) + 1
    for cell in cells[1:]:
        context = None
        cell_start = line.start + offset
        for clause in CLAUSE_BREAK.split(cell):
            start = cell_start + cell.index(clause)
            targets = _clause_targets(doc, clause, start, horizon, label, section, context)
            _clear_yearly(doc, targets, cell_start, (start, start + len(clause)))
            context = targets[-1].name if targets else context
            found.extend(targets)
        offset += len(cell) + 1
    return found


def _clear_yearly(
    doc: NormalizedDocument,
    found: list[Indicator],
    line_start: int,
    clause: tuple[int, int],
    yearly_item: bool = False,
) -> None:
    """ "Phấn đấu mỗi năm … từ 05 bộ dữ liệu …; có tối thiểu 05 kịch bản": targets for every year of the sentence
    (or of an item that opens with "hằng năm") have no target year, unless their clause gives one in their sentence."""
    clause_start, clause_end = clause
    for indicator in found:
        yearly = yearly_item or EVERY_YEAR.search(_sentence_of(doc.text, line_start, indicator.provenance.start))
        sentence_end = doc.text.find(". ", indicator.provenance.end, clause_end)
        if yearly and not YEAR.search(doc.text, clause_start, sentence_end if sentence_end >= 0 else clause_end):
            indicator.target_year = None


def _heading_context(section: SectionNode, line: Line) -> str | None:
    """The quantity an item's heading names, for elliptic lines under it ("Chỉ tiêu 3: Đối với trung tâm" /
    "Năm 2017 đạt mức 2")."""
    if section.line == line.number or section.marker == "bullet":
        return None
    title = _tidy(section.title)
    return title if len(content_words(title)) >= 2 else None


def _sentence_of(text: str, clause_start: int, end: int) -> str:
    """The clause's words up to ``end``, from the last sentence break (". ") before it."""
    before = text[clause_start:end]
    stop = before.rfind(". ")
    return before[stop + 2 :] if stop >= 0 else before


TABLE_NUMBER = regex.compile(
    r"(?P<comparator>[<>≤≥]=?)?\s*(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/])"
)
YEAR_RANGE = regex.compile(r"(?P<start>(?:19|20)\d\d)\s*[-–]\s*(?P<end>(?:19|20)\d\d)")
TABLE_COMPARATORS = {">": ">", "≥": ">=", ">=": ">=", "<": "<", "≤": "<=", "<=": "<="}


def _table_row_target(doc: NormalizedDocument, line: Line, section: SectionNode) -> Indicator | None:
    """A row of a target table: name, unit, then its figures; the last figure is the target and the
    one before it the baseline (tables put the current value before the goal)."""
    cells = [c.strip() for c in line.text.split("\t")]
    label = cells[0] if regex.fullmatch(r"\d{1,2}", cells[0]) else None
    # numbers inside the name ("bác sĩ/10.000 dân") are masked so they are not read as figures
    text = " ".join(cells[1:] if label else cells)
    body = NAME_NUMBERS.sub(lambda m: regex.sub(r"\d", "#", m.group(0)), text)  # same length as text
    first = TABLE_NUMBER.search(body)
    if first is None or first.start() == 0:
        return None
    name = text[: first.start()].strip()
    figures = [m for m in TABLE_NUMBER.finditer(body, first.start()) if parse_number(m["number"]) is not None]
    if not regex.search(r"\p{L}{2,}", name) or not figures:
        return None
    unit_word = regex.search(r"(%|‰|\p{L}+)\s*$", name)
    if PER_CAPITA_AFTER.search(name) or PER_CAPITA.search(name):
        noun = regex.search(r"(\p{L}+(?:\s\p{L}+)?)\s*/\s*(?:vạn|10\.000)", name)
        unit = f"{noun.group(1).lower().removeprefix('số ')}/10.000 dân" if noun else None
    elif "%" in name or "%" in body[first.start() :]:
        unit = "%"
    else:
        unit = unit_word.group(1).lower() if unit_word else None
    name = regex.sub(r"\s*(?:%|‰)\s*$", "", name)
    # the table's period, from its caption lines ("2026-2030") or the heading
    caption = doc.text[section.start : line.start]
    ranges = list(YEAR_RANGE.finditer(caption))
    year = int(ranges[-1]["end"]) if ranges else _horizon(section)
    target, baseline = figures[-1], figures[-2] if len(figures) >= 2 else None
    per = "10.000 dân" if unit and unit.endswith("/10.000 dân") else None
    return Indicator(
        id="",
        label=label,
        name=name[:300],
        target=Target(
            value=float(parse_number(target["number"]) or 0),
            unit=unit,
            comparator=TABLE_COMPARATORS.get(target["comparator"] or ""),  # type: ignore[arg-type]
            kind=_kind(name, unit, per),  # type: ignore[arg-type]
            per=per,
        ),
        target_year=year,
        baseline=Baseline(
            value=float(parse_number(baseline["number"]) or 0),
            year=int(ranges[-1]["start"]) - 1 if ranges else None,
        )
        if baseline is not None
        else None,
        metric=metric_for(name, unit),
        section=section.id,
        provenance=doc.provenance(line.start, line.end, "rule:target_table_row", confidence.TARGET_TABLE_ROW),
    )


def _clause_targets(
    doc: NormalizedDocument,
    clause: str,
    start: int,
    horizon: int | None,
    label: str | None,
    section: SectionNode,
    context: str | None = None,
) -> list[Indicator]:
    """The targets of one clause. ``context`` names the quantity where the clause does not (the item's
    heading, or an earlier clause of the same line)."""
    found: list[Indicator] = []
    candidates = _candidates(clause, _masked(clause, section))
    previous_end = 0
    name_so_far = context
    for m, how in candidates:
        value = parse_number(m["number"])
        assert value is not None
        before_text = clause[: m.start()]
        year = _clause_year(clause, m, horizon)
        unit, comparator, per, value_max = _measure(m, how, before_text, clause[m.end() :])
        # the words since the previous target (or the sentence's start) name this one
        sentence_start = max(before_text.rfind(". ") + 2, previous_end) if ". " in before_text else previous_end
        segment = clause[sentence_start : m.start()]
        kind = _kind(segment, unit, per, bounded=bool(m.groupdict().get("before") or m.groupdict().get("after")))
        counted = m["unit"] if how == "number" and kind == "count" else None
        following = next((c.start() for c, _ in candidates if c.start() >= m.end()), len(clause))
        object_phrase, reach = _object_phrase(clause[m.end() : following])
        name, qualifier = indicator_name(segment, object_phrase, unit, counted, name_so_far, kind == "change")
        if kind == "level" and unit == "%" and GROWTH_RATE.search(" " + name):
            kind = "change"  # "… đạt 16,5%/năm giai đoạn 2011 - 2015 và 17%/năm …": the rate the name says is a growth
        name_so_far = name
        previous_end = m.end() + reach
        found.append(
            Indicator(
                id="",
                label=label,
                name=name[:300],
                target=Target(
                    value=float(value),
                    unit=unit,
                    comparator=comparator,  # type: ignore[arg-type]
                    value_max=float(value_max) if value_max is not None else None,
                    kind=kind,  # type: ignore[arg-type]
                    per=per,
                    qualifier=qualifier,
                ),
                target_year=year,
                baseline=None,
                metric=metric_for(name, unit),
                section=section.id,
                provenance=doc.provenance(
                    start + m.start(), start + m.end(), "rule:target_clause", confidence.TARGET_CLAUSE
                ),
            )
        )
    return _with_baselines(clause, candidates, found)


def _masked(clause: str, section: SectionNode) -> str:
    """The clause with what is no target value blanked out: numbers inside names, the section's own
    numbering, "Chỉ tiêu 3", "(2)"."""
    masked = NAME_NUMBERS.sub(lambda m: " " * len(m.group(0)), clause)
    if section.line is not None and section.marker != "bullet":
        masked = regex.sub(r"^\s*\d+(?:\.\d+)*\.?\s", lambda m: " " * len(m.group(0)), masked)
    masked = regex.sub(r"^\s*(?:Chỉ|Mục)\s+tiêu\s+\d+", lambda m: " " * len(m.group(0)), masked)
    return regex.sub(r"^\s*\(\d+\)", lambda m: " " * len(m.group(0)), masked)


def _candidates(clause: str, masked: str) -> list[tuple[regex.Match[str], str]]:
    """The clause's figures that may be targets, in order: rates per population ("rate"), figures
    with a unit ("number"; not years, ages or bare numbers) and levels ("level")."""
    candidates: list[tuple[regex.Match[str], str]] = []
    for m in RATE.finditer(clause):
        if parse_number(m["number"]) is not None and not (m["noun"] or "").strip().startswith(("năm", "tháng")):
            candidates.append((m, "rate"))
    taken = [(m.start(), m.end()) for m, _ in candidates]
    for m in TARGET.finditer(masked):
        value = parse_number(m["number"])
        if value is None or any(a <= m.start("number") < b for a, b in taken):
            continue
        unit = m["unit"]
        if unit is None:
            continue  # a bare number is not a target
        if unit.lower() in ("năm",) or (unit.lower() == "tuổi" and "tuổi thọ" not in clause.lower()):
            continue
        if value == 1 and MEASURE_UNIT.search(" " + unit):
            continue  # "trên 01 ha đất trồng trọt": the measure a figure is per, no target
        if 1900 <= value <= 2100 and unit.lower() not in ("%",) and "." not in m["number"]:
            continue  # "năm 2025" is a year; "2.000 tấn" is a figure
        if DESCRIBED.search(clause, 0, m.start("number")):
            continue
        if unit == "%" and RESTATES_AMOUNT.search(clause, 0, m.start()):
            continue
        candidates.append((m, "number"))
    for m in LEVEL.finditer(masked):
        candidates.append((m, "level"))
    taken = [(m.start(), m.end()) for m, _ in candidates]
    for m in MONEY_TARGET.finditer(masked):
        if parse_number(m["number"]) is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        since = max((b for _, b in taken if b <= m.start()), default=0)
        subject = clause[since : m.start()]
        if MONEY_QUANTITY.search(subject) and not STATE_MONEY.search(subject):
            candidates.append((m, "number"))
    candidates.sort(key=lambda c: c[0].start())
    # "kim ngạch xuất khẩu ước đạt 1.200 triệu USD": an estimate of where a quantity stands is no target
    kept: list[tuple[regex.Match[str], str]] = []
    for number, (m, how) in enumerate(candidates):
        since = candidates[number - 1][0].end() if number else 0
        if not ESTIMATE.search(clause, max(since, m.start() - 30), m.start()):
            kept.append((m, how))
    return kept


def _clause_year(clause: str, m: regex.Match[str], horizon: int | None) -> int | None:
    """The target's year: the last year before it, else the first after it in its sentence, else the
    horizon; none for a rate of every year ("hàng năm tăng từ 3-5%")."""
    before_text = clause[: m.start()]
    own_period = PERIOD_AFTER.match(clause, m.end())
    if own_period:
        return int(own_period["year"])
    years = YEAR.findall(before_text)
    year = int(years[-1]) if years else None
    # "Thu nội địa tăng khoảng 8% so với ước thực hiện năm 2025": the change is for the year after its base
    base = COMPARISON_BASE.match(clause[m.end() :].lstrip(" ,"))
    if year is None and base and base["year"]:
        year = int(base["year"]) + 1
    if year is None:
        after = CITED_DOCUMENT.split(clause[m.end() :].split(". ")[0], maxsplit=1)[0]
        after_years = YEAR.findall(after)  # "…; đạt 60% vào năm 2025", in its sentence, not in a cited title
        # else the period the clause names before the figure, unless it is the period of a cited document
        periods = [p for p in PERIOD_YEAR.finditer(before_text) if not CITED_DOCUMENT.search(before_text, 0, p.start())]
        year = int(after_years[0]) if after_years else int(periods[-1]["year"]) if periods else horizon
    every_year = list(EVERY_YEAR.finditer(before_text))
    if every_year and not YEAR.search(before_text, every_year[-1].end()):
        return None
    return year


def _measure(
    m: regex.Match[str], how: str, before_text: str, after_text: str
) -> tuple[str | None, str, str | None, float | None]:
    """A candidate's unit, comparator, population (per) and upper bound of a range."""
    if how == "level":
        return "mức", _comparator(m["before"], None), None, None
    if how == "rate":
        per = regex.sub(r"\s+", " ", m["per"].strip())
        noun = regex.sub(r"\s+", " ", (m["noun"] or "").strip())
        return (f"{noun}/{per}" if noun else f"/{per}"), _comparator(m["before"], None), per, None
    unit = _unit(m["unit"], before_text)
    after_per = PER_CAPITA_AFTER.match(after_text)
    if after_per and unit not in ("%", "‰"):
        unit = f"{m['unit'].lower()}/10.000 dân"
    per = "10.000 dân" if unit and unit.endswith("/10.000 dân") else None
    upper = m["range"] or m["range_after"]
    comparator = ">=" if upper else _comparator(m["before"], m["after"])
    return unit, comparator, per, parse_number(upper.strip(" -–%")) if upper else None


def _with_baselines(
    clause: str, candidates: list[tuple[regex.Match[str], str]], found: list[Indicator]
) -> list[Indicator]:
    """ "giảm từ 23 … xuống 18 …", "từ 60% lên 80%": the first figure is where the quantity starts, the
    baseline of the second, not a target of its own."""
    kept: list[Indicator] = []
    skip = False
    for i, indicator in enumerate(found):
        if skip:
            skip = False
            continue
        m = candidates[i][0]
        if i + 1 < len(found) and regex.search(r"\btừ\s*$", clause[: m.start("number")]):
            between = clause[m.end() : candidates[i + 1][0].start()]
            if FROM_TO.fullmatch(between):
                target = found[i + 1]
                target.baseline = Baseline(value=indicator.target.value, year=None)
                target.name, target.metric = indicator.name, indicator.metric  # the words before "từ" name both
                kept.append(target)
                skip = True
                continue
        kept.append(indicator)
    return kept
