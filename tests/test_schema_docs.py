"""The schema as documentation: every property described, the generated enums and reference current,
every warning code the stages emit listed, and no keyword a strict validator would refuse."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema_specifications import REGISTRY
from pydantic import ValidationError

from vnplan.extract.document import Format as ExtractFormat
from vnplan.schema import SCHEMA_FILE, load_schema, validation_errors
from vnplan.schema.codes import ERROR_MEANINGS, WARNING_MEANINGS, Format, WarningCode
from vnplan.schema.model import Notice
from vnplan.schemagen import COMMAND, SCHEMA_DIR, dump, reference, synced
from vnplan.structure.metrics import metric_entries

ROOT = Path(__file__).resolve().parent.parent
STALE = f"stale: run `{COMMAND}` and commit schema/plan.schema.json and schema/README.md"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _objects(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {"(root)": schema} | {name: node for name, node in schema["$defs"].items() if "properties" in node}


def test_every_property_has_a_description():
    missing = [
        f"{name}.{prop}"
        for name, node in _objects(load_schema()).items()
        for prop, child in node["properties"].items()
        if not child.get("description", "").strip()
    ]
    assert missing == [], "properties without a description"


def test_generated_enums_layout_and_reference_are_current():
    schema = load_schema()
    assert synced(schema) == schema, STALE
    assert (SCHEMA_DIR / SCHEMA_FILE).read_text(encoding="utf-8") == dump(schema), STALE
    assert (SCHEMA_DIR / "README.md").read_text(encoding="utf-8") == reference(schema), STALE


def test_enums_are_the_lists_of_codes_and_metrics():
    defs = load_schema()["$defs"]
    assert defs["WarningCode"]["enum"] == [str(c) for c in WarningCode] == [str(c) for c in WARNING_MEANINGS]
    assert defs["ErrorKind"]["enum"] == [str(k) for k in ERROR_MEANINGS]
    assert defs["MetricId"]["enum"] == [*metric_entries(), None]
    reference_text = (SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in reference_text for code in WarningCode)


def test_metric_and_warning_code_outside_the_lists_are_invalid():
    from conftest import processed

    plan = processed("000").to_dict()
    assert validation_errors(plan) == []
    plan["indicators"][0]["metric"] = "doctors_per_10000"
    plan["warnings"] = [{"code": "made_up", "message": "x", "stage": "structure"}]
    errors = validation_errors(plan)
    assert any(e.startswith("indicators/0/metric") for e in errors)
    assert any(e.startswith("warnings/0/code") for e in errors)
    with pytest.raises(ValidationError):
        Notice(code="made_up", message="x", stage="structure")


def _notice_codes(tree: ast.AST) -> list[ast.expr]:
    return [
        keyword.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Notice"
        for keyword in node.keywords
        if keyword.arg == "code"
    ]


def _from_warning_code(expr: ast.expr) -> bool:
    """WarningCode.X, WarningCode.read(fmt) or WarningCode(computed): a code the enum checks."""
    if isinstance(expr, ast.Attribute):
        return getattr(expr.value, "id", None) == "WarningCode" and expr.attr in WarningCode.__members__
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute):
            return getattr(func.value, "id", None) == "WarningCode" and func.attr == "read"
        return getattr(func, "id", None) == "WarningCode"
    return False


def test_every_emitted_warning_code_is_in_the_list():
    """Every Notice made in the stages and the pipeline names its code from schema/codes.py, so a code
    outside the enum fails where it is made; each reader format has its <format>_read code."""
    sites = []
    for folder in ("extract", "normalize", "structure", "vnplan"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for expr in _notice_codes(ast.parse(path.read_text(encoding="utf-8"))):
                sites.append((path.relative_to(ROOT).as_posix(), ast.unparse(expr), _from_warning_code(expr)))
    assert len(sites) >= 6
    assert [s for s in sites if not s[2]] == []
    assert get_args(ExtractFormat) == get_args(Format)
    assert all(WarningCode.read(fmt) for fmt in get_args(Format))


def _vocabulary() -> dict[str, dict[str, Any]]:
    """Draft 2020-12's keywords, each with its schema in the vocabulary meta-schemas."""
    keywords: dict[str, dict[str, Any]] = {}
    for part in REGISTRY.contents(DRAFT)["allOf"]:
        keywords |= REGISTRY.contents(f"https://json-schema.org/draft/2020-12/{part['$ref']}")["properties"]
    return keywords


def _subschemas(value: Any, spec: dict[str, Any]) -> list[Any]:
    """The schemas inside a keyword's value, by the keyword's meta-schema: a schema, an array of
    schemas or an object whose values are schemas."""
    if spec.get("$dynamicRef") == "#meta":
        return [value]
    if spec.get("$ref", "").endswith("schemaArray"):
        return list(value)
    if isinstance(spec.get("additionalProperties"), dict) and spec["additionalProperties"].get("$dynamicRef"):
        return list(value.values())
    return []


def unknown_keywords(node: Any, vocabulary: dict[str, dict[str, Any]], path: str = "#") -> list[str]:
    if not isinstance(node, dict):
        return []
    found = [f"{path}/{key}" for key in node if key not in vocabulary]
    for key, value in node.items():
        for index, child in enumerate(_subschemas(value, vocabulary.get(key, {}))):
            found += unknown_keywords(child, vocabulary, f"{path}/{key}/{index}")
    return found


def test_schema_uses_only_draft_2020_12_keywords():
    """ajv's strict mode (the default) refuses a keyword no vocabulary defines, as it did
    'x-schema-version'; the version is now in $id (and $comment)."""
    vocabulary = _vocabulary()
    assert {"properties", "$defs", "enum", "description", "$comment"} <= set(vocabulary)
    assert unknown_keywords({"type": "object", "properties": {"a": {"x-unit": "đồng"}}}, vocabulary) == [
        "#/properties/0/x-unit"
    ]
    assert unknown_keywords(load_schema(), vocabulary) == []


AJV = ROOT / "tools" / "ajv"


@pytest.mark.skipif(
    not (AJV / "node_modules" / "ajv").is_dir() or shutil.which("node") is None,
    reason="ajv not installed (bash run.sh setup installs it with npm when npm is there)",
)
def test_schema_compiles_in_ajv_strict_mode_and_agrees_on_outputs(tmp_path):
    """ajv (JavaScript, strict mode, draft 2020-12) compiles the schema and judges outputs as jsonschema does."""
    from conftest import processed

    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    plan = processed("004").to_dict()
    good.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    plan["budgets"] = [{"amount_vnd": -5}]
    bad.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    command = ["node", str(AJV / "check.js"), str(SCHEMA_DIR / SCHEMA_FILE)]
    checked = subprocess.run([*command, str(good)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0 and checked.stdout.strip().endswith("valid"), checked.stdout
    refused = subprocess.run([*command, str(bad)], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "/budgets/0" in refused.stdout
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({**load_schema(), "x-schema-version": "1.3.0"}), encoding="utf-8")
    unknown = subprocess.run(["node", str(AJV / "check.js"), str(strict)], capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 1 and 'unknown keyword: "x-schema-version"' in unknown.stdout
