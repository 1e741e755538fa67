"""ZoneLens: the entry script. Routes the pages, loads the dataset once and draws the one sidebar.

The page scripts live in `views/`, not `pages/` (tests/test_architecture.py fails if a `pages/` folder appears): Streamlit runs a `pages/` folder beside the entry script
in its older multipage mode until the entry script first calls `st.navigation`, so a copied link opened
as a fresh server's first request would run the page alone, without this sidebar (Streamlit's advice is
to use another folder name with `st.navigation`)."""

import streamlit as st

from lib.core.errors import RuleFileError
from lib.core.safety import display_name, escape_markdown
from lib.reading.manifest import take_notices
from ui.state import draw_sidebar, get_dataset, release_memory

st.set_page_config(
    page_title="ZoneLens · 开发区党建报道分析", page_icon=":material/travel_explore:", layout="wide"
)

PAGES = [
    st.Page("views/overview.py", title="总览", icon=":material/dashboard:", default=True),  # served at /
    st.Page("views/zones.py", title="区域画像", icon=":material/location_city:", url_path="zones"),
    st.Page("views/initiatives.py", title="举措目录", icon=":material/checklist:", url_path="initiatives"),
    st.Page("views/keywords.py", title="关键词云", icon=":material/cloud:", url_path="keywords"),
    st.Page("views/words.py", title="词语分析", icon=":material/hub:", url_path="words"),
    st.Page("views/metrics.py", title="指标图表", icon=":material/bar_chart:", url_path="metrics"),
    st.Page("views/search.py", title="原文检索", icon=":material/search:", url_path="search"),
    st.Page("views/library.py", title="语料管理", icon=":material/library_add:", url_path="library"),
]

page = st.navigation(PAGES)
try:
    dataset = get_dataset()
except RuleFileError as err:  # a rule file edited into a broken state: say which and what, change nothing
    st.error(
        f"数据集未能按新规则重建：{escape_markdown(str(err))}。\n\n"
        "改正该文件后刷新页面即可；文章、词典和已建好的数据集都没有改动。",
        icon=":material/error:",
    )
    st.stop()
if dataset.skipped:
    with st.sidebar:
        st.warning(
            "有文件未能读取：\n\n"
            + "\n".join(
                f"- {escape_markdown(display_name(n))}：{escape_markdown(r)}" for n, r in dataset.skipped
            ),
            icon=":material/warning:",
        )
for notice in [*dataset.notices, *take_notices()]:  # a damaged cache or library manifest, healed
    st.toast(escape_markdown(notice), icon=":material/build:")
draw_sidebar(dataset)
try:
    page.run()
finally:  # also when the page stops early (st.stop) or a widget reruns it
    release_memory()
