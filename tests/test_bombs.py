"""Bounded resources (issue 17, item 5): a DOCX bomb is refused while it is streamed, before python-docx
builds anything; text is limited in characters, whatever the format."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import seed_path

from vnplan.extract import Limits, extract
from vnplan.schema.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def paragraph_bomb(path: Path, paragraphs: int, extra: tuple[str, int] | None = None) -> Path:
    """A .docx of ``paragraphs`` empty paragraphs (6 bytes each unpacked, almost nothing packed),
    written in slices so the test itself stays small; ``extra``: a part of that many zero bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w") as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode())
            part.write(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>")
            for done in range(0, paragraphs, 100_000):
                part.write(b"<w:p/>" * min(100_000, paragraphs - done))
            part.write(b"</w:body></w:document>")
        if extra:
            name, size = extra
            with archive.open(name, "w") as part:
                for done in range(0, size, 2**20):
                    part.write(bytes(min(2**20, size - done)))
    return path


def test_a_paragraph_bomb_is_refused_while_streamed_in_bounded_memory(tmp_path):
    bomb = paragraph_bomb(tmp_path / "bomb.docx", 10_000_000)  # 60 MB of XML in a file of ~100 KB
    assert bomb.stat().st_size < 500_000
    # the child writes its own peak (RUSAGE_CHILDREN would give the largest child of the whole test run)
    peak_file = tmp_path / "peak"
    child = (
        "import resource, runpy, sys\n"
        f"sys.argv = ['vnplan', 'extract', {str(bomb)!r}]\n"
        "try:\n    runpy.run_module('vnplan', run_name='__main__')\n"
        f"finally:\n    open({str(peak_file)!r}, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    )
    run = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    peak_mib = int(peak_file.read_text()) / 1024
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    [line, _] = run.stderr.splitlines()
    assert "XML elements" in line and "bomb.docx" in line, line
    assert peak_mib < 1024, peak_mib  # the whole stack imported is ~0.7 GB; python-docx alone would add 1.3 GB


def test_a_part_that_unpacks_past_the_limit_is_refused(tmp_path):
    bomb = paragraph_bomb(tmp_path / "media.docx", 10, ("word/media/image1.png", 20 * 2**20))
    with pytest.raises(InputError, match="unpacks to 20 MiB, over the 8 MiB limit"):
        extract(bomb, Limits(max_unpacked_bytes=8 * 2**20))
    small = paragraph_bomb(tmp_path / "small.docx", 10)
    assert extract(small).raw_text.strip() == "x"  # a package within the limits reads as before


def test_text_is_limited_in_characters(tmp_path):
    seed = seed_path("002")
    chars = len(seed.read_text(encoding="utf-8"))
    with pytest.raises(InputError, match=f"the text has {chars:,} characters, over the 20,000-character limit"):
        extract(seed, Limits(max_text_chars=20_000))
    long = tmp_path / "long.txt"
    long.write_text("a" * 10_000, encoding="utf-8")
    with pytest.raises(InputError, match="at least 2,500 characters"):  # refused before it is decoded
        extract(long, Limits(max_text_chars=1000))
    docx = Path(__file__).parent / "fixtures" / "seed002.docx"
    with pytest.raises(InputError, match="character limit"):
        extract(docx, Limits(max_text_chars=1000))
