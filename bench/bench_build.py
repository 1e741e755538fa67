"""Benchmark of the dataset build (not a test). Run: .venv/bin/python bench/bench_build.py [--mb 10]
[--corpus DIR] (a corpus written before with bench/corpus.py, e.g. the 100 MB one of docs/BENCHMARKS.md)

Measures, in one run so that ratios are comparable on a noisy machine, on a varied corpus of --mb MB
(bench/corpus.py: no two files alike):
1. bare segmentation (rjieba.cut over the whole text);
2. the full build of that corpus from an empty cache, in a fresh process, with its peak memory (and the
   largest worker process's), the CPU seconds of the build process and of its workers, and the part of
   its time spent loading rules and dictionaries;
3. the same build again with the per-file cache warm (how many files' rows it found there, and a warning
   when a rule, lexicon or code file changed during the run: then every cache key changed);
4. on the real corpus: a cold build, a reload with nothing changed, and a reload after editing one article
   (counting how many files were re-processed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_folder  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from lib import config
config.CACHE_DIR = Path({cache!r})
config.LIBRARY_DIR = Path({library!r})
from lib.dataset import build, filecache, store
paths = sorted(Path({corpus!r}).glob("*.txt"))
fingerprint = store.rules_fingerprint()
known = filecache.keys(config.CACHE_DIR)
def in_cache(p):  # whether the per-file cache holds this file's rows (outside the timed build)
    return store.read_article(p, origin=store.origin(p), fingerprint=fingerprint)[1] in known
cached = sum(map(in_cache, paths))
filecache.close_all()
t0 = time.perf_counter()
if {preload!r}:
    build.load_analysers()  # what a cold build loads first anyway; timed apart
t_load = time.perf_counter() - t0
ds = build.build_dataset(paths, cache_dir=config.CACHE_DIR)
t = time.perf_counter() - t0
peak = lambda who: resource.getrusage(who).ru_maxrss / 1024
def own_peak():  # VmHWM starts afresh at exec; ru_maxrss keeps the forking parent's peak (the rjieba step)
    try:
        line = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return peak(resource.RUSAGE_SELF)
cpu = lambda who: resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
print(json.dumps({{"seconds": t, "load_seconds": t_load, "peak_mb": own_peak(),
                  "cpu_s": cpu(resource.RUSAGE_SELF), "workers_cpu_s": cpu(resource.RUSAGE_CHILDREN),
                  "workers_peak_mb": peak(resource.RUSAGE_CHILDREN),
                  "articles": len(ds.articles), "metrics": len(ds.metrics), "skipped": len(ds.skipped),
                  "files": len(paths), "cached_files": cached, "fingerprint": fingerprint,
                  "fingerprint_after": store.rules_fingerprint()}}))
"""


def run_child(corpus: Path, cache: Path, *, preload: bool) -> dict:
    code = CHILD.format(
        root=str(ROOT),
        cache=str(cache),
        library=str(cache / "empty-library"),
        corpus=str(corpus),
        preload=preload,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bare_segmentation(corpus: Path) -> float:
    import rjieba

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    rjieba.cut("预热")
    t0 = time.perf_counter()
    rjieba.cut(text)
    return time.perf_counter() - t0


def real_corpus_reloads(tmp: Path) -> dict:
    from lib import config
    from lib.dataset import build, store

    corpus = tmp / "real"
    shutil.copytree(ROOT / "data" / "articles", corpus)
    config.ARTICLES_DIR, config.CACHE_DIR, config.LIBRARY_DIR = corpus, tmp / "cache-real", tmp / "lib-real"
    calls = {"n": 0}
    original = build.process_file

    def counting(*a, **kw):
        calls["n"] += 1
        return original(*a, **kw)

    build.process_file = counting
    t0 = time.perf_counter()
    store.load_dataset()
    cold = time.perf_counter() - t0
    reloads = []
    for _ in range(5):
        t0 = time.perf_counter()
        store.load_dataset()
        reloads.append(time.perf_counter() - t0)
    calls["n"] = 0
    victim = sorted(corpus.glob("*.txt"))[2]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\n\n新增一段，用于测试增量构建。\n", encoding="utf-8"
    )
    t0 = time.perf_counter()
    store.load_dataset()
    edited = time.perf_counter() - t0
    build.process_file = original
    return {
        "cold_s": cold,
        "unchanged_median_s": sorted(reloads)[len(reloads) // 2],
        "edit_one_s": edited,
        "files_reprocessed_after_edit": calls["n"],
        "files": len(list(corpus.glob("*.txt"))),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus", type=Path, help="a varied corpus written before (else one of --mb MB)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = corpus_folder(args.corpus, args.mb, tmp)
        files = sorted(corpus.glob("*.txt"))
        size, n_files = sum(p.stat().st_size for p in files), len(files)
        seg = bare_segmentation(corpus)
        built = run_child(corpus, tmp / "cache-varied", preload=True)
        rebuilt = run_child(corpus, tmp / "cache-varied", preload=False)  # same cache: nothing changed
        real = real_corpus_reloads(tmp)
    print(
        f"varied corpus: {size / 1e6:.1f} MB in {n_files} files ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})"
    )
    print(f"bare segmentation (rjieba.cut):   {seg:8.2f} s")
    print(
        f"full build, empty cache:          {built['seconds']:8.2f} s  = {built['seconds'] / seg:.1f}x bare segmentation"
        f"  peak memory {built['peak_mb']:.0f} MB, largest worker {built['workers_peak_mb']:.0f} MB"
        f"  ({built['articles']} articles, {built['metrics']} metrics)"
    )
    print(f"  CPU: build process {built['cpu_s']:.2f} s, workers {built['workers_cpu_s']:.2f} s")
    analysis = built["seconds"] - built["load_seconds"]
    print(
        f"  of which loading rules, dictionaries {built['load_seconds']:5.2f} s; analysis {analysis:.2f} s"
        f" = {analysis / seg:.1f}x bare segmentation"
    )
    print(
        f"build again, per-file cache warm: {rebuilt['seconds']:8.2f} s  peak memory {rebuilt['peak_mb']:.0f} MB"
        f"  ({rebuilt['cached_files']} of {rebuilt['files']} files' rows in the cache; workers' CPU"
        f" {rebuilt['workers_cpu_s']:.2f} s)"
    )
    changed = {built["fingerprint"], built["fingerprint_after"], rebuilt["fingerprint"]}
    if len(changed) > 1:  # the cache key holds every rule, lexicon and code file: an edit misses it all
        print(
            "  NOT A WARM FIGURE: a rule, lexicon or code file under lib/ or data/ changed during the run"
            " (an edit in this checkout), so the second build found other cache keys"
        )
    print(
        f"real corpus ({real['files']} files): cold load {real['cold_s']:.2f} s, unchanged reload median "
        f"{real['unchanged_median_s'] * 1000:.0f} ms, after editing one article {real['edit_one_s']:.2f} s "
        f"re-processing {real['files_reprocessed_after_edit']} file(s)"
    )


if __name__ == "__main__":
    main()
