"""ZoneLens: the entry script. Routes the pages, loads the dataset once and draws the one sidebar."""

import streamlit as st

from ui.state import draw_sidebar, get_dataset, mark_routed

st.set_page_config(page_title="ZoneLens · 开发区党建报道分析", page_icon=":material/travel_explore:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/zones.py", title="区域画像", icon=":material/location_city:", url_path="zones"),
    st.Page("pages/initiatives.py", title="举措目录", icon=":material/checklist:", url_path="initiatives"),
    st.Page("pages/keywords.py", title="关键词云", icon=":material/cloud:", url_path="keywords"),
    st.Page("pages/metrics.py", title="指标图表", icon=":material/bar_chart:", url_path="metrics"),
    st.Page("pages/search.py", title="原文检索", icon=":material/search:", url_path="search"),
    st.Page("pages/library.py", title="语料管理", icon=":material/library_add:", url_path="library"),
]

page = st.navigation(PAGES)
dataset = get_dataset()
if dataset.skipped:
    with st.sidebar:
        st.warning("有文件未能读取：\n\n" + "\n".join(f"- {n}：{r}" for n, r in dataset.skipped), icon=":material/warning:")
draw_sidebar(dataset)
mark_routed()
page.run()
