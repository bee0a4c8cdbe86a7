"""The offset map: every normalized span leads back to its exact raw span."""

from __future__ import annotations

import regex

from vnplan.normalize.mapped import Edit, MappedText


def test_identity_map():
    m = MappedText.identity("Kế hoạch")
    assert m.raw_span(0, 2) == (0, 2)


def test_replacements_deletions_and_insertions_keep_raw_spans():
    raw = "Số :  243/KH-SYT\r\nngày 17"
    m = MappedText.identity(raw)
    m = m.apply([Edit(4, 6, " "), Edit(16, 18, "\n")])  # squeeze spaces, CRLF → LF
    assert m.text == "Số : 243/KH-SYT\nngày 17"
    start = m.text.index("243")
    rs, re_ = m.raw_span(start, start + len("243/KH-SYT"))
    assert raw[rs:re_] == "243/KH-SYT"
    nl = m.text.index("\n")
    assert raw[slice(*m.raw_span(nl, nl + 1))] == "\r\n"


def test_same_length_replacement_maps_each_character():
    m = MappedText.identity("hoà bình").apply([Edit(1, 3, "òa")])
    assert m.raw_span(1, 2) == (1, 2)


def test_chained_edits_compose():
    raw = "**KẾ HOẠCH**  \n\n  nội dung"
    m = MappedText.identity(raw)
    m, _ = m.sub(regex.compile(r"\*\*"), lambda _: "")
    m, _ = m.sub(regex.compile(r"\s+"), lambda _: " ")
    assert m.text == "KẾ HOẠCH nội dung"
    s = m.text.index("nội")
    assert raw[slice(*m.raw_span(s, s + 7))] == "nội dun"
    assert m.final_span(*m.raw_span(s, s + 3)) == (s, s + 3)


def test_overlapping_edits_are_rejected():
    m = MappedText.identity("abcdef")
    try:
        m.apply([Edit(0, 3, "x"), Edit(2, 4, "y")])
    except ValueError:
        return
    raise AssertionError("overlap accepted")
