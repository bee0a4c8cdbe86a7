"""Signers' names under seals (extract/signer_names.py): the seal, the pen signature and the bold
name below make one patch Tesseract's page segmentation does not read; it is read again as sparse
text. Crop: realdocs 29 p4 (tests/fixtures/ocr_gold, transcribed from the image)."""

from __future__ import annotations

import numpy as np
from PIL import Image
from reader_support import fixture

from vnplan.extract.ocr import ocr_image
from vnplan.extract.signer_names import _name_lines, reread_signer_names


def _table(words: list[tuple[str, float, int, int]]) -> dict[str, list]:
    """Tesseract's word table for words (text, confidence, line number, left)."""
    columns = ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height")
    table: dict[str, list] = {n: [] for n in columns}
    for text, conf, line, left in words:
        for name, value in zip(columns, (text, conf, 1, 1, line, left, 40 * line, 12 * len(text), 30), strict=True):
            table[name].append(value)
    return table


def test_the_name_under_the_seal_is_read() -> None:
    with Image.open(fixture("ocr_gold/29_p4_signature.jpg")) as image:
        lines = [line.text for line in ocr_image(image, 300.0).lines]
    # the name is the page's last printed line, below the "Nơi nhận" list it stands beside
    assert lines[-1].endswith("Văn Phúc")
    assert lines[-2].startswith("- Lưu")


def test_a_name_is_a_run_of_capitalised_syllables_read_with_confidence() -> None:
    sparse = _table(
        [
            ("Áà", 5, 1, 0),  # a stroke of the signature beside the name
            ("Văn", 96, 1, 40),
            ("Phúc", 96, 1, 90),
            ("GIÁM", 91, 2, 0),  # a title in capitals is no name
            ("ĐỐC", 91, 2, 60),
            ("Kở", 40, 3, 0),  # the seal's ring: fragments read without confidence
            ("KIÊN", 63, 3, 40),
            ("Hà", 96, 4, 0),  # one word alone is no name
        ]
    )
    assert [[sparse["text"][i] for i in words] for words in _name_lines(sparse)] == [["Văn", "Phúc"]]


def test_a_page_without_unread_patches_is_left_as_read() -> None:
    page = np.full((600, 600), 255, dtype=np.uint8)
    page[100:130, 100:400] = 0  # ink the first reading accounts for
    data = _table([("Nơi", 90, 1, 100), ("nhận:", 90, 1, 200)])
    data["top"], data["height"], data["width"] = [95, 95], [40, 40], [100, 200]
    before = {name: list(column) for name, column in data.items()}
    assert reread_signer_names(data, page, 300.0, "vie") == 0
    assert data == before
