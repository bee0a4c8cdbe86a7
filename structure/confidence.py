"""The confidence each structure method gives the provenance of what it finds: one named constant per
method, the one place these numbers are written (``doc.provenance(start, end, method, CONSTANT)``).

The figures rank methods by how often they are right, not probabilities: a rule on a fixed layout
(section markers, legal references, money amounts found by the EntityRuler) above a rule on free
wording, a table read by its columns above one read line by line, a statistical tagger last.
"""

from __future__ import annotations

# sections (structure/__init__.py): rule:section_<marker>
SECTION_HEADING = 0.9

# identity (structure/identity.py)
LEGAL_REFERENCE = 0.9  # rule:legal_reference
NUMBER_LINE = 0.5  # rule:number_line, a number line whose handwritten digits were not read (number_unread)
PLACE_DATE = 0.5  # rule:place_date, a date line whose handwritten day or month was not read (date_unread)
SIGNATURE_BLOCK = 0.85  # rule:signature_block, the signer's name found under the title
SIGNATURE_BLOCK_NO_NAME = 0.5  # rule:signature_block, capitals only, no name
ATTACHED_PLAN_TITLE = 0.85  # rule:attached_plan_title, the plan a decision issues, after its signature
PROVINCE_MENTION = 0.7  # rule:province_mention, the province named most often
NER_LOCATION = 0.6  # underthesea_ner:LOC, a province the tagger found in the header

# places (structure/places.py)
PLACE_SPAN = 0.9  # rule:province_name, rule:issuer_district, rule:place_mention, rule:place_issuer_district
ISSUING_BODY = 0.8  # rule:issuing_body

# objectives (structure/objectives.py): rule:objective_<kind>
OBJECTIVE = 0.85

# indicators (structure/targets.py)
TARGET_TABLE_ROW = 0.7  # rule:target_table_row
TARGET_TABLE_CELL = 0.85  # rule:target_table_cell: a figure of a plan-year column (structure/target_tables.py)
TARGET_CLAUSE = 0.8  # rule:target_clause

# budgets
BUDGET_MONEY_ENTITY = 0.9  # spacy_ruler:<rule> (structure/budgets.py)
BUDGET_TABLE_ROW_AMOUNT = 0.8  # rule:table_row_amount (structure/appendix.py)
BUDGET_TABLE_AMOUNT_CELL = 0.85  # rule:table_amount_cell: the cell of an amount column named by the header

# units (structure/units.py)
UNIT_NAME = (
    0.8  # rule:unit_role_label, unit_chaired, unit_support, unit_heading, unit_list_item, unit_request, unit_subject …
)
UNIT_TASK = 0.75  # rule:unit_task

# activities (structure/appendix.py)
ACTIVITY_TABLE_COLUMNS = 0.85  # rule:activity_table_columns
ACTIVITY_TABLE_LINES = 0.7  # rule:activity_table_lines
ACTIVITY_SCHEDULE_ROW = 0.7  # rule:schedule_table_row (a timetable row split at its first date)
# activities (structure/timetable.py)
TIMETABLE_STEP = 0.7  # rule:timetable_list, a dated step of a timetable written as a list
