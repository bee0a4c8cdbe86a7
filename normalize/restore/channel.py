"""Channel model of OCR confusions: P(observed token | intended word).

Learned from parallel data made by tools/restore/make_ocr_pairs.py: held-out vi-text lines
rendered to page images and read back by ``tesseract -l eng`` (which loses or mangles the
marks: "số" → "s6", "được" → "dugc") and ``-l vie`` (which gets most marks but not all:
"tổ" → "tô"). Source and OCR words are aligned page by page; each aligned pair counts.

Candidates for an observed token: the intended words seen behind it, with P(observed | intended)
from the counts, plus every word with the same unmarked form (the marks were lost), with a
small backoff probability. The language model then chooses in context.
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import regex

from vnplan.normalize.restore.lm import OCR_LETTER_SYMBOLS
from vnplan.normalize.syllables import strip_diacritics
from vnplan.normalize.unicode import placed_tone

if TYPE_CHECKING:
    from vnplan.normalize.restore.decoder import Restorer

UNSEEN_SAME_SHAPE = math.log(0.02)  # marks lost, pair never seen
UNSEEN_IDENTITY = math.log(0.3)  # the observed word itself, pair never seen
MIN_PAIR_COUNT = 1
VOWELS = "aeiouy"
VOWEL_FLOOR = 0.002
# A letter-like symbol inside a word ("x&", "k§", "b¢") is a marked vowel the engine could not
# read: any vowel, rarely, where the pages taught nothing better.
SYMBOL_FLOOR = 0.01
# Digits drawn like a vowel ("ph01" for phối): rarely, where the pages taught nothing better.
DIGIT_SHAPES = {"0": "o", "1": "i"}
# Confusions of tesseract -l eng on scans in Times-like fonts that DejaVu renderings do not
# produce ("Pang" for Đảng; "¢" for a marked e or o; set by hand), with modest probabilities.
PRIOR_RULES: dict[str, list[tuple[str, float]]] = {
    "p": [("d", 0.02)],
    "¢": [("e", 0.4), ("o", 0.2)],
    "y": [("u", 0.05)],
    "w": [("u", 0.2)],
}
# Onsets of Vietnamese syllables without marks, longest first: a token with no vowel letter
# ("sb", "cb", "T" for số, cổ, Tổ) keeps its onset while the engine lost or garbled the rest.
ONSETS = ("ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", *"bcdghklmnprstvx")
MAX_NUCLEUS_CANDIDATES = 6
# log P of a letter the engine added (a speck read as "y", "i" or "r"), where no learned edit explains
# the token.
STRAY_LETTER = math.log(0.002)
MAX_RULE = 2  # letters on each side of a learned edit
MIN_RULE_COUNT = 3
MIN_RULE_P = 0.002
MAX_RULE_OPTIONS = 8
MAX_VARIANT_CANDIDATES = 8
MAX_CANDIDATES = 24
_EDGE = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


def core(token: str) -> str:
    """A whitespace token without edge punctuation, lower case, NFC."""
    return _EDGE.sub("", unicodedata.normalize("NFC", token)).lower()


def _shape(word: str) -> str:
    return strip_diacritics(word)


def aligned_pairs(source: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(intended, observed) word pairs of one page, aligned on the unmarked word shapes."""
    truth = [core(t) for t in source.split()]
    seen = [core(t) for t in ocr.split()]
    matcher = SequenceMatcher(None, [_shape(w) for w in truth], [_shape(w) for w in seen], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for a, b in zip(truth[i1:i2], seen[j1:j2], strict=True):
                if a and b:
                    yield placed_tone(a), b


def ocr_pages(data_dir: Path, lang: str, evaluation: bool = False) -> Iterator[dict[str, object]]:
    """The training pages, or the evaluation pages (whose lines no training page holds)."""
    path = data_dir / f"ocr_{lang}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if page["source"] and (page["split"] == "eval") == evaluation:
                yield page


def shape_edits(intended: str, observed: str) -> Iterator[tuple[str, str]]:
    """Letter-level edits (observed piece → intended piece) between the unmarked forms."""
    x, y = strip_diacritics(intended), strip_diacritics(observed)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, y, x, autojunk=False).get_opcodes():
        if tag != "equal" and j2 - j1 <= MAX_RULE and i2 - i1 <= MAX_RULE:
            yield y[i1:i2], x[j1:j2]


def onset(word: str) -> str | None:
    """The onset of a token that has no vowel letter ("sb" → "s", "ngh" → "ngh"), else None."""
    shape = strip_diacritics(word)
    if not shape.isalpha() or any(v in shape for v in VOWELS):
        return None
    return next((o for o in ONSETS if shape.startswith(o)), None)


def syllable_onset(word: str) -> str | None:
    """The onset of a syllable ("số" → "s", "nghị" → "ngh", "gì" → "g"); None if it starts with a vowel."""
    shape = strip_diacritics(word)
    return next((o for o in ONSETS if shape.startswith(o) and shape[len(o) : len(o) + 1] in tuple(VOWELS)), None)


