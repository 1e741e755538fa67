"""The one chart style: titles wrap instead of running off a phone's screen, axis titles stay within a
phone's plot height, the legend sits under the title and the axes make room for their labels."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from lib.explore.chart_style import (
    AXIS_TITLE_CHARS,
    DEFAULT_HEIGHT,
    TITLE_CHARS,
    TITLE_GAP,
    TITLE_LINE,
    TITLE_PAD,
    apply_layout,
    value_axis_title,
    wrap_title,
)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("一般公共预算收入（单位：亿元）", 20, "一般公共预算收入（单位：亿元）"),  # fits: unchanged
        ("一般公共预算收入历年变化（单位：亿元）", 12, "一般公共预算收入历年变化<br>（单位：亿元）"),
        (
            "互联网企业“两高一创”党委/党总支/党支部书记占比（单位：%）",
            20,
            "互联网企业“两高一创”党委/党总支/<br>党支部书记占比（单位：%）",
        ),
        ("出现频率（每万词出现次数）", 12, "出现频率<br>（每万词出现次数）"),  # the only break is early
        ("一二三四五六七八九十一二三四五", 12, "一二三四五六七八九十一二<br>三四五"),  # no break: cut
        (
            "A&amp;B&lt;C&gt;一二三四五六七八九十",
            12,
            "A&amp;B&lt;C&gt;一二三四五六<br>七八九十",
        ),  # entities whole
    ],
)
def test_wrap_title(text, width, expected):
    assert wrap_title(text, width) == expected


def test_a_break_never_leaves_three_characters_or_fewer_behind():
    assert wrap_title("一般公共预算收入总额（单位：%）", 12) == "一般公共预算收入总额<br>（单位：%）"


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("一般公共预算收入", "亿元", "一般公共预算收入（亿元）"),  # 12 characters: fits
        ("两新组织发展党员数量占该高新区发展党员总数", "%", "数值（%）"),
        ("规模以上工业总产值增速", "", "规模以上工业总产值增速"),
        ("互联网企业“两高一创”党委/党总支/党支部书记占比", "", "数值"),
    ],
)
def test_value_axis_title(name, unit, expected):
    title = value_axis_title(name, unit)
    assert title == expected and len(title) <= AXIS_TITLE_CHARS


@pytest.mark.parametrize("height", [None, 620])
def test_the_legend_sits_under_the_wrapped_title_and_axes_make_room(height):
    fig = go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2], name="甲区"), layout={"height": height})
    long = "互联网企业“两高一创”党委/党总支/党支部书记占比（单位：%）"
    apply_layout(fig, title=long, x="区域 · 年份", y="出现频率（每万词出现次数）")
    layout = fig.layout
    assert layout.title.text.count("<br>") == 1 and all(
        len(line) <= TITLE_CHARS for line in layout.title.text.split("<br>")
    )
    assert (layout.title.yref, layout.title.y, layout.title.yanchor) == ("container", 1, "top")
    legend_top = TITLE_PAD + 2 * TITLE_LINE + TITLE_GAP
    assert layout.legend.yref == "container" and layout.legend.yanchor == "top"
    assert layout.legend.y == pytest.approx(1 - legend_top / (height or DEFAULT_HEIGHT))
    assert layout.margin.t > legend_top
    assert layout.yaxis.title.text == "出现频率<br>（每万词出现次数）"
    assert layout.xaxis.automargin and layout.yaxis.automargin
