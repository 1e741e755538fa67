"""First paint of every page for a new browser session, in headless Chromium (not a test).

Run: .venv/bin/python bench/bench_first_paint.py [--mb 0] [--sessions 3]

1. Builds the dataset of the corpus (the shipped reports, or with --mb a varied corpus of that size from
   bench/corpus.py) into a fresh cache, so the server starts with a built cache.
2. Starts `streamlit run app.py` and measures the time from the start to the overview's first numbers
   (the 篇 of its article count) in a new tab.
3. For each page, opens it in `--sessions` new browser contexts (each a new Streamlit session on the
   warm server) and measures the time from the request to the page's heading, and to the end of the
   script run (no running indicator for a second).
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


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--mb", type=float, default=0.0, help="a varied corpus of this size (0: the shipped reports)"
    )
    ap.add_argument("--sessions", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "ZONELENS_CACHE": str(tmp / "cache"), "ZONELENS_LIBRARY": str(tmp / "library")}
        if args.mb:
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
                wait_healthy(server, url, limit=120, step=0.05)
                healthy = time.perf_counter() - started
                page = browser.new_context(viewport={"width": 1440, "height": 1200}).new_page()
                page.goto(url)
                page.get_by_text("篇").first.wait_for(timeout=120_000)
                cold = time.perf_counter() - started
                wait_done(page)
                results: dict[str, tuple[list[float], list[float]]] = {}
                for path, title in PAGES.items():
                    heads, dones = [], []
                    for _ in range(args.sessions):
                        context = browser.new_context(viewport={"width": 1440, "height": 1200})
                        tab = context.new_page()
                        t0 = time.perf_counter()
                        tab.goto(f"{url}/{path}")
                        tab.get_by_role("heading", name=title).first.wait_for(timeout=120_000)
                        heads.append(time.perf_counter() - t0)
                        wait_done(tab)
                        dones.append(time.perf_counter() - t0 - 1.0)  # less the calm second waited for
                        context.close()
                    results[path or "overview"] = (heads, dones)
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
    corpus = f"varied {args.mb:g} MB" if args.mb else "shipped reports"
    print(f"corpus: {corpus}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"streamlit run -> healthy {healthy:.2f} s -> overview's first numbers in a new tab {cold:.2f} s")
    print(
        f"{'page':<12} {'heading (median)':>17} {'run finished (median)':>22}   ({args.sessions} new sessions each)"
    )
    for page_name, (heads, dones) in results.items():
        print(f"{page_name:<12} {statistics.median(heads):>15.2f} s {statistics.median(dones):>20.2f} s")


if __name__ == "__main__":
    main()
