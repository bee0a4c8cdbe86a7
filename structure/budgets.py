"""Budgets: every amount of money the plan allocates, as integer đồng, in the hierarchy it states.

Read in the budget part of the plan, and wherever else a sentence allocates money (a decision's
article "Phê duyệt … với tổng kinh phí …", "điều chỉnh giảm … với kinh phí là …" in a report)
rather than reporting what was spent. An amount's parent is the amount of its enclosing list item
("* Kinh phí …" → "+ Hỗ trợ …"), or the amount that a "Trong đó" / "Cụ thể" line announces
breakdowns for. Parts that do not add up to their parent get a warning with both sums.
"""

from __future__ import annotations

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.codes import WarningCode
from vnplan.schema.model import Budget, Notice, Period
from vnplan.structure import confidence
from vnplan.structure.columns import YEAR as ANY_YEAR
from vnplan.structure.money import (
    ADJUSTS_ESTIMATE,
    ALLOCATION,
    COMPARISON_BASE,
    REPORTED,
    RESULT,
    STATE_MONEY,
    direction,
    funding_source,
)
from vnplan.structure.ner import rule_entities
from vnplan.structure.numbers import money_to_vnd
from vnplan.structure.rules import PERIOD_RANGE
from vnplan.structure.sections import Line, SectionNode
from vnplan.structure.targets import MONEY_QUANTITY, TARGET_PARTS

MONEY_LABEL = frozenset({"MONEY"})
BREAKDOWN = regex.compile(r"(?:^|\s)(?:trong\s+đó|cụ\s+thể|bao\s+gồm)\s*:?\s*$", regex.I)
YEAR = regex.compile(r"năm\s+((?:19|20)\d\d)")
# An amount multiplied into the next one ("1.500.000.000 đồng/năm x 05 năm = 7.500.000.000 đồng"): a
# factor of the sum, which alone is the budget.
FACTOR = regex.compile(r"\s*(?:/\s*\p{L}+)*\s*[x×*]\s*[\d.,]+\s*[\p{L}/ ]*=", regex.I)


def _description(line_text: str, amount_start: int) -> str:
    before = line_text[:amount_start]
    before = regex.sub(r"^\s*(?:[-+*•]|\p{Ll}\)|\d+(?:\.\d+)*\.)\s*", "", before)
    return before.strip(" :;,.-–") or line_text.strip()


def _allocates(line: Line, section: SectionNode, plan_start: int | None) -> bool:
    """A line outside the budget part that allocates or estimates money: it says so, reports no result,
    and names no year before the plan's. In the parts that set targets, the state's money a plan sets
    ("Thu ngân sách nhà nước trên địa bàn năm 2026 đạt khoảng 15.000 tỷ đồng") is its estimate."""
    if line.text.lstrip().startswith("Căn cứ"):
        return False
    # the line says so, or the heading it stands under does ("Điều 1. Phê duyệt kế hoạch vốn …: - <đề án>: <số>")
    titles = [node.title for node in (section, *section.ancestors())]
    said = ALLOCATION.search(line.text) or any(ALLOCATION.search(title) for title in titles)
    text = line.text
    if section.has_part(*TARGET_PARTS):
        # the base of a change ("tăng 8% so với ước thực hiện năm 2025") reports nothing and dates nothing
        text = COMPARISON_BASE.sub(" ", text)
        if not (said or STATE_MONEY.search(text)) or RESULT.search(text):
            return False
    elif not said or REPORTED.search(text):
        return False
    if any(ADJUSTS_ESTIMATE.search(t) for t in (line.text, *titles)):
        return True  # an earlier year's estimate changed now is decided now
    years = [int(y) for y in ANY_YEAR.findall(text)]
    return plan_start is None or all(year >= plan_start for year in years)


