"""Benchmark: does one user's upload slow another user's page? (not a test)

Run: .venv/bin/python bench/bench_upload_isolation.py [--upload-mb 4] [--runs 9]

In one process, as the Streamlit server runs sessions in threads of one process: the 总览 page is rerun
with AppTest (sidebar zone filter changed back and forth) and each rerun timed
1. alone;
2. while another thread analyses a varied upload of --upload-mb MB in that same thread, as the 语料管理
   page did before (lib.explore.preview._preview_upload_here);
3. while another thread waits for the same upload analysed in the budget's worker process, as the page
   does now (lib.explore.preview.preview_upload).
Medians and their ratio to the page alone are printed, all from one run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def upload_text(mb: float) -> bytes:
    """One report-like text of about `mb` MB, varied throughout (bench/corpus.py), no two parts alike."""
    from corpus import sources, vary

    rng, texts, size = random.Random(11), sources(), 0
    parts = []
    while size < mb * 1024 * 1024:
        part = vary(texts[len(parts) % len(texts)], rng)
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "\n\n".join(parts).encode("utf-8")


def rerun_times(at, zones: list[str], *, runs: int, until: threading.Thread | None = None) -> list[float]:
    """Times of page reruns: `runs` of them, or while `until` is alive (at least 3)."""
    times: list[float] = []
    while (until is None and len(times) < runs) or (
        until is not None and (until.is_alive() or len(times) < 3)
    ):
        i = len(times)
        at.multiselect(key="zone").set_value([zones[i % len(zones)]] if i % 2 == 0 else [])
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
        if until is not None and len(times) >= runs * 4:
            break
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--upload-mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()

    from streamlit.testing.v1 import AppTest

    from lib import dataset
    from lib.core import budget
    from lib.explore import preview

    dataset.load_dataset()
    data = upload_text(args.upload_mb)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("views/overview.py")
    at.run()
    zones = list(at.multiselect(key="zone").options)
    rerun_times(at, zones, runs=3)  # warm
    preview.preview_upload(
        "warm.txt", "# 某某高新区党建\n\n园区新建党组织12个。\n".encode()
    )  # start the worker

    results: dict[str, tuple[list[float], float]] = {}
    for label, work in (
        ("page alone", None),
        ("upload analysed in the server's thread (before)", preview._preview_upload_here),
        ("upload analysed in the worker process (now)", preview.preview_upload),
    ):
        if work is None:
            results[label] = (rerun_times(at, zones, runs=args.runs), 0.0)
            continue
        done: dict[str, float] = {}

        def analyse(work=work, done=done) -> None:
            t0 = time.perf_counter()
            work("upload.txt", data)
            done["seconds"] = time.perf_counter() - t0

        thread = threading.Thread(target=analyse)
        thread.start()
        times = rerun_times(at, zones, runs=args.runs, until=thread)
        thread.join()
        results[label] = (times, done["seconds"])
    budget.shutdown()

    alone = statistics.median(results["page alone"][0])
    print(f"upload: {len(data) / 1024 / 1024:.1f} MB varied text; page: 总览, zone filter toggled")
    print(f"{'condition':52} {'reruns':>6} {'median s':>9} {'ratio':>6} {'upload s':>9}")
    for label, (times, seconds) in results.items():
        median = statistics.median(times)
        upload = f"{seconds:9.2f}" if seconds else f"{'':9}"
        print(f"{label:52} {len(times):6d} {median:9.3f} {median / alone:6.2f} {upload}")


if __name__ == "__main__":
    main()
