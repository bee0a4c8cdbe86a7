"""The official lists of Vietnamese administrative units, before and after the 2025 reorganization.

This is the only module that reads ``vietnamadminunits`` (the 63-province list with its districts
and communes as it stood before 1 July 2025, the 34-province list from then on, and the mapping of
old provinces to new ones), so the source can be replaced without touching the resolution logic in
:mod:`vnplan.structure.places`. The library works offline: its lists ship inside the package as a
SQLite file and its province mapping as JSON. Both are read here directly, without importing the
library: its ``__init__`` loads and compiles its address parsers, about half a second, more than
the rest of a document's structure stage. The data files are those of the pinned version (1.0.4);
the tests check the province mapping against the library's ``convert_address`` for every province.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
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


@cache
def _data_dir() -> Path:
    """The library's data folder, found without importing the library."""
    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(sql: str) -> list[dict]:
    """The rows of one query on the library's SQLite file (as its ``database.query`` returns them)."""
    uri = (_data_dir() / "dataset.db").as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql).fetchall()]


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
    # One row per commune: its province and district repeat on thousands of rows, so each is
    # built only the first time it is seen.
    for row in _rows(f"SELECT DISTINCT {_COLUMNS[code_list]}"):
        parent = {"province_name": row["province"], "province_code": row["provinceCode"], "code_list": code_list}
        if ("province", row["provinceCode"]) not in found:
            found["province", row["provinceCode"]] = AdminUnit(
                row["province"],
                row["provinceShort"],
                _kind(row["province"], row["provinceShort"]),
                "province",
                row["provinceCode"],
                district_code=None,
                **parent,
            )
        if row["districtCode"] and ("district", row["districtCode"]) not in found:
            found["district", row["districtCode"]] = AdminUnit(
                row["district"],
                row["districtShort"],
                row["districtType"],
                "district",
                row["districtCode"],
                district_code=None,
                **parent,
            )
        if row["wardCode"] and row["ward"] and ("commune", row["wardCode"]) not in found:
            found["commune", row["wardCode"]] = AdminUnit(
                row["ward"],
                row["wardShort"],
                row["wardType"] or _kind(row["ward"], row["wardShort"]),
                "commune",
                row["wardCode"],
                district_code=row["districtCode"],
                **parent,
            )
    return tuple(found.values())


@cache
def _merged_provinces() -> dict[str, tuple[str, str]]:
    """Pre-2025 province code → the post-2025 province (official name, code) it belongs to now.

    The library's own conversion table (new province key → the old provinces' keys), joined to
    both lists by province key: what ``convert_address`` answers for a province name.
    """
    text = (_data_dir() / "converter_2025.json").read_text(encoding="utf-8")
    new_key = {old: new for new, olds in json.loads(text)["DICT_PROVINCE"].items() for old in olds}
    now = {
        row["provinceKey"]: (row["province"], row["provinceCode"])
        for row in _rows("SELECT DISTINCT province, provinceCode, provinceKey FROM admin_units")
    }
    return {
        row["provinceCode"]: now[new_key[row["provinceKey"]]]
        for row in _rows("SELECT DISTINCT provinceCode, provinceKey FROM admin_units_legacy")
        if new_key.get(row["provinceKey"]) in now
    }


def current_province(province_code: str) -> tuple[str, str] | None:
    """The post-2025 province (official name, code) that a pre-2025 province belongs to now."""
    return _merged_provinces().get(province_code)
