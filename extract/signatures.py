"""Signatures of a file → ``Signature`` records (``document.signatures[]``).

Two sources:
* signature fields of signed PDFs: the signing time is the signature dictionary's ``M`` (a PDF date,
  PDF 32000 §7.9.4), the signer the subject of the signing certificate in ``Contents`` (a CMS
  signature, read with ``cryptography``), the text what the widget's appearance draws;
* stamp text a certified copy or an e-signature leaves as the only text layer of a scanned page
  ("SAO Y; <cơ quan>; 03/02/2026; 15:40:13; +07:00", or "Ký bởi: … Cơ quan: … Thời gian ký: …").

The words that mark a certified copy and name the signer, and the date, time and offset forms
are data (the patterns below), each family tested in tests/extract/test_signatures.py.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.pdftypes import resolve1

from vnplan.schema.model import Signature

# "SAO Y (BẢN CHÍNH)", "SAO LỤC", "TRÍCH SAO": the forms of a certified copy (Nghị định 30/2020, Art. 25).
CERTIFIED_COPY = re.compile(r"\b(?:SAO\s+Y|SAO\s+LỤC|TRÍCH\s+SAO)\b", re.IGNORECASE)
# The labelled fields of a stamp, the body before the person (the body is what a plan's reader needs).
ORGANISATION = re.compile(r"(?:cơ\s+quan|tổ\s+chức|đơn\s+vị)(?:\s+\w+){0,2}\s*:\s*(?P<name>[^;\n]+)", re.IGNORECASE)
SIGNER = re.compile(r"(?:người\s+ký|ký\s+bởi|signed\s+by)\s*:\s*(?P<name>[^;\n]+)", re.IGNORECASE)
# A label-free field: letters, no digits, not a label ("SAO Y; Văn phòng UBND tỉnh; 03/02/2026; …").
BARE_NAME = re.compile(r"^[^\W\d_][^\d:]*$")
DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?!\d)")
TIME = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2}))?(?![\d:])")
# "+07:00", "+0700", "GMT+7", "UTC+07:00": after the time, maybe behind a separator ("15:40:13; +07:00").
OFFSET = re.compile(r"[;,\s]*(?:GMT|UTC)?\s*(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?(?!\d)")
# PDF date: D:YYYYMMDDHHmmSS with an optional offset Z or +HH'mm'.
PDF_DATE = re.compile(
    r"D?:?(?P<y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?(?P<h>\d{2})?(?P<min>\d{2})?(?P<s>\d{2})?"
    r"(?:(?P<z>Z)|(?P<sign>[+-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?"
)


def _offset(sign: str | None, hours: str | None, minutes: str | None) -> str:
    return f"{sign}{int(hours):02d}:{int(minutes or 0):02d}" if sign and hours else ""


def pdf_date(value: str) -> str | None:
    """A PDF date as ISO 8601 ("D:20251222171631+07'00'" → "2025-12-22T17:16:31+07:00")."""
    found = PDF_DATE.fullmatch(value.strip())
    if found is None or not (found["m"] and found["d"]):
        return None
    day = f"{found['y']}-{found['m']}-{found['d']}"
    if not found["h"]:
        return day
    offset = "Z" if found["z"] else _offset(found["sign"], found["oh"], found["om"])
    return f"{day}T{found['h']}:{found['min'] or '00'}:{found['s'] or '00'}{offset}"


def stamp_time(text: str) -> str | None:
    """The date and time a stamp prints, as ISO 8601 (with the offset when it gives one)."""
    date = DATE.search(text)
    if date is None:
        return None
    day = f"{date['y']}-{int(date['m']):02d}-{int(date['d']):02d}"
    time = TIME.search(text, date.end()) or TIME.search(text)
    if time is None:
        return day
    offset = OFFSET.match(text, time.end())
    zone = _offset(offset["sign"], offset["oh"], offset["om"]) if offset else ""
    return f"{day}T{int(time['h']):02d}:{time['min']}:{time['s'] or '00'}{zone}"


def stamp_organisation(text: str) -> str | None:
    """The body (else the person) a stamp names."""
    for pattern in (ORGANISATION, SIGNER):
        found = pattern.search(text)
        if found:
            return " ".join(found["name"].split()).strip(" .,")
    for part in re.split(r"[;\n]", text):
        part = " ".join(part.split())
        if BARE_NAME.match(part) and not CERTIFIED_COPY.fullmatch(part):
            return part
    return None


def stamp_signature(text: str, page: int | None) -> Signature | None:
    """A stamp read from a page's text layer; None when the text is no stamp (no date, no 'SAO Y')."""
    text = text.strip()
    certified = CERTIFIED_COPY.search(text) is not None
    signed_at = stamp_time(text)
    if not certified and signed_at is None:
        return None
    return Signature(
        kind="certified_copy" if certified else "digital_signature",
        organisation=stamp_organisation(text),
        signed_at=signed_at,
        text=text,
        page=page,
    )


def field_signature(value: dict[str, Any], text: str, page: int) -> Signature:
    """A signed signature field: ``value`` its signature dictionary, ``text`` what its widget draws."""
    when = resolve1(value.get("M"))
    signed_at = pdf_date(_decode(when)) if when is not None else None
    contents = resolve1(value.get("Contents"))
    subject = certificate_subject(contents) if isinstance(contents, bytes) else []
    name = stamp_organisation(text) if text else None
    return Signature(
        kind="certified_copy" if CERTIFIED_COPY.search(text) else "digital_signature",
        organisation=name or (subject[0] if subject else None),
        signed_at=signed_at or stamp_time(text),
        # a signature drawn as an image has no text: the certificate names who signed
        text=text or ", ".join(subject),
        page=page,
    )


def _decode(value: Any) -> str:
    """A PDF text string: UTF-16 with a byte-order mark, else PDFDocEncoding (Latin-1 for dates)."""
    if isinstance(value, bytes):
        return value[2:].decode("utf-16-be", "replace") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
    return str(value)


def certificate_subject(contents: bytes) -> list[str]:
    """The signer certificate's common name, organisational unit and organisation, in that order.

    ``Contents`` is a CMS SignedData padded with zeros to its reserved size; the signer's certificate
    is the one that is no certification authority (the others are its chain)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    try:
        certificates = pkcs7.load_der_pkcs7_certificates(contents[: _der_length(contents)])
    except ValueError:
        return []
    for certificate in certificates:
        try:
            if certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
                continue
        except x509.ExtensionNotFound:
            pass
        names = []
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.ORGANIZATION_NAME):
            for attribute in certificate.subject.get_attributes_for_oid(oid):
                value = (
                    attribute.value if isinstance(attribute.value, str) else attribute.value.decode("utf-8", "replace")
                )
                if value not in names:
                    names.append(value)
        return names
    return []


def _der_length(data: bytes) -> int:
    """The length of the DER value at the start of ``data`` (tag, length, content)."""
    if len(data) < 2:
        return len(data)
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")
