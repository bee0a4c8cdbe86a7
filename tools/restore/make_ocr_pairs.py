"""Make OCR parallel data: render held-out vi-text lines to page images, OCR them with tesseract.

    python tools/restore/make_ocr_pairs.py --pages 200 --eval-pages 40 --lang eng
    python tools/restore/make_ocr_pairs.py --pages 100 --eval-pages 20 --lang vie

Each page is written as a JSON line {"page", "split", "lang", "font", …, "source": [...lines],
"ocr": text} to normalize/restore/data/ocr_<lang>.jsonl.gz. The text comes from the held-out 1%
of the corpus (never from the seeds, never from the language model's training lines); the lines
of evaluation pages are set apart first and never drawn for a training page. Training pages go
round their lines more than once when asked for more pages than the lines fill, each time in
another rendering. Pages vary font, size, blur and resolution so that the OCR damage is not that
of one rendering only; half of them are set in Times-like fonts (Liberation Serif, TeX Gyre
Termes), the face of most Vietnamese government documents, whose misreadings differ from
DejaVu's ("Iv" for lý, "kv" for kỹ). Tesseract runs one process per core with OMP_THREAD_LIMIT=1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from vnplan.normalize.restore.corpus import corpus_lines, default_corpus_dir

# Debian packages fonts-dejavu-core, fonts-liberation2 and fonts-texgyre (run.sh installs them).
FONTS = {
    "DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVuSerifCondensed": "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "LiberationSerif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "LiberationSerifBold": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "TeXGyreTermes": "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf",
}
TIMES_LIKE = ("LiberationSerif", "LiberationSerifBold", "TeXGyreTermes")
LINES_PER_PAGE = 40
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 2480, 3508, 200  # A4 at 300 dpi
OUT_DIR = Path(__file__).resolve().parents[2] / "normalize" / "restore" / "data"


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if font.getlength(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def render(
    lines: list[str], font_path: str, size: int, blur: float, scale: float = 1.0, threshold: int = 128
) -> tuple[Image.Image, list[str]]:
    """Draw the lines (wrapped) on an A4 page; ``scale`` < 1 imitates a low-resolution scan."""
    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (PAGE_WIDTH, PAGE_HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    drawn: list[str] = []
    step = int(size * 1.5)
    for paragraph in lines:
        wrapped = wrap(paragraph, font, PAGE_WIDTH - 2 * MARGIN)
        if y + step * len(wrapped) > PAGE_HEIGHT - MARGIN:
            break
        for row in wrapped:
            draw.text((MARGIN, y), row, font=font, fill=0)
            drawn.append(row)
            y += step
        y += step // 2
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if scale < 1.0:
        small = image.resize((int(PAGE_WIDTH * scale), int(PAGE_HEIGHT * scale)), Image.Resampling.BILINEAR)
        image = small.resize((PAGE_WIDTH, PAGE_HEIGHT), Image.Resampling.BILINEAR)
        image = image.point(lambda p: 255 if p > threshold else 0)
    return image, drawn


def ocr(image: Image.Image, lang: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        done = subprocess.run(
            ["tesseract", str(path), "-", "-l", lang, "--psm", "6"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="training pages")
    parser.add_argument("--eval-pages", type=int, default=40, help="evaluation pages (lines never in training)")
    parser.add_argument("--lang", default="eng")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=default_corpus_dir())
    args = parser.parse_args()

    pool = [line for line in corpus_lines(args.corpus, held_out=True) if 30 <= len(line) <= 400]
    rng = random.Random(f"{args.seed}-{args.lang}")
    rng.shuffle(pool)
    evaluation_lines = args.eval_pages * LINES_PER_PAGE
    if len(pool) <= evaluation_lines:
        parser.error(f"only {len(pool)} held-out lines: too few for {args.eval_pages} evaluation pages")
    pools = {"eval": pool[:evaluation_lines], "train": pool[evaluation_lines:]}
    dejavu = sorted(set(FONTS) - set(TIMES_LIKE))
    jobs = []
    cursor = {"train": 0, "eval": 0}
    for page in range(args.pages + args.eval_pages):
        split = "train" if page < args.pages else "eval"
        font = rng.choice(TIMES_LIKE if rng.random() < 0.5 else dejavu)
        size = rng.choice([38, 42, 46, 50])
        blur = rng.choice([0.0, 0.0, 0.6, 1.0])
        scale = rng.choice([1.0, 0.5, 0.45, 0.4, 0.35])
        threshold = rng.choice([110, 128, 145, 160])
        lines = pools[split]
        start = cursor[split] % len(lines)
        jobs.append((page, split, font, size, blur, scale, threshold, (lines + lines)[start : start + LINES_PER_PAGE]))
        cursor[split] += LINES_PER_PAGE

    def run(job: tuple[int, str, str, int, float, float, int, list[str]]) -> dict[str, object]:
        page, split, font, size, blur, scale, threshold, lines = job
        image, drawn = render(lines, FONTS[font], size, blur, scale, threshold)
        setting = {"split": split, "font": font, "size": size, "blur": blur, "scale": scale, "threshold": threshold}
        return {"page": page, "lang": args.lang, **setting, "source": drawn, "ocr": ocr(image, args.lang)}

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / f"ocr_{args.lang}.jsonl.gz"
    with ThreadPoolExecutor(args.jobs) as executor, gzip.GzipFile(out, "wb", mtime=0) as raw:
        for record in executor.map(run, jobs):
            raw.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"wrote {len(jobs)} pages ({args.pages} training, {args.eval_pages} evaluation) to {out}")


if __name__ == "__main__":
    main()
