"""Domain phrases as evidence in decoding: organisation names, units of measure, administrative and
health-system terms, place names (``normalize/data/phrases.tsv``, written by
tools/restore/make_phrases.py).

Where the candidates of consecutive tokens can spell a whole phrase ("bac si / van dan" can spell
"bác sĩ/vạn dân"), each of those candidates gets ``PHRASE_WEIGHT`` added to its channel score,
so a phrase that exists whole beats syllables the language model likes locally ("văn đàn" after a
slash). Numbers in a phrase must be there as written ("/10.000 dân", "/1.000 trẻ đẻ sống");
punctuation is matched as a token like any other. Place names count only where every word is
capitalized, as names are written: "Tân Lập" is a commune, "tân lập" is not.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import regex
from rapidfuzz.distance import Levenshtein

from vnplan.normalize.abbreviations import is_unlisted_abbreviation
from vnplan.normalize.restore.lm import TOKEN
from vnplan.normalize.syllables import strip_diacritics, toneless_syllables
from vnplan.normalize.unicode import placed_tone

if TYPE_CHECKING:
    from vnplan.normalize.restore.decoder import _Slot

# Log-probability bonus per word of a matched phrase. Chosen on the stripped seeds and the
# OCR-eng evaluation pages (bench/bench_restore.py), the Lai Châu seed only measured.
PHRASE_WEIGHT = 1.5
# The same for two syllables side by side in a dictionary word (``normalize/data/words.txt``,
# WordPairs): weaker evidence, since the dictionary holds both readings of many stripped strings
# ("vạn dân", "văn đàn"). Chosen on the stripped seeds and the stripped odd-numbered Markdown
# realdocs (0.5 / 0.75 / 1.0 / 1.5 / 2.5: 0.75 and 1.0 best on the realdocs, 1.5 on the seeds).
WORD_WEIGHT = 0.75
# A longer phrase is stronger evidence: its words get the weight once for each token after the
# first, up to this many times ("trẻ đẻ sống" twice, "/1.000 trẻ đẻ sống" three times).
LONGEST_EVIDENCE = 3
# An unread OCR token inside a phrase (PhraseIndex.boost): how long the phrase must be, how close
# the token's letters to the phrase's word, and the channel log probability of that reading.
OPEN_MIN_WORDS = 3
OPEN_EDITS = 1
OPEN_LOGP = -8.0
NAME_KINDS = frozenset({"place"})  # phrases that count only when capitalized
_TERMINAL = ""  # key of a trie node's kind, where a phrase ends (no token is empty)
# An organisation is named with its level after it ("Bộ Chỉ huy Quân sự tỉnh", "UBND huyện"), also
# when written as an abbreviation that is no syllable ("CHQS tỉnh", "BCHPTDS tỉnh"): a phrase of
# its own, ABBREVIATION standing for any such abbreviation.
LEVELS = ("tỉnh", "huyện", "xã")
ABBREVIATION = "<abbreviation>"

Key = int | str  # a word id, or a number as written
Trie = dict[Key, "Trie"] | dict[str, str]


def phrase_tokens(phrase: str) -> list[str]:
    """A phrase as the language model's tokens: lower case, one tone placement."""
    return [placed_tone(t) for t in TOKEN.findall(phrase.lower())]


# A syllable of one of these onsets and a lone i or y is written either way ("kỹ thuật"/"kĩ thuật",
# "hợp lý"/"hợp lí", "bác sĩ"/"bác sỹ"): both spellings of a phrase or word are evidence.
I_OR_Y = regex.compile(r"^([hklmstv])([iy])(\p{Mn}?)$")


def spelling_variants(tokens: list[str]) -> list[list[str]]:
    """``tokens``, and the same with every syllable that may take either i or y written the other way."""
    swapped = []
    for token in tokens:
        match = I_OR_Y.match(unicodedata.normalize("NFD", token))
        if match is not None:
            onset, vowel, mark = match.groups()
            token = unicodedata.normalize("NFC", onset + ("y" if vowel == "i" else "i") + mark)
        swapped.append(token)
    return [tokens] if swapped == tokens else [tokens, swapped]


