"""Text that remembers where every character came from.

Normalization rewrites the raw text in several passes (Unicode, markup, layout, restoration).
Each pass is a list of non-overlapping edits; ``MappedText.apply`` returns the edited text with
two offset arrays that map every output character back to the raw input span it was made
from. ``raw_span`` turns any span of the final text into the exact raw span, which is what
``provenance.raw_text`` shows.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class RawRepair:
    """A repair recorded against the raw text, so later passes cannot lose track of it."""

    raw_start: int
    raw_end: int
    replacement: str
    method: str
    confidence: float = 1.0


@dataclass(frozen=True)
class MappedText:
    text: str
    raw_length: int
    starts: array  # starts[i]: raw offset where the raw source of text[i] begins
    ends: array  # ends[i]: raw offset where it ends (exclusive)

    @classmethod
    def identity(cls, raw: str) -> MappedText:
        n = len(raw)
        return cls(raw, n, array("q", range(n)), array("q", range(1, n + 1)))

    def __len__(self) -> int:
        return len(self.text)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that text[start:end] was made from."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """Apply non-overlapping edits (in any order) and carry the offset map along.

        A replacement of the same length as its source keeps a per-character map (so a
        one-letter fix still points at its own letter); any other replacement maps each of
        its characters to the whole source span.
        """
        ordered = sorted(edits)
        if not ordered:
            return self
        pieces: list[str] = []
        starts = array("q")
        ends = array("q")
        cursor = 0
        for edit in ordered:
            if edit.start < cursor or edit.end < edit.start or edit.end > len(self.text):
                raise ValueError(f"overlapping or invalid edit {edit}")
            pieces.append(self.text[cursor : edit.start])
            starts.extend(self.starts[cursor : edit.start])
            ends.extend(self.ends[cursor : edit.start])
            n = len(edit.replacement)
            pieces.append(edit.replacement)
            if n == edit.end - edit.start:
                starts.extend(self.starts[edit.start : edit.end])
                ends.extend(self.ends[edit.start : edit.end])
            elif n:
                raw_start, raw_end = self.raw_span(edit.start, edit.end)
                starts.extend([raw_start] * n)
                ends.extend([raw_end] * n)
            cursor = edit.end
        pieces.append(self.text[cursor:])
        starts.extend(self.starts[cursor:])
        ends.extend(self.ends[cursor:])
        return MappedText("".join(pieces), self.raw_length, starts, ends)

    def sub(self, pattern: regex.Pattern[str], replace) -> tuple[MappedText, list[tuple[Edit, str]]]:
        """Regex substitution with a map. ``replace`` takes a match and returns the new string.

        Returns the new text and the edits made, each with the text it replaced.
        """
        edits = []
        for match in pattern.finditer(self.text):
            new = replace(match)
            if new != match.group(0):
                edits.append((Edit(match.start(), match.end(), new), match.group(0)))
        return self.apply(e for e, _ in edits), edits

    def sub_recorded(
        self, pattern: regex.Pattern[str], replace, method: str, log: list[RawRepair], confidence: float = 1.0
    ) -> MappedText:
        """``sub`` that appends every change to ``log`` in raw coordinates."""
        new, edits = self.sub(pattern, replace)
        for edit, _old in edits:
            raw_start, raw_end = self.raw_span(edit.start, edit.end)
            log.append(RawRepair(raw_start, raw_end, edit.replacement, method, confidence))
        return new

    def final_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """The span of this text made from raw[raw_start:raw_end] (offsets are non-decreasing)."""
        return bisect.bisect_left(self.starts, raw_start), bisect.bisect_left(self.starts, raw_end)

    def lines(self) -> Iterator[tuple[int, int]]:
        """(start, end) of every line, without its newline."""
        start = 0
        text = self.text
        while start <= len(text):
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            yield start, end
            start = end + 1
