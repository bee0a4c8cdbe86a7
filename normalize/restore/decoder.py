"""Restore diacritics and correct OCR confusions with a beam search over the whole paragraph.

Every word token gets a list of candidate syllables: those whose unmarked form equals the
token's (diacritics restoration), plus, for OCR text, the spellings the channel model has
seen the OCR engine turn into this token. The beam keeps the best-scoring hypotheses per
language-model state (the last three tokens); the score is the language model's log
probability plus the channel's log probability of the observed token given the candidate.
After decoding, each changed token gets a confidence: its posterior against the other
candidates given the decoded neighbours on both sides.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import regex

from vnplan.normalize.abbreviations import is_unlisted_abbreviation, restored_abbreviation
from vnplan.normalize.restore import RestorerModelError
from vnplan.normalize.restore.channel import CHANNEL_ARRAYS, Channel, syllable_onset
from vnplan.normalize.restore.lm import (
    BITS,
    BOS,
    EOS,
    NUM,
    OCR_LETTER_SYMBOLS,
    OCR_TOKEN,
    SPECIALS,
    TOKEN,
    UNK,
    NgramModel,
    read_arrays,
)
from vnplan.normalize.restore.phrases import (
    WORD_WEIGHT,
    PhraseIndex,
    WordPairs,
    spelling_variants,
)
from vnplan.normalize.restore.terms import dictionary_words, phrase_rows
from vnplan.normalize.restore.text import apply_case, case_class
from vnplan.normalize.slips import spelling_readings
from vnplan.normalize.syllables import strip_diacritics, syllables, toneless_syllables
from vnplan.normalize.unicode import placed_tone

BEAM = 12
MAX_CANDIDATES = 24
MAX_CHUNK = 200
RIGHT_CONTEXT = 3
CASE_WEIGHT = 0.6
NUMBER_STAYS = math.log(0.9)
# Document-level consistency (Restorer._document_prior): chosen on the stripped seeds and the
# OCR-eng evaluation pages; PAIR_WEIGHT on the stripped odd realdocs only.
DOCUMENT_SURE = 0.99
DOCUMENT_MIN = 3
DOCUMENT_WEIGHT = 1.5
PAIR_WEIGHT = 1.5  # beside a word it was sure beside (1.0 and 2.0 within 5 words of 53,808 on odd realdocs)
# OCR glues words ("LAICHAU", "turngay", "77thang") and splits them ("ỦY B AN", "T HÀNH").
# A glued token is split where the language model prefers two words by more than this
# (log probability), and a letter that is no syllable is joined to its neighbour when together
# they make one.
SPLIT_MARGIN = 2.0
UNKNOWN_TOKEN = -16.0  # a token no syllable explains: a name, a foreign word
SPLIT_MIN_CHANNEL = -4.5
# A glued word of the model's vocabulary is written as two words where the language model likes the
# pair at least this much better (log probability; Restorer._glued_words): "ôtô" (0.05) stays, "cơsở"
# (3.3) is cơ sở.
GLUED_MARGIN = 1.0
GLUED = regex.compile(r"(\d{2,}+)(\p{L}{2,})")  # possessive: digits never give one back
# URLs, e-mail addresses and file names are never changed.
LINK = regex.compile(r"(?i)\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:vn|com|org|net|gov|edu|pdf|docx?)\b\S*")
# A label may follow Markdown's emphasis or heading marks ("**I. QUAN ĐIỂM**", "*d) Các bệnh").
LABEL_START = r"^[\s*_#]*\K"
# A roman section number at the start of a line, as OCR reads it ("II1.", "Il.", "HI."): kept for
# structure/ to read (schema/markers.py knows the misreadings), never "restored" into a word.
SECTION_NUMBER = regex.compile(LABEL_START + r"(?=[IVXHl1]*[IVX])[IVXHl1]{1,5}(?=[.)]\s)")
# A lettered item at the start of a line ("b. Nhu cầu vốn…", "đ) …"): a label for structure/, never
# a word whose vowel the engine lost ("b" → bằng after "đồng" on the line before).
ITEM_LETTER = regex.compile(LABEL_START + r"\p{Ll}(?=[.)]\s)")
# What an item letter written "d" is after the item letter before it (Restorer._relabel).
ITEM_BEFORE = {"c": "d", "d": "đ"}
# In OCR text, a quote glued to the end of a word with no quote opened before it on the line is a
# speck ("Văn phòng Sở' Y tế"): dropped.
# Tesseract without a Vietnamese model reads the horn of ư and ơ as a straight apostrophe ("chu'c", "phuo'ng",
# "tr'uéng" for chức, phương, trường), which the tokenizer took for punctuation and the channel never saw: it is
# read as the curly one, which its pages taught as such a horn ("thu’c" → thực). Only beside a u or an o, so
# that names keep theirs ("d'Ivoire", "I'll"). A "?" between small letters is the same sign ("cht?c", "mi?c":
# chức, mức; no such "?" in the source of the training pages).
HORN_QUOTE = regex.compile(r"(?<=[uoUO])'(?=\p{L})|(?<=\p{L})'(?=[uU])|(?<=\p{Ll})\?(?=\p{Ll})")
SPECK_QUOTE = regex.compile(r"(?<=[\p{L}€¢©®§£¥&])['’`](?=\s|$)")
# Tesseract without a Vietnamese model reads "‰" (rates per thousand: "20‰") as "%o", "%o0", "%oo".
PER_MILLE = regex.compile(r"(?<=\d\s?)%[oO][oO0]?(?![\p{L}\d])")
# A roman number whose I the engine read as "1" ("XI1" for XII, "II1." for III): a number, no code.
ROMAN_MISREAD = regex.compile(r"[IVXL1]+")
# A capital after a small letter inside a token: an abbreviation or a brand ("IoT", "VNeID").
CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
# The item label "c)" with a speck on its letter, read as "¢)" (which inside a word is a marked e or o).
ITEM_CENT = regex.compile(LABEL_START + r"¢(?=[.)]\s)")
# The label of the recipients' list that closes every administrative document, its first letter misread
# ("Với nhận:", "Hơi nhận:"): at the start of a line and before its colon no other words stand there
# (read right, it is left to the decoder as before); a speck before it goes with it (":Với nhận:").
RECIPIENTS_LABEL = regex.compile(r"^[:;.,`'’]?(?!Nơi\s+nhận)[NVHMW][ơoóòờớôồốõỏ]i\s+nh[ậâaẫấầăặ]n(?=\s*:)")
# Misread signs of OCR text, replaced outright and never shown to the language model.
OCR_SIGNS = ((PER_MILLE, "‰"), (ITEM_CENT, "c"), (RECIPIENTS_LABEL, "Nơi nhận"))
OPENING_QUOTE = regex.compile(r"(?:^|\s)['‘`]\S")
# A whitespace-separated chunk that holds digits joined to letters by "-" or "/" and two capitals
# in a row: a document code ("18-NQ/TU", "02-Ctr/ĐU"). Units of measure joined to a number
# ("sĩ/10.000", "tuổi/1000") have no such capitals and stay words to restore.
# Also a chunk of capitals joined by "-", "/" or "&" ("[KH-SYT", "QĐ-UBND", "GD&ĐT"), where OCR
# lost the number; not capitals joined to a word that goes on in small letters ("chuyên khoa
# II/Tiến sỹ": a degree and the next one, whose words are to restore).
CODE_CHUNK = regex.compile(
    r"(?<!\S)(?:(?=\S*\d)(?=\S*\p{Lu}\p{Lu})\S*[-/]\S*|\S*?(?<!\p{Lu})(?:\p{Lu}{2,}+[-/&]\p{Lu}++(?!\p{Ll})|\p{Lu}++[-/&]\p{Lu}{2,})\S*)"
)


# Tesseract reads a small "l" as a capital "I" ("quan Iy", "chat Iuwong", "ty I¢" for quản lý, chất
# lượng, tỷ lệ), which lower case hides: a token opening with "I" and a small letter or a letter-like
# sign may be an l-word. Of such tokens on the OCR-eng training pages 94 of 151 were one (the rest
# foreign names, "Internet", and roman numbers read "Il"), hence the log probability.
CAPITAL_I = regex.compile(r"^I(?=[\p{Ll}€¢©®§£¥@&])")
CAPITAL_I_IS_L = math.log(94 / 151)


# In OCR text an "&" standing alone between two words in small letters (or after a comma) is a misread
# short word ("dân số & mức ổn định", "khí hậu, & nhiễm môi trường": ở, ô), not "and", which Vietnamese
# prose writes "và": on the OCR-eng training pages 5 of 5 such were words. It stays "&" (this log probability) where the language
# model likes nothing else.
LONE_AMPERSAND = math.log(0.2)


# A table's cell boundary (a tab, a Markdown "|"): the casing model's "inside a sentence" ends there.
CELL_BREAK = regex.compile(r"[\t|]")


@dataclass(frozen=True)
class Change:
    """One restored token inside a line: ``line[start:end]`` was ``raw`` and became ``text``."""

    start: int
    end: int
    raw: str
    text: str
    confidence: float


@dataclass
class RestoredLine:
    text: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class _Slot:
    """A token position in the decoded stream."""

    line: int
    start: int
    end: int
    raw: str
    ids: np.ndarray  # candidate ids
    channel: np.ndarray  # log P(observed | candidate)
    fixed: bool  # kept as it is (numbers, punctuation, abbreviations, good text)
    like: str = ""  # the observed spelling the output's casing follows, if not ``raw``
    split: bool = False  # one part of a token that OCR glued ("LAICHAU"): parts share the span
    replacement: str = ""  # what a fixed slot becomes, if not itself (an abbreviation's Đ: "BVDK")
    cell_start: bool = False  # the first token of a table cell that is not the line's first
    ell: bool = False  # ``like`` has an "l" for the capital "I" read (CAPITAL_I)

    def written_like(self, word: str) -> str:
        """The observed spelling ``word``'s casing follows: the "I" as read unless ``word`` is an l-word."""
        like = self.like or self.raw
        return "I" + like[1:] if self.ell and not word.startswith("l") else like

    @property
    def free(self) -> bool:
        return len(self.ids) > 1


