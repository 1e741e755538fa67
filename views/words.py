"""词语分析: which words go with a word (collocations), which words share paragraphs (co-occurrence
network), how words are used over the years or across zones (trends), and the set phrases reports speak
in, all for the sidebar's filter, each with its table, its download and a way to the word's contexts."""

import streamlit as st

from lib.core.safety import escape_markdown
from lib.explore import compare, groups, words
from lib.explore.word_charts import correspondence_figure, network_figure, trend_figure
from ui.links import contexts_link
from ui.plots import show_chart
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result, show_table

ds, filters = page_setup()
description = filters.describe() if filters.active else "全部"

st.title("词语分析")
st.caption(
    "按左侧筛选（省份、区域、主题、年份）统计正文段落里的实词，分词、词性过滤和停用词与关键词云相同。"
    "选中表格中的一行或图中的一个词，可以转到原文检索查看它的上下文。"
)

if not cached(compare.has_words, ds, filters):
    empty_result("可统计的正文")
    st.stop()

top_words = cached(compare.term_table, ds, filters, "count", 40, tuple(ds.zones))[
    "term"
].tolist()  # per filter, once


tab_coll, tab_net, tab_groups, tab_trend, tab_phrase = st.tabs(
    ["搭配词", "共现网络", "分组对比", "词语趋势", "常用词组"], key="words_tab", bind="query-params"
)

with tab_coll:
    c1, c2 = st.columns([3, 1])
    asked = st.session_state.get("w_word") or st.query_params.get("w_word")
    word = c1.selectbox(
        "查询词",
        top_words if not asked or asked in top_words else [asked, *top_words],  # a chosen word stays offered
        key="w_word",
        bind="query-params",
        accept_new_options=True,
        help="从当前筛选中最常见的词里选，也可以直接输入任意一个词",
    )
    window = c2.slider("左右各取几个词", 1, 10, words.WINDOW, key="w_window")
    if word:
        table = cached(words.filtered_collocates, ds, filters, word, window)
        if table.empty:
            st.info(f"当前筛选的正文中没有“{escape_markdown(word)}”。", icon=":material/search_off:")
        else:
            st.caption(
                f"与“{escape_markdown(word)}”相距不超过 {window} 个实词的词，按 logDice 排序"
                "（14 + log₂(2×共现次数 ÷ (两词频次之和))，最高 14，不受语料大小影响）。"
            )
            picked = show_table(
                table,
                ["term", "together", "term_total", "log_dice"],
                key=f"coll-{word}-{window}",
                _select={"on_select": "rerun", "selection_mode": "single-row"},
            )
            download_buttons(table, what=f"搭配词_{word}", description=description, key="coll")
            rows = picked.selection.rows
            contexts_link(table["term"].iloc[rows[0]] if rows else word)

with tab_net:
    c1, c2, c3 = st.columns([1, 1, 1])
    n_words = c1.slider("词数", 20, 120, 60, step=10, key="net_words")
    n_edges = c2.slider("连线数", 20, 200, 80, step=10, key="net_edges")
    with_zones = c3.toggle("包含区域名称", value=False, key="net_zones")
    exclude = () if with_zones else tuple(ds.zones)
    nodes, edges = cached(words.filtered_network, ds, filters, n_words, n_edges, exclude)
    if edges.empty:
        st.info("当前筛选的段落太少，没有在两个以上段落中共同出现的词。", icon=":material/hub:")
    else:
        st.caption(
            f"出现段落最多的 {n_words} 个词之间，在同一段落共同出现的程度（Jaccard 系数：共同出现的段落数 ÷ "
            f"出现其中任一词的段落数）最高的 {len(edges)} 条连线；圆越大，词出现的段落越多；颜色是联系紧密的词群。"
            "点选一个词查看它的上下文。"
        )
        event = show_chart(
            network_figure(nodes, edges), key="net", on_select="rerun", selection_mode="points"
        )
        points = [p.get("customdata") for p in event.selection.points if p.get("customdata")]
        if points:
            contexts_link(points[0])
        with st.expander("连线表"):
            show_table(edges, ["source", "target", "together", "jaccard"])
        download_buttons(edges, what="共现网络连线", description=description, key="net")

