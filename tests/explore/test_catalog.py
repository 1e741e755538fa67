"""The initiative catalogue's helpers."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.explore.catalog import (
    count_note,
    filter_initiatives,
    initiative_labels,
    initiative_table,
    initiative_years,
    namesakes,
    shared_names,
)

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a-1", "k-1", "g-1"],
        "title": [
            "嘉兴高新区“新领秀”党建赋能高质量发展",
            "昆山高新区党建赋能产业科创与基层治理跃升",
            "贵阳高新区建强党建“链”激活发展“链”",
        ],
    }
)

# Real initiatives of the corpus, as the extractor gives them.
INITIATIVES = pd.DataFrame(
    [
        (
            "k-1-i001",
            "k-1",
            "k-1-p003",
            "昆山高新区",
            "1+4+N",
            "“1+4+N”党建工作矩阵",
            "formula",
            ["新城北", "阳科园", "吴淞江", "社会组织"],
            3,
            4,
            "组织建设",
        ),
        (
            "k-1-i002",
            "k-1",
            "k-1-p010",
            "昆山高新区",
            "五个一",
            "“五个一”集成服务体系",
            "counted",
            ["一处专窗", "一个专班", "一位专员", "一条专线", "一套机制"],
            5,
            5,
            "营商服务",
        ),
        (
            "k-1-i003",
            "k-1",
            "k-1-p012",
            "昆山高新区",
            "高新事·高兴办",
            "“高新事·高兴办”营商服务党建品牌",
            "brand",
            [],
            None,
            0,
            "营商服务",
        ),
        (
            "g-1-i001",
            "g-1",
            "g-1-p001",
            "贵阳高新区",
            "五个一",
            "“五个一”行动",
            "counted",
            [
                "配强一个党委/党总支/党支部书记",
                "建好一支队伍",
                "打造一个阵地",
                "健全一个机制",
                "找准一条路子",
            ],
            5,
            5,
            "",
        ),
        (
            "a-1-i003",
            "a-1",
            "a-1-p005",
            "嘉兴高新区",
            "六联工作法",
            "“六联工作法”",
            "counted",
            ["组织联建", "资源联享", "技术联攻", "人才联育", "市场联拓", "治理联抓"],
            6,
            6,
            "产业链与科创",
        ),
        (
            "a-1-i005",
            "a-1",
            "a-1-p009",
            "嘉兴高新区",
            "高新事、高兴办",
            "“高新事、高兴办”特色服务品牌",
            "brand",
            [],
            None,
            0,
            "营商服务",
        ),
    ],
    columns=[
        "initiative_id",
        "article_id",
        "paragraph_id",
        "zone",
        "name",
        "full_name",
        "kind",
        "components",
        "expected_count",
        "found_count",
        "theme",
    ],
).assign(
    expected_count=lambda d: d["expected_count"].astype("Int64"),
    found_count=lambda d: d["found_count"].astype("Int64"),
    sentence="原句。",
    shared_zones=[[]] * 6,
)


def test_initiative_table_names_kinds_in_chinese_and_adds_titles():
    table = initiative_table(INITIATIVES, ARTICLES)
    assert table["kind"].tolist() == ["数字公式", "计数短语", "品牌", "计数短语", "计数短语", "品牌"]
    assert table.loc[table["name"] == "六联工作法", "title"].item().startswith("嘉兴高新区")


def test_initiative_labels_are_unique_and_readable():
    table = initiative_table(INITIATIVES, ARTICLES)
    labels = initiative_labels(table)
    assert labels["g-1-i001"] == "贵阳高新区 · “五个一”行动"
    twice = initiative_table(
        pd.concat([INITIATIVES.iloc[[1]], INITIATIVES.iloc[[1]].assign(initiative_id="k-1-i009")]), ARTICLES
    )
    twice_labels = initiative_labels(twice)
    assert len(set(twice_labels.values())) == 2
    assert all(label.startswith("昆山高新区 · “五个一”集成服务体系 · 《") for label in twice_labels.values())


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["k-1-i001", "k-1-i002", "k-1-i003", "g-1-i001", "a-1-i003", "a-1-i005"]),
        ({"kinds": ["formula"]}, ["k-1-i001"]),
        ({"kinds": ["counted", "brand"], "themes": ["营商服务"]}, ["k-1-i002", "k-1-i003", "a-1-i005"]),
        ({"with_components": True, "themes": ["营商服务"]}, ["k-1-i002"]),
        ({"with_components": True}, ["k-1-i001", "k-1-i002", "g-1-i001", "a-1-i003"]),
        ({"kinds": ["unknown"]}, []),
    ],
)
def test_filter_initiatives(options, expected):
    assert filter_initiatives(INITIATIVES, **options)["initiative_id"].tolist() == expected


@pytest.mark.parametrize(
    ("kind", "expected", "found", "note", "mismatch"),
    [
        ("formula", 3, 4, "公式应有 3 项，文中找到 4 项（数量不一致，请核对原文）", True),
        ("counted", 6, 6, "名称应有 6 项，文中找到 6 项", False),
        ("counted", 5, pd.NA, "名称应有 5 项，文中找到 0 项（数量不一致，请核对原文）", True),
        ("brand", pd.NA, 0, "名称不含项数，文中未列出组成部分", False),
        ("brand", None, 2, "名称不含项数，文中列出 2 项组成部分", False),
    ],
)
def test_count_note(kind, expected, found, note, mismatch):
    assert count_note(kind, expected, found) == (note, mismatch)


def test_namesakes_put_each_zones_parts_side_by_side():
    same = namesakes(INITIATIVES, "五个一")
    assert same["zone"].tolist() == ["昆山高新区", "贵阳高新区"]
    assert same["components"].map(len).tolist() == [5, 5]
    assert namesakes(INITIATIVES, "高新事、高兴办")["zone"].tolist() == ["嘉兴高新区", "昆山高新区"]
    assert namesakes(pd.concat([INITIATIVES, INITIATIVES]), "五个一")["zone"].tolist() == [
        "昆山高新区",
        "贵阳高新区",
    ]
    assert namesakes(INITIATIVES, "六联工作法")["zone"].tolist() == ["嘉兴高新区"]


def test_shared_names_lists_names_used_by_several_zones():
    shared = shared_names(INITIATIVES)
    assert shared["name"].tolist() == ["五个一", "高新事·高兴办"]
    assert shared["zones"].tolist() == [["昆山高新区", "贵阳高新区"], ["嘉兴高新区", "昆山高新区"]]
    assert shared_names(INITIATIVES.iloc[0:0]).columns.tolist() == ["name", "zones"]


def test_initiative_years_count_reports_per_name_and_year():
    import pandas as pd

    from lib.explore.catalog import initiative_years

    initiatives = pd.DataFrame(
        {
            "name": ["甲计划", "甲计划", "甲计划", "乙工程", "丙行动"],
            "article_id": ["a1", "a1", "a2", "a3", "a4"],
            "zone": ["甲区", "甲区", "乙区", "甲区", "甲区"],
        }
    )
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "year": [2020, 2021, 2021, None]})
    table = initiative_years(initiatives, articles, top=2)
    # 甲计划: named in two reports (a1 twice counts once); 丙行动's report has no year
    assert table.values.tolist() == [
        ["甲计划", 2020, 1, "甲区"],
        ["甲计划", 2021, 1, "乙区"],
        ["乙工程", 2021, 1, "甲区"],
    ]


def test_the_detail_picker_lists_the_first_labels_and_the_picked_one():
    from lib.explore.catalog import pick_options

    labels = [f"区{i} · 举措{i}" for i in range(10)]
    assert pick_options(labels, None, limit=3) == labels[:3]
    assert pick_options(labels, labels[7], limit=3) == [*labels[:3], labels[7]]  # chosen in the table
    assert pick_options(labels, labels[1], limit=3) == labels[:3]
    assert pick_options(labels, "不存在", limit=3) == labels[:3]  # a stale link picks nothing


def test_most_named_lists_the_commonest_initiative_names_first(corpus_dataset):
    from lib.explore.catalog import most_named

    names = most_named(corpus_dataset, 3)
    counts = corpus_dataset.initiatives["name"].value_counts()
    assert len(names) == 3 and [counts[n] for n in names] == sorted(counts.head(3), reverse=True)


def test_label_series_holds_the_labels_in_table_order_and_finds_an_initiative_by_its_label():
    from lib.explore.catalog import initiative_of_label, label_series

    twice = initiative_table(
        pd.concat([INITIATIVES, INITIATIVES.iloc[[1]].assign(initiative_id="k-1-i009")]), ARTICLES
    )
    labels = label_series(twice)
    assert labels.index.tolist() == twice["initiative_id"].tolist()
    assert dict(zip(labels.index, labels, strict=True)) == initiative_labels(twice)
    for initiative_id, label in initiative_labels(twice).items():
        assert initiative_of_label(labels, label) == initiative_id
    assert initiative_of_label(labels, "不存在") is None and initiative_of_label(labels, None) is None


def test_pick_options_take_a_label_series_as_a_list():
    from lib.explore.catalog import label_series, pick_options

    labels = label_series(initiative_table(INITIATIVES, ARTICLES))
    as_list = labels.tolist()
    for picked in (None, as_list[-1], as_list[0], "不存在"):
        assert pick_options(labels, picked, limit=1) == pick_options(as_list, picked, limit=1)


def test_the_catalog_view_is_its_parts_for_the_filters(corpus_dataset):
    from lib.explore.catalog import catalog_view, filter_initiatives, label_series
    from lib.explore.filters import Filters, filter_table

    ds = corpus_dataset
    for filters, kinds in ((Filters(), ()), (Filters(themes=("人才",)), ("formula",))):
        view = catalog_view(ds, filters, kinds, (), False)
        initiatives = filter_table(ds, "initiatives", filters)
        shown = filter_initiatives(initiatives, kinds=kinds)
        pd.testing.assert_series_equal(view.labels, label_series(initiative_table(shown, ds.articles)))
        pd.testing.assert_frame_equal(view.shared, shared_names(initiatives))
        pd.testing.assert_frame_equal(view.years, initiative_years(shown, ds.articles))
        assert (view.years_figure is None) == (view.years["year"].nunique() <= 1)
