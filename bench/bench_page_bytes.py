"""What each page puts on the screen, in bytes, element by element (not a test).

Run: ZONELENS_ARTICLES=DIR ZONELENS_CACHE=DIR .venv/bin/python bench/bench_page_bytes.py [--pages a,b] [--top N]

Opens each page with AppTest in a new session (the dataset should be built first: `python -m lib build`) and
sums the serialized size of every element the page draws: the messages Streamlit sends the browser for a
first run, without the websocket's framing. Prints each page's total and its largest elements (charts with
their title, traces and points), to find what makes a page heavy before `bench_first_paint.py` measures the
bytes in a real browser.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = {
    "overview": "views/overview.py",
    "zones": "views/zones.py",
    "initiatives": "views/initiatives.py",
    "keywords": "views/keywords.py",
    "words": "views/words.py",
    "metrics": "views/metrics.py",
    "search": "views/search.py",
    "library": "views/library.py",
}


def elements(node, out: list) -> list:
    for child in getattr(node, "children", {}).values():
        proto = getattr(child, "proto", None)
        if proto is not None and hasattr(proto, "SerializeToString"):
            out.append((len(proto.SerializeToString()), child))
        elements(child, out)
    return out


def describe(element) -> str:
    kind = getattr(element, "type", type(element).__name__)
    spec = getattr(getattr(element, "proto", None), "spec", "")
    if not spec:
        return kind
    figure = json.loads(spec)
    title = figure.get("layout", {}).get("title", {}).get("text", "")
    points = sum(len(t.get("x") or []) for t in figure.get("data", []))
    return f"{kind} {title[:40]!r}: {len(figure.get('data', []))} traces, {points} points"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    for name in args.pages.split(","):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.run()
        at.switch_page(PAGES[name]).run()
        found = sorted(elements(at._tree, []), key=lambda p: -p[0])
        print(f"{name:<12} {sum(size for size, _ in found) / 1e6:6.2f} MB in {len(found)} elements")
        for size, element in found[: args.top]:
            print(f"    {size / 1e3:8.1f} kB  {describe(element)}")


if __name__ == "__main__":
    main()
