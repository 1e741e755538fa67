"""Benchmark of segmentation (not a test). Run: .venv/bin/python bench/bench_segment.py [--mb 10]

Cuts a varied corpus of about --mb MB (bench/corpus.py: no two files alike; spaces inside Chinese
removed), paragraph by paragraph, with the same lexicon dictionary in each cutter, and prints the time of:
1. jieba (pure Python) cut;
2. rjieba (Rust) cut;
3. lib.segment.tokenize (rjieba between protected spans), without and with extra words;
4. lib.keywords.extract_terms (POS-tagged segmentation + keyword filter).
All run in one process, one after the other, so that the ratios are comparable on a noisy machine.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import jieba  # noqa: E402
import rjieba  # noqa: E402

from lib.core.chars import CJK  # noqa: E402
from lib.text import keywords, lexicon, segment  # noqa: E402

RE_SPACE_IN_CJK = re.compile(f"(?<=[{CJK}])[ \t]+(?=[{CJK}])")
EXTRA_WORDS = ("昆山高新区", "苏州工业园区", "嘉兴高新区", "贵阳高新区", "沪士电子", "中科可控")


def corpus_paragraphs(mb: float) -> list[str]:
    from corpus import write_corpus

    paragraphs = []
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), mb)
        for path in sorted(Path(tmp).glob("*.txt")):
            text = RE_SPACE_IN_CJK.sub("", path.read_text(encoding="utf-8"))
            paragraphs += [line.strip() for line in text.splitlines() if line.strip()]
    return paragraphs


def timed(label: str, cut: Callable[[str], list], paragraphs: list[str], megabytes: float) -> float:
    t0 = time.perf_counter()
    tokens = sum(len(cut(p)) for p in paragraphs)
    seconds = time.perf_counter() - t0
    print(f"{label:<36} {seconds:8.2f} s  {megabytes / seconds:7.2f} MB/s  {tokens:>10,} tokens")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = parser.parse_args()

    paragraphs = corpus_paragraphs(args.mb)
    megabytes = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
    print(
        f"corpus: {megabytes:.1f} MB, {sum(map(len, paragraphs)):,} characters, {len(paragraphs):,} paragraphs"
    )

    entries = segment.dictionary_entries(lexicon.load_terms(), tag="dt")
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    fast = rjieba.Jieba()
    with tempfile.TemporaryDirectory(prefix="jieba-") as tmp:
        reference.tmp_dir = tmp  # jieba's dictionary cache, not left in /tmp
        for word, freq, pos in entries:
            reference.add_word(word, freq, pos)
    for word, freq, pos in entries:
        fast.add_word(word, freq, pos)
    segment.tokenize("预热")  # build the module's segmenter outside the timings

    t_jieba = timed("jieba cut", lambda p: list(reference.cut(p)), paragraphs, megabytes)
    t_rjieba = timed("rjieba cut", lambda p: fast.cut(p), paragraphs, megabytes)
    cutter = segment.segmenter()
    t_tokenize = timed("Segmenter.cut", cutter.cut, paragraphs, megabytes)
    t_extra = timed(
        "Segmenter.cut + 6 extra words",
        lambda p: cutter.cut(p, extra_words=EXTRA_WORDS),
        paragraphs,
        megabytes,
    )
    settings, seg = keywords.keyword_settings(), segment.segmenter()
    t_terms = timed(
        "keywords.extract_terms",
        lambda p: keywords.extract_terms(p, settings=settings, segmenter=seg),
        paragraphs,
        megabytes,
    )
    print(f"jieba / rjieba:            {t_jieba / t_rjieba:5.1f}x")
    print(f"jieba / tokenize:          {t_jieba / t_tokenize:5.1f}x")
    print(f"tokenize / rjieba:         {t_tokenize / t_rjieba:5.2f}x")
    print(f"tokenize+extra / rjieba:   {t_extra / t_rjieba:5.2f}x")
    print(f"extract_terms / tokenize:  {t_terms / t_tokenize:5.2f}x")


if __name__ == "__main__":
    main()
