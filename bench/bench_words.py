"""The word pages' first computation for a filter, over a whole corpus (not a test). Run:
.venv/bin/python bench/bench_words.py [--mb 10 | --corpus DIR [--cache DIR]]

Builds the dataset of a varied corpus (bench/corpus.py) or of a given folder (per-file cache in a temporary
folder), then times, in one run, each computation 关键词云 and 词语分析 make for a filter seen the first time:
on the whole corpus, and on its largest zone."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_folder  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--cache", type=Path, help="a per-file cache to reuse (default: a fresh one)")
    args = ap.parse_args()
    from lib.dataset import build
    from lib.explore import compare, groups, words
    from lib.explore.filters import Filters

    with tempfile.TemporaryDirectory() as tmp:
        corpus = corpus_folder(args.corpus, args.mb, Path(tmp))
        ds = build.build_dataset(sorted(corpus.glob("*.txt")), cache_dir=args.cache or Path(tmp) / "cache")
    zone = ds.articles.loc[ds.articles["zone"] != "", "zone"].value_counts().index[0]
    ex = tuple(ds.zones)
    steps = {
        "term_table (count)": lambda f: compare.term_table(ds, f, "count", 30, ex),
        "term_table (g2)": lambda f: compare.term_table(ds, f, "g2", 30, ex),
        "cloud_terms": lambda f: compare.cloud_terms(ds, f, 150, ex),
        "distinctive_groups": lambda f: compare.distinctive_groups(ds, f, "zone", ex),
        "filtered_network": lambda f: words.filtered_network(ds, f, 60, 80, ex),
        "filtered_group_terms": lambda f: groups.filtered_group_terms(ds, f, "zone", 10, ex),
        "filtered_correspondence": lambda f: groups.filtered_correspondence(ds, f, "zone", 40, ex),
        "filtered_phrases": lambda f: words.filtered_phrases(ds, f, 100),
        "filtered_collocates": lambda f: words.filtered_collocates(ds, f, "党建", 5),
    }
    print(f"{len(ds.articles):,} reports, {len(ds.paragraphs):,} paragraphs; largest zone {zone}")
    print(f"{'computation':<26} {'whole corpus':>13} {'one zone':>10}")
    for name, fn in steps.items():
        times = []
        for f in (Filters(), Filters(zones=(zone,))):
            t0 = time.perf_counter()
            fn(f)
            times.append(time.perf_counter() - t0)
        print(f"{name:<26} {times[0]:>11.2f} s {times[1]:>8.2f} s")


if __name__ == "__main__":
    main()