def extract_budgets(
    doc: NormalizedDocument, lines: list[Line], section_of: dict[int, SectionNode], plan_start: int | None = None
) -> list[Budget]:
    budgets: list[Budget] = []
    by_section: dict[str, Budget] = {}
    # "Trong đó:" after an amount makes the following items of the same list its parts: the list
    # (the parent section) → the amount that announced the breakdown.
    announced: dict[str | None, Budget] = {}
    for line in lines:
        section = section_of.get(line.number)
        if section is None or section.has_part("appendix"):
            continue
        if not section.has_part("budget") and not _allocates(line, section, plan_start):
            continue
        scope = section.parent.id if section.parent else None
        line_budgets: list[Budget] = []
        in_targets = section.has_part(*TARGET_PARTS) and not section.has_part("budget")
        previous_end = 0  # where the line's last budget ends
        for money in rule_entities(line.text, MONEY_LABEL):
            number, unit = money.text.split(maxsplit=1)
            amount = money_to_vnd(number, unit)
            if amount is None or amount == 0 or FACTOR.match(line.text, money.end):
                continue
            if in_targets and not _state_money(line.text, money.start):
                continue
            parent = _parent(section, by_section, announced.get(scope))
            description = _description(line.text, money.start)
            period = None
            range_match = PERIOD_RANGE.search(line.text) or _heading_period(section)
            if range_match:
                period = Period(
                    start=int(range_match["start"]),
                    end=int(range_match["end"]),
                    horizon=None,
                    text=range_match.group(0),
                )
            # "năm 2026 đạt khoảng 15.000 tỷ đồng, năm 2027 đạt 16.500 tỷ đồng": a later amount of the line takes
            # the year named since the amount before it
            own_years = YEAR.findall(line.text, previous_end, money.start) if previous_end else []
            previous_end = money.end
            year = own_years[-1] if own_years else (found.group(1) if (found := YEAR.search(description)) else None)
            budget = Budget(
                id=f"bud-{len(budgets) + 1}",
                description=description[:300],
                amount_vnd=amount,
                amount_text=money.text,
                year=int(year) if year else None,
                period=period,
                funding_source=funding_source(line.text),
                direction=direction(line.text),
                parent=parent.id if parent else None,
                section=section.id,
                provenance=doc.provenance(
                    line.start + money.start,
                    line.start + money.end,
                    f"spacy_ruler:{money.rule}",
                    confidence.BUDGET_MONEY_ENTITY,
                ),
            )
            budgets.append(budget)
            line_budgets.append(budget)
            by_section.setdefault(section.id, budget)
        if section.children:
            continue  # the parts are this item's own sub-items, already linked through the tree
        if BREAKDOWN.search(line.text) and line_budgets and announced.get(scope) is None:
            announced[scope] = line_budgets[-1]
        elif BREAKDOWN.search(line.text) and not line_budgets and budgets and budgets[-1].section == section.id:
            announced.setdefault(scope, budgets[-1])
    return budgets


def _state_money(text: str, start: int) -> bool:
    """In a part that sets targets, whether the amount at ``start`` is the state's money (a budget): the last
    quantity named before it is the state's ("Thu ngân sách nhà nước …; năm 2026 đạt khoảng 15.000 tỷ đồng"), not
    an aggregate of the economy ("…, GRDP bình quân đầu người đạt 120 triệu đồng" is an indicator,
    structure/targets.py)."""
    named = [m.end() for pattern in (STATE_MONEY, ALLOCATION) for m in pattern.finditer(text, 0, start)]
    economy = [m.end() for m in MONEY_QUANTITY.finditer(text, 0, start)]
    return bool(named) and max(named) > max(economy, default=-1)


def _heading_period(section: SectionNode) -> regex.Match[str] | None:
    node: SectionNode | None = section
    while node:
        m = PERIOD_RANGE.search(node.title) or regex.search(
            r"(?P<start>(?:19|20)\d\d)\s*[-–]\s*(?P<end>(?:19|20)\d\d)", node.title
        )
        if m:
            return m
        node = node.parent
    return None


def _parent(section: SectionNode, by_section: dict[str, Budget], announced: Budget | None) -> Budget | None:
    for ancestor in section.ancestors():
        if ancestor.id in by_section:
            return by_section[ancestor.id]
    return announced


def _addends(parent: Budget, budgets: list[Budget]) -> list[Budget]:
    """The parts that add up to ``parent``: those in its own breakdown (not the head of a selection
    or of a second layout of it)."""
    return [b for b in budgets if b.parent == parent.id and b.breakdown == parent.breakdown]


def sum_warnings(budgets: list[Budget]) -> list[Notice]:
    """A warning, with both figures, for every amount whose addends do not add up to it (not inside a
    selection, whose rows are memo lines that may select again: "Trong đó: Chi thường xuyên / Trong đó:
    Sự nghiệp giáo dục")."""
    warnings = []
    for parent in budgets:
        if parent.breakdown == "of_which":
            continue
        children = [b for b in _addends(parent, budgets) if b.amount_vnd is not None]
        if not children or parent.amount_vnd is None:
            continue
        total = sum(b.amount_vnd for b in children if b.amount_vnd)
        if total != parent.amount_vnd and not _layouts(parent.amount_vnd, children):
            warnings.append(
                Notice(
                    code=WarningCode.BUDGET_SUM_MISMATCH,
                    message=(
                        f"'{parent.description}' is {parent.amount_vnd:,} đồng but its {len(children)} parts add up to "
                        f"{total:,} đồng (difference {parent.amount_vnd - total:,})"
                    ),
                    stage="structure",
                    provenance=parent.provenance,
                )
            )
    return warnings


