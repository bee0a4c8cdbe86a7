"""Indicators: every quantified target of the plan, one record per value and year.

Read in the parts of a plan that set targets (chỉ tiêu, mục tiêu cụ thể). A line is split into
clauses at ";"; a clause's year is the last "năm YYYY / đến YYYY" before the number (else the
heading's horizon); the comparator comes from the words around the number; the unit is "%",
"‰", a per-10,000 rate, a level ("mức 3") or a counted noun from COUNT_NOUNS.
"""

from __future__ import annotations

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.normalize.syllables import strip_diacritics
from vnplan.schema.markers import match_marker
from vnplan.schema.model import Baseline, Indicator, Target
from vnplan.structure import confidence
from vnplan.structure.metrics import metrics
from vnplan.structure.numbers import parse_number
from vnplan.structure.sections import Line, SectionNode

TARGET_PARTS = frozenset({"indicators", "specific_objectives", "objectives"})
# Outside those parts, a number counts only when the plan commits to it in the same clause and
# sentence ("phấn đấu … 95% dân số …", "có từ 03 đề tài").
COMMITMENT = regex.compile(
    r"(?:phấn\s+đấu|phân\s+đầu|bảo\s+đảm|bao\s+đảm|đảm\s+bảo|duy\s+trì|kết\s+nối|đạt)\s|(?:có\s+)?từ\s+\d", regex.I
)
EVERY_YEAR = regex.compile(r"(?<!bình\s+quân\s)(?:hàng|hằng|mỗi)\s+năm", regex.I)
PER_YEAR = regex.compile(r"\s*[\p{L}\s]{0,30}/\s*năm\b")  # "120.000 lượt người/năm": a yearly quantity

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
    "người",
    "xã",
    "cơ sở",
    "tuổi",
    "năm",
)
_COUNT_NOUN = "|".join(sorted((regex.escape(n) for n in COUNT_NOUNS), key=len, reverse=True))
PER_CAPITA_AFTER = regex.compile(r"\s*/\s*(?:vạn|10\.000)\s+dân")
PER_CAPITA = regex.compile(r"(?P<noun>[\p{L} ]{2,20}?)\s*(?:/|trên|\s)\s*(?:vạn|10\.000)\s+dân", regex.I)

NUMBER_TOKEN = r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
TARGET = regex.compile(
    r"(?P<before>(?:" + "|".join(regex.escape(w) for w, _ in COMPARATORS_BEFORE) + r")\s*)?"
    r"(?<![\d.,/-])" + NUMBER_TOKEN + r"(?P<range>\s*[-–]\s*\d+(?:[.,]\d+)?)?(?![\d/])\s*"
    r"(?P<unit>%o|‰|%|(?:" + _COUNT_NOUN + r")(?:\s*(?:,|và)\s*(?:" + _COUNT_NOUN + r"))*(?![\p{L}]))?"
    r"(?P<after>\s*(?:" + "|".join(w for w, _ in COMPARATORS_AFTER) + r"))?",
    regex.I,
)
LEVEL = regex.compile(r"(?P<before>(?:tối\s+thiểu|ít\s+nhất|trên)\s+)?mức\s+(?P<number>\d{1,2})(?!\d)", regex.I)
YEAR = regex.compile(r"(?:năm|Năm|đến|Đến|vào)\s+(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")
# Numbers that belong to a name, not to a target: "dưới 5 tuổi", "cấp II", "10.000 dân".
NAME_NUMBERS = regex.compile(
    r"(?:dưới|trên)\s+\d++\s+tuổi|(?<!\d)\d++\s*/\s*\d+|(?:vạn|10\.000)\s+dân|(?<!\d)\d++\s+(?:ngày|tháng)\s+"
)
LEAD_WORDS = regex.compile(
    r"^(?:[-+*•]\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:phấn\s+đấu|đạt|duy\s+trì|bảo\s+đảm|đảm\s+bảo)\s+)*", regex.I
)


def metric_for(name: str, unit: str | None) -> str | None:
    folded = strip_diacritics(f"{name} {unit or ''}").lower()
    for metric in metrics():
        if any(p.search(folded) for p in metric.patterns):
            return metric.id
    return None


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


def _clean_name(text: str) -> str:
    text = LEAD_WORDS.sub("", text.strip())
    text = regex.sub(r"\s*(?:năm|đến năm|vào năm|đến)\s+(?:19|20)\d\d\s*", " ", text)
    text = regex.sub(r"\s+(?:đạt|là|có)\s*(?:tỷ\s+lệ\s*(?:từ)?)?$", "", text.strip(" :;,.-"), flags=regex.I)
    return text.strip(" :;,.-") or text


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


