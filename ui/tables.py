"""Tables on the pages: column headers from the one set of labels (lib.dataset.schema), downloads of
exactly the rows shown, the empty state, and widget keys that follow the rows."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from lib.dataset.schema import label
from lib.explore import export
from ui.state import reset_filters

#: Tables up to this many rows get their CSV built with the page; larger ones, and every XLSX, are
#: built only when the user clicks (so a rerun after a filter change stays fast on a large corpus).
EAGER_CSV_ROWS = 5000


def column_config(columns, **overrides) -> dict:
    """st.dataframe column settings: each column headed by its label, unless `overrides` gives a header
    (a string) or a whole st.column_config entry."""
    return {c: overrides.get(c, label(c)) for c in columns}


def show_table(df: pd.DataFrame, columns: list[str], *, key: str | None = None, **overrides):
    """`df`'s `columns` as a table with Chinese headers (see `column_config`); returns st.dataframe's event
    when `key` is given with on_select (pass on_select/selection_mode in `overrides` as `_select`)."""
    select = overrides.pop("_select", None) or {}
    return st.dataframe(
        df,
        hide_index=True,
        key=key,
        placeholder="—",
        column_order=columns,
        column_config=column_config(columns, **overrides),
        **select,
    )


def rows_key(prefix: str, ids) -> str:
    """A widget key that changes when the rows of a table change, so a row selection never outlives its rows."""
    digest = hashlib.sha1("\n".join(map(str, ids)).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def download_buttons(df: pd.DataFrame, *, what: str, description: str = "", key: str) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX of exactly the rows shown."""
    c1, c2, _ = st.columns([1, 1, 4])
    csv = export.to_csv_bytes(df) if len(df) <= EAGER_CSV_ROWS else (lambda: export.to_csv_bytes(df))
    c1.download_button(
        "下载 CSV",
        csv,
        export.export_filename(what, description, ext="csv"),
        mime="text/csv",
        key=f"{key}-csv",
        icon=":material/download:",
        on_click="ignore",
        disabled=df.empty,
    )
    c2.download_button(
        "下载 Excel",
        lambda: export.xlsx_or_error(df, sheet=what),
        export.export_filename(what, description, ext="xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx",
        icon=":material/table:",
        on_click="ignore",
        disabled=df.empty,
    )


def empty_result(what: str = "内容") -> None:
    """Says that the filter left nothing and offers to widen it."""
    st.info(
        f"当前筛选条件下没有{what}。可以放宽左侧的筛选条件，或一键清除全部筛选。",
        icon=":material/filter_alt_off:",
    )
    st.button("清除全部筛选", on_click=reset_filters, key=f"widen-{what}")
