"""Which zone an article is about: the forms of one zone counted as one, a local paper's place for bare
mentions, areas of a free trade zone. The sentences are made up (one per pattern); the real reports are
scored by `python -m lib eval`."""

from __future__ import annotations

import pytest

from lib.extract.zone_choice import detect_zone


def zone_of(body: str, source: str = "") -> tuple[str, str, str]:
    zone = detect_zone("", body, source=source).zone
    return zone.name, zone.province, zone.city


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the zone without the city before its place, and with a suffix of any kind, is the same zone
        (
            "中共衢州龙游经济开发区党委成立。龙游经济开发区企业参加。龙游经济开发区党员。龙游开发区表示。",
            ("衢州龙游经开区", "浙江省", "衢州市"),
        ),
        # but two zones of one place and different kinds stay two
        (
            "南湖高新区与南湖经开区签约。南湖经开区企业参加。南湖经开区。",
            ("南湖经开区", "浙江省", "嘉兴市"),
        ),
    ],
)
def test_forms_of_one_zone_count_as_one(body, expected):
    assert zone_of(body) == expected


def test_a_form_is_not_merged_into_a_zone_of_another_place():
    found = detect_zone("", "衢州龙游经济开发区与常山经济开发区签约。常山经济开发区企业。常山开发区。")
    assert found.zone.name == "常山经开区"
    assert set(found.mentioned) == {"常山经开区", "衢州龙游经开区"}


@pytest.mark.parametrize(
    ("body", "source", "expected"),
    [
        # a county's paper: the bare 高新区 is that county's
        ("近日，高新区召开党建会议。高新区企业参加。", "来源：如皋日报", ("如皋高新区", "江苏省", "南通市")),
        ("近日，经开区召开党建会议。", "• 来源:海门融媒", ("海门经开区", "江苏省", "南通市")),
        # the site's name after the headline (…引领高新区发展 | 如皋新闻网), kept by the reader as 网站：
        (
            "近日，高新区召开党建会议。高新区企业参加。",
            "网站：如皋新闻网",
            ("如皋高新区", "江苏省", "南通市"),
        ),
        # a province's paper reports on every zone of the province: no zone from it
        ("近日，高新区召开党建会议。高新区企业参加。", "来源：江苏日报", ("", "", "")),
        # a zone the text names comes first
        (
            "近日，南通高新区召开党建会议。高新区企业参加。",
            "来源：如皋日报",
            ("南通高新区", "江苏省", "南通市"),
        ),
    ],
)
def test_a_local_papers_place_names_the_zone_of_bare_mentions(body, source, expected):
    assert zone_of(body, source) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("中国（湖北）自由贸易试验区武汉片区党工委召开会议。", ("武汉自贸片区", "湖北省", "武汉市")),
        ("广东自贸试验区南沙片区推进党建。", ("南沙自贸片区", "广东省", "广州市")),
        ("厦门自贸片区党工委召开会议。", ("厦门自贸片区", "福建省", "厦门市")),
        # 新片区 is a zone of its own kind
        (
            "推进中国（上海）自由贸易试验区临港新片区建设。临港新片区企业。",
            ("临港新片区", "上海市", "上海市"),
        ),
        ("张家港保税港区党工委召开会议。", ("张家港保税港区", "江苏省", "苏州市")),
        # made up: a port area after a place is a zone of its own (嘉兴港区); not after a common word
        ("近日，嘉兴港区乍浦镇社区启用。嘉兴港区党工委召开会议。", ("嘉兴港区", "浙江省", "嘉兴市")),
        ("码头港区作业繁忙，集装箱港区扩建。", ("", "", "")),
    ],
)
def test_areas_of_free_trade_zones_and_bonded_ports(body, expected):
    assert zone_of(body) == expected


def test_an_unknown_place_word_after_a_known_place_is_part_of_the_name():
    assert zone_of("江苏宿迁李圩新区党工委召开会议。") == ("宿迁李圩新区", "江苏省", "宿迁市")


def test_a_short_name_the_text_defines_counts_for_its_zone():
    body = (
        "南宁临空经济综合实验区（以下简称“临空区”）成立以来，与南宁高新区签约。南宁高新区企业参加。"
        "临空区党工委推进党建，临空区企业参与。"
    )
    assert detect_zone("", body).zone.name == "南宁临空综合实验区"
    assert detect_zone("", body.replace("（以下简称“临空区”）", "")).zone.name == "南宁高新区"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # named as often: the one named first, a listed zone as much as one read from its suffix
        ("彭州工业园区党工委召开会议。会上介绍了天府新区的经验。", "彭州工业园区"),
        ("天府新区党工委召开会议。会上介绍了彭州工业园区的经验。", "天府新区"),
    ],
)
def test_of_zones_named_as_often_the_first_named_is_the_articles(body, expected):
    assert zone_of(body)[0] == expected
