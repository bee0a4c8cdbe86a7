"""DOCX reader (in progress)."""

from vnplan.extract.builder import Reading

from vnplan.errors import InputError


def read_docx(data: bytes) -> Reading:
    raise InputError("DOCX input is not supported yet")
