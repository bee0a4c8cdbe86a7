"""Word 97, RTF and OpenDocument files through LibreOffice: text documents converted to DOCX and read
as DOCX, spreadsheets (.xls, .ods) converted to XLSX and read as XLSX.

LibreOffice is the converter made for these formats (hand-written .doc parsing would lose tables and
font names). Each conversion runs headless in its own temporary profile, so parallel workers never
share (or lock) one, and under a time limit. Font names survive the conversion, so text set in
TCVN3 (.VnTime) or VNI fonts is repaired downstream exactly as in a DOCX.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from vnplan.extract.builder import Reading
from vnplan.extract.options import Limits
from vnplan.schema.errors import InputError

CONVERT_SECONDS = 180
# the Debian package whose LibreOffice component converts to each target
PACKAGES = {"docx": "libreoffice-writer-nogui", "xlsx": "libreoffice-calc-nogui"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, suffix: str, target: str = "docx") -> bytes:
    """``data`` (a file named ``*<suffix>``) converted by LibreOffice to ``target``'s bytes; ``target`` is
    an extension, optionally with LibreOffice's filter ("txt:Text (encoded):UTF8")."""
    extension = target.split(":")[0]
    program = soffice()
    if program is None:
        package = PACKAGES.get(extension, PACKAGES["docx"])
        raise InputError(
            f"{suffix} files need LibreOffice to be read; install LibreOffice (Debian: apt-get install {package})"
        )
    with tempfile.TemporaryDirectory(prefix="vnplan-office-") as folder:
        work = Path(folder)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        command = [
            program,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise InputError(f"LibreOffice did not convert the {suffix} file within {CONVERT_SECONDS} s") from exc
        converted = work / "out" / f"input.{extension}"
        if not converted.is_file():
            raise InputError(f"LibreOffice could not convert the {suffix} file (damaged, or not really {suffix})")
        return converted.read_bytes()


def read_office_text(data: bytes, suffix: str, limits: Limits) -> Reading:
    from vnplan.extract.docx import read_docx

    reading = read_docx(convert(data, suffix), limits)
    return Reading(reading.builder, reading.text_method, reading.warnings, f"{suffix.lstrip('.')}→docx")


def read_office_sheet(data: bytes, suffix: str) -> Reading:
    from vnplan.extract.xlsx import read_xlsx

    reading = read_xlsx(convert(data, suffix, "xlsx"))
    return Reading(reading.builder, reading.text_method, reading.warnings, f"{suffix.lstrip('.')}→xlsx")
