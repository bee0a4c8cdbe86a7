"""Provenance confidences are written once, as named constants in structure/confidence.py: no call of
``provenance(start, end, method, confidence)`` in structure/ passes a bare number."""

from __future__ import annotations

import ast
from pathlib import Path

from vnplan.structure import confidence

STRUCTURE = Path(__file__).resolve().parents[2] / "structure"


def _numbers(node: ast.AST) -> list[ast.Constant]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, float)]


def test_no_bare_confidence_at_a_call_site():
    bare = []
    for path in sorted(STRUCTURE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None) and getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("provenance", "prov") and len(node.args) >= 4 and _numbers(node.args[3]):
                bare.append(f"{path.name}:{node.lineno}")
    assert not bare


def test_constants_are_confidences():
    values = {k: v for k, v in vars(confidence).items() if k.isupper()}
    assert len(values) >= 15
    assert all(isinstance(v, float) and 0 < v <= 1 for v in values.values())
