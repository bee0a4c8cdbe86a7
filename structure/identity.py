"""Document identity: type, number, issuer, place and date, province, period, legal basis, signer.

Vietnamese administrative documents follow one layout (Nghị định 30/2020/NĐ-CP): the issuing
body and its parent at top left, the national motto at top right, "Số: …" and "<place>, ngày …"
below them, the document type in capitals, its subject (trích yếu), the "Căn cứ / Thực hiện"
preamble, the body, "Nơi nhận" and the signature block. Readers flatten the two header columns
in many ways, so each field is looked for by its own pattern, never by line position alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.normalize.syllables import is_syllable, strip_diacritics
from vnplan.schema.codes import WarningCode
from vnplan.schema.markers import PARAGRAPH_OPENERS, match_marker
from vnplan.schema.model import AttachedPlan, LegalReference, Notice, Period, Place, Provenance, Signer
from vnplan.structure import confidence, rules, signer_posts
from vnplan.structure.lexicon import organisations
from vnplan.structure.ner import places
from vnplan.structure.sections import Line, SectionNode

HEADER_LINE_LIMIT = 14
# underthesea's NER takes time growing with the square of the length of the text it is given (2 s
# for 2,600 characters, over 200 s for a 20 KB line): it reads the opening lines one by one, each cut
# to NER_LINE_CHARS, and no more than NER_HEAD_CHARS in all, so a document without line breaks costs
# no more than one with them.
NER_LINE_CHARS = 400
NER_HEAD_CHARS = 2000
# The line above a decision's preamble that names who decides ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "CHỦ TỊCH …").
AUTHORITY_LINE = regex.compile(r"^(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC)\b")
AUTHORITY_IN_TITLE = regex.compile(
    r"(?:\s+CHỦ\s+TỊCH|(?<!\b(?:CỦA|VÀ|VỚI|GIỮA|TẠI)))\s+(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+[\p{Lu}\s]+$"
)
# "Nơi nhận: - Như Điều 3; - Bộ Giáo dục và Đào tạo;": recipients listed on one line
INLINE_RECIPIENT = regex.compile(r"(?:^|[;:.,]\s*|\s)[-–+]\s+")
# ... and where the items end in semicolons, a dash only after one, after "Nơi nhận:" or after an item's
# closing note ("…; (báo cáo) - Thường trực …") opens an item: "- Bộ Lao động - Thương binh và Xã hội;" is one.
INLINE_RECIPIENT_AFTER_STOP = regex.compile(r"(?:^|[;:.,]|(?<=\)))\s*[-–+]\s+")
# A signature block read as one table cell: the titles in capitals, then the signer's name.
SIGNATURE_CELL = regex.compile(r"^(?P<caps>[^\p{Ll}]+?)\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$")
SIGNATURE_DEBRIS_LINES = 2
# A signature above "Nơi nhận" stands within this many lines of it, after the body's closing "./.".
SIGNATURE_ABOVE_LINES = 12
BODY_CLOSING = regex.compile(r"\./\.|\.\s*/\s*\.\s*$")
# how far before "(gọi tắt là …)" the body's full name may begin
SHORT_NAME_REACH = 300
SHORT_NAME_HEAD_WORDS = 3  # "ban chỉ đạo": the words a body's short name keeps of its full name
BANNER_LINE_LIMIT = 80  # a web page's banner and metadata grid before the document
ORG_HEADS = ("Sở", "Bộ", "Phòng", "Trung tâm", "Bệnh viện", "Ban", "Cục", "Chi cục", "Trạm", "Văn phòng")
PLACE_WORDS = ("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")
ACRONYMS = ("UBND", "HĐND", "MTTQ", "TP", "TTYT", "BVĐK")


@dataclass
class Identity:
    title: str | None = None
    doc_type: str | None = None
    number: str | None = None
    number_text: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    place: str | None = None
    issued_date: str | None = None
    province: Place | None = None
    period: Period | None = None
    legal_basis: list[LegalReference] | None = None
    signer: Signer | None = None
    recipients: list[str] | None = None
    plan: AttachedPlan | None = None
    notices: list[Notice] = field(default_factory=list)


def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """ISO 8601, as precise as the document is: '2017', '2022-02', '2023-06-21'."""
    if not year:
        return None
    y = int(year)
    if not 1900 <= y <= 2100:
        return None
    if not month:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return f"{y:04d}"
    if not day:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_date(text: str) -> str | None:
    """'21/6/2023' or '14 tháng 10 năm 2023' → ISO."""
    m = rules.NUMERIC_DATE.search(text)
    if m:
        return iso_date(m["day"], m["month"], m["year"])
    m = rules.WORDED_DATE.search(text)
    if m:
        return iso_date(m["day"], m["month"], m["year"])
    return None


def org_case(text: str) -> str:
    """'SỞ Y TẾ' → 'Sở Y tế'; 'UBND TỈNH LAI CHÂU' → 'UBND tỉnh Lai Châu'; mixed case is kept but tidied."""
    words = regex.sub(r"\s+", " ", text.strip(" ,.;:-–")).split(" ")
    if not any(c.islower() for c in text):
        # abbreviations stay in capitals: the listed ones and joined ones ("TB&XH")
        words = [w if w in ACRONYMS or "&" in w else w.lower() for w in words]
        for i in range(len(words) - 1):
            if words[i : i + 2] in (["chính", "phủ"], ["quốc", "hội"]):
                # the Government and the National Assembly are names: "Thủ tướng Chính phủ", "Đảng đoàn Quốc hội"
                words[i] = words[i].capitalize()
    out: list[str] = []
    for word in words:
        after_head = " ".join(out).lower() in {h.lower() for h in ORG_HEADS}
        # each part of a joined name opens in a capital ("Lao động - Thương binh và xã hội"); "xã hội" (society)
        # is no commune
        after_dash = bool(out) and out[-1] in ("-", "–")
        society = bool(out) and out[-1].lower() == "xã" and word.lower() == "hội"
        if (
            word not in ACRONYMS
            and "&" not in word
            and not society
            and (not out or after_head or after_dash or _inside_place_name(out))
        ):
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def _inside_place_name(out: list[str]) -> bool:
    """True after 'tỉnh', 'huyện' … : every word of a place name is capitalized."""
    for word in reversed(out):
        if word.lower() in PLACE_WORDS or word.lower() in ("phố", "xã", "trấn"):
            return True
        if not word[:1].isupper():
            return False
    return False


def _document_start(lines: list[Line]) -> int:
    """Index of the document's first header line. A web copy may open with the site's banner and a
    metadata grid: the document starts with the issuing body's lines just above the national motto."""
    motto = next(
        (i for i, line in enumerate(lines[:BANNER_LINE_LIMIT]) if _MOTTO_ASCII.search(strip_diacritics(line.text))),
        None,
    )
    if motto is None or motto < HEADER_LINE_LIMIT // 2:
        return 0
    for i in range(max(0, motto - 4), motto + 1):
        if rules.ISSUER_HEADER_LINE.match(_before_motto(lines[i].text)):
            return i
    return motto


