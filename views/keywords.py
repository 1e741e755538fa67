"""关键词云: a word cloud for the current filter, top terms, comparison of two zones or themes, and the
lexicon editor (add a term or a stopword and see the cloud change)."""

import pandas as pd
import streamlit as st

from lib import charts, compare, lexicon
from lib.clouds import NoCJKFontError, find_cjk_font
from lib.export import readable
from lib.search import escape_markdown
from ui.state import cached, page_setup
from ui.widgets import cloud_png, download_buttons, empty_result


def lexicon_form(container, key: str, label: str, placeholder: str, button: str, add, where: str) -> None:
    """A one-field form that adds an entry to a lexicon file and reruns so the change shows at once."""
    with container.form(key, clear_on_submit=True):
        entry = st.text_input(label, placeholder=placeholder)
        if st.form_submit_button(button):
            try:
                changed = add(entry)
            except ValueError as exc:
                st.error(str(exc))
                return
            shown = escape_markdown(entry)
            st.toast(f"已加入{where}：{shown}" if changed else f"{where}中已有：{shown}")
            if changed:
                st.rerun()


def term_figure(ds, filters, score: str, n: int, exclude: tuple[str, ...]):
    table = cached(compare.term_table, ds, filters, score, n, exclude).head(30)
    value, unit = compare.SCORES[score]
    return charts.term_bar(table, value=value, unit=unit, title=f"高频词（按{score}，前 {len(table)} 个）")


FONT_SOURCES = {"env": "环境变量 ZONELENS_FONT", "system": "系统字体", "package": "随应用安装的字体", "argument": "指定"}

ds, filters = page_setup()

st.title("关键词云")
st.caption("词语经领域词典切分、词性过滤并去除停用词（含“坚持”“推动”等公文套话）；“1+4+N”“六联工作法”等名称保持完整。")

try:
    font = find_cjk_font()
except NoCJKFontError as exc:
    font = None
    st.error(f"找不到含中文字形的字体，无法绘制词云：{exc}")

body = cached(compare.filtered_body, ds, filters)
if body.empty or not body["tokens"].map(len).any():
    empty_result("可统计的正文")
    st.stop()

c1, c2, c3, c4 = st.columns([1, 1, 1.5, 1])
n_words = c1.slider("词云词数", 20, 200, 100, step=10, key="cloud_n")
with_zones = c4.toggle("包含区域名称", value=False, key="cloud_zones",
                       help="区域名称在各自报道中出现最多，默认不放进词云和词表，以免盖过其他词")
exclude = () if with_zones else tuple(ds.zones)
score = c2.selectbox("表格排序", list(compare.SCORES), key="kw_score", bind="query-params",
                     help="频次：出现次数；TF-IDF：按文章加权，突出少数文章集中使用的词；关键性：当前筛选相对其余语料的对数似然 G2")
top_n = c3.slider("表格词数", 10, 100, 30, step=10, key="kw_top")

tab_cloud, tab_compare, tab_lexicon = st.tabs(["当前筛选的词云", "两组比较", "词典与停用词"], key="kw_tab",
                                              bind="query-params")

with tab_cloud:
    freqs = cached(compare.cloud_terms, ds, filters, n_words, exclude)
    if font is not None and freqs:
        png, dropped = cloud_png(tuple(freqs.items()), str(font.path))
        st.image(png, caption=f"{filters.describe()}（{len(freqs)} 个词）")
        st.download_button("下载词云 PNG", png, file_name=f"ZoneLens_词云_{pd.Timestamp.today():%Y-%m-%d}.png",
                           mime="image/png", on_click="ignore", icon=":material/image:")
        if dropped:
            st.warning("字体缺少以下词语中的字，未绘制：" + "、".join(dropped))
        st.caption(f"字体：{font.name}（{FONT_SOURCES.get(font.source, font.source)}） · {font.path}"
                   " · 可用环境变量 ZONELENS_FONT 指定其他字体文件")

    table = cached(compare.term_table, ds, filters, score, top_n, exclude)
    value, unit = compare.SCORES[score]
    if table.empty and score == "关键性 G2":
        st.info("当前筛选已包含全部语料，没有可对照的其余部分；请先在左侧缩小筛选。")
    if not table.empty:
        st.plotly_chart(cached(term_figure, ds, filters, score, top_n, exclude), key="kw-bar")
        st.dataframe(readable(table), hide_index=True, key="kw-table")
        download_buttons(table, what="关键词", description=score, key="kw-dl")