with tab_groups:
    c1, c2 = st.columns([2, 1])
    by_group = c1.radio(
        "分组", list(groups.GROUPINGS), format_func=groups.GROUPINGS.get, key="grp_by", horizontal=True
    )
    top = c2.slider("每组词数", 5, 20, 10, key="grp_top")
    group_label = groups.GROUPINGS[by_group]
    terms = cached(groups.filtered_group_terms, ds, filters, by_group, top, tuple(ds.zones))
    if terms.empty:
        st.info(
            f"当前筛选只有一个{group_label}，无法分组对比。可以放宽左侧的筛选。", icon=":material/compare:"
        )
    else:
        st.caption(
            f"每个{group_label}相对其余{group_label}最常用的词（按对数似然 G2 排序，只列多用的词；"
            "区域名称不计）。"
        )
        show_table(groups.side_by_side(terms), ["rank", *sorted(set(terms["group"]))], rank="名次")
        download_buttons(terms, what=f"分组对比_{group_label}", description=description, key="groups")
        points, shares = cached(groups.filtered_correspondence, ds, filters, by_group, 40, tuple(ds.zones))
        if points.empty:
            st.info(f"对应分析需要至少三个{group_label}。", icon=":material/scatter_plot:")
        else:
            event = show_chart(
                correspondence_figure(points, shares, group_label=group_label),
                key="ca",
                on_select="rerun",
                selection_mode="points",
            )
            st.caption(
                f"对应分析：图中相互靠近的{group_label}用词相近，{group_label}附近的词是它较多使用的词。"
                "点选一个词查看它的上下文。"
            )
            picked = [p.get("customdata") for p in event.selection.points if p.get("customdata")]
            if picked:
                contexts_link(picked[0])

with tab_trend:
    c1, c2 = st.columns([3, 1])
    kept = [w for w in st.session_state.get("tr_words") or () if w not in top_words]  # chosen words stay
    chosen = c1.multiselect(
        "词语",
        [*kept, *top_words],
        default=top_words[:3],
        key="tr_words",
        accept_new_options=True,
        max_selections=8,
    )
    by = c2.radio(
        "按", ["year", "zone"], format_func={"year": "年份", "zone": "区域"}.get, key="tr_by", horizontal=True
    )
    if not chosen:
        st.info("选一个或几个词，看它们在各年份（或各区域）报道中的使用频率。", icon=":material/show_chart:")
    else:
        table = cached(words.filtered_trends, ds, filters, tuple(chosen), by)
        if table.empty:
            st.info("当前筛选的段落没有年份（或区域）信息。", icon=":material/show_chart:")
        else:
            show_chart(trend_figure(table, by=by), key="trend")
            show_table(table, [by, "term", "count", "total_words", "per_10k"])
            download_buttons(table, what="词语趋势", description=description, key="trend")

with tab_phrase:
    table = cached(words.filtered_phrases, ds, filters, 100)
    if table.empty:
        st.info("当前筛选的正文中没有重复出现的词组。", icon=":material/format_quote:")
    else:
        st.caption("相邻的 2–4 个实词组成、至少出现两次的词组；只在更长词组里出现的短词组不单列。")
        picked = show_table(
            table,
            ["phrase", "n_words", "count", "paragraphs"],
            key="phrases",
            _select={"on_select": "rerun", "selection_mode": "single-row"},
        )
        download_buttons(table, what="常用词组", description=description, key="phrases")
        rows = picked.selection.rows
        if rows:
            contexts_link(table["phrase"].iloc[rows[0]].replace(" ", ""))
