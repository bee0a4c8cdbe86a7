"""Legacy Vietnamese encodings: detection and exact conversion to Unicode.

Extract decodes bytes that are not UTF-8 as Latin-1, so a TCVN3 (ABC, ".VnTime") or VNI
("VNI-Times") file arrives here as Latin-1 characters; PDF text drawn in those fonts arrives
the same way (or through cp1252 for bytes 0x80–0x9F). VIQR is plain ASCII ("Vie^.t Nam").
UTF-8 read as cp1252 shows as "Viá»‡t". Every converter works on text, character for character
or sequence for sequence, so each change is a recorded edit with an exact raw span.

Tables:
- TCVN3 is glibc iconv's TCVN5712-1 (generated with ``iconv -f TCVN5712-1``, tested by round
  trip). Its "ư" is byte 0xAD, the soft hyphen, so no pass may strip soft hyphens before this one.
  Text in an uppercase font (".VnTimeH", ".VnArialH") uses the lowercase codes for capitals.
- VNI-Windows: a base letter followed by a mark character ("Vieät" = "Việt", "ñ" = "đ").
- VIQR (RFC 1456): "a(" ă, "a^" â, "o+" ơ, "dd" đ; tones ' ` ? ~ .
Detection compares the share of valid Vietnamese syllables before and after each conversion.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from vnplan.normalize.mapped import Edit, MappedText, RawRepair
from vnplan.normalize.syllables import syllables

_TCVN3_BYTES = (
    b"\x01\x02\x04\x05\x06\x11\x12\x13\x14\x15\x16\x17\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d"
    b"\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8"
    b"\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2"
    b"\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc"
    b"\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6"
    b"\xf7\xf8\xf9\xfa\xfb\xfc\xfe\xff"
)
_TCVN3_TEXT = (
    "ÚỤỪỬỮỨỰỲỶỸÝỴÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậ"
    "èỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹỵỐ"
)
# Characters that a byte 0x80–0x9F becomes when a PDF or a Windows program reads it as cp1252.
_CP1252_HIGH: dict[str, int] = {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

_TONES = {"": "", "sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
_TONE_ORDER = ("sac", "huyen", "hoi", "nga", "nang")
_TONE_MARKS = frozenset(_TONES.values()) - {""}


def _byte_of(char: str) -> int | None:
    """The byte a Latin-1 or cp1252 reading turned into ``char``."""
    if ord(char) < 0x100:
        return ord(char)
    return _CP1252_HIGH.get(char)


@cache
def tcvn3_table() -> dict[int, str]:
    """Byte → text for TCVN3 (ABC): glibc's TCVN5712-1 from 0xA0 up. Below it, ABC documents
    hold Windows punctuation (“ ” – at 0x93, 0x94, 0x96), not VN1's capitals, so those bytes
    keep their cp1252 meaning."""
    table = {b: t for b, t in zip(_TCVN3_BYTES, _TCVN3_TEXT, strict=True) if b >= 0xA0}
    table.update({b: c for c, b in _CP1252_HIGH.items()})
    return table


def decode_tcvn3(text: str, uppercase: bool = False) -> str:
    """TCVN3 text read as Latin-1/cp1252 → Unicode (NFC). ``uppercase`` for ".VnTimeH" fonts."""
    table = tcvn3_table()
    out = []
    for char in text:
        byte = _byte_of(char)
        if byte is not None and byte in table:
            out.append(table[byte])
        else:
            out.append(char)
    result = unicodedata.normalize("NFC", "".join(out))
    return result.upper() if uppercase else result


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (for tests and for making damaged samples)."""
    reverse = {v: k for k, v in tcvn3_table().items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            out.append(reverse[char])
        elif ord(char) < 0x80:
            out.append(ord(char))
        else:
            # A capital with a tone (ABC has none): base letter + combining tone byte.
            decomposed = unicodedata.normalize("NFD", char)
            tones = [m for m in decomposed if m in _TONE_MARKS]
            base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONE_MARKS))
            if tones and (base in reverse or base.isascii()):
                out.extend(encode_tcvn3(base))
                out.append(reverse[tones[0]])
            else:
                out.extend(b"?")
    return bytes(out)


