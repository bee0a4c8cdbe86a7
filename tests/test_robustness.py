"""Property-based and adversarial tests of the text rules: no crash, no catastrophic backtracking."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.structure.identity import parse_date
from vnplan.structure.numbers import money_to_vnd, parse_number

RULE_MODULES = (
    "vnplan.schema.markers",
    "vnplan.normalize.layout",
    "vnplan.normalize.markdown",
    "vnplan.normalize.tables",
    "vnplan.normalize.unicode",
    "vnplan.normalize.quality",
    "vnplan.normalize.restore.lm",
    "vnplan.normalize.restore.decoder",
    "vnplan.structure.rules",
    "vnplan.structure.targets",
    "vnplan.structure.units",
    "vnplan.structure.budgets",
    "vnplan.structure.tables",
    "vnplan.structure.appendix",
    "vnplan.structure.numbers",
    "vnplan.structure.identity",
    "vnplan.structure.places",
    "vnplan.structure.sections",
    "vnplan.structure.ner",
    "vnplan.normalize.legacy",
    "vnplan.normalize.syllables",
    "vnplan.evaluation",
)

# Long inputs built from the characters the patterns care about: repeated digits and dots, words
# with marks, separators, numbering, and the words the rules look for.
ADVERSARIAL = [
    "1." * 4000,
    "1.1." * 3000 + "x",
    "9" * 20000,
    "68.765,055 " * 2000,
    "a " * 20000,
    "Số " * 5000,
    "tỉnh " * 5000 + "Hòa",
    "Giao " + "Phòng Kế hoạch, " * 2000,
    "phối hợp với các phòng, " * 2000,
    "- " * 10000,
    "ngày 12 tháng " * 2000,
    "Căn cứ Quyết định số 1/QĐ-UBND ngày 1/1/2020 của " * 500,
    "\t" * 5000 + "x",
    "|" * 10000,
    "Đ" * 20000,
    "chỉ tiêu: 3.1, " * 3000,
    "x&m&i" * 4000,
    "Sở' " * 5000,
    "II1. " * 3000,
    "b¢€" * 6000,
    "GD&ĐT-" * 3000,
]
TIME_LIMIT = 2.0  # seconds per pattern and input: a linear pattern takes milliseconds


def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    found = []
    for module_name in RULE_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                found.append((f"{module_name}.{name}", value))
            elif isinstance(value, tuple):
                found += [
                    (f"{module_name}.{name}[{i}]", item[1] if isinstance(item, tuple) else item.pattern)
                    for i, item in enumerate(value)
                    if (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], regex.Pattern))
                    or isinstance(getattr(item, "pattern", None), regex.Pattern)
                ]
    return found


PATTERNS = _patterns()


def test_the_rule_tables_are_found():
    assert len(PATTERNS) > 40


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_pattern_backtracks_catastrophically(name, pattern):
    for text in ADVERSARIAL:
        try:
            for _ in pattern.finditer(text, timeout=TIME_LIMIT):
                pass
        except TimeoutError:
            pytest.fail(f"{name} takes over {TIME_LIMIT}s on {text[:30]!r}… ({len(text)} characters)")


@given(st.text(max_size=40))
def test_number_parsing_never_crashes(text):
    value = parse_number(text)
    assert value is None or value >= 0


@given(st.from_regex(r"[0-9]{1,3}(?:\.[0-9]{3}){1,3}(?:,[0-9]{1,3})?", fullmatch=True))
def test_dot_grouped_numbers_are_thousands(text):
    value = parse_number(text)
    assert value is not None
    assert int(value) == int(text.split(",")[0].replace(".", ""))


@given(st.text(max_size=60))
def test_dates_never_crash_and_are_iso(text):
    iso = parse_date(text)
    assert iso is None or regex.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", iso)


@given(st.sampled_from(["đồng", "triệu đồng", "tỷ đồng", "tỉ đồng", "nghìn đồng"]), st.integers(0, 10**6))
def test_money_is_integer_dong(unit, amount):
    vnd = money_to_vnd(f"{amount:,}".replace(",", "."), unit)
    assert isinstance(vnd, int) and vnd >= amount


VIETNAMESE_LINES = st.lists(
    st.sampled_from(
        [
            "KẾ HOẠCH",
            "I. MỤC TIÊU",
            "1. Mục tiêu chung",
            "- Tỷ lệ dân số tham gia BHYT đạt 95% trở lên.",
            "2.1. Đạt 30 giường bệnh/vạn dân; đạt 10 bác sĩ/vạn dân;",
            "III. KINH PHÍ",
            "* Kinh phí năm 2024: 68.765,055 triệu đồng",
            "Trong đó:",
            "+ Hỗ trợ: 1.250 triệu đồng.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Nghiệp vụ Y",
            "- Chủ trì, phối hợp với các phòng của Sở Y tế.",
            "Phụ lục 1",
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "1\tKế hoạch đào tạo\tPhòng TCHC\tQuý I/2024",
            "Nơi nhận:",
            "GIÁM ĐỐC",
            "",
            "   ",
            "\f",
            "| a | b |",
            "## **tiêu đề**",
        ]
    ),
    max_size=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=VIETNAMESE_LINES)
def test_any_arrangement_of_plan_lines_gives_a_valid_document(tmp_path_factory, lines):
    path: Path = tmp_path_factory.mktemp("plans") / "plan.txt"
    path.write_text("\n".join(lines) + "\nnội dung", encoding="utf-8")
    plan = vnplan.process(path)  # validates against the schema, raises on violation
    for record in [*plan.sections, *plan.indicators, *plan.budgets, *plan.units, *plan.activities]:
        p = record.provenance
        assert plan.text[p.start : p.end] == p.text
