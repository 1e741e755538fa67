"""Zones: gazetteer aliases, generic recognition of zones nobody listed, keys, bare mentions.

The sentences are made up (one per pattern); the real reports are scored by `python -m lib eval`."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.extract.entity_rules import short_name_uses
from lib.extract.named_parks import named_park
from lib.extract.zone_choice import detect_zone
from lib.extract.zones import find_mentions, load_gazetteer, split_name, zone_key, zone_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed zones, by any alias
        ("合肥高新区党工委近日召开会议，推进合肥高新区建设。", {"合肥高新区": 2}),
        ("西安高新技术产业开发区发布了新政策", {"西安高新区": 1}),
        ("作为嘉兴市唯一的国家高新区，嘉兴高新区根植红船精神", {"嘉兴高新区": 1}),
        ("在苏州工业园区，园区完成地区生产总值", {"苏州工业园区": 1}),
        ("昆山国家高新区与昆山高新区是同一个", {"昆山高新区": 2}),
        # a listed zone written with a province or 市 before it, or 国家级 inside it
        ("四川省广安市经济技术开发区党工委", {"广安经开区": 1}),
        ("昆山国家级高新区", {"昆山高新区": 1}),
        # a national 高新区 whose name has no 高新区 in it, listed by hand
        ("宜兴环保科技工业园党工委召开会议，宜兴环科园企业参加。", {"宜兴环科园": 2}),
        # a short alias followed by the suffix is one mention, not two
        ("深入推进大亚湾经济技术开发区建设", {"惠州大亚湾经开区": 1}),
        # zones nobody listed: the place read word by word, verbs and pronouns left out
        ("不断推进桐庐经济开发区建设", {"桐庐经开区": 1}),
        ("衡水桃城经济开发区召开党建工作会", {"衡水桃城经开区": 1}),
        ("光山县先进制造业开发区党委成立", {"光山先进制造业开发区": 1}),
        ("青阳县高新技术产业园区", {"青阳高新区": 1}),
        ("阳朔工业园", {"阳朔工业园区": 1}),
        # a county renamed since cpca's table (平泉县 → 平泉市), after its city's name: the county's zone
        ("承德平泉市经开区坚持党建与招商并重", {"承德平泉经开区": 1}),
        ("唐山滦州市经济开发区召开党建会", {"唐山滦州经开区": 1}),
        ("承德市平泉市经开区", {"承德平泉经开区": 1}),
        # … and when the table lists the zone (the provincial 潜山经开区), its listed name
        ("安庆市潜山市经开区", {"潜山经开区": 1}),
        # a county in brackets after its city; a descriptive word before 工业集中区
        ("厦门(集美)机械工业集中区", {"厦门集美机械工业集中区": 1}),
        ("湖里创新园举行授牌仪式", {"湖里创新园": 1}),
        ("兰州陆港党建联盟成立，兰州国际陆港企业参加", {"兰州陆港": 2}),
        # a short name of a zone right by a place in another province is a branch named for it
        ("深入南阳中关村信息谷创新中心考察", {}),
        ("中关村南阳科技产业园揭牌", {"中关村南阳科技产业园": 1}),
        ("北京中关村企业代表参加", {"中关村科技园区": 1}),  # its own city: the zone itself
        # a county's name the dictionary tags as a name, then a descriptive word: the county is the place
        ("五华科技产业园党委开展活动", {"五华科技产业园": 1}),
        # a direction after a place is part of the place name
        ("看杭州北部软件园如何凝聚年轻力量", {"杭州北部软件园": 1}),
        # not zones
        ("园区先后荣膺“山东省数字经济产业园”称号", {}),  # a province's title: a province, then a description
        ("该高新区拥有独角兽企业，全国高新区排名靠前", {}),
        ("全市各开发区要推动经开区高质量发展，以党建引领高新区发展", {}),
        ("全国218个国家级开发区", {}),
        ("今天天气很好", {}),
        # words jieba's dictionary lists as person names, before a suffix: no place
        ("大力弘扬开发区精神，建设文明开发区", {}),
        ("黄石经济技术开发区召开会议", {"黄石经开区": 1}),  # listed as nr too, but a city
    ],
)
def test_zone_mentions(text, expected):
    assert dict(zone_mentions(text)) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("四川省广安市经济技术开发区", "广安经开区"),
        ("新疆准东经济技术开发区", "准东经开区"),
        ("马鞍山市雨山经济开发区", "雨山经开区"),  # a city before its own county is dropped
        ("宁夏回族自治区石嘴山经济技术开发区", "石嘴山经开区"),
        ("湖口县高新技术产业园区", "湖口高新区"),
    ],
)
def test_names_of_one_zone_share_a_key(a, b):
    assert zone_key(a) == zone_key(b)


def test_different_zones_have_different_keys():
    assert zone_key("广安经济技术开发区") != zone_key("广安高新技术产业开发区")
    assert zone_key("榆林榆阳产业园区") != zone_key("榆林经济技术开发区")


def test_zone_nobody_listed_gets_place_from_its_name():
    zone = find_mentions("张家口宣化经济开发区", load_gazetteer()).zones["张家口宣化经开区"]
    assert (zone.full_name, zone.province, zone.city) == ("张家口宣化经济开发区", "河北省", "张家口市")


def test_zone_named_after_a_county_the_segmenter_cuts_gets_its_place():
    # 南谯 is cut into 南 / 谯 by the segmenter; the place is read from the joined words
    found = detect_zone("南谯经开区召开党建工作会议", "今年以来，南谯经开区新建党组织5个。")
    assert (found.zone.name, found.zone.province, found.zone.city) == ("南谯经开区", "安徽省", "滁州市")


def test_zone_suffix_after_a_county_the_segmenter_cuts():
    zone = find_mentions("党员走进南谯工业园区企业", load_gazetteer()).zones["南谯工业园区"]
    assert (zone.province, zone.city) == ("安徽省", "滁州市")


def test_listed_zone_carries_gazetteer_facts():
    zone = detect_zone("", "广安经开区党工委召开会议。").zone
    assert (zone.full_name, zone.level, zone.province, zone.city) == (
        "广安经济技术开发区",
        "national",
        "四川省",
        "广安市",
    )


def test_title_mention_outweighs_body_mentions():
    found = detect_zone("贵阳高新区建强党建", "昆山高新区的经验。昆山高新区的做法。")
    assert (found.zone.name, found.method) == ("贵阳高新区", "gazetteer")
    assert set(found.mentioned) == {"贵阳高新区", "昆山高新区"}


def test_zone_outside_gazetteer_gets_its_name():
    found = detect_zone("", "桐庐经济开发区党工委推进产业链党建，桐庐经开区企业参与。")
    assert (found.zone.name, found.method) == ("桐庐经开区", "pattern")
    assert (found.zone.province, found.zone.city) == ("浙江省", "杭州市")


def test_article_with_no_zone():
    found = detect_zone("党建工作综述", "各地持续推进党建工作。")
    assert (found.zone.name, found.method, found.mentioned) == ("", "none", [])
    assert (found.zone.province, found.zone.city) == ("", "")


def test_an_article_with_no_zone_keeps_the_place_it_names_most():
    found = detect_zone("", "福州市鼓楼区推进党建工作。福州市鼓楼区的企业参加了活动，厦门的代表也来了。")
    assert (found.zone.name, found.zone.province, found.zone.city) == ("", "福建省", "福州市")


def test_bare_mentions_count_for_the_named_zone_of_their_kind():
    body = (
        "桐庐经济开发区党工委召开会议。会上，开发区负责人介绍经验。开发区企业代表发言。淳安高新区也派人参加。"
    )
    found = detect_zone("", body)
    assert found.zone.name == "桐庐经开区" or found.zone.name.startswith("桐庐")


def test_bare_mention_is_the_listed_zone_of_the_city_the_report_names():
    body = (
        "近日，广安市召开党建工作会议。会议在高新区召开，广安市委组织部负责人出席。高新区党工委作交流发言。"
    )
    assert detect_zone("", body).zone.name == "广安高新区"


def test_county_prefix_names_the_county_zone():
    body = "4月3日，县经开区召开非公企业党建工作会。桐庐县委组织部负责同志出席。"
    found = detect_zone("", body)
    assert (found.zone.name, found.zone.province, found.zone.city) == ("桐庐经开区", "浙江省", "杭州市")


def test_a_text_that_names_only_a_county_has_the_countys_zone():
    found = detect_zone("", "近日，泸溪县在高新区召开非公企业党建工作会。泸溪县委组织部负责同志出席。")
    assert (found.zone.name, found.zone.province) == ("泸溪高新区", "湖南省")
    # the city named too, or a district of a city: the city's listed zone
    assert (
        detect_zone("", "近日，广安市在高新区召开会议。岳池县企业参加，广安市委组织部出席。").zone.name
        == "广安高新区"
    )
    assert (
        detect_zone("", "近日，成都市武侯区在高新区召开会议。武侯区委组织部出席。").zone.name == "成都高新区"
    )


def test_a_text_placed_by_its_townships_has_their_countys_or_citys_zone():
    # townships of a county-level city: that city's zone (made up; 塘桥镇 and 凤凰镇 are of 张家港市)
    body = "近日，塘桥镇在高新区召开非公企业党建工作会。凤凰镇的企业代表参加。高新区党工委作部署。"
    found = detect_zone("", body)
    assert (found.zone.name, found.zone.province, found.zone.city) == ("张家港高新区", "江苏省", "苏州市")
    # a township of a city's district: the city's listed zone, never one named after the district
    body = "近日，岳麓街道在高新区召开会议。望月湖街道的企业参加。高新区党工委作部署。"
    assert detect_zone("", body).zone.name == "长沙高新区"
    # a county-level city named outright, as a 县 is (昆山市: 昆山高新区, not the city's 苏州高新区)
    body = "近日，昆山市在高新区召开会议。昆山市委组织部出席。高新区党工委作部署。"
    assert detect_zone("", body).zone.name == "昆山高新区"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # made up: airport economy zones (临空经济示范区, 临空经济区, 空港经济区) after a place, and the
        # bare 临空经济示范区 of a report that named its own
        (
            "近日，宁波临空经济示范区召开党建工作会议。临空经济示范区党工委书记出席。临空经济示范区企业发言。",
            ("宁波临空经济示范区", "临空经济区", "宁波市"),
        ),
        (
            "成都临空经济区党群服务中心揭牌。临空经济区内企业参加。",
            ("成都临空经济区", "临空经济区", "成都市"),
        ),
        ("天津空港经济区举行党建观摩会，20家企业参加。", ("天津空港经济区", "临空经济区", "天津市")),
        # with no place before it, no zone
        ("推动临空经济发展，建设临空经济示范区。", ("", "", "")),
    ],
)
def test_airport_economy_zones(body, expected):
    zone = detect_zone("", body).zone
    assert (zone.name, zone.type, zone.city) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # made up: kinds of national zone the reports had not shown, named once, after a place
        (
            "近日，广西凭祥重点开发开放试验区党工委召开会议，试验区党工委要求各支部抓好党建工作。",
            ("凭祥开发开放试验区", "试验区", "崇左市"),
        ),
        (
            "近日，福州台商投资区党工委召开党建工作会议，投资区将推进非公党建。",
            ("福州台商投资区", "投资区", "福州市"),
        ),
        ("近日，榆林能源化工基地党工委召开会议。", ("榆林能源化工基地", "化工园区", "榆林市")),
        (
            "近日，西安国际港务区党工委召开党建工作会议，港务区将推进非公党建。",
            ("西安国际港务区", "港区", "西安市"),
        ),
        # with no place before it, no zone
        ("深化改革，建设开发开放试验区，发展能源化工基地。", ("", "", "")),
    ],
)
def test_kinds_of_national_zone(body, expected):
    zone = detect_zone("", body).zone
    assert (zone.name, zone.type, zone.city) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # made up: an industry whose last word the segmenter tags a verb (制造, 创意, 孵化) describes the zone
        ("近日，沈阳智能制造产业园党工委召开会议。", "沈阳智能制造产业园"),
        ("近日，洛阳文化创意产业园党支部召开会议。", "洛阳文化创意产业园"),
        ("近日，芜湖创业孵化产业园党支部召开会议。", "芜湖创业孵化产业园"),
        # another verb between the place and the suffix still names none
        ("近日，沈阳召开会议，推进产业园建设。", ""),
    ],
)
def test_an_industry_ending_in_a_verb_describes_a_zone(body, expected):
    assert detect_zone("", body).zone.name == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # made up: a zone named for an owner that is no place, its place in brackets (kept, as written)
        (
            "近日，中德（沈阳）高端装备制造产业园党工委召开会议。",
            ("中德（沈阳）高端装备制造产业园", "沈阳市"),
        ),
        ("近日，中韩（盐城）产业园党工委召开会议。", ("中韩（盐城）产业园", "盐城市")),
        ("近日，由数字（福建）安溪产业园区牵头召开会议。", ("数字（福建）安溪产业园", "泉州市")),
        # a city before its district in brackets is no owner
        ("近日，厦门(集美)机械工业集中区党委召开会议。", ("厦门集美机械工业集中区", "厦门市")),
        # after a verb, where the owner's name starts is unknown: no zone rather than a cut name
        ("近日，调研组来到力合科创（佛山）科技园调研。", ("", "佛山市")),
    ],
)
def test_a_zone_named_for_an_owner_with_its_place_in_brackets(body, expected):
    zone = detect_zone("", body).zone
    assert (zone.name, zone.city) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # made up: a zone's own name after its district that the segmenter cuts in two (西航|港, 大|碶, 中|北);
        # 西航港 was read as 港 alone, and so as the city's listed 成都经开区
        ("近日，成都市双流区西航港经济开发区党工委召开会议。", ("成都双流区西航港经开区", "成都市")),
        ("近日，宁波市北仑区大碶工业园区党委召开会议。", ("宁波北仑区大碶工业园区", "宁波市")),
        ("近日，天津市西青区中北工业园党委召开会议。", ("西青中北工业园区", "天津市")),
        # a count or a generic word there names none
        ("近日，宁波市北仑区两个工业园区召开会议。", ("", "宁波市")),
        ("近日，宁波市北仑区化工工业园区召开会议。", ("", "宁波市")),
    ],
)
def test_a_zones_own_name_cut_in_two_after_its_district(body, expected):
    zone = detect_zone("", body).zone
    assert (zone.name, zone.city) == expected


def test_a_bare_zone_of_a_city_with_several_of_its_kind_is_none_of_them():
    # made up: 上海 has several listed 高新区 (张江, 紫竹 …): its bare 高新区 is not a made-up 上海高新区
    body = "近日，上海市在高新区召开党建工作会。上海市委组织部出席，高新区企业参加。"
    assert detect_zone("", body).zone.name == ""


def test_one_company_named_after_a_city_does_not_make_a_zone():
    body = "近日，高新区召开会议。上海电气等企业参加。高新区党工委作部署。"
    assert detect_zone("", body).zone.name == ""


def test_bracketed_zone_of_a_district(tmp_path):
    table = tmp_path / "zones.csv"
    table.write_text(
        "name,full_name,level,type,province,city,county,aliases,source\n"
        "青湾高新区,青湾高新技术产业开发区,national,高新区,湖南省,株洲市,,,test\n",
        encoding="utf-8",
    )
    rules = tmp_path / "zones.json"
    spec = json.loads(config.rule_file("zones.json").read_text(encoding="utf-8"))
    rules.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    gz = load_gazetteer(rules, table)
    # 株洲 has one listed 高新区 in this table: the district's bracketed 高新区 is that zone
    found = find_mentions("近年来，株洲市天元区（高新区）始终坚持党建引领。", gz)
    assert dict(found.counts) == {"青湾高新区": 1}


def test_a_row_added_to_the_table_is_recognised(tmp_path):
    table = tmp_path / "zones.csv"
    table.write_text(
        config.rule_file("zones.csv").read_text(encoding="utf-8")
        + "云溪新城,云溪新城产业园,provincial,产业园,湖南省,岳阳市,云溪区,云溪产业园,test\n",
        encoding="utf-8",
    )
    gz = load_gazetteer(config.rule_file("zones.json"), table)
    assert dict(find_mentions("云溪产业园党委推进党建", gz).counts) == {"云溪新城": 1}
    assert gz.zones["云溪新城"].level == "provincial"


@pytest.mark.parametrize(
    "body",
    [
        "近日，旌德经济开发区党工委组织召开非公企业党建工作推进会。旌德经开区现有非公企业党组织12个。",
        "旌德县委组织部近日在开发区召开党建工作推进会，旌德县各乡镇参加。开发区党工委书记作报告。",
    ],
)
def test_a_provincial_zone_of_the_gazetteer_carries_its_level_and_place(body):
    zone = detect_zone("", body).zone
    assert (zone.name, zone.level) == ("旌德经开区", "provincial")
    assert (zone.province, zone.city) == ("安徽省", "宣城市")


def test_no_provincial_zone_is_listed_under_a_place_name_two_cities_share():
    """海州 is a district of 阜新 and of 连云港: a row for 连云港's 海州工业园 would take 阜新's for it."""
    gz = load_gazetteer()
    for zone in (z for z in gz.zones.values() if z.level == "provincial"):
        place, _ = split_name(zone_key(zone.name, gz), gz)
        homes = {(p.province, p.city) for p in gz.places.find(place)} if place else set()
        assert len(homes) <= 1, zone.name
    zone = detect_zone("", "近日，阜新市海州区工业园区党委召开会议。海州工业园区现有企业30家。").zone
    assert (zone.province, zone.city) == ("辽宁省", "阜新市")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_zone_mentions_never_raises(text):
    assert all(isinstance(z, str) for z in zone_mentions(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="高新区经开发区市县（）(的在全各推进桐庐广安 ，。", max_size=40))
def test_detect_zone_never_raises_on_zone_like_text(text):
    assert isinstance(detect_zone(text[:5], text).zone.name, str)


def test_a_corrected_zone_gets_what_is_known_of_it():
    from lib.extract.zones import zone_named

    assert (zone_named("广安经济技术开发区").name, zone_named("广安经济技术开发区").province) == (
        "广安经开区",
        "四川省",
    )
    unlisted = zone_named("张家口怀来经济开发区")
    assert (unlisted.name, unlisted.type, unlisted.province, unlisted.city) == (
        "张家口怀来经济开发区",
        "经开区",
        "河北省",
        "张家口市",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # suffixes of parks of every kind after a place
        ("长葛市产业集聚区党工委召开会议", "长葛产业集聚区"),
        ("宜城市精细化工园区党建联盟成立", "宜城精细化工园区"),
        # comprehensive pilot zones, port zones and the 谷 of a science park
        ("南宁临空经济综合实验区党工委召开会议", "南宁临空综合实验区"),
        ("钦州新港区党工委召开会议", "钦州新港区"),
        ("苏州相城科技谷党委成立", "苏州相城科技谷"),
        ("杭州拱墅创谷党建联盟成立", "杭州拱墅创谷"),
        # a county-level 特区 or 林区 read as a place without its suffix
        ("神农架林区经济开发区党委", "神农架经开区"),
        # a listed zone's alias before the suffix of another kind names another zone
        ("中关村科学城举办党建论坛", "中关村科学城"),
        ("厦门软件园企业党建联盟成立", "厦门软件园"),  # a software park named after its city
        ("中关村软件园党建工作联席会召开", "中关村软件园"),  # a listed zone's name + another kind of park
        # a port after its city is part of the place (a tail): 日照港, 烟台港; a bare 港 names no place
        ("日照港经济开发区党工委召开会议", "日照港经开区"),
        ("这是威海港经济开发区的做法", "威海港经开区"),
        # a describing word the dictionary tags as a name (智慧) still describes the park
        ("山西省大同智慧产业园党支部成立", "大同智慧产业园"),
        # made up: a city and a describing word before a place of another province (宜昌|生态|滨江):
        # that place is a word of the zone's own name, and the city says where it is
        ("加快宜昌生态滨江新区建设", "宜昌生态滨江新区"),
        ("推进杭州生态滨江新区建设", "滨江新区"),  # the same province: 滨江 is the place
        # made up: a direction cut off a place (常州|西|太湖) is part of the zone's own name, not 安庆's 太湖
        ("常州西太湖科技产业园党委成立", "常州西太湖科技产业园"),
        ("河南西峡经开区党工委成立", "西峡经开区"),  # a place that starts with a direction is one word
        # export processing zones and bonded logistics parks, named after their place
        ("上海松江出口加工区党总支召开会议", "松江出口加工区"),
        ("南京保税物流园区党支部成立", "南京保税物流园区"),
    ],
)
def test_zone_suffixes_and_places_of_every_kind(text, expected):
    assert list(zone_mentions(text)) == [expected]


def test_a_direction_before_a_place_is_not_read_as_that_place():
    # made up: 西太湖 is no place; a report naming only it gets no 安徽 (太湖县, 安庆) for its zone
    zone = detect_zone("", "西太湖科技产业园党委召开会议。").zone
    assert zone.province != "安徽省"


def test_a_place_tail_alone_names_no_zone():
    assert list(zone_mentions("港经济开发区召开会议")) == []


def test_a_park_named_again_and_again_is_the_zone_when_nothing_else_is():
    text = "德清县梅溪湖园区召开党建工作会。会上，梅溪湖园区党委书记介绍了园区经验。"
    zone = detect_zone("", text).zone
    assert (zone.name, zone.full_name, zone.province, zone.city) == (
        "梅溪湖园区",
        "德清县梅溪湖园区",
        "浙江省",
        "湖州市",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a verbal noun inside a park's name is part of it (循环|利用, once read as 利用产业园)
        ("走进宁远县光伏循环利用产业园。光伏循环利用产业园企业代表发言。", ("光伏循环利用产业园", "")),
        # a place starts the name: a person's name before it is not part of the park's (王强来|宁波)
        ("组织部部长王强来宁波环保科技城调研。环保科技城党工委汇报。", ("环保科技城", "宁波市")),
        # unless only a generic word follows the place: the name goes on before it
        ("八戒湖南总部园区揭牌。八戒湖南总部园区企业参加。", ("八戒湖南总部园区", "")),
        # made up: a place of another province after the county (通化, a city of 吉林) is the park's own name
        (
            "走进浙江省安吉县通化食品城。通化食品城项目建设提速，通化食品城企业参加。",
            ("通化食品城", "湖州市"),
        ),
    ],
)
def test_where_a_parks_own_name_starts(text, expected):
    gz = load_gazetteer()
    park = named_park(text, gz.places, gz.not_place)
    assert (park.name, park.city) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: parks of other kinds (物流园, 创意园, 创业园, 艺术区, 小镇) named again and again
        ("南湾物流园党支部成立。南湾物流园入驻企业参加。", ("南湾物流园", "物流园区")),
        ("青岚文化创意园举办党建活动。青岚文化创意园企业党员参加。", ("青岚文化创意园", "文创园区")),
        ("柳溪艺术区党群服务站揭牌。柳溪艺术区企业党员参加。", ("柳溪艺术区", "文创园区")),
        ("云杉小镇成立联合党委。云杉小镇的企业党员参加。", ("云杉小镇", "特色小镇")),
        ("走进物流园，物流园里企业很多。", ("", "")),  # no name of its own
        ("青岚科技文化园成立党支部。青岚科技文化园企业参加。", ("青岚科技文化园", "文创园区")),
        ("海湾半导体产业基地揭牌。海湾半导体产业基地企业参加。", ("海湾半导体产业基地", "产业园")),
        # a university names its park, whatever the segmenter tags it; the category alone names none
        (
            "上海理工大学国家大学科技园党委成立。上海理工大学国家大学科技园企业参加。",
            ("上海理工大学国家大学科技园", "科技园"),
        ),
        ("教育部认定的国家大学科技园。国家大学科技园建设提速。", ("", "")),
        ("代表们到特色小镇参观。特色小镇建设提速。", ("", "")),
        ("青岚科创园党支部成立。青岚科创园企业参加。", ("青岚科创园", "产业园")),
        ("鹭湖生态城召开党建工作会。鹭湖生态城企业党员参加。", ("鹭湖生态城", "新城")),
        # made up: squares, quarters, bases, trade cities and road ports for business, named again and again
        ("云杉湾创业广场党委成立。云杉湾创业广场企业参加。", ("云杉湾创业广场", "产业园")),
        ("青岚创意街区成立联合党支部。青岚创意街区商户参加。", ("青岚创意街区", "文创园区")),
        ("青岚电商基地党支部成立。青岚电商基地企业参加。", ("青岚电商基地", "产业园")),
        ("鹭湖商贸城成立党委。鹭湖商贸城商户党员参加。", ("鹭湖商贸城", "商贸园区")),
        ("鹭湖公路港党支部成立。鹭湖公路港司机之家开放。", ("鹭湖公路港", "物流园区")),
        ("代表们参观国际商贸城。国际商贸城商户参加。", ("", "")),  # generic words name no trade city
        # a city in brackets before the suffix: part of the name, and where the park is
        (
            "活动在青岚科创(南宁)科技园举行。青岚科创(南宁)科技园企业参加。",
            ("青岚科创(南宁)科技园", "科技园"),
        ),
        # a river mouth (口, tagged a measure word) ends the place a park is named after
        ("会议在沱江口产业集聚区举行。沱江口产业集聚区企业参加。", ("沱江口产业集聚区", "开发区")),
        ("会议在椒江口产业集聚区举行。椒江口产业集聚区企业参加。", ("椒江口产业集聚区", "开发区")),
        # a long park suffix after a place alone (保定 is tagged a verb): the place names the park
        ("保定国家大学科技园召开会议。保定国家大学科技园企业参加。", ("保定国家大学科技园", "科技园")),
        ("衡水园区召开会议。衡水园区企业参加。", ("", "")),  # 园区 is too short to follow a place alone
        # a name the dictionary does not know, which the segmenter guesses a verb (锁包), is a name
        ("代表们走进锁包园区。锁包园区党支部成立。", ("锁包园区", "产业园")),
        ("大家要提升园区。提升园区服务。", ("", "")),  # a verb the dictionary lists is none
        # made up: a cultural-creative park (文创园) with a word tagged a verb (创意) in its own name
        ("星河创意工厂文创园揭牌。星河创意工厂文创园企业参加。", ("星河创意工厂文创园", "文创园区")),
        ("鹭湖共享制造产业园投产。鹭湖共享制造产业园企业参加。", ("鹭湖共享制造产业园", "产业园")),
        ("各地推进共享制造。推进共享制造产业园建设。", ("", "")),  # words that name no park of their own
        # made up: more kinds of parks, each named twice with a name of its own
        ("金桥智造工场党支部成立。金桥智造工场企业参加。", ("金桥智造工场", "产业园")),
        ("星海众创码头党支部成立。星海众创码头企业参加。", ("星海众创码头", "产业园")),
        ("荣兴盐资源区党工委成立。荣兴盐资源区企业参加。", ("荣兴盐资源区", "产业园")),
        ("滨湖商务营运中心党委成立。滨湖商务营运中心企业参加。", ("滨湖商务营运中心", "商务区")),
        # not a company's operations centre, nor a bare workshop
        ("顺丰华南营运中心员工参加。顺丰华南营运中心负责人讲话。", ("", "")),
        ("工场里工人忙碌。工场外车辆繁忙。", ("", "")),
        # made up: a demonstration zone with a name of its own; not a goal, Party-building or a campaign
        ("白鹭示范区党工委成立。白鹭示范区企业参加。", ("白鹭示范区", "示范区")),
        ("深圳建设先行示范区。先行示范区建设提速。", ("", "")),
        ("园区打造党建示范区。党建示范区建设提速。", ("", "")),
        ("乡村振兴示范区建设提速。乡村振兴示范区参观。", ("", "")),
        # made up: a word the dictionary lists as a verb only a few times (东映, twice) names a park …
        ("德清县东映园区党支部成立。东映园区企业参加。", ("东映园区", "产业园")),
        # … but a verb that puts something in a park does not, however often it is written
        ("组织建在园区。建在园区的支部多。", ("", "")),
        ("项目落户园区。落户园区企业增多。", ("", "")),
        ("党员沉到园区。沉到园区后服务企业。", ("", "")),
        # made up: demonstration parks, e-commerce parks, food and biotech cities with a name of their own
        ("青岚农业科技示范园党支部成立。青岚农业科技示范园企业参加。", ("青岚农业科技示范园", "产业园")),
        ("鹭湖电商园党支部成立。鹭湖电商园企业参加。", ("鹭湖电商园", "产业园")),
        ("星河食品城党委成立。星河食品城企业参加。", ("星河食品城", "产业园")),
        ("云杉生物城党委成立。云杉生物城企业参加。", ("云杉生物城", "产业园")),
        ("园区打造党建示范园。党建示范园建设提速。", ("", "")),  # generic words name none
    ],
)
def test_parks_of_other_kinds(text, expected):
    zone = detect_zone("", text).zone
    assert (zone.name, zone.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a zone with no suffix, named by its own bodies again and again
        ("云杉湖基地党工委召开会议。云杉湖基地党工委书记讲话。", ("云杉湖基地", "其他", "")),
        ("常州青枫城管委会召开会议。青枫城管委会负责人出席。", ("青枫城", "其他", "常州市")),
        # not zones: a street's, an office's or a centre's body, or one named only once
        ("西湖街道党工委召开会议。西湖街道党工委书记讲话。", ("", "", "")),
        ("区直机关党工委召开会议。机关党工委书记讲话。", ("", "", "")),
        ("云杉湖基地党工委召开会议。企业党员参加。", ("", "", "")),
    ],
)
def test_a_zone_named_by_its_own_bodies(text, expected):
    zone = detect_zone("", text).zone
    assert (zone.name, zone.type, zone.city) == expected


def test_a_park_named_once_with_the_short_name_it_defines_is_the_zone():
    # made up: named once, then by the generic short name it defines (（下称“园区”）, （以下简称“园区”）)
    text = "位于某市的星河创意工厂文创园（下称“园区”）内，园区党支部成立。园区企业党员参加。"
    assert detect_zone("", text).zone.name == "星河创意工厂文创园"
    text = "青岚数字产业园(以下简称园区)举办活动，园区企业参加。"
    assert detect_zone("", text).zone.name == "青岚数字产业园"
    # named once without a definition: a passing mention, no zone
    text = "位于某市的星河创意工厂文创园内，党支部成立。企业党员参加。"
    assert detect_zone("", text).zone.name == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a name the segmenter breaks (宝|运通, 据宝|运通), written again and again before one suffix
        (
            "服务站设在社区宝运通物流园。该站将为宝运通物流园的司机服务。据宝运通物流园负责人介绍，站点已开放。",
            ("宝运通物流园", "物流园区"),
        ),
        # the area word before it (辖区, 经济区) is not part of the name
        (
            "活动在辖区晟鹭智慧物流园举行。经济区晟鹭智慧物流园内，司机之家开放。",
            ("晟鹭智慧物流园", "物流园区"),
        ),
        # not names: a numeral (千亿级), characters that start inside a word (国|家市级)
        ("代表们参观千亿级园区。这是省内千亿级园区。", ("", "")),
        ("这里有国家市级产业园区。还有省市级产业园区。", ("", "")),
    ],
)
def test_a_park_name_the_segmenter_breaks_is_found_by_repetition(text, expected):
    zone = detect_zone("", text).zone
    assert (zone.name, zone.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: every mention of a zone read from its place comes after the same words: part of its name
        (
            "交大嘉兴科技园党委成立。在交大嘉兴科技园，企业党员参加活动。",
            ("交大嘉兴科技园", "交大嘉兴科技园"),
        ),
        # not when the mentions differ, when the words are places only, or end like a governing body
        ("交大嘉兴科技园党委成立。嘉兴科技园企业党员参加活动。", ("嘉兴科技园", "嘉兴科技园")),
        ("浙江嘉兴科技园党委成立。在浙江嘉兴科技园，企业党员参加活动。", ("嘉兴科技园", "浙江嘉兴科技园")),
        (
            "中共嘉兴市委嘉兴科技园工作委员会成立。中共嘉兴市委嘉兴科技园工作委员会书记讲话。",
            ("嘉兴科技园", "嘉兴科技园"),
        ),
        # a word a middle dot joins to every mention is part of the name, whatever its tag (首放 is a verb)
        (
            "首放·嘉兴科技园党委成立。在首放·嘉兴科技园，企业党员参加活动。",
            ("首放·嘉兴科技园", "首放·嘉兴科技园"),
        ),
        ("首放·嘉兴科技园党委成立。在嘉兴科技园，企业党员参加活动。", ("嘉兴科技园", "嘉兴科技园")),
    ],
)
def test_the_words_every_mention_of_a_zone_comes_after_are_part_of_its_name(text, expected):
    zone = detect_zone("", text).zone
    assert (zone.name, zone.full_name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a park the text keeps naming outweighs a zone of the generic patterns named once in passing
        (
            "普陀产业园内的星河软件园党委成立。星河软件园企业参加，星河软件园党员讲话，星河软件园表彰。",
            "星河软件园",
        ),
        # not when the park is named fewer times, is the zone itself, or its name is an honour or a Party base
        ("普陀产业园内的星河软件园党委成立。星河软件园企业参加。", "普陀产业园"),
        ("花都汽车城举行活动。汽车城园区企业参加，汽车城园区党员讲话，汽车城园区表彰。", "花都汽车城"),
        ("普陀产业园内的红色园区成立。红色园区企业参加，红色园区党员讲话，红色园区表彰。", "普陀产业园"),
        # a zone the gazetteer lists is never outweighed so
        (
            "苏州工业园区内的星河软件园成立。星河软件园企业参加，星河软件园党员讲话，星河软件园表彰。",
            "苏州工业园区",
        ),
    ],
)
def test_a_park_the_text_keeps_naming_outweighs_a_zone_named_once(text, expected):
    assert detect_zone("", text).zone.name == expected


def test_short_name_uses_counts_the_uses_after_a_definition():
    text = "青岚科技园（以下简称“青科园”）成立。青科园党委、青科园企业。青科园"
    assert short_name_uses(text, {"青岚科技园": ("青岚科技园",), "别的园": ("别的园",)}) == {"青岚科技园": 3}
    assert short_name_uses("青岚科技园成立。青科园党委。", {"青岚科技园": ("青岚科技园",)}) == {}


def test_a_bracketed_county_is_read_as_part_of_the_name():
    assert zone_key("襄阳(宜城)精细化工园区") == zone_key("襄阳宜城精细化工园区")


def test_a_park_written_short_is_counted_for_its_full_name():
    # made up: the full name once, an abbreviation (its characters in order, apart) twice
    text = "华东理工大学国家大学科技园揭牌。华理工科技园党委成立，华理工科技园企业参加。"
    assert detect_zone("", text).zone.name == "华东理工大学国家大学科技园"
    # a longer reading that only adds words before the name is no full name of it: the two readings are not
    # merged into 培育天子湖园区 (the characters both write, 天子湖, name the park: see repeated_park)
    text = "培育天子湖园区。天子湖园区党委成立。"
    assert detect_zone("", text).zone.full_name == "天子湖园区"


def test_a_place_the_segmenter_glued_a_preposition_to_is_still_read():
    # jieba cuts 对雨湖 as one word: the place after the preposition still names the zone
    zone = detect_zone("", "对雨湖工业集中区的企业开展走访。").zone
    assert (zone.name, zone.province, zone.city) == ("雨湖工业集中区", "湖南省", "湘潭市")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表们来到青龙湖园区参观。", ""),  # named once: a visit, not the report's zone
        ("软件园区里的企业和软件园区外的企业", ""),  # generic words name no park
        ("该园区党委成立。本园区企业", ""),
        ("园区案例入选“年度十佳园区”名单。“年度十佳园区”评选由协会组织。", ""),  # an award, not a park
        ("合肥高新区的玉兰湖园区和玉兰湖园区", "合肥高新区"),  # a zone named by the gazetteer comes first
        # made up: a place and generic words before a long park suffix name the park after its place
        (
            "平顶山数字产业创新基地内举行活动。走进平顶山数字产业创新基地，企业党员参加。",
            "平顶山数字产业创新基地",
        ),
        # not before a shorter one (物流园: 3 characters, park_place_generic_suffix_chars is 4)
        ("平顶山数字物流园内举行活动。走进平顶山数字物流园，企业党员参加。", ""),
    ],
)
def test_a_park_is_only_the_last_resort(text, expected):
    assert detect_zone("", text).zone.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the segmenter does not know falls apart into single characters (好|站): still a name
        ("会上，总结了好站高新区的做法。好站高新区企业参加了会议。", "好站高新区"),
        # a word of its own before the suffix is no such name
        ("会上，总结了推进高新区的做法。推进高新区企业参加了会议。", ""),
        ("重庆公路物流基地召开党建会议。今年，重庆公路物流基地交易额增长。", "公路物流基地"),
    ],
)
def test_names_of_single_characters_and_logistics_bases(text, expected):
    assert detect_zone("", text).zone.name == expected


def test_a_zone_name_starts_with_its_place_not_with_the_words_before_it():
    assert dict(zone_mentions("热烈祝贺宜春市袁州经济开发区党建联盟成立")) == {"宜春袁州经开区": 1}


def test_zone_of_the_division_codes_carries_its_place():
    # 东疆保税港区 is no national zone (not in zones.csv) and 东疆 no county: the division codes list it
    found = detect_zone("", "东疆保税港区党委开展主题党日活动。东疆保税港区企业党员参加。")
    assert (found.zone.name, found.zone.level, found.zone.province, found.zone.city) == (
        "东疆保税港区",
        "",
        "天津市",
        "天津市",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: national cooperation and experimental zones (zones.csv), by their names and short names
        ("前海深港现代服务业合作区举行党建活动。前海企业党员参加。", ("前海合作区", "深圳市")),
        ("横琴粤澳深度合作区党群服务中心开放，横琴企业参加。", ("横琴合作区", "珠海市")),
        ("深汕特别合作区召开党建工作会议。深汕合作区企业参加。", ("深汕特别合作区", "深圳市")),
        ("平潭综合实验区党工委召开会议。", ("平潭综合实验区", "福州市")),
    ],
)
def test_national_cooperation_zones(text, expected):
    zone = detect_zone("", text).zone
    assert (zone.name, zone.city) == expected


def test_zone_of_the_division_codes_named_without_its_city():
    found = detect_zone("", "六景工业园区党工委召开会议，六景工业园区企业代表参加。")
    assert (found.zone.name, found.zone.province, found.zone.city) == (
        "南宁六景工业园区",
        "广西壮族自治区",
        "南宁市",
    )


def test_the_hand_kept_table_wins_over_the_division_codes(tmp_path):
    header = "name,full_name,level,type,province,city,county,aliases,source\n"
    table, divisions = tmp_path / "zones.csv", tmp_path / "zones_divisions.csv"
    table.write_text(
        header + "云溪产业园,云溪产业园,provincial,产业园,湖南省,岳阳市,云溪区,,test\n", encoding="utf-8"
    )
    divisions.write_text(
        header
        + "云溪产业园,云溪产业园,,产业园,湖北省,武汉市,,,test\n"
        + "青湾工业园,青湾工业园,,工业园区,湖北省,黄石市,,,test\n",
        encoding="utf-8",
    )
    gz = load_gazetteer(config.rule_file("zones.json"), table, divisions)
    assert (gz.zones["云溪产业园"].level, gz.zones["云溪产业园"].city) == ("provincial", "岳阳市")
    assert gz.zones["青湾工业园"].city == "黄石市"
    assert dict(find_mentions("青湾工业园党委和云溪产业园党委", gz).counts) == {
        "青湾工业园": 1,
        "云溪产业园": 1,
    }


def test_an_award_for_parks_names_no_zone():
    # made up: 优秀 is praise, not a kind of park (荣获某区优秀产业园区称号)
    assert list(zone_mentions("该园区荣获松江区优秀产业园区称号")) == []
    assert list(zone_mentions("新县先进制造业开发区召开会议")) == ["新县先进制造业开发区"]


def test_a_first_sentence_standing_in_for_the_title_names_no_park_twice():
    # made up: no headline above the body, so its first words stand in as the title (lib.reading.articles)
    body = "它从传统的食品园区升级为大健康产业园，荣获多项荣誉。这家位于九亭镇的白鹭科创园交出了成绩单。白鹭科创园党支部成立。"
    assert detect_zone(body[:30], body).zone.name == "白鹭科创园"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: agricultural parks are zones of their own kind, named after their place
        ("盐城市滨海县农业园区召开党建工作会议", {"盐城滨海农业园区": 1}),
        ("天水国家农业科技园区召开会议", {"天水农业科技园区": 1}),
        ("推进现代农业园区建设", {}),
    ],
)
def test_agricultural_parks(text, expected):
    assert dict(zone_mentions(text)) == expected


def test_a_city_in_brackets_places_the_park():
    zone = detect_zone("", "活动在青岚科创（南宁）科技园举行。青岚科创（南宁）科技园企业参加。").zone
    assert (zone.full_name, zone.province, zone.city) == (
        "青岚科创（南宁）科技园",
        "广西壮族自治区",
        "南宁市",
    )
