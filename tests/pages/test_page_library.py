"""The 语料管理 page, driven through the app with AppTest: preview and add uploads, paste text, correct and
remove articles, and see the whole app pick up the change.

Each test has its own library (tmp_path); the dataset cache is shared by the module (it is keyed by
content, so sharing is safe) and never data/. File uploads are set with `file_uploader.set_value`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
from samples import make_docx
from streamlit.testing.v1 import AppTest

from lib import config
from lib.dataset import build, load_dataset
from lib.reading import library
from ui import state

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "views/library.py"

HEFEI_TITLE = "合肥高新区“三联工作法”激活党建引擎"
HEFEI = (
    "合肥高新区探索“三联工作法”，即组织联建、资源联享、人才联育，推动党建与发展深度融合。"
    "2024年，园区新建党组织36个，党组织覆盖率达到98%。"
)
#: Pasted under its own title, so its text is new to the shared cache.
PASTE_TITLE = "合肥高新区以“三联工作法”凝聚发展合力"
WUHU_TITLE = "芜湖高新区党建引领产业发展"
WUHU = "芜湖高新区坚持党建引领，2023年新建党组织20个，服务企业500家次。"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def lib_dir(tmp_path, monkeypatch, cache_dir) -> Path:
    root = tmp_path / "library"
    monkeypatch.setattr(config, "LIBRARY_DIR", root)
    monkeypatch.setattr(config, "CACHE_DIR", cache_dir)
    st.cache_data.clear()
    st.cache_resource.clear()
    state.RESULTS.clear()
    yield root
    st.cache_data.clear()
    st.cache_resource.clear()
    state.RESULTS.clear()


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def sidebar_zones() -> list[str]:
    """The zone filter's choices in the sidebar that app.py draws, in a new session."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at.multiselect(key="zone").options


