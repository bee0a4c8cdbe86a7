"""The layers stay one-way (ARCHITECTURE.md): schema/ is the contract and imports nothing else of
vnplan; extract → normalize → structure import only the contract and earlier stages; none of them
imports the application (vnplan.cli, vnplan.batch, vnplan.pipeline, …). Checked on the source, every
import statement counted, those inside functions and under TYPE_CHECKING too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# folder → (installed package, rank); a module may import only modules of its own rank or lower
LAYERS = {
    "schema": ("vnplan.schema", 0),
    "extract": ("vnplan.extract", 1),
    "normalize": ("vnplan.normalize", 2),
    "structure": ("vnplan.structure", 3),
}
APPLICATION = 4  # vnplan itself and every other vnplan.* module


def rank(module: str) -> int | None:
    """The layer of an imported module; None for modules outside vnplan."""
    if module != "vnplan" and not module.startswith("vnplan."):
        return None
    for package, layer in LAYERS.values():
        if module == package or module.startswith(package + "."):
            return layer
    return APPLICATION


def _package_of(path: Path, root: Path) -> str:
    folder, *rest = path.relative_to(root).with_suffix("").parts
    parts = [LAYERS[folder][0], *rest]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file; relative imports resolved,
    ``from vnplan import x`` read as the module vnplan.x."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _package_of(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "vnplan":
                found += [(node.lineno, f"vnplan.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return sorted(found)


def layer_violations(folder: str, root: Path = ROOT) -> list[str]:
    own = LAYERS[folder][1]
    problems = []
    for path in sorted((root / folder).rglob("*.py")):
        for line, module in imported_modules(path, root):
            layer = rank(module)
            if layer is not None and layer > own:
                problems.append(f"{path.relative_to(root)}:{line} imports {module}")
    return problems


@pytest.mark.parametrize("folder", list(LAYERS))
def test_a_layer_imports_only_itself_and_the_layers_below(folder):
    assert layer_violations(folder) == []


def test_the_check_sees_a_violation(tmp_path):
    """The check itself: an upward import, a lazy one and `from vnplan import …` are caught; a
    relative import of the contract is allowed."""
    stage = tmp_path / "normalize"
    stage.mkdir()
    (stage / "bad.py").write_text(
        "from vnplan.structure import structure\n"
        "def f():\n    from vnplan.cli import app\n"
        "from ..schema.model import Notice\n"
        "from vnplan import batch, schema\n"
        "import vnplan\n",
        encoding="utf-8",
    )
    assert layer_violations("normalize", tmp_path) == [
        "normalize/bad.py:1 imports vnplan.structure",
        "normalize/bad.py:3 imports vnplan.cli",
        "normalize/bad.py:5 imports vnplan.batch",
        "normalize/bad.py:6 imports vnplan",
    ]
