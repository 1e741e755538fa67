"""Period and scope of a metric: made-up sentences, one per pattern; the shipped reports pinned."""

from __future__ import annotations

import json
import re

import pytest

from lib import config
from lib.core.chars import split_sentences
from lib.extract.metric_context import (
    ENTERPRISE,
    OTHER,
    PERSON,
    ZONE,
    lead_period,
    load_context_rules,
    period_of,
    scope_of,
)
from tests.samples import real_texts


def _at(sentence: str, number: str) -> int:
    return sentence.index(number)


@pytest.mark.parametrize(
    ("sentence", "number", "period"),
    [
        ("全年新增市场主体1200家。", "1200", "全年"),
        ("上半年完成投资35亿元。", "35", "上半年"),
        ("前三季度实现营收80亿元。", "80", "前三季度"),
        ("1—8月新增企业党组织12个。", "12", "1—8月"),
        ("截至2024年底，累计建成党群服务站点30个。", "30", "累计"),  # the nearer phrase wins
        ("截至2024年底，已建成党群服务站点30个。", "30", "截至2024年底"),
        ("截至6月，新建党支部8个。", "8", "截至6月"),
        ("今年以来，走访企业500余家次。", "500", "今年以来"),
        ("5年来，培养党员发展对象60名。", "60", "5年来"),
        ("年均增长15%。", "15", "年均"),
        ("企业数量以每年70%的速度增长。", "70", "年均"),  # each year: a yearly average
        ("每年培训党员150名。", "150", "年均"),
        ("2023年，园区实现产值300亿元。", "300", "2023年"),
        ("高新技术企业从2019年的31家提高到80家。", "80", ""),  # a baseline year is not the period
        ("走访企业200家。", "200", ""),
        ("截至三季度，全区签约项目34个。", "34", "前三季度"),  # one period written two ways, shown one way
        ("今年2月至7月，园区新建党组织12个。", "12", "2—7月"),  # a month range with 至, shown with a dash
        ("到九月底，园区共签约项目27个。", "27", "截至9月"),  # 到 as 截至, a Chinese month in digits
        ("到11月底，园区共签约项目18个。", "18", "截至11月"),
        ("截至2025年4月底，园区共有民营企业726户。", "726", "截至2025年4月"),  # as of a month
        ("今年上半年，园区企业累计完成产值80亿元。", "80", "上半年"),  # 累计 gives way to a period before it
        ("园区累计培训党员300人次。", "300", "累计"),
        ("2023年，园区累计培训党员300人次。", "300", "2023年"),  # a year's running total is the year's
        ("截至上半年，新增企业党组织9个。", "9", "上半年"),
        ("截至目前，已建成党群服务站点30个。", "30", ""),  # as of now: no period
        ("截止2016年底，园区共有基层党组织84个。", "84", "截至2016年底"),  # 截止, written as 截至
        ("截止8月底，园区共签约项目18个。", "18", "截至8月"),
    ],
)
def test_period(sentence, number, period):
    assert period_of(sentence, _at(sentence, number)) == period


@pytest.mark.parametrize(
    ("sentence", "number", "period"),
    [
        ("今年园区新增企业党组织12个。", "12", "2021年"),
        ("去年园区新增企业党组织12个。", "12", "2020年"),
        ("园区产值比去年同期增长8.5%。", "8.5", ""),  # a comparison's base, not the figure's period
        ("园区税收较去年增长12%。", "12", ""),
        ("与去年相比，园区税收增长12%。", "12", ""),
    ],
)
def test_this_and_last_year_take_the_reports_year(sentence, number, period):
    assert period_of(sentence, _at(sentence, number), year=2021) == period


@pytest.mark.parametrize(
    ("paragraph", "sentence", "period"),
    [
        # made up: a date's period holds for the later parts of its sentence split off at ；
        (
            "2024年，园区完成产值145亿元，较2020年增长12%；完成进出口额14亿元。",
            "完成进出口额14亿元。",
            "2024年",
        ),
        ("据介绍，上半年园区营收80亿元；税收6亿元；新增企业30家。", "新增企业30家。", "上半年"),
        # not past a full stop, and not 累计 or 今年以来 (they say how a figure is counted, not when)
        ("2024年，园区完成产值145亿元。完成进出口额14亿元。", "完成进出口额14亿元。", ""),
        ("园区累计建成站点30个；培训党员200人次。", "培训党员200人次。", ""),
        ("2018年，园区累计实现产值85亿元；税收增长37%。", "税收增长37%。", "2018年"),  # past 累计
        ("今年以来，走访企业500家；解决问题80个。", "解决问题80个。", ""),
        ("完成进出口额14亿元。", "完成进出口额14亿元。", ""),  # nothing before it
    ],
)
def test_lead_period(paragraph, sentence, period):
    assert lead_period(paragraph, sentence) == period


def test_this_year_is_the_reports_year():
    sentence = "今年，园区新建党组织9个。"
    assert period_of(sentence, _at(sentence, "9"), year=2021) == "2021年"
    assert period_of("去年，新建党组织9个。", 8, year=2021) == "2020年"
    assert period_of(sentence, _at(sentence, "9")) == ""  # no report year: nothing to say


