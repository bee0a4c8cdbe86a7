"""The signer's post on scans: a seal and a handwritten signature blur the printed capitals, so posts are
read against the table of posts tolerantly. Fixtures in tests/fixtures/ocr_signature_text (README there);
expected values read from the scans by hand."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import Signer
from vnplan.structure.signer_posts import compose, posts_in_line, tail_with_post

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ocr_signature_text"


@cache
def signer(name: str) -> Signer | None:
    return vnplan.process(FIXTURES / name).document.signer


def read(s: Signer | None) -> tuple[str | None, str | None, str | None] | None:
    return None if s is None else (s.authority, s.title, s.name)


# --- one post in a line, tolerantly --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "posts"),
    [
        ("GIÁM ĐÓC", ["GIÁM ĐỐC"]),  # a diacritic misread
        ("HÓ GIÁM ĐỚC", ["PHÓ GIÁM ĐỐC"]),  # a letter lost, a diacritic misread
        ("THÔNG số GIÁM ĐỐC", ["GIÁM ĐỐC"]),  # debris before the post (the handwritten "KT.")
        ("PHỔ GIÁ z", ["PHÓ GIÁM ĐỐC"]),  # cut at the line's end, a letter of debris after it
        ("PHÓ GIÁM", ["PHÓ GIÁM ĐỐC"]),  # cut: "PHÓ GIÁM" names one post only
        ("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC", ["PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"]),  # the qualifier belongs to the post
    ],
)
def test_post_read_tolerantly(line: str, posts: list[str]) -> None:
    assert [p.post for p in posts_in_line(line)] == posts


@pytest.mark.parametrize(
    "line",
    [
        "giám đốc Sở Y tế",  # body text: a post is printed in capitals
        "PHÓ CHỦ",  # cut where two posts begin alike (PHÓ CHỦ TỊCH, PHÓ CHỦ NHIỆM)
        "Mỹ ĐỘC",  # one word of a post
        "BÁO CÁO TÌNH HÌNH SỬ DỤNG GIƯỜNG BỆNH",  # capitals naming no post
        "CỤC CẢNH SÁT ĐTTP VỀ MA TÚY",  # a seal
    ],
)
def test_no_post_in_debris(line: str) -> None:
    assert posts_in_line(line) == []


# --- authority and post composed from the block's lines -------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["THÔNG số GIÁM ĐỐC", "Mỹ ĐỘC", "PHỔ GIÁ z"], ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),  # KT. not read
        (["KT. TỔ TRƯỞNG mới/CHˆ&", "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"], ("KT. TỔ TRƯỞNG", "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC")),
        (["TM. CHÍNH PHỦ", "THỦ TƯỚNG"], ("TM. CHÍNH PHỦ", "THỦ TƯỚNG")),  # a body on whose behalf, then the post
        (["KT. BỘ TRƯỞNG"], ("KT. BỘ TRƯỞNG", None)),  # the signer's own post not printed
        (["Q. GIÁM ĐỐC"], (None, "Q. GIÁM ĐỐC")),  # an acting head's title
        (["GIÁM ĐÓC"], (None, "GIÁM ĐỐC")),
        (["S142", "NV v2 00T”"], (None, None)),  # debris names no post
    ],
)
def test_compose_authority_and_post(lines: list[str], expected: tuple[str | None, str | None]) -> None:
    assert compose(lines) == expected


def test_post_after_a_recipient_item() -> None:
    item = "Các đơn vị KCB trực thuộc; GIÁM ĐỐC v"
    at = tail_with_post(item)
    assert at is not None and item[at:].startswith("GIÁM ĐỐC")
    assert tail_with_post("Giám đốc Sở (để b/c);") is None  # a recipient naming a post in its own words


# --- whole closing blocks ------------------------------------------------------------------------------


def test_scan_kt_lost_under_the_seal() -> None:
    assert read(signer("scan25_kt_lost.txt")) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Văn Phúc")


def test_scan_title_read_into_the_recipients() -> None:
    # the name was not read on this scan; the table's heading after it is no title
    assert read(signer("scan27_title_in_recipients.txt")) == (None, "GIÁM ĐỐC", None)
    doc = vnplan.process(FIXTURES / "scan27_title_in_recipients.txt").document
    assert doc.recipients[-1] == "Các đơn vị KCB trực thuộc"


def test_scan_signature_column_interleaved_with_recipients() -> None:
    assert read(signer("scan33_interleaved.txt")) == ("KT. TỔ TRƯỞNG", "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC", "Bùi Duy Hưng")


def test_synthetic_post_cut_with_debris_before_it() -> None:
    assert read(signer("synthetic_cut_post.txt")) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Văn Phúc")


def test_synthetic_joint_plan_signed_above_the_recipients() -> None:
    # two signers side by side: the first, in the left column, is the document's signer
    assert read(signer("synthetic_joint_above_recipients.txt")) == (None, "CHỦ TỊCH", "Trần Thị Lan")