def _header_lines(lines: list[Line], sections: list[SectionNode]) -> list[Line]:
    start = _document_start(lines)
    begin = lines[start].start if lines else 0
    first_section = next(
        (s.start for s in sections if s.marker not in ("markdown", "title") and s.start >= begin), None
    )
    header: list[Line] = []
    for line in lines[start : start + HEADER_LINE_LIMIT]:
        if first_section is not None and line.start >= first_section:
            break
        # The line under the document type is its subject, even when it reads "Thực hiện Chương trình …".
        subject_line = bool(header) and _doc_type_line(header[-1:]) is not None
        if PARAGRAPH_OPENERS.match(line.text) and not line.text.startswith("Số") and not subject_line:
            break
        header.append(line)
    return header


def _rejoined(line: Line) -> Line:
    """The line with its letter-spaced words rejoined, for reading only (offsets are the line's own)."""
    return Line(line.number, line.start, line.end, rejoin_spaced_letters(line.text))


def _source_offset(doc: NormalizedDocument, line: Line, index: int) -> int:
    """The document offset of position ``index`` of a line's (perhaps rejoined) text: rejoining only drops
    spaces, so the position is found by counting the characters that are not spaces before it."""
    before = len(regex.sub(r"\s", "", line.text[:index]))
    seen = 0
    for k, char in enumerate(doc.text[line.start : line.end]):
        if char.isspace():
            continue
        if seen == before:
            return line.start + k
        seen += 1
    return line.end


def rejoin_spaced_letters(text: str) -> str:
    """Words a web page printed letter-spaced, rejoined: "ỦY B AN NHÂN D Â N T HÀNH P HỐ" → "ỦY BAN NHÂN DÂN
    THÀNH PHỐ", "T hành phố Hồ Chí M inh" → "Thành phố Hồ Chí Minh". Runs of up to four pieces are joined
    where the pieces are not syllables on their own and the whole is one (the fewest words, no piece left
    over); a text with fewer than two such pieces is left as it is."""
    tokens = list(_TOKEN.finditer(text))
    words = [m.group() for m in tokens]
    if sum(_piece(w) and len(w) <= 2 for w in words) < 2:
        return text  # abbreviations ("UBND", "SYT") are no letter-spacing; its pieces are a letter or two
    # cost[j]: the best reading of words[:j] (one per word, ten more per piece left alone)
    cost = [0] + [len(words) * 11] * len(words)
    back = [0] * (len(words) + 1)
    for j in range(1, len(words) + 1):
        for i in range(max(0, j - SPACED_PIECES), j):
            if j - i == 1:
                step = 1 + 10 * _piece(words[i])
            elif _joins(text, tokens, i, j):
                step = 1
            else:
                continue
            if cost[i] + step < cost[j]:
                cost[j], back[j] = cost[i] + step, i
    bounds, j = [], len(words)
    while j > 0:
        bounds.append((back[j], j))
        j = back[j]
    out = [text[: tokens[0].start()]]
    for i, j in reversed(bounds):
        out.append("".join(words[i:j]))
        out.append(text[tokens[j - 1].end() : tokens[j].start()] if j < len(tokens) else text[tokens[-1].end() :])
    return "".join(out)


_TOKEN = regex.compile(r"\p{L}+|\p{N}+|[^\s\p{L}\p{N}]+")
SPACED_PIECES = 4


def _piece(word: str) -> bool:
    return word.isalpha() and not is_syllable(word)


def _joins(text: str, tokens: list[regex.Match[str]], i: int, j: int) -> bool:
    words = [m.group() for m in tokens[i:j]]
    joined = "".join(words)
    return (
        all(w.isalpha() for w in words)
        and any(_piece(w) for w in words)
        and all(text[tokens[k].end() : tokens[k + 1].start()].isspace() for k in range(i, j - 1))
        and is_syllable(joined)
        and not regex.search(r"\p{Ll}\p{Lu}", joined)  # "ChíM": no syllable turns to capitals inside
    )


def _in_capitals(text: str) -> bool:
    """A line of a title in capitals: no small letter ("GIAI ĐOẠN", "2026 - 2030")."""
    return any(c.isalnum() for c in text) and not any(c.islower() for c in text)


def _doc_type_line(header: list[Line]) -> tuple[int, str] | None:
    stripped_types = {strip_diacritics(k): v for k, v in rules.DOC_TYPES.items()}
    for i, line in enumerate(header):
        # a flattened header may print the type after the motto: "… Độc lập - Tự do - Hạnh phúc NGHỊ QUYẾT"
        text = _AFTER_MOTTO.sub("", line.text.strip())
        m = rules.DOC_TYPE_LINE.match(text)
        if m:
            return i, rules.DOC_TYPES[regex.sub(r"\s+", " ", m["type"])]
        key = strip_diacritics(regex.sub(r"\s+", " ", text)).upper()
        if key in stripped_types:
            return i, stripped_types[key]
    return None


_AFTER_MOTTO = regex.compile(r"^.*\bH[ạa]nh\s+ph[úu]c\b[\s\-–—_]*(?=\S)")


