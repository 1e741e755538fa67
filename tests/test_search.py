"""Passage search and safe highlighting."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.search import (
    count_note,
    escape_markdown,
    filter_initiatives,
    highlight_html,
    initiative_labels,
    initiative_table,
    kwic,
    kwic_table,
    namesakes,
    numbered_list_html,
    page_count,
    page_of,
    paragraph_context,
    rows_key,
    shared_names,
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

# Real initiatives of the corpus, as the extractor gives them.
INITIATIVES = pd.DataFrame([
    ("k-1-i001", "k-1", "k-1-p003", "昆山高新区", "1+4+N", "“1+4+N”党建工作矩阵", "formula",
     ["新城北", "阳科园", "吴淞江", "社会组织"], 3, 4, "组织建设"),
    ("k-1-i002", "k-1", "k-1-p010", "昆山高新区", "五个一", "“五个一”集成服务体系", "counted",
     ["一处专窗", "一个专班", "一位专员", "一条专线", "一套机制"], 5, 5, "营商服务"),
    ("k-1-i003", "k-1", "k-1-p012", "昆山高新区", "高新事·高兴办", "“高新事·高兴办”营商服务党建品牌", "brand", [], None, 0, "营商服务"),
    ("g-1-i001", "g-1", "g-1-p001", "贵阳高新区", "五个一", "“五个一”行动", "counted",
     ["配强一个党委/党总支/党支部书记", "建好一支队伍", "打造一个阵地", "健全一个机制", "找准一条路子"], 5, 5, ""),
    ("a-1-i003", "a-1", "a-1-p005", "嘉兴高新区", "六联工作法", "“六联工作法”", "counted",
     ["组织联建", "资源联享", "技术联攻", "人才联育", "市场联拓", "治理联抓"], 6, 6, "产业链与科创"),
    ("a-1-i005", "a-1", "a-1-p009", "嘉兴高新区", "高新事、高兴办", "“高新事、高兴办”特色服务品牌", "brand", [], None, 0, "营商服务"),
], columns=["initiative_id", "article_id", "paragraph_id", "zone", "name", "full_name", "kind", "components",
            "expected_count", "found_count", "theme"]).assign(
    expected_count=lambda d: d["expected_count"].astype("Int64"), found_count=lambda d: d["found_count"].astype("Int64"),
    sentence="原句。", shared_zones=[[]] * 6)


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


def test_initiative_table_names_kinds_in_chinese_and_adds_titles():
    table = initiative_table(INITIATIVES, ARTICLES)
    assert table["kind"].tolist() == ["数字公式", "计数短语", "品牌", "计数短语", "计数短语", "品牌"]
    assert table.loc[table["name"] == "六联工作法", "title"].item().startswith("嘉兴高新区")


def test_initiative_labels_are_unique_and_readable():
    table = initiative_table(INITIATIVES, ARTICLES)
    labels = initiative_labels(table)
    assert labels["g-1-i001"] == "贵阳高新区 · “五个一”行动"
    twice = initiative_table(pd.concat([INITIATIVES.iloc[[1]], INITIATIVES.iloc[[1]].assign(initiative_id="k-1-i009")]),
                             ARTICLES)
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
    assert namesakes(pd.concat([INITIATIVES, INITIATIVES]), "五个一")["zone"].tolist() == ["昆山高新区", "贵阳高新区"]
    assert namesakes(INITIATIVES, "六联工作法")["zone"].tolist() == ["嘉兴高新区"]


def test_shared_names_lists_names_used_by_several_zones():
    shared = shared_names(INITIATIVES)
    assert shared["name"].tolist() == ["五个一", "高新事·高兴办"]
    assert shared["zones"].tolist() == [["昆山高新区", "贵阳高新区"], ["嘉兴高新区", "昆山高新区"]]
    assert shared_names(INITIATIVES.iloc[0:0]).columns.tolist() == ["name", "zones"]
