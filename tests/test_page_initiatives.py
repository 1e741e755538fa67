"""举措目录 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from lib import config

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/initiatives.py"
HOSTILE = """嘉兴高新区<b>粗体</b>党建报道

▶ 本报记者 张三

嘉兴高新区依托党委牵头建立“六联工作法”，实现组织联建、资源联享、技术联攻、人才联育、市场联拓、治理联抓全方位联动。<script>alert(1)</script>全年走访企业近4000家次。

=HYPERLINK("http://evil.example","点我")嘉兴高新区打造“红色引擎”党建品牌，协调解决各类企业发展难题80余项。
"""


def _navigation_mode_init(self, *args, **kwargs):
    """In a server, the first st.navigation call switches off the `pages/`-directory mode for good; AppTest
    switches it back on before every run, which would run a page without app.py (and so without the
    sidebar). Keep it off, as in a server."""
    _pages_manager_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


_pages_manager_init = PagesManager.__init__


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    """The real corpus with its own cache and an empty library; every run's download files are kept here."""
    storage = MemoryMediaFileStorage("/mock/media")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "CACHE_DIR", tmp_path_factory.mktemp("cache"))
        mp.setattr(config, "LIBRARY_DIR", tmp_path_factory.mktemp("library"))
        mp.setattr(app_test_module, "MemoryMediaFileStorage", lambda endpoint: storage)
        mp.setattr(PagesManager, "__init__", _navigation_mode_init)
        st.cache_data.clear()
        st.cache_resource.clear()
        yield storage
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()  # switch_page needs the pages st.navigation registers
    at.query_params.update(query or {})  # the first page drops the other pages' parameters
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def download_csv(at: AppTest, storage, key: str) -> pd.DataFrame:
    url = at.download_button(key=key).proto.url
    return pd.read_csv(io.BytesIO(storage.get_file(url.rsplit("/", 1)[-1]).content), encoding="utf-8-sig")


def html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.get("html"))


def test_lists_every_initiative_of_the_corpus(downloads):
    at = open_page()
    names = set(table(at)["name"])
    assert {"1+4+N", "五个一", "六联工作法", "新领秀"} <= names
    assert set(table(at).loc[table(at)["name"] == "五个一", "zone"]) == {"昆山高新区", "贵阳高新区"}
    assert at.selectbox(key="initiative").value is None


def test_sidebar_zone_filter_narrows_the_table_and_its_download(downloads):
    at = open_page()
    at.multiselect(key="zone").select("嘉兴高新区").run()
    shown = table(at)
    assert set(shown["zone"]) == {"嘉兴高新区"}
    assert "六联工作法" in set(shown["name"]) and "1+4+N" not in set(shown["name"])
    csv = download_csv(at, downloads, "initiatives-csv")
    assert csv["名称"].tolist() == shown["name"].tolist()
    assert set(csv["区域"]) == {"嘉兴高新区"}


@pytest.mark.parametrize(("widget", "value", "column", "check"), [
    ("ikind", ["formula"], "kind", lambda kinds: set(kinds) == {"数字公式"}),
    ("iparts", True, "components", lambda parts: all(len(p) > 0 for p in parts)),
])
def test_page_filters_narrow_the_table(downloads, widget, value, column, check):
    at = open_page()
    before = len(table(at))
    at.get_by_key(widget).set_value(value).run()
    assert 0 < len(table(at)) < before
    assert check(table(at)[column])


def test_query_string_opens_an_initiative_and_its_namesakes(downloads):
    at = open_page({"initiative": "贵阳高新区 · “五个一”行动"})
    shown = html(at)
    assert "<h3>“五个一”行动</h3>" in shown
    assert "<li>建好一支队伍</li>" in shown
    assert "“<mark>五个一</mark>”" in shown  # the source paragraph, name highlighted
    assert "<h4>昆山高新区</h4>" in shown and "<h4>贵阳高新区</h4>" in shown  # the same name side by side
    assert "<li>一处专窗</li>" in shown
    assert any("名称应有 5 项，文中找到 5 项" in s.value for s in at.success)


def test_count_mismatch_is_flagged(downloads):
    at = open_page({"initiative": "昆山高新区 · “1+4+N”党建工作矩阵"})
    row = table(at).set_index("name").loc["1+4+N"]
    note = f"公式应有 {row['expected_count']} 项，文中找到 {row['found_count']} 项"
    alerts = at.warning if row["expected_count"] != row["found_count"] else at.success
    assert any(note in a.value for a in alerts)


def test_unknown_query_values_are_ignored(downloads):
    at = open_page({"initiative": "不存在的举措", "zone": "不存在的区域", "ikind": "nonsense"})
    assert at.selectbox(key="initiative").value is None
    assert {"1+4+N", "六联工作法"} <= set(table(at)["name"])


def test_empty_filter_offers_to_widen(downloads):
    at = open_page({"q": "语料里没有这段文字"})
    assert not at.dataframe
    assert any("当前筛选条件下没有举措" in i.value for i in at.info)
    at.button(key="widen-举措").click().run()
    assert not at.exception and "六联工作法" in set(table(at)["name"])


def test_empty_dataset(downloads, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    assert any("当前筛选条件下没有举措" in i.value for i in at.info)


def test_hostile_article_text_is_shown_as_text(downloads, tmp_path, monkeypatch):
    (tmp_path / "900_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(next((ROOT / "data" / "articles").glob("004_*.txt")), tmp_path)
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    label = next(o for o in at.selectbox(key="initiative").options if "六联工作法" in o and "粗体" in o)
    at.selectbox(key="initiative").select(label).run()
    shown = html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    assert "&lt;b&gt;粗体&lt;/b&gt;" in shown and "<b>粗体" not in shown
    sentences = download_csv(at, downloads, "initiatives-csv")["原句"]
    assert any(s.startswith("'=HYPERLINK") for s in sentences)
    assert not any(s.startswith("=") for s in sentences)
