"""The organisation lexicon (``data/organisations.json``): how the names of bodies begin, the stock
group nouns ("các cơ quan, đơn vị"), abbreviations and standard department names, as data.

Units, activities and identity build their patterns from it, so a body a plan names is recognized
the same way wherever it is named.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex


@dataclass(frozen=True)
class OrganisationLexicon:
    heads: tuple[str, ...]  # "Sở", "Ủy ban", "Bộ Chỉ huy", …: words a body's name starts with
    head_exceptions: dict[str, tuple[str, ...]]  # "Hội" is no body in "Hội nghị"
    text_abbreviations: tuple[str, ...]  # abbreviations that start a body's name: UBND, TTYT, …
    groups: tuple[str, ...]  # "cơ quan", "đơn vị": bodies named by kind, after "các"
    abbreviations: dict[str, str]
    departments: dict[str, str]
    sectors: tuple[str, ...] = ()  # "Tài chính", "Văn hóa, Thể thao và Du lịch": what a Sở or Bộ is of
    sector_abbreviations: dict[str, str] = field(default_factory=dict)  # "TC" → "Tài chính", after "Sở"
    national_bodies: tuple[str, ...] = ()  # patterns of bodies that are national wherever named
    own_members: tuple[str, ...] = ()  # "tổ chức chính trị - xã hội": a unit of its own inside a group list
    descriptive_heads: tuple[str, ...] = ()  # "Tổ công tác", "Hội đồng": a name that goes on with the work it is for
    purpose_words: tuple[str, ...] = ()  # "kiểm tra", "thẩm định": that work, part of the name after such a head

    def purpose_pattern(self) -> str:
        """A regex for the work a descriptive head's name goes on with: "Tổ công tác kiểm tra, đánh giá" matches up to
        its last purpose word (none to four, joined by commas, "và" or a space; "Đoàn kiểm tra" is a head of its own)."""
        heads = "|".join(_words(h) for h in sorted(self.descriptive_heads, key=len, reverse=True))
        words = "|".join(_words(w) for w in sorted(self.purpose_words, key=len, reverse=True))
        joined = r"(?:\s*,\s*|\s+và\s+|\s+)"
        return r"(?i:\b(?:" + heads + r")(?:\s+(?:" + words + r")(?:" + joined + r"(?:" + words + r")){0,3})?)"

    def is_national(self, name: str) -> bool:
        """Whether a body is national wherever it is named ("Bộ Tài chính", "… Trung ương")."""
        return any(regex.search(p, name) for p in self.national_bodies)

    def own_member_pattern(self) -> str:
        """A regex (use with IGNORECASE) for a list member that is a unit of its own; "-" with or without spaces."""
        return "|".join(
            regex.escape(m).replace(r"\ \-\ ", r"\s*-\s*").replace(r"\ ", r"\s+").replace(",", r"\s*,")
            for m in self.own_members
        )

    def head_pattern(self, groups: bool = True) -> str:
        """A regex (use with IGNORECASE) for the start of a body's name: a head word (not one of its
        exceptions), an abbreviation, or (``groups``) a group noun after "các"/"những"."""
        words = []
        for head in sorted(self.heads, key=len, reverse=True):
            exceptions = self.head_exceptions.get(head, ())
            # "Phòng, chống", "Hội nghị": the word is no body's name there
            guard = r"(?!\s*,?\s+(?:" + "|".join(map(regex.escape, exceptions)) + r")\b)" if exceptions else ""
            words.append(regex.escape(head).replace(r"\ ", r"\s+") + r"\b" + guard)
        words += [regex.escape(a) + r"\b" for a in self.text_abbreviations]
        named = r"(?:(?:các|những)\s+)?(?:" + "|".join(words) + ")"
        if not groups:
            return named
        kinds = "|".join(regex.escape(g).replace(r"\ ", r"\s+") for g in sorted(self.groups, key=len, reverse=True))
        return r"(?:(?:các|những|mọi)\s+(?:" + kinds + r")\b|" + named + ")"


@cache
def organisations() -> OrganisationLexicon:
    data = json.loads(resources.files("vnplan.structure").joinpath("data/organisations.json").read_text("utf-8"))
    return OrganisationLexicon(
        heads=tuple(data["heads"]),
        head_exceptions={k: tuple(v) for k, v in data["head_exceptions"].items()},
        text_abbreviations=tuple(data["unit_heads_in_text"]),
        groups=tuple(data["groups"]),
        abbreviations=dict(data["abbreviations"]),
        departments=dict(data["departments"]),
        sectors=tuple(sorted(data["sectors"], key=len, reverse=True)),
        sector_abbreviations=dict(data["sector_abbreviations"]),
        national_bodies=tuple(data["national_bodies"]),
        own_members=tuple(data.get("own_members", ())),
        descriptive_heads=tuple(data.get("descriptive_heads", ())),
        purpose_words=tuple(data.get("purpose_words", ())),
    )


def _words(phrase: str) -> str:
    return regex.escape(phrase).replace(r"\ ", r"\s+")


def letters_of(name: str) -> str:
    """A name's letters without tone marks, in small letters, its words joined by one space: what a scan's OCR keeps of
    a name when it drops or changes its tone marks ("Kê hoạch - Tài chính" and "Kế hoạch Tài chính": "ke hoach tai chinh")."""
    return " ".join(_ascii_slug(name).split("-"))


def _ascii_slug(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return regex.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def unit_id(canonical_name: str, province_code: str | None) -> str:
    """The body across documents: "<province code>:<ascii slug of the canonical name>". "Sở Y tế" in Lâm Đồng
    (68) and in Hòa Bình (17) are two bodies; a national body ("Bộ Y tế", "… Trung ương") and a plan with no
    province get "00"."""
    national = organisations().is_national(canonical_name)
    return f"{'00' if national or not province_code else province_code}:{_ascii_slug(canonical_name)}"