@cache
def vni_table() -> dict[str, str]:
    """VNI-Windows sequence (as Latin-1 text) → Unicode letter, both cases."""
    plain = {"sac": "ù", "huyen": "ø", "hoi": "û", "nga": "õ", "nang": "ï"}
    circumflex = {"": "â", "sac": "á", "huyen": "à", "hoi": "å", "nga": "ã", "nang": "ä"}
    breve = {"": "ê", "sac": "é", "huyen": "è", "hoi": "ú", "nga": "ü", "nang": "ë"}
    i_forms = {"sac": "í", "huyen": "ì", "hoi": "æ", "nga": "ó", "nang": "ò"}
    table: dict[str, str] = {}

    def add(unicode_base: str, tone: str, encoded: str) -> None:
        letter = unicodedata.normalize("NFC", unicode_base + _TONES[tone])
        table[encoded] = letter
        table[encoded.upper()] = letter.upper()
        # A capital letter with a lower-case mark character also occurs.
        table[encoded[0].upper() + encoded[1:]] = letter.upper()

    for tone in ("", *_TONE_ORDER):
        for vowel in "aeouy":
            if tone:
                add(vowel, tone, vowel + plain[tone])
        add("ơ", tone, "ô" + (plain[tone] if tone else ""))
        add("ư", tone, "ö" + (plain[tone] if tone else ""))
        for base in "aeo":
            add(unicodedata.normalize("NFC", base + "\u0302"), tone, base + circumflex[tone])
        add("ă", tone, "a" + breve[tone])
        if tone:
            add("i", tone, i_forms[tone])
    table["î"], table["Î"] = "ỵ", "Ỵ"
    table.pop("yï", None)
    table.pop("YÏ", None)
    table["ñ"], table["Ñ"] = "đ", "Đ"
    # Single characters that are their own letters in VNI ("ô" is ơ, "ö" is ư) stay in the table.
    return {k: v for k, v in table.items() if k != v}


@cache
def _vni_pattern() -> regex.Pattern[str]:
    keys = sorted(vni_table(), key=lambda k: (-len(k), k))
    return regex.compile("|".join(regex.escape(k) for k in keys))


def decode_vni(text: str) -> str:
    table = vni_table()
    return _vni_pattern().sub(lambda m: table[m.group(0)], text)


def encode_vni(text: str) -> str:
    """Unicode → VNI-Windows as Latin-1 text (for tests and damaged samples)."""
    # The canonical spelling has the letter's case throughout ("Vieät", "VIEÄT").
    reverse = {
        letter: encoded
        for encoded, letter in vni_table().items()
        if encoded == (encoded.upper() if letter.isupper() else encoded.lower())
    }
    return "".join(reverse.get(c, c) for c in unicodedata.normalize("NFC", text))


_VIQR_VOWEL = regex.compile(r"(?i)([aeiouy])(\(|\^|\+)?([`'?~.])?|(dd)(?=[aeiouy])|(\bd)d", regex.VERSION1)
_VIQR_WORD = regex.compile(r"[A-Za-z][A-Za-z(^+`'?~.]*[A-Za-z(^+`'?~]|[A-Za-z]")
_VIQR_MODIFIERS = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
_VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}


def _viqr_word(word: str) -> str:
    out = []
    i = 0
    lower = word.lower()
    if lower.startswith("dd"):
        out.append("Đ" if word[0].isupper() else "đ")
        i = 2
    while i < len(word):
        char = word[i]
        if char.lower() in "aeiouy":
            marks = ""
            if i + 1 < len(word) and word[i + 1] in _VIQR_MODIFIERS:
                marks += _VIQR_MODIFIERS[word[i + 1]]
                i += 1
            if i + 1 < len(word) and word[i + 1] in _VIQR_TONES:
                marks += _VIQR_TONES[word[i + 1]]
                i += 1
            out.append(unicodedata.normalize("NFC", char + marks))
        else:
            out.append(char)
        i += 1
    return "".join(out)


def decode_viqr(text: str) -> str:
    """VIQR → Unicode, word by word; a word is converted only if it becomes a valid syllable."""
    vocab = syllables()

    def convert(match: regex.Match[str]) -> str:
        word = match.group(0)
        if not any(c in "(^+`'?~." for c in word) and not word.lower().startswith("dd"):
            return word
        new = _viqr_word(word)
        if new.lower() in vocab:
            return new
        # A final "." or "?" may be punctuation ("Nam." or "đây?").
        if word[-1] in ".?" and _viqr_word(word[:-1]).lower() in vocab:
            return _viqr_word(word[:-1]) + word[-1]
        return word

    return regex.sub(r"[A-Za-z][A-Za-z(^+`'?~.]*", convert, text)


def decode_cp1252_mojibake(text: str) -> str:
    """UTF-8 bytes that were read as cp1252 or Latin-1 ("Viá»‡t") → the original text.

    Works on maximal runs of characters that a cp1252/Latin-1 reading can produce, and keeps a
    run as it is when its bytes are not valid UTF-8.
    """

    def fix(match: regex.Match[str]) -> str:
        run = match.group(0)
        data = bytes(_byte_of(c) or 0 for c in run)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return run

    return _MOJIBAKE_RUN.sub(fix, text)


_MOJIBAKE_RUN = regex.compile("(?:[\u00c2-\u00f4][\u0080-\u00bf" + regex.escape("".join(_CP1252_HIGH)) + "]+)+")

DECODERS = {
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "viqr": decode_viqr,
    "cp1252_mojibake": decode_cp1252_mojibake,
}
_WORD = regex.compile(r"\p{L}+")


def syllable_share(text: str) -> tuple[float, int]:
    """Share of letter words that are valid Vietnamese syllables, and the number of words."""
    vocab = syllables()
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    return sum(w in vocab for w in words) / len(words), len(words)


def _has_unicode_letters(line: str) -> bool:
    """Letters no 8-bit reading produces ("ư", "ệ"): the line is Unicode already. Other characters
    do not say so: a footnote mark ("⁴") may stand in a legacy line that a converter passed on."""
    return any(ord(c) >= 0x100 and c.isalpha() and c not in _CP1252_HIGH for c in line)


