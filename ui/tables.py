"""Tables on the pages: column headers from the one set of labels (lib.dataset.schema), one page of rows
at a time, downloads of every row of the filtered table, the empty state, and widget keys that follow
the rows."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lib.dataset.schema import label
from lib.explore import export
from ui.state import reset_filters

#: How the `_highlight` columns of a table stand out (the hit of a KWIC line).
HIGHLIGHT = {"background-color": "#fff1a8", "font-weight": "bold"}
#: Rows of a table sent to the browser at a time; a larger table gets a page picker.
PAGE_ROWS = 500
#: Tables up to this many rows get their CSV built with the page; larger ones, and every XLSX, are
#: built only when the user clicks (so a rerun after a filter change stays fast on a large corpus).
EAGER_CSV_ROWS = 5000
#: Above this many rows the Excel file is prepared on request, with a progress bar (a 40,000-row
#: workbook takes seconds: bench/bench_export.py).
EAGER_XLSX_ROWS = 5000


def column_config(columns, **overrides) -> dict:
    """st.dataframe column settings: each column headed by its label, unless `overrides` gives a header
    (a string) or a whole st.column_config entry."""
    return {c: overrides.get(c, label(c)) for c in columns}


@dataclass(frozen=True)
class Selection:
    rows: list[int]  # positions in the whole table, not in the page shown


@dataclass(frozen=True)
class TableEvent:
    selection: Selection


def show_table(
    df: pd.DataFrame, columns: list[str], *, key: str | None = None, complete=None, **overrides
) -> TableEvent:
    """`df`'s `columns` as a table with Chinese headers (see `column_config`), PAGE_ROWS rows at a time
    with a page picker and the total count (a large table is never sent whole to the browser). With
    `key` and on_select (pass on_select/selection_mode in `overrides` as `_select`), the selected rows
    are returned as positions in `df`; an on_select callback reads them with `selected_rows(key)`.
    `_highlight` names columns drawn highlighted (HIGHLIGHT). `complete(rows)` gives the rows shown the
    columns `df` leaves on disk (lib.dataset.ondisk.filler)."""
    select = overrides.pop("_select", None) or {}
    highlight = overrides.pop("_highlight", ())
    name = key or "table-" + rows_key("", [*columns, len(df), *df.index[:1], *df.index[-1:]])
    start = _page_start(df, name)
    st.session_state[f"{name}-offset"] = start
    page = df.iloc[start : start + PAGE_ROWS]
    page = complete(page) if complete is not None else page
    event = st.dataframe(
        page.style.set_properties(subset=list(highlight), **HIGHLIGHT) if highlight else page,
        hide_index=True,
        key=key,
        placeholder="—",
        column_order=columns,
        column_config=column_config(columns, **overrides),
        **select,
    )
    rows = list(event.selection.rows) if key and select else []
    return TableEvent(Selection([start + r for r in rows]))


def selected_rows(key: str) -> list[int]:
    """The rows selected in the table shown with `key`, as positions in its whole table."""
    state = st.session_state.get(key)
    rows = list(state.selection.rows) if state is not None else []
    return [st.session_state.get(f"{key}-offset", 0) + r for r in rows]


def _page_start(df: pd.DataFrame, name: str) -> int:
    """The first row of the page the user picked (0 when the table fits on one page)."""
    if len(df) <= PAGE_ROWS:
        return 0
    pages = math.ceil(len(df) / PAGE_ROWS)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    page = right.selectbox(
        "页码",
        range(1, pages + 1),
        key=f"{name}-page",
        format_func=lambda n: f"第 {n} / {pages} 页",
        label_visibility="collapsed",
    )
    start = (page - 1) * PAGE_ROWS
    left.caption(
        f"共 {len(df):,} 行，每页 {PAGE_ROWS} 行；这一页是第 {start + 1:,}–{min(len(df), start + PAGE_ROWS):,} 行。"
        "下载按钮给出全部行。"
    )
    return start


def rows_key(prefix: str, ids) -> str:
    """A widget key that changes when the rows of a table change, so a row selection never outlives its rows."""
    digest = hashlib.sha1("\n".join(map(str, ids)).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def rows_digest(df: pd.DataFrame) -> str:
    """A digest of a table's rows (its index) and columns, from the index's hashed values at once, not
    its labels one by one as text (70 ms for 227,000 rows)."""
    hashed = pd.util.hash_pandas_object(df.index, index=False).to_numpy()
    return rows_key(hashlib.sha1(hashed.tobytes()).hexdigest(), df.columns)


def download_buttons(df: pd.DataFrame, *, what: str, description: str = "", key: str, complete=None) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX of every row of the filtered table (all its pages);
    `complete` as in `show_table`, applied when a file is made."""

    def rows() -> pd.DataFrame:
        return complete(df) if complete is not None else df

    c1, c2, _ = st.columns([1, 1, 4])
    csv = export.to_csv_bytes(rows()) if len(df) <= EAGER_CSV_ROWS else (lambda: export.to_csv_bytes(rows()))
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
    name = export.export_filename(what, description, ext="xlsx")
    if len(df) <= EAGER_XLSX_ROWS:
        _xlsx_button(c2, lambda: export.xlsx_or_error(rows(), sheet=what), name, key=key, disabled=df.empty)
        return
    ready_key, digest = f"{key}-xlsx-ready", rows_digest(df)
    ready = st.session_state.get(ready_key)
    if ready is not None and ready[0] == digest:  # prepared for these very rows: one workbook kept
        _xlsx_button(c2, ready[1], name, key=key, disabled=False)
    elif c2.button(f"准备 Excel（{len(df):,} 行）", key=f"{key}-xlsx-prepare", icon=":material/table:"):
        bar = st.progress(0.0, text="正在写入 Excel…")

        def report(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"正在写入 Excel：{done:,} / {total:,} 行")

        data = export.xlsx_or_error(rows(), sheet=what, progress=report)
        bar.empty()
        st.session_state[ready_key] = (digest, data)
        _xlsx_button(c2, data, name, key=key, disabled=False)


def _xlsx_button(where, data, name: str, *, key: str, disabled: bool) -> None:
    where.download_button(
        "下载 Excel",
        data,
        name,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx",
        icon=":material/table:",
        on_click="ignore",
        disabled=disabled,
    )


def empty_result(what: str = "内容") -> None:
    """Says that the filter left nothing and offers to widen it."""
    st.info(
        f"当前筛选条件下没有{what}。可以放宽左侧的筛选条件，或一键清除全部筛选。",
        icon=":material/filter_alt_off:",
    )
    st.button("清除全部筛选", on_click=reset_filters, key=f"widen-{what}")