def _is_number(token: str) -> bool:
    return token[:1].isdigit()


class PhraseIndex:
    """The phrases as a trie over word ids (numbers as written), for one vocabulary."""

    def __init__(self, word_id: dict[str, int], rows: Sequence[tuple[str, str]]) -> None:
        self.root: dict = {}
        self.shapes: dict[int, str] = {}  # word id → its letters without marks, for phrase words
        self.first_words: dict[str, set[int]] = {}  # first letter → phrase-initial words
        # letters of a phrase of words only, without marks or spaces → its words without marks: how
        # to cut an OCR token that glued them ("bacsy" → bac, sy); letters two phrases share are
        # left out, they say nothing.
        glued: dict[str, tuple[str, ...] | None] = {}
        used: set[int] = set()  # word ids of the phrases
        term_firsts: set[int] = set()
        levelled = [
            ("organisation", f"{phrase} {level}") for k, phrase in rows if k == "organisation" for level in LEVELS
        ]
        for kind, tokens in (
            (k, v) for k, phrase in [*rows, *levelled] for v in spelling_variants(phrase_tokens(phrase))
        ):
            if kind not in NAME_KINDS and all(t.isalpha() for t in tokens):
                shapes = tuple(strip_diacritics(t) for t in tokens)
                key = "".join(shapes)
                glued[key] = shapes if glued.get(key, shapes) == shapes else None
            keys: list[Key] = [t if _is_number(t) else word_id.get(t, -1) for t in tokens]
            if -1 in keys or len(keys) < 2:
                continue  # a word the model does not know, or too short to be evidence
            node = self.root
            used.update(k for k in keys if isinstance(k, int))
            if kind not in NAME_KINDS and isinstance(keys[0], int):
                term_firsts.add(keys[0])
            for place, (key, token) in enumerate(zip(keys, tokens, strict=True)):
                node = node.setdefault(key, {})
                if isinstance(key, int) and token.isalpha():
                    self.shapes[key] = strip_diacritics(token)
                    if place == 0:
                        self.first_words.setdefault(self.shapes[key][:1], set()).add(key)
            # A phrase that is both a name and a term counts as a term (no case needed).
            if node.get(_TERMINAL) in (None, *NAME_KINDS):
                node[_TERMINAL] = kind
        self.glued = {key: shapes for key, shapes in glued.items() if shapes is not None}
        after = self.root.setdefault(ABBREVIATION, {})
        for level in LEVELS:
            if level in word_id:
                after.setdefault(word_id[level], {})[_TERMINAL] = "admin"
                used.add(word_id[level])
        # the words of any phrase: most candidates are in none, and need no look-up in the trie
        self.in_phrase = np.zeros(len(word_id), dtype=bool)
        self.in_phrase[sorted(used)] = True
        self.starts = np.zeros(len(word_id), dtype=bool)  # first words of phrases
        self.starts[[key for key in self.root if isinstance(key, int)]] = True
        self.term_starts = np.zeros(len(word_id), dtype=bool)  # first words of phrases that are no names
        self.term_starts[sorted(term_firsts)] = True

    def boost(self, slots: Sequence[_Slot], weight: float = PHRASE_WEIGHT, ocr: bool = False) -> int:
        """Add ``weight`` to every candidate that spells, with the candidates of its neighbours, a
        whole phrase; returns the number of phrase matches.

        In OCR text (``ocr``) one token of a phrase of at least ``OPEN_MIN_WORDS`` words may be a
        misreading no candidate explains ("Tubi" in "Tubi tho trung binh"): where the token is no
        syllable and its letters are within ``OPEN_EDITS`` edits of the phrase's word, that word
        becomes a candidate of its own, at ``OPEN_LOGP``. Phrases that follow one another count
        together for that length ("Bệnh viện" and "tuyến trung ương")."""
        options: dict[int, list[tuple[Key, int]]] = {}  # slot → its trie keys, made when first needed

        def keys_of(position: int) -> list[tuple[Key, int]]:
            if position not in options:
                options[position] = self._options(slots[position])
            return options[position]

        unread = [_unread(slot) if ocr else None for slot in slots]
        boosted: dict[tuple[int, int], float] = {}
        added: dict[tuple[int, int], float] = {}  # (slot, word id) → bonus, for words a phrase adds
        matches = 0
        for start in range(len(slots)):
            if unread[start] is None and not self._may_start(slots[start]):
                continue  # no phrase starts here
            # frontier: (trie node, [(slot, candidate position)] of the words taken so far, the word a
            # phrase put at an unread token as (slot, word id), if any)
            frontier: list[tuple[dict, list[tuple[int, int]], tuple[int, int] | None]] = [(self.root, [], None)]
            position = start
            while frontier and position < len(slots):
                advanced = []
                for node, taken, opened in frontier:
                    steps = [(key, choice, opened) for key, choice in keys_of(position)]
                    observed = unread[position]
                    if observed is not None and opened is None:
                        steps += [(key, -1, (position, key)) for key in self._fitting(node, observed)]
                    for key, choice, wild in steps:
                        child = node.get(key)
                        if child is None:
                            continue
                        path = [*taken, (position, choice)]
                        kind = child.get(_TERMINAL)
                        fits = kind is not None and _case_fits(kind, slots, start, position)
                        if fits and wild is not None and _word_count(path, slots) < OPEN_MIN_WORDS:
                            # too short to vouch for its unread word alone, a phrase may go on into
                            # another: "bệnh yién | tuyến trung ương" (bệnh viện tuyến trung ương)
                            advanced.append((self.root, path, wild))
                        elif fits:
                            matches += 1
                            bonus = weight * min(len(path) - 1, LONGEST_EVIDENCE)
                            for i, c in path:
                                if c >= 0 and boosted.get((i, c), 0.0) < bonus:
                                    boosted[(i, c)] = bonus
                            if wild is not None and added.get(wild, 0.0) < bonus:
                                added[wild] = bonus
                        advanced.append((child, path, wild))
                frontier = advanced
                position += 1
        for (i, c), bonus in boosted.items():
            slots[i].channel = slots[i].channel.copy()
            slots[i].channel[c] += bonus
        for (i, word), bonus in sorted(added.items()):
            slot = slots[i]
            if word not in slot.ids:
                slot.ids = np.append(slot.ids, word)
                slot.channel = np.append(slot.channel, OPEN_LOGP + bonus)
                slot.fixed = False
        return matches

    def _may_start(self, slot: _Slot) -> bool:
        """Whether a phrase may start at this slot: a candidate starts a term, or, capitalized, a name."""
        written = slot.like or slot.raw
        if not slot.free:
            return any(key in self.root for key, _ in self._options(slot))
        return bool((self.starts if written[:1].isupper() else self.term_starts)[slot.ids].any())

    def _options(self, slot: _Slot) -> list[tuple[Key, int]]:
        """What a slot can be, as trie keys: (word id, candidate position) of a free slot's candidates
        that some phrase holds, the number as written (position -1: nothing to boost) or the word
        itself of a fixed one."""
        if slot.free:
            return [(int(slot.ids[c]), int(c)) for c in np.flatnonzero(self.in_phrase[slot.ids])]
        written = slot.like or slot.raw
        if _is_number(written):
            return [(written, -1)]
        if is_unlisted_abbreviation(written):
            return [(ABBREVIATION, -1), (int(slot.ids[0]), -1)]
        return [(int(slot.ids[0]), -1)]

    def _fitting(self, node: dict, observed: str) -> list[int]:
        """Words that may follow ``node`` and that ``observed`` (an unread token) may stand for."""
        keys = self.first_words.get(observed[:1], ()) if node is self.root else node
        return [
            key
            for key in keys
            if isinstance(key, int)
            and key in self.shapes
            and Levenshtein.distance(self.shapes[key], observed) <= OPEN_EDITS
        ]


