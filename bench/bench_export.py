"""Benchmark of the downloads (not a test): CSV and Excel of a large filtered table.

Run: .venv/bin/python bench/bench_export.py [--mb 10]

Builds the metrics table of a varied corpus of --mb MB (bench/corpus.py) and the paragraphs table, and
times `export.to_csv_bytes` and `export.to_xlsx_bytes` (XlsxWriter) on each, and the same workbook
written with openpyxl (the engine used before), in one run, printing rows and seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    from lib.dataset import build_dataset
    from lib.explore import export

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), args.mb)
        ds = build_dataset(sorted(Path(tmp).glob("*.txt")))
    print(f"varied corpus {args.mb:g} MB; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")

    def openpyxl_xlsx(table):
        import io

        import pandas as pd

        buf = io.BytesIO()
        with pd.ExcelWriter(buf, engine="openpyxl") as writer:
            export.neutralise_formulas(export.readable(table)).to_excel(writer, index=False)
        return buf.getvalue()

    for name in ("metrics", "paragraphs"):
        table = ds.table(name)
        for label, fn in (
            ("CSV", export.to_csv_bytes),
            ("Excel", export.to_xlsx_bytes),
            ("Excel, openpyxl", openpyxl_xlsx),
        ):
            t0 = time.perf_counter()
            data = fn(table)
            seconds = time.perf_counter() - t0
            print(
                f"{name:<11} {len(table):>7,} rows  {label:<15} {seconds:6.2f} s  {len(data) / 1e6:6.1f} MB"
            )


if __name__ == "__main__":
    main()
