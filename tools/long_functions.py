"""List the functions longer than a limit (80 lines by default) in the repository's Python code.

    python tools/long_functions.py [--max 80] [FOLDER ...]

One line per function, longest first: lines, path:line, qualified name. Exit code 1 when any is
found. tests/test_function_length.py keeps the application and the readers under the limit.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("schema", "extract", "normalize", "structure", "vnplan", "bench", "tools", "tests")
MAX_LINES = 80


def functions(path: Path) -> Iterator[tuple[str, int, int]]:
    """(qualified name, first line, number of lines) of every function and method in a file, the
    decorators included."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, int, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                yield f"{prefix}{child.name}", first, (child.end_lineno or child.lineno) - first + 1
                yield from walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")

    yield from walk(ast.parse(path.read_text(encoding="utf-8"), str(path)), "")


def long_functions(folders: tuple[str, ...] = FOLDERS, max_lines: int = MAX_LINES) -> list[tuple[int, str, str]]:
    """(lines, "path:line", name) of every function over max_lines, longest first."""
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if ".venv" in path.parts or "__pycache__" in path.parts:
                continue
            for name, line, length in functions(path):
                if length > max_lines:
                    found.append((length, f"{path.relative_to(ROOT).as_posix()}:{line}", name))
    return sorted(found, key=lambda f: (-f[0], f[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=int, default=MAX_LINES, help="the longest a function may be (lines)")
    parser.add_argument("folders", nargs="*", default=list(FOLDERS), help="folders below the repository")
    args = parser.parse_args()
    found = long_functions(tuple(args.folders), args.max)
    for length, where, name in found:
        print(f"{length:4d}  {where}  {name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