def _word_count(path: list[tuple[int, int]], slots: Sequence[_Slot]) -> int:
    return sum((slots[i].like or slots[i].raw)[:1].isalpha() for i, _ in path)


def _unread(slot: _Slot) -> str | None:
    """The letters of an OCR token no syllable spells ("tubi"), lower case without marks; else None."""
    observed = strip_diacritics((slot.like or slot.raw).lower())
    if not observed.isalpha() or observed in toneless_syllables():
        return None
    # a lone consonant is a syllable whose vowel the engine lost ("Phòng T chức cán bộ")
    return observed if len(observed) > 1 or observed not in "aeiouy" else None


def _case_fits(kind: str, slots: Sequence[_Slot], start: int, end: int) -> bool:
    if kind not in NAME_KINDS:
        return True
    words = [slots[i].like or slots[i].raw for i in range(start, end + 1)]
    return all(w[:1].isupper() for w in words if w[:1].isalpha())


PAIR_BATCH = 200_000  # candidate pairs looked up together (WordPairs.boost): about 15 MB of arrays


class WordPairs:
    """Two syllables that stand side by side in a dictionary word ("dạ dày", "tá tràng"), as sorted
    keys (first id << 32 | second id): the dictionary's evidence looked up for every pair of
    neighbouring slots at once, which a walk through a trie of 60,000 words would make slow."""

    def __init__(self, word_id: dict[str, int], words: Sequence[str]) -> None:
        keys: set[int] = set()
        for tokens in (v for word in words for v in spelling_variants(phrase_tokens(word))):
            ids = [word_id.get(token, -1) for token in tokens]
            keys.update((a << 32) | b for a, b in pairwise(ids) if a >= 0 and b >= 0)
        self.keys = np.array(sorted(keys), dtype=np.uint64)

    def boost(self, chunks: Sequence[Sequence[_Slot]], weight: float) -> int:
        """Add ``weight`` to both candidates of every pair of neighbouring slots of a chunk that a
        dictionary word holds (once, however many pairs a candidate is part of); returns the number
        of such pairs. Chunks are taken together, so the numpy work is shared, up to about
        ``PAIR_BATCH`` candidate pairs at a time: OCR slots have up to 24 candidates each, and a
        whole document's pairs at once would take hundreds of megabytes."""
        found = 0
        batch: list[Sequence[_Slot]] = []
        pairs = 0
        for chunk in chunks:
            batch.append(chunk)
            pairs += sum(len(a.ids) * len(b.ids) for a, b in pairwise(chunk))
            if pairs >= PAIR_BATCH:
                found += self._boost(batch, weight)
                batch, pairs = [], 0
        return found + (self._boost(batch, weight) if batch else 0)

    def _boost(self, chunks: Sequence[Sequence[_Slot]], weight: float) -> int:
        slots = [slot for chunk in chunks for slot in chunk]
        if len(slots) < 2 or not len(self.keys):
            return 0
        sizes = np.array([len(slot.ids) for slot in slots])
        flat = np.concatenate([slot.ids for slot in slots]).astype(np.uint64)
        offsets = np.cumsum(sizes) - sizes
        combos = sizes[:-1] * sizes[1:]  # candidate pairs of slots i and i + 1
        combos[np.cumsum([len(chunk) for chunk in chunks])[:-1] - 1] = 0  # none across chunks
        pair_of = np.repeat(np.arange(len(slots) - 1), combos)
        k = np.arange(int(combos.sum())) - np.repeat(np.cumsum(combos) - combos, combos)
        right_size = sizes[1:][pair_of]
        left = offsets[:-1][pair_of] + k // right_size
        right = offsets[1:][pair_of] + k % right_size
        keys = (flat[left] << np.uint64(32)) | flat[right]
        index = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        found = self.keys[index] == keys
        if not found.any():
            return 0
        bonus = np.zeros(len(flat))
        bonus[left[found]] = weight
        bonus[right[found]] = weight
        for j in np.unique(np.concatenate([pair_of[found], pair_of[found] + 1])):
            if sizes[j] > 1:  # a fixed slot has nothing to choose
                slots[j].channel = slots[j].channel + bonus[offsets[j] : offsets[j] + sizes[j]]
        return int(found.sum())