with tab_compare:
    c1, c2, c3 = st.columns([1, 2, 2])
    dim = c1.radio("比较", list(compare.GROUPINGS)[:2], key="cmp_by", horizontal=True)
    by = compare.GROUPINGS[dim]
    groups = cached(compare.group_names, ds, filters, by)
    if len(groups) < 2:
        st.info(f"当前筛选下只有 {len(groups)} 个{dim}，至少需要两个才能比较。")
    else:
        a = c2.selectbox(f"{dim} A", groups, index=0, key="cmp_a")
        b = c3.selectbox(f"{dim} B", [g for g in groups if g != a], index=0, key="cmp_b")
        cmp = cached(compare.compare_pair, ds, filters, by, a, b, exclude)
        left, right = st.columns(2)
        for col, name, side in ((left, a, cmp[cmp["g2"] > 0]), (right, b, cmp[cmp["g2"] < 0])):
            with col:
                st.subheader(f"{name} 更常用的词")
                words = dict(zip(side["term"], side["g2"].abs(), strict=True))
                if font is not None and words:
                    png, _ = cloud_png(tuple(list(words.items())[:n_words]), str(font.path))
                    st.image(png, caption=f"{name}：相对 {b if name == a else a} 的特色词（按 G2 加权）")
                st.dataframe(readable(side.head(top_n).assign(g2=side["g2"].abs())), hide_index=True, key=f"cmp-{name}")
        download_buttons(cmp, what="两组比较", description=f"{a}-对-{b}", key="cmp-dl")
        st.markdown(f"**各{dim}相对其余全部的特色词**（对数似然 G2 > 0，效应量为对数比）")
        all_groups = cached(compare.distinctive_groups, ds, filters, by, exclude)
        st.dataframe(readable(all_groups), hide_index=True, key="cmp-all")

with tab_lexicon:
    st.write("加入领域词后，数据集会重新切分（显示进度）；加入停用词后，词云立即更新。修改保存在 `data/lexicon/` 中，可直接编辑。")
    c1, c2 = st.columns(2)
    lexicon_form(c1, "add-term", "新增领域词（保持完整，不被切开）", "例如：红色引擎", "加入词典", lexicon.add_term, "词典")
    lexicon_form(c2, "add-stop", "新增停用词（不再出现在词云和词表中）", "例如：全方位", "加入停用词", lexicon.add_stopword,
                 "停用词")
    user_terms = lexicon.read_entries(lexicon.lexicon_path(lexicon.USER_TERMS))
    user_stops = lexicon.read_entries(lexicon.lexicon_path(lexicon.USER_STOPWORDS))
    c1.caption("用户词：" + ("、".join(user_terms) or "（无）"))
    c2.caption("用户停用词：" + ("、".join(user_stops) or "（无）"))
    with st.expander("移除用户添加的词"):
        r1, r2 = st.columns(2)
        drop_term = r1.selectbox("用户词", user_terms, index=None, key="drop_term", placeholder="选择要移除的词")
        if r1.button("移除该词", disabled=drop_term is None):
            lexicon.remove_term(drop_term)
            st.rerun()
        drop_stop = r2.selectbox("用户停用词", user_stops, index=None, key="drop_stop", placeholder="选择要移除的停用词")
        if r2.button("移除该停用词", disabled=drop_stop is None):
            lexicon.remove_stopword(drop_stop)
            st.rerun()
