"""The JSON contract: schema file, code models and real outputs agree."""

from __future__ import annotations

import json

import pytest
from conftest import processed
from jsonschema import Draft202012Validator

from vnplan.schema import load_schema, schema_version, validation_errors
from vnplan.schema.model import SCHEMA_VERSION, PlanDocument


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    for key in ("oneOf", "anyOf"):
        if key in node:
            objects = [_resolve(schema, n) for n in node[key] if _resolve(schema, n).get("type") != "null"]
            if len(objects) == 1:
                return objects[0]
    return node


def _shape(schema: dict, node: dict, path: str, out: dict[str, tuple[set, set]]) -> None:
    node = _resolve(schema, node)
    if node.get("type") == "array" and "items" in node:
        _shape(schema, node["items"], path + "[]", out)
    if "properties" in node:
        out[path] = (set(node["properties"]), set(node.get("required", [])))
        for name, child in node["properties"].items():
            _shape(schema, child, f"{path}.{name}", out)


def test_schema_file_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(load_schema())  # the validator does not check it at run time


def test_models_and_schema_file_describe_the_same_fields():
    """Every object in plan.schema.json has exactly the fields of the pydantic model, same required set."""
    file_schema = load_schema()
    model_schema = PlanDocument.model_json_schema()
    from_file: dict[str, tuple[set, set]] = {}
    from_models: dict[str, tuple[set, set]] = {}
    _shape(file_schema, file_schema, "$", from_file)
    _shape(model_schema, model_schema, "$", from_models)
    assert set(from_file) == set(from_models)
    for path, (props, _required) in from_file.items():
        assert props == from_models[path][0], path
        # Fields the schema requires are fields the model always writes.
        assert _required <= props, path


def test_schema_version_matches_code():
    assert schema_version() == SCHEMA_VERSION
    assert SCHEMA_VERSION.count(".") == 2


CONTRACT_FIELDS = {
    "document": [
        "title",
        "doc_type",
        "number",
        "issuer",
        "issued_date",
        "province",
        "period",
        "legal_basis",
        "signer",
        "source",
        "text_quality",
    ],
}
ARRAYS = ["sections", "objectives", "indicators", "budgets", "units", "activities", "warnings"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_gives_schema_valid_json_with_the_contract_fields(prefix):
    plan = processed(prefix)
    data = json.loads(plan.to_json())
    assert validation_errors(data) == []
    assert data["schema_version"] == SCHEMA_VERSION
    for name in CONTRACT_FIELDS["document"]:
        assert name in data["document"]
    for name in ARRAYS:
        assert isinstance(data[name], list)
    assert data["document"]["source"]["format"] == "txt"  # the seeds are .txt, 003 holds Markdown


def test_schema_rejects_broken_output():
    data = json.loads(processed("002").to_json())
    del data["indicators"]
    data["document"]["issued_date"] = "12/5/2017"
    errors = validation_errors(data)
    assert any("indicators" in e for e in errors)
    assert any("issued_date" in e for e in errors)


def test_same_input_same_bytes():
    from conftest import seed_path

    import vnplan

    assert vnplan.process(seed_path("000")).to_json() == vnplan.process(seed_path("000")).to_json()


def test_provenance_points_into_normalized_and_raw_text(any_seed):
    prefix, plan = any_seed
    from conftest import seed_path

    raw = seed_path(prefix).read_text(encoding="utf-8-sig")
    for section in plan.sections:
        p = section.provenance
        assert plan.text[p.start : p.end] == p.text
        assert p.raw_text in raw
        assert p.page is None  # plain text has no pages
