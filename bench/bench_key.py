"""The corpus key every page rerun computes (not a test). Run:
.venv/bin/python bench/bench_key.py [--mb 10 | --corpus DIR] [--runs 5]

On a varied corpus (bench/corpus.py) or a given folder of reports, in one run: the first call of
`store.current_key()` (every file read and hashed once), then the median of `--runs` warm calls (nothing
changed: the stamps of the files decide), and the median of the same number of calls to the per-file
listing a changed corpus takes (`store._current_key`, each file's cached digest looked up by its stamp)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_folder  # noqa: E402


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from lib import config
    from lib.dataset import store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = corpus_folder(args.corpus, args.mb, Path(tmp))
        config.ARTICLES_DIR, config.LIBRARY_DIR = corpus, Path(tmp) / "library"
        files = len(store.corpus_paths())
        first = timed(store.current_key)
        warm = [timed(store.current_key) for _ in range(args.runs)]
        fingerprint = store.rules_fingerprint()
        listed = [timed(lambda: store._current_key(fingerprint)) for _ in range(args.runs)]
    print(
        f"{files:,} files: first call {first:.3f} s; unchanged corpus, median of {args.runs}: "
        f"{statistics.median(warm):.3f} s; listing every file (a changed corpus): {statistics.median(listed):.3f} s"
    )


if __name__ == "__main__":
    main()
