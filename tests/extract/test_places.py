"""Places: administrative divisions, their short names, and where a text is."""

from __future__ import annotations

import pytest

from lib.extract.places import load_places, locate


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("苏州", "苏州市"),
        ("广西", "广西壮族自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("黔东南", "黔东南苗族侗族自治州"),
        ("宣化", "宣化区"),
        ("泸县", "泸县"),  # 泸 alone is too short to be a name
    ],
)
def test_short_names(word, name):
    assert name in {p.name for p in load_places().find(word)}


def test_municipality_districts_belong_to_the_municipality():
    (place,) = load_places().find("海淀")
    assert (place.province, place.city) == ("北京市", "北京市")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["张家口", "宣化"], ("河北省", "张家口市")),
        (["四川", "广安"], ("四川省", "广安市")),
        (["北京", "朝阳"], ("北京市", "北京市")),
        (["朝阳"], ("", "")),  # a city in 辽宁 and districts elsewhere: says nothing alone
        (["大亚湾"], ("", "")),
        (["南", "谯"], ("安徽省", "滁州市")),  # a county the segmenter cut in two
        (["江", "宁"], ("江苏省", "南京市")),
        (["湖南", "岳", "阳"], ("湖南省", "岳阳市")),
    ],
)
def test_locate(words, expected):
    assert locate(words) == expected


def test_home_resolves_an_ambiguous_name_by_the_province_named():
    text = "兴安盟召开会议。内蒙古自治区有关部门出席。兴安的企业代表发言，兴安各旗县参加。乌兰县也派人参加。"
    home = load_places().home(text)
    assert (home.province, home.city) == ("内蒙古自治区", "兴安盟")


def test_home_ignores_common_words_and_county_short_names_inside_words():
    # 合作 is 合作市 and 同安 is 同安区, but here they are ordinary words
    home = load_places().home("加强合作，维护共同安全。宁波市召开会议，宁波市有关负责人出席。")
    assert (home.province, home.city, home.mentions) == ("浙江省", "宁波市", 2)


def test_home_of_a_text_that_names_only_townships():
    # made up: 廊下镇 and 枫泾镇 are townships of 金山区, 上海市
    home = load_places().home("廊下镇与枫泾镇联合开展党建活动，廊下镇企业参加。")
    assert (home.province, home.city, home.county) == ("上海市", "上海市", "金山区")
    assert home.county_mentions == home.mentions == 3
    # a township name many counties share (城关镇: 88) places nothing by itself
    assert load_places().home("城关镇召开会议。").province == ""
    # and follows the province the other names point to
    home = load_places().home("甘肃省天水市召开会议，城关镇参加。")
    assert (home.province, home.city) == ("甘肃省", "天水市")


def test_townships_are_read_from_their_table(tmp_path, monkeypatch):
    from lib import config

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "towns.csv").write_text(
        "name,province,city,county\n新造镇,江苏省,苏州市,昆山市\n", encoding="utf-8"
    )
    monkeypatch.setattr(config, "rule_file", lambda name: rules / name)
    home = load_places().home("新造镇召开会议。新造镇企业参加。")
    assert (home.province, home.city, home.county) == ("江苏省", "苏州市", "昆山市")
    assert not load_places().is_place("新造镇")  # a township is no place before a zone's suffix


def test_a_county_only_the_township_table_knows_is_a_place(tmp_path, monkeypatch):
    from lib import config

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "towns.csv").write_text(  # made up: a county renamed after cpca's table was made
        "name,province,city,county\n新造镇,江苏省,苏州市,新造市\n", encoding="utf-8"
    )
    monkeypatch.setattr(config, "rule_file", lambda name: rules / name)
    places = load_places()
    assert [(p.name, p.level, p.province, p.city) for p in places.find("新造市")] == [
        ("新造市", "county", "江苏省", "苏州市")
    ]
    assert places.shorts["新造市"] == "新造"
    assert places.find("昆山市")[0].city == "苏州市"  # a county cpca knows is not added twice
    assert len(places.find("昆山市")) == 1


def test_the_shipped_township_table_names_counties_renamed_since_cpca():
    # 潜山县 became 潜山市 in 2018, 滦县 滦州市: cpca's table has the old names
    assert load_places().find("潜山市")[0].city == "安庆市"
    assert load_places().find("滦州市")[0].city == "唐山市"


def test_home_of_a_text_without_places():
    assert load_places().home("党建引领发展").province == ""