def extract_indicators(
    doc: NormalizedDocument, lines: list[Line], section_of: dict[int, SectionNode], plan_year: int | None = None
) -> list[Indicator]:
    """Every target the plan sets. ``plan_year`` (the end of the plan's own period) is the year of a
    target whose clause, item and headings give none, unless it is a target for every year."""
    indicators: list[Indicator] = []
    for line in lines:
        section = section_of.get(line.number)
        if (
            section is None
            or section.has_part("appendix", "recipients", "budget")
            or section.nearest_part in ("purpose", "aims", "requirements")  # not "4. Các chỉ tiêu" inside them
        ):
            continue
        in_target_part = section.has_part(*TARGET_PARTS)
        if not in_target_part and not COMMITMENT.search(line.text):
            continue
        horizon = _horizon(section) if in_target_part else None
        label = _label(section)
        if in_target_part and "\t" in line.text:
            row = _table_row_target(doc, line, section)
            if row is not None:
                indicators.append(row)
                continue
        # "6.4. Hàng năm, A tăng 03%; B tăng 03%": an item that opens with "hằng năm" is yearly in every clause
        marker = match_marker(line.text)
        yearly_item = bool(EVERY_YEAR.match(line.text[marker.end if marker else 0 :].lstrip()))
        offset = 0
        for clause in regex.split(r"(?<=;)\s*", line.text):
            start = line.start + line.text.index(clause, offset)
            offset = start - line.start + len(clause)
            found = _clause_targets(doc, clause, start, horizon, label, section)
            if yearly_item and not YEAR.search(clause):
                for indicator in found:
                    indicator.target_year = None
            if not in_target_part:
                # a commitment governs its own clause: "phấn đấu … là 120.000 lượt người", "có từ 03 đề tài"
                found = [i for i in found if COMMITMENT.search(_sentence_of(doc.text, start, i.provenance.end))]
                for indicator in found:
                    indicator.label = None
            for indicator in found:
                if indicator.target_year is None and not _yearly(doc.text, line.start, indicator.provenance.end):
                    indicator.target_year = plan_year
            indicators.extend(found)
    for i, ind in enumerate(indicators, start=1):
        ind.id = f"ind-{i}"
    return indicators


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
    return Indicator(
        id="",
        label=label,
        name=name[:300],
        target=Target(
            value=float(parse_number(target["number"]) or 0),
            unit=unit,
            comparator=TABLE_COMPARATORS.get(target["comparator"] or ""),  # type: ignore[arg-type]
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
    doc: NormalizedDocument, clause: str, start: int, horizon: int | None, label: str | None, section: SectionNode
) -> list[Indicator]:
    found: list[Indicator] = []
    masked = NAME_NUMBERS.sub(lambda m: " " * len(m.group(0)), clause)
    if section.line is not None and section.marker != "bullet":
        # the section's own numbering is not a target value
        masked = regex.sub(r"^\s*\d+(?:\.\d+)*\.?\s", lambda m: " " * len(m.group(0)), masked)
    masked = regex.sub(r"^\s*(?:Chỉ|Mục)\s+tiêu\s+\d+", lambda m: " " * len(m.group(0)), masked)
    candidates: list[tuple[regex.Match[str], str]] = []
    for m in TARGET.finditer(masked):
        value = parse_number(m["number"])
        if value is None:
            continue
        unit = m["unit"]
        if unit is None:
            continue  # a bare number is not a target
        if unit.lower() in ("năm",) or (unit.lower() == "tuổi" and "tuổi thọ" not in clause.lower()):
            continue
        if 1900 <= value <= 2100 and unit.lower() not in ("%",):
            continue
        candidates.append((m, "number"))
    for m in LEVEL.finditer(masked):
        candidates.append((m, "level"))
    candidates.sort(key=lambda c: c[0].start())
    for m, kind in candidates:
        value = parse_number(m["number"])
        assert value is not None
        before_text = clause[: m.start()]
        years = YEAR.findall(before_text)
        year = int(years[-1]) if years else None
        if year is None:
            after_years = YEAR.findall(clause[m.end() :])
            year = int(after_years[0]) if after_years else horizon
        after_text = clause[m.end() :]
        if kind == "level":
            unit = "mức"
            comparator = _comparator(m["before"], None)
        else:
            unit = _unit(m["unit"], before_text)
            per = PER_CAPITA_AFTER.match(after_text)
            if per and unit not in ("%", "‰"):
                unit = f"{m['unit'].lower()}/10.000 dân"
            comparator = ">=" if m["range"] else _comparator(m["before"], m["after"])
        every_year = list(EVERY_YEAR.finditer(before_text))
        if every_year and not YEAR.search(before_text, every_year[-1].end()):
            year = None  # "hàng năm tăng từ 3-5%": a rate for every year, not a target year
        name = _clean_name(before_text)
        if not name or regex.fullmatch(r"[\d.]+|Chỉ tiêu \d+:?", name):
            name = _clean_name(after_text.split(",")[0]) or clause.strip()
        if kind == "number" and unit not in ("%", "‰") and "/10.000 dân" not in (unit or ""):
            name = _clean_name(before_text + " " + (m["unit"] or "")).strip()
        found.append(
            Indicator(
                id="",
                label=label,
                name=name[:300],
                target=Target(value=float(value), unit=unit, comparator=comparator),  # type: ignore[arg-type]
                target_year=year,
                baseline=None,
                metric=metric_for(name, unit) or metric_for(after_text.split(";")[0], unit),
                section=section.id,
                provenance=doc.provenance(
                    start + m.start(), start + m.end(), "rule:target_clause", confidence.TARGET_CLAUSE
                ),
            )
        )
    return found
