"""关键词云: a word cloud for the current filter, top terms, comparison of two zones or themes, and the
lexicon editor (add a term or a stopword and see the cloud change)."""

import pandas as pd
import streamlit as st

from lib.core.safety import escape_markdown
from lib.explore import charts, compare
from lib.explore.clouds import NoCJKFontError, find_cjk_font
from lib.explore.export import readable
from ui import lexicon
from ui.clouds import cloud_png, font_note
from ui.links import contexts_link
from ui.plots import show_chart
from ui.state import cached, page_setup
from ui.tables import download_buttons, empty_result

ds, filters = page_setup()

st.title("关键词云")
st.caption(
    "词语经领域词典切分、词性过滤并去除停用词（含“坚持”“推动”等公文套话）；“1+4+N”“六联工作法”等名称保持完整。"
)

try:
    font = find_cjk_font()
except NoCJKFontError as exc:
    font = None
    st.error(f"找不到含中文字形的字体，无法绘制词云：{exc}")

if not cached(compare.has_words, ds, filters):
    empty_result("可统计的正文")
    st.stop()

c1, c2, c3, c4 = st.columns([1, 1, 1.5, 1])
n_words = c1.slider("词云词数", 20, 200, 100, step=10, key="cloud_n")
with_zones = c4.toggle(
    "包含区域名称",
    value=False,
    key="cloud_zones",
    help="区域名称在各自报道中出现最多，默认不放进词云和词表，以免盖过其他词",
)
exclude = () if with_zones else tuple(ds.zones)
score = c2.selectbox(
    "表格排序",
    list(compare.SCORES),
    key="kw_score",
    bind="query-params",
    format_func=lambda s: compare.SCORES[s][0],
    help="频次：出现次数；TF-IDF：按文章加权，突出少数文章集中使用的词；关键性：当前筛选相对其余语料的对数似然 G2",
)
top_n = c3.slider("表格词数", 10, 100, 30, step=10, key="kw_top")

tab_cloud, tab_compare, tab_lexicon = st.tabs(
    ["当前筛选的词云", "两组比较", "词典与停用词"], key="kw_tab", bind="query-params"
)

with tab_cloud:
    freqs = cached(compare.cloud_terms, ds, filters, n_words, exclude)
    if font is not None and freqs:
        png, dropped = cloud_png(freqs, font)
        st.image(png, caption=f"{filters.describe()}（{len(freqs)} 个词）")
        st.download_button(
            "下载词云 PNG",
            png,
            file_name=f"ZoneLens_词云_{pd.Timestamp.today():%Y-%m-%d}.png",
            mime="image/png",
            on_click="ignore",
            icon=":material/image:",
        )
        if dropped:
            st.warning("字体缺少以下词语中的字，未绘制：" + escape_markdown("、".join(dropped)))
        note, font_help = font_note(font)
        st.caption(note, help=font_help)

    table = cached(compare.term_table, ds, filters, score, top_n, exclude)
    if table.empty and score == "g2":
        st.info("当前筛选已包含全部语料，没有可对照的其余部分；请先在左侧缩小筛选。")
    if not table.empty:
        bar = show_chart(
            cached(charts.term_chart, ds, filters, score, top_n, exclude),
            key="kw-bar",
            on_select="rerun",
            selection_mode="points",
        )
        picked = st.dataframe(
            readable(table), hide_index=True, key="kw-table", on_select="rerun", selection_mode="single-row"
        )
        download_buttons(table, what="关键词", description=compare.SCORES[score][0], key="kw-dl")
        rows = list(picked.selection.rows)
        points = [p.get("y") for p in bar.selection.points if p.get("y")]
        word = table["term"].iloc[rows[0]] if rows else (points[0] if points else None)
        if word:
            contexts_link(word)
        else:
            st.caption("点选表格中的一行或条形图中的一个词，可以查看它在原文中的上下文。")

with tab_compare:
    c1, c2, c3 = st.columns([1, 2, 2])
    by = c1.radio(
        "比较", ["zone", "themes"], key="cmp_by", horizontal=True, format_func=compare.GROUPINGS.get
    )
    dim = compare.GROUPINGS[by]
    groups = cached(compare.group_names, ds, filters, by)
    if len(groups) < 2:
        st.info(f"当前筛选下只有 {len(groups)} 个{dim}，至少需要两个才能比较。")
    else:
        a = c2.selectbox(f"{dim} A", groups, index=0, key="cmp_a", bind="query-params")
        b = c3.selectbox(f"{dim} B", [g for g in groups if g != a], index=0, key="cmp_b", bind="query-params")
        cmp = cached(compare.compare_pair, ds, filters, by, a, b, exclude)
        for col, (name, other, side) in zip(st.columns(2), compare.pair_sides(cmp, a, b), strict=True):
            with col:
                st.subheader(f"{escape_markdown(name)} 更常用的词")
                words = dict(zip(side["term"].head(n_words), side["g2"].head(n_words), strict=True))
                if font is not None and words:
                    png, _ = cloud_png(words, font)
                    st.image(png, caption=f"{name}：相对 {other} 的特色词（字号按表中的关键性 G2）")
                st.dataframe(readable(side.head(top_n)), hide_index=True, key=f"cmp-{name}")
        download_buttons(cmp, what="两组比较", description=f"{a}-对-{b}", key="cmp-dl")  # both sides
        st.markdown(f"**各{dim}相对其余全部的特色词**（对数似然 G2 > 0，效应量为对数比）")
        st.dataframe(
            readable(cached(compare.distinctive_groups, ds, filters, by, exclude)),
            hide_index=True,
            key="cmp-all",
        )

with tab_lexicon:
    lexicon.editor()
