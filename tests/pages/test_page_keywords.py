"""关键词云 page through app.py: cloud, top terms, comparison and the lexicon editor."""

from __future__ import annotations

import pagetest
import pytest

from lib.text import lexicon

PAGE = "views/keywords.py"


def test_cloud_and_top_terms_without_stopwords_or_zone_names(downloads):
    at = pagetest.open_page(PAGE)
    images = at.get("image")
    assert len(images) == 3  # the cloud, and one per side of the default comparison
    terms = pagetest.table(at)["词语"].tolist()
    assert terms and not set(terms) & {"坚持", "推动", "持续", "昆山高新区", "，"}
    assert any("字体：" in c.value for c in at.caption)


def test_zone_filter_changes_the_terms(downloads):
    at = pagetest.open_page(PAGE, {"zone": "嘉兴高新区"})
    assert "光伏" in pagetest.table(at)["词语"].head(10).tolist()
    csv = pagetest.download_csv(at, downloads, "kw-dl-csv")
    assert csv["词语"].tolist() == pagetest.table(at)["词语"].tolist()


@pytest.mark.parametrize(("score", "column"), [("tfidf", "TF-IDF"), ("g2", "对数似然 G2")])
def test_other_scores(downloads, score, column):
    at = pagetest.open_page(PAGE, {"zone": "苏州工业园区"})
    at.selectbox(key="kw_score").set_value(score).run()
    assert column in pagetest.table(at).columns


def test_adding_a_stopword_takes_it_out_of_the_terms(downloads, user_lexicon):
    at = pagetest.open_page(PAGE, {"zone": "嘉兴高新区"})
    top = pagetest.table(at)["词语"].iloc[0]
    next(t for t in at.text_input if "停用词" in t.label).input(top)
    next(b for b in at.get("form_submit_button") if b.label == "加入停用词").click().run()
    assert top in (user_lexicon / lexicon.USER_STOPWORDS).read_text(encoding="utf-8")
    at.run()  # the dataset is rebuilt with the new stopword (the lexicon files are part of its key)
    assert top not in pagetest.table(at)["词语"].tolist()
    assert top in next(c.value for c in at.caption if c.value.startswith("用户停用词"))


def test_two_group_comparison_is_right_on_both_sides_and_in_the_url(downloads):
    at = pagetest.open_page(PAGE, {"kw_tab": "两组比较", "cmp_a": "嘉兴高新区", "cmp_b": "昆山高新区"})
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == ("嘉兴高新区", "昆山高新区")
    jiaxing, kunshan = [d.value for d in at.dataframe if "本组频次" in d.value and "组" not in d.value][:2]
    for side in (jiaxing, kunshan):
        g2 = side["对数似然 G2"]
        assert (g2 > 0).all() and g2.is_monotonic_decreasing  # each side's own most typical words first
        assert (side["对数比（效应量）"] > 0).all()
    assert "光伏" in jiaxing["词语"].head(5).tolist()
    assert "党史" in kunshan["词语"].tolist() and "信息" not in kunshan["词语"].head(3).tolist()
    csv = pagetest.download_csv(at, downloads, "cmp-dl-csv")  # both sides in the download
    assert set(csv["组"]) == {"嘉兴高新区", "昆山高新区"}
    assert csv.loc[csv["组"] == "昆山高新区", "词语"].head(len(kunshan)).tolist() == kunshan["词语"].tolist()


def test_a_word_in_the_table_leads_to_its_contexts():
    at = pagetest.open_page(PAGE)
    table = next(d for d in at.dataframe if d.key == "kw-table")
    word = table.value.iloc[1, 0]
    at.session_state["kw-table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    links = [el.proto for el in at.get("page_link")]
    assert [link.label for link in links] == [f"在原文检索中查看“{word}”的上下文"]
