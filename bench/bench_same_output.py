"""Whether this checkout builds the same dataset as another one (not a test; a check for a change meant to
leave the output alone, such as a speed-up). Run:
    git worktree add /tmp/base main   # or: git archive main | tar -x -C /tmp/base
    .venv/bin/python bench/bench_same_output.py --base /tmp/base [--corpus DIR ...] [--mb 10]

Each checkout builds the dataset of each corpus (`build.build_dataset`, no cache, this environment's Python
and packages, an empty library) in a process of its own; every table is then compared with pandas'
`assert_frame_equal` (columns, values, dtypes, index), and the skipped files too. The corpora: the shipped
articles, the evaluation reports, each --corpus folder, and a varied corpus of --mb MB (0: none).
Exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402

BUILD = r"""
import pickle, sys, time
from pathlib import Path
from lib.dataset import build
paths = sorted(p for p in Path({corpus!r}).iterdir() if p.suffix in (".txt", ".md"))
t0 = time.perf_counter()
ds = build.build_dataset(paths)
seconds = time.perf_counter() - t0
with open({out!r}, "wb") as fh:
    pickle.dump({{"tables": ds.tables, "skipped": ds.skipped, "seconds": seconds}}, fh)
"""


def build_in(root: Path, corpus: Path, out: Path, library: Path) -> dict:
    """The dataset of the corpus as the checkout at `root` builds it (tables, skipped, seconds)."""
    env = {**os.environ, "PYTHONPATH": str(root), "ZONELENS_LIBRARY": str(library)}
    code = BUILD.format(corpus=str(corpus), out=str(out))
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{root}: {done.stderr[-3000:]}")
    with open(out, "rb") as fh:
        return pickle.load(fh)


def differences(base: dict, new: dict) -> list[str]:
    """What differs between two built datasets, table by table (empty when they are the same)."""
    found = []
    if base["skipped"] != new["skipped"]:
        found.append(f"skipped: {base['skipped'][:3]} … vs {new['skipped'][:3]} …")
    if set(base["tables"]) != set(new["tables"]):
        found.append(f"tables: {sorted(base['tables'])} vs {sorted(new['tables'])}")
    for name in sorted(set(base["tables"]) & set(new["tables"])):
        try:
            pd.testing.assert_frame_equal(base["tables"][name], new["tables"][name], check_exact=True)
        except AssertionError as err:
            found.append(f"table {name}: {str(err)[:1500]}")
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, required=True, help="the other checkout")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="a folder of articles")
    ap.add_argument("--mb", type=float, default=0.0, help="also a varied corpus of this size (0: none)")
    args = ap.parse_args()
    trees = {"base": args.base.resolve(), "new": ROOT}
    failed = False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpora = [ROOT / "data" / "articles", ROOT / "data" / "eval" / "reports", *args.corpus]
        if args.mb:
            write_corpus(tmp / "varied", args.mb)
            corpora.append(tmp / "varied")
        for n, corpus in enumerate(corpora):
            built = {}
            for name, root in trees.items():
                t0 = time.perf_counter()
                built[name] = build_in(root, corpus.resolve(), tmp / f"{name}-{n}.pkl", tmp / "library")
                built[name]["wall"] = time.perf_counter() - t0
            rows = {t: len(df) for t, df in built["new"]["tables"].items()}
            found = differences(built["base"], built["new"])
            failed = failed or bool(found)
            print(
                f"{corpus}: {'DIFFERENT' if found else 'identical'} ({rows}); build base "
                f"{built['base']['seconds']:.2f} s, new {built['new']['seconds']:.2f} s"
            )
            for line in found:
                print("  " + line)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
