"""Charts: plotly figures built from dataset tables, testable without the UI.

Every chart has a title, axis labels and units. A metric chart never puts two units on one axis:
`metric_groups` splits metrics by the unit they can be compared in, and `metric_bar` refuses mixed units.
Text from articles shown on hover is escaped, so it can't add markup to the chart."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from lib.dataset import ondisk
from lib.dataset.schema import Dataset, counted_paragraphs
from lib.explore.chart_style import apply_layout, bar_text, hover_text, value_axis_title
from lib.explore.colors import UNKNOWN_ZONE, zone_colors
from lib.explore.filters import Filters, filter_table
from lib.extract.metric_context import ANNUAL, SCOPE_LABELS, period_class
from lib.extract.metric_context import ZONE as ZONE_SCOPE


def axis_unit(metrics: pd.DataFrame) -> pd.Series:
    """The unit a metric is compared in: its base unit where one exists (亿元 → 元), else its unit."""
    return metrics["base_unit"].fillna(metrics["unit"]).replace("", pd.NA).fillna(metrics["unit"])


def metric_groups(metrics: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Metrics grouped by (indicator, comparable unit): each group can go on one axis."""
    if metrics.empty:
        return {}
    keyed = metrics.assign(_unit=axis_unit(metrics))
    return {
        (label, unit): grp.drop(columns="_unit")
        for (label, unit), grp in keyed.groupby(["label", "_unit"], sort=False)
    }


def _display_values(metrics: pd.DataFrame) -> tuple[pd.Series, str]:
    """Values and the unit to show them in: as written when all share a unit, else in the base unit."""
    units = metrics["unit"].dropna().unique()
    if len(units) == 1:
        return metrics["value"], str(units[0])
    bases = axis_unit(metrics).dropna().unique()
    if len(bases) != 1:
        raise ValueError(f"不同单位不能画在同一坐标轴上：{'、'.join(map(str, bases))}")
    return metrics["base_value"].fillna(metrics["value"]), str(bases[0])


def _qualifier_note(metrics: pd.DataFrame) -> pd.Series:
    """“限定：超（下限）<br>” for a qualified value, “时段：上半年<br>” for a period, “归属：企业/组织（…）<br>” for
    a number that is not the zone's own; empty otherwise (for hover boxes)."""
    kinds = {"approx": "约数", "lower_bound": "下限", "upper_bound": "上限"}
    q = metrics["qualifier"].fillna("").astype(str)
    k = metrics["qualifier_kind"].map(kinds).fillna("")
    note = ("限定：" + q.map(html.escape) + "（" + k + "）<br>").where(q != "", "")
    if "period" in metrics:  # 时段 and, for a number not the zone's own, whose it is
        period = metrics["period"].fillna("").astype(str)
        note += ("时段：" + period.map(html.escape) + "<br>").where(period != "", "")
    if "scope" in metrics:
        whose = metrics["scope"].map(SCOPE_LABELS).fillna("") + metrics["scope_name"].fillna("").map(
            lambda n: f"（{html.escape(n)}）" if n else ""
        )
        note += ("归属：" + whose + "<br>").where(metrics["scope"].fillna(ZONE_SCOPE) != ZONE_SCOPE, "")
    return note


def _point_columns(metrics: pd.DataFrame) -> dict[str, pd.Series]:
    """What every metric chart shows of a row: its hover sentence, its note (qualifier, period, whose)
    and its zone (UNKNOWN_ZONE for none)."""
    return {
        "_hover": metrics["sentence"].map(hover_text),
        "_note": _qualifier_note(metrics),
        "zone": metrics["zone"].replace("", UNKNOWN_ZONE),
    }


#: More bars than this in one chart cannot be read as bars and weigh MBs in the browser (2,548 bars of one
#: indicator at 100 MB of reports: 1.5 MB): each zone's latest figure is shown instead.
MAX_BARS = 150


def latest_per_zone(metrics: pd.DataFrame) -> pd.DataFrame:
    """Each zone's latest figure (by its year, else its report's), and of those the MAX_BARS largest."""
    year = metrics["year"].astype("Float64")
    if "_report_year" in metrics:
        year = year.fillna(metrics["_report_year"].astype("Float64"))
    latest = metrics.assign(_latest=year).sort_values("_latest", kind="stable", na_position="first")
    latest = latest.groupby("zone", sort=False).tail(1).drop(columns="_latest")
    return latest.nlargest(MAX_BARS, "base_value") if len(latest) > MAX_BARS else latest


