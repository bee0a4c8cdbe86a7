"""Zip packages (DOCX; XLSX and OpenDocument files are zips of XML too) checked before a reader opens them.

python-docx reads every part into memory and builds a tree of every XML element: a 386 KB .docx
holding 40 million empty paragraphs reached 5.2 GB before it was refused (issue 17). Here the
package is measured first, without building anything: the parts' unpacked sizes from the zip's
directory (a reader never inflates more than a part's declared size, so a lying directory gains
nothing), then every XML part streamed through a parser that only counts start tags.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from vnplan.extract.options import Limits
from vnplan.schema.errors import InputError

XML_PARTS = (".xml", ".rels")
CHUNK = 1 << 20


class _TooManyElements(Exception):
    pass


class _ElementCounter:
    """An lxml parser target: counts start tags, keeps nothing, stops past the limit."""

    def __init__(self, limit: int) -> None:
        self.count = 0
        self.limit = limit

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _TooManyElements

    def close(self) -> int:
        return self.count


def check_package(data: bytes, limits: Limits, kind: str) -> None:
    """InputError when the zip package ``data`` (a ``kind`` file: "Word document", …) unpacks past
    limits.max_unpacked_bytes or its XML parts hold more than limits.max_xml_elements elements.
    A file that is no readable zip, or XML that does not parse, is left to the reader to report."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        parts = archive.infolist()
        unpacked = sum(part.file_size for part in parts)
        if unpacked > limits.max_unpacked_bytes:
            raise InputError(
                f"the {kind} unpacks to {unpacked // 2**20:,} MiB, over the {limits.max_unpacked_bytes // 2**20:,} MiB "
                "limit (a decompression bomb?)"
            )
        counter = _ElementCounter(limits.max_xml_elements)
        for part in parts:
            if not part.filename.lower().endswith(XML_PARTS):
                continue
            parser = etree.XMLParser(target=counter, resolve_entities=False, no_network=True)
            try:
                with archive.open(part) as stream:
                    for chunk in iter(lambda: stream.read(CHUNK), b""):
                        parser.feed(chunk)
                parser.close()
            except _TooManyElements:
                raise InputError(
                    f"the {kind} holds over {limits.max_xml_elements:,} XML elements (paragraphs, runs, cells); "
                    "split it (or a decompression bomb?)"
                ) from None
            except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError):
                continue
