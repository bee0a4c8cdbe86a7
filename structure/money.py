"""Words about money that budgets, tables and columns share: who pays (funding sources) and which
way an amount moves (adjustments up or down)."""

from __future__ import annotations

from typing import Literal

import regex

# Funding sources by their wording, full or abbreviated as table headers write them (first match wins).
FUNDING_SOURCES: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pattern, regex.I))
    for name, pattern in (
        ("ngân sách trung ương", r"ngân\s+sách\s+(?:trung\s+ương|TW)|nguồn\s+(?:vốn\s+)?trung\s+ương|\bNSTW\b"),
        ("ngân sách tỉnh", r"ngân\s+sách\s+(?:cấp\s+)?tỉnh|\bNS\s*tỉnh\b"),
        ("ngân sách huyện", r"ngân\s+sách\s+(?:cấp\s+)?huyện|\bNS\s*huyện\b"),
        ("ngân sách xã", r"ngân\s+sách\s+(?:cấp\s+)?xã|\bNS\s*xã\b"),
        ("ngân sách địa phương", r"ngân\s+sách\s+địa\s+phương|\bNSĐP\b"),
        ("ngân sách nhà nước", r"ngân\s+sách\s+nhà\s+nước|ngân\s+sách\s+sự\s+nghiệp|\bNSNN\b"),
        ("vốn đầu tư công", r"đầu\s+tư\s+công"),
        ("vốn vay", r"vốn\s+vay|vay\s+tín\s+dụng|vốn\s+ODA|\bODA\b"),
        ("xã hội hóa", r"xã\s+hội\s+hóa|\bXHH\b|nhà\s+đầu\s+tư\s+tư\s+nhân|vốn\s+doanh\s+nghiệp"),
        ("nguồn thu sự nghiệp", r"nguồn\s+thu\s+sự\s+nghiệp|quỹ\s+phát\s+triển\s+hoạt\s+động\s+sự\s+nghiệp"),
        ("viện trợ", r"viện\s+trợ|tài\s+trợ"),
    )
)

Direction = Literal["increase", "decrease"]
# An amount that adjusts an earlier one says which way: "điều chỉnh giảm", "bổ sung", "cắt giảm".
DIRECTIONS: tuple[tuple[Direction, regex.Pattern[str]], ...] = (
    (
        "decrease",
        regex.compile(r"điều\s+chỉnh\s+giảm|cắt\s+giảm|giảm\s+(?:dự\s+toán|kinh\s+phí|vốn)|thu\s+hồi", regex.I),
    ),
    (
        "increase",
        regex.compile(r"điều\s+chỉnh\s+tăng|(?:bổ\s+sung(?:\s+thêm)?|tăng)\s+(?:dự\s+toán|kinh\s+phí|vốn)", regex.I),
    ),
)


def funding_source(text: str) -> str | None:
    for name, pattern in FUNDING_SOURCES:
        if pattern.search(text):
            return name
    return None


def direction(text: str) -> Direction | None:
    for name, pattern in DIRECTIONS:
        if pattern.search(text):
            return name
    return None


# A sentence that allocates or estimates money, outside the budget part: a decision's article, an
# adjustment in a report, the investment of an older programme.
ALLOCATION = regex.compile(
    r"kinh\s+phí|dự\s+toán|tổng\s+(?:mức\s+)?(?:vốn|đầu\s+tư)|vốn\s+(?:đầu\s+tư|sự\s+nghiệp|ngân\s+sách)|"
    r"phân\s+bổ|bố\s+trí|điều\s+chỉnh\s+(?:tăng|giảm)|cắt\s+giảm|chi\s+tiết\s+tại\s+phụ\s+lục|kế\s+hoạch\s+vốn",
    regex.I,
)
# ... and one that reports what was collected or spent: results, estimates of the current year. "đạt" reports a
# result outside the parts that set targets; in them it is the verb of the target ("Thu ngân sách … năm 2026 đạt
# khoảng 15.000 tỷ đồng"), so those parts check only RESULT.
_RESULT = (
    r"\bđã\b|\bước\b|\buớc\b|thực\s+hiện\s+được|giải\s+ngân|lũy\s+kế|luỹ\s+kế|so\s+(?:với\s+)?cùng\s+kỳ|"
    r"được\s+bổ\s+sung|quyết\s+toán|thu\s+hút|đăng\s+ký"
)
RESULT = regex.compile(_RESULT, regex.I)
# The base a change is measured from ("tăng 8% so với ước thực hiện năm 2025", "so với dự toán năm 2025"): it names
# an estimate or a result without reporting one.
COMPARISON_BASE = regex.compile(
    r"so\s+với\s+(?:(?:ước\s+)?(?:thực\s+hiện|dự\s+toán|kế\s+hoạch)\s+)?(?:cùng\s+kỳ\s*)?(?:năm\s+)?"
    r"(?P<year>(?:19|20)\d\d(?!\d))?",
    regex.I,
)
REPORTED = regex.compile(_RESULT + r"|\bđạt\b", regex.I)
# An estimate of an earlier year changed now ("Điều 2. Điều chỉnh dự toán ngân sách nhà nước năm 2017", "Bổ sung
# 245,814 tỷ đồng dự toán chi …"): the money is decided by the document, whatever year it is for.
ADJUSTS_ESTIMATE = regex.compile(
    r"\b(?:điều\s+chỉnh|bổ\s+sung)\s+(?:[\d.,]+\s+(?:tỷ|triệu|nghìn)?\s*đồng\s+)?dự\s+toán\b", regex.I
)
# The state's own money: what a budget states (thu, chi, dự toán, kinh phí, bội chi, dư nợ of the budget), never an
# indicator, also where a plan sets it as a target; the economy's aggregates in đồng (GRDP, vốn đầu tư toàn xã hội)
# are indicators (structure/targets.py MONEY_QUANTITIES).
STATE_MONEY = regex.compile(
    r"\b(?:ngân\s+sách|dự\s+toán|kinh\s+phí|thu\s+nội\s+địa|chi\s+thường\s+xuyên|chi\s+đầu\s+tư\s+phát\s+triển|"
    r"bội\s+chi|bội\s+thu|dư\s+nợ|thu\s+(?:từ\s+)?tiền\s+sử\s+dụng\s+đất|thu\s+xổ\s+số)\b",
    regex.I,
)
