"""总览: what the corpus holds, coverage by zone and theme, and where to go next."""

import streamlit as st

from lib.explore.filters import filter_table
from lib.explore.overview import overview
from ui.plots import show_chart
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result, show_table

ds, filters = page_setup()

st.title("ZoneLens · 开发区党建报道总览")
st.caption("从报纸报道中整理各开发区的党建举措、数字、企业与人物；每个数字和举措都能追溯到原句。")

articles = filter_table(ds, "articles", filters)
if articles.empty:
    empty_result("文章")
    st.stop()
summary = cached(overview, ds, filters)

cols = st.columns([1, 1, 1.5, 1, 1, 1])
cols[0].metric("文章", f"{len(articles)} 篇")
cols[1].metric("区域", f"{articles['zone'].replace('', None).nunique()} 个")
years = articles["year"].dropna()
cols[2].metric("年份", f"{int(years.min())}–{int(years.max())}" if len(years) else "未注明")
cols[3].metric("段落", f"{summary.n_paragraphs} 段")
cols[4].metric("指标", f"{summary.n_metrics} 条")
cols[5].metric("举措", f"{summary.n_initiatives} 项")

left, right = st.columns([3, 2])
with left:
    if summary.coverage is None:
        st.info("当前筛选下没有正文段落可统计主题。")
    else:
        show_chart(summary.coverage, key="coverage")
with right:
    show_chart(summary.by_zone, key="by-zone")

st.subheader("文章")
columns = [
    "article_id",
    "title",
    "zone",
    "year",
    "authors",
    "n_chars",
    "n_paragraphs",
    "n_duplicates",
    "source_file",
]
show_table(
    articles[columns],
    columns,
    article_id="编号",
    title=st.column_config.TextColumn("标题", width="large"),
    year=st.column_config.NumberColumn("年份", format="%d"),
    authors=st.column_config.ListColumn("作者"),
    n_chars=st.column_config.NumberColumn("字数", format="%d 字"),
    n_paragraphs="正文段落",
    n_duplicates="重复段落（已去重）",
)
download_buttons(
    articles[columns],
    what="文章",
    description=filters.describe() if filters.active else "全部",
    key="overview-articles",
)

st.subheader("下一步去哪里")
NEXT = [
    (
        "views/zones.py",
        "区域画像",
        ":material/location_city:",
        "一个区域的举措、数字、企业与人物，两区并排比较",
    ),
    (
        "views/initiatives.py",
        "举措目录",
        ":material/checklist:",
        "“1+4+N”“五个一”等举措由哪些部分组成，附原句",
    ),
    ("views/keywords.py", "关键词云", ":material/cloud:", "各区域、各主题的高频词与特色用词"),
    ("views/metrics.py", "指标图表", ":material/bar_chart:", "同一指标在各区域、各年份的数值"),
    ("views/search.py", "原文检索", ":material/search:", "带上下文的关键词检索，定位到文章与小节"),
    ("views/library.py", "语料管理", ":material/library_add:", "加入自己的文章，整个应用随之更新"),
]
for col, (path, label, icon, blurb) in zip(st.columns(3) * 2, NEXT, strict=True):
    with col:
        st.page_link(path, label=label, icon=icon)
        st.caption(blurb)
