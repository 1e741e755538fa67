"""原文检索: keyword in context over the counted paragraphs, with each hit's article and section, and its
whole article on demand (the hit marked and scrolled into view)."""

import streamlit as st

from lib.core.safety import escape_markdown
from lib.explore import catalog, search
from lib.explore.filters import filter_table
from ui.html import Hit, show_article
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result, rows_key, show_table

#: Hits per page of the results table.
PAGE_SIZE = 100
#: Most hits listed and downloaded (an XLSX of 30 000 rows takes seconds to write on every rerun).
MAX_HITS = 1000
#: Initiative names offered as first searches.
SUGGESTIONS = 8

ds, filters = page_setup()

st.title("原文检索")
st.caption(
    "在正文段落中查找一个词或短语，逐处列出它的上下文。检索按字面匹配，不区分大小写；左侧筛选同样生效。"
)

c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
typed = c1.text_input(
    "检索词",
    key="kw",
    bind="query-params",
    placeholder=filters.query or "例如：党建联建、五个一、人才",
    help="留空时使用左侧“文本包含”中的文字",
)
with_copies = c2.toggle("包括重复段落", key="copies", help="报纸版面上重复印出的段落默认不计")
term = (typed or "").strip() or filters.query
if not term:
    st.info("输入一个词或短语开始检索，或试试下面这些报道中的举措名称。", icon=":material/search:")
    suggestions = cached(catalog.most_named, ds, SUGGESTIONS)
    st.pills(
        "试试",
        suggestions,
        format_func=escape_markdown,  # names come from articles: no links or colours from them
        key="kw_try",
        on_change=lambda: st.session_state.update(kw=st.session_state.kw_try),
        wrap=True,
    )
    st.stop()

paragraphs = filter_table(ds, "paragraphs", filters)
if paragraphs.empty:
    empty_result("段落")
    st.stop()
(n_hits, n_paragraphs, n_articles), found = cached(search.find, ds, filters, term, with_copies, MAX_HITS)
shown_term = escape_markdown(term)
if found.empty:
    if filters.active:
        empty_result(f"“{shown_term}”的命中")
    else:
        st.info(f"正文中没有找到“{shown_term}”。", icon=":material/search_off:")
    st.stop()

order = st.segmented_control(
    "排序", list(search.KWIC_ORDERS), format_func=search.KWIC_ORDERS.get, key="kw_order", default="text"
)
hits = search.sort_kwic(search.kwic_table(found, ds.articles), order or "text")
n_pages = search.page_count(len(hits), size=PAGE_SIZE)
st.caption(
    f"“{shown_term}”共 {n_hits} 处，出现在 {n_paragraphs} 个段落、{n_articles} 篇文章中。"
    + (
        f"下面列出前 {MAX_HITS} 处；加上左侧筛选或换一个更具体的词可以看到其余的。"
        if n_hits > MAX_HITS
        else ""
    )
    + (f"每页 {PAGE_SIZE} 处，共 {n_pages} 页。" if n_pages > 1 else "")
)
page = st.pagination(n_pages, key=rows_key("kw-page", [term, len(hits), order])) if n_pages > 1 else 1
shown = search.page_of(hits, page, size=PAGE_SIZE)
event = show_table(
    shown,
    ["left", "hit", "right", "title", "section"],  # the context first: on a phone it is what shows
    key=rows_key("kwic", shown["paragraph_id"] + ":" + shown.index.astype(str)),
    _select={"on_select": "rerun", "selection_mode": "single-row"},
    _highlight=("hit",),
    title=st.column_config.TextColumn("文章", width="medium"),
    section=st.column_config.TextColumn("小节", width="small"),
    left=st.column_config.TextColumn("左文", alignment="right"),
    hit=st.column_config.TextColumn("命中", width="small", alignment="center"),
    right=st.column_config.TextColumn("右文"),
)
download_buttons(hits.drop(columns="start"), what="检索", description=term, key="search")
st.caption(f"下载包含列出的全部 {len(hits)} 处命中。选中表格中的一行，在下面阅读它所在文章的全文。")

rows = [i for i in event.selection.rows if i < len(shown)]
if rows:
    row = shown.iloc[rows[0]]
    article = cached(search.hit_article, ds, row["paragraph_id"])
    if article:
        show_article(article, [term], hit=Hit(row["paragraph_id"], int(row["start"]), len(row["hit"])))
