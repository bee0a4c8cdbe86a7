"""Plain text and Markdown: bytes decoded, nothing else changed (normalize does the rest)."""

from __future__ import annotations

import codecs

from vnplan.schema.errors import InputError

# Share of control bytes above which a "text" file is binary data.
MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = {9, 10, 12, 13}


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 with or without BOM; other 8-bit text is kept byte for byte as
    Latin-1 so that normalize can recognise and convert legacy Vietnamese encodings (TCVN3, VNI)."""
    if not data.strip():
        raise InputError("the file is empty")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16"), "utf-16"
    controls = sum(1 for b in data[:65536] if b < 32 and b not in _TEXT_CONTROLS)
    # NUL anywhere (not only in the sampled start): text has none, and it must not reach the JSON
    if b"\x00" in data or controls > MAX_CONTROL_SHARE * min(len(data), 65536):
        raise InputError("binary data, not text (wrong file type?)")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _is_japanese(data):
        raise InputError("Japanese text (Shift-JIS), not Vietnamese; vnplan reads Vietnamese documents only")
    return data.decode("latin-1"), "latin-1"


def _is_japanese(data: bytes) -> bool:
    """Shift-JIS that decodes cleanly and is mostly kana and kanji (legacy Vietnamese 8-bit text never is)."""
    try:
        text = data[:65536].decode("cp932")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if ord(ch) > 0x7F]
    japanese = sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return len(wide) >= 8 and japanese >= 0.8 * len(wide)
