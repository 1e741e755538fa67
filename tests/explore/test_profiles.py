"""Zone profiles: headline figures, industries, keywords and the whole profile on the real corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.explore.filters import Filters
from lib.explore.profiles import format_value, headline_metrics, industry_mentions, zone_profile


def _metric(**kw):
    row = {
        "label": "x",
        "value": 1.0,
        "value_high": None,
        "unit": "亿元",
        "base_value": 1e8,
        "qualifier": None,
        "kind": "amount",
        "sentence": "s",
    }
    row.update(kw)
    return row


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (_metric(value=1828.0), "1,828亿元"),
        (_metric(value=100.0, qualifier="超"), "超100亿元"),
        (_metric(value=80.0, unit="项", qualifier="余"), "80余项"),
        (_metric(value=15.0, value_high=20.0, unit="%"), "15–20%"),
        (_metric(value=5.0, unit="家", qualifier="以上"), "5家以上"),
        (_metric(value=4000.0, unit="家次", qualifier="近"), "近4,000家次"),
    ],
)
def test_format_value(row, text):
    assert format_value(pd.Series(row)) == text


def test_headline_metrics_one_per_indicator_money_first_no_ranks():
    df = pd.DataFrame(
        [
            _metric(label="党组织覆盖率", value=78.02, unit="%", base_value=None),
            _metric(label="规模以上工业总产值", value=1828.0, base_value=1.828e11),
            _metric(label="规模以上工业总产值", value=100.0, base_value=1e10),
            _metric(label="综合评价", value=31.0, unit="名", kind="rank", base_value=None),
        ]
    )
    head = headline_metrics(df)
    assert head["label"].tolist() == ["规模以上工业总产值", "党组织覆盖率"]
    assert head["value"].tolist() == [1828.0, 78.02]


def test_industry_mentions_counts_the_lexicon_terms():
    got = industry_mentions(
        pd.Series(["光伏新能源产业", "光伏与数字经济"]), industries=("光伏", "数字经济", "芯片")
    )
    assert got.values.tolist() == [["光伏", 2], ["数字经济", 1]]


def test_profile_of_kunshan(corpus_dataset):
    p = zone_profile(corpus_dataset, "昆山高新区")
    assert len(p.articles) == 3 and set(p.metrics["zone"]) == {"昆山高新区"}
    assert {"1+4+N", "五个一", "1145"} <= set(p.initiatives["name"])
    assert "沪士电子股份有限公司" in set(p.enterprises["name"])
    assert "陈晓伟" in set(p.people["name"])
    assert "昆山高新区" not in set(p.top_terms["term"])
    assert (p.distinctive_terms["g2"] > 0).all() and not p.distinctive_terms.empty


def test_profile_narrowed_by_theme_and_year(corpus_dataset):
    full = zone_profile(corpus_dataset, "昆山高新区")
    green = zone_profile(corpus_dataset, "昆山高新区", Filters(themes=("绿色发展",)))
    assert 0 < len(green.paragraphs) < len(full.paragraphs)
    assert green.paragraphs["themes"].map(lambda t: "绿色发展" in t).all()
    y2021 = zone_profile(corpus_dataset, "昆山高新区", Filters(years=(2021,), zones=("贵阳高新区",)))
    assert y2021.articles["year"].tolist() == [2021]  # the zone filter is replaced by the profile's zone


def test_profile_of_a_zone_with_no_reports(corpus_dataset):
    p = zone_profile(corpus_dataset, "不存在高新区")
    assert p.articles.empty and p.headline.empty and p.top_terms.empty


def test_organisations_named_in_several_reports_are_one_row():
    from lib.explore.profiles import organisations

    ents = pd.DataFrame(
        {
            "name": ["中科可控信息产业有限公司", "中科可控信息产业有限公司", "陈晓伟", "浙江大学"],
            "short_name": [None, "中科可控", None, None],
            "type": ["enterprise", "enterprise", "person", "institution"],
            "mentions": [3, 2, 1, 1],
            "article_id": ["a-1", "b-1", "a-1", "a-1"],
        }
    )
    table = organisations(ents)
    assert table.values.tolist() == [
        ["中科可控信息产业有限公司", "中科可控", "enterprise", 5, 2],
        ["浙江大学", "", "institution", 1, 1],
    ]


def test_zone_facts_line(corpus_dataset):
    dataset = corpus_dataset
    from lib.explore.profiles import zone_facts

    arts = dataset.articles[dataset.articles["zone"] == "嘉兴高新区"]
    assert zone_facts(arts) == "嘉兴高新技术产业开发区 · 国家级 · 高新区 · 浙江省嘉兴市"
    assert zone_facts(arts.iloc[0:0]) == ""