def _report_year_label(metrics: pd.DataFrame) -> pd.Series:
    """For a figure that gives no year: its report's year, said to be the report's, or 年份未注明."""
    if "_report_year" not in metrics:
        return pd.Series("年份未注明", index=metrics.index)
    years = metrics["_report_year"].astype("string")
    return (years + "（报道年份）").fillna("年份未注明")


def metric_bar(metrics: pd.DataFrame, *, title: str | None = None, zones=()) -> go.Figure:
    """One indicator across zones: a bar per mention (two mentions never stack into one bar), hover shows
    the source sentence. More than MAX_BARS mentions: each zone's latest (`latest_per_zone`), said in the
    title. Raises ValueError when the rows have more than one comparable unit."""
    shown = latest_per_zone(metrics) if len(metrics) > MAX_BARS else metrics
    values, unit = _display_values(shown)
    label = html.escape("、".join(metrics["label"].unique()[:2]))
    if len(shown) < len(metrics):
        title = (
            title or f"{label}（单位：{html.escape(unit)}）"
        ) + f"，各区域最近一条（{len(shown)}/{len(metrics):,}）"
    metrics = shown
    df = metrics.assign(
        _value=values,
        _text=bar_text(metrics),
        _year=metrics["year"].astype("string").fillna(_report_year_label(metrics)),
        **_point_columns(metrics),
    )
    df["_x"] = df["zone"] + " · " + df["_year"]
    repeated = df.groupby("_x")["_x"].transform("size") > 1
    df.loc[repeated, "_x"] = df["_x"] + " · " + df["raw"].fillna("").map(html.escape)
    df["_x"] = df["_x"] + df.groupby("_x").cumcount().map(lambda n: "" if n == 0 else f" ({n + 1})")
    fig = px.bar(
        df,
        x="_x",
        y="_value",
        color="zone",
        text="_text",
        custom_data=["metric_id", "_hover", "_note"],
        color_discrete_map=zone_colors(zones or sorted(df["zone"].unique())),
    )
    fig.update_traces(
        hovertemplate="<b>%{x}</b><br>数值：%{y:,.10~g} "
        + html.escape(unit)
        + "<br>%{customdata[2]}%{customdata[1]}<extra></extra>",
        textposition="outside",
    )
    fig.update_layout(legend_title_text="区域")
    return apply_layout(
        fig,
        title=title or f"{label}（单位：{html.escape(unit)}）",
        x="区域 · 年份",
        y=value_axis_title(label, html.escape(unit)),
    )


#: How the value of a point is shown on a chart over time, by qualifier kind: symbol and legend entry.
VALUE_KINDS = {
    "": ("circle", "确数"),
    "lower_bound": ("triangle-up", "下限（超、以上、余）"),
    "upper_bound": ("triangle-down", "上限（近、以内）"),
    "approx": ("diamond-open", "约数（约、左右）"),
}


def metric_over_years(metrics: pd.DataFrame, *, title: str | None = None, zones=()) -> go.Figure:
    """One indicator over the years the text gives: every dated mention as a point, its symbol saying
    whether the value is exact, a bound or an approximation, and a line per zone through the largest exact
    value of each year (a bound is never joined to a value). The axis starts at zero, so a small change
    never looks like a fall. Rows without a year are left out."""
    dated = metrics.dropna(subset=["year"])
    values, unit = _display_values(dated) if not dated.empty else (dated["value"], "")
    label = html.escape("、".join(metrics["label"].unique()[:2]))
    kind = dated["qualifier_kind"].fillna("").where(dated["qualifier_kind"].fillna("").isin(VALUE_KINDS), "")
    df = dated.assign(
        _value=values,
        _kind=kind.map(lambda k: VALUE_KINDS[k][1]),
        _exact=kind == "",
        **_point_columns(dated),
    ).sort_values("year")
    fig = px.scatter(
        df,
        x="year",
        y="_value",
        color="zone",
        symbol="_kind",
        symbol_map={name: symbol for symbol, name in VALUE_KINDS.values()},
        custom_data=["metric_id", "_hover", "_note"],
        color_discrete_map=zone_colors(zones or sorted(df["zone"].unique())),
    )
    fig.update_traces(
        marker={"size": 11},
        hovertemplate="%{x} 年：%{y:,.10~g} "
        + html.escape(unit)
        + "<br>%{customdata[2]}%{customdata[1]}<extra></extra>",
    )
    exact = df[df["_exact"]]
    peaks = exact.groupby(["zone", "year"], as_index=False)["_value"].max()
    for zone, grp in peaks.groupby("zone", sort=False):
        color = next(
            t.marker.color for t in fig.data if t.legendgroup.startswith(zone) or t.name.startswith(zone)
        )
        fig.add_scatter(
            x=grp["year"],
            y=grp["_value"],
            mode="lines",
            line={"color": color},
            showlegend=False,
            hoverinfo="skip",
        )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(legend_title_text="区域 · 数值类型")
    return apply_layout(
        fig,
        title=title or f"{label}历年变化（单位：{html.escape(unit)}）",
        x="年份（年）",
        y=value_axis_title(label, html.escape(unit)),
    )


