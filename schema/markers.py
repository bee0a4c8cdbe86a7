"""The numbering and block markers of Vietnamese administrative documents, as data.

Normalization uses them to know where a wrapped paragraph ends (a marked line starts a new
one); structuring uses the same table to build the section tree. Order matters: the first
pattern that matches a line names its marker.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Marker:
    name: str  # roman, capital, dotted, arabic, letter, named, appendix, bullet
    pattern: regex.Pattern[str]
    description: str


def _m(name: str, pattern: str, description: str) -> Marker:
    return Marker(name, regex.compile(pattern, regex.V1), description)


# Each pattern matches at the start of a line and captures `label` (the numbering as written).
SECTION_MARKERS: tuple[Marker, ...] = (
    _m(
        "appendix",
        r"^(?:Phụ\s+lục|PHỤ\s+LỤC)(?:\s+(?:số\s+)?(?P<label>\d{1,2}|[IVX]{1,4}))?(?=\s|[.:]|$)"
        # a form attached as a table, on a line of its own: "Mẫu biểu số 02", "Biểu số 01", "BIỂU MẪU SỐ 3a"
        r"|^(?:Mẫu\s+biểu|MẪU\s+BIỂU|Biểu\s+mẫu|BIỂU\s+MẪU|Biểu|BIỂU)\s+(?:số|SỐ)\s+(?P<label>\d{1,2}[a-z]?)\s*$",
        "Phụ lục 5, PHỤ LỤC II, Phụ lục, Mẫu biểu số 02, Biểu số 01",
    ),
    _m(
        "named",
        r"^(?P<name>Mục\s+tiêu|Chỉ\s+tiêu|Nhiệm\s+vụ|Giải\s+pháp|Phần|PHẦN|Chương|CHƯƠNG|Điều)"
        r"\s+(?P<label>\d{1,2}|[IVX]{1,4})\s*(?:[:.]|$)",
        "Mục tiêu 1:, Chỉ tiêu 3:, Phần II., Điều 2.",
    ),
    # (with the forms OCR reads them as: "HI."/"IH."/"II1." for III, "I1."/"Il."/"H." for II, "1V." for IV)
    # (a Party resolution writes "I- QUAN ĐIỂM CHỈ ĐẠO", "II- MỤC TIÊU": a dash after the numeral, before a heading in
    # capitals only)
    _m(
        "roman",
        r"^(?P<label>[IVX]{1,5}|HI|IH|II1|IIl|I1|Il|1I|H|1V|lV)[.)]\s+(?=\S)"
        r"|^(?P<label>[IVX]{1,5})\s?[-–]\s*(?=\p{Lu}[^\p{Ll}]*$)",
        "I., II., IV., HI. (OCR), I- QUAN ĐIỂM",
    ),
    # "A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG": a capital letter numbering the parts of older plans, the
    # heading in capitals (I, V, X are roman numerals, matched above; "Q. GIÁM ĐỐC" signs for a director)
    _m("capital", r"^(?P<label>[A-PR-ZĐ])\.\s+(?=\p{Lu}[^\p{Ll}]*$)", "A., B. before a heading in capitals"),
    _m(
        "dotted",
        r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3}(?:\.[a-zđ](?=\.))?)(?:\.\s*(?=\S)|\s+(?=\p{Lu}))",
        "1.1., 2.3.1., 2.1.a. or 1.1 followed by a capital letter (not 40.0 or 2.965)",
    ),
    # OCR reads the dot of "1." and "b." as a comma: "1, Giai đoạn", "b, Nhu cầu" (before a capital only); a Party
    # document numbers its items with a dash: "1- Mục đích", "2- Yêu cầu" (a space, then a capital: not "2-3 ngày",
    # nor a reference wrapped onto its own line, "03-NQ/TU ngày …")
    _m(
        "arabic",
        r"^(?P<label>\d{1,2})(?:[.)]\s+(?=\S)|,\s+(?=\p{Lu})|-\s+(?=\p{Lu}))",
        "1., 2), 10., 1, Giai đoạn, 1- Mục đích",
    ),
    _m("letter", r"^(?P<label>[a-zđ])(?:\)\s*(?=\S)|[.,]\s+(?=\p{Lu}))", "a), b), đ), a. Nhu cầu, b, Nhu cầu"),
    _m("bullet", r"^(?P<label>[-+*•–—∙·])(?:\s+|(?=\p{L}))(?=\S)", "-, +, *, •"),
)

# Lines that begin a new paragraph without being numbered (never joined to the line before).
PARAGRAPH_OPENERS = regex.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện\s+(?:Kế\s+hoạch|Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Công\s+văn|Chương\s+trình|Thông\s+báo)"
    r"|Nơi\s+nhận|Trên\s+đây|Trong\s+đó|Cụ\s+thể|Số\s*:|Số\s+\d|KT\.|TM\.|TL\.|Q\.|"
    r"[A-ZĐ]\.\s+\p{Lu}|\(Chi\s+tiết|\(kèm\s+theo|\(Kèm\s+theo|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s)",
    regex.V1,
)

# Document types, as printed in capitals above a document's subject (Nghị định 30/2020/NĐ-CP, Phụ lục III).
DOCUMENT_TYPES: tuple[str, ...] = (
    "KẾ HOẠCH",
    "ĐỀ ÁN",
    "CHƯƠNG TRÌNH",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "QUYẾT ĐỊNH",
    "NGHỊ ĐỊNH",
    "NGHỊ QUYẾT",
    "THÔNG TƯ",
    "CHỈ THỊ",
    "TỜ TRÌNH",
    "BÁO CÁO",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "CÔNG VĂN",
    "CÔNG ĐIỆN",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "PHỤ LỤC",
)

NATIONAL_MOTTO = regex.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[–—-]\s*Tự\s+do\s*[–—-]\s*Hạnh\s+phúc",
    regex.V1 | regex.IGNORECASE,
)


# OCR misreadings of roman numerals, and what they stand for.
ROMAN_MISREADINGS = {
    "HI": "III",
    "IH": "III",
    "H": "II",
    "II1": "III",
    "IIl": "III",
    "I1": "II",
    "Il": "II",
    "1I": "II",
    "1V": "IV",
    "lV": "IV",
}


@dataclass(frozen=True)
class MarkerMatch:
    marker: str
    label: str | None
    name: str | None  # for named markers: "Mục tiêu", "Chỉ tiêu", …
    end: int  # where the marker ends in the line


def match_marker(line: str) -> MarkerMatch | None:
    for marker in SECTION_MARKERS:
        m = marker.pattern.match(line)
        if m:
            groups = m.groupdict()
            name = groups.get("name")
            label = groups.get("label")
            if marker.name == "roman":
                label = ROMAN_MISREADINGS.get(label, label)
            return MarkerMatch(marker.name, label, regex.sub(r"\s+", " ", name) if name else None, m.end())
    return None
