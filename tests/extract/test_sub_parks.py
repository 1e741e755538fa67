"""A park inside a listed zone, written right after its name (中关村丰台园): the zone of a report about the
park, the zone's park in a report about the zone. The sentences are made up (one per pattern); the real
reports are scored by `python -m lib eval`."""

from __future__ import annotations

import pytest

from lib.extract.initiatives import another_zones
from lib.extract.sub_parks import sub_park_after
from lib.extract.zone_choice import detect_zone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("丰台园召开", ("丰台园", "产业园")),
        ("东升科技园", ("东升科技园", "科技园")),
        ("南大健康产业园", ("南大健康产业园", "产业园")),
        ("沣东新城", ("沣东新城", "新城")),  # 沣 is a character the segmenter does not know
        ("打造科技园", None),  # a verb names no park
        ("和东升园", None),  # nor a function word
        ("数字产业园", None),  # nor generic words alone
        ("党建工作", None),  # no park suffix
    ],
)
def test_a_park_is_read_after_a_zone_name(text, expected):
    assert sub_park_after(text, 0) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # a report about the park: named with its zone, then alone
        (
            "",
            "中关村丰台园召开党建工作会。丰台园企业代表参加，会上丰台园发布人才政策。",
            ("中关村丰台园", "北京市", "北京市", "产业园"),
        ),
        # one park written with the zone's short and its full name: the same park, counted together
        (
            "",
            "中关村丰台园召开党建工作会。会上介绍了中关村科技园丰台园的发展。",
            ("中关村丰台园", "北京市", "北京市", "产业园"),
        ),
        # once in the title is enough
        (
            "中关村昌平园举办党建论坛",
            "论坛在园区召开，中关村有关负责同志出席。",
            ("中关村昌平园", "北京市", "北京市", "产业园"),
        ),
        # named once in passing in a report about the zone: the zone
        (
            "",
            "中关村科技园区党建工作推进会召开。中关村各分园负责人参加，中关村丰台园作交流发言。中关村将继续推进。",
            ("中关村科技园区", "北京市", "北京市", "高新区"),
        ),
        # two parks of one zone, each named twice: a report about the zone
        (
            "",
            "西咸新区空港新城和西咸新区沣东新城联合开展党建活动。空港新城企业与沣东新城企业结对。",
            ("西咸新区", "陕西省", "西安市", "新区"),
        ),
    ],
)
def test_a_park_inside_a_zone_is_the_zone_only_of_a_report_about_it(title, body, expected):
    zone = detect_zone(title, body).zone
    assert (zone.name, zone.province, zone.city, zone.type) == expected


def test_the_park_alone_is_listed_among_the_names_the_report_uses():
    assert "丰台园" in detect_zone("", "中关村丰台园召开党建工作会。丰台园企业参加。").mentioned


def test_a_park_of_the_reports_zone_is_not_another_zone():
    sentence = "西宁经济技术开发区南川工业园区以打造“红色藏毯”党建品牌为媒推动发展。"
    assert not another_zones(sentence, "红色藏毯", "西宁经开区")
    assert another_zones("雨山经开区打造“红色藏毯”品牌。", "红色藏毯", "西宁经开区")
