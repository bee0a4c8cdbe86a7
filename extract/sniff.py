"""Which reader a file needs, decided from its bytes first and its name second."""

from __future__ import annotations

from pathlib import Path

from vnplan.extract.document import Format
from vnplan.schema.errors import InputError

MAGIC: tuple[tuple[bytes, Format], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"PK\x03\x04", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2 compound file: Word 97-2003
    (b"{\\rtf", "rtf"),
)
# Formats inside the same container, told apart by the name: a zip is a DOCX, an XLSX or an
# OpenDocument file; an OLE2 compound file is a Word 97 or an Excel 97 file.
SAME_CONTAINER: dict[Format, Format] = {"odt": "docx", "xlsx": "docx", "ods": "docx", "xls": "doc"}

EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
}

SUPPORTED = ", ".join(sorted(EXTENSIONS))


def detect_format(path: Path, head: bytes) -> Format:
    by_name = EXTENSIONS.get(path.suffix.lower())
    by_content = next((fmt for magic, fmt in MAGIC if head.startswith(magic)), None)
    if by_name and by_content and SAME_CONTAINER.get(by_name) == by_content:
        return by_name
    if by_content and by_name and by_content != by_name and by_name not in ("txt", "md"):
        raise InputError(f"named {path.suffix} but its content is {by_content.upper()} data")
    if by_name in ("txt", "md") and by_content:
        raise InputError(f"named {path.suffix} but its content is {by_content.upper()} data, not text")
    if by_name:
        if by_name not in ("txt", "md") and by_content is None:
            raise InputError(f"not a valid {by_name.upper()} file (its content does not start like one)")
        return by_name
    if by_content:
        return by_content
    raise InputError(f"unsupported file type {path.suffix or '(no extension)'}; supported: {SUPPORTED}")
