"""举措目录: every named initiative, filterable; one initiative in detail with its parts, its count check,
its source passage and the same name in other zones."""

import pandas as pd
import streamlit as st

from lib.dataset import ondisk
from lib.explore import catalog, search
from lib.explore.filters import filter_table
from ui.html import heading, numbered_list_html, passage, source_html
from ui.plots import show_chart
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result, rows_key, selected_rows, show_table

PICK_KEY = "initiative"
NAMESAKES_PER_ROW = 3

ds, filters = page_setup()

st.title("举措目录")
st.caption(
    "报道中有名称的党建举措（“1+4+N”“五个一”“新领秀”等）及其组成部分。选中一行查看详情；链接会记住所选举措。"
)

initiatives = filter_table(ds, "initiatives", filters)

c1, c2, c3 = st.columns([2, 3, 1], vertical_alignment="bottom")
kinds = c1.pills(
    "类型",
    list(catalog.KIND_LABELS),
    selection_mode="multi",
    key="ikind",
    bind="query-params",
    format_func=catalog.KIND_LABELS.get,
    wrap=True,
)
themes = c2.pills(
    "主题",
    sorted(t for t in initiatives["theme"].unique() if t),
    selection_mode="multi",
    key="itheme",
    bind="query-params",
    wrap=True,
)
with_parts = c3.toggle("有组成部分", key="iparts", bind="query-params", help="只看文中列出了组成部分的举措")
shown = catalog.filter_initiatives(initiatives, kinds=kinds, themes=themes, with_components=with_parts)

if shown.empty:
    empty_result("举措")
    st.stop()

table = catalog.initiative_table(shown, ds.articles)
view = cached(catalog.catalog_view, ds, filters, tuple(kinds), tuple(themes), with_parts)
picked_now = st.session_state.get(PICK_KEY) or st.query_params.get(PICK_KEY)
options = catalog.pick_options(view.labels, picked_now)
table_key = rows_key("initiatives-table", [ds.key, filters, kinds, themes, with_parts])  # names the rows


def _pick_from_table() -> None:
    rows = selected_rows(table_key)
    if rows and rows[0] < len(view.labels):
        st.session_state[PICK_KEY] = view.labels.iloc[rows[0]]


st.caption(f"共 {len(table)} 项举措，来自 {table['zone'].replace('', None).nunique()} 个区域。")
show_table(
    table,
    ["zone", "name", "full_name", "kind", "components", "expected_count", "found_count", "theme", "title"],
    key=table_key,
    _select={"on_select": _pick_from_table, "selection_mode": "single-row"},
    full_name=st.column_config.TextColumn("全称", width="medium"),
    components=st.column_config.ListColumn("组成部分", width="large"),
    expected_count=st.column_config.NumberColumn("应有项数", format="%d"),
    found_count=st.column_config.NumberColumn("找到项数", format="%d"),
    title=st.column_config.TextColumn("文章", width="medium"),
)
download_buttons(
    table,
    what="举措",
    description=filters.describe() if filters.active else "全部",
    key="initiatives",
    complete=ondisk.filler(ds, "initiatives", catalog.TABLE_COLUMNS),  # the sentences, read for the file
)
shared = view.shared
if not shared.empty:
    with st.expander(f"多个区域同名的举措（{len(shared)} 个）"):
        st.caption("查看其中任一项的详情时，各区域的组成部分会并排显示。")
        show_table(shared, ["name", "zones"], zones=st.column_config.ListColumn("区域"))

years = view.years
if view.years_figure is not None:
    with st.expander(f"举措出现的年份（提到最多的 {years['name'].nunique()} 项）"):
        show_chart(view.years_figure, key="initiative-years")
        download_buttons(
            years, what="举措年份", description=filters.describe() if filters.active else "全部", key="iyears"
        )

st.divider()
picked_label = st.selectbox(
    "查看举措详情",
    options,
    index=None,
    key=PICK_KEY,
    bind="query-params",
    placeholder="在表格中选中一行，或在此选择一项举措",
    help=f"此处列出表格的前 {catalog.MAX_PICK_OPTIONS:,} 项；其余的请在表格中选中，或用筛选缩小范围。"
    if len(view.labels) > catalog.MAX_PICK_OPTIONS
    else None,
)
picked = catalog.initiative_of_label(view.labels, picked_label)
if picked is None:
    st.stop()

row = ondisk.fill(ds, "initiatives", shown[shown["initiative_id"] == picked].head(1)).iloc[0]
detail = catalog.initiative_facts(row, table)
heading(row["full_name"])
st.html(source_html(detail.title))
st.html(detail.facts_html)
alert = st.warning if detail.mismatch else st.info if pd.isna(row["expected_count"]) else st.success
alert(detail.note, icon=":material/fact_check:")

left, right = st.columns(2)
with left:
    st.subheader("组成部分")
    if len(row["components"]):
        st.html(numbered_list_html(row["components"]))
    else:
        st.caption("文中未列出组成部分。")
with right:
    st.subheader("原文")
    ctx = search.source_paragraph(ds, row["paragraph_id"])
    if ctx:
        st.html(source_html(ctx["title"], ctx["section"]))
        passage(ctx["text"], [row["name"]])
    else:
        passage(row["sentence"], [row["name"]])

same = catalog.namesakes(ds.initiatives, row["name"])
if same["zone"].nunique() > 1:
    st.subheader("各区域的同名举措")
    st.caption("名称相同（不计标点）的举措在各区域的组成部分，便于对照。不受左侧筛选影响。")
    rows = list(same.itertuples())
    for start in range(0, len(rows), NAMESAKES_PER_ROW):
        for col, other in zip(
            st.columns(NAMESAKES_PER_ROW), rows[start : start + NAMESAKES_PER_ROW], strict=False
        ):
            with col:
                heading(other.zone or "未识别区域", 4, below=other.full_name)
                if len(other.components):
                    st.html(numbered_list_html(other.components))
                else:
                    st.caption("文中未列出组成部分。")
                st.caption(catalog.count_note(other.kind, other.expected_count, other.found_count)[0])