MODEL_FILES = ("lm.bin", "case.bin", "channel.bin")  # loaded together; vnplan train-restorer writes all three


def model_dir() -> Path:
    """The folder of the shipped model files."""
    return Path(str(resources.files(__package__).joinpath("model")))


def model_path() -> Path:
    return model_dir() / "lm.bin"


def _read_model_file(path: Path, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The arrays of one model file, which must exist, be a vnplan model file and hold ``names``."""
    if not path.is_file():
        raise RestorerModelError(
            f"restorer model file missing: {path} (the restorer loads {', '.join(MODEL_FILES)} together from "
            f"{path.parent}; `vnplan train-restorer` writes them)"
        )
    try:
        arrays, _meta = read_arrays(path)
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise RestorerModelError(f"restorer model file unreadable: {path} ({exc})") from exc
    missing = [name for name in names if name not in arrays]
    if missing:
        raise RestorerModelError(f"restorer model file {path} lacks {', '.join(missing)}: not a {path.name}")
    return arrays


class Restorer:
    def __init__(self, model: NgramModel, channel: Channel) -> None:
        self.model = model
        self.channel = channel
        self.word_id = {w: i for i, w in enumerate(model.vocab)}
        unigram = model.logp[0]
        by_key: dict[str, list[int]] = {}
        valid = syllables()
        for i, word in enumerate(model.vocab):
            if i < 4 or not word.isalpha():
                continue
            by_key.setdefault(strip_diacritics(word), []).append(i)
        self.candidates: dict[str, np.ndarray] = {}
        for key, ids in by_key.items():
            # Valid syllables first, then by frequency; names and foreign words rarely compete.
            ids.sort(key=lambda i: (model.vocab[i] not in valid, -unigram[i]))
            self.candidates[key] = np.array(ids[:MAX_CANDIDATES], dtype=np.int64)
        self.lm_id = self._spelling_classes()  # for stripped text (restore_lines)
        self.phrases = PhraseIndex(self.word_id, phrase_rows())
        self.words = WordPairs(self.word_id, dictionary_words())
        # Valid syllables by onset, most frequent first: the candidates of a token whose vowels the
        # OCR engine lost ("sb"), for Channel.candidates.
        by_onset: dict[str, list[int]] = {}
        for i, word in enumerate(model.vocab):
            if word in valid and (first := syllable_onset(word)) is not None:
                by_onset.setdefault(first, []).append(i)
        self.by_onset = {k: np.array(sorted(v, key=lambda i: -unigram[i]), dtype=np.int64) for k, v in by_onset.items()}
        self.spaced = self._glued_words()  # for OCR text (restore_lines)

    def _glued_words(self) -> dict[int, str]:
        """Words of the model's vocabulary that are two marked syllables with the space lost in its
        corpus ("sửdụng", "cơsở", "thựchiện"), as the two words: where the language model likes the
        pair better than the glued word by ``GLUED_MARGIN``. OCR loses spaces too ("cose" for cơ sở had come back "cơsở").
        Loanwords of two syllables that are written as one ("nitơ", "axít", "côban") are rare as pairs
        and stay; those the pair outweighs are mostly written so as well ("xi măng", "bê tông")."""
        valid = syllables()
        glued: list[tuple[int, int, int]] = []  # (word, first syllable, second syllable)
        for i, word in enumerate(self.model.vocab):
            if word in valid or not word.isalpha() or word == strip_diacritics(word):
                continue
            for cut in range(1, len(word)):
                a, b = self.word_id.get(word[:cut]), self.word_id.get(word[cut:])
                if a is not None and b is not None and word[:cut] in valid and word[cut:] in valid:
                    glued.append((i, a, b))
        if not glued:
            return {}
        whole, first, second = (np.array(column, dtype=np.int64) for column in zip(*glued, strict=True))
        history = np.full((len(glued), self.model.order - 1), EOS, dtype=np.int64)
        history[:, -1] = first
        unigram = self.model.logp[0]
        gain = unigram[first] + self.model.score(history, second) - unigram[whole]
        best: dict[int, tuple[float, str]] = {}
        for (i, a, b), g in zip(glued, gain.tolist(), strict=True):
            if g > GLUED_MARGIN and g > best.get(i, (GLUED_MARGIN, ""))[0]:
                best[i] = (g, f"{self.model.vocab[a]} {self.model.vocab[b]}")
        return {i: pair for i, (_, pair) in best.items()}

    def _spelling_classes(self) -> np.ndarray:
        """The id the language model scores each word by: a syllable that may take i or y ("lí"/"lý",
        "kĩ"/"kỹ", "tỉ"/"tỷ") is scored as the more frequent of its two spellings, so that the
        rarer one has the evidence of both: a text keeps its own spelling, and "hợp li" (stripped
        "hợp lí") had lost to "li" since the corpus writes "hợp lý" (``phrases.spelling_variants``)."""
        unigram = self.model.logp[0]
        lm_id = np.arange(len(self.model.vocab), dtype=np.int64)
        for i, word in enumerate(self.model.vocab):
            other = self.word_id.get(spelling_variants([word])[-1][0], i)
            if other != i and unigram[other] > unigram[i]:
                lm_id[i] = other
        return lm_id

    @classmethod
    def load(cls, folder: Path | None = None) -> Restorer:
        """The language model, its casing table and the OCR channel, from the three files of ``folder``
        (default: the shipped model) — all or none: a missing, unreadable or mismatched file raises
        ``RestorerModelError`` naming it."""
        folder = folder or model_dir()
        lm_file, case_file, channel_file = (folder / name for name in MODEL_FILES)
        model = NgramModel.from_arrays(_read_model_file(lm_file, ("vocab", "keys1", "logp1")))
        size = len(model.vocab)
        case = _read_model_file(case_file, ("case_logp",))["case_logp"]
        if case.shape != (size, 2):
            raise RestorerModelError(
                f"restorer model file {case_file} does not match {lm_file.name}: "
                f"casing table of shape {case.shape} for a vocabulary of {size:,} words"
            )
        model.case_logp = case.astype(np.float64)
        arrays = _read_model_file(channel_file, CHANNEL_ARRAYS)
        ids = arrays["channel_ids"]
        if len(ids) and (int(ids.max()) >= size or int(ids.min()) < 0):
            raise RestorerModelError(
                f"restorer model file {channel_file} does not match {lm_file.name}: "
                f"word ids up to {int(ids.max()):,} for a vocabulary of {size:,} words"
            )
        return cls(model, Channel.from_arrays(arrays))

    # -- candidates -------------------------------------------------------------------------

    def _slot(
        self, line: int, start: int, end: int, token: str, mode: str, frozen: bool, in_code: bool, amid: bool = False
    ) -> _Slot:
        """A token's candidates. ``in_code``: part of a chunk with digits ("18-NQ/TU", "2913/QD-UBND"),
        where only d → đ is allowed. ``amid``: the token stands between two words in small letters (or a
        comma and one)."""
        lower = token.lower()
        abbreviation = None if frozen else restored_abbreviation(token)
        if abbreviation is not None:
            own = self.word_id.get(abbreviation.lower(), UNK)
            return _Slot(line, start, end, token, np.array([own]), np.zeros(1), True, replacement=abbreviation)
        if mode == "ocr" and token.isdigit() and len(token) <= 2 and not (frozen or in_code):
            # A short number may be a misread word ("6" for ở, "16" for lộ): the context decides.
            seen = self.channel.table.get(token)
            if seen is not None:
                ids = np.concatenate([[NUM], seen[0]])
                return _Slot(line, start, end, token, ids, np.concatenate([[NUMBER_STAYS], seen[1]]), False)
        if token.isdigit() or (token[0].isdigit() and mode != "ocr"):
            return _Slot(line, start, end, token, np.array([NUM]), np.zeros(1), True)
        own = self.word_id.get(placed_tone(lower), UNK)
        candidates: np.ndarray | None = None
        channel: np.ndarray | None = None
        if (
            frozen
            or (not token.isalpha() and mode != "ocr")
            or (in_code and mode == "ocr")
            or (token == "&" and not amid)
        ):
            pass  # ("&" alone is "and", as in R&D; glued to a small letter it is a vowel: "x&"; see LONE_AMPERSAND)
        elif mode == "ocr" and self.channel.holds_a_digit(lower):
            pass  # "m2", "CO2", "3a": a digit no letter is read as is a digit, and the token a unit or code
        elif is_unlisted_abbreviation(token) and (mode != "ocr" or lower not in self.channel.table):
            pass  # "TTYT", "HD": kept, not guessed into a word (TỤT) or a Đ (HĐ) the table does not list
        elif mode != "ocr" and CAMEL.search(token):
            pass  # a capital after a small letter ("IoT", "eKYC"): no word of Vietnamese (OCR writes such junk)
        elif mode == "ocr":
            candidates, channel = self.channel.candidates(lower, self, stray=True)
            if CAPITAL_I.match(token):
                candidates, channel = self._as_ell(lower, candidates, channel)
            if token == "&" and own != UNK:
                candidates, channel = np.append(candidates, own), np.append(channel, LONE_AMPERSAND)
        else:
            key = strip_diacritics(lower)
            if key == lower or own == UNK:
                # a key no syllable spells may break a rule of spelling ("nghanh": ngành)
                candidates = self.candidates.get(key)
                if candidates is None and (readings := spelling_readings(key)):
                    candidates = self.candidates.get(readings[0])
                if candidates is not None and in_code:
                    candidates = np.array(
                        [c for c in candidates if self.model.vocab[c].replace("đ", "d") == lower], dtype=np.int64
                    )
                if candidates is not None:
                    channel = np.zeros(len(candidates))
        if candidates is None or channel is None or len(candidates) == 0:
            return _Slot(line, start, end, token, np.array([own]), np.zeros(1), True)
        return _Slot(line, start, end, token, candidates, channel, False)

    def _as_ell(self, lower: str, ids: np.ndarray, channel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidates of a token opening with a capital "I" (``CAPITAL_I``) joined by those of the
        same token read with an "l" there, at ``CAPITAL_I_IS_L``; the likelier reading of a word both
        give counts."""
        ell_ids, ell_channel = self.channel.candidates("l" + lower[1:], self, stray=True)
        scores = dict(zip(ids.tolist(), channel.tolist(), strict=True))
        for i, p in zip(ell_ids.tolist(), (ell_channel + CAPITAL_I_IS_L).tolist(), strict=True):
            scores[i] = max(scores.get(i, -math.inf), p)
        ranked = sorted(scores.items(), key=lambda item: -(item[1] + self.model.logp[0][item[0]]))[:MAX_CANDIDATES]
        return np.array([i for i, _ in ranked], dtype=np.int64), np.array([p for _, p in ranked])

    # -- search -----------------------------------------------------------------------------

    def decode(self, chunks: list[list[_Slot]], scoring: np.ndarray | None = None) -> list[list[int]]:
        """Best candidate index for every slot of every chunk; ``scoring`` maps a word to the id the
        language model scores it by (``spelling_classes``; none: the word itself).

        All chunks are searched side by side (step t extends every chunk longer than t), so the
        numpy work is shared; each chunk keeps its own beam of ``BEAM`` hypotheses, recombined
        on the language-model state.
        """
        n = self.model.order
        order_desc = sorted(range(len(chunks)), key=lambda c: -len(chunks[c]))
        lengths = np.array([len(chunks[c]) for c in order_desc])
        rows = len(order_desc)
        chunk = np.arange(rows)  # hypothesis → position in order_desc
        history = np.full((rows, n - 1), EOS, dtype=np.int64)
        history[:, -1] = BOS
        score = np.zeros(rows)
        back: list[tuple[np.ndarray, np.ndarray]] = []
        finals: dict[int, tuple[int, int]] = {}  # chunk → (step, hypothesis)
        shift = np.uint64(BITS)
        for t in range(int(lengths.max()) if rows else 0):
            ending = np.flatnonzero(lengths == t)
            row_index = np.arange(len(score))  # current rows → rows of the last back-pointer step
            if len(ending):
                self._finish(ending, t, chunk, history, score, finals)
                row_index = np.flatnonzero(lengths[chunk] > t)
                chunk, history, score = chunk[row_index], history[row_index], score[row_index]
            slots = [chunks[order_desc[c]][t] for c in range(int(np.sum(lengths > t)))]
            sizes = np.array([len(slot.ids) for slot in slots])
            flat_ids = np.concatenate([slot.ids for slot in slots])
            flat_channel = np.concatenate([slot.channel for slot in slots])
            offsets = np.cumsum(sizes) - sizes
            m = sizes[chunk]
            prev = np.repeat(np.arange(len(score)), m)
            choice = np.arange(int(m.sum())) - np.repeat(np.cumsum(m) - m, m)
            flat = offsets[chunk[prev]] + choice
            words = flat_ids[flat] if scoring is None else scoring[flat_ids[flat]]
            # The context's backoff weights once per hypothesis, not once per candidate word.
            backoffs = self.model.context_backoffs(history)[prev]
            total = score[prev] + self.model.score(history[prev], words, backoffs) + flat_channel[flat]
            new_history = np.concatenate([history[prev, 1:], words[:, None]], axis=1)
            owner = chunk[prev]
            state = owner.astype(np.uint64)
            for j in range(n - 1):
                state = (state << shift) | new_history[:, j].astype(np.uint64)
            ranked = np.argsort(-total, kind="stable")
            _, first = np.unique(state[ranked], return_index=True)
            keep = ranked[first]
            keep = keep[np.lexsort((-total[keep], owner[keep]))]
            group_start = np.searchsorted(owner[keep], owner[keep], side="left")
            keep = keep[np.arange(len(keep)) - group_start < BEAM]
            chunk, score, history = owner[keep], total[keep], new_history[keep]
            back.append((row_index[prev[keep]], choice[keep]))
        if rows:
            self._finish(np.flatnonzero(lengths == len(back)), len(back), chunk, history, score, finals)
        paths: list[list[int]] = [[] for _ in chunks]
        for c, (step, best) in finals.items():
            path = [0] * step
            for i in range(step - 1, -1, -1):
                prev, choice = back[i]
                path[i] = int(choice[best])
                best = int(prev[best])
            paths[order_desc[c]] = path
        return paths

    def _finish(
        self,
        ending: np.ndarray,
        step: int,
        chunk: np.ndarray,
        history: np.ndarray,
        score: np.ndarray,
        finals: dict[int, tuple[int, int]],
    ) -> None:
        """Close the chunks in ``ending`` after ``step`` slots: best hypothesis with </s> (only their
        hypotheses are scored: most steps close a chunk or two among hundreds)."""
        rows = np.flatnonzero(np.isin(chunk, ending))
        final = score[rows] + self.model.score(history[rows], np.full(len(rows), EOS))
        for c in ending:
            mine = np.flatnonzero(chunk[rows] == c)
            if len(mine):
                finals[int(c)] = (step, int(rows[mine[np.argmax(final[mine])]]))

    def confidences(self, slots: list[_Slot], path: list[int], scoring: np.ndarray | None = None) -> np.ndarray:
        """Posterior of the chosen candidate of each slot, given the decoded words around it (``scoring``
        as for ``decode``)."""
        lm_id = np.arange(len(self.model.vocab)) if scoring is None else scoring
        n = self.model.order
        words = lm_id[np.array([int(s.ids[p]) for s, p in zip(slots, path, strict=True)], dtype=np.int64)]
        pad = n - 1
        stream = np.concatenate([np.full(pad - 1, EOS), [BOS], words, np.full(RIGHT_CONTEXT, EOS)])
        free = [i for i, s in enumerate(slots) if s.free]
        result = np.ones(len(slots))
        if not free:
            return result
        sizes = np.array([len(slots[i].ids) for i in free])
        owner = np.repeat(np.arange(len(free)), sizes)
        cands = lm_id[np.concatenate([slots[i].ids for i in free])]
        channel = np.concatenate([slots[i].channel for i in free])
        centre = np.array(free)[owner] + pad
        window = stream[centre[:, None] + np.arange(-pad, RIGHT_CONTEXT + 1)]
        window[:, pad] = cands
        total = channel.copy()
        for j in range(RIGHT_CONTEXT + 1):
            total += self.model.score(window[:, j : j + pad], window[:, j + pad])
        starts = np.cumsum(sizes) - sizes
        best = np.maximum.reduceat(total, starts)
        mass = np.add.reduceat(np.exp(total - best[owner]), starts)
        chosen = starts + np.array([path[i] for i in free])
        result[free] = np.exp(total[chosen] - best) / mass
        return result

    def _update_confidences(
        self,
        slots: list[_Slot],
        path: list[int],
        confidence: np.ndarray,
        stretches: list[tuple[int, int]],
        scoring: np.ndarray | None,
    ) -> None:
        """Confidences again for the slots whose neighbours' words may have changed: those within
        reach of the decoded-again ``stretches`` (first, last slot). One call over the stretches'
        slots, each with the context it needs, side by side: a slot's window of words stays inside
        its own stretch."""
        left, right = self.model.order - 1, RIGHT_CONTEXT
        merged: list[list[int]] = []
        for first, last in sorted(stretches):
            lo, hi = max(0, first - left), min(len(slots), last + right + 1)  # confidences that move
            if merged and lo <= merged[-1][1] + left + right:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        picked: list[int] = []
        targets: list[tuple[int, int, int]] = []  # (where in picked, lo, hi)
        for lo, hi in merged:
            start = max(0, lo - left)
            targets.append((len(picked) + lo - start, lo, hi))
            picked += range(start, min(len(slots), hi + right))
        fresh = self.confidences([slots[i] for i in picked], [path[i] for i in picked], scoring)
        for at, lo, hi in targets:
            confidence[lo:hi] = fresh[at : at + hi - lo]

    def _redecode(
        self,
        chunks: list[list[_Slot]],
        paths: list[list[int]],
        revisit: list[tuple[int, int]],
        scoring: np.ndarray | None,
    ) -> list[tuple[int, int, int]]:
        """Decode again the stretches of ``revisit`` (chunk, slot) with the words decoded around them
        held: each stretch with the ``n - 1`` words on either side, which is all the language model
        sees of them, so the choice is the one a whole new pass would make with those words kept.
        Returns the stretches as (chunk, first, last)."""
        context = self.model.order - 1
        windows: list[tuple[int, int, int]] = []  # chunk, first, last slot to decode again
        for c, i in sorted(revisit):
            if windows and windows[-1][0] == c and i - windows[-1][2] <= context:
                windows[-1] = (c, windows[-1][1], i)
            else:
                windows.append((c, i, i))
        pieces = []
        for c, first, last in windows:
            chunk = chunks[c]
            piece = []
            for k in range(max(0, first - context), min(len(chunk), last + context + 1)):
                slot = chunk[k]
                if first <= k <= last:
                    piece.append(slot)
                else:  # held as decoded
                    piece.append(
                        _Slot(slot.line, slot.start, slot.end, slot.raw, slot.ids[[paths[c][k]]], np.zeros(1), True)
                    )
            pieces.append(piece)
        for (c, first, last), path in zip(windows, self.decode(pieces, scoring), strict=True):
            offset = max(0, first - context)
            paths[c][first : last + 1] = path[first - offset : last - offset + 1]
        return windows

    def _document_prior(
        self, chunks: list[list[_Slot]], paths: list[list[int]], confidence: np.ndarray
    ) -> list[tuple[int, int]]:
        """Consistency within the document, as a human corrector keeps it: the words chosen with a
        confidence of at least ``DOCUMENT_SURE`` for one spelling ("tinh" → tỉnh, 40 times in a
        provincial plan) add ``DOCUMENT_WEIGHT`` × their share to the same candidates of that
        spelling's less sure occurrences where the prior's favourite differs from the word chosen;
        and, once sure beside a word ("kinh tế số", "Bộ CHQS"), ``PAIR_WEIGHT`` × their share beside
        that word ("y tế số": not "sơ"), on either side. Returns those (chunk, slot), to decode again."""
        sure: dict[tuple[str, int, str], dict[int, int]] = {}
        flat = [(c, i, slot) for c, chunk in enumerate(chunks) for i, slot in enumerate(chunk)]
        for (c, i, slot), conf in zip(flat, confidence, strict=True):
            if slot.free and not slot.fixed and conf >= DOCUMENT_SURE:
                word = int(slot.ids[paths[c][i]])
                for key in _prior_keys(chunks[c], paths[c], i):
                    counts = sure.setdefault(key, {})
                    counts[word] = counts.get(word, 0) + 1
        again: list[tuple[int, int]] = []
        for (c, i, slot), conf in zip(flat, confidence, strict=True):
            if not slot.free or conf >= DOCUMENT_SURE:
                continue  # only the doubtful choices are reopened: the sure ones are the evidence
            prior = np.zeros(len(slot.ids))
            for key in _prior_keys(chunks[c], paths[c], i):
                counts = sure.get(key)
                total = sum(counts.values()) if counts else 0
                if counts and total >= (DOCUMENT_MIN if key[0] == "word" else 1):
                    weight = DOCUMENT_WEIGHT if key[0] == "word" else PAIR_WEIGHT
                    prior += weight * np.array([counts.get(int(w), 0) / total for w in slot.ids])
            if prior.max() > prior[paths[c][i]]:  # where it agrees, the prior would change nothing
                slot.channel = slot.channel + prior
                again.append((c, i))
        return again

    # -- glued and split tokens ---------------------------------------------------------------

    def _best(self, token: str, floor: float = SPLIT_MIN_CHANNEL) -> tuple[np.ndarray, np.ndarray]:
        """Channel candidates of a token that are valid syllables, with log P(observed | word)."""
        ids, channel = self.channel.candidates(token.lower(), self)
        valid = syllables()
        mask = np.array([self.model.vocab[i] in valid for i in ids], dtype=bool)
        mask &= channel >= floor
        return ids[mask], channel[mask]

    def _readable(self, token: str, plain: bool) -> bool:
        """Whether a plain token (no code, no link) is a syllable as it stands, or, holding a letter-like
        sign ("s¢"), a misreading of one."""
        if not plain:
            return False
        if strip_diacritics(token.lower()) in toneless_syllables():
            return True
        return any(c in OCR_LETTER_SYMBOLS for c in token) and bool(len(self._best(token, -math.inf)[0]))

    def _syllable_piece(self, piece: str) -> bool:
        """Whether one side of a quote inside an OCR token is a syllable, or a misreading of one the
        channel knows ("s6" in "tu’s6": tư số)."""
        if piece.isalpha():
            return strip_diacritics(piece.lower()) in toneless_syllables()
        return piece.lower() in self.channel.table

    def _split_gain(self, token: str, cut: int) -> float:
        """How much better the language model likes ``token`` as two words cut at ``cut``."""
        left, right = self._best(token[:cut]), self._best(token[cut:])
        if not len(left[0]) or not len(right[0]):
            return -math.inf
        unigram = self.model.logp[0]
        a = np.repeat(left[0], len(right[0]))
        b = np.tile(right[0], len(left[0]))
        history = np.zeros((len(a), self.model.order - 1), dtype=np.int64)
        history[:, -1] = a
        pair = (
            unigram[a]
            + np.repeat(left[1], len(right[0]))
            + self.model.score(history, b)
            + np.tile(right[1], len(left[0]))
        )
        if placed_tone(token.lower()) in self.word_id or len(self._best(token)[0]):
            return -math.inf  # a word as it stands ("code"), or one or two likely misreadings away
        whole = self._best(token, -math.inf)
        single = float(np.max(unigram[whole[0]] + whole[1])) if len(whole[0]) else UNKNOWN_TOKEN
        return float(np.max(pair)) - single

    def _phrase_split(
        self, tokens: list[tuple[int, int, str]], i: int, plain: Callable[[int, str], bool]
    ) -> list[tuple[int, int, str, list[str]]]:
        """Tokens ``i`` (and ``i + 1``) cut into the syllables of a domain phrase whose letters they
        hold with the spaces lost ("Bacsy" → Bac sy: bác sỹ, "SOY TE" → SO Y TE: Sở Y tế); none when
        no phrase fits or every token is a syllable already."""
        toneless = toneless_syllables()
        for width in (2, 1):
            window = tokens[i : i + width]
            if len(window) < width or not all(plain(a, t) for a, _, t in window):
                continue
            if any(window[k + 1][0] != window[k][1] + 1 for k in range(width - 1)):
                continue  # not one space apart
            if all(strip_diacritics(t.lower()) in toneless for _, _, t in window):
                continue
            pieces = self.phrases.glued.get(strip_diacritics("".join(t for _, _, t in window).lower()))
            if pieces is None or len(pieces) <= width:
                continue
            out = []
            cursor = 0  # letters of the window consumed by the pieces so far
            for start, end, token in window:
                parts = []
                while cursor < len(token) and pieces:
                    piece, pieces = pieces[0], pieces[1:]
                    parts.append(token[cursor : cursor + len(piece)])
                    cursor += len(piece)
                if cursor != len(token):
                    break  # a syllable of the phrase would cross the space between two tokens
                cursor = 0
                out.append((start, end, token, parts if len(parts) > 1 else []))
            else:
                return out
        return []

    def _merge_split(
        self, line: str, tokens: list[tuple[int, int, str]], codes: list[tuple[int, int]], links: list[tuple[int, int]]
    ) -> list[tuple[int, int, str, list[str]]]:
        """OCR tokens with glued words split (parts listed) and split words joined."""
        toneless = toneless_syllables()

        def plain(start: int, token: str) -> bool:
            return token.isalpha() and not any(a <= start < b for a, b in [*codes, *links])

        out: list[tuple[int, int, str, list[str]]] = []
        i = 0
        while i < len(tokens):
            start, end, token = tokens[i]
            lower = strip_diacritics(token.lower())
            glued = self._phrase_split(tokens, i, plain)
            if glued:
                out += glued
                i += len(glued)
                continue
            if i + 1 < len(tokens) and plain(start, token):
                nstart, nend, following = tokens[i + 1]
                joined = strip_diacritics((token + following).lower())
                if (
                    nstart == end + 1
                    and plain(nstart, following)
                    and joined in toneless
                    and (lower not in toneless or strip_diacritics(following.lower()) not in toneless)
                    and len(token) == 1
                    and token.isupper() == following.isupper()
                ):
                    out.append((start, nend, token + following, []))
                    i += 2
                    continue
            if token in "'’`" and 0 < i < len(tokens) - 1:
                before, after = tokens[i - 1], tokens[i + 1]
                if (
                    before[1] == start
                    and after[0] == end
                    and self._readable(before[2], plain(before[0], before[2].strip(OCR_LETTER_SYMBOLS)))
                    and self._readable(after[2], plain(after[0], after[2].strip(OCR_LETTER_SYMBOLS)))
                ):  # a speck read as an apostrophe between two syllables ("như'số", "s¢'y" for sở y)
                    out.append((start, end, token, [" "]))
                    i += 1
                    continue
            pieces = regex.split(r"[’`´]", token)
            glued = GLUED.fullmatch(token)
            if (
                len(pieces) == 2
                and all(self._syllable_piece(p) for p in pieces)
                and strip_diacritics("".join(pieces).lower()) not in toneless  # a horn: "chu’a" is chưa
                and plain(start, pieces[0])
            ):
                out.append((start, end, token, pieces))
            elif (
                glued
                and strip_diacritics(glued.group(2).lower()) in toneless
                and plain(start + glued.end(1), glued.group(2))
            ):
                out.append((start, end, token, [glued.group(1), glued.group(2)]))
            elif plain(start, token) and len(token) >= 4 and lower not in toneless and lower not in self.channel.table:
                gains = [(self._split_gain(token, cut), cut) for cut in range(1, len(token))]
                gain, cut = max(gains)
                if gain > SPLIT_MARGIN:
                    out.append((start, end, token, [token[:cut], token[cut:]]))
                else:
                    out.append((start, end, token, []))
            else:
                out.append((start, end, token, []))
            i += 1
        return out

    # -- lines ------------------------------------------------------------------------------

    def restore_lines(
        self, lines: Sequence[str], mode: str = "stripped", keep: Sequence[bool] = ()
    ) -> list[RestoredLine]:
        """Restore each line; lines flagged in ``keep`` are left as they are but give context.

        The text is decoded in chunks that run across wrapped line ends (a chunk ends at a blank
        line, after a line ending a sentence, or when it grows long); the output has exactly one
        line per input line.
        """
        by_line: dict[int, list[Change]] = {}
        chunks = self._chunks(lines, mode, keep, by_line)
        for chunk in chunks:
            self.phrases.boost(chunk, ocr=mode == "ocr")
        self.words.boost(chunks, WORD_WEIGHT)
        # A text keeps the spelling of i or y it was written with, except in OCR text, where the
        # engine's reading of it is no evidence and the language model's preference decides.
        slots, path, confidence = self._decode_document(chunks, None if mode == "ocr" else self.lm_id)
        for change_line, change in self._changes(slots, path, confidence, self.spaced if mode == "ocr" else {}):
            by_line.setdefault(change_line, []).append(change)
        return _apply_changes(lines, by_line)

    def _chunks(
        self, lines: Sequence[str], mode: str, keep: Sequence[bool], by_line: dict[int, list[Change]]
    ) -> list[list[_Slot]]:
        """The slots of every line, in decoding chunks (non-empty). Specks dropped outright (a
        quote glued after a word in OCR text) go straight into ``by_line``."""
        chunks: list[list[_Slot]] = [[]]
        label = ""  # the last item letter of the text so far ("a" … "d", "đ", "e" …)
        for number, line in enumerate(lines):
            frozen = number < len(keep) and keep[number]
            item = ITEM_LETTER.search(line)
            slots = self._line_slots(number, line, mode, frozen, by_line)
            if item is not None:
                if item.group(0) in "dD" and label in ITEM_BEFORE and not frozen:
                    letter = ITEM_BEFORE[label]
                    self._relabel(slots, item.start(), letter if item.group(0) == "d" else letter.upper())
                label = item.group(0).lower()
            for slot in slots:
                if slot.cell_start and chunks[-1]:
                    chunks.append([])  # a table cell is a text of its own for the language model
                chunks[-1].append(slot)
            stripped = line.rstrip()
            if chunks[-1] and stripped and (stripped[-1] in ".;:!?" or len(chunks[-1]) > MAX_CHUNK):
                chunks.append([])
        return [c for c in chunks if c]

    def _relabel(self, slots: list[_Slot], start: int, letter: str) -> None:
        """The item letter at ``start`` written ``letter``: a list runs a, b, c, d, đ, e, so an item "d"
        after an item "c" is a "d", after an item "d" an "đ" whose stroke the damage lost."""
        for slot in slots:
            if slot.start == start:
                slot.ids = np.array([self.word_id.get(letter.lower(), UNK)])
                slot.channel = np.zeros(1)
                slot.fixed = True
                slot.replacement = letter

    def _line_slots(
        self, number: int, line: str, mode: str, frozen: bool, by_line: dict[int, list[Change]]
    ) -> list[_Slot]:
        """One line's tokens as slots: OCR glued and split words mended, codes and links held, the
        casing model added where a capital inside a sentence means something."""
        pattern = OCR_TOKEN if mode == "ocr" else TOKEN
        if mode == "ocr" and not frozen:
            line = HORN_QUOTE.sub("’", line)  # one sign for another: the spans stay those of the line
        codes = [m.span() for m in CODE_CHUNK.finditer(line)]
        codes += [m.span() for m in SECTION_NUMBER.finditer(line)]
        codes += [m.span() for m in ITEM_LETTER.finditer(line)]
        links = [m.span() for m in LINK.finditer(line)]
        found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(line)]
        if mode == "ocr":
            codes += _held_abbreviations(found, self.phrases.glued)
        tokens = (
            self._merge_split(line, found, codes, links)
            if mode == "ocr" and not frozen
            else [(a, b, t, []) for a, b, t in found]
        )
        specks = set() if mode != "ocr" or frozen else {m.span() for m in SPECK_QUOTE.finditer(line)}
        signs = [] if mode != "ocr" or frozen else _ocr_signs(line)
        for a, b, sign in signs:
            by_line.setdefault(number, []).append(Change(a, b, line[a:b], sign, 1.0))
        previous = ""  # the token before, in this line: a capital after a word marks a name
        previous_end = 0
        out: list[_Slot] = []
        for k, (start, end, token, parts) in enumerate(tokens):
            cell_start = bool(CELL_BREAK.search(line, previous_end, start))
            if cell_start:
                previous = ""  # a table cell starts with a capital as a sentence does ("Phòng TCVH")
            previous_end = end
            if any(a <= start < b for a, b, _ in signs):
                continue  # part of a misread sign
            if (start, end) in specks and not OPENING_QUOTE.search(line, 0, start):
                by_line.setdefault(number, []).append(Change(start, end, token, "", 1.0))
                continue  # not a word: the language model does not see it
            in_code = any(a <= start < b for a, b in codes)
            in_link = any(a <= start < b for a, b in links)
            for part in parts or [token]:
                amid = (
                    token == "&"
                    and (_small_word(tokens, k - 1) or (k > 0 and tokens[k - 1][2] in ",;"))
                    and _small_word(tokens, k + 1)
                )
                slot = self._slot(number, start, end, part, mode, frozen or in_link, in_code, amid)
                slot.raw = line[start:end]
                # an "I" read for a small "l" is written as the "l" it stands for: "Iy" → lý, not Lý
                slot.ell = mode == "ocr" and CAPITAL_I.match(part) is not None
                slot.like = _ell(part, previous) if slot.ell else part
                slot.split = bool(parts)
                slot.cell_start, cell_start = cell_start, False
                # the casing model reads a capital inside a sentence, and the first of a run of
                # capitalized words anywhere ("Bùi Thu Hằng" alone on a signature line: a name)
                if (
                    not slot.fixed
                    and len(slot.ids) > 1
                    and (previous.isalpha() or previous == "," or _name_run(tokens, k, part))
                ):
                    case = case_class(slot.like)
                    if case < 2:
                        slot.channel = slot.channel + CASE_WEIGHT * self.model.case_logp[slot.ids, case]
                previous = part
                out.append(slot)
        return out

    def _decode_document(
        self, chunks: list[list[_Slot]], scoring: np.ndarray | None = None
    ) -> tuple[list[_Slot], list[int], np.ndarray]:
        """Every slot, its chosen candidate and that choice's confidence: a first pass, then the
        doubtful words the document is sure of elsewhere decoded again."""
        paths = self.decode(chunks, scoring)
        confidence = self.confidences([s for c in chunks for s in c], [p for c in paths for p in c], scoring)
        revisit = self._document_prior(chunks, paths, confidence)
        windows = self._redecode(chunks, paths, revisit, scoring) if revisit else []
        slots = [s for c in chunks for s in c]
        path = [p for c in paths for p in c]
        if windows:
            starts = np.cumsum([0, *map(len, chunks)])
            self._update_confidences(
                slots, path, confidence, [(starts[c] + a, starts[c] + b) for c, a, b in windows], scoring
            )
        return slots, path, confidence

    def _changes(
        self, slots: list[_Slot], path: list[int], confidence: np.ndarray, spaced: dict[int, str]
    ) -> list[tuple[int, Change]]:
        """(line, change) for every slot whose chosen word differs from what was read; the parts of a
        split token become one change over the token's span; a glued word of ``spaced`` is written as
        its two words."""
        out: list[tuple[int, Change]] = []
        parts: list[tuple[str, float]] = []  # the words of a split token so far
        for k, (slot, choice, conf) in enumerate(zip(slots, path, confidence, strict=True)):
            chosen = int(slot.ids[choice])
            if slot.split:
                word = slot.replacement or (
                    slot.written_like("")
                    if slot.fixed or chosen < len(SPECIALS)
                    else spaced.get(chosen, self.model.vocab[chosen])
                )
                parts.append((apply_case(word, slot.written_like(word)), float(conf)))
                following = slots[k + 1] if k + 1 < len(slots) else None
                if following is not None and following.split and following.start == slot.start:
                    continue
                text = " ".join(p for p, _ in parts)
                conf = min(c for _, c in parts)
                parts = []
            elif slot.replacement:
                text = slot.replacement
            elif slot.fixed or chosen < len(SPECIALS):  # kept, or a number that stays a number
                continue
            else:
                word = spaced.get(chosen, self.model.vocab[chosen])
                text = apply_case(word, slot.written_like(word))
            if text != slot.raw and placed_tone(slot.raw) != text:
                out.append((slot.line, Change(slot.start, slot.end, slot.raw, text, round(float(conf), 3))))
        return out


