"""Passage search and safe highlighting."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.search import (
    escape_markdown,
    highlight_html,
    kwic,
    kwic_table,
    numbered_list_html,
    page_count,
    page_of,
    paragraph_context,
    rows_key,
    source_html,
    with_titles,
)

PARAS = pd.DataFrame({
    "paragraph_id": ["a-p000", "a-p001", "a-p002"],
    "article_id": ["a-1"] * 3,
    "zone": ["嘉兴高新区"] * 3,
    "section": ["红链聚力产业发展"] * 3,
    "kind": ["body", "body", "caption"],
    "is_duplicate": [False, True, False],
    "text": ["依托党委牵头建立“六联工作法”，实现组织联建、资源联享。六联工作法成效明显。", "“六联工作法”重复段", "六联图片说明"],
})


def test_kwic_finds_every_hit_with_context_and_skips_copies_and_captions():
    hits = kwic(PARAS, "六联工作法", context=4)
    assert hits["paragraph_id"].tolist() == ["a-p000", "a-p000"]
    assert hits.iloc[0][["left", "hit", "right"]].tolist() == ["头建立“", "六联工作法", "”，实现"]
    assert hits["section"].unique().tolist() == ["红链聚力产业发展"]


@pytest.mark.parametrize("query", ["", "   ", "不存在的词"])
def test_kwic_empty(query):
    assert kwic(PARAS, query).empty


def test_kwic_query_is_literal():
    assert kwic(PARAS, "(.*").empty


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("党建联建", ["党建"], "<mark>党建</mark>联建"),
        ("<script>alert(1)</script>党建", ["党建"], "&lt;script&gt;alert(1)&lt;/script&gt;<mark>党建</mark>"),
        ("a<b", [], "a&lt;b"),
        ("“1+4+N”党建工作矩阵", ["1+4+N"], "“<mark>1+4+N</mark>”党建工作矩阵"),
        ("<img src=x onerror=alert(1)>", ["img"], "&lt;<mark>img</mark> src=x onerror=alert(1)&gt;"),
    ],
)
def test_highlight_html_escapes_article_text(text, terms, expected):
    assert highlight_html(text, terms) == expected


# ---------------------------------------------------------------- lookups the pages use

ARTICLES = pd.DataFrame({
    "article_id": ["a-1", "k-1", "g-1"],
    "title": ["嘉兴高新区“新领秀”党建赋能高质量发展", "昆山高新区党建赋能产业科创与基层治理跃升", "贵阳高新区建强党建“链”激活发展“链”"],
})



def test_with_titles_adds_the_article_title_and_keeps_rows():
    out = with_titles(PARAS, ARTICLES)
    assert out["title"].unique().tolist() == ["嘉兴高新区“新领秀”党建赋能高质量发展"]
    assert out.index.tolist() == PARAS.index.tolist()
    assert with_titles(PARAS.assign(article_id="unknown"), ARTICLES)["title"].eq("").all()


def test_kwic_table_orders_columns_for_reading():
    table = kwic_table(kwic(PARAS, "六联工作法"), ARTICLES)
    assert table.columns.tolist() == ["paragraph_id", "article_id", "zone", "title", "section", "left", "hit", "right"]
    assert len(table) == 2 and table["title"].iloc[0].startswith("嘉兴高新区")
    assert kwic_table(kwic(PARAS, ""), ARTICLES).empty


def test_rows_key_changes_with_the_rows_only():
    assert rows_key("t", ["a", "b"]) == rows_key("t", ["a", "b"])
    assert rows_key("t", ["a", "b"]) != rows_key("t", ["b", "a"])
    assert rows_key("t", []).startswith("t-")


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
    assert ctx["section"] == "红链聚力产业发展" and ctx["title"].startswith("嘉兴高新区") and "六联工作法" in ctx["text"]
    assert paragraph_context(PARAS, ARTICLES, "no-such-paragraph") is None


def test_source_html_escapes_and_skips_empty_parts():
    assert source_html("<b>标题</b>", "", "嘉兴高新区").endswith(">《&lt;b&gt;标题&lt;/b&gt;》 · 嘉兴高新区</div>")
    assert "小节：红链聚力产业发展" in source_html("标题", "红链聚力产业发展")


def test_numbered_list_html_escapes_items():
    assert numbered_list_html(["一处专窗", "<script>x</script>"]) == "<ol><li>一处专窗</li><li>&lt;script&gt;x&lt;/script&gt;</li></ol>"
    assert numbered_list_html([]) == "<ol></ol>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[点此](http://x)", r"\[点此\]\(http\://x\)"),
        ("*强调* _斜体_ `代码`", r"\*强调\* \_斜体\_ \`代码\`"),
        (":red[警告] :material/home:", r"\:red\[警告\] \:material/home\:"),
        ("“1+4+N”党建工作矩阵", r"“1\+4\+N”党建工作矩阵"),
        ("党建联建", "党建联建"),
    ],
)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escape_markdown_only_adds_backslashes(text):
    assert re.sub(r"\\(.)", r"\1", escape_markdown(text), flags=re.DOTALL) == text
