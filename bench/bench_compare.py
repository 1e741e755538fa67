"""Benchmark of this checkout against another one (say the previous commit), in one run (not a test).

Run: git worktree add /tmp/base HEAD~1 && .venv/bin/python bench/bench_compare.py --base /tmp/base [--mb 10]

On one varied corpus of --mb MB (bench/corpus.py), alternating between the two checkouts so that machine
noise hits both alike:
1. `python -m lib build --corpus DIR` (the command line's full build, worker processes included), --reps
   times each, with the peak memory of the process tree;
2. the page reruns of bench/bench_pages.py (AppTest, zone filter changed back and forth) on the same corpus.
Both checkouts run with this environment's Python and packages. Prints medians and the ratio new / base.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages import PAGES  # noqa: E402
from bench_pages import run as page_reruns  # noqa: E402
from corpus import write_corpus  # noqa: E402

BUILD = r"""
import json, resource, runpy, sys, time
sys.argv = ["lib", "build", "--corpus", {corpus!r}]
t0 = time.perf_counter()
try:
    runpy.run_module("lib", run_name="__main__")
except SystemExit:
    pass
seconds = time.perf_counter() - t0
peak = lambda who: resource.getrusage(who).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak(resource.RUSAGE_SELF),
                  "workers_peak_mb": peak(resource.RUSAGE_CHILDREN)}}))
"""


def build_once(root: Path, corpus: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", BUILD.format(corpus=str(corpus))],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of HEAD~1)")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    trees = {"base": args.base.resolve(), "new": ROOT}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        size, n = write_corpus(tmp / "varied", args.mb)
        builds: dict[str, list[dict]] = {name: [] for name in trees}
        for _ in range(args.reps):
            for name, root in trees.items():
                builds[name].append(build_once(root, tmp / "varied"))
        shared = [p for p in PAGES if all((root / "views" / f"{p}.py").exists() for root in trees.values())]
        pages = {
            name: page_reruns(tmp / "varied", tmp / f"cache-{name}", args.runs, root=root, pages=shared)
            for name, root in trees.items()
        }
    print(
        f"varied corpus {size / 1e6:.1f} MB, {n} files; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    med = {name: statistics.median(b["seconds"] for b in runs) for name, runs in builds.items()}
    mem = {name: max(max(b["peak_mb"], b["workers_peak_mb"]) for b in runs) for name, runs in builds.items()}
    print(
        f"build (median of {args.reps}): base {med['base']:.2f} s, new {med['new']:.2f} s, "
        f"new/base {med['new'] / med['base']:.2f}; peak process {mem['base']:.0f} MB vs {mem['new']:.0f} MB"
    )
    print(f"page rerun after a zone-filter change, median of {args.runs} (ms): base / new / ratio")
    for page in shared:  # the pages both checkouts have
        b, n_ = (statistics.median(pages[name][page]) * 1000 for name in ("base", "new"))
        print(f"  {page:<12} {b:7.0f} {n_:7.0f} {n_ / b:6.2f}")


if __name__ == "__main__":
    main()