def extract_identity(doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode]) -> Identity:
    ident = Identity()
    # letter-spaced words of a scraped header ("ỦY B AN NHÂN D Â N") are read rejoined
    header = [_rejoined(line) for line in _header_lines(lines, sections)]
    _read_type_and_title(header, ident)
    attached = _attachment_reference(lines)
    _read_number(header, ident, attached)
    _unread_number(doc, header, ident)
    _read_place_and_date(doc, header, ident, attached)
    _date_from_own_attachment(lines, ident)
    _adoption_date(doc, lines, ident)
    # a copy whose header stands after its opening (a web copy that put the plan first) still names its
    # authority under the title
    orgs = _header_orgs(header) or _authority_body(header) or _authority_body(lines[:HEADER_LINE_LIMIT])
    ident.issuer, ident.issuer_parent = _issuer(orgs, _issuer_from_sentence(lines, sections), lines)
    _party_issuer_in_title(ident)
    ident.signer, ident.recipients = _signature(doc, lines, sections)
    if ident.issuer is None and ident.signer is not None:
        ident.issuer = _issuer_by_signer(ident.signer)

    # Province: named in the issuer or its parent, else the most cited province of the text.
    ident.province = _province(doc, ident, lines)
    if ident.issuer and not _names_place(ident.issuer):
        ident.issuer = _qualify(ident.issuer, ident)
    if ident.issuer_parent is None and ident.province and regex.match(r"^Sở\b", ident.issuer or ""):
        # a provincial department (Sở) belongs to its province's People's Committee
        ident.issuer_parent = f"UBND tỉnh {ident.province.name}"

    # Period from the title, else the preamble.
    # (a letter's period is its subject's only: the years its body cites are not its own)
    ident.period = _period(ident.title or "", [] if ident.doc_type == "Công văn" else lines, ident.issued_date)

    # Legal basis: documents cited in the title and the preamble.
    ident.legal_basis = _legal_basis(doc, lines, sections, doc.provenance)
    ident.plan = _attached_plan(doc, lines, sections, ident.issued_date) or _plan_issued_by_title(ident)
    return ident


def _read_type_and_title(header: list[Line], ident: Identity) -> None:
    """Type and title: the capitals line, then the subject lines up to the preamble."""
    found = _doc_type_line(header)
    if not found:
        # no type line: a copy without its header may open on "Nghị quyết về …" (type and title in one line)
        opening = rules.TITLE_WITH_TYPE.match(header[0].text.strip()) if header else None
        if opening:
            ident.doc_type = rules.DOC_TYPES[opening["type"].upper()]
            ident.title = opening["title"].strip(" .")
        return
    index, ident.doc_type = found
    if index + 1 >= len(header):
        return
    title = _without_stamp(header[index + 1].text)
    for line in header[index + 2 :]:
        text = _without_stamp(line.text)
        if AUTHORITY_LINE.match(text):
            break  # "ỦY BAN NHÂN DÂN TỈNH SƠN LA" under a decision's title is its authority line
        # a title in capitals wrapped over lines ("THỰC" / "HIỆN QUYẾT ĐỊNH SỐ …") is one title, and so is
        # a subject in small letters whose next line goes on in small letters ("… phụ cấp" / "và các chế độ …")
        if (_in_capitals(title) and _in_capitals(text)) or (text[:1].islower() and not _in_capitals(title)):
            title = f"{title} {text}"
        else:
            break
    # the authority line joined to the title by the reader ("… HỒ CHÍ MINH CHỦ TỊCH ỦY BAN NHÂN DÂN …")
    ident.title = AUTHORITY_IN_TITLE.sub("", title).strip() or None


def _without_stamp(text: str) -> str:
    """A title line without the receiving stamp printed over it ("ĐẾN Ga:...C......., Quy định …")."""
    return rules.STAMP_DEBRIS.sub("", text).strip()


def _read_number(header: list[Line], ident: Identity, attached: LegalReference | None) -> None:
    for line in header:
        m = rules.NUMBER_LINE.search(line.text)
        if m:
            ident.number_text = regex.sub(r"\s*[\[|]\s*", "/", regex.sub(r"\s+", "", m["number"]))
            if m["digits"]:
                ident.number = ident.number_text
            break
    if ident.number is None and attached is not None:
        ident.number = attached.number
    if ident.doc_type is None and ident.number:
        # the type code follows the number and, in decrees, the year: 243/KH-SYT, 75/2021/NĐ-CP
        code = next((part for part in regex.split(r"[-/]", ident.number)[1:] if not part.isdigit()), "")
        ident.doc_type = rules.NUMBER_TYPE_CODES.get(code)
        subject = next((m for line in header if (m := rules.LETTER_SUBJECT.search(line.text))), None)
        if ident.doc_type is None and subject is not None:
            ident.doc_type = "Công văn"  # no type line, no type code, a "V/v" subject: an administrative letter
            # its subject is its title: "V/v Điều chỉnh mức trợ cấp …" up to the next cell
            ident.title = ident.title or subject.string[subject.end() :].split("\t", 1)[0].strip(" :.") or None


def _unread_number(doc: NormalizedDocument, header: list[Line], ident: Identity) -> None:
    """A number line whose blank holds marks where digits were written in by hand: the number is
    left null, and a reviewer should read it off the page."""
    if ident.number is not None:
        return
    for line in header:
        m = rules.NUMBER_BLANK_MARKS.match(line.text)
        if m and m["marks"].strip(" .:…") and not m["marks"].strip().isdigit():
            ident.notices.append(
                Notice(
                    code=WarningCode.NUMBER_UNREAD,
                    message=f"the number's digits could not be read: number is null (the line reads {line.text.split(chr(9))[0]!r})",
                    stage="structure",
                    provenance=doc.provenance(
                        line.start, line.start + m.end(), "rule:number_line", confidence.NUMBER_LINE
                    ),
                )
            )
            return


