"""Export: tables as CSV that opens in Excel with Chinese intact (UTF-8 with BOM) and as XLSX.

Cells a spreadsheet would run as a formula (starting with =, +, -, @, or a tab/CR) are neutralised
with a leading apostrophe, so nothing in an article can become a formula in the user's spreadsheet;
control characters are removed (the readers already do; this is the second line of defence).
Numbers stay numbers."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from lib.core.chars import clean_controls
from lib.dataset.schema import labels

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
RE_UNSAFE_NAME = re.compile(r"[^\w\u4e00-\u9fff.-]+")


def _cell(value):
    if isinstance(value, (list, tuple, set)):
        value = "、".join(str(v) for v in value)
    if isinstance(value, str):
        value = clean_controls(value)  # again here: one control character makes the whole .xlsx invalid
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells can't run as spreadsheet formulas, lists joined with 、."""
    out = df.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(_cell)
    out.columns = [_cell(str(c)) for c in out.columns]
    return out


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """Chinese column headers for a table going to the user (lib.dataset.schema.labels)."""
    headers = labels()
    return df.rename(columns={c: headers.get(c, c) for c in df.columns})


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly."""
    return neutralise_formulas(readable(df)).to_csv(index=False).encode("utf-8-sig")


#: XlsxWriter writes a large table faster than openpyxl (bench/bench_export.py, docs/BENCHMARKS.md); it
#: is told never to turn a string into a formula, a link or a number (formulas are neutralised before, too).
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


#: Rows written between two progress reports of a large workbook.
XLSX_CHUNK_ROWS = 2000


def to_xlsx_bytes(
    df: pd.DataFrame, *, sheet: str = "数据", progress: Callable[[int, int], None] | None = None
) -> bytes:
    """The table as an .xlsx workbook, written `XLSX_CHUNK_ROWS` rows at a time; `progress(done, total)`
    is called after each chunk (a 40,000-row table takes seconds and the page shows how far it is)."""
    buf = io.BytesIO()
    readable_df = readable(df)
    name = sheet[:31] or "数据"
    total = len(readable_df)
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": XLSX_OPTIONS}) as writer:
        for start in range(0, max(total, 1), XLSX_CHUNK_ROWS):
            part = neutralise_formulas(readable_df.iloc[start : start + XLSX_CHUNK_ROWS])
            part.to_excel(
                writer, index=False, sheet_name=name, header=start == 0, startrow=start + (start > 0)
            )
            if start == 0:
                _set_widths(writer.sheets[name], part)
            if progress:
                progress(min(start + XLSX_CHUNK_ROWS, total), total)
    return buf.getvalue()


def _set_widths(ws, safe: pd.DataFrame) -> None:
    """Column widths from the header and the first 200 rows, at most 60 characters."""
    for i, col in enumerate(safe.columns):
        width = min(60, max([len(str(col)) * 2, *(len(str(v)) for v in safe.iloc[:200, i])], default=8) + 2)
        ws.set_column(i, i, width)


def xlsx_or_error(
    df: pd.DataFrame, *, sheet: str = "数据", progress: Callable[[int, int], None] | None = None
) -> bytes:
    """`to_xlsx_bytes`, or, if the table can't be written, a workbook that says why (a download that
    silently gives nothing is worse than one that explains)."""
    try:
        return to_xlsx_bytes(df, sheet=sheet, progress=progress)
    except Exception as err:  # noqa: BLE001 - any failure must reach the user as a file, not vanish
        note = pd.DataFrame(
            {"导出失败": [f"这张表无法写成 Excel 文件：{type(err).__name__}: {err}", "请改用“下载 CSV”。"]}
        )
        return to_xlsx_bytes(note, sheet="导出失败")


def export_filename(what: str, description: str = "", *, ext: str, today: date | None = None) -> str:
    """A file name that says what is in the file: `ZoneLens_指标_昆山高新区_2026-11-22.xlsx`."""
    parts = ["ZoneLens", what, description, (today or date.today()).isoformat()]
    stem = "_".join(RE_UNSAFE_NAME.sub("-", p).strip("-") for p in parts if p)
    return f"{stem[:120]}.{ext}"
