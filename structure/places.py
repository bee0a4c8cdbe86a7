"""Where each plan belongs: the issuing province and district, and the places records name.

Names found by the identity pass ("UBND tỉnh Lai Châu", "Trung tâm Y tế huyện Yên Lạc", the date
line's "Cẩm Thủy") and in units, activities and budget lines ("TTYT huyện Cao Phong", "UBND xã Đức
Trọng") are matched against the official list in force when the plan was issued: the pre-2025 list
(63 provinces, districts, communes) before 1 July 2025, the post-2025 one (34 provinces, communes)
from then on. Each resolved place carries its official name and code, the province it belonged to
in that list, and the post-2025 province it belongs to now. A name is matched only within the scope
the text gives it (the plan's province, the issuing district); a name that matches no unit, or more
than one, keeps a null code and a warning: nothing is resolved by a guess.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.normalize.syllables import strip_diacritics
from vnplan.normalize.unicode import placed_tone
from vnplan.schema.codes import WarningCode
from vnplan.schema.model import Activity, AdminRef, Budget, IssuerLevel, Notice, Place, Provenance, Resolution, Unit
from vnplan.structure import admin_units, confidence
from vnplan.structure.admin_units import AdminUnit, CodeList, Level

_SPACE = r"[^\S\n\t]+"  # within a line and a table cell
_WORD = r"(?:\p{Lu}\p{Ll}*|\p{Lu}{2,})(?![\p{L}\d])"
_NAME_WORD = r"(?:\p{Lu}\p{Ll}*|\p{Lu}{2,}|\d{1,2})(?![\p{L}\d])"  # "Phường 3 Bảo Lộc", "xã Bảo Lâm 1"
_NAME = _NAME_WORD + r"(?:(?:" + _SPACE + r"|[^\S\n\t]*-[^\S\n\t]*)" + _NAME_WORD + r"){0,4}"
# The kind word written before a name, and the official kinds it may stand for.
_KINDS: dict[str, tuple[Level, tuple[str, ...]]] = {
    "tỉnh": ("province", ("Tỉnh",)),
    "huyện": ("district", ("Huyện",)),
    "quận": ("district", ("Quận",)),
    "thị xã": ("district", ("Thị xã",)),
    "thành phố": ("district", ("Thành phố",)),
    "tp": ("district", ("Thành phố",)),
    "xã": ("commune", ("Xã",)),
    "phường": ("commune", ("Phường",)),
    "thị trấn": ("commune", ("Thị trấn",)),
    "đặc khu": ("commune", ("Đặc khu",)),
    # health facilities of a district (TTYT) and of a commune (TYT) named by the place alone
    "ttyt": ("district", ()),
    "trung tâm y tế": ("district", ()),
    "trung tâm yt": ("district", ()),
    "tyt": ("commune", ()),
    "trạm y tế": ("commune", ()),
}
_KIND_WORD = r"(?i:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn|đặc\s+khu)(?!\p{L})"


def _compile(template: str) -> regex.Pattern[str]:
    """A pattern written with @KIND@, @SPACE@, @NAME@ and @WORD@ for the pieces above."""
    for key, piece in (("@KIND@", _KIND_WORD), ("@SPACE@", _SPACE), ("@NAME@", _NAME), ("@WORD@", _WORD)):
        template = template.replace(key, piece)
    return regex.compile(template)


# A kind word, or a health facility's, then a name that is not itself a kind ("TTYT Thành phố" is no name).
MENTION = _compile(
    r"(?<![\p{L}])(?P<kind>@KIND@|(?i:trung\s+tâm\s+y\s+tế|trung\s+tâm\s+yt|trạm\s+y\s+tế)|TP\.?|TTYT|TYT)"
    r"@SPACE@(?!@KIND@)(?P<name>@NAME@)(?![\p{L}])"
)
# The issuing body's level, from its head word and the place word that qualifies it.
_CENTRAL = regex.compile(r"^(?:Bộ|Chính phủ|Thủ tướng|Quốc hội|Tổng cục|Cục)\b")
_PROVINCE_BODY = regex.compile(r"^(?:Sở|Ban|Văn phòng|Chi cục|Bệnh viện|Trung tâm Kiểm soát)\b")
_BODY_MENTION = _compile(
    r"(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|HĐND)\s+(?P<kind>(?i:tỉnh|thành\s+phố))"
    r"@SPACE@(?P<name>@WORD@(?:@SPACE@@WORD@){0,3})"
)
_BARE_DISTRICT = regex.compile(r"(?i)(?<!\p{L})(?<!các\s+)(?:huyện|quận|thị\s+xã)$")
_HEADER_CHARS = 2500


@dataclass(frozen=True)
class Mention:
    kind: str  # the kind word as normalized in _KINDS
    name: str  # the name as written
    start: int  # offsets into the searched text
    end: int


def mentions(text: str) -> list[Mention]:
    """'Trung tâm Y tế huyện Cao Phong' → [huyện Cao Phong]; 'TYT Quỳnh Lâm (TPHB)' → [tyt Quỳnh Lâm]."""
    return [
        Mention(regex.sub(r"\s+", " ", m["kind"]).lower().rstrip("."), m["name"], m.start(), m.end())
        for m in MENTION.finditer(text)
    ]


def _exact_key(name: str) -> str:
    words = unicodedata.normalize("NFC", name).lower().replace("–", "-").split()
    return " ".join(placed_tone(w) for w in words).replace(" - ", "-")


def _loose_key(name: str) -> str:
    return regex.sub(r"[^a-z0-9]", "", strip_diacritics(unicodedata.normalize("NFC", name)).lower().replace("đ", "d"))


@dataclass
class Match:
    unit: AdminUnit | None
    resolution: Resolution


@cache
def _index(code_list: CodeList, level: Level) -> tuple[dict[str, list[AdminUnit]], dict[str, list[AdminUnit]]]:
    """The units of one level by name, as written (either tone placement) and without diacritics."""
    exact: dict[str, list[AdminUnit]] = defaultdict(list)
    loose: dict[str, list[AdminUnit]] = defaultdict(list)
    for unit in admin_units.units(code_list):
        if unit.level == level:
            exact[_exact_key(unit.short_name)].append(unit)
            loose[_loose_key(unit.short_name)].append(unit)
    return dict(exact), dict(loose)


def match(
    name: str, level: Level, code_list: CodeList, kinds: tuple[str, ...] = (), scope: Callable[[AdminUnit], bool] = bool
) -> Match:
    """The one unit of `level` named `name` within `scope`: by name and kind, by name, then without diacritics."""
    by_name, by_letters = _index(code_list, level)
    exact = [u for u in by_name.get(_exact_key(name), []) if scope(u)]
    loose = [u for u in by_letters.get(_loose_key(name), []) if scope(u)] if _loose_key(name) else []
    steps: tuple[tuple[list[AdminUnit], Resolution], ...] = (
        ([u for u in exact if u.kind in kinds], "official_name"),
        (exact, "name"),
        ([u for u in loose if u.kind in kinds] or loose, "unaccented"),
    )
    for found, resolution in steps:
        if len(found) == 1:
            return Match(found[0], resolution)
        if len(found) > 1:
            return Match(None, "ambiguous")
    return Match(None, "not_found")


# The official lists that have units of each level (districts are gone from the 2025 list).
CODE_LISTS: dict[Level, tuple[CodeList, ...]] = {
    "province": ("pre_2025", "post_2025"),
    "district": ("pre_2025",),
    "commune": ("pre_2025", "post_2025"),
}


def code_list_for(issued_date: str | None) -> CodeList:
    """The official list in force on the issue date; the pre-2025 one when the date is unknown."""
    if issued_date and issued_date[:7] >= admin_units.REORGANIZATION_DATE[:7]:
        return "post_2025"
    return "pre_2025"


def _current(unit: AdminUnit) -> AdminRef | None:
    if unit.code_list == "post_2025":
        return AdminRef(name=unit.province_name, code=unit.province_code)
    now = admin_units.current_province(unit.province_code)
    return AdminRef(name=now[0], code=now[1]) if now else None


def _place(
    name: str,
    level: Level,
    text: str,
    provenance: Provenance | None,
    found: Match,
    resolution: Resolution | None = None,
) -> Place:
    unit = found.unit
    return Place(
        name=name,
        level=level,
        text=text,
        provenance=provenance,
        official_name=unit.official_name if unit else None,
        code=unit.code if unit else None,
        code_list=unit.code_list if unit else None,
        province=AdminRef(name=unit.province_name, code=unit.province_code) if unit else None,
        current=_current(unit) if unit else None,
        resolution=resolution or found.resolution,
    )


def _notice(found: Place) -> Notice | None:
    if found.code is not None:
        return None
    why = "matches several units" if found.resolution == "ambiguous" else "matches no unit"
    return Notice(
        code=WarningCode(f"place_{found.resolution}"),
        message=f"{found.level} '{found.name}' ({found.text}) {why} of the official list; its code is left null",
        stage="structure",
        provenance=found.provenance,
    )


def _span(doc: NormalizedDocument, words: str, method: str, near: int = 0) -> Provenance | None:
    """The occurrence of `words` (any case and spacing) nearest to offset `near`."""
    pattern = r"(?<![\p{L}])" + r"\s+".join(regex.escape(w) for w in words.split()) + r"(?![\p{L}])"
    found = list(regex.finditer(pattern, doc.text, flags=regex.I))
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - near))
    return doc.provenance(m.start(), m.end(), method, confidence.PLACE_SPAN)


@dataclass
class Location:
    """Where the document belongs."""

    province: Place | None
    district: Place | None
    issuer_level: IssuerLevel | None
    warnings: list[Notice]


def _in_province(province: AdminUnit | None) -> Callable[[AdminUnit], bool]:
    """Units of the pre-2025 list inside `province`, whichever list the province comes from."""
    if province is None:
        return bool
    if province.code_list == "pre_2025":
        return lambda u: u.province_code == province.code
    return lambda u: (admin_units.current_province(u.province_code) or ("", ""))[1] == province.code


def _issuer_level(issuer: str | None) -> tuple[IssuerLevel | None, Mention | None]:
    """'Trung tâm Y tế huyện Yên Lạc' → district (huyện Yên Lạc); 'Sở Y tế tỉnh Hòa Bình' → province."""
    if not issuer:
        return None, None
    found = mentions(issuer)
    last = found[-1] if found else None
    if last and _KINDS[last.kind][0] != "province":
        return ("district" if _KINDS[last.kind][0] == "district" else "commune"), last
    if _BARE_DISTRICT.search(issuer):  # "UBND huyện" whose name the text never gives
        return "district", None
    if last:
        return "province", None
    if _CENTRAL.match(issuer):
        return "central", None
    if _PROVINCE_BODY.match(issuer):
        return "province", None
    return None, None


def _province_unit(code: str, code_list: CodeList) -> AdminUnit | None:
    return next((u for u in admin_units.units(code_list) if u.level == "province" and u.code == code), None)


def _province_of(unit: AdminUnit, code_list: CodeList) -> AdminUnit | None:
    """The province a unit of the pre-2025 list belongs to, as a unit of `code_list`."""
    if code_list == "pre_2025":
        return _province_unit(unit.province_code, code_list)
    now = admin_units.current_province(unit.province_code)
    return _province_unit(now[1], code_list) if now else None


def _province_place(doc: NormalizedDocument, province: Place, code_list: CodeList) -> tuple[Place, AdminUnit | None]:
    kinds = ("Thành phố",) if regex.search(r"(?i)thành\s+phố|^tp\b", province.text) else ("Tỉnh",)
    found = match(province.name, "province", code_list, kinds)
    span = province.provenance or _span(doc, province.text, "rule:province_name")
    return _place(province.name, "province", province.text, span, found), found.unit


def locate_document(
    doc: NormalizedDocument, issuer: str | None, province: Place | None, issued_date: str | None
) -> Location:
    """The issuing province (then and now) and, for a district-level issuer, the district."""
    code_list = code_list_for(issued_date)
    level, written = _issuer_level(issuer)
    if written and written.kind in ("thành phố", "tp"):
        city = match(written.name, "province", code_list, ("Thành phố",))
        if city.unit is not None and city.unit.kind == "Thành phố":  # "UBND thành phố Hồ Chí Minh": a municipality
            level = "province"
            text = f"{written.kind} {written.name}"
            province = province or Place(name=written.name, level="province", text=text, provenance=None)
            written = None
    if province is None and issuer is None:
        # No issuer was read: the body named in the header ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH").
        body = _BODY_MENTION.search(doc.text[:_HEADER_CHARS])
        if body:
            span = doc.provenance(body.start(), body.end(), "rule:issuing_body", confidence.ISSUING_BODY)
            province = Place(name=body["name"].title(), level="province", text=body.group(0), provenance=span)
            level = "province"
    province_unit: AdminUnit | None = None
    if province is not None:
        province, province_unit = _province_place(doc, province, code_list)
    district: Place | None = None
    if level == "district" and written is not None:
        found = match(written.name, "district", "pre_2025", _KINDS[written.kind][1], _in_province(province_unit))
        text = f"{written.kind} {written.name}"
        span = _span(doc, text, "rule:issuer_district") or _span(doc, written.name, "rule:issuer_district")
        district = _place(written.name, "district", text, span, found)
        parent = _province_of(found.unit, code_list) if found.unit else None
        if province is None and parent is not None:  # Cẩm Thủy is a district of Thanh Hóa
            province = _place(
                parent.short_name, "province", text, span, Match(parent, "official_name"), "from_district"
            )
    if level is None and province is not None:
        level = "province"
    warnings = [n for n in (_notice(p) for p in (province, district) if p) if n]
    return Location(province, district, level, warnings)


def _same_name(unit: AdminUnit, name: str) -> bool:
    return _loose_key(unit.short_name) == _loose_key(name)


def _commune_scope(province: AdminUnit, district_code: str | None) -> Callable[[AdminUnit], bool]:
    """Communes of the plan's province, and of its district when the text names one."""
    if province.code_list == "post_2025":
        return lambda u: u.province_code == province.code
    return lambda u: u.province_code == province.code and district_code in (None, u.district_code)