def table(at: AppTest, column: str):
    """The page's first dataframe that has this column."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_page_shows_the_shipped_articles_and_an_empty_library(lib_dir):
    at = open_page()
    assert at.title[0].value == "语料管理"
    assert [m.value for m in at.metric] == ["6 篇", "0 篇", "6 篇"]
    assert any("还没有加入自己的文章" in i.value for i in at.info)
    shipped = table(at, "source_file")
    assert len(shipped) == 6 and "贵阳高新区建强党建“链”激活发展“链”" in set(shipped["title"])
    assert (shipped["n_metrics"] > 0).all()
    assert not lib_dir.exists()


def test_uploads_are_previewed_then_the_valid_ones_added(lib_dir, monkeypatch):
    at = open_page()
    word = make_docx([f"# {WUHU_TITLE}", WUHU])
    at.file_uploader[0].set_value(
        [
            ("合肥.txt", f"# {HEFEI_TITLE}\n\n{HEFEI}\n".encode(), "text/plain"),
            ("**英文**.txt", b"Party building in development zones.", "text/plain"),
            ("芜湖.docx", word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ]
    ).run()
    assert not at.exception
    [refused] = at.error
    assert "英文" in refused.value and "没有中文内容" in refused.value
    assert r"\*\*英文\*\*" in refused.value  # the name is shown as text, not as bold markup
    shown = table(at, "initiatives")
    assert shown[["name", "title", "zone", "n_initiatives", "status"]].values.tolist() == [
        ["合肥.txt", HEFEI_TITLE, "合肥高新区", 1, "可以加入"],
        ["芜湖.docx", WUHU_TITLE, "芜湖高新区", 0, "可以加入"],
    ]
    assert shown.loc[0, "initiatives"] == ["三联工作法"] and shown.loc[0, "n_metrics"] >= 2
    assert shown.loc[1, "size"] == len(word)
    assert library.list_entries() == []  # nothing is written before the button

    add = at.button(key="library-add-files")
    assert add.label == "加入语料库（2 个文件）"
    decoded = []
    real_extract = library.extract_text
    monkeypatch.setattr(library, "extract_text", lambda *a, **kw: decoded.append(1) or real_extract(*a, **kw))
    add.click().run()
    assert not at.exception
    assert decoded == []  # the preview's worker decoded the files; adding does not decode them again
    assert sorted(e["name"] for e in library.list_entries()) == [
        "合肥.txt",
        "芜湖.docx",
    ]  # the refused one stays out
    assert "已加入 2 篇" in at.success[0].value
    added = table(at, "n_articles").sort_values("zone")
    assert added[["title", "zone", "n_initiatives"]].values.tolist() == [
        [HEFEI_TITLE, "合肥高新区", 1],
        [WUHU_TITLE, "芜湖高新区", 0],
    ]
    assert at.file_uploader[0].value == []  # a fresh, empty uploader
    assert {"合肥高新区", "芜湖高新区"} <= set(sidebar_zones())


def test_pasted_text_is_added_and_the_whole_app_updates(lib_dir, monkeypatch):
    at = open_page()
    processed = []
    real = build.process_file
    monkeypatch.setattr(
        build, "process_file", lambda data, **kw: processed.append(kw["name"]) or real(data, **kw)
    )
    at.text_input(key="library-paste-title").input(PASTE_TITLE)
    at.text_area(key="library-paste-text").input(HEFEI)
    at.button[[b.label for b in at.button].index("预览")].click().run()
    assert not at.exception and library.list_entries() == []  # a preview adds nothing
    shown = next(d.value for d in at.dataframe if "initiatives" in d.value.columns)
    assert shown["title"].tolist() == [PASTE_TITLE] and "三联工作法" in shown["initiatives"].iloc[0]
    at.button(key="library-add-paste").click().run()
    assert not at.exception

    [entry] = library.list_entries()
    assert entry["origin"] == "paste" and entry["title_guess"] == PASTE_TITLE
    # the rebuild analysed nothing in the server: the preview's rows, computed in the budget's worker,
    # were kept under the key the build looks for
    assert processed == []
    assert at.text_input(key="library-paste-title").value == ""  # the form is emptied after adding
    mine = table(at, "uploaded")
    assert mine[["id", "title", "zone", "status"]].values.tolist() == [
        [entry["id"], PASTE_TITLE, "合肥高新区", "已分析"]
    ]
    assert [m.value for m in at.metric] == ["6 篇", "1 篇", "7 篇"]

    at.run()  # a rerun serves the same dataset
    assert not at.exception and processed == []
    ds = load_dataset()
    article = ds.articles[ds.articles["source_file"] == f"{entry['id']}.txt"].iloc[0]
    assert (article["title"], article["zone"], article["origin"]) == (PASTE_TITLE, "合肥高新区", "library")
    [init] = ds.initiatives[ds.initiatives["article_id"] == article["article_id"]].to_dict("records")
    assert init["name"] == "三联工作法" and init["zone"] == "合肥高新区"
    assert init["components"] == ["组织联建", "资源联享", "人才联育"]
    assert "合肥高新区" in sidebar_zones()


def test_refused_paste_says_why_and_leaves_the_library_alone(lib_dir):
    at = open_page()
    at.text_input(key="library-paste-title").input("English only")
    at.text_area(key="library-paste-text").input("Party building in development zones.")
    at.button[[b.label for b in at.button].index("预览")].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [r"无法加入：文件 English only：没有中文内容"]
    assert at.button(key="library-add-paste").disabled
    assert library.list_entries() == []
    assert (
        at.text_area(key="library-paste-text").value == "Party building in development zones."
    )  # kept to fix


def test_zone_and_title_corrections_are_kept_across_rebuilds(lib_dir, cache_dir):
    added = library.add_text(HEFEI_TITLE, HEFEI)
    at = open_page()
    assert at.selectbox(key="library-chosen").value == added.id
    at.text_input(key=f"fix-title-{added.id}").input("合肥高新区党建“三联”见闻")
    # A listed zone: AppTest cannot type a new option into a selectbox (accept_new_options), a person can.
    at.selectbox(key=f"fix-zone-{added.id}").set_value("贵阳高新区")
    at.button[[b.label for b in at.button].index("保存更正")].click().run()
    assert not at.exception
    assert library.overrides() == {added.id: {"title": "合肥高新区党建“三联”见闻", "zone": "贵阳高新区"}}
    assert table(at, "uploaded")[["title", "zone"]].values.tolist() == [
        ["合肥高新区党建“三联”见闻", "贵阳高新区"]
    ]
    assert at.text_input(key=f"fix-title-{added.id}").value == "合肥高新区党建“三联”见闻"

    for stale in cache_dir.glob("dataset-*"):  # force a full rebuild from the article files
        shutil.rmtree(stale)
    st.cache_resource.clear()
    at = open_page()
    assert table(at, "uploaded")[["title", "zone"]].values.tolist() == [
        ["合肥高新区党建“三联”见闻", "贵阳高新区"]
    ]
    assert load_dataset().articles.set_index("source_file").loc[f"{added.id}.txt", "zone_method"] == "manual"
    assert "合肥高新区" not in sidebar_zones()  # its one article now belongs to 贵阳高新区

    at.button(key=f"fix-reset-{added.id}").click().run()
    assert not at.exception and library.overrides() == {}
    assert table(at, "uploaded")[["title", "zone"]].values.tolist() == [[HEFEI_TITLE, "合肥高新区"]]
    assert at.text_input(key=f"fix-title-{added.id}").value == HEFEI_TITLE


def test_removal_asks_for_confirmation(lib_dir):
    added = library.add_text(HEFEI_TITLE, HEFEI)
    at = open_page()
    at.button(key="library-remove").click().run()
    [warning] = at.warning
    assert "确定从语料库删除" in warning.value and "合肥高新区" in warning.value
    at.button(key="library-remove-no").click().run()
    assert not at.warning and [e["id"] for e in library.list_entries()] == [added.id]

    at.button(key="library-remove").click().run()
    at.button(key="library-remove-yes").click().run()
    assert not at.exception
    assert library.list_entries() == [] and not (lib_dir / "texts" / f"{added.id}.txt").exists()
    assert any(i.value.startswith("已从语料库删除") for i in at.info)
    assert any("还没有加入自己的文章" in i.value for i in at.info)
    assert [m.value for m in at.metric] == ["6 篇", "0 篇", "6 篇"]
    assert "合肥高新区" not in sidebar_zones()


def test_a_zone_correction_does_not_save_the_title_again_for_a_space(lib_dir):
    added = library.add_text(HEFEI_TITLE, HEFEI)
    at = open_page()
    at.text_input(key=f"fix-title-{added.id}").input(HEFEI_TITLE + " ")  # only a trailing space
    at.selectbox(key=f"fix-zone-{added.id}").set_value("贵阳高新区")
    at.button[[b.label for b in at.button].index("保存更正")].click().run()
    assert not at.exception
    assert library.overrides() == {added.id: {"zone": "贵阳高新区"}}
