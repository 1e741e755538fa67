"""The lexicon editor on the keyword page: one-field forms that add a term or a stopword to the user's
lexicon (lib.text.lexicon) and rerun, so the change shows at once."""

from __future__ import annotations

import streamlit as st

from lib.core.safety import escape_markdown
from lib.text import lexicon


def entry_form(container, key: str, label: str, placeholder: str, button: str, add, where: str) -> None:
    """A form that adds its entry with `add` (a lib.text.lexicon function) and reruns when it changed."""
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


def editor() -> None:
    """Add and remove the user's terms and stopwords."""
    st.write(
        "加入领域词后，数据集会重新切分（显示进度）；加入停用词后，词云立即更新。"
        "你的修改与你的文章保存在一起（语料库文件夹中的 lexicon/），不会被应用升级覆盖。"
    )
    c1, c2 = st.columns(2)
    entry_form(
        c1,
        "add-term",
        "新增领域词（保持完整，不被切开）",
        "例如：红色引擎",
        "加入词典",
        lexicon.add_term,
        "词典",
    )
    entry_form(
        c2,
        "add-stop",
        "新增停用词（不再出现在词云和词表中）",
        "例如：全方位",
        "加入停用词",
        lexicon.add_stopword,
        "停用词",
    )
    terms, stops = lexicon.user_terms(), lexicon.user_stopwords()
    c1.caption("用户词：" + escape_markdown("、".join(terms) or "（无）"))
    c2.caption("用户停用词：" + escape_markdown("、".join(stops) or "（无）"))
    with st.expander("移除用户添加的词"):
        r1, r2 = st.columns(2)
        drop_term = r1.selectbox("用户词", terms, index=None, key="drop_term", placeholder="选择要移除的词")
        if r1.button("移除该词", disabled=drop_term is None):
            lexicon.remove_term(drop_term)
            st.rerun()
        drop_stop = r2.selectbox(
            "用户停用词", stops, index=None, key="drop_stop", placeholder="选择要移除的停用词"
        )
        if r2.button("移除该停用词", disabled=drop_stop is None):
            lexicon.remove_stopword(drop_stop)
            st.rerun()
