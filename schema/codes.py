"""The codes of the contract: every warning code a document may carry and every kind of error a run
may end with, each with its meaning.

These are the one list: the code that emits a warning or an error names it from here
(``WarningCode.DAMAGED_TEXT``), and ``plan.schema.json`` carries the same values as enums
(``$defs/WarningCode``, ``$defs/ErrorKind``), written by ``python -m vnplan.schemagen``. A test
checks that the two agree and that every code emitted in extract/, normalize/ and structure/ is here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args


class WarningCode(StrEnum):
    """``warnings[].code``: something a reader of the document should know; the records are still written."""

    TXT_READ = "txt_read"
    MD_READ = "md_read"
    PDF_READ = "pdf_read"
    DOCX_READ = "docx_read"
    DOC_READ = "doc_read"
    RTF_READ = "rtf_read"
    ODT_READ = "odt_read"
    IMAGE_READ = "image_read"
    XLSX_READ = "xlsx_read"
    XLS_READ = "xls_read"
    ODS_READ = "ods_read"
    NOT_VIETNAMESE = "not_vietnamese"
    DAMAGED_TEXT = "damaged_text"
    NOT_A_PLAN = "not_a_plan"
    BUDGET_SUM_MISMATCH = "budget_sum_mismatch"
    PLACE_AMBIGUOUS = "place_ambiguous"
    PLACE_NOT_FOUND = "place_not_found"
    NO_LINE_STRUCTURE = "no_line_structure"
    DATE_UNREAD = "date_unread"
    NUMBER_UNREAD = "number_unread"

    @classmethod
    def read(cls, fmt: str) -> WarningCode:
        """The warning of the reader of one input format, e.g. pdf → pdf_read."""
        return cls(f"{fmt}_read")


# The input formats (``document.source.format``), each with a reader whose notes are the warning <format>_read.
Format = Literal["txt", "md", "pdf", "docx", "doc", "rtf", "odt", "image", "xlsx", "xls", "ods"]

WARNING_MEANINGS: dict[WarningCode, str] = {
    **{
        WarningCode.read(fmt): f"a note of the {fmt} reader: a part it read another way or left out (a PDF page "
        "OCR'd because its text layer is unreadable, page numbers removed …); the message says which"
        for fmt in get_args(Format)
    },
    WarningCode.NOT_VIETNAMESE: "the text does not look Vietnamese; records may be missing or wrong",
    WarningCode.DAMAGED_TEXT: "the text stays damaged after restoration (OCR confusion, stripped diacritics)",
    WarningCode.NOT_A_PLAN: "the document is not a plan and issues none; no targets are read from it",
    WarningCode.BUDGET_SUM_MISMATCH: "an amount's parts do not add up to it; the message gives both sums",
    WarningCode.PLACE_AMBIGUOUS: "a place name matches several units of the official list; its code is null",
    WarningCode.PLACE_NOT_FOUND: "a place name matches no unit of the official list; its code is null",
    WarningCode.NO_LINE_STRUCTURE: "one line holds most of the text: headings, lists and tables cannot be told "
    "apart, so sections and records may be missing",
    WarningCode.DATE_UNREAD: "the day or month of the date line (written in by hand) could not be read: "
    "issued_date keeps only what was read",
    WarningCode.NUMBER_UNREAD: "the digits of the document's number (written in by hand) could not be read: "
    "number is null although the number line holds an entry",
}


class ErrorKind(StrEnum):
    """Why a run failed (``vnplan.pipeline.ErrorItem.kind``, a batch's failures list): no document is written."""

    INPUT = "input"
    TIME_LIMIT = "time_limit"
    INVALID_OUTPUT = "invalid_output"
    OUT_OF_MEMORY = "out_of_memory"
    INTERNAL = "internal"


ERROR_MEANINGS: dict[ErrorKind, str] = {
    ErrorKind.INPUT: "the file cannot be read as a document (not a supported format, empty, over a limit, damaged)",
    ErrorKind.TIME_LIMIT: "stopped by the per-document time limit",
    ErrorKind.INVALID_OUTPUT: "the document would break plan.schema.json; it is never written",
    ErrorKind.OUT_OF_MEMORY: "the run ran out of memory on this file",
    ErrorKind.INTERNAL: "a bug in vnplan; one bad file never stops the others",
}
