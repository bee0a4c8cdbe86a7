"""Train the restorer's language model from vi-text: ``vnplan train-restorer``.

Counts 1- to 4-grams of lower-cased tokens over the training part of the corpus (all lines of
legal_phapdien, legal_laws_vlc and wiki_vi except the held-out 1%), estimates interpolated
modified Kneser-Ney probabilities with numpy, prunes rare 3- and 4-grams, and writes
``model/lm.bin``. Tone placement is normalized to vnplan's "hòa/khỏe/thủy" first. Every step
is deterministic, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from vnplan.normalize.restore.channel import Channel
from vnplan.normalize.restore.corpus import corpus_lines
from vnplan.normalize.restore.lm import BITS, BOS, EOS, MAX_VOCAB, NUM, SPECIALS, TOKEN, UNK, NgramModel, write_arrays
from vnplan.normalize.restore.text import case_class
from vnplan.normalize.syllables import syllables
from vnplan.normalize.unicode import placed_tone

DATA_DIR = Path(__file__).resolve().parent / "data"
ORDER = 4
MIN_WORD_COUNT = 3
# Minimum raw count to keep an n-gram of each order (non-decreasing, so contexts stay).
MIN_COUNT = (1, 2, 2, 3)


def _mask(k: int) -> np.uint64:
    return np.uint64((1 << (BITS * k)) - 1) if k < 4 else np.uint64(0xFFFFFFFFFFFFFFFF)


def build_vocab(tokens: Counter[str]) -> tuple[list[str], dict[str, int]]:
    """Vocabulary: the syllable inventory plus frequent letter tokens; every spelling → its id."""
    words: Counter[str] = Counter()
    for token, count in tokens.items():
        if any(c.isdigit() for c in token):
            continue
        words[placed_tone(token)] += count
    keep = {s for s in syllables() if placed_tone(s) == s}
    frequent = sorted((w for w, c in words.items() if c >= MIN_WORD_COUNT), key=lambda w: (-words[w], w))
    for word in frequent:
        if len(keep) >= MAX_VOCAB - len(SPECIALS):
            break
        keep.add(word)
    vocab = list(SPECIALS) + sorted(keep)
    index = {w: i for i, w in enumerate(vocab)}
    lookup: dict[str, int] = {}
    for token in tokens:
        if any(c.isdigit() for c in token):
            lookup[token] = NUM
        else:
            lookup[token] = index.get(placed_tone(token), UNK)
    return vocab, lookup


def ngram_keys(ids: np.ndarray, k: int) -> np.ndarray:
    """Keys of all order-k windows that do not cross a line end."""
    length = len(ids) - k + 1
    key = np.zeros(length, dtype=np.uint64)
    valid = np.ones(length, dtype=bool)
    for j in range(k):
        window = ids[j : j + length]
        key = (key << np.uint64(BITS)) | window
        if j < k - 1:
            valid &= window != EOS
    if k == 1:
        valid &= ids != BOS
    return key[valid]


def _discounts(counts: np.ndarray) -> np.ndarray:
    n = [int(np.sum(counts == c)) for c in (1, 2, 3, 4)]
    y = n[0] / (n[0] + 2 * n[1])
    return np.array([0.0, 1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2]])


def kneser_ney(ids: np.ndarray, vocab_size: int, log: Callable[[str], None]) -> NgramModel:
    raw_keys: list[np.ndarray] = []
    raw_counts: list[np.ndarray] = []
    for k in range(1, ORDER + 1):
        keys, counts = np.unique(ngram_keys(ids, k), return_counts=True)
        raw_keys.append(keys)
        raw_counts.append(counts)
        log(f"order {k}: {len(keys):,} n-grams")
    # Adjusted counts: continuation counts for lower orders, raw counts for <s>-initial n-grams.
    adjusted = [c.astype(np.int64) for c in raw_counts]
    for k in range(1, ORDER):
        suffix_keys, suffix_counts = np.unique(raw_keys[k] & _mask(k), return_counts=True)
        index = np.minimum(np.searchsorted(suffix_keys, raw_keys[k - 1]), len(suffix_keys) - 1)
        found = suffix_keys[index] == raw_keys[k - 1]
        first = raw_keys[k - 1] >> np.uint64(BITS * (k - 1))
        use = found & (first != BOS)
        adjusted[k - 1] = np.where(use, suffix_counts[index], raw_counts[k - 1]).astype(np.int64)

    logp: list[np.ndarray] = []
    gammas: list[tuple[np.ndarray, np.ndarray]] = []  # per order k≥2: (context keys, gamma)
    for k in range(1, ORDER + 1):
        a = adjusted[k - 1]
        d = _discounts(a)
        discount = d[np.minimum(a, 3)]
        if k == 1:
            total = a.sum()
            gamma0 = float(discount.sum() / total)
            p = (a - discount) / total
            full = np.full(vocab_size, gamma0 / vocab_size)
            full[raw_keys[0].astype(np.int64)] += p
            logp.append(np.log(full))
            continue
        ctx = raw_keys[k - 1] >> np.uint64(BITS)
        ctx_keys, start = np.unique(ctx, return_index=True)
        totals = np.add.reduceat(a, start)
        mass = np.add.reduceat(discount, start)
        gamma = mass / totals
        which = np.searchsorted(ctx_keys, ctx)
        lower_key = raw_keys[k - 1] & _mask(k - 1)
        if k == 2:
            lower = np.exp(logp[0][lower_key.astype(np.int64)])
        else:
            lower_index = np.searchsorted(raw_keys[k - 2], lower_key)
            lower = np.exp(logp[k - 2][lower_index])
        p = (a - discount) / totals[which] + gamma[which] * lower
        logp.append(np.log(p))
        gammas.append((ctx_keys, gamma))

    # Backoff weights of each order-k n-gram used as a context of order k+1.
    bows: list[np.ndarray] = []
    for k in range(1, ORDER):
        ctx_keys, gamma = gammas[k - 1]
        keys = raw_keys[0].astype(np.uint64) if k == 1 else raw_keys[k - 1]
        index = np.minimum(np.searchsorted(ctx_keys, keys), len(ctx_keys) - 1)
        found = ctx_keys[index] == keys
        bows.append(np.where(found, np.log(gamma[index]), 0.0))

    # Unigrams are stored densely (every vocabulary id); higher orders are pruned by raw count.
    keys_out = [np.arange(vocab_size, dtype=np.uint64)]
    logp_out = [logp[0]]
    bow_out = []
    dense_bow = np.zeros(vocab_size)
    dense_bow[raw_keys[0].astype(np.int64)] = bows[0]
    bow_out.append(dense_bow)
    for k in range(2, ORDER + 1):
        keep = raw_counts[k - 1] >= MIN_COUNT[k - 1]
        keys_out.append(raw_keys[k - 1][keep])
        logp_out.append(logp[k - 1][keep])
        if k < ORDER:
            bow_out.append(bows[k - 1][keep])
        log(f"order {k}: kept {int(keep.sum()):,}")
    return NgramModel([], keys_out, logp_out, bow_out, np.zeros((vocab_size, 2)))


def train_all(corpus_dir: Path, model_dir: Path, log: Callable[[str], None] = print) -> None:
    """Language model from the corpus, then the OCR channel from normalize/restore/data."""
    model = train(corpus_dir, model_dir / "lm.bin", log)
    channel = Channel.train(DATA_DIR, model.vocab)
    write_arrays(model_dir / "channel.bin", channel.to_arrays(), {"data": "ocr_eng, ocr_vie"})
    log(f"wrote {model_dir / 'channel.bin'}: {len(channel.table):,} observed tokens, {len(channel.rules)} edit rules")


def case_logp(body: np.ndarray, cased: np.ndarray, line_starts: np.ndarray, vocab_size: int) -> np.ndarray:
    """log P(lower case | word) and log P(capitalized | word) inside a sentence (after a word or a
    comma), where capitals mark names and institutions ("Sở Y tế") rather than sentence starts."""
    wordish = cased < 2
    mid = np.zeros(len(body), dtype=bool)
    mid[1:] = wordish[:-1] | (cased[:-1] == 3)
    mid[line_starts] = False
    lower = np.bincount(body[mid & (cased == 0)].astype(np.int64), minlength=vocab_size)
    upper = np.bincount(body[mid & (cased == 1)].astype(np.int64), minlength=vocab_size)
    p_upper = (upper + 0.5) / (upper + lower + 1.0)
    return np.log(np.stack([1 - p_upper, p_upper], axis=1))


def train(corpus_dir: Path, out: Path, log: Callable[[str], None] = print) -> NgramModel:
    """The language model (written to ``out``) with its casing table (written beside it, case.bin)."""
    started = time.monotonic()
    tokens: list[str] = []
    cased_tokens: list[str] = []  # the same tokens in their own case, where lower-casing kept them apart
    line_ends: list[int] = []
    for line in corpus_lines(corpus_dir):
        lowered = TOKEN.findall(line.lower())
        cased = TOKEN.findall(line)
        tokens.extend(lowered)
        cased_tokens.extend(cased if len(cased) == len(lowered) else [""] * len(lowered))
        line_ends.append(len(tokens))
    log(f"read {len(line_ends):,} lines, {len(tokens):,} tokens ({time.monotonic() - started:.0f} s)")
    counts = Counter(tokens)
    vocab, lookup = build_vocab(counts)
    log(f"vocabulary: {len(vocab):,} tokens")
    body = np.fromiter((lookup[t] for t in tokens), dtype=np.uint64, count=len(tokens))
    del tokens
    classes = {t: (3 if t == "," else case_class(t)) for t in set(cased_tokens)}
    cased = np.fromiter((classes[t] for t in cased_tokens), dtype=np.uint8, count=len(cased_tokens))
    del cased_tokens
    ends = np.asarray(line_ends, dtype=np.int64)
    starts = np.concatenate([[0], ends[:-1]])
    case = case_logp(body, cased, starts[starts < len(body)], len(vocab))
    # Interleave <s> … </s> around every line.
    ids = np.empty(len(body) + 2 * len(ends), dtype=np.uint64)
    position = np.arange(len(body)) + 2 * np.searchsorted(ends, np.arange(len(body)), side="right") + 1
    ids[position] = body
    ids[starts + 2 * np.arange(len(ends))] = BOS
    ids[ends + 2 * np.arange(len(ends)) + 1] = EOS
    model = kneser_ney(ids, len(vocab), log)
    model.vocab = vocab
    model.case_logp = case
    out.parent.mkdir(parents=True, exist_ok=True)
    write_arrays(out, model.to_arrays(), {"order": ORDER, "min_count": list(MIN_COUNT), "corpus": "vi-text"})
    write_arrays(out.with_name("case.bin"), {"case_logp": case.astype("<f2")}, {"context": "after a word or comma"})
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - started:.0f} s")
    return model
