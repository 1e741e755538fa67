"""Links between pages: from a word anywhere (a table row, a chart point) to its contexts in 原文检索."""

from __future__ import annotations

import streamlit as st

from lib.core.safety import escape_markdown

SEARCH_PAGE = "views/search.py"


def contexts_link(word: str) -> None:
    """A link to 原文检索 with `word` as the query (the sidebar's filters stay as they are)."""
    st.page_link(
        SEARCH_PAGE,
        label=f"在原文检索中查看“{escape_markdown(word)}”的上下文",
        icon=":material/search:",
        query_params={"kw": word},
    )
