"""Reading a signer's post from a scan's OCR of the signature block, where a seal and a handwritten
signature blur the printed capitals: "THÔNG số GIÁM ĐỐC / Mỹ ĐỘC / PHỔ GIÁ z" is "KT. GIÁM ĐỐC / PHÓ GIÁM
ĐỐC" with the "KT." written by hand. A post is read from the table of posts, tolerantly: diacritics folded
("GIÁM ĐÓC", "ĐỚC"), a word missing one letter ("HÓ GIÁM ĐỐC"), cut after its second word at the line's
end where that names one post only ("PHÓ GIÁM"), debris words before or after it. Its words must be
printed in capitals, so body text ("giám đốc Sở") never counts."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vnplan.normalize.syllables import strip_diacritics

# The posts a signer holds, longest first where one contains another (PHÓ CHỦ TỊCH before CHỦ TỊCH).
SIGNER_POSTS = (
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ CHỦ NHIỆM",
    "CHỦ NHIỆM",
    "PHÓ TỔNG GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ TỔ TRƯỞNG",
    "TỔ TRƯỞNG",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG PHÒNG",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "CHÁNH VĂN PHÒNG",
    "THỦ TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "PHÓ VIỆN TRƯỞNG",
    "VIỆN TRƯỞNG",
    "PHÓ THỦ TƯỚNG",
    "THỦ TƯỚNG",
)
# Words that qualify a post and belong to the title ("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC": the standing deputy).
POST_QUALIFIERS = ("THƯỜNG TRỰC",)
# On whose behalf the signer signs: "KT." (for), "TM." (on behalf of), "TL."/"TUQ." (by delegation), "Q." (acting)
AUTHORITY_PREFIX = regex.compile(r"^(?P<prefix>KT|TM|TL|TUQ|Q)\s*[.,]\s*")
# A deputy signs "KT." for the head whose post is printed above his own.
DEPUTY = "PHÓ "
# the words a post cut at the line's end must keep to name one post
CUT_POST_WORDS = 2
# OCR drops at most one letter of a word this long ("HÓ" for "PHÓ", "GIÁ" for "GIÁM")
SHORTENED_WORD_MIN = 3
WORD = regex.compile(r"[\p{L}]+")


@dataclass(frozen=True)
class PostInLine:
    post: str  # as the table prints it
    start: int  # character offsets in the line
    end: int
    exact: bool  # read letter for letter, diacritics aside


def _folded(word: str) -> str:
    return strip_diacritics(word).upper()


def _near(read: str, wanted: str) -> bool:
    """The OCR'd word is the post's word, diacritics aside, or it with one letter lost."""
    if read == wanted:
        return True
    if len(wanted) < SHORTENED_WORD_MIN or len(read) != len(wanted) - 1:
        return False
    return any(wanted[:i] + wanted[i + 1 :] == read for i in range(len(wanted)))


def tail_with_post(item: str) -> int | None:
    """Where a post printed after a recipient item begins: OCR reads the signature column into the
    recipients' ("- Các đơn vị KCB trực thuộc; GIÁM ĐỐC v")."""
    posts = posts_in_line(item)
    cut = max(item.rfind(";"), item.rfind("\t"))
    return posts[0].start if posts and posts[0].start > cut >= 0 else None


def _capitals(word: str) -> bool:
    return word.upper() == word


def _match_at(words: list[regex.Match[str]], i: int, post: str, *, fuzzy: bool) -> int | None:
    """How many of the line's words from i spell the post (None if they do not)."""
    wanted = [_folded(w) for w in post.split()]
    for k, want in enumerate(wanted):
        if i + k >= len(words):
            return k if _cut_names_one_post(post, k) and fuzzy else None
        word = words[i + k].group()
        read = _folded(word)
        if not (_capitals(word) and (read == want or (fuzzy and _near(read, want)))):
            # a post cut at the line's end, with a letter or two of debris after it ("PHỔ GIÁ z")
            rest_short = all(len(w.group()) <= 2 for w in words[i + k :])
            return k if fuzzy and rest_short and _cut_names_one_post(post, k) else None
    return len(wanted)


def _cut_names_one_post(post: str, kept: int) -> bool:
    if kept < CUT_POST_WORDS:
        return False
    head = post.split()[:kept]
    return sum(1 for p in SIGNER_POSTS if p.split()[:kept] == head) == 1


def posts_in_line(text: str) -> list[PostInLine]:
    """The posts a line names, left to right; exact readings first, then tolerant ones."""
    words = list(WORD.finditer(text))
    found: list[PostInLine] = []
    i = 0
    while i < len(words):
        hit = None
        for fuzzy in (False, True):
            for post in SIGNER_POSTS:
                taken = _match_at(words, i, post, fuzzy=fuzzy)
                if taken:
                    hit = PostInLine(post, words[i].start(), words[i + taken - 1].end(), not fuzzy)
                    i += taken
                    break
            if hit:
                break
        if hit:
            hit = _qualified(text, hit)
            found.append(hit)
        else:
            i += 1
    return found


def _qualified(text: str, hit: PostInLine) -> PostInLine:
    rest = text[hit.end :].lstrip()
    for qualifier in POST_QUALIFIERS:
        if rest.startswith(qualifier):
            end = len(text) - len(rest) + len(qualifier)
            return PostInLine(f"{hit.post} {qualifier}", hit.start, end, hit.exact)
    return hit


def compose(lines: list[str]) -> tuple[str | None, str | None]:
    """(authority, title) from the title lines of a signature block, read tolerantly: "KT. GIÁM ĐỐC" then
    "PHÓ GIÁM ĐỐC" is a deputy signing for the director, even where the handwritten "KT." was not read;
    one post alone is the signer's own. (None, None) where no line names a post."""
    posts = [(n, p.post) for n, line in enumerate(lines) for p in posts_in_line(line)]
    if not posts:
        return None, None
    first = AUTHORITY_PREFIX.match(lines[0].strip())
    (head_line, head), own = posts[0], posts[-1][1]
    if first is None:
        # "GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC": the handwritten "KT." was lost
        return (f"KT. {head}", own) if own == DEPUTY + head else (None, own)
    prefix = first["prefix"]
    if prefix == "Q":
        return None, f"Q. {own}"  # an acting head signs in his own name: "Q. GIÁM ĐỐC" is the title
    # "TM. CHÍNH PHỦ / THỦ TƯỚNG": the body is printed, not a post; "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    behalf = head if head_line == 0 else regex.sub(r"\s+", " ", lines[0][first.end() :]).strip()
    authority = f"{prefix}. {behalf}"
    if len(posts) == 1 and head_line == 0:
        return authority, None  # "KT. BỘ TRƯỞNG" alone: the signer's own post is not printed
    return authority, own
