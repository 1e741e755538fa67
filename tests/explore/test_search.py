"""Passage search: keyword in context, paging and the look-ups of a row's source."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.explore.search import (
    article_context,
    hit_counts,
    kwic,
    kwic_table,
    page_count,
    page_of,
    paragraph_context,
    with_titles,
)

PARAS = pd.DataFrame(
    {
        "paragraph_id": ["a-p000", "a-p001", "a-p002"],
        "article_id": ["a-1"] * 3,
        "zone": ["嘉兴高新区"] * 3,
        "section": ["红链聚力产业发展"] * 3,
        "kind": ["body", "body", "caption"],
        "is_duplicate": [False, True, False],
        "counted": [True, False, False],
        "text": [
            "依托党委牵头建立“六联工作法”，实现组织联建、资源联享。六联工作法成效明显。",
            "“六联工作法”重复段",
            "六联图片说明",
        ],
    }
)


def test_kwic_finds_every_hit_with_context_and_skips_copies_and_captions():
    hits = kwic(PARAS, "六联工作法", context=4)
    assert hits["paragraph_id"].tolist() == ["a-p000", "a-p000"]
    assert hits.iloc[0][["left", "hit", "right"]].tolist() == ["头建立“", "六联工作法", "”，实现"]
    assert hits["section"].unique().tolist() == ["红链聚力产业发展"]


@pytest.mark.parametrize("query", ["", "   ", "不存在的词"])
def test_kwic_empty(query):
    assert kwic(PARAS, query).empty


@pytest.mark.parametrize(
    ("query", "copies"), [("六联工作法", False), ("六联工作法", True), ("六联", True), ("无", False)]
)
def test_the_first_hits_and_the_counts_are_those_of_every_hit(query, copies):
    every = kwic(PARAS, query, include_duplicates=copies)
    assert kwic(PARAS, query, include_duplicates=copies, limit=0).empty
    for limit in (1, 2, 5):
        pd.testing.assert_frame_equal(
            kwic(PARAS, query, include_duplicates=copies, limit=limit),
            every.head(limit),
            check_index_type=False,
        )
    expected = (len(every), every["paragraph_id"].nunique(), every["article_id"].nunique())
    assert hit_counts(PARAS, query, include_duplicates=copies) == expected


def test_kwic_query_is_literal():
    assert kwic(PARAS, "(.*").empty


# ---------------------------------------------------------------- lookups the pages use

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


def test_with_titles_adds_the_article_title_and_keeps_rows():
    out = with_titles(PARAS, ARTICLES)
    assert out["title"].unique().tolist() == ["嘉兴高新区“新领秀”党建赋能高质量发展"]
    assert out.index.tolist() == PARAS.index.tolist()
    assert with_titles(PARAS.assign(article_id="unknown"), ARTICLES)["title"].eq("").all()


def test_kwic_table_orders_columns_for_reading():
    table = kwic_table(kwic(PARAS, "六联工作法"), ARTICLES)
    assert table.columns.tolist() == [
        "paragraph_id",
        "article_id",
        "zone",
        "title",
        "section",
        "left",
        "hit",
        "right",
        "start",
    ]
    assert table["start"].tolist() == [9, 28]
    assert len(table) == 2 and table["title"].iloc[0].startswith("嘉兴高新区")
    assert kwic_table(kwic(PARAS, ""), ARTICLES).empty


@pytest.mark.parametrize(("page", "expected"), [(1, [0, 1]), (2, [2, 3]), (3, [4]), (9, [4]), (0, [0, 1])])
def test_page_of(page, expected):
    assert page_of(pd.DataFrame({"x": range(5)}), page, size=2)["x"].tolist() == expected


@pytest.mark.parametrize(("n_rows", "expected"), [(0, 1), (1, 1), (100, 1), (101, 2), (1000, 10)])
def test_page_count(n_rows, expected):
    assert page_count(n_rows, size=100) == expected


def test_page_of_empty():
    assert page_of(pd.DataFrame({"x": []}), 1, size=10).empty


def test_paragraph_context_finds_text_section_and_title():
    ctx = paragraph_context(PARAS, ARTICLES, "a-p000")
    assert (
        ctx["section"] == "红链聚力产业发展"
        and ctx["title"].startswith("嘉兴高新区")
        and "六联工作法" in ctx["text"]
    )
    assert paragraph_context(PARAS, ARTICLES, "no-such-paragraph") is None


def test_kwic_sorts_by_the_words_next_to_the_hit():
    from lib.explore.search import sort_kwic

    hits = pd.DataFrame(
        {"left": ["推进企业", "建强支部", "服务企业"], "hit": ["党建"] * 3, "right": ["联盟", "工作", "阵地"]}
    )
    # read leftwards from the hit, the two lines with 企业 right before it come together
    left = sort_kwic(hits, "left")["left"].tolist()
    assert sorted(left[:2]) == sorted(["推进企业", "服务企业"]) and left[2] == "建强支部"
    assert sort_kwic(hits, "right")["right"].tolist() == sorted(["联盟", "工作", "阵地"])
    assert sort_kwic(hits, "text").equals(hits)


# ---------------------------------------------------------------- a hit's whole article

REPORT = pd.DataFrame(
    {
        "paragraph_id": [f"b-p{i:03d}" for i in range(6)],
        "article_id": ["b-1"] * 5 + ["a-1"],
        "zone": ["昆山高新区"] * 5 + ["嘉兴高新区"],
        "seq": [4, 0, 1, 2, 3, 0],  # stored out of order
        "section": ["", "", "固本塑魂", "固本塑魂", "固本塑魂", ""],
        "kind": ["credit", "body", "body", "caption", "body", "body"],
        "counted": [False, True, True, False, True, True],
        "text": ["本版供图", "一" * 10, "二" * 10, "三" * 10, "四" * 10, "别的文章"],
    }
)
META = pd.DataFrame(
    {"article_id": ["b-1"], "title": ["昆山高新区党建报道"], "zone": ["昆山高新区"], "date": [None]}
)


def test_article_context_holds_every_block_of_the_report_in_order():
    ctx = article_context(REPORT, META, "b-p002")
    assert ctx["paragraphs"]["text"].str[0].tolist() == ["一", "二", "三", "四", "本"]
    assert ctx["paragraphs"]["kind"].tolist() == ["body", "body", "caption", "body", "credit"]
    assert (ctx["title"], ctx["zone"], ctx["date"]) == ("昆山高新区党建报道", "昆山高新区", "")
    assert (ctx["n_paragraphs"], ctx["n_chars"], ctx["cut"]) == (5, 44, False)
    assert article_context(REPORT, META, "no-such-paragraph") is None
    assert article_context(REPORT, META, "b-p005")["title"] == ""  # an article without its row


@pytest.mark.parametrize(
    ("paragraph_id", "window", "kept"),
    [
        ("b-p003", 10, ["三"]),  # the hit's paragraph alone fills the window
        ("b-p003", 25, ["二", "三", "四"]),
        ("b-p001", 25, ["一", "二"]),  # at the start, the window is not moved
        ("b-p000", 1, ["本"]),
    ],
)
def test_article_context_cuts_a_long_report_around_the_hit(paragraph_id, window, kept):
    ctx = article_context(REPORT, META, paragraph_id, window=window)
    assert ctx["paragraphs"]["text"].str[0].tolist() == kept and ctx["cut"]
    assert ctx["n_paragraphs"] == 5