def _read_place_and_date(
    doc: NormalizedDocument, header: list[Line], ident: Identity, attached: LegalReference | None
) -> None:
    for line in header:
        m = rules.PLACE_DATE.search(line.text)
        if m:
            ident.place = _clean_place(m["place"])
            ident.issued_date = iso_date(m["day"], m["month"], m["year"])
            unread = [part for part in ("day", "month") if m[f"{part}_marks"]]
            if unread:
                # a day or month written in by hand and read as marks: the date is less precise than the
                # document, and a reviewer should read it off the page
                ident.notices.append(
                    Notice(
                        code=WarningCode.DATE_UNREAD,
                        message=f"the {' and '.join(unread)} of the date line could not be read: "
                        f"issued_date is {ident.issued_date}",
                        stage="structure",
                        provenance=doc.provenance(
                            line.start + m.end("place") - len(ident.place),  # the cleaned place ends the group
                            line.start + m.end(),
                            "rule:place_date",
                            confidence.PLACE_DATE,
                        ),
                    )
                )
            break
    if ident.issued_date is None and attached is not None and attached.date:
        ident.issued_date = attached.date


def _date_from_own_attachment(lines: list[Line], ident: Identity) -> None:
    """A header dated in part ("Lâm Đồng, ngày   tháng   năm 2026") whose appendices note the document with a
    fuller date ("(Kèm theo Kế hoạch số /KH-UBND ngày /01/2026 …)"): the fuller date, where the note names this
    very document (its type, and its number or a blank where the header's is blank) and agrees with the header."""
    if ident.doc_type is None or (ident.issued_date and len(ident.issued_date) == len("2026-01-31")):
        return
    for line in lines:
        m = rules.OWN_ATTACHMENT_NOTE.match(line.text.strip())
        if not m or m["type"].lower() != ident.doc_type.lower():
            continue
        if (f"{m['digits']}{m['code']}" if m["digits"] else None) != ident.number:
            continue
        date = iso_date(m["day"], m["month"], m["year"])
        if date and len(date) > len(ident.issued_date or "") and date.startswith(ident.issued_date or ""):
            ident.issued_date = date
        return


def _adoption_date(doc: NormalizedDocument, lines: list[Line], ident: Identity) -> None:
    """A resolution without a place-date line (the Quốc hội prints none; a copy may have dropped it) is dated by
    its closing "Nghị quyết này được … thông qua ngày …"; a news page by its dateline."""
    if ident.issued_date is None and (m := rules.ADOPTION_DATE.search(doc.text)):
        ident.issued_date = iso_date(m["day"], m["month"], m["year"])
    # a news page with no document header: the date it was published
    opening = doc.text[: lines[min(len(lines), NEWS_DATELINE_LINES) - 1].end] if lines else ""
    if ident.issued_date is None and ident.doc_type is None and (m := rules.NEWS_DATELINE.search(opening)):
        ident.issued_date = iso_date(m["day"], m["month"], m["year"])


def _party_issuer_in_title(ident: Identity) -> None:
    """ "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ về …": the Politburo issues it; the header's Central Committee is its parent,
    and the title is what follows the body."""
    m = rules.ISSUER_IN_TITLE.match(ident.title or "")
    if m is None:
        return
    ident.issuer_parent = ident.issuer
    ident.issuer = org_case(m["org"])
    ident.title = m["rest"].strip() or None


def _issuer_by_signer(signer: Signer) -> str | None:
    """A copy without its header, signed "THỦ TƯỚNG Nguyễn Tấn Dũng": the Prime Minister's post names the issuer."""
    for post in (signer.title, signer.authority):
        if post:
            bare = regex.sub(r"\s+", " ", signer_posts.AUTHORITY_PREFIX.sub("", post)).strip(" .,").upper()
            if bare in rules.ISSUER_BY_SIGNER_POST:
                return rules.ISSUER_BY_SIGNER_POST[bare]
    return None


def _issuer(orgs: list[str], stated: str | None, lines: list[Line]) -> tuple[str | None, str | None]:
    """The issuer and its parent: the header's bodies first, else the preamble's "X ban hành Kế hoạch".
    The preamble's name wins where the header abbreviates the same body ("TỔ CÔNG TÁC LIÊN NGÀNH TW"),
    or where only the parent body is legible in the header ("UBND TỈNH …" over an unreadable "SỞ Y TẾ");
    a short name the document gives the body ("(gọi tắt là Ban Chỉ đạo quốc gia 1237)") wins over both."""
    if not orgs:
        return stated, None
    issuer, parent = orgs[-1], (orgs[0] if len(orgs) > 1 else None)
    if stated and _same_body_abbreviated(issuer, stated):
        issuer = stated
    elif (
        len(orgs) == 1
        and stated
        and regex.match(r"^(?:UBND|Ủy ban|Uỷ ban)", orgs[0])
        and not stated.startswith(("UBND", "Ủy ban"))
    ):
        issuer, parent = stated, orgs[0]
    return _short_name(issuer, lines) or issuer, parent


def _same_body_abbreviated(header_org: str, stated: str) -> bool:
    """'Tổ công tác liên ngành TƯ' (header) and 'Tổ công tác liên ngành trung ương' (preamble)."""
    if not rules.HEADER_ABBREVIATION.search(header_org):
        return False
    head = header_org.lower().split()[:-1]
    return len(head) >= 2 and stated.lower().split()[: len(head)] == head and len(stated.split()) > len(head)


def _short_name(org: str, lines: list[Line]) -> str | None:
    """The short name the text gives the issuing body: "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt
    liệt sĩ … (gọi tắt là Ban Chỉ đạo quốc gia 1237)" for the header's "BAN CHỈ ĐẠO QUỐC GIA VỀ …". Only a
    name of the same body (its first words) and no bare abbreviation ("UBND tỉnh", "Sở") replaces it."""
    folded = regex.sub(r"\s+", " ", org.lower())
    head = folded.split()[:SHORT_NAME_HEAD_WORDS]
    for line in lines[: HEADER_LINE_LIMIT * 3]:
        for m in rules.SHORT_NAME.finditer(line.text):
            short = m["short"].strip()
            before = regex.sub(r"\s+", " ", line.text[: m.start()].lower())
            same_body = short.lower().split()[:SHORT_NAME_HEAD_WORDS] == head and len(short.split()) > len(head)
            if same_body and folded in before[-SHORT_NAME_REACH:]:
                return short
    return None


