"""Numbers and money as the seeds write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vnplan.structure.ner import rule_entities
from vnplan.structure.numbers import money_to_vnd, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("68.765,055", Decimal("68765.055")),
        ("13,1", Decimal("13.1")),
        ("40.0", Decimal("40.0")),
        ("3.5", Decimal("3.5")),
        ("1.7", Decimal("1.7")),
        ("03", Decimal("3")),
        ("1.250", Decimal("1250")),
        ("30.000.000", Decimal("30000000")),
        ("120.000", Decimal("120000")),
        ("2.965,055", Decimal("2965.055")),
    ],
)
def test_number_formats(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "vnd"),
    [
        ("68.765,055 triệu đồng", 68_765_055_000),
        ("35 Tỉ đồng", 35_000_000_000),
        ("2,5 tỉ đồng", 2_500_000_000),
        ("108,0 tỷ đồng", 108_000_000_000),
        ("80 tỷ", 80_000_000_000),
        ("965.055.000 đồng", 965_055_000),
        ("750 triệu đồng", 750_000_000),
        # OCR'd budget resolution (corpus/dev/finplan/qh-nq49-dutoan-nsnn-2018.md): the hook of "ỷ" read as an acute
        # or lost
        ("204.000 tý đồng", 204_000_000_000_000),
        ("14.033,795 ty đồng", 14_033_795_000_000),
    ],
)
def test_money_amounts(text, vnd):
    (money,) = rule_entities(f"Kinh phí: {text}.", frozenset({"MONEY"}))
    number, unit = money.text.split(maxsplit=1)
    assert money.text == text and money_to_vnd(number, unit) == vnd


@pytest.mark.parametrize(
    ("text", "label", "entity"),
    [
        ("đạt tỷ lệ từ 80% trở lên", "PERCENT", "80%"),
        ("dưới 20%o vào năm 2030", "PERCENT", "20%o"),
        ("Nghị quyết số 18-NQ/TU ngày 21/6/2023 của", "DATE", "ngày 21/6/2023"),
        ("ngày 14 tháng 10 năm 2023, của", "DATE", "ngày 14 tháng 10 năm 2023"),
        ("Kế hoạch Quý I/2024", "DATE", "Quý I/2024"),
        ("của Ủy ban nhân dân tỉnh Lai Châu", "LOC", "tỉnh Lai Châu"),
        ("giao Phòng Kế hoạch - Tài chính tham mưu", "ORG", "Phòng Kế hoạch - Tài chính"),
        ("Trung tâm Y tế huyện Yên Lạc xây dựng", "ORG", "Trung tâm Y tế huyện Yên Lạc"),
    ],
)
def test_entity_ruler_pattern_families(text, label, entity):
    assert entity in [e.text for e in rule_entities(text, frozenset({label}))]


def test_ocr_money_units_need_a_figure_before_them():
    """ "ty" and "tý" stand for "tỷ" only after a figure: "3 công ty đồng ý" holds no money."""
    assert rule_entities("có 3 công ty đồng ý tham gia", frozenset({"MONEY"})) == []
