"""指标图表: the numbers the reports state, as charts: one indicator across zones, a zone's numbers by
theme, an indicator over the years; every bar, point and table row opens its source passage."""

from dataclasses import replace

import streamlit as st

from lib.core.safety import escape_markdown
from lib.dataset import ondisk
from lib.explore import charts, search
from lib.explore.filters import filter_table
from lib.extract.metric_context import SCOPE_LABELS, ZONE
from ui.html import metric_passages
from ui.plots import show_chart
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result, rows_key, show_table

SELECT_HINT = "点击图中的柱或点（可框选多个），下方显示该数字所在的原文段落。"
#: The columns shown; the download also has the ids, the upper bound of a range and the theme.
SHOWN = [
    "zone",
    "label",
    "raw",
    "value",
    "unit",
    "qualifier",
    "period",
    "scope",
    "scope_name",
    "year",
    "title",
    "sentence",
]
COLUMNS = ["metric_id", *SHOWN[:5], "value_high", *SHOWN[5:], "theme", "article_id", "paragraph_id"]

ds, filters = page_setup()

st.title("指标图表")
st.caption(
    "报道中给出的数字：同一指标在各区域的数值、各主题下的指标数量、历年变化。悬停可见原句，点击可看原文段落。"
)

scopes = st.pills(
    "数字归属",
    list(SCOPE_LABELS),
    selection_mode="multi",
    default=[ZONE],
    format_func=SCOPE_LABELS.get,
    key="scope",
    bind="query-params",
    help="园区：园区及其企业整体的数字；企业/组织：某一家企业或组织的数字；个人：某个人的；更大范围：全市、全省、全国的。"
    "默认只看园区自己的数字，免得一家企业的专利数和一个园区的产值并列比较。",
    wrap=True,
)
filters = replace(filters, scopes=tuple(scopes or ()))
metrics = filter_table(
    ds, "metrics", filters, [c for c in COLUMNS if c in ds.metrics]
)  # the columns it shows
if metrics.empty:
    empty_result("指标")
    st.stop()

st.subheader("同一指标在各区域")
indicator = st.selectbox(
    "指标",
    cached(charts.indicator_choices, ds, filters),
    key="indicator",
    bind="query-params",
    help="按给出该指标的区域数排序，区域多的在前",
)
picked: list[str] = []
bars = cached(charts.indicator_bars, ds, filters, indicator)
if len(bars) > 1:
    st.caption(
        "该指标以不同单位或不同时段给出，按单位和时段分图显示：不同单位不放在同一坐标轴上，"
        "上半年、累计、截至某月等数字不与全年数字并列比较。"
    )
for (label, unit), fig in bars:
    event = show_chart(fig, key=f"bar-{label}-{unit}", on_select="rerun", selection_mode="points")
    picked += charts.selected_metric_ids(event.selection.points)
st.caption(SELECT_HINT)
metric_passages(ds, picked)

st.subheader("各主题下的指标")
zones = sorted(z for z in metrics["zone"].unique() if z)
zone = st.pills(
    "区域",
    zones,
    key="mzone",
    bind="query-params",
    format_func=escape_markdown,
    help="不选则显示全部区域",
    wrap=True,
)
show_chart(cached(charts.theme_counts, ds, filters, zone), key="by-theme")

st.subheader("历年变化")
dated = cached(charts.dated_indicators, ds, filters)
if not dated:
    st.info(
        "当前筛选下没有哪个指标在文中给出两个或更多年份的数值，无法画出历年变化。", icon=":material/timeline:"
    )
else:
    trend_labels = dated  # “指标（单位）” in the unit the chart's axis shows
    trend = st.selectbox(
        "指标（单位）",
        list(trend_labels),
        key="trend",
        bind="query-params",
        help="只列出文中给出至少两个年份数值的指标",
    )
    event = show_chart(
        cached(charts.indicator_trend, ds, filters, trend_labels[trend]),
        key=f"years-{trend}",
        on_select="rerun",
        selection_mode="points",
    )
    metric_passages(ds, charts.selected_metric_ids(event.selection.points))

st.subheader("指标明细")
table = search.with_titles(metrics, ds.articles)
table = table[[c for c in COLUMNS if c in table]]  # the sentences are read for the rows sent only
complete = ondisk.filler(ds, "metrics", COLUMNS)
st.caption(f"共 {len(table)} 条指标，来自 {table['article_id'].nunique()} 篇文章。选中一行查看原文段落。")
event = show_table(
    table,
    SHOWN,
    key=rows_key("metrics-table", [ds.key, filters]),  # the filters name the rows
    _select={"on_select": "rerun", "selection_mode": "single-row"},
    value=st.column_config.NumberColumn("数值", format="%g"),
    scope=st.column_config.SelectboxColumn("归属", options=list(SCOPE_LABELS), format_func=SCOPE_LABELS.get),
    year=st.column_config.NumberColumn("年份", format="%d"),
    title=st.column_config.TextColumn("文章", width="medium"),
    sentence=st.column_config.TextColumn("原句", width="large"),
    complete=complete,
)
download_buttons(
    table,
    what="指标",
    description=filters.describe() if filters.active else "全部",
    key="metrics",
    complete=complete,
)
metric_passages(ds, [table["metric_id"].iloc[i] for i in event.selection.rows if i < len(table)])
