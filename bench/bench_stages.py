"""Where the build's time goes, stage by stage (not a test). Run:
    .venv/bin/python bench/bench_stages.py [--mb 10] [--corpus DIR] [--profile OUT.prof]

In one process, without workers or cache, as a worker does it (`build.process_file` of every file, within
one `rulefiles.pinned()` like a build): the CPU seconds of decoding, the Traditional-script check, reading
the reports (lines, bylines, repair), each extractor, and inside them the zone choice, the themes and the
keyword filter; then the rows a worker stores in the per-file cache (JSON into SQLite). CPU time
(`time.process_time`), so that other work on a shared machine weighs less than on a wall clock. With
--profile, cProfile's statistics of the same loop are written too (slower; the shares above are then the
profile's).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_folder  # noqa: E402

from lib.core import rulefiles  # noqa: E402
from lib.dataset import build  # noqa: E402
from lib.extract import articles, context, registry  # noqa: E402
from lib.reading import decode  # noqa: E402
from lib.text import keywords  # noqa: E402

SECONDS: dict[str, float] = defaultdict(float)


def timed(label: str, fn):
    def wrapper(*args, **kwargs):
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[label] += time.process_time() - t0

    return wrapper


def instrument() -> None:
    """Timers around each stage (module attributes, looked up at call time by their callers)."""
    decode.decode_bytes = timed("decode", decode.decode_bytes)
    decode.is_traditional = timed("Traditional-script check", decode.is_traditional)
    build.read_articles = timed("reading: lines, bylines, repair", build.read_articles)
    for extractor in registry.extractors():
        cls = type(extractor)
        cls.extract = timed(f"extractor {cls.table}", cls.extract)
    articles.zone_choice.detect_zone = timed("  of which the zone choice", articles.zone_choice.detect_zone)
    context.themes.tag_themes = timed(
        "themes of paragraphs and sentences (inside the extractors)", context.themes.tag_themes
    )
    keywords.extract_terms = timed("  keyword filter: segmentation, tags, tests", keywords.extract_terms)


def _place(label: str, order: list[str]) -> tuple[int, int]:
    """Stages in the order they run, each part (indented) under the stage it is in; the themes, asked for
    by several extractors, last."""
    within = {"zone choice": "extractor articles", "keyword filter": "extractor paragraphs"}
    owner = next((stage for word, stage in within.items() if word in label), label)
    return (order.index(owner) if owner in order else len(order), label.startswith(" "))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus", type=Path, help="a corpus written before (else a varied one of --mb MB)")
    ap.add_argument("--profile", type=Path, help="also write cProfile statistics here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        corpus = corpus_folder(args.corpus, args.mb, Path(tmp_name))
        files = [(p.read_bytes(), p.name) for p in sorted(corpus.glob("*.txt"))]
    build.load_analysers()
    instrument()
    profile = cProfile.Profile() if args.profile else None
    rows = []
    t0 = time.process_time()
    with rulefiles.pinned(), build._fewer_collections():
        if profile:
            profile.enable()
        for data, name in files:
            try:
                rows.append(build.process_file(data, name=name))
            except Exception:  # noqa: BLE001 - a skipped file, as in a build
                pass
        if profile:
            profile.disable()
    total = time.process_time() - t0
    with tempfile.TemporaryDirectory() as cache:
        compact = [build.compact_rows(file_rows) for file_rows in rows]  # what a worker sends in any case
        t0 = time.process_time()
        for i, file_rows in enumerate(compact):
            build.store_rows(Path(cache), str(i), file_rows)
        SECONDS["(the per-file cache: JSON into SQLite, written by a worker)"] = time.process_time() - t0
        layout = build._table_columns()
        t0 = time.process_time()
        for i in range(len(compact)):
            build.cached_rows(Path(cache), str(i), layout)
        SECONDS["(the per-file cache: read back by a warm build)"] = time.process_time() - t0
    if profile:
        profile.dump_stats(args.profile)
    size = sum(len(d) for d, _ in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB; process_file of every file: {total:.2f} CPU s")
    order = ["decode", "Traditional-script check", "reading: lines, bylines, repair"]
    order += [f"extractor {e.table}" for e in registry.extractors()]
    for label, seconds in sorted(SECONDS.items(), key=lambda kv: _place(kv[0], order)):
        print(f"  {label:<52} {seconds:6.2f} s {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