def _apply_changes(lines: Sequence[str], by_line: dict[int, list[Change]]) -> list[RestoredLine]:
    """The lines with their changes written in (each line's changes do not overlap)."""
    restored = [RestoredLine(line) for line in lines]
    for number, changes in by_line.items():
        changes.sort(key=lambda change: change.start)
        line = lines[number]
        pieces = []
        cursor = 0
        for change in changes:
            pieces.append(line[cursor : change.start])
            pieces.append(change.text)
            cursor = change.end
        pieces.append(line[cursor:])
        restored[number] = RestoredLine("".join(pieces), changes)
    return restored


def _ocr_signs(line: str) -> list[tuple[int, int, str]]:
    """(start, end, sign) of the misread signs of an OCR line (``OCR_SIGNS``)."""
    return [(m.start(), m.end(), sign) for pattern, sign in OCR_SIGNS for m in pattern.finditer(line)]


def _is_abbreviation(token: str) -> bool:
    """Capitals that are no syllable ("TW", "TTYT"), or a code of digits and capitals ("6S", "5G",
    "H5N1"; a lone capital after the digits is enough, "S6" is not: the engine's "số"; a lone capital
    before two digits or more is one too, the unit codes of a recipient list: "C04", "V01", which
    had become "Cơ", "Với"). A roman number with a "1" for its I ("XI1") is no code."""
    letters = [c for c in token if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    digits = sum(c.isdigit() for c in token)
    if digits:
        roman = ROMAN_MISREAD.fullmatch(token) is not None
        return not roman and (token[0].isdigit() or len(letters) > 1 or digits >= 2)
    return is_unlisted_abbreviation(token)


def _held_abbreviations(tokens: list[tuple[int, int, str]], glued: Container[str] = ()) -> list[tuple[int, int]]:
    """The spans of the abbreviations and codes of an OCR line, kept as they are: in a line written
    in small letters a word in capitals is an abbreviation the engine read ("Bệnh viện Nhi TW", "mô
    hình 6S"), not a damaged word ("TW" → TỪ). A run of capitals with a syllable in it is a heading
    or a name in capitals ("SOY TE Poc lap", two columns of a header read as one line), and a line
    mostly in capitals is a heading: there every word is written so, and the channel decides. Only
    capitals that are syllables make a heading: a recipient list's line ("- UBQG PC AIDS, MT, MD (để
    báo cáo);") is mostly abbreviations, and "MT" had become MÀU. Capitals that spell a domain phrase
    with its spaces lost (``glued``: "BỘCÔNGAN", the issuer of a header whose letters are set wide)
    are that phrase's words, cut by ``_phrase_split``, not an abbreviation."""
    toneless = toneless_syllables()
    words = [(a, b, t) for a, b, t in tokens if any(c.isalpha() for c in t)]
    capital = [all(c.isupper() for c in t if c.isalpha()) for _, _, t in words]
    syllables = [
        c and strip_diacritics("".join(ch for ch in t if ch.isalpha()).lower()) in toneless
        for c, (_, _, t) in zip(capital, words, strict=True)
    ]
    if sum(syllables) * 2 >= len(words):
        return []
    held: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and capital[j]:
            j += 1
        run = words[i:j]
        if run and not any(strip_diacritics(t.lower()) in toneless for _, _, t in run):
            held += [(a, b) for a, b, t in run if _is_abbreviation(t) and strip_diacritics(t.lower()) not in glued]
        i = j + 1
    return held


def _name_run(tokens: list[tuple[int, int, str, list[str]]], k: int, part: str) -> bool:
    """Whether a capitalized word is followed in its line by another that a syllable spells (a name,
    "Bùi Thu Hằng"; not "Cấp Oresol", a word and a brand)."""
    if case_class(part) != 1 or k + 1 >= len(tokens) or case_class(following := tokens[k + 1][2]) != 1:
        return False
    return strip_diacritics(following.lower()) in toneless_syllables()


def _small_word(tokens: list[tuple[int, int, str, list[str]]], k: int) -> bool:
    """Whether token ``k`` exists and is a word in small letters (OCR letter signs allowed: "mirc", "s¢")."""
    return 0 <= k < len(tokens) and tokens[k][2][:1].islower() and not any(c.isdigit() for c in tokens[k][2])


def _ell(token: str, previous: str) -> str:
    """A token opening with an "I" the engine read for "l" (``CAPITAL_I``): small inside a sentence
    (after a word or a comma), a capital "L" where a sentence may start."""
    return ("l" if previous.isalpha() or previous == "," else "L") + token[1:]


def _prior_keys(chunk: list[_Slot], path: list[int], i: int) -> list[tuple[str, int, str]]:
    """What the document prior keeps slot ``i``'s choice by: its spelling alone, and beside the word
    decoded before it and the word after it (``Restorer._document_prior``)."""
    spelling = _spelling(chunk[i])
    keys = [("word", 0, spelling)]
    if i > 0:
        keys.append(("after", int(chunk[i - 1].ids[path[i - 1]]), spelling))
    if i + 1 < len(chunk):
        keys.append(("before", int(chunk[i + 1].ids[path[i + 1]]), spelling))
    return keys


def _spelling(slot: _Slot) -> str:
    """The observed spelling of a slot, without marks or case: what the document prior is kept by."""
    return strip_diacritics((slot.like or slot.raw).lower())


@cache
def default_restorer() -> Restorer:
    return Restorer.load()
