"""指标图表: the numbers the reports state, as charts: one indicator across zones, a zone's numbers by
theme, an indicator over the years; every bar, point and table row opens its source passage."""

import html

import streamlit as st

from lib import charts, search
from lib.filters import filter_table
from ui.state import cached, page_setup
from ui.widgets import download_buttons, empty_result, passage

#: Most passages shown for one selection (a box or lasso can select many points).
MAX_PASSAGES = 5
SELECT_HINT = "点击图中的柱或点（可框选多个），下方显示该数字所在的原文段落。"

ds, filters = page_setup()

st.title("指标图表")
st.caption("报道中给出的数字：同一指标在各区域的数值、各主题下的指标数量、历年变化。悬停可见原句，点击可看原文段落。")

def filtered_metrics(ds, filters):
    return filter_table(ds.metrics, ds.articles, filters, text_columns=("label", "sentence"))


def indicator_options(ds, filters):
    return charts.indicator_options(cached(filtered_metrics, ds, filters))


def dated_groups(ds, filters):
    return charts.dated_groups(cached(filtered_metrics, ds, filters))


def bar_figures(ds, filters, indicator):
    """One bar chart per comparable unit of the indicator (never two units on one axis)."""
    groups = charts.metric_groups(cached(filtered_metrics, ds, filters).query("label == @indicator"))
    return [((label, unit), charts.metric_bar(grp, zones=ds.zones)) for (label, unit), grp in groups.items()]


def theme_figure(ds, filters, zone):
    metrics = cached(filtered_metrics, ds, filters)
    return charts.metrics_by_theme(metrics[metrics["zone"] == zone] if zone else metrics,
                                   title=f"{html.escape(zone or '各区域')}各主题下的指标数量", zones=ds.zones)


def trend_figure(ds, filters, key):
    return charts.metric_over_years(cached(dated_groups, ds, filters)[key], zones=ds.zones)


metrics = cached(filtered_metrics, ds, filters)
if metrics.empty:
    empty_result("指标")
    st.stop()


def show_passages(metric_ids: list[str]) -> None:
    """The paragraph of each selected metric, its quantity highlighted."""
    if len(metric_ids) > MAX_PASSAGES:
        st.caption(f"选中了 {len(metric_ids)} 个数字，下面显示前 {MAX_PASSAGES} 个。")
    for metric_id in metric_ids[:MAX_PASSAGES]:
        rows = ds.metrics[ds.metrics["metric_id"] == metric_id]
        if rows.empty:
            continue
        m = rows.iloc[0]
        ctx = search.paragraph_context(ds.paragraphs, ds.articles, m["paragraph_id"])
        with st.container(border=True):
            st.html(f"<b>{html.escape(m['label'])}：{html.escape(m['raw'])}</b>")
            if ctx:
                st.html(search.source_html(ctx["title"], ctx["section"], ctx["zone"]))
            passage(ctx["text"] if ctx else m["sentence"], [m["raw"]])


st.subheader("同一指标在各区域")
options = cached(indicator_options, ds, filters)
indicator = st.selectbox("指标", options, key="indicator", bind="query-params",
                         help="按给出该指标的区域数排序，区域多的在前")
picked: list[str] = []
bars = cached(bar_figures, ds, filters, indicator)
if len(bars) > 1:
    st.caption("该指标以不同单位给出，按单位分图显示（不同单位不放在同一坐标轴上）。")
for (label, unit), fig in bars:
    event = st.plotly_chart(fig, key=f"bar-{label}-{unit}", on_select="rerun", selection_mode="points")
    picked += charts.selected_metric_ids(event.selection.points)
st.caption(SELECT_HINT)
show_passages(picked)

st.subheader("各主题下的指标")
zones = sorted(z for z in metrics["zone"].unique() if z)
zone = st.pills("区域", zones, key="mzone", bind="query-params", help="不选则显示全部区域")
st.plotly_chart(cached(theme_figure, ds, filters, zone), key="by-theme")

st.subheader("历年变化")
dated = cached(dated_groups, ds, filters)
if not dated:
    st.info("当前筛选下没有哪个指标在文中给出两个或更多年份的数值，无法画出历年变化。", icon=":material/timeline:")
else:
    trend_labels = {f"{label}（{unit}）": (label, unit) for label, unit in dated}
    trend = st.selectbox("指标（单位）", list(trend_labels), key="trend", bind="query-params",
                         help="只列出文中给出至少两个年份数值的指标")
    event = st.plotly_chart(cached(trend_figure, ds, filters, trend_labels[trend]), key=f"years-{trend}",
                            on_select="rerun", selection_mode="points")
    show_passages(charts.selected_metric_ids(event.selection.points))

st.subheader("指标明细")
table = search.with_titles(metrics, ds.articles)[
    ["metric_id", "zone", "label", "raw", "value", "value_high", "unit", "qualifier", "year", "theme", "title",
     "sentence", "article_id", "paragraph_id"]]
st.caption(f"共 {len(table)} 条指标，来自 {table['article_id'].nunique()} 篇文章。选中一行查看原文段落。")
event = st.dataframe(table, key=search.rows_key("metrics-table", table["metric_id"]), on_select="rerun",
                     selection_mode="single-row", hide_index=True, placeholder="—",
                     column_order=["zone", "label", "raw", "value", "unit", "qualifier", "year", "theme", "title",
                                   "sentence"],
                     column_config={
                         "zone": "区域", "label": "指标", "raw": "原文数量",
                         "value": st.column_config.NumberColumn("数值", format="%g"), "unit": "单位",
                         "qualifier": "限定词", "year": st.column_config.NumberColumn("年份", format="%d"),
                         "theme": "主题", "title": st.column_config.TextColumn("文章", width="medium"),
                         "sentence": st.column_config.TextColumn("原句", width="large")})
download_buttons(table, what="指标", description=filters.describe() if filters.active else "全部", key="metrics")
show_passages([table["metric_id"].iloc[i] for i in event.selection.rows if i < len(table)])
