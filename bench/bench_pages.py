"""Benchmark of page reruns after a filter change (not a test).

Run: .venv/bin/python bench/bench_pages.py [--mb 10 | --corpus DIR [--cache DIR]] [--runs 7] [--base DIR]

For every page, on the real corpus and on a varied corpus of --mb MB (bench/corpus.py: no two files
alike), it opens the page with Streamlit's AppTest, then changes the sidebar's zone filter
back and forth and times each rerun. The dataset is built before timing starts (its build is measured
by bench_build.py). Medians are printed per page and corpus, so ratios come from one run. `--cache` reuses
a cache folder for the large corpus (a 100 MB build takes minutes); `--base` also measures another
checkout (e.g. a `git archive` of the branch's start) on the large corpus in the same run, base first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAGES = ["overview", "zones", "initiatives", "keywords", "words", "metrics", "search", "library"]

CHILD = r"""
import json, os, statistics, sys, time
sys.path.insert(0, {root!r})
os.chdir({root!r})
from streamlit.testing.v1 import AppTest
from lib import dataset
dataset.load_dataset()  # build outside the timing
results = {{}}
for page in {pages!r}:
    at = AppTest.from_file("app.py", default_timeout=600)
    at.run()
    at.switch_page("views/" + page + ".py")
    at.run()
    zones = list(at.multiselect(key="zone").options)
    times = []
    for i in range({runs}):
        at.multiselect(key="zone").set_value([zones[i % len(zones)]] if i % 2 == 0 else [])
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
    results[page] = times
print(json.dumps(results))
"""


def run(
    corpus: Path, cache: Path, runs: int, *, root: Path = ROOT, pages: list[str] = PAGES
) -> dict[str, list[float]]:
    """Rerun times per page of the app in `root` (another checkout can be measured the same way)."""
    env = {
        **os.environ,
        "ZONELENS_ARTICLES": str(corpus),
        "ZONELENS_CACHE": str(cache),
        "ZONELENS_LIBRARY": str(cache / "library"),
    }
    code = CHILD.format(root=str(root), pages=pages, runs=runs)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=root)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from corpus import write_corpus

    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="an existing folder of reports instead of --mb")
    ap.add_argument(
        "--cache", type=Path, help="a cache folder for the large corpus, kept (default: a fresh one)"
    )
    ap.add_argument("--base", type=Path, help="another checkout to measure on the large corpus as well")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        scaled = args.corpus.resolve() if args.corpus else tmp / "varied"
        if args.corpus:
            size = sum(p.stat().st_size for p in scaled.glob("*.txt"))
        else:
            size, _ = write_corpus(scaled, args.mb)
        t0 = time.perf_counter()
        real = run(ROOT / "data" / "articles", tmp / "cache-real", args.runs)
        cache = args.cache.resolve() if args.cache else tmp / "cache-scaled"
        base = run(scaled, cache, args.runs, root=args.base.resolve()) if args.base else None
        big = run(scaled, cache, args.runs)
        total = time.perf_counter() - t0
    print(
        f"rerun after a zone-filter change: median and slowest of {args.runs} (AppTest, {os.cpu_count()} cores);"
    )
    print("the slowest is a filter value seen for the first time (nothing cached for it yet)")
    big_name = f"{size / 1e6:.0f} MB corpus"
    names = ["real corpus", *([f"{big_name}, base"] if base else []), big_name]
    print(f"{'page':<12} " + " ".join(f"{n:>24}" for n in names))
    for page in PAGES:
        cells = [
            f"{statistics.median(t) * 1000:>7.0f} ms / {max(t) * 1000:>6.0f} ms"
            for t in (real[page], *([base[page]] if base else []), big[page])
        ]
        print(f"{page:<12} " + " ".join(f"{c:>24}" for c in cells))
    print(f"(whole benchmark {total:.0f} s; load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
