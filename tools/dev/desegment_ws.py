"""Undo the word segmentation of NguyenQuocBao97/multiclass-text-classification's *.txt.ws copies:
syllables joined by "_" are split again and the space the tokenizer put around punctuation is removed.
Nothing else is changed (letter case, words, numbers and line breaks stay as stored)."""

import re
import sys


def desegment(text: str) -> str:
    out = []
    for line in text.splitlines():
        line = line.replace("_", " ")
        line = re.sub(r"\s+([,.;:)?!%‰])", r"\1", line)
        line = re.sub(r"\(\s+", "(", line)
        line = re.sub(r"(?<=[%‰])\s*/\s*(?=\w)", "/", line)
        line = re.sub(r"(?<=\S)\s+/\s+(?=\S)", "/", line)
        line = re.sub(r"[ \t]+", " ", line).strip()
        # the copy wrote a roman item number in title case ("Ii.", "Iv."): upper case again
        line = re.sub(r"^([IVX][ivx]+)\.(?=\s)", lambda m: m.group(1).upper() + ".", line)
        out.append(line)
    # the segmenter's sentence splitter put a bare item marker ("1 .", "A .", "I .") on a line of its own:
    # it is joined again with the line it numbers
    joined = []
    for line in out:
        if joined and re.fullmatch(r"(?:[A-Z]|[IVX]+|\d{1,2})\.", joined[-1]):
            joined[-1] = joined[-1] + " " + line
        else:
            joined.append(line)
    return "\n".join(joined) + "\n"


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    with open(dst, "w", encoding="utf-8") as f:
        f.write(desegment(text))