def _plan_issued_by_title(ident: Identity) -> AttachedPlan | None:
    """A decision "ban hành Kế hoạch X" whose plan is written in its articles, not attached."""
    issued = rules.ISSUES_A_PLAN.search(ident.title or "") if ident.doc_type not in rules.PLAN_TYPES else None
    if issued is None:
        return None
    doc_type = rules.DOC_TYPES.get(regex.sub(r"\s+", " ", issued["type"].upper()))
    subject = issued["subject"].strip()
    return AttachedPlan(doc_type=doc_type, title=subject or None, period=ident.period if subject else None)


def _attached_plan(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode], issued: str | None
) -> AttachedPlan | None:
    """The plan a decision issues, after its signature: the document type in capitals, then its
    subject up to "(Ban hành kèm theo …)" or the first part heading."""
    attached = next(
        (
            s
            for s in sections
            if s.style == "attached"
            and rules.DOC_TYPES.get(regex.sub(r"\s+", " ", s.title.upper())) in rules.PLAN_TYPES
        ),
        None,
    )
    if attached is None:
        return None
    doc_type = rules.DOC_TYPES[regex.sub(r"\s+", " ", attached.title.upper())]
    after = [line for line in lines if line.start > attached.start]
    subject: list[Line] = []
    for line in after[:6]:
        text = line.text.strip()
        if text.startswith("(") or match_marker(text) is not None or (subject and not _in_capitals(text)):
            break
        subject.append(line)
    # "(Kèm theo Quyết định số …)" or "(Ban hành kèm theo …)" joined to the subject's last line
    title = regex.sub(r"\s*\((?:Ban\s+hành\s+)?[Kk]èm\s+theo.*$", "", " ".join(line.text.strip() for line in subject))
    title = title or None
    end = subject[-1].end if subject else attached.start + len(attached.title)
    return AttachedPlan(
        doc_type=doc_type,
        title=title,
        period=_period(title or "", [], issued) if title else None,
        provenance=doc.provenance(attached.start, end, "rule:attached_plan_title", confidence.ATTACHED_PLAN_TITLE),
    )


def _clean_place(place: str) -> str:
    # The date line often follows the number on one flattened line, or the cell before it in a header
    # row read as a table ("KGVX<tab>Hà Nội"): keep the last capitalized words of the last cell.
    place = place.rsplit("\t", 1)[-1]
    place = regex.sub(r".*(?:/[\p{L}\d-]+|\d)\s+", "", place).strip()
    # the tail of a document code in capitals ("KH-SYT Lai Châu") is not part of the place
    return regex.sub(r"^(?:\p{Lu}{2,}\s+)+(?=\p{Lu}\p{Ll})", "", place)


def _attachment_reference(lines: list[Line]) -> LegalReference | None:
    """'(kèm theo Kế hoạch số 132/KH-SYT ngày 14 tháng 10 năm 2023, …)' under an appendix title."""
    for line in lines:
        if regex.match(r"^\(\s*[Kk]èm\s+theo", line.text):
            m = rules.LEGAL_REFERENCE.search(line.text)
            if m:
                return LegalReference(
                    type=m["type"],
                    number=m["number"],
                    date=parse_date(m["date"] or ""),
                    issuer=None,
                    text=m.group(0),
                    provenance=Provenance(
                        page=None, start=line.start, end=line.end, text=line.text, raw_text="", method="", confidence=0
                    ),
                )
    return None


def _before_motto(text: str) -> str:
    """The left header column of a flattened line: what comes before the national motto."""
    m = _MOTTO_ASCII.search(strip_diacritics(text))  # same length as text: NFC letters strip 1:1
    return text[: m.start()].strip() if m else text.strip()


_MOTTO_ASCII = regex.compile(r"CONG\s+HOA\s+XA\s+HOI|Doc\s+lap\s*[-–—]|Đoc\s+lap", regex.I)


def _header_orgs(header: list[Line]) -> list[str]:
    orgs: list[str] = []  # as printed, in capitals
    continues = False  # the last org's name goes on into the next line
    for line in header:
        text = _before_motto(line.text)
        if rules.DOC_TYPE_LINE.match(text) or rules.NUMBER_LINE_HINT.match(text):
            break  # the issuing body stands above its number and the document type, never below them
        m = rules.ISSUER_HEADER_LINE.match(text)
        if not orgs and not m and (national := _unmarked_national_body(text)):
            orgs.append(national)  # "QUOC HOI" of an OCR copy
            continue
        if orgs and continues and not m and rules.ISSUER_HEADER_PLACE.match(text):
            # "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH": a name wrapped in the header's narrow column
            orgs[-1] = f"{orgs[-1]} {text}"
            continues = False
        elif m and not rules.DOC_TYPE_LINE.match(text):
            orgs.append(m["org"])
            continues = not _names_place(org_case(m["org"]))
        else:
            continues = False
    return [org_case(org) for org in orgs]


def _authority_body(header: list[Line]) -> list[str]:
    """Where the header names no body (a copy that dropped it, or put it elsewhere), the authority line
    under the title does: "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → the ministry."""
    found = _doc_type_line(header)
    for line in header[found[0] + 1 if found else 0 :]:
        text = _without_stamp(line.text)
        m = rules.AUTHORITY_BODY.match(_council_in_capitals(text))
        if m:
            return [org_case(m["org"])]
        if national := _unmarked_national_body(text):
            return [national]
    return []


def _council_in_capitals(text: str) -> str:
    """A copy that lowered its capitals prints the authority line in small letters ("Hội đồng nhân dân tỉnh tiền
    giang khóa vii - kỳ họp thứ 6", "Ủy ban nhân dân tỉnh lâm đồng"): a short line naming a council or committee
    is read as the capitals it stands for."""
    if _COUNCIL_LINE.match(text) and len(text.split()) <= AUTHORITY_LINE_WORDS:
        return text.upper()
    return text


