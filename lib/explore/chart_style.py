"""The one style of every chart (lib.explore.charts, lib.explore.word_charts): font, title, axis titles,
legend and toolbar, made to fit a phone's screen (390 pixels wide: a chart about 360 wide, its plot
about 250 high) as well as a desktop's.

- A title longer than TITLE_CHARS characters wraps onto more lines (`wrap_title`, at a break such as
  before its “（单位：…）”), with room made for them, instead of running off the chart's right edge.
- An axis title is kept within AXIS_TITLE_CHARS characters a line, so a vertical one never runs past the
  plot's height and out of the chart: a metric chart's value axis says 数值 with the unit when the
  indicator's name is long (`value_axis_title`: the chart's title names it); any other long one wraps.
  The axes' margins grow to fit their tick labels and titles (automargin), so nothing is cut at the left.
- The legend is a row under the title, its rows taking room from the plot, never from the title (a row
  beside the plot took a third of a phone's width; a legend anchored to the plot grew over the title).
- Words from articles on a chart are escaped: a hover box's sentence (`hover_text`, wrapped) and a bar's
  value as written (`bar_text`: 超百亿元, with ≥ only when the words do not say the bound themselves).
"""

from __future__ import annotations

import html
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif"
#: Most characters on a line of a chart's title (17 px glyphs on a phone's 360-pixel-wide chart).
TITLE_CHARS = 20
#: Most characters on a line of an axis title (a phone's plot is about 250 pixels high).
AXIS_TITLE_CHARS = 12
#: Pixels above the title, per line of title, and between the title and the legend.
TITLE_PAD, TITLE_LINE, TITLE_GAP = 12, 24, 8
#: Plotly's height when a figure sets none.
DEFAULT_HEIGHT = 450
#: One character of escaped text: an entity (&amp;) counts as one and is never split.
RE_CHAR = re.compile(r"&#?\w+;|.", re.DOTALL)
#: Where a line may break: before an opening bracket or quote, after a closing one or a separator.
BREAK_BEFORE, BREAK_AFTER = set("（(“《"), set("）)”》/、，,·： ")


def wrap_title(text: str, width: int = TITLE_CHARS) -> str:
    """Escaped `text` in lines of at most `width` characters joined with <br>. A line ends at a break
    opportunity (BREAK_BEFORE, BREAK_AFTER) that leaves more than three characters to the next line: the
    last one in the line's second half, else the last one before; else after `width` characters.

    >>> wrap_title("互联网企业“两高一创”党支部书记占比（单位：%）", 12)
    '互联网企业“两高一创”<br>党支部书记占比<br>（单位：%）'
    """
    chars, lines = RE_CHAR.findall(text), []
    while len(chars) > width:
        breaks = [i for i in range(1, width + 1) if _breaks_before(chars, i) and len(chars) - i > 3]
        late = [i for i in breaks if i >= width // 2]
        cut = (late or breaks or [width])[-1]
        lines.append("".join(chars[:cut]))
        chars = chars[cut:]
    return "<br>".join([*lines, "".join(chars)])


def _breaks_before(chars: list[str], i: int) -> bool:
    return i < len(chars) and (chars[i] in BREAK_BEFORE or chars[i - 1] in BREAK_AFTER)


def value_axis_title(name: str, unit: str) -> str:
    """The title of a metric chart's value axis: “name（unit）” when it fits on a line of an axis title,
    else “数值（unit）” (the chart's title names the indicator); `name` and `unit` escaped."""
    full = f"{name}（{unit}）" if unit else name
    if len(RE_CHAR.findall(full)) <= AXIS_TITLE_CHARS:
        return full
    return f"数值（{unit}）" if unit else "数值"


def apply_layout(fig: go.Figure, *, title: str, x: str, y: str) -> go.Figure:
    """The shared style (module docstring): the title (escaped text) wrapped at the top left, the axis
    titles, the font, the legend in rows under the title and the toolbar upright on the right. Set a
    figure's height before calling it (the legend is placed by pixels from the top)."""
    title = wrap_title(title)
    lines = title.count("<br>") + 1
    height = fig.layout.height or DEFAULT_HEIGHT
    pad = TITLE_PAD + TITLE_LINE // 2 * (lines - 1)  # Plotly lifts a title of n lines by (n - 1) half lines
    legend_top = TITLE_PAD + TITLE_LINE * lines + TITLE_GAP
    fig.update_layout(
        title={"text": title, "x": 0, "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": pad}},
        font={"family": FONT},
        xaxis_title=wrap_title(x, AXIS_TITLE_CHARS * 2),
        yaxis_title=wrap_title(y, AXIS_TITLE_CHARS),
        margin={"l": 10, "r": 10, "t": legend_top + 10, "b": 10},
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 1 - legend_top / height,
            "xanchor": "left",
            "x": 0,
            "title": {"side": "left"},
        },
        hoverlabel={"font": {"family": FONT}},
        modebar={"orientation": "v"},  # the toolbar upright on the right, never over the title
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


#: How a qualifier kind is marked next to a value in a chart.
QUALIFIER_MARK = {"approx": "≈", "lower_bound": "≥", "upper_bound": "≤"}


def bar_text(metrics: pd.DataFrame) -> pd.Series:
    """The words a bar is labelled with: the value as written (超百亿元), after the mark of its qualifier kind
    (≥) only when the words do not say it themselves (a qualifier read apart from the value)."""
    raw = metrics["raw"].fillna("").astype(str)
    qualifier = metrics["qualifier"].fillna("").astype(str)
    said = pd.Series([bool(q) and q in r for q, r in zip(qualifier, raw, strict=True)], index=raw.index)
    return metrics["qualifier_kind"].map(QUALIFIER_MARK).fillna("").mask(said, "") + raw.map(html.escape)


def hover_text(sentence: str, width: int = 32) -> str:
    """A source sentence for a hover box: escaped, wrapped, at most 6 lines."""
    lines = textwrap.wrap(sentence or "", width)[:6]
    return "<br>".join(html.escape(line) for line in lines)
