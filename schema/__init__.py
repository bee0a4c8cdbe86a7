"""The JSON contract: ``plan.schema.json`` and its validation (jsonschema, draft 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "plan.schema.json"


@cache
def load_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    # The schema file ships with the package: tests check it against the draft 2020-12
    # meta-schema once, instead of every run spending a tenth of a second on it.
    return Draft202012Validator(load_schema())


def schema_version() -> str:
    """The schema's semver: the last segment of its ``$id`` (…/schema/plan/1.3.0)."""
    return load_schema()["$id"].rsplit("/", 1)[-1]


def validation_errors(instance: Any) -> list[str]:
    """Every way ``instance`` breaks the contract, as 'path: message' lines (empty when valid)."""
    errors = sorted(_validator().iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def one_line(errors: list[str]) -> str:
    """Schema violations in one line: the only one, or how many and the first."""
    return errors[0] if len(errors) == 1 else f"{len(errors)} schema violations; first: {errors[0]}"


class SchemaViolation(ValueError):
    """Output that does not satisfy plan.schema.json; it is never written."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors[:5]) + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""))
        self.errors = errors


def file_violations(path: Path) -> list[str]:
    """What is wrong with a JSON file as a vnplan output: 'no such file', 'not readable JSON: …', or
    every schema violation (validation_errors); empty when it is a valid output."""
    try:
        instance = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ["no such file"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"not readable JSON: {exc}"]
    return validation_errors(instance)


def ensure_valid(instance: Any) -> None:
    errors = validation_errors(instance)
    if errors:
        raise SchemaViolation(errors)
