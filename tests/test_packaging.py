"""What `pip install .` ships: every data file in a package folder is declared as shipped or as excluded."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_in_a_package_is_declared():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    package_dirs = config["package-dir"]
    declared = config.get("package-data", {})
    excluded = config.get("exclude-package-data", {})
    missing = []
    for package in config["packages"]:
        folder = ROOT / package_dirs.get(package, package.replace(".", "/"))
        for path in folder.rglob("*"):
            relative = path.relative_to(folder)
            # files of subpackages belong to the subpackage; caches and code are not data
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in relative.parts:
                continue
            if any((folder / part / "__init__.py").exists() for part in relative.parts[:1]) and len(relative.parts) > 1:
                continue
            patterns = [*declared.get(package, []), *excluded.get(package, [])]
            if not any(fnmatch.fnmatch(str(relative), pattern) for pattern in patterns):
                missing.append(f"{package}: {relative}")
    assert missing == []


def test_stage_folders_install_under_the_vnplan_namespace():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert all(name == "vnplan" or name.startswith("vnplan.") for name in config["packages"])
    for stage in ("extract", "normalize", "structure", "schema"):
        assert config["package-dir"][f"vnplan.{stage}"] == stage
