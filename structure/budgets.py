"""Budgets: every amount of money the plan allocates, as integer đồng, in the hierarchy it states.

Read in the budget part of the plan. An amount's parent is the amount of its enclosing list item
("* Kinh phí …" → "+ Hỗ trợ …"), or the amount that a "Trong đó" / "Cụ thể" line announces
breakdowns for. Parts that do not add up to their parent get a warning with both sums.
"""

from __future__ import annotations

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.codes import WarningCode
from vnplan.schema.model import Budget, Notice, Period
from vnplan.structure import confidence
from vnplan.structure.ner import rule_entities
from vnplan.structure.numbers import money_to_vnd
from vnplan.structure.rules import PERIOD_RANGE
from vnplan.structure.sections import Line, SectionNode

# Funding sources by their wording (first match wins).
FUNDING_SOURCES: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pattern, regex.I))
    for name, pattern in (
        ("ngân sách trung ương", r"ngân\s+sách\s+(?:trung\s+ương|TW)|nguồn\s+(?:vốn\s+)?trung\s+ương"),
        ("ngân sách tỉnh", r"ngân\s+sách\s+tỉnh"),
        ("ngân sách huyện", r"ngân\s+sách\s+huyện"),
        ("ngân sách nhà nước", r"ngân\s+sách\s+nhà\s+nước|ngân\s+sách\s+sự\s+nghiệp"),
        ("vốn đầu tư công", r"đầu\s+tư\s+công"),
        ("vốn vay", r"vốn\s+vay|vay\s+tín\s+dụng|vốn\s+ODA"),
        ("xã hội hóa", r"xã\s+hội\s+hóa|nhà\s+đầu\s+tư\s+tư\s+nhân|vốn\s+doanh\s+nghiệp"),
        ("nguồn thu sự nghiệp", r"nguồn\s+thu\s+sự\s+nghiệp|quỹ\s+phát\s+triển\s+hoạt\s+động\s+sự\s+nghiệp"),
        ("viện trợ", r"viện\s+trợ|tài\s+trợ"),
    )
)
MONEY_LABEL = frozenset({"MONEY"})
BREAKDOWN = regex.compile(r"(?:^|\s)(?:trong\s+đó|cụ\s+thể|bao\s+gồm)\s*:?\s*$", regex.I)
YEAR = regex.compile(r"năm\s+((?:19|20)\d\d)")


def _funding(text: str) -> str | None:
    for name, pattern in FUNDING_SOURCES:
        if pattern.search(text):
            return name
    return None


def _description(line_text: str, amount_start: int) -> str:
    before = line_text[:amount_start]
    before = regex.sub(r"^\s*(?:[-+*•]|\p{Ll}\)|\d+(?:\.\d+)*\.)\s*", "", before)
    return before.strip(" :;,.-–") or line_text.strip()


def extract_budgets(doc: NormalizedDocument, lines: list[Line], section_of: dict[int, SectionNode]) -> list[Budget]:
    budgets: list[Budget] = []
    by_section: dict[str, Budget] = {}
    # "Trong đó:" after an amount makes the following items of the same list its parts: the list
    # (the parent section) → the amount that announced the breakdown.
    announced: dict[str | None, Budget] = {}
    for line in lines:
        section = section_of.get(line.number)
        if section is None or not section.has_part("budget") or section.has_part("appendix"):
            continue
        scope = section.parent.id if section.parent else None
        line_budgets: list[Budget] = []
        for money in rule_entities(line.text, MONEY_LABEL):
            number, unit = money.text.split(maxsplit=1)
            amount = money_to_vnd(number, unit)
            if amount is None or amount == 0:
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
            year = YEAR.search(description)
            budget = Budget(
                id=f"bud-{len(budgets) + 1}",
                description=description[:300],
                amount_vnd=amount,
                amount_text=money.text,
                year=int(year.group(1)) if year else None,
                period=period,
                funding_source=_funding(line.text),
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


def sum_warnings(budgets: list[Budget]) -> list[Notice]:
    """A warning, with both figures, for every amount whose parts do not add up to it."""
    warnings = []
    for parent in budgets:
        children = [b for b in budgets if b.parent == parent.id and b.amount_vnd is not None]
        if not children or parent.amount_vnd is None:
            continue
        total = sum(b.amount_vnd for b in children if b.amount_vnd)
        if total != parent.amount_vnd:
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
