"""No function over 80 lines anywhere in the package (issue #16): a long function hides several jobs.
tools/long_functions.py lists them across the whole repository (tests and tools included)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("long_functions", ROOT / "tools" / "long_functions.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

PACKAGE = ("schema", "extract", "normalize", "structure", "vnplan")


def test_no_function_over_the_limit():
    found = sorted(f"{where} {name} ({length} lines)" for length, where, name in tool.long_functions(PACKAGE))
    assert found == []


def test_the_check_counts_every_line_of_a_function(tmp_path):
    body = "".join(f"        x{i} = {i}\n" for i in range(tool.MAX_LINES))
    (tmp_path / "m.py").write_text(f"class C:\n    @staticmethod\n    def long():\n{body}", encoding="utf-8")
    assert [(name, length) for name, _, length in tool.functions(tmp_path / "m.py")] == [("C.long", tool.MAX_LINES + 2)]
