"""Section trees of the seeds, as a reader sees them."""

from __future__ import annotations

from conftest import processed


def _tree(prefix: str):
    plan = processed(prefix)
    by_id = {s.id: s for s in plan.sections}
    return plan, by_id


def _top(plan):
    return [(s.label, s.part) for s in plan.sections if s.parent is None and s.marker == "roman"]


def test_hoa_binh_parts_and_numbering():
    plan, by_id = _tree("000")
    assert _top(plan) == [("I", "objectives"), ("II", "tasks_solutions"), ("III", "budget"), ("IV", "implementation")]
    three = next(s for s in plan.sections if s.label == "3" and s.part == "indicators")
    children = [s.label for s in plan.sections if s.parent == three.id]
    assert children == [f"3.{i}" for i in range(1, 10)]
    assert by_id[three.parent].title == "MỤC TIÊU"
    parts = {s.title: s.part for s in plan.sections if s.part}
    assert parts["Mục tiêu chung"] == "general_objectives"
    assert parts["Mục tiêu cụ thể"] == "specific_objectives"
    appendices = [s.label for s in plan.sections if s.marker == "appendix"]
    assert appendices == ["1", "3", "3", "4", "5"]  # the document labels Phụ lục 2 as a second "3"
    assert any(s.part == "recipients" for s in plan.sections)
    # Units of "IV. TỔ CHỨC THỰC HIỆN" are its numbered children.
    iv = next(s for s in plan.sections if s.label == "IV")
    assert [s.title for s in plan.sections if s.parent == iv.id][:3] == [
        "Phòng Nghiệp vụ Y",
        "Phòng Tổ chức - Hành chính",
        "Phòng Kế hoạch - Tài chính",
    ]


def test_yen_lac_named_objectives_and_indicators():
    plan, by_id = _tree("002")
    objectives = [s for s in plan.sections if s.marker == "dotted" and s.title.startswith("Mục tiêu")]
    indicators = [s for s in plan.sections if s.marker == "named" and s.title.startswith("Chỉ tiêu")]
    assert len(objectives) == 9 and len(indicators) == 9
    first = indicators[0]
    assert first.label == "1" and first.part == "indicators"
    assert by_id[first.parent].title.startswith("Mục tiêu 1: Phát triển kỹ thuật chuyên môn")
    assert by_id[first.parent].label == "2.1"
    assert _top(plan) == [("I", "objectives"), ("II", "tasks_solutions"), ("III", "budget"), ("IV", "implementation")]


def test_cam_thuy_markdown_headings():
    plan, _ = _tree("003")
    assert next(s.title for s in plan.sections if s.marker == "title") == "KẾ HOẠCH"
    top = [(s.label, s.part) for s in plan.sections if s.marker == "roman"]
    assert top == [
        ("I", "purpose"),
        ("II", "objectives"),
        ("III", "tasks_solutions"),
        ("IV", "budget"),
        ("IV", "implementation"),
    ]
    # Roman sections are top level even though Markdown put the title above them.
    assert all(s.level == 1 for s in plan.sections if s.marker == "roman")
    three = next(s for s in plan.sections if s.label == "3" and s.title.startswith("Nâng cao chất lượng các hoạt động"))
    assert [s.label for s in plan.sections if s.parent == three.id] == ["3.1", "3.2", "3.3", "3.4", "3.5"]


def test_thanh_hoa_letters_and_deep_dotted_numbers():
    plan, by_id = _tree("004")
    letters = [s for s in plan.sections if s.marker == "letter"]
    assert [s.title for s in letters] == ["Giai đoạn đến năm 2030", "Giai đoạn đến năm 2045"]
    assert by_id[letters[0].parent].label == "1.2"
    deep = [s.label for s in plan.sections if s.label and s.label.startswith("2.3.")]
    assert deep == ["2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.3.5"]
    assert [s for s in plan.sections if s.parent is None][-1].part == "appendix"


def test_section_spans_nest(any_seed):
    _, plan = any_seed
    by_id = {s.id: s for s in plan.sections}
    for s in plan.sections:
        assert s.provenance.start <= s.provenance.end
        if s.parent:
            parent = by_id[s.parent]
            assert parent.provenance.start <= s.provenance.start and s.provenance.end <= parent.provenance.end
            assert s.level == parent.level + 1
