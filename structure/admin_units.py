"""The official lists of Vietnamese administrative units, before and after the 2025 reorganization.

This is the only module that imports ``vietnamadminunits`` (the 63-province list with its districts
and communes as it stood before 1 July 2025, the 34-province list from then on, and the mapping of
old provinces to new ones), so the source can be replaced without touching the resolution logic in
:mod:`vnplan.structure.places`. The library works offline: its lists ship inside the package as a
SQLite file; the only calls made here are SQL queries on that file and the province conversion,
which never geocodes (geocoding is reached only for street addresses of split communes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from typing import Literal

Level = Literal["province", "district", "commune"]
CodeList = Literal["pre_2025", "post_2025"]

SOURCE = f"vietnamadminunits {version('vietnamadminunits')}"
REORGANIZATION_DATE = "2025-07-01"  # Nghị quyết 202/2025/QH15: 34 provinces, no district level


@dataclass(frozen=True)
class AdminUnit:
    """One unit of an official list."""

    official_name: str  # "Huyện Yên Lạc", "Tỉnh Vĩnh Phúc", "Phường Xuân Hương - Đà Lạt"
    short_name: str  # "Yên Lạc"
    kind: str  # "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu"
    level: Level
    code: str  # the national code: 2 digits for provinces, 3 for districts, 5 for communes
    province_name: str  # the province the unit belongs to in the same list (itself for a province)
    province_code: str
    district_code: str | None  # for a commune of the pre-2025 list
    code_list: CodeList


def _rows(sql: str) -> list[dict]:
    from vietnamadminunits.database import query  # imported lazily: the library loads its data on import

    return query(sql)


def _kind(official_name: str, short_name: str) -> str:
    return official_name[: len(official_name) - len(short_name)].strip()


_COLUMNS = {
    "pre_2025": "province, provinceShort, provinceCode, district, districtShort, districtType, districtCode,"
    " ward, wardShort, wardType, wardCode FROM admin_units_legacy",
    "post_2025": "province, provinceShort, provinceCode, NULL AS district, NULL AS districtShort,"
    " NULL AS districtType, NULL AS districtCode, ward, wardShort, wardType, wardCode FROM admin_units",
}


@cache
def units(code_list: CodeList) -> tuple[AdminUnit, ...]:
    """Every province, district (pre-2025 only) and commune of one official list."""
    found: dict[tuple[Level, str], AdminUnit] = {}
    for row in _rows(f"SELECT DISTINCT {_COLUMNS[code_list]}"):
        parent = {"province_name": row["province"], "province_code": row["provinceCode"], "code_list": code_list}
        province = AdminUnit(
            row["province"],
            row["provinceShort"],
            _kind(row["province"], row["provinceShort"]),
            "province",
            row["provinceCode"],
            district_code=None,
            **parent,
        )
        found.setdefault(("province", province.code), province)
        if row["districtCode"]:
            district = AdminUnit(
                row["district"],
                row["districtShort"],
                row["districtType"],
                "district",
                row["districtCode"],
                district_code=None,
                **parent,
            )
            found.setdefault(("district", district.code), district)
        if row["wardCode"] and row["ward"]:
            commune = AdminUnit(
                row["ward"],
                row["wardShort"],
                row["wardType"] or _kind(row["ward"], row["wardShort"]),
                "commune",
                row["wardCode"],
                district_code=row["districtCode"],
                **parent,
            )
            found.setdefault(("commune", commune.code), commune)
    return tuple(found.values())


@cache
def current_province(province_code: str) -> tuple[str, str] | None:
    """The post-2025 province (official name, code) that a pre-2025 province belongs to now."""
    from vietnamadminunits import convert_address

    old = next((u for u in units("pre_2025") if u.level == "province" and u.code == province_code), None)
    if old is None:
        return None
    new = convert_address(old.official_name)
    if not new.province_code:
        return None
    return new.province, new.province_code
