"""Article text as HTML: escaped before any markup is added."""

from __future__ import annotations

import pytest

from ui.html import highlight_html, numbered_list_html, source_html


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


def test_source_html_escapes_and_skips_empty_parts():
    assert source_html("<b>标题</b>", "", "嘉兴高新区").endswith(
        ">《&lt;b&gt;标题&lt;/b&gt;》 · 嘉兴高新区</div>"
    )
    assert "小节：红链聚力产业发展" in source_html("标题", "红链聚力产业发展")


def test_numbered_list_html_escapes_items():
    assert (
        numbered_list_html(["一处专窗", "<script>x</script>"])
        == "<ol><li>一处专窗</li><li>&lt;script&gt;x&lt;/script&gt;</li></ol>"
    )
    assert numbered_list_html([]) == "<ol></ol>"
