"""Filters: applied the same way to every table and described in words."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.explore.filters import Filters, apply_filters

PARAS = pd.DataFrame(
    {
        "article_id": ["a-1", "a-1", "b-1", "c-1"],
        "zone": ["昆山高新区", "昆山高新区", "嘉兴高新区", ""],
        "year": pd.array([2025, 2025, 2025, None], dtype="Int64"),
        "themes": [["组织建设"], ["人才", "民生服务"], ["组织建设"], []],
        "text": ["党组织覆盖率达78.02%", "人才公寓", "“六联工作法”", "=cmd|' /C calc'!A0"],
    }
)


@pytest.mark.parametrize(
    ("filters", "expected_rows"),
    [
        (Filters(), [0, 1, 2, 3]),
        (Filters(zones=("昆山高新区",)), [0, 1]),
        (Filters(zones=("昆山高新区", "嘉兴高新区"), themes=("组织建设",)), [0, 2]),
        (Filters(themes=("民生服务",)), [1]),
        (Filters(articles=("b-1",)), [2]),
        (Filters(years=(2025,)), [0, 1, 2]),
        (Filters(query="六联"), [2]),
        (Filters(query="CMD"), [3]),  # case-insensitive
        (Filters(query="(.*"), []),  # literal, not a pattern
        (Filters(zones=("贵阳高新区",)), []),
    ],
)
def test_apply_filters(filters, expected_rows):
    assert list(apply_filters(PARAS, filters, text_columns=("text",)).index) == expected_rows


def test_theme_filter_on_single_theme_column():
    metrics = pd.DataFrame({"theme": ["人才", "组织建设", ""]})
    assert list(apply_filters(metrics, Filters(themes=("人才",))).index) == [0]


def test_filter_on_missing_column_is_ignored():
    df = pd.DataFrame({"x": [1, 2]})
    assert len(apply_filters(df, Filters(zones=("昆山高新区",), query="x"))) == 2


@pytest.mark.parametrize(
    ("filters", "sentence"),
    [
        (Filters(), "未设筛选：显示全部语料。"),
        (
            Filters(zones=("昆山高新区", "嘉兴高新区"), themes=("人才",)),
            "当前筛选：区域为 昆山高新区 或 嘉兴高新区，主题为 人才。",
        ),
        (Filters(years=(2025, 2021), query="党建"), "当前筛选：年份为 2021 年 或 2025 年，包含“党建”。"),
        (Filters(articles=("a-1",)), "当前筛选：文章为 《标题甲》。"),
    ],
)
def test_describe(filters, sentence):
    assert filters.describe(titles={"a-1": "标题甲"}) == sentence
    assert filters.active == (sentence != "未设筛选：显示全部语料。")


def test_province_filter_reaches_every_table_through_the_reports(corpus_dataset):
    dataset = corpus_dataset
    from lib.explore.filters import filter_table

    zhejiang = Filters(provinces=("浙江省",))
    assert set(filter_table(dataset, "articles", zhejiang)["zone"]) == {"嘉兴高新区"}
    assert set(filter_table(dataset, "metrics", zhejiang)["zone"]) == {"嘉兴高新区"}
    assert filter_table(dataset, "paragraphs", Filters(provinces=("西藏自治区",))).empty
    assert zhejiang.describe() == "当前筛选：省份为 浙江省。"


def test_article_choices_list_the_articles_left_only_when_few_and_keep_the_chosen():
    from lib.explore.filters import article_choices

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "title": ["甲", "乙", "丙", "丁"],
            "zone": ["东区", "东区", "西区", "西区"],
            "province": ["江苏省"] * 4,
            "year": [2021, 2023, 2022, 2020],
        }
    )
    assert article_choices(articles, Filters(), limit=3) == ([], 4)  # too many to list
    assert article_choices(articles, Filters(articles=("c",)), limit=3) == (["c"], 4)  # a chosen one stays
    assert article_choices(articles, Filters(zones=("东区",)), limit=3) == (["b", "a"], 2)  # newest first
    assert article_choices(articles, Filters(zones=("东区",), articles=("d",)), limit=3) == (
        ["d", "b", "a"],
        2,
    )


def test_article_titles_are_those_of_the_ids_asked_only():
    from lib.explore.filters import article_titles

    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "title": ["甲", "乙", "丙"]})
    assert article_titles(articles, ["c", "a", "zz"]) == {"a": "甲", "c": "丙"}  # an unknown id is left out
    assert article_titles(articles, []) == {}


def test_a_table_no_filter_narrows_is_the_table_itself_and_stays_unchanged(corpus_dataset):
    dataset = corpus_dataset
    from lib.explore.filters import filter_table

    whole = filter_table(dataset, "metrics", Filters())
    # no copy of a whole table on every rerun
    assert np.shares_memory(whole["value"].to_numpy(), dataset.metrics["value"].to_numpy())
    before = dataset.metrics.copy()
    whole.loc[:, "label"] = "改"  # pandas copies on write: the dataset keeps its values
    pd.testing.assert_frame_equal(dataset.metrics, before)


def test_sidebar_choices_are_the_provinces_years_and_the_chosen_provinces_zones(corpus_dataset):
    from lib.explore.filters import sidebar_choices

    ds = corpus_dataset
    provinces, zones, years = sidebar_choices(ds, ())
    assert (provinces, zones, years) == (ds.provinces, ds.zones, ds.years)
    one = provinces[0]
    _, theirs, _ = sidebar_choices(ds, (one,))
    arts = ds.articles
    assert theirs == sorted({z for z in arts.loc[arts["province"] == one, "zone"] if z})
    assert set(theirs) < set(zones)
