"""举措目录 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pagetest
import pytest
from streamlit.testing.v1 import AppTest

from lib import config

ROOT = Path(__file__).resolve().parents[2]
PAGE = "views/initiatives.py"


def open_page(query: dict | None = None) -> AppTest:
    return pagetest.open_page(PAGE, query)


def test_lists_every_initiative_of_the_corpus(downloads):
    at = open_page()
    names = set(pagetest.table(at)["name"])
    assert {"1+4+N", "五个一", "六联工作法", "新领秀"} <= names
    assert set(pagetest.table(at).loc[pagetest.table(at)["name"] == "五个一", "zone"]) == {
        "昆山高新区",
        "贵阳高新区",
    }
    assert at.selectbox(key="initiative").value is None


def test_sidebar_zone_filter_narrows_the_table_and_its_download(downloads):
    at = open_page()
    at.multiselect(key="zone").select("嘉兴高新区").run()
    shown = pagetest.table(at)
    assert set(shown["zone"]) == {"嘉兴高新区"}
    assert "六联工作法" in set(shown["name"]) and "1+4+N" not in set(shown["name"])
    csv = pagetest.download_csv(at, downloads, "initiatives-csv")
    assert csv["名称"].tolist() == shown["name"].tolist()
    assert set(csv["区域"]) == {"嘉兴高新区"}


@pytest.mark.parametrize(
    ("widget", "value", "column", "check"),
    [
        ("ikind", ["formula"], "kind", lambda kinds: set(kinds) == {"数字公式"}),
        ("iparts", True, "components", lambda parts: all(len(p) > 0 for p in parts)),
    ],
)
def test_page_filters_narrow_the_table(downloads, widget, value, column, check):
    at = open_page()
    before = len(pagetest.table(at))
    at.get_by_key(widget).set_value(value).run()
    assert 0 < len(pagetest.table(at)) < before
    assert check(pagetest.table(at)[column])


def test_query_string_opens_an_initiative_and_its_namesakes(downloads):
    at = open_page({"initiative": "贵阳高新区 · “五个一”行动"})
    shown = pagetest.html(at)
    assert "<h3>“五个一”行动</h3>" in shown
    assert "<li>建好一支队伍</li>" in shown
    assert "“<mark>五个一</mark>”" in shown  # the source paragraph, name highlighted
    assert "<h4>昆山高新区</h4>" in shown and "<h4>贵阳高新区</h4>" in shown  # the same name side by side
    assert "<li>一处专窗</li>" in shown
    assert any("名称应有 5 项，文中找到 5 项" in s.value for s in at.success)


def test_count_mismatch_is_flagged(downloads):
    at = open_page({"initiative": "昆山高新区 · “1+4+N”党建工作矩阵"})
    row = pagetest.table(at).set_index("name").loc["1+4+N"]
    note = f"公式应有 {row['expected_count']} 项，文中找到 {row['found_count']} 项"
    alerts = at.warning if row["expected_count"] != row["found_count"] else at.success
    assert any(note in a.value for a in alerts)


def test_unknown_query_values_are_ignored(downloads):
    at = open_page({"initiative": "不存在的举措", "zone": "不存在的区域", "ikind": "nonsense"})
    assert at.selectbox(key="initiative").value is None
    assert {"1+4+N", "六联工作法"} <= set(pagetest.table(at)["name"])


def test_empty_filter_offers_to_widen(downloads):
    at = open_page({"q": "语料里没有这段文字"})
    assert not at.dataframe
    assert any("当前筛选条件下没有举措" in i.value for i in at.info)
    at.button(key="widen-举措").click().run()
    assert not at.exception and "六联工作法" in set(pagetest.table(at)["name"])


def test_empty_dataset(downloads, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    assert any("当前筛选条件下没有举措" in i.value for i in at.info)


def test_hostile_article_text_is_shown_as_text(downloads, tmp_path, monkeypatch):
    (tmp_path / "900_hostile.txt").write_text(pagetest.HOSTILE, encoding="utf-8")
    shutil.copy(next((ROOT / "data" / "articles").glob("004_*.txt")), tmp_path)
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    label = next(o for o in at.selectbox(key="initiative").options if "六联工作法" in o and "粗体" in o)
    at.selectbox(key="initiative").select(label).run()
    shown = pagetest.html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    assert "&lt;b&gt;粗体&lt;/b&gt;" in shown and "<b>粗体" not in shown
    sentences = pagetest.download_csv(at, downloads, "initiatives-csv")["原句"]
    assert any(s.startswith("'=HYPERLINK") for s in sentences)
    assert not any(s.startswith("=") for s in sentences)


def test_the_years_initiatives_are_named_in():
    at = pagetest.open_page("views/initiatives.py")
    assert "initiative-years" in [c.key for c in at.get("plotly_chart")]
    at.multiselect(key="zone").select("嘉兴高新区").run()
    assert not at.exception


def test_a_large_table_prepares_its_excel_with_progress_and_serves_every_row(downloads, monkeypatch):
    import io

    import pandas as pd

    import ui.tables

    monkeypatch.setattr(ui.tables, "EAGER_XLSX_ROWS", 3)  # the shipped corpus has more than 3 rows
    at = open_page()
    rows = len(pagetest.table(at))
    assert rows > 3
    assert not [b for b in at.get("download_button") if b.proto.id.endswith("initiatives-xlsx")]
    at.button(key="initiatives-xlsx-prepare").click().run()
    url = at.download_button(key="initiatives-xlsx").proto.url
    book = pd.read_excel(io.BytesIO(downloads.get_file(url.rsplit("/", 1)[-1]).content))
    assert len(book) == rows
    at.run()  # prepared once: the button stays a download until the rows change
    assert at.download_button(key="initiatives-xlsx").proto.url
    at.multiselect(key="zone").select("嘉兴高新区").run()
    assert at.button(key="initiatives-xlsx-prepare").label.startswith("准备 Excel")


def test_the_picker_lists_few_options_yet_a_link_to_any_initiative_opens_it(downloads, monkeypatch):
    from lib.explore import catalog

    monkeypatch.setattr(catalog, "MAX_PICK_OPTIONS", 1)
    at = open_page({"initiative": "贵阳高新区 · “五个一”行动"})
    options = at.selectbox(key="initiative").options
    assert (
        len(options) == 2 and options[-1] == "贵阳高新区 · “五个一”行动"
    )  # the first row and the linked one
    assert "<h3>“五个一”行动</h3>" in pagetest.html(at)