_COUNCIL_LINE = regex.compile(r"^(?:Hội\s+đồng|Ủy\s+ban|Uỷ\s+ban)\s+nhân\s+dân\s+(?:tỉnh|thành\s+phố|huyện)\s")
AUTHORITY_LINE_WORDS = 14
NEWS_DATELINE_LINES = 3  # a news page's dateline stands under its headline


def _unmarked_national_body(text: str) -> str | None:
    """ "QUOC HOI", "QUÓC HỘI": a national body's name that OCR printed without (or with wrong) marks."""
    key = regex.sub(r"\s+", " ", strip_diacritics(_before_motto(text)).strip(" *.,").upper())
    return rules.NATIONAL_BODIES_UNMARKED.get(key)


def _issuer_from_sentence(lines: list[Line], sections: list[SectionNode]) -> str | None:
    first_section = next((s.start for s in sections if s.marker not in ("markdown", "title")), None)
    for line in lines:
        if first_section is not None and line.start >= first_section:
            break
        m = rules.ISSUER_SENTENCE.search(line.text)
        if m:
            return org_case(m["org"])
    return None


def _names_place(org: str) -> bool:
    return bool(regex.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường)\s+\p{Lu}", org))


def _qualify(org: str, ident: Identity) -> str:
    """'Sở Y tế' of a provincial plan → 'Sở Y tế tỉnh Hòa Bình'; 'UBND huyện' → 'UBND huyện Cẩm Thủy'."""
    if regex.search(r"\bhuyện$", org) and ident.place:
        return f"{org} {ident.place}"
    if ident.province and ident.province.name in org:
        return org  # "Sở Y tế Kiên Giang" names its province already
    if ident.province and org.startswith(("Sở", "Ban", "Văn phòng", "Chi cục")):
        return f"{org} tỉnh {ident.province.name}"
    if ident.issuer_parent and _names_place(ident.issuer_parent):
        place = regex.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|quận)\s+.+$", ident.issuer_parent)
        if place:
            return f"{org} {place.group(0)}"
    return org


def _province(doc: NormalizedDocument, ident: Identity, lines: list[Line]) -> Place | None:
    if ident.issuer and _national(ident.issuer):
        return None  # a national body ("Ban Chỉ đạo quốc gia 1237", "Tổ công tác liên ngành trung ương") has none
    mentions = _province_mentions(doc.text)
    for org in (ident.issuer, ident.issuer_parent):
        if org:
            if city := rules.CENTRAL_CITY.search(org):
                return Place(name=_name_case(city["name"]), level="province", text=city.group(0), provenance=None)
            m = rules.PROVINCE_NAME.search(org)
            # a name the text never repeats may be a misread header ("LAICHAU"): let the mentions decide
            if m and (mentions[_name_case(m["name"])] > 1 or len(mentions) <= 1):
                return Place(name=_name_case(m["name"]), level="province", text=m.group(0), provenance=None)
    counts = mentions
    first: dict[str, regex.Match[str]] = {}
    for m in rules.PROVINCE_NAME.finditer(doc.text):
        first.setdefault(_name_case(m["name"]), m)
    if not counts:
        return _province_from_ner(doc, lines)
    name, _ = counts.most_common(1)[0]
    m = first[name]
    return Place(
        name=name,
        level="province",
        text=m.group(0),
        provenance=doc.provenance(m.start(), m.end(), "rule:province_mention", confidence.PROVINCE_MENTION),
    )


def _national(org: str) -> bool:
    """A national body, by the lexicon's patterns; also "… trung ương" written in small letters by the
    preamble ("Tổ công tác liên ngành trung ương"), never "… trực thuộc trung ương"."""
    if any(regex.search(p, org) for p in organisations().national_bodies):
        return True
    return bool(regex.search(r"(?<!trực\s+thuộc\s+)\btrung\s+ương$", org, regex.I))


def _province_mentions(text: str) -> Counter[str]:
    """How often each province is named. A name that runs into the next word ("tỉnh Lai Châu Thực
    hiện …") counts for the shorter name the text also uses."""
    raw = Counter(
        _name_case(m["name"])
        for m in rules.PROVINCE_NAME.finditer(text)
        # "Tỉnh ủy", "tỉnh Đảng bộ" are the party committee, not a place
        if m["name"].split()[0].lower() not in ("ủy", "uỷ", "đảng")
    )
    merged: Counter[str] = Counter()
    for name, count in raw.items():
        # (never a one-word prefix: "Vĩnh" cut off at a line end is not the province "Vĩnh Phúc")
        shorter = [o for o in raw if o != name and name.startswith(o + " ") and len(o.split()) >= 2]
        merged[max(shorter, key=len) if shorter else name] += count
    return merged


def _province_from_ner(doc: NormalizedDocument, lines: list[Line]) -> Place | None:
    """Where no rule names the province, underthesea's NER may find "tỉnh X" in the opening lines."""
    budget = NER_HEAD_CHARS
    for line in lines[:HEADER_LINE_LIMIT]:
        if budget <= 0:
            break
        start, end = line.start, min(line.end, line.start + NER_LINE_CHARS, line.start + budget)
        if end < line.end:  # cut at a space, so that no word is read half
            end = max(doc.text.rfind(" ", start, end), start + 1)
        budget -= end - start
        for place in places(doc.text[start:end]):
            m = rules.PROVINCE_NAME.match(place.text)
            if m:
                return Place(
                    name=_name_case(m["name"]),
                    level="province",
                    text=place.text,
                    provenance=doc.provenance(
                        start + place.start, start + place.end, "underthesea_ner:LOC", confidence.NER_LOCATION
                    ),
                )
    return None


def _name_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


_QUOTED = regex.compile(r"[“\"][^”\"]*[”\"]")


