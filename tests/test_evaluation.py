"""`vnplan eval`: record matching, syllable accuracy and the command's JSON, on small hand-made records."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from typing import Any

from conftest import SEEDS, processed, seed_path

from vnplan.evaluation import (
    DIAGNOSTICS,
    NAME_ONLY,
    RECORD_TYPES,
    Counts,
    budget_sums,
    evaluate_document,
    fold_identity,
    fold_name,
    fold_unit,
    syllable_accuracy,
)
from vnplan.schema.model import Activity, Budget, Indicator, Objective, PlanDocument, Provenance, Target, Task, Unit

SENTENCE = (
    "Phát triển hệ thống y tế đồng bộ, công bằng, hiện đại, chất lượng, hiệu quả; mở rộng, hiện đại hóa "
    "bệnh viện tuyến huyện, cung cấp dịch vụ y tế chất lượng cao"
)


def prov(text: str = "x", method: str = "test") -> Provenance:
    return Provenance(page=None, start=0, end=len(text), text=text, raw_text=text, method=method, confidence=1.0)


def plan_with(**records: list[Any]) -> PlanDocument:
    """A real processed seed with its records replaced, so nothing depends on the extractors."""
    empty: dict[str, list[Any]] = {name: [] for name in ("objectives", "indicators", "budgets", "units", "activities")}
    return processed("003").model_copy(update={**empty, **records})


def gold_with(**records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"objectives": [], "indicators": [], "budgets": [], "units": [], "activities": [], **records}


def indicator(value: float, unit: str, year: int | None = 2025, name: str = "Giường bệnh/vạn dân") -> Indicator:
    target = Target(value=value, unit=unit, comparator="=")
    return Indicator(
        id="i1",
        label=None,
        name=name,
        target=target,
        target_year=year,
        baseline=None,
        metric=None,
        section=None,
        provenance=prov(f"đạt {value} {unit}", "rule:target"),
    )


def gold_indicator(value: float, unit: str, year: int | None = 2025, name: str = "Giường bệnh/vạn dân") -> dict:
    return {"label": None, "name": name, "value": value, "unit": unit, "target_year": year, "quote": f"Đạt {value}"}


def budget(amount: int, description: str = "Tổng kinh phí") -> Budget:
    return Budget(
        id="b",
        description=description,
        amount_vnd=amount,
        amount_text="",
        year=None,
        period=None,
        funding_source=None,
        parent=None,
        section=None,
        provenance=prov(),
    )


def counts(plan: PlanDocument, gold: dict[str, Any], record_type: str) -> Counts:
    return evaluate_document("doc", gold, plan).counts[record_type]


def test_exact_indicator_match_is_a_true_positive():
    gold = gold_with(indicators=[gold_indicator(30, "giường bệnh/10.000 dân")])
    result = evaluate_document("doc", gold, plan_with(indicators=[indicator(30.0, "giường bệnh/10.000 dân")]))
    assert result.counts["indicators"] == Counts(tp=1, fp=0, fn=0)
    assert result.counts["indicators"].f1 == 1.0
    assert result.mismatches == []


def test_near_miss_value_is_one_false_negative_and_one_false_positive():
    gold = gold_with(indicators=[gold_indicator(30, "%")])
    result = evaluate_document("doc", gold, plan_with(indicators=[indicator(30.5, "%")]))
    assert result.counts["indicators"] == Counts(tp=0, fp=1, fn=1)
    fn, fp = result.mismatches
    assert fn.kind == "false_negative" and fn.quote == "Đạt 30"
    assert fp.kind == "false_positive" and fp.provenance == {
        "page": None,
        "start": 0,
        "end": len("đạt 30.5 %"),
        "text": "đạt 30.5 %",
        "method": "rule:target",
    }
    # within the relative tolerance, and a wrong year, are told apart
    assert counts(plan_with(indicators=[indicator(30.0000001, "%")]), gold, "indicators").tp == 1
    assert counts(plan_with(indicators=[indicator(30, "%", year=2030)]), gold, "indicators").tp == 0
    assert counts(plan_with(indicators=[indicator(30, "%", year=None)]), gold, "indicators").tp == 0


def test_units_are_folded_before_comparison():
    assert fold_unit("giường bệnh/vạn dân") == fold_unit("Giường bệnh / 10.000 dân")
    assert fold_unit("bác sỹ/vạn dân") == fold_unit("bác sĩ/10.000 dân")
    assert fold_unit("%o") == fold_unit("‰")
    assert fold_unit("%") != fold_unit("‰")
    gold = gold_with(indicators=[gold_indicator(10, "10.000 dân", name="Bác sĩ")])
    assert counts(plan_with(indicators=[indicator(10, "vạn dân", name="Bác sĩ")]), gold, "indicators").tp == 1


def test_matching_is_one_to_one_and_prefers_the_best_score():
    general = "Nâng cao chất lượng khám bệnh chữa bệnh cho nhân dân trên địa bàn tỉnh"
    similar = "Nâng cao chất lượng khám bệnh chữa bệnh cho nhân dân trên địa bàn huyện"
    gold = gold_with(objectives=[{"kind": "general", "text": similar}, {"kind": "general", "text": general}])
    one = [Objective(id="o1", kind="general", text=general, section=None, provenance=prov())]
    result = evaluate_document("doc", gold, plan_with(objectives=one))
    assert result.counts["objectives"] == Counts(tp=1, fp=0, fn=1)
    assert [m.quote for m in result.mismatches] == [similar]  # the exact text took the output record
    # two output records: one for each gold record
    two = [*one, Objective(id="o2", kind="general", text=similar, section=None, provenance=prov())]
    assert counts(plan_with(objectives=two), gold, "objectives") == Counts(tp=2, fp=0, fn=0)
    # the kind must agree
    specific = [Objective(id="o1", kind="specific", text=general, section=None, provenance=prov())]
    assert counts(plan_with(objectives=specific), gold, "objectives").tp == 0


def test_a_budget_present_twice_needs_two_output_records():
    body = {"amount_vnd": 1_250_000_000, "description": "Kinh phí đào tạo", "quote": "1.250 triệu đồng"}
    appendix = {"amount_vnd": 1_250_000_000, "description": "Phụ lục 1 – Tổng", "quote": "Tổng 1.250"}
    gold = gold_with(budgets=[body, appendix])
    assert counts(plan_with(budgets=[budget(1_250_000_000)]), gold, "budgets") == Counts(tp=1, fp=0, fn=1)
    both = [budget(1_250_000_000), budget(1_250_000_000, "Phụ lục 1 Tổng")]
    assert counts(plan_with(budgets=both), gold, "budgets") == Counts(tp=2, fp=0, fn=0)
    assert counts(plan_with(budgets=[budget(1_250_000)]), gold, "budgets") == Counts(tp=0, fp=1, fn=2)


def test_units_and_their_indicator_links():
    assert fold_name("Phòng Nghiệp vụ Y – Sở Y tế") == fold_name("phòng nghiệp vụ  y-sở y tế")
    gold = gold_with(
        units=[
            {
                "name": "Phòng Nghiệp vụ Y",
                "canonical_name": "Phòng Nghiệp vụ Y - Sở Y tế",
                "role": "lead",
                "indicator_refs": ["3.2", "3.4"],
                "quote": "các chỉ tiêu: 3.2, 3.4",
            }
        ]
    )
    task = Task(
        text="các chỉ tiêu: 3.2, 3.5", indicator_refs=["3.2", "3.5"], deadline=None, product=None, provenance=prov()
    )
    unit = Unit(
        id="u1",
        name="Phòng NVY",
        canonical_name="Phòng Nghiệp vụ Y – Sở Y tế",
        role="lead",
        tasks=[task],
        provenance=prov(),
    )
    result = evaluate_document("doc", gold, plan_with(units=[unit]))
    assert result.counts["units"] == Counts(tp=1, fp=0, fn=0)
    assert result.counts["unit_indicator_links"] == Counts(tp=1, fp=1, fn=1)
    support = unit.model_copy(update={"role": "support"})
    assert counts(plan_with(units=[support]), gold, "units") == Counts(tp=0, fp=1, fn=1)


def test_activities_need_the_lead_unit_except_in_name_only_matching():
    name = "Tham mưu ban hành kế hoạch thực hiện Đề án nâng cao chất lượng khám bệnh, chữa bệnh"
    gold = gold_with(activities=[{"name": name, "lead_unit": "Phòng Nghiệp vụ Y - SYT", "quote": name}])

    def activity(lead: str | None) -> Activity:
        return Activity(
            id="a1",
            name=name + " năm 2024",
            lead_unit=lead,
            support_units=[],
            product=None,
            deadline=None,
            budget_vnd=None,
            provenance=prov(),
        )

    result = evaluate_document("doc", gold, plan_with(activities=[activity("phòng nghiệp vụ Y – SYT")]))
    assert result.counts["activities"].tp == 1
    result = evaluate_document("doc", gold, plan_with(activities=[activity(None)]))
    assert result.counts["activities"] == Counts(tp=0, fp=1, fn=1)
    assert result.counts[NAME_ONLY].tp == 1


def test_no_gold_and_no_output_is_no_data():
    result = evaluate_document("doc", gold_with(), plan_with())
    assert set(result.counts) == {*RECORD_TYPES, *DIAGNOSTICS} - {"identity"}
    for c in result.counts.values():
        assert (c.precision, c.recall, c.f1) == (None, None, None)
    missed = Counts(tp=0, fp=0, fn=3)
    assert (missed.precision, missed.recall, missed.f1) == (None, 0.0, 0.0)


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_syllable_accuracy():
    assert SENTENCE in seed_path("003").read_text(encoding="utf-8")
    total = len(SENTENCE.split())
    assert syllable_accuracy(SENTENCE, SENTENCE) == (1.0, total, total)
    accuracy, _, _ = syllable_accuracy(SENTENCE, strip_marks(SENTENCE))
    assert accuracy < 0.3
    assert syllable_accuracy("Hoà Bình, khoẻ, thuỷ", "hòa bình khỏe thủy")[0] == 1.0
    words = SENTENCE.split()
    inserted = " ".join([*words[:3], "THÊM", *words[3:]])
    assert syllable_accuracy(SENTENCE, inserted) == (1.0, total, total)
    dropped = " ".join(words[:3] + words[4:])
    assert syllable_accuracy(SENTENCE, dropped)[1] == total - 1
    assert syllable_accuracy("1. –", "anything") == (0.0, 0, 0)  # no words with letters


def test_eval_command_json(tmp_path):
    doc_id = seed_path("003").stem
    gold = gold_with(
        budgets=[
            {
                "key": "b0",
                "description": "Tổng mức kinh phí thực hiện chương trình",
                "amount_vnd": 108000000000,
                "amount_text": "108,0 tỷ đồng",
                "quote": "Tổng mức kinh phí thực hiện chương trình: 108,0 tỷ đồng",
            }
        ],
        indicators=[
            {
                "label": None,
                "name": "Tốc độ tăng dân số bình quân hằng năm",
                "value": 1,
                "unit": "%",
                "comparator": "<",
                "target_year": 2025,
                "quote": "Tốc độ tăng dân số bình quân hằng năm dưới 1%.",
            }
        ],
    )
    (tmp_path / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "vnplan", "eval", "--json", "--gold", str(tmp_path), "--docs", str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"documents", "overall", "subsets", "errors"} and report["errors"] == {}
    assert report["subsets"]["custom"]["documents"] == 1
    (doc,) = report["documents"]
    assert doc["doc_id"] == doc_id and doc["restoration"] is None
    assert set(doc["types"]) == {*RECORD_TYPES, *DIAGNOSTICS} - {"identity"}
    assert set(doc["types"]["budgets"]) == {"tp", "fp", "fn", "gold", "output", "precision", "recall", "f1"}
    assert doc["types"]["objectives"]["gold"] == 0

    # The expectation comes from what the program outputs now, so the test holds whatever the extractors find.
    plan = processed("003")
    for record_type, found in (
        ("budgets", any(b.amount_vnd == 108000000000 for b in plan.budgets)),
        (
            "indicators",
            any(i.target.value == 1 and i.target.unit == "%" and i.target_year == 2025 for i in plan.indicators),
        ),
    ):
        figures = doc["types"][record_type]
        assert (figures["tp"], figures["fn"]) == ((1, 0) if found else (0, 1))
        missed = [m for m in doc["mismatches"] if m["type"] == record_type and m["kind"] == "false_negative"]
        assert len(missed) == (0 if found else 1)
        assert all(m["quote"] for m in missed)
    assert report["overall"]["types"]["budgets"] == doc["types"]["budgets"]

    # a present-and-found record is a true positive end to end
    assert evaluate_document(doc_id, gold, plan_with(budgets=[budget(108000000000)])).counts["budgets"].tp == 1


def test_identity_is_scored_field_by_field_with_names_folded():
    plan = processed("003")  # UBND huyện Cẩm Thủy, number left blank, 2022-02, Thanh Hóa
    document = {"number": None, "issuer": "Ủy ban nhân dân huyện Cẩm Thủy", "issued_date": "2022-02"}
    result = evaluate_document("doc", gold_with(document={**document, "province": "Thanh Hóa"}), plan)
    assert result.counts["identity"] == Counts(tp=3, fp=0, fn=0)  # the blank number is in neither
    wrong = evaluate_document("doc", gold_with(document={**document, "province": "Lai Châu"}), plan)
    assert wrong.counts["identity"] == Counts(tp=2, fp=1, fn=1)
    assert fold_identity("province", "tỉnh Thanh Hóa") == fold_identity("province", "Thanh Hóa")
    assert fold_identity("issuer", "UBND tỉnh Bắc Ninh") == fold_identity("issuer", "Ủy ban nhân dân tỉnh Bắc Ninh")
    assert fold_identity("number", "144 /KH-UBND") == fold_identity("number", "144/kh-ubnd")


def test_units_match_on_a_fuzzy_canonical_name_and_the_role():
    gold = gold_with(units=[{"name": "Sở Y tế", "canonical_name": "Sở Y tế", "role": "lead"}])
    qualified = Unit(
        id="u1", name="Sở Y tế", canonical_name="Sở Y tế tỉnh Lâm Đồng", role="lead", tasks=[], provenance=prov()
    )
    assert counts(plan_with(units=[qualified]), gold, "units").tp == 1  # token-set: the province adds nothing wrong
    other = qualified.model_copy(update={"canonical_name": "Sở Tài chính"})
    assert counts(plan_with(units=[other]), gold, "units").tp == 0
    support = qualified.model_copy(update={"role": "support"})
    assert counts(plan_with(units=[support]), gold, "units").tp == 0


def test_indicators_match_on_value_and_year_whatever_the_unit_text():
    gold = gold_with(indicators=[gold_indicator(80, "%", year=2030)])
    assert counts(plan_with(indicators=[indicator(80, "phần trăm", year=2030)]), gold, "indicators").tp == 1
    assert counts(plan_with(indicators=[indicator(80, "%", year=2026)]), gold, "indicators").tp == 0


def test_realdocs_are_split_into_halves_by_number(tmp_path):
    from vnplan.evaluation import Case, select

    cases = [
        Case("000_seed", None, None, None, "seeds"),
        Case("01_BacNinh", None, None, None, "realdocs"),
        Case("02_CaMau", None, None, None, "realdocs"),
        Case("13_DongThap", None, None, None, "realdocs"),
    ]
    assert [c.doc_id for c in select(cases, "odd")] == ["01_BacNinh", "13_DongThap"]
    assert [c.doc_id for c in select(cases, "even")] == ["02_CaMau"]
    assert [c.subset for c in cases] == ["seeds", "odd", "even", "odd"]
    assert len(select(cases, "realdocs")) == 3 and len(select(cases, "all")) == 4


def test_eval_scores_stored_outputs_like_processing(tmp_path):
    """`--outputs DIR` reads the JSON a batch wrote instead of processing: same figures, and a missing
    output is one error line naming the document, not a traceback."""
    doc_id = seed_path("003").stem
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    document = {
        "number": None,
        "issuer": "Ủy ban nhân dân huyện Cẩm Thủy",
        "issued_date": "2022-02",
        "province": "Thanh Hóa",
    }
    (gold_dir / f"{doc_id}.json").write_text(json.dumps(gold_with(document=document)), encoding="utf-8")

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "vnplan", "eval", "--json", "--gold", str(gold_dir), "--docs", str(SEEDS)]
        return subprocess.run([*command, *extra], capture_output=True, text=True, timeout=300)

    missing = run("--outputs", str(out_dir))
    assert missing.returncode == 1 and "no output" in missing.stderr and "Traceback" not in missing.stderr
    (out_dir / f"{doc_id}.json").write_text(processed("003").to_json(), encoding="utf-8")
    stored, fresh = run("--outputs", str(out_dir)), run()
    assert stored.returncode == fresh.returncode == 0
    assert json.loads(stored.stdout)["overall"] == json.loads(fresh.stdout)["overall"]
    assert json.loads(stored.stdout)["overall"]["types"]["identity"]["tp"] == 3


def test_a_restated_target_counts_once_for_each_place_gold_records_it():
    """Gold records a target stated twice twice (FORMAT.md, settled convention 3); the output keeps one record
    whose ``restatements`` hold the second place."""
    restated = indicator(30, "giường bệnh/10.000 dân")
    restated.restatements = [prov("đạt 30 giường bệnh/vạn dân", "rule:target_clause")]
    gold = gold_with(indicators=[gold_indicator(30, "giường bệnh/10.000 dân")] * 2)
    counts = evaluate_document("doc", gold, plan_with(indicators=[restated])).counts["indicators"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)


def test_name_quality_counts_names_that_read_alone_and_metric_conflicts():
    good = indicator(30, "%", name="Tỷ lệ dân số tham gia bảo hiểm y tế")
    stop_word = indicator(95, "%", name="Duy trì")
    with_year = indicator(90, "%", name="Tỷ lệ tiêm chủng đầy đủ năm 2025")
    same = indicator(95, "%", name="Tỷ lệ dân số tham gia BHYT")
    other = indicator(80, "%", name="Tỷ lệ trạm y tế có bác sĩ")
    for i in (good, same, other):
        i.metric = "health_insurance_coverage"
    names = evaluate_document("doc", gold_with(), plan_with(indicators=[good, stop_word, with_year, same, other])).names
    # two wordings of one quantity are no conflict; a different quantity under the same metric and year is
    assert (names.clean, names.total, names.conflicts) == (3, 5, 2)


def part(key: str, amount: int, parent: str | None, role: str, breakdown: str | None = None) -> Budget:
    return budget(amount).model_copy(update={"id": key, "parent": parent, "role": role, "breakdown": breakdown})


def test_budget_sums_add_the_items_of_each_breakdown_below_a_stated_total():
    # Yên Lạc's 35 tỉ stated as 10 + 10 (the document's own arithmetic), beside a total whose memo
    # line ("Trong đó") is no addend, and a body total restated by a table whose rows add up again
    plan = plan_with(
        budgets=[
            part("yl", 35_000_000_000, None, "total"),
            part("yl1", 10_000_000_000, "yl", "item"),
            part("yl2", 10_000_000_000, "yl", "item"),
            part("thu", 320_000, None, "total"),
            part("khac", 320_000, "thu", "item"),
            part("tw", 130_000, "khac", "item", "of_which"),
            part("body", 1_500, None, "total"),
            part("b1", 1_000, "body", "item"),
            part("b2", 500, "body", "item"),
            part("table", 1_500, "body", "subtotal", "restated"),
            part("t1", 1_000, "table", "item", "restated"),
            part("t2", 400, "table", "item", "restated"),
            part("alone", 80, None, "total"),
        ]
    )
    sums = budget_sums(plan)
    # four totals without a parent, and the body total once more in its second layout
    assert (sums.totals, sums.with_parts, sums.adding_up) == (5, 4, 2)
    assert {(u.budget_id, u.addends_vnd) for u in sums.unbalanced} == {("yl", 20_000_000_000), ("body", 1_400)}
