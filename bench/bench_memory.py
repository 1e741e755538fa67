"""Where the server's memory goes, page by page (not a test).

Run: ZONELENS_ARTICLES=DIR ZONELENS_CACHE=DIR .venv/bin/python bench/bench_memory.py [--trace] [--pages a,b]
     [--zones N]

In one process, as the server does: each page is opened with AppTest in a new session (the dataset is
loaded by the first, as the app's one cached loader does, and kept for the others), then the sidebar's
zone filter is set to its first zone; with `--zones N`, then N zones one after another on 区域画像 and
词语分析. After each step it prints the process's resident memory, its peak since the step before (VmHWM,
reset through /proc/self/clear_refs) and what the cached results of page computations hold
(ui.state.RESULTS); with `--trace` also the memory Python's allocator holds (tracemalloc: slower, and its
own records add to the resident memory), then the lines that hold the most at the end. The dataset should be built first
(`python -m lib build`).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = "overview,zones,initiatives,keywords,words,metrics,search,library"


def status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def held() -> str:
    """The size and number of the cached results of page computations (ui.state.RESULTS)."""
    results = getattr(sys.modules.get("ui.state"), "RESULTS", None)
    return f"  cached {results.nbytes / 2**20:5.1f} MB in {len(results)}" if results is not None else ""


def report(what: str, started: float | None, trace: bool) -> None:
    """One line of figures, then the peak is reset for the next step."""
    traced = ""
    if trace:
        now, peak = tracemalloc.get_traced_memory()
        traced = f"  traced {now / 1e6:7.1f} MB (peak {peak / 1e6:7.1f})"
        tracemalloc.reset_peak()
    took = f"  {time.perf_counter() - started:6.2f} s" if started else ""
    print(
        f"{what:<28} rss {status('VmRSS'):6.0f} MB  peak {status('VmHWM'):6.0f} MB{traced}{took}{held()}",
        flush=True,
    )
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trace", action="store_true", help="also tracemalloc's figures and top lines")
    ap.add_argument("--pages", default=PAGES)
    ap.add_argument(
        "--zones", type=int, default=0, help="then pick N zones one after another on 区域画像 and 词语分析"
    )
    args = ap.parse_args()
    from streamlit.testing.v1 import AppTest

    if args.trace:
        tracemalloc.start(1)
    report("imports", None, args.trace)
    first = tracemalloc.take_snapshot() if args.trace else None
    for page in args.pages.split(","):
        started = time.perf_counter()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.run()
        if page != "overview":
            at.switch_page(f"views/{page}.py")
            at.run()
        if page == "search":
            at.text_input(key="kw").set_value("党建")
            at.run()
        assert not at.exception, at.exception
        report(f"{page} first paint", started, args.trace)
        started = time.perf_counter()
        at.multiselect(key="zone").set_value([at.multiselect(key="zone").options[0]])
        at.run()
        assert not at.exception, at.exception
        report(f"{page} zone filter", started, args.trace)
        del at
        gc.collect()
    if args.zones:
        one_zone_after_another(AppTest, args.zones, args.trace)
    if first is not None:
        print("held at the end, by line:")
        for stat in tracemalloc.take_snapshot().compare_to(first, "lineno")[:20]:
            print("  ", stat)


def one_zone_after_another(app_test, n: int, trace: bool) -> None:
    """A session that looks at many zones in turn: each zone's profile and word views are new results."""
    for page in ("zones", "words"):
        started = time.perf_counter()
        at = app_test.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.run()
        at.switch_page(f"views/{page}.py")
        at.run()
        pick = at.selectbox(key="zone_a") if page == "zones" else at.multiselect(key="zone")
        for zone in pick.options[:n]:
            if page == "zones":  # its own choice of zone: the sidebar's only sets the first one shown
                at.selectbox(key="zone_a").set_value(zone)
            else:
                at.multiselect(key="zone").set_value([zone])
            at.run()
            assert not at.exception, at.exception
        report(f"{page}: {n} zones in turn", started, trace)
        del at
        gc.collect()


if __name__ == "__main__":
    main()
