"""Work per file stays linear in its size: the three paths that were quadratic (issue 12), measured with
inputs that double.

1. one .txt report of 0.5, 1, 2, 4 MB of varied paragraphs (bench/corpus.py), through the whole
   analysis of one file (`build.process_file`): duplicate-paragraph detection was quadratic;
2. an HTML page of 5,000 to 40,000 <p> and one of 5,000 to 40,000 nested <div> (`formats.extract_text`):
   block marks inserted into the tree were quadratic;
3. a .docx of 2,000 to 16,000 paragraphs (`formats.extract_text`): a style lookup per paragraph.

Each line prints the time and the ratio to the size before it: about 2.0 means linear.

    .venv/bin/python bench/bench_hostile.py

With --limits: issue 12's three large inputs (19.5 MB of one report, a 15 MB HTML page, a .docx of
8 MB of XML) through the app's preview, in the budget's worker (60 s, 1 GB): time, the worker's peak
memory, and whether the file was accepted or refused.

    .venv/bin/python bench/bench_hostile.py --limits
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus  # noqa: E402

from lib.dataset import build  # noqa: E402
from lib.reading.formats import extract_text  # noqa: E402


def one_report(mb: float, rng: random.Random) -> bytes:
    """One report (one headline) of `mb` MB of varied body paragraphs."""
    parts, size, sources = ["# 园区党建工作综述\n"], 0, corpus.sources()
    while size < mb * 1e6:
        text = corpus.vary(rng.choice(sources), rng)
        body = "\n\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
        parts.append(body)
        size += len(body.encode())
    return "\n\n".join(parts).encode()


def html_page(n: int, *, nested: bool) -> bytes:
    if nested:
        return f"<html><body>{'<div>' * n}园区党建{'</div>' * n}</body></html>".encode()
    paragraphs = "".join(f"<p>第{i}段，园区党建工作稳步推进。</p>" for i in range(n))
    return f"<html><body><h1>园区党建</h1>{paragraphs}</body></html>".encode()


def docx_file(n: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("园区党建报道", level=1)
    for i in range(n):
        document.add_paragraph(f"第{i}段，园区党建工作稳步推进，企业党组织覆盖率持续提升。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def series(label: str, sizes, make, run, unit: str) -> None:
    previous = None
    for size in sizes:
        data = make(size)
        seconds = timed(lambda data=data: run(data))
        ratio = f"  x{seconds / previous:.2f}" if previous else ""
        print(f"{label:<22} {size:>8g} {unit:<10} {len(data) / 1e6:6.2f} MB  {seconds:6.2f} s{ratio}")
        previous = seconds


def peak_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM, Linux), in MB."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")  # the worker was killed at its budget
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith("VmHWM:")), float("nan"))


def limits() -> None:
    """Issue 12's three large inputs through the app's budgeted preview (worker process, 60 s / 1 GB)."""
    from lib.core import budget
    from lib.explore import preview

    rng = random.Random(12)
    cases = [
        ("19.5 MB, one report", "big.txt", lambda: one_report(19.5, rng)),
        ("15 MB html page", "page.html", lambda: html_page(300_000, nested=False)),
        ("docx, 8 MB of XML", "a.docx", lambda: docx_file(60_000)),
    ]
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for label, name, make in cases:
        data = make()
        worker = budget.run_bounded(os.getpid, warm=build.load_analysers)
        seconds = timed(lambda data=data, name=name: results.append(preview.preview_upload(name, data)))
        result = results.pop()
        outcome = "accepted" if result.ok else f"refused: {result.reason}"
        print(
            f"{label:<22} {len(data) / 1e6:6.2f} MB  {seconds:6.2f} s  worker peak {peak_mb(worker):6.0f} MB  {outcome}"
        )
        budget.shutdown()


results: list = []


def main() -> None:
    if "--limits" in sys.argv:
        limits()
        return
    build.load_analysers()
    rng = random.Random(12)
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    series(
        "txt, one report",
        [0.5, 1, 2, 4],
        lambda mb: one_report(mb, rng),
        lambda data: build.process_file(data, name="big.txt", origin="library"),
        "MB",
    )
    for nested in (False, True):
        series(
            "html, nested <div>" if nested else "html, flat <p>",
            [5000, 10000, 20000, 40000],
            lambda n, nested=nested: html_page(n, nested=nested),
            lambda data: extract_text(data, name="page.html"),
            "blocks",
        )
    series(
        "docx", [2000, 4000, 8000, 16000], docx_file, lambda d: extract_text(d, name="a.docx"), "paragraphs"
    )


if __name__ == "__main__":
    main()
