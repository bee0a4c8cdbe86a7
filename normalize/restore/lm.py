"""The syllable n-gram language model: storage format and vectorized scoring.

The model is a backoff n-gram model over lower-cased tokens (syllables, punctuation, ``<num>``)
in ARPA semantics: for each order k, sorted n-gram keys (token ids packed 16 bits each into a
uint64), the log probability of the last token given the others, and the backoff weight of the
n-gram used as a context. Probabilities come from interpolated modified Kneser-Ney (train.py).

The file is a small container with no pickle: the magic bytes, a JSON header naming each array
(dtype, shape, offset) and the raw little-endian arrays, so that training writes the same bytes
every time and loading is one read plus ``numpy.frombuffer``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import regex

MAGIC = b"VNPLAN-LM1\n"
ALIGN = 16  # arrays start at aligned offsets, so numpy reads them in place
UNK, BOS, EOS, NUM = 0, 1, 2, 3
SPECIALS = ("<unk>", "<s>", "</s>", "<num>")
BITS = 16
MAX_VOCAB = 1 << BITS

# Tokens for the language model: runs of letters, numbers ("1.000.000", "2,5") and single
# punctuation characters, so that "18-NQ/TU" is 18 - NQ / TU and "huyện/thành" two words.
TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]|_")
# OCR text: letters and digits stay together ("s6" is one damaged "số").
# Symbols that OCR puts for a marked letter ("ti€u", "b¢" for bộ, "¢o" for có) stay in the word;
# alone, such a symbol is a word of its own ("¢ mức" for ở mức).
# Quote-like symbols (’ ` ´) and ° join a word only inside it, not at its edges.
# "@" is a marked ư or ơ ("nu@c" for nước, "ngu@i" for người; e-mail addresses are kept apart).
# "&" ends a word ("x&" for xã, "S&" for Sở) or sits between small letters ("m&i" for mới);
# between capitals it is "and" (GD&ĐT, R&D).
OCR_LETTER_SYMBOLS = "€¢©®§£¥@&"
_OCR_LETTER = r"(?:[€¢©®§£¥@]|(?<=\p{L})&(?!\p{L}))"
_OCR_SYMBOL = r"(?:[€¢©®°§£¥@´`’~^*|]|(?<=\p{Ll})&(?=\p{Ll}))"
OCR_TOKEN = regex.compile(rf"{_OCR_LETTER}*[^\W_]+(?:{_OCR_SYMBOL}+[^\W_]+)*{_OCR_LETTER}*|[^\w\s]|_")


def write_arrays(path: Path, arrays: dict[str, np.ndarray], meta: dict[str, object]) -> None:
    header: dict[str, object] = {"meta": meta, "arrays": {}}
    offset = 0
    blobs = []
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        header["arrays"][name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}  # type: ignore[index]
        blob = array.tobytes()
        blob += b"\0" * (-len(blob) % ALIGN)
        blobs.append(blob)
        offset += len(blob)
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    head += b" " * (-(len(MAGIC) + 8 + len(head)) % ALIGN)
    with path.open("wb") as handle:
        handle.write(MAGIC)
        handle.write(len(head).to_bytes(8, "little"))
        handle.write(head)
        for blob in blobs:
            handle.write(blob)


def read_arrays(path: Path) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    data = np.fromfile(path, dtype=np.uint8)
    if data[: len(MAGIC)].tobytes() != MAGIC:
        raise ValueError(f"{path} is not a vnplan model file")
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8].tobytes(), "little")
    start = len(MAGIC) + 8
    header = json.loads(data[start : start + size].tobytes().decode("utf-8"))
    base = start + size
    arrays = {}
    for name, spec in header["arrays"].items():
        dtype = np.dtype(spec["dtype"])
        count = int(np.prod(spec["shape"])) if spec["shape"] else 1
        offset = base + spec["offset"]
        arrays[name] = data[offset : offset + count * dtype.itemsize].view(dtype).reshape(spec["shape"])
    return arrays, header["meta"]


@dataclass
class NgramModel:
    vocab: list[str]
    keys: list[np.ndarray]  # keys[k-1]: sorted uint64 keys of order k
    logp: list[np.ndarray]  # natural log probabilities (float32 at run time)
    bow: list[np.ndarray]  # backoff weights (natural log) of orders 1..n-1
    # [id, 0]: log P(lower case | word) inside a sentence, [id, 1]: capitalized (stored in case.bin)
    case_logp: np.ndarray

    @property
    def order(self) -> int:
        return len(self.keys)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> NgramModel:
        vocab = bytes(arrays["vocab"]).decode("utf-8").split("\n")
        order = sum(1 for name in arrays if name.startswith("keys"))
        keys = [arrays[f"keys{k}"] for k in range(1, order + 1)]
        logp = [arrays[f"logp{k}"].astype(np.float32) for k in range(1, order + 1)]
        bow = [arrays[f"bow{k}"].astype(np.float32) for k in range(1, order)]
        return cls(vocab, keys, logp, bow, np.zeros((len(vocab), 2)))

    def to_arrays(self) -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = {"vocab": np.frombuffer("\n".join(self.vocab).encode("utf-8"), dtype=np.uint8)}
        for k in range(1, self.order + 1):
            arrays[f"keys{k}"] = self.keys[k - 1].astype("<u8")
            arrays[f"logp{k}"] = self.logp[k - 1].astype("<f2")
            if k < self.order:
                arrays[f"bow{k}"] = self.bow[k - 1].astype("<f2")
        return arrays

    def _find(self, k: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        table = self.keys[k - 1]
        # Sorted queries walk the table in order, which is kinder to the cache. Equal keys find the same
        # entry, so their order does not matter: quicksort, a quarter faster than a stable sort here.
        order = np.argsort(keys, kind="quicksort")
        index = np.empty(len(keys), dtype=np.int64)
        index[order] = np.searchsorted(table, keys[order])
        index = np.minimum(index, len(table) - 1)
        return index, table[index] == keys

    def context_backoffs(self, history: np.ndarray) -> np.ndarray:
        """Summed backoff weights: column j adds those of the contexts of j+1 … n-1 last history ids,
        which is what a word found only at order j+1 pays."""
        n = self.order
        history = history.astype(np.uint64)
        out = np.zeros((len(history), n - 1), dtype=np.float32)
        out[:, 0] = self.bow[0][history[:, -1].astype(np.int64)]
        ctx = history[:, -1]
        for j in range(1, n - 1):
            ctx = ctx | (history[:, -1 - j] << np.uint64(BITS * j))
            index, found = self._find(j + 1, ctx)
            out[:, j] = np.where(found, self.bow[j][index], 0.0)
        return np.cumsum(out[:, ::-1], axis=1)[:, ::-1]

    def score(self, history: np.ndarray, words: np.ndarray, backoffs: np.ndarray | None = None) -> np.ndarray:
        """log P(word | history) for rows of ``history`` (n-1 ids, oldest first) and ``words``.

        ``backoffs`` may hold ``context_backoffs(history)`` computed once for many words. An
        n-gram is looked up only where its (n-1)-gram suffix was found: pruning keeps suffixes.
        """
        n = self.order
        if backoffs is None:
            backoffs = self.context_backoffs(history)
        words = words.astype(np.uint64)
        history = history.astype(np.uint64)
        result = self.logp[0][words.astype(np.int64)] + backoffs[:, 0]
        rows = np.arange(len(words))
        key = words
        for k in range(2, n + 1):
            key = key | (history[rows, n - k] << np.uint64(BITS * (k - 1)))
            index, found = self._find(k, key)
            rows, index, key = rows[found], index[found], key[found]
            if not len(rows):
                break
            below = backoffs[rows, k - 1] if k < n else 0.0
            result[rows] = self.logp[k - 1][index] + below
        return result
