"""词语分析 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import pagetest
from streamlit.testing.v1 import AppTest

PAGE = "views/words.py"


def open_page(query: dict | None = None) -> AppTest:
    return pagetest.open_page(PAGE, query)


def frames(at: AppTest) -> dict[tuple[str, ...], object]:
    return {tuple(d.value.columns): d.value for d in at.dataframe}


def links(at: AppTest) -> list[str]:
    return [el.proto.label for el in at.get("page_link")]


def test_every_view_on_the_real_corpus(downloads):
    at = open_page({"w_word": "人才"})
    tables = frames(at)
    coll = tables[("term", "together", "term_total", "log_dice")]
    assert len(coll) > 5 and (coll["log_dice"] <= 14).all()
    assert coll["log_dice"].is_monotonic_decreasing
    csv = pagetest.download_csv(at, downloads, "coll-csv")
    assert csv["词语"].tolist() == coll["term"].tolist()  # the download holds exactly what is shown
    assert ("source", "target", "together", "jaccard") in tables
    assert "net" in [c.key for c in at.get("plotly_chart")] and "trend" in [
        c.key for c in at.get("plotly_chart")
    ]
    assert tables[("phrase", "n_words", "count", "paragraphs")]["count"].min() >= 2
    assert any("人才" in label for label in links(at))  # the way to the word's contexts


def test_the_sidebar_filter_narrows_every_view():
    at = open_page()
    at.selectbox(key="w_word").set_value(at.selectbox(key="w_word").options[0]).run()
    every = frames(at)[("term", "together", "term_total", "log_dice")]
    at.multiselect(key="zone").select("嘉兴高新区").run()
    assert not at.exception
    narrowed = frames(at)[("term", "together", "term_total", "log_dice")]
    assert narrowed["together"].sum() < every["together"].sum()
    edges = frames(at)[("source", "target", "together", "jaccard")]
    assert (
        edges["together"].max()
        <= frames(open_page())[("source", "target", "together", "jaccard")]["together"].max()
    )


def test_trends_by_zone_list_the_filtered_zones_only():
    at = open_page()
    at.radio(key="tr_by").set_value("zone").run()
    table = frames(at)[("zone", "term", "count", "total_words", "per_10k")]
    assert len(set(table["zone"])) >= 3
    at.multiselect(key="zone").select("苏州工业园区").run()
    table = frames(at)[("zone", "term", "count", "total_words", "per_10k")]
    assert set(table["zone"]) == {"苏州工业园区"}


def test_a_word_the_filter_lacks_says_so_and_an_empty_filter_offers_to_widen():
    at = open_page({"w_word": "不存在的词"})
    assert any("没有“不存在的词”" in i.value for i in at.info)
    at = open_page({"q": "语料里没有这段文字"})
    assert any("当前筛选条件下没有" in i.value for i in at.info)
    assert "清除全部筛选" in [b.label for b in at.button]


def test_groups_side_by_side_and_their_map(downloads):
    at = open_page()
    zones = sorted({z for z in at.multiselect(key="zone").options})
    matrix = next(d.value for d in at.dataframe if "rank" in d.value.columns)
    assert set(matrix.columns) - {"rank"} == set(zones) and matrix["rank"].tolist()[:3] == [1, 2, 3]
    csv = pagetest.download_csv(at, downloads, "groups-csv")
    for zone in zones:  # the download holds every word of the matrix, zone by zone
        assert [t for t in matrix[zone] if t] == csv.loc[csv["组"] == zone, "词语"].tolist()
    assert "ca" in [c.key for c in at.get("plotly_chart")]
    at.multiselect(key="zone").select(zones[0]).run()
    assert any("只有一个区域" in i.value for i in at.info)


def test_a_chosen_word_stays_chosen_when_the_filter_changes():
    at = open_page()
    word = at.selectbox(key="w_word").options[-1]  # a common word overall, rarer in one zone
    at.selectbox(key="w_word").set_value(word).run()
    for zone in at.multiselect(key="zone").options:
        at.multiselect(key="zone").set_value([zone]).run()
        assert not at.exception and at.selectbox(key="w_word").value == word


def test_groups_by_province_side_by_side_and_their_map(downloads):
    at = open_page()
    at.radio(key="grp_by").set_value("province").run()
    assert not at.exception
    provinces = at.multiselect(key="province").options
    matrix = next(d.value for d in at.dataframe if "rank" in d.value.columns)
    assert set(matrix.columns) - {"rank"} == set(provinces) and len(provinces) >= 3
    csv = pagetest.download_csv(at, downloads, "groups-csv")
    assert set(csv["组"]) == set(provinces)
    assert "ca" in [c.key for c in at.get("plotly_chart")]
    at.multiselect(key="province").select(provinces[0]).run()
    assert any("只有一个省份" in i.value for i in at.info)