def _layouts(amount: int | None, parts: list[Budget]) -> list[list[Budget]]:
    """The parts cut into consecutive runs that each make up ``amount``, when there are two runs or
    more and nothing is left over ("III Tổng mức vay 187.087 / 1 Theo mục đích vay 187.087 / 2 Theo
    nguồn vay 187.087": the same sum laid out twice); otherwise none."""
    runs: list[list[Budget]] = []
    run: list[Budget] = []
    running = 0
    for part in parts:
        run.append(part)
        running += part.amount_vnd or 0
        if running == amount:
            runs.append(run)
            run, running = [], 0
    return runs if amount and not run and len(runs) >= 2 else []


def _inherit(budget: Budget, by_id: dict[str, Budget], field: str) -> None:
    """``field`` of a record that has none is its nearest ancestor's that has one."""
    ancestor, seen = by_id.get(budget.parent or ""), {budget.id}
    while getattr(budget, field) is None and ancestor is not None and ancestor.id not in seen:
        setattr(budget, field, getattr(ancestor, field))
        seen.add(ancestor.id)
        ancestor = by_id.get(ancestor.parent or "")


def complete_hierarchy(budgets: list[Budget]) -> None:
    """What the hierarchy implies: how each part stands to its parent (``mark_breakdowns``), roles
    not set where a record was made (a record without a parent is a total, of the document or of its
    table; one with addends under it a subtotal; the rest items, also one with only a selection under
    it), and the funding source of a part that names none is its parent's ("Kinh phí … từ nguồn ngân
    sách tỉnh: …, cụ thể: …")."""
    mark_breakdowns(budgets)
    by_id = {b.id: b for b in budgets}
    parents = {b.parent for b in budgets if b.parent in by_id and b.breakdown == by_id[b.parent].breakdown}
    for budget in budgets:
        if budget.role is None:
            budget.role = "total" if budget.parent is None else ("subtotal" if budget.id in parents else "item")
        _inherit(budget, by_id, "funding_source")


def mark_breakdowns(budgets: list[Budget]) -> None:
    """Parts marked as a selection ("Trong đó" rows) that add up to their parent are its breakdown; a
    lone part smaller than its parent is no breakdown but a selection of it (of_which: "Thu khác
    ngân sách 320.000 / Trong đó: Thu khác ngân sách Trung ương 130.000"); a lone part stating the
    parent's sum is its detail (an appendix total under the body line that cites it). Every record
    below a selection or a second layout is in it too."""
    parts: dict[str, list[Budget]] = {}
    for b in budgets:
        if b.parent:
            parts.setdefault(b.parent, []).append(b)
    for parent in budgets:
        # "Trong đó" parts that add up to their parent between them are its breakdown after all
        selected = [b for b in parts.get(parent.id, []) if b.breakdown == "of_which"]
        if len(selected) >= 2 and sum(b.amount_vnd or 0 for b in selected) == parent.amount_vnd:
            for b in selected:
                b.breakdown = None
    for parent in budgets:
        layouts = _layouts(parent.amount_vnd, [b for b in parts.get(parent.id, []) if b.breakdown is None])
        for later in (part for layout in layouts[1:] for part in layout):
            later.breakdown = "restated"
    for parent in budgets:
        lone = parts.get(parent.id, [])
        if len(lone) == 1 and lone[0].breakdown is None and (lone[0].amount_vnd or 0) < (parent.amount_vnd or 0):
            lone[0].breakdown = "of_which"
    by_id = {b.id: b for b in budgets}
    for budget in budgets:
        _inherit(budget, by_id, "breakdown")


def merge_restated_totals(budgets: list[Budget]) -> list[Budget]:
    """The same total laid out twice (by source, then by level) is one total with two breakdowns: a
    later total without a parent stating the same amount for the same year or period as an earlier
    one hands its parts to it and is dropped."""
    kept: list[Budget] = []
    first: dict[tuple[int | None, int | None, str | None], Budget] = {}
    renamed: dict[str, str] = {}
    for budget in budgets:
        key = (budget.amount_vnd, budget.year, budget.period.text if budget.period else None)
        # a table's rows stay one record each: a table lays a total out twice in rows of its own
        table_row = budget.provenance.method.startswith("rule:table")
        earlier = first.get(key) if budget.parent is None and not table_row else None
        if earlier is not None and earlier.section == budget.section:
            renamed[budget.id] = earlier.id
            continue
        if budget.parent is None:
            first.setdefault(key, budget)
        kept.append(budget)
    for budget in kept:
        if budget.parent in renamed:
            budget.parent = renamed[budget.parent]
            budget.breakdown = "restated"  # the second layout: its parts add up to the total on their own
    return kept
