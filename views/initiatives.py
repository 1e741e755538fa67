"""举措目录: every named initiative, filterable; one initiative in detail with its parts, its count check,
its source passage and the same name in other zones."""

import html

import pandas as pd
import streamlit as st

from lib import catalog, search
from lib.filters import filter_table
from ui.state import page_setup
from ui.widgets import download_buttons, empty_result, passage

PICK_KEY = "initiative"
NAMESAKES_PER_ROW = 3

ds, filters = page_setup()

st.title("举措目录")
st.caption("报道中有名称的党建举措（“1+4+N”“五个一”“新领秀”等）及其组成部分。选中一行查看详情；链接会记住所选举措。")

initiatives = filter_table(ds.initiatives, ds.articles, filters, text_columns=("name", "full_name", "sentence"))

c1, c2, c3 = st.columns([2, 3, 1], vertical_alignment="bottom")
kinds = c1.pills("类型", list(catalog.KIND_LABELS), selection_mode="multi", key="ikind", bind="query-params",
                 format_func=catalog.KIND_LABELS.get)
themes = c2.pills("主题", sorted(t for t in initiatives["theme"].unique() if t), selection_mode="multi",
                  key="itheme", bind="query-params")
with_parts = c3.toggle("有组成部分", key="iparts", bind="query-params", help="只看文中列出了组成部分的举措")
shown = catalog.filter_initiatives(initiatives, kinds=kinds, themes=themes, with_components=with_parts)

if shown.empty:
    empty_result("举措")
    st.stop()

table = catalog.initiative_table(shown, ds.articles)
labels = catalog.initiative_labels(table)
options = list(labels.values())
ids_by_label = {label: i for i, label in labels.items()}
table_key = search.rows_key("initiatives-table", labels)


def _pick_from_table() -> None:
    rows = st.session_state[table_key].selection.rows
    if rows and rows[0] < len(options):
        st.session_state[PICK_KEY] = options[rows[0]]


st.caption(f"共 {len(table)} 项举措，来自 {table['zone'].replace('', None).nunique()} 个区域。")
st.dataframe(table, key=table_key, on_select=_pick_from_table, selection_mode="single-row", hide_index=True,
             placeholder="—",
             column_order=["zone", "name", "full_name", "kind", "components", "expected_count", "found_count",
                           "theme", "title"],
             column_config={
                 "zone": "区域", "name": "名称", "full_name": st.column_config.TextColumn("全称", width="medium"),
                 "kind": "类型", "components": st.column_config.ListColumn("组成部分", width="large"),
                 "expected_count": st.column_config.NumberColumn("应有项数", format="%d"),
                 "found_count": st.column_config.NumberColumn("找到项数", format="%d"), "theme": "主题",
                 "title": st.column_config.TextColumn("文章", width="medium")})
download_buttons(table, what="举措", description=filters.describe() if filters.active else "全部", key="initiatives")
shared = catalog.shared_names(initiatives)
if not shared.empty:
    with st.expander(f"多个区域同名的举措（{len(shared)} 个）"):
        st.caption("查看其中任一项的详情时，各区域的组成部分会并排显示。")
        st.dataframe(shared, hide_index=True, column_config={
            "name": "名称", "zones": st.column_config.ListColumn("区域")})

st.divider()
picked_label = st.selectbox("查看举措详情", options, index=None, key=PICK_KEY, bind="query-params",
                            placeholder="在表格中选中一行，或在此选择一项举措")
picked = ids_by_label.get(picked_label)
if picked is None:
    st.stop()

row = shown[shown["initiative_id"] == picked].iloc[0]
st.html(f"<h3>{html.escape(row['full_name'])}</h3>")
st.html(search.source_html(table.loc[table["initiative_id"] == picked, "title"].iloc[0]))
note, mismatch = catalog.count_note(row["kind"], row["expected_count"], row["found_count"])
facts = {"类型": catalog.KIND_LABELS.get(row["kind"], row["kind"]), "区域": row["zone"] or "未识别区域",
         "主题": row["theme"] or "未归类"}
st.html(" · ".join(f"<b>{k}</b>：{html.escape(v)}" for k, v in facts.items()))
alert = st.warning if mismatch else st.info if pd.isna(row["expected_count"]) else st.success
alert(note, icon=":material/fact_check:")

left, right = st.columns(2)
with left:
    st.subheader("组成部分")
    if len(row["components"]):
        st.html(search.numbered_list_html(row["components"]))
    else:
        st.caption("文中未列出组成部分。")
with right:
    st.subheader("原文")
    ctx = search.paragraph_context(ds.paragraphs, ds.articles, row["paragraph_id"])
    if ctx:
        st.html(search.source_html(ctx["title"], ctx["section"]))
        passage(ctx["text"], [row["name"]])
    else:
        passage(row["sentence"], [row["name"]])

same = catalog.namesakes(ds.initiatives, row["name"])
if same["zone"].nunique() > 1:
    st.subheader("各区域的同名举措")
    st.caption("名称相同（不计标点）的举措在各区域的组成部分，便于对照。不受左侧筛选影响。")
    rows = list(same.itertuples())
    for start in range(0, len(rows), NAMESAKES_PER_ROW):
        for col, other in zip(st.columns(NAMESAKES_PER_ROW), rows[start : start + NAMESAKES_PER_ROW], strict=False):
            with col:
                st.html(f"<h4>{html.escape(other.zone or '未识别区域')}</h4><div>{html.escape(other.full_name)}</div>")
                if len(other.components):
                    st.html(search.numbered_list_html(other.components))
                else:
                    st.caption("文中未列出组成部分。")
                st.caption(catalog.count_note(other.kind, other.expected_count, other.found_count)[0])
