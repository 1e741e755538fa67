"""总览 page through app.py, on the real corpus with an isolated cache."""

from __future__ import annotations

import pagetest
from streamlit.testing.v1 import AppTest

PAGE = "views/overview.py"


def test_overview_counts_the_corpus(downloads):
    at = pagetest.open_page(PAGE)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["文章"] == "6 篇" and metrics["区域"] == "4 个" and metrics["年份"] == "2021–2026"
    assert {c.key for c in at.get("plotly_chart")} == {"coverage", "by-zone"}
    assert len(pagetest.table(at)) == 6


def test_zone_filter_narrows_counts_table_and_download(downloads):
    at = pagetest.open_page(PAGE)
    at.multiselect(key="zone").select("昆山高新区").run()
    assert {m.label: m.value for m in at.metric}["文章"] == "3 篇"
    assert set(pagetest.table(at)["zone"]) == {"昆山高新区"}
    csv = pagetest.download_csv(at, downloads, "overview-articles-csv")
    assert csv["区域"].tolist() == ["昆山高新区"] * 3
    assert "当前筛选：区域为 昆山高新区。" in [c.value for c in at.sidebar.caption]


def test_query_string_restores_the_filters(downloads):
    at = pagetest.open_page(PAGE, {"zone": "嘉兴高新区", "q": "光伏"})
    assert at.multiselect(key="zone").value == ["嘉兴高新区"] and at.text_input(key="q").value == "光伏"
    assert pagetest.table(at)["zone"].tolist() == ["嘉兴高新区"]


def test_empty_filter_says_so_and_offers_to_widen(downloads):
    at = pagetest.open_page(PAGE, {"q": "这段文字不在任何报道里"})
    assert any("没有文章" in i.value for i in at.info)
    at.button(key="widen-文章").click().run()
    assert at.text_input(key="q").value == ""
    assert len(pagetest.table(at)) == 6


def test_a_broken_rule_file_gets_a_message_naming_it_and_the_key(downloads, broken_rules):
    at = AppTest.from_file(pagetest.APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    message = at.error[0].value
    assert "initiatives\\.json" in message and "“stoplist”" in message  # shown as initiatives.json
    assert not at.metric  # no page drawn on a dataset the rules could not build
    assert not at.get("progress")  # the build's progress bar is gone