@dataclass(frozen=True)
class LegacyReading:
    encoding: str | None  # the detected legacy encoding, or None
    confidence: float
    before: float  # valid-syllable share as it is
    after: float  # … after conversion


# A conversion is taken when it makes this many more words valid syllables.
MIN_GAIN = 0.15


def detect_legacy(text: str) -> LegacyReading:
    """Which legacy encoding, if any, turns the most words into valid syllables."""
    before, words = syllable_share(text)
    best: tuple[float, str | None] = (before, None)
    if words:
        for name, decode in DECODERS.items():
            decoded = decode(text)
            if decoded == text:
                continue  # nothing to read otherwise: no gain (most Unicode and stripped text)
            after, _ = syllable_share(decoded)
            if after > best[0]:
                best = (after, name)
    after, name = best
    gain = after - before
    if name is None or gain < MIN_GAIN:
        return LegacyReading(None, round(min(1.0, 0.5 + (MIN_GAIN - max(gain, 0)) * 3), 3), before, before)
    confidence = min(1.0, 0.5 + gain + (after - 0.5) * 0.5)
    return LegacyReading(name, round(confidence, 3), before, after)


def encoding_of_font(font: str) -> tuple[str, bool] | None:
    """(encoding, uppercase font) from a PDF font name; None for Unicode fonts."""
    name = font.split("+")[-1].lstrip(".").lower().replace(" ", "")
    if name.startswith("vni-") or name.startswith("vni"):
        return "vni", False
    if name.startswith("vn") and not name.startswith("vni"):
        # TCVN3 font families: .VnTime, .VnArial, .VnTimeH (capitals), .VnArialH, …
        base = name.split(",")[0].split("-")[0]
        return "tcvn3", base.endswith("h")
    return None


_LINE = regex.compile(r"[^\n]+")
_SPACE_TOKEN = regex.compile(r"[^ \t\n\r]+")


def convert_legacy(
    mapped: MappedText, font_runs: list[tuple[int, int, str]] | None = None
) -> tuple[MappedText, list[RawRepair], LegacyReading]:
    """Convert legacy-encoded text, line by line (or font run by font run), recording each change.

    ``font_runs`` are (raw start, raw end, font name) of a PDF; runs in a legacy font are
    converted whatever the text looks like. Otherwise the document's encoding is detected, and
    each line is converted unless it holds Unicode letters that no 8-bit reading makes.
    """
    log: list[RawRepair] = []
    legacy_runs = [(s, e, encoding_of_font(f)) for s, e, f in font_runs or []]
    legacy_runs = [(s, e, enc) for s, e, enc in legacy_runs if enc is not None]
    if legacy_runs:
        run_edits = []
        for start, end, (encoding, upper) in legacy_runs:
            text = mapped.text[start:end]
            new = decode_tcvn3(text, upper) if encoding == "tcvn3" else decode_vni(text)
            if new != text:
                run_edits.append((start, end, new, encoding))
        converted = _apply(mapped, run_edits, log)
        before, after = syllable_share(mapped.text)[0], syllable_share(converted.text)[0]
        return converted, log, LegacyReading(legacy_runs[0][2][0], 1.0, before, after)
    reading = detect_legacy(mapped.text)
    if reading.encoding is None:
        return mapped, log, reading
    decode = DECODERS[reading.encoding]
    line_edits = []
    for match in _LINE.finditer(mapped.text):
        line = match.group(0)
        new = decode(line)
        if new != line and not _has_unicode_letters(line):
            line_edits.append((match.start(), match.end(), new, reading.encoding))
    return _apply(mapped, line_edits, log), log, reading


def _apply(mapped: MappedText, spans: list[tuple[int, int, str, str]], log: list[RawRepair]) -> MappedText:
    """Apply whole-span conversions as per-token edits, so the offset map stays fine-grained."""
    edits = []
    for start, end, new, encoding in spans:
        old = mapped.text[start:end]
        for a, b, replacement in _token_diff(old, new):
            edits.append(Edit(start + a, start + b, replacement))
            raw_start, raw_end = mapped.raw_span(start + a, start + b)
            log.append(RawRepair(raw_start, raw_end, replacement, f"legacy_{encoding}", 1.0))
    return mapped.apply(edits)


def _token_diff(old: str, new: str) -> list[tuple[int, int, str]]:
    """Pair whitespace-separated tokens of a converted span (conversion keeps the spacing)."""
    # Only ASCII spaces separate tokens: U+0085 (NEL) is a TCVN3/cp1252 "…", not a line end.
    old_tokens = [(m.start(), m.end()) for m in _SPACE_TOKEN.finditer(old)]
    new_tokens = [m.group(0) for m in _SPACE_TOKEN.finditer(new)]
    if len(old_tokens) != len(new_tokens):
        return [(0, len(old), new)] if old != new else []
    return [(a, b, t) for (a, b), t in zip(old_tokens, new_tokens, strict=True) if old[a:b] != t]
