"""Compare two folders of vnplan outputs byte for byte: a refactoring must not change any output.

    python bench/compare_outputs.py BEFORE_DIR AFTER_DIR

Every file below either folder is compared (the batch's ``.vnplan-batch`` manifest folders are
skipped: their times and pipeline version change with every run); prints each file as identical,
different, or missing on one side, then a count. Exit code 0 when every file is identical, 1 on
any difference, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

SKIPPED_FOLDERS = {".vnplan-batch"}


def files_below(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not SKIPPED_FOLDERS.intersection(path.relative_to(root).parts)
    }


def compare(before: Path, after: Path) -> list[tuple[str, str]]:
    """(status, relative path) for every file: identical, different, only before, only after."""
    old, new = files_below(before), files_below(after)
    results = []
    for name in sorted(old | new):
        if name not in new:
            results.append(("only before", name))
        elif name not in old:
            results.append(("only after", name))
        elif (before / name).read_bytes() == (after / name).read_bytes():
            results.append(("identical", name))
        else:
            results.append(("different", name))
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(Path(a).is_dir() for a in argv):
        print("usage: " + __doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    results = compare(Path(argv[0]), Path(argv[1]))
    for status, name in results:
        print(f"{status:12} {name}")
    changed = sum(1 for status, _ in results if status != "identical")
    print(f"{len(results) - changed} identical, {changed} different or missing, of {len(results)} files")
    return 1 if changed or not results else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
