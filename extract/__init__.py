"""Stage 1: read a file into raw text with its pages, fonts and origin.

One reader per format; ``extract(path)`` picks it from the file's content and name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from vnplan.extract.builder import Reading
from vnplan.extract.document import ExtractedDocument, FontRun, PageText
from vnplan.extract.options import Limits, OcrOptions
from vnplan.extract.sniff import detect_format
from vnplan.extract.text import decode_text
from vnplan.schema.codes import WarningCode
from vnplan.schema.errors import InputError
from vnplan.schema.model import Notice

__all__ = ["ExtractedDocument", "FontRun", "Limits", "OcrOptions", "PageText", "extract"]


def extract(path: Path, limits: Limits | None = None, ocr: OcrOptions | None = None) -> ExtractedDocument:
    """Read one file; InputError when it cannot be read as a document or is over a limit."""
    limits, ocr = limits or Limits(), ocr or OcrOptions()
    try:  # stat itself fails with PermissionError inside a folder the user may not enter
        if not path.exists():
            raise InputError("no such file")
        if path.is_dir():
            raise InputError("is a folder, not a file")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(f"file is {size // 2**20} MiB, over the {limits.max_file_bytes // 2**20} MiB limit")
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied: cannot read the file") from exc
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}") from exc
    if not data:
        raise InputError("the file is empty")
    fmt = detect_format(path, data[:16])
    digest = hashlib.sha256(data).hexdigest()
    if fmt in ("txt", "md"):
        # before decoding: no encoding takes over 4 bytes a character
        _check_length(len(data) // 4, limits, at_least=True)
        text, encoding = decode_text(data)
        _check_length(len(text), limits)
        return ExtractedDocument(
            path=path,
            format=fmt,
            sha256=digest,
            size_bytes=len(data),
            raw_text=text,
            encoding=encoding,
            text_method="plain",
            markup="markdown" if fmt == "md" else "plain",
        )
    reading: Reading = _reader(fmt)(data, limits, ocr)
    builder = reading.builder
    raw_text = builder.text
    _check_length(len(raw_text), limits)
    return ExtractedDocument(
        path=path,
        format=fmt,
        sha256=digest,
        size_bytes=len(data),
        raw_text=raw_text,
        encoding=reading.encoding,
        text_method=reading.text_method,  # type: ignore[arg-type]
        pages=builder.pages,
        font_runs=builder.font_runs(),
        tables=builder.tables,
        boxes=builder.boxes if any(b is not None for b in builder.boxes) else None,
        signatures=reading.signatures,
        warnings=[Notice(code=WarningCode.read(fmt), message=w, stage="extract") for w in reading.warnings],
    )


def _check_length(chars: int, limits: Limits, at_least: bool = False) -> None:
    if chars > limits.max_text_chars:
        raise InputError(
            f"the text has {'at least ' if at_least else ''}{chars:,} characters, over the "
            f"{limits.max_text_chars:,}-character limit; split it"
        )


def _reader(fmt: str) -> Callable[[bytes, Limits, OcrOptions], Reading]:
    """The reader for ``fmt``, imported on first use: python-docx, and pytesseract with Pillow, add
    a noticeable share of start-up to a run that never needs them."""
    if fmt == "pdf":
        from vnplan.extract.pdf import read_pdf

        return read_pdf
    if fmt == "docx":
        from vnplan.extract.docx import read_docx

        return lambda data, limits, ocr: read_docx(data, limits)
    if fmt in ("doc", "rtf", "odt"):
        from vnplan.extract.office import read_office_text

        return lambda data, limits, ocr: read_office_text(data, f".{fmt}", limits)
    if fmt == "xlsx":
        from vnplan.extract.xlsx import read_xlsx

        return lambda data, limits, ocr: read_xlsx(data)
    if fmt in ("xls", "ods"):
        from vnplan.extract.office import read_office_sheet

        return lambda data, limits, ocr: read_office_sheet(data, f".{fmt}")
    from vnplan.extract.image import read_image

    return read_image
