"""原文检索 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import io
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
PAGE = "pages/search.py"
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


def select_row(at: AppTest, row: int) -> AppTest:
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return at.run()


def test_keyword_in_context_on_the_real_corpus(downloads):
    at = open_page({"kw": "六联工作法"})
    hits = table(at)
    assert len(hits) >= 1 and set(hits["hit"]) == {"六联工作法"}
    assert set(hits["title"]) == {"嘉兴高新区“新领秀”党建赋能高质量发展"}
    assert hits["left"].iloc[0].endswith("建立“") and hits["right"].iloc[0].startswith("”，实现组织联建")
    assert any(f"共 {len(hits)} 处" in c.value and "1 篇文章" in c.value for c in at.caption)


def test_sidebar_text_query_is_the_default_search(downloads):
    at = open_page({"q": "五个一"})
    hits = table(at)
    assert set(hits["hit"]) == {"五个一"} and set(hits["zone"]) == {"昆山高新区", "贵阳高新区"}


def test_sidebar_zone_filter_narrows_hits_and_download(downloads):
    at = open_page({"kw": "五个一"})
    at.multiselect(key="zone").select("贵阳高新区").run()
    hits = table(at)
    assert len(hits) > 0 and set(hits["zone"]) == {"贵阳高新区"}
    csv = download_csv(at, downloads, "search-csv")
    assert csv["段落编号"].tolist() == hits["paragraph_id"].tolist()
    assert csv["命中"].tolist() == hits["hit"].tolist()


def test_copies_are_left_out_unless_asked_for(downloads):
    at = open_page({"kw": "推窗见绿"})  # 002 prints this paragraph four times
    assert len(table(at)) == 1
    at.toggle(key="copies").set_value(True).run()
    assert len(table(at)) == 4


def test_many_hits_are_paged_and_the_download_holds_all(downloads):
    at = open_page({"kw": "党建"})
    total = len(download_csv(at, downloads, "search-csv"))
    assert total > 100 and len(table(at)) == 100
    at.pagination[0].select(2).run()
    assert len(table(at)) == min(100, total - 100)


def test_hits_are_capped_with_a_note(downloads, tmp_path, monkeypatch):
    body = "".join(f"嘉兴高新区第{i}条红链聚力发展。" for i in range(1100))
    (tmp_path / "901_many.txt").write_text(f"嘉兴高新区红链报道\n\n▶ 本报记者 张三\n\n{body}\n", encoding="utf-8")
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "红链"})
    assert any("共 1100 处" in c.value and "下面列出前 1000 处" in c.value for c in at.caption)
    assert len(download_csv(at, downloads, "search-csv")) == 1000
    at.pagination[0].select(10).run()
    assert len(table(at)) == 100


def test_choosing_a_hit_opens_its_paragraph(downloads):
    at = open_page({"kw": "六联工作法"})
    select_row(at, 0)
    shown = html(at)
    assert "<mark>六联工作法</mark>" in shown and "治理联抓" in shown
    assert "《嘉兴高新区“新领秀”党建赋能高质量发展》" in shown


def test_no_hit_and_empty_filter(downloads):
    at = open_page({"kw": "语料里没有这段文字"})
    assert not at.dataframe and any("正文中没有找到" in i.value for i in at.info)
    at = open_page({"kw": "六联工作法", "zone": "贵阳高新区"})
    assert any("当前筛选条件下没有" in i.value for i in at.info)
    assert at.button(key="widen-“六联工作法”的命中")


def test_empty_dataset(downloads, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "党建"})
    assert not at.dataframe


def test_hostile_article_text_and_query_are_shown_as_text(downloads, tmp_path, monkeypatch):
    (tmp_path / "900_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "alert"})
    select_row(at, 0)
    shown = html(at)
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in shown and "<script>" not in shown
    assert "《嘉兴高新区&lt;b&gt;粗体&lt;/b&gt;党建报道》" in shown
    at = open_page({"kw": "HYPERLINK"})
    csv = download_csv(at, downloads, "search-csv")
    assert csv["左文"].tolist() == ["'="]
    at = open_page({"kw": "[点此](http://evil.example)"})
    assert any(r"\[点此\]\(http\://evil\.example\)" in i.value for i in at.info)
