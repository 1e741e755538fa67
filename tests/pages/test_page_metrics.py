"""指标图表 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import json
from pathlib import Path

import pagetest
from streamlit.testing.v1 import AppTest

from lib import config

ROOT = Path(__file__).resolve().parents[2]
PAGE = "views/metrics.py"


def open_page(query: dict | None = None) -> AppTest:
    return pagetest.open_page(PAGE, query)


def chart_keys(at: AppTest) -> list[str]:
    return [c.key for c in at.get("plotly_chart")]


def test_charts_and_table_on_the_real_corpus(downloads):
    at = open_page()
    shown = pagetest.table(at)
    options = at.selectbox(key="indicator").options
    zones_per_label = shown.groupby("label")["zone"].nunique()
    assert zones_per_label[options[0]] == zones_per_label.max()  # the indicator most zones state comes first
    assert any(k.startswith(f"bar-{options[0]}-") for k in chart_keys(at))
    assert "by-theme" in chart_keys(at)
    assert "years-一般公共预算收入（亿元）" in chart_keys(at)  # 昆山高新区 gives it for 2020 and 2025
    assert {"规模以上工业总产值", "走访企业"} <= set(shown["label"])


def test_different_units_never_share_an_axis(downloads):
    at = open_page({"indicator": "党组织"})  # 苏州工业园区: 党组织 260余家 and 2400余个
    assert {"bar-党组织-家", "bar-党组织-个"} <= set(chart_keys(at))
    assert any("按单位和时段分图显示" in c.value for c in at.caption)


def test_sidebar_zone_filter_narrows_charts_table_and_download(downloads):
    at = open_page()
    at.multiselect(key="zone").select("嘉兴高新区").run()
    shown = pagetest.table(at)
    assert set(shown["zone"]) == {"嘉兴高新区"} and "走访企业" in set(shown["label"])
    assert "规模以上工业总产值" not in set(shown["label"])
    csv = pagetest.download_csv(at, downloads, "metrics-csv")
    assert csv["指标编号"].tolist() == shown["metric_id"].tolist()
    assert any("无法画出历年变化" in i.value for i in at.info)  # 嘉兴高新区 gives no indicator for two years


def test_query_string_restores_the_indicator(downloads):
    at = open_page({"indicator": "可支配收入", "trend": "可支配收入（万元）"})
    assert at.selectbox(key="indicator").value == "可支配收入"
    assert "bar-可支配收入-元" in chart_keys(at) and "years-可支配收入（万元）" in chart_keys(at)


def test_the_picker_names_the_unit_the_chart_shows(downloads):
    at = open_page({"trend": "一般公共预算收入（亿元）"})
    [chart] = [c for c in at.get("plotly_chart") if c.key == "years-一般公共预算收入（亿元）"]
    import json

    layout = json.loads(chart.proto.spec)["layout"]
    assert "亿元" in layout["yaxis"]["title"]["text"] and "亿元" in layout["title"]["text"]


def test_unknown_query_values_are_ignored(downloads):
    at = open_page({"indicator": "不存在的指标", "trend": "不存在", "mzone": "不存在的区域"})
    assert at.selectbox(key="indicator").value == at.selectbox(key="indicator").options[0]


def test_choosing_a_row_shows_its_passage(downloads):
    at = open_page()
    pagetest.select_row(at, pagetest.table(at)["raw"].tolist().index("1828亿元"))
    assert "<mark>1828亿元</mark>" in pagetest.html(at)
    assert "规模以上工业总产值：1828亿元" in pagetest.html(at)


def test_empty_filter_offers_to_widen(downloads):
    at = open_page({"q": "语料里没有这段文字"})
    assert not at.dataframe and not chart_keys(at)
    assert any("当前筛选条件下没有指标" in i.value for i in at.info)
    at.button(key="widen-指标").click().run()
    assert not at.exception and len(pagetest.table(at)) > 0


def test_empty_dataset(downloads, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    assert any("当前筛选条件下没有指标" in i.value for i in at.info)


def test_hostile_article_text_is_shown_as_text(downloads, tmp_path, monkeypatch):
    (tmp_path / "900_hostile.txt").write_text(pagetest.HOSTILE, encoding="utf-8")
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page()
    label = next(o for o in at.selectbox(key="indicator").options if "<script>" in o)
    at.selectbox(key="indicator").select(label).run()
    hover = json.dumps(
        json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["customdata"], ensure_ascii=False
    )
    assert "&lt;script&gt;" in hover and "<script>" not in hover
    pagetest.select_row(at, pagetest.table(at)["label"].tolist().index(label))
    shown = pagetest.html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    sentences = pagetest.download_csv(at, downloads, "metrics-csv")["原句"]
    assert any(s.startswith("'=HYPERLINK") for s in sentences) and not any(
        s.startswith("=") for s in sentences
    )


def test_scope_pills_keep_other_numbers_out_until_asked(downloads):
    at = open_page()
    shown = pagetest.table(at)
    assert set(shown["scope"]) == {"zone"}  # by default only the zones' own numbers
    assert {"period", "scope", "scope_name"} <= set(shown.columns)
    pills = next(b for b in at.get("button_group") if b.key == "scope")
    pills.set_value(["zone", "enterprise", "person", "other"]).run()
    everything = pagetest.table(at)
    assert len(everything) == len(shown) + (everything["scope"] != "zone").sum()
    assert "enterprise" in set(everything["scope"])  # the shipped reports give enterprises' own numbers


def test_charts_carry_the_reduced_chinese_toolbar(downloads):
    import json

    at = open_page()
    configs = [json.loads(c.proto.config) for c in at.get("plotly_chart")]
    assert configs and all(c["locale"] == "zh-CN" and c["displaylogo"] is False for c in configs)
    assert all("pan2d" in c["modeBarButtonsToRemove"] for c in configs)
    words = configs[0]["locales"]["zh-CN"]["dictionary"]
    assert {"Download plot as a png", "Box Select", "Lasso Select", "Reset axes"} <= set(words)


def test_a_large_table_is_sent_one_page_at_a_time(downloads, monkeypatch):
    import ui.tables

    monkeypatch.setattr(ui.tables, "PAGE_ROWS", 10)
    at = open_page()
    every = pagetest.download_csv(at, downloads, "metrics-csv")  # the download holds every row
    assert len(every) > 20
    assert pagetest.table(at)["metric_id"].tolist() == every["指标编号"].tolist()[:10]
    assert any(f"共 {len(every):,} 行" in c.value for c in at.caption)
    (picker,) = [s for s in at.selectbox if (s.key or "").endswith("-page")]
    picker.set_value(2).run()
    second = pagetest.table(at)
    assert second["metric_id"].tolist() == every["指标编号"].tolist()[10:20]
    pagetest.select_row(at, 0)  # the first row of page 2 is row 11 of the table
    assert f"<mark>{second['raw'].iloc[0]}</mark>" in pagetest.html(at)
