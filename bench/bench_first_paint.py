"""First paint of every page for a new browser session, in headless Chromium (not a test).

Run: .venv/bin/python bench/bench_first_paint.py [--mb 0] [--sessions 3]

1. Builds the dataset of the corpus (the shipped reports, or with --mb a varied corpus of that size from
   bench/corpus.py) into a fresh cache, so the server starts with a built cache.
2. Starts `streamlit run app.py` and measures the time from the start to the overview's first numbers
   (the 篇 of its article count) in a new tab.
3. For each page, opens it in `--sessions` new browser contexts (each a new Streamlit session on the
   warm server) and measures the time from the request to the page's heading, and to the end of the
   script run (no running indicator for a second), and the bytes the server sent over the page's
   websocket; then, in the last session, picks the first zone in the sidebar's zone filter (区域, not
   its "Select all") and measures the time to the end of that rerun and the bytes it sent. Before
   2026-11-30 it clicked the first option of the first filter, which is 省份's "Select all": every province,
   most of a collection, a filter no page had computed yet (docs/BENCHMARKS.md).
4. The server's memory (resident set) once healthy, after the first page, and its peak (VmHWM).
Medians are printed; the machine's load is printed with them.
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
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from browser_setup import ARGS, CHROMIUM, PAGES, start_app, wait_healthy  # noqa: E402  (shared with the browser test)


def wait_done(page, limit: float = 120) -> None:
    """Until no running indicator has been seen for a second."""
    calm, deadline = 0, time.time() + limit
    while time.time() < deadline and calm < 4:
        busy = page.locator("[data-testid=stStatusWidget]").count()
        calm = calm + 1 if busy == 0 else 0
        page.wait_for_timeout(250)


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def count_bytes(tab) -> list[int]:
    """A one-item list that grows by the size of every websocket frame the page receives."""
    got = [0]
    tab.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: got.__setitem__(0, got[0] + len(payload))),
    )
    return got


def change_filter(tab, label: str = "区域") -> float:
    """Picks the first choice of the sidebar's filter of that label (not "Select all"); seconds to the end
    of the rerun (nan when the filter could not be opened within a minute)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(3):
        try:
            box = tab.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(has_text=label)
            box.first.click(timeout=30_000)
            option = tab.locator("[role=option]").filter(has_not_text="Select all").first
            option.wait_for(timeout=30_000)
            t0 = time.perf_counter()
            option.click(timeout=30_000)  # under load the list may be drawn again under the pointer: retried
        except PlaywrightTimeout:
            tab.keyboard.press("Escape")
            continue
        tab.keyboard.press("Escape")
        wait_done(tab, limit=300)
        return time.perf_counter() - t0 - 1.0
    return float("nan")


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--mb", type=float, default=0.0, help="a varied corpus of this size (0: the shipped reports)"
    )
    ap.add_argument("--corpus", type=Path, help="an existing folder of reports instead of --mb")
    ap.add_argument("--sessions", type=int, default=3)
    ap.add_argument(
        "--cache", type=Path, help="a cache folder to build into and reuse (default: a fresh one)"
    )
    ap.add_argument("--pages", help="comma-separated URL paths of the pages to open (overview: '')")
    args = ap.parse_args()
    pages = PAGES if args.pages is None else {p: PAGES[p] for p in args.pages.split(",")}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cache = args.cache.resolve() if args.cache else tmp / "cache"
        env = {**os.environ, "ZONELENS_CACHE": str(cache), "ZONELENS_LIBRARY": str(tmp / "library")}
        if args.corpus:
            env["ZONELENS_ARTICLES"] = str(args.corpus.resolve())
        elif args.mb:
            from corpus import write_corpus

            write_corpus(tmp / "corpus", args.mb)
            env["ZONELENS_ARTICLES"] = str(tmp / "corpus")
        build = subprocess.run([sys.executable, "-m", "lib", "build"], cwd=ROOT, env=env, capture_output=True)
        if build.returncode not in (0, 2):  # 2: built, some files skipped
            raise SystemExit(build.stderr.decode()[-2000:])
        started = time.perf_counter()
        server, url = start_app(env, subprocess.DEVNULL, root=ROOT)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                wait_healthy(server, url, limit=300, step=0.05)
                healthy = time.perf_counter() - started
                memory = {"healthy": rss_mb(server.pid)}
                page = browser.new_context(viewport={"width": 1440, "height": 1200}).new_page()
                page.goto(url)
                page.get_by_text("篇").first.wait_for(timeout=120_000)
                cold = time.perf_counter() - started
                wait_done(page)
                memory["first page"] = rss_mb(server.pid)
                results: dict[str, tuple[list[float], list[float], list[int], float, int]] = {}
                for path, title in pages.items():
                    heads, dones, sent = [], [], []
                    for n in range(args.sessions):
                        context = browser.new_context(viewport={"width": 1440, "height": 1200})
                        tab = context.new_page()
                        got = count_bytes(tab)
                        t0 = time.perf_counter()
                        tab.goto(f"{url}/{path}")
                        tab.get_by_role("heading", name=title).first.wait_for(timeout=180_000)
                        heads.append(time.perf_counter() - t0)
                        wait_done(tab, limit=300)
                        dones.append(time.perf_counter() - t0 - 1.0)  # less the calm second waited for
                        sent.append(got[0])
                        if n == args.sessions - 1:
                            before = got[0]
                            filtered = change_filter(tab)
                            filtered_bytes = got[0] - before
                        context.close()
                    results[path or "overview"] = (heads, dones, sent, filtered, filtered_bytes)
                    print(path or "overview", results[path or "overview"], flush=True)
                memory["peak"] = rss_mb(server.pid, "VmHWM")
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
    corpus = str(args.corpus) if args.corpus else f"varied {args.mb:g} MB" if args.mb else "shipped reports"
    print(f"corpus: {corpus}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"streamlit run -> healthy {healthy:.2f} s -> overview's first numbers in a new tab {cold:.2f} s")
    print("server memory: " + ", ".join(f"{k} {v:,.0f} MB" for k, v in memory.items()))
    print(
        f"{'page':<12} {'heading':>9} {'run finished':>13} {'sent':>10} {'filter change':>14} {'sent':>10}"
        f"   (medians of {args.sessions} new sessions; the filter change in one)"
    )
    for page_name, (heads, dones, sent, filtered, filtered_bytes) in results.items():
        print(
            f"{page_name:<12} {statistics.median(heads):>7.2f} s {statistics.median(dones):>11.2f} s"
            f" {statistics.median(sent) / 1e6:>7.2f} MB {filtered:>12.2f} s {filtered_bytes / 1e6:>7.2f} MB"
        )


if __name__ == "__main__":
    main()
