"""Passage search and safe highlighting."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.search import highlight_html, kwic

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
