"""Small rendering helpers the pages share: downloads, empty results, safe highlighted text."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from lib import clouds, export
from lib.search import highlight_html
from ui.state import _reset_filters

#: Tables up to this many rows get their CSV built with the page; larger ones, and every XLSX, are
#: built only when the user clicks (so a rerun after a filter change stays fast on a large corpus).
EAGER_CSV_ROWS = 5000


def download_buttons(df: pd.DataFrame, *, what: str, description: str = "", key: str) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX of exactly the rows shown."""
    c1, c2, _ = st.columns([1, 1, 4])
    csv = export.to_csv_bytes(df) if len(df) <= EAGER_CSV_ROWS else (lambda: export.to_csv_bytes(df))
    c1.download_button("下载 CSV", csv, export.export_filename(what, description, ext="csv"),
                       mime="text/csv", key=f"{key}-csv", icon=":material/download:", on_click="ignore",
                       disabled=df.empty)
    c2.download_button("下载 Excel", lambda: export.to_xlsx_bytes(df, sheet=what),
                       export.export_filename(what, description, ext="xlsx"),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"{key}-xlsx", icon=":material/table:", on_click="ignore", disabled=df.empty)


def empty_result(what: str = "内容") -> None:
    """Says that the filter left nothing and offers to widen it."""
    st.info(f"当前筛选条件下没有{what}。可以放宽左侧的筛选条件，或一键清除全部筛选。", icon=":material/filter_alt_off:")
    st.button("清除全部筛选", on_click=_reset_filters, key=f"widen-{what}")


def passage(text: str, terms: list[str] | tuple[str, ...] = ()) -> None:
    """Article text shown as text (HTML-escaped), with the terms marked."""
    st.html(f'<div style="line-height:1.9;font-size:1rem">{highlight_html(text, terms)}</div>')


@st.cache_data(show_spinner="正在绘制词云…", max_entries=64)
def cloud_png(frequencies: tuple[tuple[str, float], ...], font_path: str) -> tuple[bytes, list[str]]:
    """PNG of a word cloud and the words dropped for want of glyphs, cached per word list and font."""
    cloud = clouds.layout_cloud(dict(frequencies), font_path=font_path, width=900, height=450)
    buf = io.BytesIO()
    cloud.image.save(buf, format="PNG")
    return buf.getvalue(), cloud.dropped