def _record_place(
    doc: NormalizedDocument, texts: Iterable[str], provenance: Provenance, location: Location, code_list: CodeList
) -> Place | None:
    """The most specific place a record names, resolved within the plan's province (and district)."""
    where = location.province
    if where is None or where.code is None or where.code_list is None:
        return None
    province = _province_unit(where.code, where.code_list)
    if province is None:
        return None
    district_code = location.district.code if location.district else None
    best: Place | None = None
    for text in texts:
        for mention in mentions(text):
            level, kinds = _KINDS[mention.kind]
            if level == "province":
                continue
            if level == "district":
                found = match(mention.name, "district", "pre_2025", kinds, _in_province(province))
                if found.unit is not None:
                    district_code = found.unit.code
            else:
                found = match(mention.name, "commune", code_list, kinds, _commune_scope(province, district_code))
            if found.resolution == "not_found" and (not kinds or _same_name(province, mention.name)):
                continue  # "TTYT Số lớp" names no unit; "UBND thành phố Hồ Chí Minh" is the plan's own province
            words = text[mention.start : mention.end]
            near = provenance.start
            span = _span(doc, words, "rule:place_mention", near) or _span(doc, mention.name, "rule:place_mention", near)
            candidate = _place(mention.name, level, words, span, found)
            if best is None or (candidate.code and (not best.code or level == "commune")):
                best = candidate
    if best is None and location.district is not None and location.district.code is not None:
        # In a district's plan, "Trung tâm y tế huyện" without a name is the issuing district's.
        for text in texts:
            if _BARE_DISTRICT.search(text):
                span = _span(doc, text, "rule:place_issuer_district", provenance.start)
                return location.district.model_copy(update={"text": text, "provenance": span})
    return best


def locate_records(
    doc: NormalizedDocument,
    location: Location,
    issued_date: str | None,
    units: list[Unit],
    activities: list[Activity],
    budgets: list[Budget],
) -> tuple[list[Unit], list[Activity], list[Budget], list[Notice]]:
    """Each unit, activity and budget line with the district or commune it names, if any."""
    code_list = code_list_for(issued_date)
    warnings: list[Notice] = []

    def located(record, texts: Iterable[str]):
        found = _record_place(doc, texts, record.provenance, location, code_list)
        notice = _notice(found) if found else None
        if notice:
            warnings.append(notice)
        return record.model_copy(update={"place": found}) if found else record

    return (
        [located(u, [u.name]) for u in units],
        [located(a, [a.name, a.lead_unit or ""]) for a in activities],
        [located(b, [b.description]) for b in budgets],
        warnings,
    )
