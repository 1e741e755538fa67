"""Charts: picking indicators, grouping by comparable unit over years, reading chart selections."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.explore.chart_style import bar_text
from lib.explore.charts import (
    dated_groups,
    indicator_options,
    metric_bar,
    metric_over_years,
    selected_metric_ids,
)


def _metrics(rows: list[tuple]) -> pd.DataFrame:
    """Metric rows from (metric_id, zone, label, value, unit, base_unit, year)."""
    df = pd.DataFrame(rows, columns=["metric_id", "zone", "label", "value", "unit", "base_unit", "year"])
    factor = {"亿元": 1e8, "万元": 1e4}
    return df.assign(
        base_value=[v * factor.get(u, 1) for v, u in zip(df["value"], df["unit"], strict=True)],
        year=df["year"].astype("Int64"),
        qualifier="",
        qualifier_kind="",
        raw=df["value"].astype(str) + df["unit"],
        sentence="原句。",
        theme="产业链与科创",
    )


# Real indicators of the corpus: 一般公共预算收入 is stated by 昆山高新区 (2020, 2025) and 苏州工业园区.
CORPUS_LIKE = _metrics(
    [
        ("a-m1", "昆山高新区", "一般公共预算收入", 100.41, "亿元", "元", 2020),
        ("a-m2", "昆山高新区", "一般公共预算收入", 100.0, "亿元", "元", 2025),
        ("b-m1", "苏州工业园区", "一般公共预算收入", 192.2, "亿元", "元", None),
        ("a-m3", "昆山高新区", "可支配收入", 16593.44, "万元", "元", 2016),
        ("a-m4", "昆山高新区", "可支配收入", 23997.37, "万元", "元", 2020),
        ("a-m5", "昆山高新区", "党组织", 42.0, "个", "个", None),
        ("a-m6", "昆山高新区", "党组织", 43.0, "个", "个", None),
        ("b-m2", "苏州工业园区", "党组织", 260.0, "家", "家", 2022),
        ("c-m1", "嘉兴高新区", "走访企业", 4000.0, "家次", "家次", 2025),
        ("d-m1", "", "未识别区域的指标", 1.0, "个", "个", None),
    ]
)


def test_indicator_options_rank_by_zones_then_mentions_then_name():
    assert indicator_options(CORPUS_LIKE) == [
        "一般公共预算收入",
        "党组织",
        "可支配收入",
        "走访企业",
        "未识别区域的指标",
    ]


def test_indicator_options_empty():
    assert indicator_options(CORPUS_LIKE.iloc[0:0]) == []


def test_dated_groups_keep_indicators_with_two_years_in_one_unit():
    groups = dated_groups(CORPUS_LIKE)
    assert list(groups) == [("一般公共预算收入", "元"), ("可支配收入", "元")]
    assert groups[("一般公共预算收入", "元")]["metric_id"].tolist() == ["a-m1", "a-m2", "b-m1"]


@pytest.mark.parametrize(("min_years", "expected"), [(1, 4), (2, 2), (3, 0)])
def test_dated_groups_min_years(min_years, expected):
    assert len(dated_groups(CORPUS_LIKE, min_years=min_years)) == expected


def test_dated_group_draws_one_line_per_zone_with_dated_rows_only():
    fig = metric_over_years(dated_groups(CORPUS_LIKE)[("一般公共预算收入", "元")])
    points, line = fig.data
    assert (points.name, points.mode) == ("昆山高新区, 确数", "markers") and list(points.x) == [2020, 2025]
    assert (line.mode, list(line.x)) == ("lines", [2020, 2025])
    assert fig.layout.xaxis.title.text == "年份（年）"
    assert fig.layout.yaxis.rangemode == "tozero"  # a 0.4 % change does not look like a fall


def test_a_lower_bound_is_drawn_differently_and_never_joined_to_a_value():
    rows = CORPUS_LIKE.copy()
    rows.loc[rows["metric_id"] == "a-m2", ["qualifier", "qualifier_kind"]] = ["超", "lower_bound"]  # 超百亿元
    fig = metric_over_years(dated_groups(rows)[("一般公共预算收入", "元")])
    markers = {t.name: (t.marker.symbol, list(t.x)) for t in fig.data if t.mode == "markers"}
    assert markers == {
        "昆山高新区, 确数": ("circle", [2020]),
        "昆山高新区, 下限（超、以上、余）": ("triangle-up", [2025]),
    }
    assert all(list(t.x) == [2020] for t in fig.data if t.mode == "lines")  # no line to the bound


def test_two_values_in_one_year_are_two_points_and_the_line_takes_the_larger():
    rows = CORPUS_LIKE[CORPUS_LIKE["label"] == "一般公共预算收入"].dropna(subset=["year"])
    twice = pd.concat(
        [
            rows,
            rows.assign(
                metric_id=rows["metric_id"] + "x", value=rows["value"] / 2, base_value=rows["base_value"] / 2
            ),
        ]
    )
    points, line = metric_over_years(twice).data  # all exact values: one marker trace, one line
    assert len(points.x) == 2 * len(rows)
    assert list(line.y) == rows.sort_values("year")["value"].tolist()  # the larger of each year's two values


def test_mentions_with_the_same_zone_and_year_get_bars_of_their_own():
    rows = CORPUS_LIKE[CORPUS_LIKE["label"] == "一般公共预算收入"].head(1)
    fig = metric_bar(
        pd.concat([rows, rows.assign(metric_id="other", raw="超100亿元", value=100.0, base_value=1e10)])
    )
    assert len(set(fig.data[0].x)) == 2


def test_a_bar_says_a_bound_once_in_the_words_it_was_written_in():
    rows = CORPUS_LIKE.head(4).assign(
        raw=["超百亿元", "突破100亿元", "192.2亿元", "<b>1</b>万元"],
        qualifier=["超", "突破", "以上", ""],  # 以上 read after the value, not in its words
        qualifier_kind=["lower_bound", "lower_bound", "lower_bound", ""],
    )
    assert bar_text(rows).tolist() == ["超百亿元", "突破100亿元", "≥192.2亿元", "&lt;b&gt;1&lt;/b&gt;万元"]
    shown = [text for trace in metric_bar(rows.head(3)).data for text in trace.text]
    assert shown == ["超百亿元", "突破100亿元", "≥192.2亿元"]


def test_too_many_bars_become_each_zones_latest_figure_said_in_the_title(monkeypatch):
    from lib.explore import charts

    monkeypatch.setattr(charts, "MAX_BARS", 3)
    rows = _metrics(
        [
            ("m1", "甲区", "党组织覆盖率", 80.0, "%", "%", 2020),
            ("m2", "甲区", "党组织覆盖率", 90.0, "%", "%", 2023),  # 甲区's latest
            ("m3", "乙区", "党组织覆盖率", 70.0, "%", "%", 2021),
            ("m4", "乙区", "党组织覆盖率", 75.0, "%", "%", None),  # no year: older than any year
        ]
    )
    fig = metric_bar(rows)
    shown = sorted(i for trace in fig.data for i in (c[0] for c in trace.customdata))
    assert shown == ["m2", "m3"]
    assert "各区域最近一条" in fig.layout.title.text and "（2/4）" in fig.layout.title.text
    assert metric_bar(rows.head(3)).layout.title.text.count("最近一条") == 0  # within the limit: every bar


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"curve_number": 0, "point_index": 1, "customdata": ["a-m2", "hover", "", "2025"]}], ["a-m2"]),
        ([{"customdata": ["a-m1"]}, {"customdata": ["b-m1"]}, {"customdata": ["a-m1"]}], ["a-m1", "b-m1"]),
        ([{"x": 1, "y": 2}], []),
        ([{"customdata": []}, {"customdata": [3.5]}, {"customdata": None}, "junk"], []),
        ([], []),
        (None, []),
    ],
)
def test_selected_metric_ids(points, expected):
    assert selected_metric_ids(points) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.text(max_size=10), st.one_of(st.none(), st.text(), st.lists(st.text()))),
        max_size=5,
    )
)
def test_selected_metric_ids_never_raises(points):
    assert all(isinstance(i, str) for i in selected_metric_ids(points))


def test_a_zone_keeps_its_colour_when_other_zones_are_added():
    from lib.explore.charts import UNKNOWN_ZONE, zone_colors

    before = zone_colors(["昆山高新区", "嘉兴高新区", "合肥高新区"])
    after = zone_colors(["东湖高新区", "合肥高新区", "嘉兴高新区", "昆山高新区", "桐庐经开区"])
    assert {z: after[z] for z in ("昆山高新区", "嘉兴高新区", "合肥高新区")} == {
        z: before[z] for z in ("昆山高新区", "嘉兴高新区", "合肥高新区")
    }
    shipped = [before["昆山高新区"], before["嘉兴高新区"], after["东湖高新区"]]
    assert len(set(zone_colors(["昆山高新区", "苏州工业园区", "嘉兴高新区", "贵阳高新区"]).values())) == 5
    assert after["合肥高新区"] not in {
        before["昆山高新区"],
        before["嘉兴高新区"],
    }  # fixed colours are reserved
    assert before[UNKNOWN_ZONE] not in shipped


def test_article_counts_have_whole_number_ticks():
    from lib.explore.charts import articles_by_zone

    fig = articles_by_zone(pd.DataFrame({"zone": ["昆山高新区"] * 3 + ["嘉兴高新区"]}))
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == "d"
    assert fig.layout.yaxis.title.text == "文章数（篇）"


@pytest.mark.parametrize(
    ("period", "kind"),
    [
        ("", "全年或未注明"),
        ("全年", "全年或未注明"),
        ("2024年", "全年或未注明"),
        ("上半年", "上半年"),
        ("累计", "累计"),
    ],
)
def test_period_class(period, kind):
    from lib.explore.charts import period_class

    assert period_class(period) == kind


def test_a_half_year_figure_is_never_a_bar_beside_a_full_year(corpus_dataset):
    import dataclasses

    from lib.explore.charts import indicator_bars
    from lib.explore.filters import Filters

    ds = dataclasses.replace(corpus_dataset, tables=dict(corpus_dataset.tables))
    metrics = ds.tables["metrics"].copy()
    label = metrics["label"].value_counts().index[0]
    first = metrics.index[metrics["label"] == label][0]
    metrics.loc[first, "period"] = "上半年"
    ds.tables["metrics"] = metrics
    charts = dict(indicator_bars(ds, Filters(), label))
    halves = [key for key in charts if key[1].endswith("·上半年")]
    assert len(halves) == 1 and "（上半年）" in charts[halves[0]].layout.title.text
    assert all(
        metrics.loc[first, "metric_id"] not in list(trace.customdata[:, 0])
        for key, fig in charts.items()
        if key not in halves
        for trace in fig.data
    )


def test_gdp_written_two_ways_is_one_indicator():
    from lib.extract.metrics import canonical_label

    assert canonical_label("生产总值") == canonical_label("GDP") == "地区生产总值"


def test_every_term_bar_is_labelled():
    from lib.explore.charts import term_bar

    terms = pd.DataFrame({"term": [f"词{i}" for i in range(30)], "count": range(30, 0, -1)})
    fig = term_bar(terms)
    assert (fig.layout.yaxis.tickmode, fig.layout.yaxis.dtick) == ("linear", 1)
    assert fig.layout.height >= 22 * 30  # room for 30 labels


def test_every_theme_of_the_coverage_heatmap_is_named_upright(corpus_dataset):
    from lib.explore.charts import coverage_heatmap

    fig = coverage_heatmap(corpus_dataset.paragraphs)
    assert (fig.layout.xaxis.tickangle, fig.layout.xaxis.dtick) == (-90, 1)  # no two names overlap at 390 px
    assert len(fig.data[0].x) >= 5


def test_a_long_indicator_keeps_its_name_in_the_title_and_its_unit_on_the_axis():
    """On a phone the value axis is about 250 pixels high: a long name there ran out of the chart."""
    long = "两新组织发展党员数量占该高新区发展党员总数"
    rows = _metrics(
        [("a-m1", "昆山高新区", long, 70, "%", "%", 2024), ("a-m2", "昆山高新区", long, 65, "%", "%", 2023)]
    )
    for fig in (metric_bar(rows), metric_over_years(rows)):
        assert fig.layout.yaxis.title.text == "数值（%）"
        assert fig.layout.title.text.replace("<br>", "").startswith(long) and "<br>" in fig.layout.title.text
    short = metric_bar(CORPUS_LIKE[CORPUS_LIKE["label"] == "一般公共预算收入"])
    assert short.layout.yaxis.title.text == "一般公共预算收入（亿元）"


def test_the_metric_figures_read_from_a_few_columns_are_those_of_the_whole_filtered_table(corpus_dataset):
    """indicator_choices, indicator_bars, theme_counts, dated_indicators and indicator_trend find their rows
    on a few columns of the filtered metrics (filter_table's `columns`): the same as on the whole rows."""
    from lib.dataset import ondisk
    from lib.explore import charts
    from lib.explore.filters import Filters, filter_table

    ds = corpus_dataset
    for f in (
        Filters(),
        Filters(zones=(ds.zones[0],)),
        Filters(years=(ds.years[-1],)),
        Filters(query="党员"),
    ):
        full = filter_table(ds, "metrics", f)
        pd.testing.assert_frame_equal(
            filter_table(ds, "metrics", f, ["label", "zone"]), full[["label", "zone"]]
        )
        labels = charts.indicator_choices(ds, f)
        assert labels == indicator_options(full)
        for label in labels[:3]:
            expected = charts.bars_of(ds, ondisk.fill(ds, "metrics", full[full["label"] == label]))
            got = charts.indicator_bars(ds, f, label)
            assert [(k, fig.to_json()) for k, fig in got] == [(k, fig.to_json()) for k, fig in expected]
        zone = full["zone"].iloc[0] if len(full) else None
        for z in (None, zone):
            expected = charts.metrics_by_theme(
                full[full["zone"] == z] if z else full,
                title=f"{z or '各区域'}各主题下的指标数量",
                zones=ds.zones,
            )
            assert charts.theme_counts(ds, f, z).to_json() == expected.to_json()
        groups = dated_groups(full)
        assert list(charts.dated_indicators(ds, f).values()) == list(groups)
        for key, group in list(groups.items())[:3]:
            expected = metric_over_years(ondisk.fill(ds, "metrics", group), zones=ds.zones)
            assert charts.indicator_trend(ds, f, key).to_json() == expected.to_json()
