"""Article text as HTML: escaped before any markup is added."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ui.html import (
    ARTICLE_BOX,
    BLOCK_STYLES,
    HIT_PARAGRAPH_STYLE,
    HIT_STYLE,
    RE_ANCHOR,
    UNCOUNTED_STYLE,
    Hit,
    article_html,
    highlight_html,
    numbered_list_html,
    scroll_to,
    source_html,
)


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


BLOCKS = pd.DataFrame(
    {
        "paragraph_id": ["p0", "p1", "p2", "p3"],
        "section": ["", "<i>党建</i>引领", "<i>党建</i>引领", "<i>党建</i>引领"],
        "kind": ["body", "body", "caption", "body"],
        "counted": [True, True, False, False],
        "text": ["党建<script>alert(1)</script>党建", "党建联建", "<img src=x onerror=alert(1)>", "供图"],
    }
)


def test_article_html_escapes_every_block_and_marks_the_hit_apart():
    hit = Hit("p0", 27, 2)  # the second 党建 of p0
    shown = article_html(BLOCKS, ["党建"], hit=hit)
    assert "<script>" not in shown and "<img" not in shown and "<i>" not in shown
    assert (
        shown.count('<div style="font-weight:bold') == 1
    )  # the section's title once, before its first block
    assert "&lt;i&gt;<mark>党建</mark>&lt;/i&gt;引领" in shown
    first = re.search("<p [^>]*>(.*?)</p>", shown)
    assert first.group(0).startswith(f'<p style="margin:0 0 .6rem;{HIT_PARAGRAPH_STYLE}"')
    assert first.group(1) == (
        "<mark>党建</mark>&lt;script&gt;alert(1)&lt;/script&gt;"
        f'<mark id="{hit.anchor}" style="{HIT_STYLE}">党建</mark>'
    )
    assert f'<p style="margin:0 0 .6rem;{UNCOUNTED_STYLE}" title="不计入统计">供图</p>' in shown  # a copy
    assert f'<p style="margin:0 0 .6rem;{BLOCK_STYLES["caption"]}" title="不计入统计">&lt;img' in shown
    assert '<p style="margin:0 0 .6rem;">' + "<mark>党建</mark>联建</p>" in shown
    assert article_html(BLOCKS.iloc[:0]) == f'<div data-article="" style="{ARTICLE_BOX}"></div>'


def test_hit_anchors_are_digests_and_the_scroll_refuses_any_other_id():
    anchor = Hit("p0", 27, 2).anchor
    assert RE_ANCHOR.fullmatch(anchor) and anchor != Hit("p0", 0, 2).anchor
    with pytest.raises(ValueError):
        scroll_to('x");alert(1);("')
