"""lib/extract/zone_places.py: the place read before a zone's suffix. Made-up phrases, one per pattern."""

from __future__ import annotations

import pytest

from lib.extract.zone_places import place_words, run_before
from lib.extract.zones import load_gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议在厦门(集美)机械", "会议在厦门集美机械"),  # a county in brackets after its city
        ("会议在襄阳（宜城）精细", "会议在襄阳宜城精细"),
        ("会议在某某(党建)精细", "精细"),  # no place in the brackets: only the run after them
        ("调研组来到雨湖", "调研组来到雨湖"),
        ("2024年", "年"),
    ],
)
def test_run_before(text, expected):
    assert run_before(text, len(text), load_gazetteer()) == expected


@pytest.mark.parametrize(
    ("run", "suffix", "expected"),
    [
        ("对雨湖", "工业集中区", ["雨湖"]),  # a preposition the segmenter glued to the place
        ("是威海港", "经济开发区", ["威海港"]),  # 威 is no preposition: 海港 is not read out of 威海港
        ("厦门集美机械", "工业集中区", ["厦门", "集美", "机械"]),  # a descriptive word after the places
        ("热烈祝贺武汉市", "高新区", ["武汉市"]),
        ("走进临港嘉定", "工业园区", ["临港", "嘉定"]),  # a short area name no division lists, kept
        # a city, then a short name of the zone's own
        ("走进湘潭天易", "经开区", ["湘潭", "天易"]),
        ("长沙金霞", "经济开发区", ["长沙", "金霞"]),
        ("记者黄华来盐城天易", "经开区", ["盐城", "天易"]),  # what stands before the city is another phrase
        ("湘潭推进", "经开区", []),  # a verb is no name
        ("苏州工业", "经开区", []),  # nor a generic word
        ("湖南省天易", "经开区", []),  # a province alone does not place a zone
        ("洛阳北航", "科技园", []),  # a park's own name is left to lib.extract.named_parks
    ],
)
def test_place_words(run, suffix, expected):
    gz = load_gazetteer()
    assert place_words(run, gz.suffixes[suffix], gz) == expected
