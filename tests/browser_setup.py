"""What the browser test and the browser benchmark (bench/bench_first_paint.py) share: where Debian's
Chromium is and how it is started here, the app's pages with their titles, and a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = Path(os.environ.get("ZONELENS_CHROMIUM", "/usr/lib/chromium/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: URL path (the overview is the default page, served at the root) → the page's title.
PAGES = {
    "": "ZoneLens · 开发区党建报道总览",
    "zones": "区域画像",
    "initiatives": "举措目录",
    "keywords": "关键词云",
    "words": "词语分析",
    "metrics": "指标图表",
    "search": "原文检索",
    "library": "语料管理",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(env: dict, log, *, root: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` headless on a free port, its output to `log`: (the server, its URL)."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return server, f"http://127.0.0.1:{port}"


def wait_healthy(server: subprocess.Popen, url: str, *, limit: float = 60, step: float = 0.1) -> None:
    """Until the server answers its health check; AssertionError if it exits or takes over `limit` s."""
    deadline = time.monotonic() + limit
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return
        except OSError:
            assert server.poll() is None, "the app's server exited"
            assert time.monotonic() < deadline, "the app's server never became healthy"
            time.sleep(step)
