"""Zones: gazetteer aliases and generic recognition of zones nobody listed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.zones import detect_zone, zone_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("合肥高新区党工委近日召开会议，推进合肥高新区建设。", {"合肥高新区": 2}),
        ("西安高新技术产业开发区发布了新政策", {"西安高新区": 1}),
        ("天津经济技术开发区举行签约仪式", {"天津经开区": 1}),
        ("武汉东湖新技术开发区党建", {"武汉东湖高新区": 1}),
        ("中关村科技园", {"中关村科技园": 1}),
        ("作为嘉兴市唯一的国家高新区，嘉兴高新区根植红船精神", {"嘉兴高新区": 1}),
        ("在苏州工业园区，园区完成地区生产总值", {"苏州工业园区": 1}),
        ("昆山国家高新区与昆山高新区是同一个", {"昆山高新区": 2}),
        ("该高新区拥有独角兽企业，全国高新区排名靠前", {}),
        ("今天天气很好", {}),
    ],
)
def test_zone_mentions(text, expected):
    assert dict(zone_mentions(text)) == expected


def test_title_mention_outweighs_body_mentions():
    zone, method, mentioned = detect_zone("贵阳高新区建强党建", "昆山高新区的经验。昆山高新区的做法。")
    assert (zone, method) == ("贵阳高新区", "gazetteer")
    assert set(mentioned) == {"贵阳高新区", "昆山高新区"}


def test_zone_outside_gazetteer_gets_its_name():
    assert detect_zone("", "成都高新区党工委推进产业链党建，成都高新区企业参与。")[:2] == (
        "成都高新区",
        "pattern",
    )


def test_article_with_no_zone():
    assert detect_zone("党建工作综述", "各地持续推进党建工作。") == ("", "none", [])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_zone_mentions_never_raises(text):
    assert all(isinstance(z, str) for z in zone_mentions(text))