@pytest.mark.parametrize(
    ("sentence", "number", "scope", "name"),
    [
        ("园区新增规上企业45家。", "45", ZONE, ""),
        ("全市共有非公企业党组织1200个，园区占三成。", "1200", OTHER, ""),
        ("在全国218个国家级开发区中位列第20。", "218", OTHER, ""),
        ("云帆科技有限公司党支部现有党员36名。", "36", ENTERPRISE, "云帆科技有限公司"),
        ("云帆科技成立于2012年，公司现有员工800人。", "800", ENTERPRISE, "云帆科技"),
        ("园区组织云帆科技、星河材料等12家企业结对共建。", "12", ZONE, ""),  # examples of the counted set
        ("从业20年来，他带领团队获得专利9项。", "9", PERSON, ""),
        ("王建国说，园区已建成党群服务中心3个。", "3", ZONE, ""),  # a speaker owns nothing
        ("近年来，东阳市新增非公企业党组织60个。", "60", OTHER, ""),  # a city's number, not the zone's
        ("资料显示，扶绥县已引导企业设立党员先锋岗200余个。", "200", OTHER, ""),
        ("东阳市经济开发区新增企业党组织12个。", "12", ZONE, ""),  # the zone named after the city
        # a county that begins a park's name is the park's place: its numbers are the park's
        ("泸溪县新材料产业园项目总投资3亿元。", "3", ZONE, ""),
        ("泸溪县现有规上企业46家，新材料产业园占一半。", "46", OTHER, ""),  # the suffix is in the next clause
        ("街道社区党员志愿者30名参加活动。", "30", ZONE, ""),  # 社区 is no place name
        # a clause saying what the subject is (作为全市…) says nothing of whose number it is
        ("作为全市创新主阵地，科技城汇聚了120家高新技术企业。", "120", ZONE, ""),
        ("全市现有高新技术企业900家。", "900", OTHER, ""),
        ("该项目预计年产5万吨新材料。", "5", ENTERPRISE, ""),  # one project's figure, not the zone's
        # made up: a group or a project's section is one enterprise; groups listed before 等 are examples
        ("这次，集团成立党员突击队11支。", "11", ENTERPRISE, ""),
        ("在项目一标段共有管理人员80余人。", "80", ENTERPRISE, ""),
        ("园区引进甲乙集团、丙丁集团等企业，形成2个千亿元产业。", "2", ZONE, ""),
        # the wider area a zone's number is ranked in or measured against is not its owner
        ("园区生产总值增长9.9%，高于全省平均水平5.5个百分点。", "5.5", ZONE, ""),
        ("园区生产总值增长17.5%，远高于全省的9%。", "9%", OTHER, ""),  # the province's own figure
        ("园区在全国国家高新区综合排名中位列第88名。", "88", ZONE, ""),
        # made up: a share of the wider area is the subject's number
        ("园区5家企业获评专精特新企业，占全市的50%。", "50", ZONE, ""),
        ("全市新增专精特新企业10家，占全省的5%。", "5%", OTHER, ""),  # the city's share: its clause says so
    ],
)
def test_scope(sentence, number, scope, name):
    found = scope_of(
        sentence,
        _at(sentence, number),
        enterprises=["云帆科技有限公司", "云帆科技", "星河材料"],
        people=["王建国"],
    )
    assert found == (scope, name)


@pytest.mark.parametrize(
    ("sentence", "zone", "scope"),
    [
        ("从鼓楼区起步，云杉软件园已建成7个片区。", "云杉软件园", ZONE),  # the report's zone names the clause
        ("从鼓楼区起步，云杉软件园已建成7个片区。", "", OTHER),  # without it: the district's
        ("云杉物流基地将在巴南区的7个产业中率先突破。", "云杉物流基地", OTHER),  # a district after the zone
    ],
)
def test_the_reports_zone_is_a_zone_word(sentence, zone, scope):
    assert scope_of(sentence, _at(sentence, "7"), zone=zone)[0] == scope


def test_shipped_reports_keep_the_zones_numbers_on_the_zone(corpus_dataset):
    m = corpus_dataset.metrics
    gdp = m[(m["zone"] == "苏州工业园区") & (m["label"] == "地区生产总值")].iloc[0]
    assert gdp["scope"] == ZONE
    coverage = m[m["label"] == "党组织覆盖率"].iloc[0]
    assert (coverage["zone"], coverage["scope"]) == ("昆山高新区", ZONE)
    assert set(m["scope"]) <= {ZONE, ENTERPRISE, PERSON, OTHER}
    assert (m["period"] != "").any()


def test_the_period_pattern_finds_behind_its_gate_what_it_finds_without_in_every_real_sentence():
    gated = load_context_rules().re_period
    spec = json.loads(config.rule_file("metric_context.json").read_text(encoding="utf-8"))
    ungated = re.compile("|".join(f"(?:{p})" for p in spec["period_patterns"]))
    assert gated.pattern != ungated.pattern
    sentences = [s for text in real_texts() for line in text.split("\n") for s in split_sentences(line)]
    assert sum(bool(ungated.search(s)) for s in sentences) > 100
    for s in sentences:
        for end in (len(s), len(s) // 2):  # as period_of asks: up to the number
            assert [m.span() for m in gated.finditer(s, 0, end)] == [
                m.span() for m in ungated.finditer(s, 0, end)
            ]