def metrics_by_theme(metrics: pd.DataFrame, *, title: str = "各主题下的指标数量", zones=()) -> go.Figure:
    """How many metrics each zone states per theme (a count, so units don't mix)."""
    df = metrics.assign(theme=metrics["theme"].replace("", "未归类"))
    counts = df.groupby(["theme", "zone"]).size().reset_index(name="n")
    fig = px.bar(
        counts,
        x="theme",
        y="n",
        color="zone",
        barmode="group",
        color_discrete_map=zone_colors(zones or sorted(counts["zone"].unique())),
    )
    fig.update_traces(hovertemplate="%{x}：%{y} 条<extra></extra>")
    fig.update_layout(legend_title_text="区域")
    return apply_layout(fig, title=title, x="主题", y="指标数（条）")


def coverage_heatmap(paragraphs: pd.DataFrame, *, title: str = "各区域的主题覆盖") -> go.Figure:
    """Body paragraphs per zone and theme (each paragraph counted once per theme it carries)."""
    body = counted_paragraphs(paragraphs)
    pairs = body[["zone", "themes"]].explode("themes").dropna()
    pairs["zone"] = pairs["zone"].replace("", UNKNOWN_ZONE)
    table = pairs.groupby(["zone", "themes"]).size().unstack(fill_value=0)
    fig = go.Figure(
        go.Heatmap(
            z=table.values,
            x=list(table.columns),
            y=list(table.index),
            colorscale="Reds",
            colorbar={"title": {"text": "段落数（段）"}},
            texttemplate="%{z}",
            hovertemplate="%{y} · %{x}：%{z} 段<extra></extra>",
        )
    )
    fig.update_xaxes(tickangle=-90, dtick=1)  # every theme named, upright names never overlap on a phone
    return apply_layout(fig, title=title, x="主题", y="区域")


def theme_mix(paragraphs: pd.DataFrame, *, title: str = "主题构成") -> go.Figure:
    """Share of a set of paragraphs per theme, in percent."""
    body = counted_paragraphs(paragraphs)
    counts = body["themes"].explode().dropna().value_counts()
    share = (100 * counts / max(len(body), 1)).round(1)
    fig = px.bar(x=share.values, y=share.index, orientation="h")
    fig.update_traces(hovertemplate="%{y}：%{x}% 的段落<extra></extra>", marker_color="#c0392b")
    fig.update_yaxes(autorange="reversed")
    return apply_layout(fig, title=title, x="含该主题的段落占比（%）", y="主题")


def term_bar(
    terms: pd.DataFrame, *, value: str = "count", title: str = "高频词", unit: str = "次"
) -> go.Figure:
    """Top terms as horizontal bars (`terms` has a `term` column and the `value` column): every bar
    labelled, the chart as tall as its bars need."""
    fig = px.bar(terms, x=value, y="term", orientation="h")
    fig.update_traces(hovertemplate="%{y}：%{x:,.4~g} " + unit + "<extra></extra>", marker_color="#c0392b")
    fig.update_yaxes(autorange="reversed", tickmode="linear", dtick=1, automargin=True)
    fig.update_layout(height=max(360, 22 * len(terms) + 140))
    return apply_layout(
        fig, title=title, x=f"{value_label(value)}（{unit}）" if unit else value_label(value), y="词语"
    )


def value_label(column: str) -> str:
    return {
        "count": "频次",
        "tfidf": "TF-IDF 权重",
        "g2": "对数似然 G2",
        "log_ratio": "对数比（效应量）",
    }.get(column, column)


def articles_by_zone(articles: pd.DataFrame, *, title: str = "各区域文章数") -> go.Figure:
    counts = articles.assign(zone=articles["zone"].replace("", UNKNOWN_ZONE)).groupby("zone").size()
    fig = px.bar(x=counts.index, y=counts.values)
    fig.update_traces(hovertemplate="%{x}：%{y} 篇<extra></extra>", marker_color="#c0392b")
    fig.update_yaxes(
        dtick=max(1, math.ceil(counts.max() / 6)) if len(counts) else 1, tickformat="d", rangemode="tozero"
    )
    return apply_layout(fig, title=title, x="区域", y="文章数（篇）")


