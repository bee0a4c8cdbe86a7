"""Numbers and money as Vietnamese documents write them.

"68.765,055" = 68765.055 (dot groups thousands, comma is the decimal mark), but some documents
write "40.0" or "3.5" with a decimal point: a group after a dot that is not three digits long is
a decimal. "1.250" and "30.000.000" are thousands.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

NUMBER = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")

# Money units, longest first, with their value in đồng.
MONEY_UNITS: tuple[tuple[str, int], ...] = (
    ("nghìn tỷ đồng", 10**12),
    # (OCR reads the hook of "ỷ" as an acute or loses it: "204.000 tý đồng", "9.000 ty đồng" in an OCR'd budget
    # resolution; after a figure no other word is meant)
    ("nghìn tý đồng", 10**12),
    ("nghìn ty đồng", 10**12),
    ("triệu đồng", 10**6),
    ("nghìn đồng", 10**3),
    ("ngàn đồng", 10**3),
    ("tỷ đồng", 10**9),
    ("tỉ đồng", 10**9),
    ("tý đồng", 10**9),
    ("ty đồng", 10**9),
    ("tỷ", 10**9),
    ("tỉ", 10**9),
    ("triệu", 10**6),
    ("đồng", 1),
)


def parse_number(text: str) -> Decimal | None:
    """'68.765,055' → 68765.055; '13,1' → 13.1; '40.0' → 40.0; '1.250' → 1250; '03' → 3."""
    text = text.strip()
    if not regex.fullmatch(r"\d+(?:[.,]\d+)*", text):
        return None
    if "," in text and "." in text:
        # the last separator is the decimal mark
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif "," in text:
        # Vietnamese writes the decimal mark as a comma ("13,1"); several commas group thousands.
        text = text.replace(",", "") if text.count(",") > 1 else text.replace(",", ".")
    elif "." in text:
        groups = text.split(".")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            text = text.replace(".", "")  # thousands: 1.250, 30.000.000
        elif len(groups) == 2:
            pass  # decimal point: 40.0, 3.5
        else:
            return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def unit_multiplier(unit: str) -> int:
    folded = regex.sub(r"\s+", " ", unit.strip().lower())
    for name, value in MONEY_UNITS:
        if folded == name:
            return value
    raise KeyError(unit)


def money_to_vnd(number: str, unit: str) -> int | None:
    """'68.765,055', 'triệu đồng' → 68765055000."""
    value = parse_number(number)
    if value is None:
        return None
    return int((value * unit_multiplier(unit)).to_integral_value())