def _period(title: str, lines: list[Line], issued: str | None) -> Period | None:
    """The plan's own period, from its title: "giai đoạn 2026 - 2030"; "… đến năm 2030" (from the year of
    issue); "… năm 2026" (that year alone). A quoted programme name carries its programme's period, so
    words outside quotes win: 'Thực hiện Đề án “… giai đoạn 2023-2025 …”, năm 2024' is a plan for 2024.
    Without a year in the title, the first period the preamble states."""
    issued_year = int(issued[:4]) if issued else None
    unquoted = _QUOTED.sub(" ", title)
    serves = rules.SERVES_PROGRAMME.search(unquoted)
    own = unquoted[: serves.start()] if serves else ""
    own_dated = bool(own) and bool(rules.PERIOD_RANGE.search(own) or rules.PERIOD_YEAR.search(own))
    for text in dict.fromkeys((own, unquoted, title) if own_dated else (unquoted, title)):
        horizon = rules.PERIOD_HORIZON.search(text)
        h = int(horizon["year"]) if horizon else None
        if m := rules.PERIOD_RANGE.search(text):
            return Period(start=int(m["start"]), end=int(m["end"]), horizon=h, text=m.group(0))
        if m := rules.PERIOD_UNTIL.search(text):
            end = int(m["year"])
            start = issued_year if issued_year and issued_year <= end else None
            return Period(start=start, end=end, horizon=h, text=m.group(0))
        if m := rules.PERIOD_YEAR.search(text):
            year = int(m["year"])
            return Period(start=year, end=year, horizon=h, text=m.group(0))
        if horizon:
            return Period(start=None, end=None, horizon=h, text=horizon.group(0))
    for line in lines[:20]:
        m = rules.PERIOD_RANGE.search(line.text)
        h = rules.PERIOD_HORIZON.search(line.text)
        if m or h:
            span_start = min(x.start() for x in (m, h) if x)
            span_end = max(x.end() for x in (m, h) if x)
            return Period(
                start=int(m["start"]) if m else None,
                end=int(m["end"]) if m else None,
                horizon=int(h["year"]) if h else None,
                text=line.text[span_start:span_end],
            )
    return None


def _legal_basis(doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode], prov) -> list[LegalReference]:
    first_section = next((s.start for s in sections if s.marker not in ("markdown", "title")), len(doc.text))
    seen: set[tuple[str, str]] = set()
    refs: list[LegalReference] = []
    for line in lines:
        if line.start >= first_section:
            break
        for m in rules.LEGAL_REFERENCE.finditer(line.text):
            key = (m["type"], m["number"])
            if key in seen:
                continue
            seen.add(key)
            issuer = m["issuer"].strip() if m["issuer"] else None
            refs.append(
                LegalReference(
                    type=m["type"],
                    number=m["number"],
                    date=parse_date(m["date"] or ""),
                    issuer=issuer,
                    text=m.group(0).strip(),
                    provenance=prov(
                        line.start + m.start(), line.start + m.end(), "rule:legal_reference", confidence.LEGAL_REFERENCE
                    ),
                )
            )
    return refs


def _signature(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode]
) -> tuple[Signer | None, list[str]]:
    """The signer and the recipients, from the block that begins at "Nơi nhận". The signature stands
    beside the recipients, so a reader gives it after them or, from a table row, on the same line after
    a tab ("Nơi nhận: - …; - … <tab> KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương")."""
    start_index = next((i for i, line in enumerate(lines) if regex.match(r"^Nơi\s+nhận", line.text)), None)
    if start_index is None:
        return _signature_without_recipients(doc, lines, sections), []
    first = _rejoined(lines[start_index])
    if "\t" in first.text:
        listed, block = first.text.split("\t", 1)[0], first.text.rsplit("\t", 1)[-1]
        splitter = INLINE_RECIPIENT_AFTER_STOP if ";" in listed else INLINE_RECIPIENT
        recipients = [r for r in (p.strip(" ;,.") for p in splitter.split(listed)[1:]) if r]
        signer = _signer_in_cell(doc, first, block)
        if signer is not None:
            return signer, recipients
    signer, recipients = _signature_below(doc, [_rejoined(line) for line in lines[start_index + 1 : start_index + 25]])
    if signer is None or (signer.name is None and signer.title is None):
        signer = _signature_above(doc, lines[max(0, start_index - SIGNATURE_ABOVE_LINES) : start_index]) or signer
    return signer, recipients


def _signature_above(doc: NormalizedDocument, before: list[Line]) -> Signer | None:
    """A signature printed above "Nơi nhận" (a joint plan's signers side by side, "CHỦ TỊCH … Hà Văn Phúc"
    and "GIÁM ĐỐC … Lê Hoàng Anh"): the lines after the body's closing sentence ("./."). The first
    signer, in the left column, is the one kept."""
    closing = next((i for i in range(len(before) - 1, -1, -1) if BODY_CLOSING.search(before[i].text)), None)
    if closing is None:
        return None
    cells = [
        Line(line.number, line.start, line.start + len(line.text.split("\t", 1)[0]), line.text.split("\t", 1)[0])
        for line in before[closing + 1 :]
        if line.text.strip()
    ]
    signer, _ = _signature_below(doc, cells)
    return signer if signer is not None and signer.name is not None and signer.title is not None else None


def _signature_without_recipients(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode]
) -> Signer | None:
    """No "Nơi nhận" (a copy that left it out; a resolution signed under its last article): the signature
    is the last line of the body whose last cell is a post in capitals and a name ("CHỦ TỊCH Huỳnh Tấn
    Việt", "<tab>KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Sinh Hùng"); an appendix after it is not searched."""
    end = next((s.start for s in sections if s.marker == "appendix" or s.style == "attached"), len(doc.text))
    for line in reversed([line for line in lines if line.end <= end]):
        read = _rejoined(line)
        signer = _signer_in_cell(doc, read, read.text.rsplit("\t", 1)[-1])
        if signer is not None and signer.title and rules.SIGNER_POST.search(signer.title):
            return signer
    return None


def _signer_in_cell(doc: NormalizedDocument, line: Line, block: str) -> Signer | None:
    """'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương': the title in capitals, then the name."""
    m = SIGNATURE_CELL.match(block.strip())
    if m is None or not regex.search(r"\p{Lu}{2}", m["caps"]):
        return None
    authority, title = _split_signer_title(m["caps"])
    at = line.text.rfind(block.strip()) if block.strip() in line.text else 0
    offset = _source_offset(doc, line, at)
    end = min(_source_offset(doc, line, at + len(block.strip()) - 1) + 1, line.end)
    return Signer(
        name=m["name"],
        title=title,
        authority=authority,
        provenance=doc.provenance(offset, end, "rule:signature_block", confidence.SIGNATURE_BLOCK),
    )


