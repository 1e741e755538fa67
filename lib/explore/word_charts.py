"""Charts of the 词语分析 workbench (lib.explore.words): the co-occurrence network, word trends, the
correspondence map, and the years in which initiatives are named (举措目录).

Titles, axis labels and units as on every chart (lib.explore.charts), in the one chart style
(lib.explore.chart_style); words come from the dataset's tokens, escaped before they reach a label or a
hover box."""

from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from lib.explore.chart_style import apply_layout

#: Node sizes (px) of the least and the most widespread word in the network.
NODE_SIZE = (14, 46)
#: Where a label may go around its point, in order of preference, with its offset in plot fractions.
LABEL_SLOTS = {
    "top center": (0.0, 0.035),
    "bottom center": (0.0, -0.035),
    "middle right": (0.06, 0.0),
    "middle left": (-0.06, 0.0),
}
#: The size of a label in plot fractions: per character wide, and high.
LABEL_CHAR_WIDTH, LABEL_HEIGHT = 0.022, 0.04


def label_positions(x, y, texts, priority) -> list[str | None]:
    """Where each point's label goes (a plotly textposition) so that no two labels overlap, or None for a
    point whose label would overlap one already placed (its word stays on hover). Points are labelled
    in the order of `priority` (highest first); x and y are scaled to the plot's range."""
    xs, ys = pd.Series(list(x), dtype=float), pd.Series(list(y), dtype=float)
    sx = (xs - xs.min()) / ((xs.max() - xs.min()) or 1.0)
    sy = (ys - ys.min()) / ((ys.max() - ys.min()) or 1.0)
    placed: list[tuple[float, float, float]] = []  # centre x, centre y, half width
    out: list[str | None] = [None] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: -priority[i]):
        half = LABEL_CHAR_WIDTH * len(str(texts[i])) / 2
        for slot, (dx, dy) in LABEL_SLOTS.items():
            side = {"middle right": half, "middle left": -half}.get(slot, 0.0)
            cx, cy = sx[i] + dx + side, sy[i] + dy
            if all(abs(cx - px) >= half + ph or abs(cy - py) >= LABEL_HEIGHT for px, py, ph in placed):
                placed.append((cx, cy, half))
                out[i] = slot
                break
    return out


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str = "共现网络") -> go.Figure:
    """Words as nodes (size by the paragraphs they occur in, colour by community), edges drawn thicker for
    a higher Jaccard coefficient. A node's customdata is its word, for selection."""
    fig = go.Figure()
    where = nodes.set_index("term")[["x", "y"]]
    for weight, group in edges.groupby(pd.cut(edges["jaccard"], 3, labels=[1.0, 2.0, 3.5]), observed=True):
        xs, ys = [], []
        for a, b in group[["source", "target"]].itertuples(index=False):
            xs += [where.at[a, "x"], where.at[b, "x"], None]
            ys += [where.at[a, "y"], where.at[b, "y"], None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"width": float(weight), "color": "#9aa5b1"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    terms = nodes["term"].tolist()
    where_label = label_positions(nodes["x"], nodes["y"], terms, nodes["paragraphs"].tolist())
    slots = dict(zip(terms, where_label, strict=True))
    low, high = nodes["paragraphs"].min(), nodes["paragraphs"].max()
    span = max(1, high - low)
    palette = px.colors.qualitative.Set2
    for community, group in nodes.groupby("community", sort=True):
        sizes = NODE_SIZE[0] + (group["paragraphs"] - low) / span * (NODE_SIZE[1] - NODE_SIZE[0])
        fig.add_trace(
            go.Scatter(
                x=group["x"],
                y=group["y"],
                mode="markers+text",
                name=f"第 {community} 组",
                text=[html.escape(t) if slots[t] else "" for t in group["term"]],
                textposition=[slots[t] or "top center" for t in group["term"]],
                customdata=group["term"],
                hovertext=[
                    f"{html.escape(t)}<br>出现于 {n} 个段落"
                    for t, n in zip(group["term"], group["paragraphs"], strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={
                    "size": sizes,
                    "color": palette[(community - 1) % len(palette)],
                    "line": {"width": 1, "color": "white"},
                },
            )
        )
    fig.update_layout(height=620)
    apply_layout(fig, title=title, x="", y="")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(legend={"title": {"text": "词群（社区）"}})
    return fig


def trend_figure(table: pd.DataFrame, *, by: str = "year", title: str | None = None) -> go.Figure:
    """Lines of each word's rate per PER_WORDS words over the years (or bars per zone), with the count
    behind each point on hover."""
    per = "每万词出现次数"
    hover = [
        f"{html.escape(str(t))} · {g}<br>{n} 次 / {w:,} 词"
        for t, g, n, w in table[["term", by, "count", "total_words"]].itertuples(index=False)
    ]
    if by == "year":
        fig = px.line(table, x=by, y="per_10k", color="term", markers=True)
        x = "年份"
    else:
        fig = px.bar(table, x=by, y="per_10k", color="term", barmode="group")
        x = "区域"
    for trace in fig.data:
        mine = table["term"] == trace.name
        trace.hovertext = [h for h, m in zip(hover, mine, strict=True) if m]
        trace.hovertemplate = "%{hovertext}<br>每万词 %{y} 次<extra></extra>"
        trace.name = html.escape(str(trace.name))
    apply_layout(fig, title=title or f"词语使用的变化（{per}）", x=x, y=f"出现频率（{per}）")
    if by == "year":
        fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_layout(legend={"title": {"text": "词语"}})
    return fig


def correspondence_figure(points: pd.DataFrame, shares: list[float], *, group_label: str) -> go.Figure:
    """The correspondence-analysis map: groups as large labelled squares, words as small labelled dots;
    near each other means used alike. Axis titles give each axis's share of the inertia."""
    fig = go.Figure()
    # groups are labelled first, then the words that weigh most and lie farthest out
    weight = (points["kind"] == "group") * 1e6 + points["mass"] * (points["x"] ** 2 + points["y"] ** 2) ** 0.5
    points = points.assign(
        _slot=label_positions(points["x"], points["y"], points["name"].tolist(), weight.tolist())
    )
    for kind, style in (
        ("term", {"size": 7, "color": "#7b8794", "symbol": "circle"}),
        ("group", {"size": 14, "color": "#c0392b", "symbol": "square"}),
    ):
        part = points[points["kind"] == kind]
        names = [html.escape(str(n)) for n in part["name"]]
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                name=group_label if kind == "group" else "词语",
                text=[
                    n if isinstance(slot, str) else "" for n, slot in zip(names, part["_slot"], strict=True)
                ],
                textposition=[slot if isinstance(slot, str) else "top center" for slot in part["_slot"]],
                textfont={"size": 15 if kind == "group" else 12, "color": style["color"]},
                customdata=part["name"] if kind == "term" else None,
                marker=style,
                hovertext=names,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(height=620)
    apply_layout(
        fig,
        title=f"对应分析：{group_label}与词语（未标注的词悬停可见）",
        x=f"第 1 维（解释 {shares[0]:.0%} 的惯量）",
        y=f"第 2 维（解释 {shares[1]:.0%} 的惯量）",
    )
    fig.update_layout(legend={"title": {"text": ""}})
    fig.add_hline(y=0, line={"width": 1, "color": "#d0d5db"})
    fig.add_vline(x=0, line={"width": 1, "color": "#d0d5db"})
    return fig


def initiative_years_figure(table: pd.DataFrame) -> go.Figure:
    """Which initiatives are named in which years: a dot per name and year, sized by the reports."""
    fig = px.scatter(table, x="year", y="name", size="reports", size_max=18)
    fig.update_traces(
        hovertext=[
            f"{html.escape(n)} · {y} 年<br>{r} 篇报道<br>{html.escape(z)}"
            for n, y, r, z in table[["name", "year", "reports", "zones"]].itertuples(index=False)
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        marker_color="#c0392b",
    )
    fig.update_yaxes(autorange="reversed", tickmode="linear", dtick=1, automargin=True)
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_layout(height=max(320, 24 * table["name"].nunique() + 140))
    return apply_layout(fig, title="举措出现的年份（圆点大小：提到该举措的报道篇数）", x="报道年份", y="举措")
