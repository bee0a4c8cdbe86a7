"""Entity passes.

- spaCy: a blank Vietnamese pipeline (syllable tokens, punctuation split off) whose EntityRuler
  holds the rule tables for MONEY (number + đồng/nghìn/triệu/tỷ/tỉ), PERCENT, DATE (ngày d/m/y,
  "ngày … tháng … năm …", Quý I/2024, Tháng 3/2024), ORG (unit heads: Sở, Phòng, Trung tâm, Bệnh
  viện, UBND, …) and LOC (tỉnh/huyện/xã + name). Budgets take their amounts from its MONEY spans.
- underthesea: word segmentation, POS and NER for places (LOC) where no rule names the province.

Both run in-process on text already normalized; nothing is downloaded (underthesea ships its CRF
models in its wheel).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

from vnplan.structure.numbers import MONEY_UNITS

if TYPE_CHECKING:
    from spacy.language import Language

NUMBER_REGEX = r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:[.,]\d+)?$"
_UNIT_WORDS = sorted({w for unit, _ in MONEY_UNITS for w in unit.split()} - {"đồng"})

# The rule tables, as EntityRuler patterns (token attributes are matched case-insensitively via LOWER).
ENTITY_PATTERNS: list[dict] = [
    # 68.765,055 triệu đồng · 35 Tỉ đồng · 80 tỷ · 30.000.000 đồng
    {
        "label": "MONEY",
        "id": "money_unit_dong",
        "pattern": [{"TEXT": {"REGEX": NUMBER_REGEX}}, {"LOWER": {"IN": _UNIT_WORDS}, "OP": "*"}, {"LOWER": "đồng"}],
    },
    {
        "label": "MONEY",
        "id": "money_unit_only",
        "pattern": [{"TEXT": {"REGEX": NUMBER_REGEX}}, {"LOWER": {"IN": ["tỷ", "tỉ", "triệu"]}}],
    },
    # 80% · 20‰ · 20%o
    {
        "label": "PERCENT",
        "id": "percent",
        "pattern": [{"TEXT": {"REGEX": NUMBER_REGEX}}, {"TEXT": {"IN": ["%", "‰", "%o"]}}],
    },
    # ngày 21/6/2023 · ngày 14 tháng 10 năm 2023 · Quý I/2024 · Tháng 3/2024
    {
        "label": "DATE",
        "id": "date_numeric",
        "pattern": [{"LOWER": "ngày", "OP": "?"}, {"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/\d{4}$"}}],
    },
    {
        "label": "DATE",
        "id": "date_words",
        "pattern": [
            {"LOWER": "ngày"},
            {"IS_DIGIT": True},
            {"LOWER": "tháng"},
            {"IS_DIGIT": True},
            {"LOWER": "năm"},
            {"TEXT": {"REGEX": r"^\d{4}$"}},
        ],
    },
    {
        "label": "DATE",
        "id": "date_quarter_month",
        "pattern": [{"LOWER": {"IN": ["quý", "tháng"]}}, {"TEXT": {"REGEX": r"^(?:[IV]+|\d{1,2})/\d{4}$"}}],
    },
    # tỉnh Hòa Bình · huyện Cẩm Thủy · thành phố Thanh Hóa
    {
        "label": "LOC",
        "id": "place_admin",
        "pattern": [
            {"LOWER": {"IN": ["tỉnh", "huyện", "xã", "phường", "quận", "thị"]}},
            {"LOWER": {"IN": ["xã", "trấn"]}, "OP": "?"},
            {"IS_TITLE": True, "OP": "+"},
        ],
    },
    # Sở Y tế · Phòng Kế hoạch - Tài chính · Trung tâm Y tế huyện Yên Lạc · UBND tỉnh Lai Châu
    {
        "label": "ORG",
        "id": "org_head",
        "pattern": [
            {
                "LOWER": {
                    "IN": ["sở", "phòng", "ban", "cục", "bộ", "khoa", "trạm", "ubnd", "hđnd", "ttyt", "bvđk", "bv"]
                }
            },
            {"IS_TITLE": True},
            {"IS_LOWER": True, "OP": "?"},
            {"TEXT": {"IN": ["-", "–"]}, "OP": "?"},
            {"IS_TITLE": True, "OP": "?"},
            {"IS_LOWER": True, "OP": "?"},
        ],
    },
    {
        "label": "ORG",
        "id": "org_two_word_head",
        "pattern": [
            {"LOWER": {"IN": ["trung", "bệnh", "văn", "ủy", "uỷ", "chi"]}},
            {"LOWER": {"IN": ["tâm", "viện", "phòng", "ban", "cục"]}},
            {"LOWER": {"IN": ["nhân"]}, "OP": "?"},
            {"LOWER": {"IN": ["dân"]}, "OP": "?"},
            {"IS_TITLE": True},
            {"IS_LOWER": True, "OP": "*"},
            {"IS_TITLE": True, "OP": "*"},
        ],
    },
]


@dataclass(frozen=True)
class Entity:
    label: str
    start: int  # character offsets into the text given
    end: int
    text: str
    rule: str


@cache
def rule_pipeline() -> Language:
    # spaCy is imported on first use: loading it is most of a run's start-up, and a document
    # without a budget part never needs it.
    import spacy
    from spacy.lang.xx import MultiLanguage
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    defaults = MultiLanguage.Defaults
    # Syllables are separated by spaces; punctuation is split off so "đồng." and "30%" match.
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex([*defaults.suffixes, r"%o$"]).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
    )
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(ENTITY_PATTERNS)
    return nlp


def rule_entities(text: str, labels: frozenset[str] | None = None) -> list[Entity]:
    doc = rule_pipeline()(text)
    return [
        Entity(ent.label_, ent.start_char, ent.end_char, ent.text, ent.ent_id_ or ent.label_)
        for ent in doc.ents
        if labels is None or ent.label_ in labels
    ]


def places(text: str) -> list[Entity]:
    """Place names underthesea's NER finds (B-LOC/I-LOC runs), located back in ``text``."""
    from underthesea import ner  # imported on first use: loading its models takes a moment

    found: list[Entity] = []
    cursor = 0
    current: list[str] = []

    def flush() -> None:
        nonlocal cursor
        if current:
            phrase = " ".join(current)
            match = regex.compile(r"\s+".join(regex.escape(w) for w in phrase.split())).search(text, cursor)
            if match:
                found.append(Entity("LOC", match.start(), match.end(), match.group(0), "underthesea_ner"))
                cursor = match.end()
            current.clear()

    for word, _pos, _chunk, tag in ner(text):
        if tag == "B-LOC":
            flush()
            current.append(word)
        elif tag == "I-LOC" and current:
            current.append(word)
        else:
            flush()
    flush()
    return found
