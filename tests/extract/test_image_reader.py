"""Image inputs and the OCR helpers: multi-page TIFF, confidence, skew, specks, decompression bombs."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
import regex
from PIL import Image, ImageDraw, ImageFont

from vnplan.extract import extract, page_images
from vnplan.extract.ocr import despeckle, measure_skew, ocr_image
from vnplan.extract.page_images import PageImages
from vnplan.schema.errors import InputError

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINES = ("ĐIỀU KHOẢN THI HÀNH", "Sở Y tế tỉnh Vĩnh Phúc xây dựng kế hoạch")


def _page(angle: float = 0.0) -> Image.Image:
    font = ImageFont.truetype(FONT, 40)
    page = Image.new("L", (1700, 500), 255)
    draw = ImageDraw.Draw(page)
    for k, line in enumerate(LINES):
        draw.text((100, 100 + 100 * k), line, font=font, fill=0)
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255) if angle else page


def test_multi_page_tiff_is_ocrd_page_by_page(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    _page().save(path, "TIFF", dpi=(300, 300), save_all=True, append_images=[_page(1.5)])
    doc = extract(path)
    assert doc.format == "image" and doc.text_method == "ocr"
    assert [(p.number, p.method) for p in doc.pages] == [(1, "ocr"), (2, "ocr")]
    assert all(p.ocr_confidence and p.ocr_confidence > 0.8 for p in doc.pages)
    first = doc.raw_text[doc.pages[0].start : doc.pages[0].end]
    assert first.splitlines() == list(LINES)  # Tesseract's lines, diacritics intact
    assert doc.raw_text.count("\n\f\n") == 1
    box = doc.bbox_of(0, 4)  # "ĐIỀU", in points at 300 dpi: x ≈ 100 px = 24 pt
    assert box is not None and 20 < box[0] < 30


def test_png_and_jpeg(tmp_path: Path) -> None:
    for name in ("page.png", "page.jpg"):
        path = tmp_path / name
        _page().save(path)
        assert "Vĩnh Phúc" in extract(path).raw_text


def test_skew_is_measured_as_the_rotation_that_straightens() -> None:
    assert abs(measure_skew(_page(2.0)) + 2.0) <= 0.3
    assert abs(measure_skew(_page(-1.0)) - 1.0) <= 0.3
    assert abs(measure_skew(_page())) <= 0.2


def test_decompression_bomb_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_images, "MAX_IMAGE_PIXELS", 10_000)
    path = tmp_path / "bomb.png"
    Image.new("1", (400, 400)).save(path)
    with pytest.raises(InputError, match="too large"):
        extract(path)


def test_unreadable_image_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    buffer = io.BytesIO()
    _page().save(buffer, "PNG")
    path.write_bytes(buffer.getvalue()[:300])
    with pytest.raises(InputError, match="damaged"):
        extract(path)


def _text_page(size: int) -> Image.Image:
    """Vietnamese text with every kind of small mark (dots below, i-dots, periods, commas), 1-bit."""
    font = ImageFont.truetype(FONT, size)
    page = Image.new("L", (2000, 1400), 255)
    draw = ImageDraw.Draw(page)
    lines = (
        "Đạt mức 4; tỉ lệ bệnh viện: 90%.",
        "Kế hoạch số 39/KH-SYT, ngày 12.5.2017.",
        "Sở Y tế tỉnh Vĩnh Phúc.",
    ) * 4
    for k, line in enumerate(lines):
        draw.text((60, 60 + int(size * 1.6) * k), line, font=font, fill=0)
    return page.point(lambda v: 0 if v < 128 else 255)


@pytest.mark.parametrize("size", [38, 54])  # about 9 and 13 points at 300 dpi
def test_despeckle_clears_isolated_specks_and_keeps_every_mark(size: int) -> None:
    clean = _text_page(size)
    ink = clean.point(lambda v: 255 if v < 128 else 0)
    noisy = clean.copy()
    draw = ImageDraw.Draw(noisy)
    rng = random.Random(1)
    added = 0
    while added < 400:  # specks of 1-3 pixels, like the seed002 scan's, where nothing is drawn near
        x, y, r = rng.randrange(5, 1990), rng.randrange(5, 1390), rng.choice((0, 1, 2))
        if ink.crop((x - 9, y - 9, x + r + 10, y + r + 10)).getbbox() is None:
            draw.ellipse((x, y, x + r, y + r), fill=0)
            ImageDraw.Draw(ink).rectangle((x, y, x + r, y + r), fill=255)
            added += 1
    assert despeckle(noisy).tobytes() == clean.tobytes()
    assert despeckle(clean) is clean  # nothing to clear: the page is left as it is


def test_despeckled_scan_reads_without_stray_marks() -> None:
    page, dpi = PageImages("pdf", (FIXTURES / "seed002_scan.pdf").read_bytes()).render(0)
    lines = [line.text for line in ocr_image(page, dpi).lines]
    stray = regex.findall(r"(?:^|\s)[_|'`¬~\\:;.,]+(?=\s|$)", "\n".join(lines))
    assert len(stray) <= 2, stray  # 17 on this page when its specks are left ("Số : /KH-TTYT" has one)
    assert "Thời gian ký: 15.06.2017 09:12:30 +07:00" in lines  # the small print of the stamp keeps its marks
    assert "Độc lập - Tự do - Hạnh phúc" in lines  # 'hở " _ Độc lập - Tự do - Hạnh phúc số' with the specks