def _signature_below(doc: NormalizedDocument, block: list[Line]) -> tuple[Signer | None, list[str]]:
    """Recipients as items, then the title lines in capitals and the name. A seal and a signature
    may leave a line or two of OCR debris between the titles and the name."""
    recipients: list[str] = []
    caps_lines: list[Line] = []
    debris = 0
    for line in block:
        text = line.text.strip()
        found = match_marker(text)
        if (found and found.marker == "appendix") or rules.DOC_TYPE_LINE.match(text):
            break  # an appendix or the attached plan ("KẾ HOẠCH") begins: no title of the signer
        if found and found.marker == "bullet" and (not caps_lines or not _strict_titles(caps_lines)):
            # a scan's OCR interleaves the signature column with the recipients: they go on past its titles
            item = text[found.end :]
            post_at = signer_posts.tail_with_post(item)
            cell = item.rsplit("\t", 1)[-1] if "\t" in item else item[post_at:] if post_at is not None else ""
            recipients.append(item[:post_at].split("\t", 1)[0].strip(" ;,."))
            if cell and (_title_line(cell.strip()) or post_at is not None):
                # "- Lưu: VT.<tab>KT. BỘ TRƯỞNG": the last recipient and, beside it, the signer's title
                caps_lines.append(
                    Line(line.number, _source_offset(doc, line, line.text.rfind(cell)), line.end, cell.strip())
                )
            debris = 0  # the seal's debris is counted between two recipients, not across them
            continue
        if (_title_line(text) or signer_posts.posts_in_line(text)) and len(caps_lines) < 3:
            caps_lines.append(line)
            continue
        m = rules.PERSON_NAME.match(text)
        if m:
            # the name under the titles; or the name alone where the titles were not read (a scan's seal)
            return _signer(doc, caps_lines, line, m["name"]), recipients
        if caps_lines:
            debris += 1
            if debris > SIGNATURE_DEBRIS_LINES:
                return _signer(doc, caps_lines, None, None), recipients
    if caps_lines:  # the block ends with the titles: no line to point at
        authority, title = _titles(caps_lines)
        if authority is None and title is None:
            return None, recipients  # capitals that name no post (a table's heading): no signature read
        return Signer(name=None, title=title, authority=authority, provenance=None), recipients
    return None, recipients


def _title_line(text: str) -> bool:
    """A line of the signature's titles: capitals, with a word of two letters at least ("KT. GIÁM ĐỐC")."""
    return text.upper() == text and bool(regex.search(r"\p{Lu}{2}", text))


def _strict_titles(caps_lines: list[Line]) -> bool:
    return all(_title_line(c.text.strip()) for c in caps_lines)


def _titles(caps_lines: list[Line]) -> tuple[str | None, str | None]:
    """(authority, title): printed capitals split as printed; a scan's blurred lines ("THÔNG số GIÁM ĐỐC /
    PHỔ GIÁ z") and capitals that name no post read against the table of posts."""
    if not caps_lines:
        return None, None
    if _strict_titles(caps_lines):
        authority, title = _split_signer_title(" ".join(c.text for c in caps_lines))
        posts = signer_posts.posts_in_line(title or "")
        if title is not None and rules.SIGNER_POST.search(title) and not (posts and posts[0].start > 0):
            return authority, title  # (debris before a post, "VŨ, GIÁM ĐỐC", is read against the table below)
        if title is None and authority is not None:
            return authority, None
    # capitals that name no post are a seal or debris beside the signature: only a post is read
    return signer_posts.compose([c.text for c in caps_lines])


def _signer(doc: NormalizedDocument, caps_lines: list[Line], name_line: Line | None, name: str | None) -> Signer:
    authority, title = _titles(caps_lines)
    first = caps_lines[0] if caps_lines else name_line
    last = name_line or caps_lines[-1]
    assert first is not None and last is not None
    return Signer(
        name=name,
        title=title,
        authority=authority,
        provenance=doc.provenance(
            first.start,
            last.end,
            "rule:signature_block",
            confidence.SIGNATURE_BLOCK if name else confidence.SIGNATURE_BLOCK_NO_NAME,
        ),
    )


# the posts a signer holds: one table, shared with the tolerant reading of scans


def _split_signer_title(text: str) -> tuple[str | None, str | None]:
    """'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC' → ('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'); 'GIÁM ĐỐC' → (None, 'GIÁM ĐỐC')."""
    text = regex.sub(r"\s+", " ", text).strip()
    titles = "|".join(signer_posts.SIGNER_POSTS)
    prefix = signer_posts.AUTHORITY_PREFIX.match(text)
    posts = [p for p in regex.finditer(rf"(?<!\S)(?:{titles})(?!\S)", text) if prefix and p.start() >= prefix.end()]
    if prefix and posts and text[prefix.end() : posts[-1].start()].strip():
        # the signer's post is the last one printed, with the unit it heads ("TL. BỘ TRƯỞNG / CỤC TRƯỞNG CỤC
        # NGƯỜI CÓ CÔNG"); "KT, GIÁM ĐỐC": OCR's comma after the prefix is its full stop ("KT. BỘ TRƯỞNG, CHỦ
        # NHIỆM" keeps its comma)
        head = text[: prefix.end()]
        if "," in head:
            head = prefix["prefix"] + "." + head[head.index(",") + 1 :]
        authority = (head + text[prefix.end() : posts[-1].start()]).strip()
        return authority, text[posts[-1].start() :]
    # "TRƯỞNG BAN PHÓ THỦ TƯỚNG": the title in the issuing body, then the signer's post elsewhere
    two = regex.match(rf"^(?P<title>{titles}) (?:{titles})$", text)
    if two is None and prefix and prefix["prefix"] != "Q":
        # "KT. BỘ TRƯỞNG" alone: on whose behalf is printed, the signer's own post is not ("Q. GIÁM ĐỐC", acting,
        # is the signer's own)
        return text, None
    return None, two["title"] if two else text
