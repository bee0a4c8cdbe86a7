"""What `pip install .` ships: every data file in a package folder is declared as shipped or as
excluded, and building the package prints no packaging warning."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_in_a_package_is_declared():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    package_dirs = config["package-dir"]
    declared = config.get("package-data", {})
    excluded = config.get("exclude-package-data", {})
    missing = []
    for package in config["packages"]:
        folder = _folder(package, package_dirs)
        for path in folder.rglob("*"):
            relative = path.relative_to(folder)
            # files of subpackages (listed, or with an __init__.py) belong to the subpackage; caches and code are not data
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in relative.parts:
                continue
            sub = relative.parts[0]
            if len(relative.parts) > 1 and (
                f"{package}.{sub}" in config["packages"] or (folder / sub / "__init__.py").exists()
            ):
                continue
            patterns = [*declared.get(package, []), *excluded.get(package, [])]
            if not any(fnmatch.fnmatch(str(relative), pattern) for pattern in patterns):
                missing.append(f"{package}: {relative}")
    assert missing == []


def _folder(package: str, package_dirs: dict[str, str]) -> Path:
    """A package's folder: its own package-dir entry, else its parent's folder and its last name."""
    if package in package_dirs:
        return ROOT / package_dirs[package]
    parent, _, name = package.rpartition(".")
    return _folder(parent, package_dirs) / name


def test_building_the_wheel_prints_no_packaging_warning(tmp_path):
    """Issue #19: `pip install .` printed ~270 lines of setuptools warnings about data folders
    (templates, normalize/data, the restorer's model) not listed as packages. The wheel is built
    from the tracked files, without build isolation (no network), by the setuptools of the venv."""
    import setuptools

    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip(f"setuptools {setuptools.__version__} is older than pyproject's build requirement (>=77)")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are not known")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    source = tmp_path / "src"
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted in the working tree but not yet in git is skipped
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist")]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    log = built.stdout + built.stderr
    warnings = [line for line in log.splitlines() if "warning" in line.lower() and "pip" not in line.lower()]
    assert warnings == []
    (wheel,) = (tmp_path / "dist").glob("vnplan-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    for data in (
        "vnplan/templates/report.html.j2",
        "vnplan/normalize/data/abbreviations.tsv",
        "vnplan/normalize/restore/model/lm.bin",
        "vnplan/structure/data/organisations.json",
        "vnplan/schema/plan.schema.json",
    ):
        assert data in shipped, data
    assert not any(name.startswith("vnplan/normalize/restore/data/") for name in shipped)  # training data stays out


def test_stage_folders_install_under_the_vnplan_namespace():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert all(name == "vnplan" or name.startswith("vnplan.") for name in config["packages"])
    for stage in ("extract", "normalize", "structure", "schema"):
        assert config["package-dir"][f"vnplan.{stage}"] == stage