def indicator_options(metrics: pd.DataFrame) -> list[str]:
    """Indicator labels for a picker: those stated by the most zones first, then the most mentions, then by name."""
    if metrics.empty:
        return []
    stats = (
        metrics.assign(_zone=metrics["zone"].replace("", pd.NA))
        .groupby("label")
        .agg(zones=("_zone", "nunique"), mentions=("label", "size"))
        .reset_index()
    )
    ranked = stats.sort_values(["zones", "mentions", "label"], ascending=[False, False, True])
    return ranked["label"].tolist()


def dated_groups(metrics: pd.DataFrame, *, min_years: int = 2) -> dict[tuple[str, str], pd.DataFrame]:
    """The `metric_groups` whose rows give at least `min_years` distinct years (worth a line over time)."""
    return {
        key: grp for key, grp in metric_groups(metrics).items() if grp["year"].dropna().nunique() >= min_years
    }


def selected_metric_ids(points: list[dict]) -> list[str]:
    """The metric_ids of the points selected in a metric chart (each point's customdata[0]), in order, once each."""
    ids: list[str] = []
    for point in points or ():
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)) and data and isinstance(data[0], str) and data[0] not in ids:
            ids.append(data[0])
    return ids


# --- the metric page's figures, from the dataset and the sidebar's filters ---------------------------


#: The metric columns that tell a figure's groups and their unit (`dated_groups`, `_display_values`).
GROUP_COLUMNS = ["label", "unit", "base_unit", "value", "base_value", "year"]


def indicator_choices(ds: Dataset, filters: Filters) -> list[str]:
    """`indicator_options` of the filtered metrics."""
    return indicator_options(filter_table(ds, "metrics", filters, ["label", "zone"]))


def indicator_bars(ds: Dataset, filters: Filters, indicator: str) -> list[tuple[tuple[str, str], go.Figure]]:
    """`bars_of` the filtered metrics of one indicator."""
    labels = filter_table(ds, "metrics", filters, ["label"])
    return bars_of(ds, ondisk.whole_rows(ds, "metrics", labels.index[labels["label"] == indicator]))


def bars_of(ds: Dataset, rows: pd.DataFrame) -> list[tuple[tuple[str, str], go.Figure]]:
    """One bar chart per comparable unit and period of an indicator's rows (never two units on one axis,
    nor a half-year figure beside a full year's); a figure without a year at its report's, marked so."""
    report_year = rows["article_id"].map(ds.articles.set_index("article_id")["year"])
    rows = rows.assign(_report_year=report_year, _period=rows["period"].fillna("").map(period_class))
    out = []
    for (label, unit), grp in metric_groups(rows).items():
        for period, part in sorted(grp.groupby("_period", sort=False), key=lambda kv: kv[0] != ANNUAL):
            title = None if period == ANNUAL else f"{html.escape(label)}（{html.escape(period)}）"
            key = (label, unit if period == ANNUAL else f"{unit}·{period}")
            out.append((key, metric_bar(part, title=title, zones=ds.zones)))
    return out


def theme_counts(ds: Dataset, filters: Filters, zone: str | None) -> go.Figure:
    """`metrics_by_theme` of one zone's filtered metrics (all zones when `zone` is None)."""
    metrics = filter_table(ds, "metrics", filters, ["theme", "zone"])
    return metrics_by_theme(
        metrics[metrics["zone"] == zone] if zone else metrics,
        title=f"{html.escape(zone or '各区域')}各主题下的指标数量",
        zones=ds.zones,
    )


def dated_indicators(ds: Dataset, filters: Filters) -> dict[str, tuple[str, str]]:
    """The filtered indicators giving two years or more: “指标（单位）” (the axis's 亿元, not 元) → (indicator, unit)."""
    return {
        f"{label}（{_display_values(group)[1]}）": (label, unit)
        for (label, unit), group in dated_groups(filter_table(ds, "metrics", filters, GROUP_COLUMNS)).items()
    }


def indicator_trend(ds: Dataset, filters: Filters, key: tuple[str, str]) -> go.Figure:
    """`metric_over_years` of one (indicator, unit) group of the filtered metrics."""
    group = dated_groups(filter_table(ds, "metrics", filters, GROUP_COLUMNS))[key]
    return metric_over_years(ondisk.whole_rows(ds, "metrics", group.index), zones=ds.zones)


def term_chart(ds: Dataset, filters: Filters, score: str, n: int, exclude: tuple[str, ...]) -> go.Figure:
    """The keyword page's bar chart: the filtered paragraphs' top terms by a score of compare.SCORES."""
    from lib.explore import compare

    table = compare.term_table(ds, filters, score, n, exclude).head(30)
    name, unit = compare.SCORES[score]
    return term_bar(table, value=score, unit=unit, title=f"高频词（按{name}，前 {len(table)} 个）")