def _floor_edits() -> dict[str, list[tuple[str, float]]]:
    """Edits allowed rarely even where the pages taught none: any vowel for any other (marks hide
    the letter under them), a digit drawn like a vowel, a letter-like symbol for any vowel."""
    floor = {v: [(w, VOWEL_FLOOR) for w in VOWELS if w != v] for v in VOWELS}
    floor |= {digit: [(letter, VOWEL_FLOOR)] for digit, letter in DIGIT_SHAPES.items()}
    return floor | {s: [(w, SYMBOL_FLOOR) for w in VOWELS] for s in OCR_LETTER_SYMBOLS}


# The arrays of channel.bin (Channel.to_arrays).
CHANNEL_ARRAYS = (
    "channel_rules",
    "channel_observed",
    "channel_sizes",
    "channel_ids",
    "channel_logp",
    "channel_lost_nucleus",
)


class Channel:
    def __init__(
        self,
        table: dict[str, tuple[np.ndarray, np.ndarray]],
        rules: dict[str, list[tuple[str, float]]],
        lost_nucleus: float = -math.inf,
    ) -> None:
        self.table = table  # observed → (intended ids, log P(observed | intended))
        self.rules = rules  # observed piece → [(intended piece, log P)], best first
        # log P(the engine kept a word's onset and lost or garbled its vowels: "sb" for số), learned
        # as a class over all words rather than pair by pair: any word with that onset may be meant.
        self.lost_nucleus = lost_nucleus
        self._cache: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = {}

    def holds_a_digit(self, token: str) -> bool:
        """Whether ``token`` mixes letters with a digit that no learned or floor edit reads as a letter
        ("m2", "co2": the pages never showed a 2 for a letter, while "6" is ô, ơ, ở; "0" o; "1" i)."""
        if token.isdigit() or not any(c.isdigit() for c in token) or not any(c.isalpha() for c in token):
            return False
        return any(c.isdigit() and not any(dst.isalpha() for dst, _ in self.rules.get(c, [])) for c in token)

    @classmethod
    def train(cls, data_dir: Path, vocab: list[str]) -> Channel:
        index = {w: i for i, w in enumerate(vocab)}
        pairs: Counter[tuple[str, str]] = Counter()
        intended: Counter[str] = Counter()
        for lang in ("eng", "vie"):
            for page in ocr_pages(data_dir, lang):
                for a, b in aligned_pairs("\n".join(page["source"]), str(page["ocr"])):  # type: ignore[arg-type]
                    pairs[(a, b)] += 1
                    intended[a] += 1
        table: dict[str, list[tuple[int, float]]] = {}
        edits: Counter[tuple[str, str]] = Counter()
        lost = sum(
            count
            for (a, b), count in pairs.items()
            if onset(b) is not None and onset(a) is None and strip_diacritics(a).startswith(str(onset(b)))
        )
        for (a, b), count in sorted(pairs.items()):
            if strip_diacritics(a) != strip_diacritics(b):
                for edit in shape_edits(a, b):
                    edits[edit] += count
            if count < MIN_PAIR_COUNT or a not in index:
                continue
            table.setdefault(b, []).append((index[a], math.log(count / intended[a])))
        # P(rule) ≈ its count over the occurrences of its observed piece in observed words.
        observed_text = "\n".join(strip_diacritics(b) for (_a, b), c in pairs.items() for _ in range(c))
        rules: dict[str, list[tuple[str, float]]] = {}
        for (src, dst), count in sorted(edits.items()):
            occurrences = observed_text.count(src) if src else len(observed_text)
            p = count / max(occurrences, count)
            if count >= MIN_RULE_COUNT and p >= MIN_RULE_P and src:
                rules.setdefault(src, []).append((dst, math.log(p)))
        # A hand-set prior is the least its edit gets: the renderings teach "p" → "d" at 0.0024,
        # the real scans show it far more often ("Pang", "pua", "pay" for Đảng, đưa, đẩy).
        for src, options in PRIOR_RULES.items():
            learned = dict(rules.get(src, []))
            for dst, p in options:
                learned[dst] = max(learned.get(dst, -math.inf), math.log(p))
            rules[src] = list(learned.items())
        for src, options in _floor_edits().items():
            known = {dst for dst, _ in rules.get(src, [])}
            rules.setdefault(src, []).extend((dst, math.log(p)) for dst, p in options if dst not in known)
        for options in rules.values():
            options.sort(key=lambda r: -r[1])
        return cls(
            {
                obs: (np.array([i for i, _ in rows], dtype=np.int64), np.array([p for _, p in rows]))
                for obs, rows in table.items()
            },
            rules,
            math.log(lost / sum(intended.values())),
        )

    def to_arrays(self) -> dict[str, np.ndarray]:
        observed = sorted(self.table)
        sizes = np.array([len(self.table[o][0]) for o in observed], dtype="<u4")
        rules = json.dumps(self.rules, sort_keys=True, ensure_ascii=False)
        return {
            "channel_rules": np.frombuffer(rules.encode("utf-8"), dtype=np.uint8),
            "channel_observed": np.frombuffer("\n".join(observed).encode("utf-8"), dtype=np.uint8),
            "channel_sizes": sizes,
            "channel_ids": np.concatenate([self.table[o][0] for o in observed]).astype("<u2"),
            "channel_logp": np.concatenate([self.table[o][1] for o in observed]).astype("<f2"),
            "channel_lost_nucleus": np.array([self.lost_nucleus], dtype="<f8"),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Channel:
        if "channel_observed" not in arrays:
            return cls({}, {})
        rules = {k: [(d, float(p)) for d, p in v] for k, v in json.loads(bytes(arrays["channel_rules"])).items()}
        observed = bytes(arrays["channel_observed"]).decode("utf-8").split("\n")
        ends = np.cumsum(arrays["channel_sizes"].astype(np.int64))
        ids = arrays["channel_ids"].astype(np.int64)
        logp = arrays["channel_logp"].astype(np.float64)
        table = {}
        start = 0
        for obs, end in zip(observed, ends, strict=True):
            table[obs] = (ids[start:end], logp[start:end])
            start = int(end)
        return cls(table, rules, float(arrays["channel_lost_nucleus"][0]))

    def candidates(self, observed: str, restorer: Restorer, stray: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Candidate ids for an observed (lower-case) token and log P(observed | candidate).

        ``stray``: also the words the token spells without one letter, if it is no word as it stands
        ("muyc" for mục: a speck read as a letter). Off where the candidates judge whether a token
        is two glued words (Restorer._split_gain): a far-fetched reading as one word is no reason to
        keep it whole."""
        cached = self._cache.get((observed, stray))
        if cached is None:
            cached = self._cache[(observed, stray)] = self._candidates(observed, restorer, stray)
        return cached

    def _variants(self, shape: str, rounds: int) -> dict[str, float]:
        """Unmarked forms reachable with up to ``rounds`` learned edits, with their log probability."""
        found: dict[str, float] = {}
        frontier = [(shape, 0.0, 0)]
        for _round in range(rounds):
            next_frontier = []
            for word, score, start in frontier:
                for i in range(start, len(word)):
                    for length in range(1, MAX_RULE + 1):
                        for dst, p in self.rules.get(word[i : i + length], ())[:MAX_RULE_OPTIONS]:
                            new = word[:i] + dst + word[i + length :]
                            if new != shape and found.get(new, -math.inf) < score + p:
                                found[new] = score + p
                                next_frontier.append((new, score + p, i + len(dst)))
            frontier = next_frontier
        return found

    def _candidates(self, observed: str, restorer: Restorer, stray: bool) -> tuple[np.ndarray, np.ndarray]:
        scores: dict[int, float] = {}
        seen = self.table.get(observed)
        if seen is not None:
            for i, p in zip(seen[0], seen[1], strict=True):
                scores[int(i)] = float(p)
        if observed.isalpha():
            for i in restorer.candidates.get(strip_diacritics(observed), ()):
                scores.setdefault(int(i), UNSEEN_SAME_SHAPE)
            own = restorer.word_id.get(placed_tone(observed))
            if own is not None:
                scores[own] = max(scores.get(own, UNSEEN_IDENTITY), UNSEEN_IDENTITY)
        # Letter edits ("¢" → "e", "6" → "o", "i" → "u"): two for a token that is no word as it
        # stands, one for a real word ("phi" may be a misread "phủ"; the context decides).
        shape = strip_diacritics(observed)
        rounds = 1 if shape in restorer.candidates else 2
        for variant, p in self._variants(shape, rounds).items():
            for i in restorer.candidates.get(variant, ())[:MAX_VARIANT_CANDIDATES]:
                scores.setdefault(int(i), UNSEEN_SAME_SHAPE + p)
        if stray and rounds == 2:  # no word as it stands
            for i in range(len(shape)):
                for w in restorer.candidates.get(shape[:i] + shape[i + 1 :], ())[:MAX_VARIANT_CANDIDATES]:
                    scores.setdefault(int(w), UNSEEN_SAME_SHAPE + STRAY_LETTER)
        first = onset(observed)
        if first is not None:
            for i in restorer.by_onset.get(first, ())[:MAX_NUCLEUS_CANDIDATES]:
                scores.setdefault(int(i), self.lost_nucleus)
        ids = np.fromiter(scores, dtype=np.int64, count=len(scores))
        channel = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
        if len(ids) > MAX_CANDIDATES:  # the likeliest by channel and unigram, for speed
            best = np.argsort(-(channel + restorer.model.logp[0][ids]), kind="stable")[:MAX_CANDIDATES]
            ids, channel = ids[best], channel[best]
        return ids, channel
