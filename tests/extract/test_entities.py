"""Entities: enterprises, institutions and people of one article, and author lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.core.chars import RE_CJK
from lib.extract.entities import extract_entities, load_rules, read_enterprises
from lib.extract.people import speaker_starts
from lib.reading.bylines import extract_bylines

KEYS = {"name", "short_name", "type", "role", "mentions", "paragraph_index", "sentence"}


def by_name(paragraphs: list[str]) -> dict[str, dict]:
    return {e["name"]: e for e in extract_entities(paragraphs)}


def people(paragraphs: list[str]) -> dict[str, str | None]:
    return {e["name"]: e["role"] for e in extract_entities(paragraphs) if e["type"] == "person"}


# ---------------------------------------------------------------- people, real sentences

REAL_PEOPLE = [
    (
        "“昆山高新区深化‘1+4+N’党建工作矩阵，对高新区836家规模以上企业开展地毯式摸排。”昆山高新区两新组织党委书记陈晓伟介绍说，"
        "昆山高新区成立4个专项攻坚小组。",
        "陈晓伟",
        "昆山高新区两新组织党委书记",
    ),
    (
        "面对市场窗口期紧张的困境，沪士电子党员骨干主动担当。该公司副总经理李明贵坦言，项目建设的“高新速度”，源自党组织靠前服务。",
        "李明贵",
        "副总经理",
    ),
    ("“栽好梧桐树，引得凤凰来。”中科可控信息产业有限公司总裁聂华说。", "聂华", "总裁"),
    (
        "“幸亏昆山高新区为我们牵线搭桥。”最近，苏州和合医学检验有限公司董事长贾继明松了一口气，在昆山高新区“红领专员”服务帮助下，"
        "及时解决了资金问题。",
        "贾继明",
        "董事长",
    ),
    (
        "谈及这些年企服中心党总支对企业的帮助，创始人常英超大拇指说，“企业自2014年获得园区政策性金融产品支持。”",
        "常英超",
        "创始人",
    ),
    (
        "“很快将正式落地应用。”昆山富士康环保科技有限公司党支部书记、总经理刘昌表示，作为致力于工业废水治理问题的环保企业，"
        "昆山富士康高度重视研发投入。",
        "刘昌",
        "党支部书记、总经理",
    ),
    # The role is kept as written, with its zone (the brief's short form 行政审批局副局长 ends it).
    (
        "“效率的提升离不开数据壁垒的打通。”昆山高新区行政审批局副局长严斌说，昆山市行政审批局开发了“行业‘白名单’功能”。",
        "严斌",
        "昆山高新区行政审批局副局长",
    ),
    (
        "今年是中国共产党成立100周年，也是“十四五”开局之年，昆山市委、昆山高新区党工委书记、管委会主任管风良表示，"
        "昆山高新区将继续发扬攀“高”逐“新”的优良传统。",
        "管风良",
        "昆山市委、昆山高新区党工委书记、管委会主任",
    ),
    (
        "同时，持续优化党员结构，近2年发展两新领域党员约150名，吸纳“外卖诗人”王计兵等新业态优秀代表入党。",
        "王计兵",
        "外卖诗人",
    ),
    ("“98后”骑手熊维波长期扎根社区服务，其所在站点半年来累计为独居高龄老人送餐1300余次。", "熊维波", "骑手"),
    ("临近中午，刚送完一单外卖的配送员陈虎来到这里，一边给手机充电，一边休息。", "陈虎", "配送员"),
    ("队伍中，居民李保强拿着把深蓝色雨伞，等待修补。", "李保强", "居民"),
    (
        "公司还成立了党员技术创新先锋队，由集团党委书记朱爱民主任队长，培养了一大批党员骨干。",
        "朱爱民",
        "集团党委书记",
    ),
    ("“公司党支部会常常变成热烈的研讨讨论会。”王磊说，有6名党员来自研发中心。", "王磊", None),
    (
        "苏州工业园区被列为中组部党建工作联系点；苏州系统医学研究所马瑜婷当选为党的二十大代表；",
        "马瑜婷",
        None,
    ),
    (
        "同样，中科可控信息产业有限公司软件研发部总经理蔡成宝对如何将科研人员和党员的初心统一在工作中深入指导。",
        "蔡成宝",
        "软件研发部总经理",
    ),
]


@pytest.mark.parametrize(("text", "name", "role"), REAL_PEOPLE, ids=[r[1] for r in REAL_PEOPLE])
def test_people_in_corpus_sentences(text, name, role):
    found = people([text])
    assert name in found
    assert found[name] == role


# ---------------------------------------------------------------- people, own texts

OWN_PEOPLE = [
    ("no role, after a quote", ["“我们会坚持下去。”赵明说。"], {"赵明": None}),
    ("no role, sentence start", ["周立新表示，园区将继续投入。"], {"周立新": None}),
    (
        "two people in one sentence",
        ["会上，董事长张伟、总经理李娜表示，明年将扩大产能。"],
        {"张伟": "董事长", "李娜": "总经理"},
    ),
    ("compound surname", ["欧阳娜娜表示，服务很方便。"], {"欧阳娜娜": None}),
    (
        "2-character name confirmed elsewhere",
        ["网格员孙浩来到小区。", "“大家放心。”孙浩说。"],
        {"孙浩": "网格员"},
    ),
    (
        "first role kept",
        ["村党委书记钱国平介绍，村里建了食堂。", "钱国平说，老人都很满意。"],
        {"钱国平": "村党委书记"},
    ),
]


@pytest.mark.parametrize(("case", "paragraphs", "expected"), OWN_PEOPLE, ids=[c[0] for c in OWN_PEOPLE])
def test_people_in_own_texts(case, paragraphs, expected):
    assert people(paragraphs) == expected


NOT_PEOPLE = [
    "党委书记带头讲党课，董事长表示支持，总经理说要加油。",
    "实施书记项目459项，党员先锋践行“十带头”。",
    "赋予外卖骑手党员服务守护员、社区治理信息员等“新五员身份”。",
    "大渔社区聚焦三水箫林小区居民出行难题。",
    "曾经无人问津的闲置地块，如今成为市民周末休闲打卡地。",
    "各企业、社区党支部组建党员安全督导队、绿色环保志愿队。",
    "记者了解到，该园区今年新增企业200家。",
    "“我们一起努力。”高新区表示，将持续优化服务。",
    "董事长于2020年创立公司，总经理万元奖金发放到位。",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_no_false_people(text):
    assert people([text]) == {}


# ---------------------------------------------------------------- organisations, real sentences

REAL_ORGS = [
    (
        "沪士电子股份有限公司（以下简称“沪士电子”）是党建赋能项目提速、科创突围的典型。",
        {"沪士电子股份有限公司": ("enterprise", "沪士电子")},
    ),
    (
        "最近，苏州和合医学检验有限公司董事长贾继明松了一口气。",
        {"苏州和合医学检验有限公司": ("enterprise", "和合医学")},
    ),
    (
        "目前该高新区聚集苏州清越光电科技股份有限公司、昆山丘钛微电子科技股份有限公司等数千家企业。",
        {
            "苏州清越光电科技股份有限公司": ("enterprise", "清越光电"),
            "昆山丘钛微电子科技股份有限公司": ("enterprise", "丘钛科技"),
        },
    ),
    (
        "深耕园区已有十年的苏州依斯倍环保装备科技有限公司是受惠企业之一。",
        {"苏州依斯倍环保装备科技有限公司": ("enterprise", "依斯倍环保装备")},
    ),
    (
        "前不久，苏州市公布了2020年度“独角兽”培育企业名单，昆山新源达生物科技有限公司、苏州能讯高能半导体有限公司、"
        "好活（昆山）网络科技有限公司、江苏邦融微电子有限公司4家企业入选。",
        {
            "昆山新源达生物科技有限公司": ("enterprise", "新源达生物"),
            "苏州能讯高能半导体有限公司": ("enterprise", "能讯高能半导体"),
            "好活（昆山）网络科技有限公司": ("enterprise", "好活网络"),
            "江苏邦融微电子有限公司": ("enterprise", "邦融微电子"),
        },
    ),
    (
        "三星电子（苏州）半导体有限公司党委成为全国外企党建标杆示范，集团党委书记李成春被评为全国优秀党务工作者。",
        {"三星电子（苏州）半导体有限公司": ("enterprise", "三星电子"), "李成春": ("person", None)},
    ),
    (
        "在党员研发团队的带头下，隆基绿能嘉兴基地打造成为全球光伏行业“灯塔工厂”；福莱特集团累计斩获授权专利近200项。",
        {"隆基绿能科技股份有限公司": ("enterprise", "隆基绿能"), "福莱特集团": ("enterprise", "福莱特")},
    ),
    (
        "依托环秀湖科技党建示范带，串联清华大学长三角研究院、北京理工大学长三角研究院、浙江大学嘉兴研究院等高能级科创平台。",
        {
            "清华大学长三角研究院": ("institution", None),
            "北京理工大学长三角研究院": ("institution", None),
            "浙江大学嘉兴研究院": ("institution", None),
        },
    ),
    (
        "搭建“秀水科创联盟”平台，常态化联动浙江大学、上海交通大学、南湖学院等高校院所。",
        {
            "浙江大学": ("institution", None),
            "上海交通大学": ("institution", None),
            "南湖学院": ("institution", None),
        },
    ),
    (
        "做细做实人才党建工作，与清华大学马克思主义学院共建“科创人才党群服务中心”。",
        {"清华大学马克思主义学院": ("institution", None)},
    ),
    (
        "嘉兴高新区实体化运营光伏现代产业人才学院，开设红色技能课堂。",
        {"光伏现代产业人才学院": ("institution", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_ORGS, ids=[next(iter(e)) for _, e in REAL_ORGS])
def test_organisations_in_corpus_sentences(text, expected):
    found = by_name([text])
    orgs = {n: e for n, e in found.items() if e["type"] != "person"}
    assert set(orgs) == {n for n, (t, _) in expected.items() if t != "person"}
    for name, (kind, short) in expected.items():
        assert found[name]["type"] == kind
        if kind != "person":
            assert found[name]["short_name"] == short


def test_gazetteer_short_name_alone_gives_the_enterprise_and_its_role():
    found = by_name(
        [
            "以中科可控为链主龙头，搭建产业链联席会议、资源互通、技术共研平台。",
            "中科可控积极申报江苏省创新联合体。",
        ]
    )
    e = found["中科可控信息产业有限公司"]
    assert (e["short_name"], e["role"], e["mentions"], e["paragraph_index"]) == ("中科可控", "链主龙头", 2, 0)
    assert e["sentence"].startswith("以中科可控为链主龙头")


def test_short_name_mentions_are_counted():
    paragraphs = [
        "沪士电子股份有限公司（以下简称“沪士电子”）是党建赋能项目提速、科创突围的典型。扎根昆山高新区34年的沪士电子，近2年累计追加224亿元。",
        "面对市场窗口期紧张、产能爬坡压力大的困境，沪士电子党员骨干主动担当。",
    ]
    e = by_name(paragraphs)["沪士电子股份有限公司"]
    assert e["mentions"] == 4
    assert e["sentence"] == "沪士电子股份有限公司（以下简称“沪士电子”）是党建赋能项目提速、科创突围的典型。"


NOT_ORGS = [
    "项目建设期间，昆山高新区党工委成立主要领导挂帅的党员专班，下沉工地一线现场办公。",
    "前不久，昆山高新区行政审批局连线上海松江办理了首笔跨省公证件。",
    "昆山高新区党工委副书记、管委会副主任出席，苏州工业园区工委组织部供图。",
    "在智能制造、工业互联网和集团转型升级等方面作出重要贡献。",
    "吸引了一家科技集团和多家跨国集团、大型企业集团。",
    "大学生创业园落户大学城，这所大学很有名。",
    "昆山高新区建成枢纽型新就业群体服务中心，在万象汇布局商圈暖“新”驿站。",
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_no_false_organisations(text):
    assert [e["name"] for e in extract_entities([text])] == []


# ---------------------------------------------------------------- organisations, own texts

OWN_ORGS = [
    (
        "province and city prefix, 简称 without quotes",
        ["近日，江苏省苏州市恒瑞精密科技有限公司（以下简称恒瑞精密）在园区落户。恒瑞精密将投资10亿元。"],
        "江苏省苏州市恒瑞精密科技有限公司",
        "恒瑞精密",
        3,
    ),
    (
        "half-width brackets and straight quotes",
        ['浙江星河新材料股份有限公司(以下简称"星河新材")成立于2010年。'],
        "浙江星河新材料股份有限公司",
        "星河新材",
        2,
    ),
    (
        "traditional characters and corner quotes",
        ["臺北宏達電子股份有限公司（以下簡稱「宏達電子」）宣布擴產。"],
        "臺北宏達電子股份有限公司",
        "宏達電子",
        2,
    ),
    (
        "short name derived by removing place, suffix and one business word",
        ["昆山星辰微电子科技股份有限公司获评专精特新企业。"],
        "昆山星辰微电子科技股份有限公司",
        "星辰微电子",
        1,
    ),
    (
        "derived short name used later in the article",
        ["常州远航新能源科技有限公司落户园区。", "远航新能源今年产值翻番。"],
        "常州远航新能源科技有限公司",
        "远航新能源",
        2,
    ),
    ("university with a sub-unit", ["中国科学院大学与园区签约。"], "中国科学院大学", None, 1),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "name", "short", "mentions"), OWN_ORGS, ids=[c[0] for c in OWN_ORGS]
)
def test_organisations_in_own_texts(case, paragraphs, name, short, mentions):
    e = by_name(paragraphs)[name]
    assert (e["short_name"], e["mentions"]) == (short, mentions)


@pytest.mark.parametrize("paragraphs", [[], [""], ["   "], ["党建强则发展强。"], ["abc 123 !!!"]])
def test_no_entities(paragraphs):
    assert extract_entities(paragraphs) == []


def test_every_entity_has_exactly_the_documented_keys():
    paragraphs = [REAL_PEOPLE[2][0], REAL_ORGS[0][0], REAL_ORGS[7][0]]
    found = extract_entities(paragraphs)
    assert {e["type"] for e in found} == {"person", "enterprise", "institution"}
    for e in found:
        assert set(e) == KEYS
        assert e["name"] in paragraphs[e["paragraph_index"]] or e["short_name"] in e["sentence"]
        assert e["sentence"] in paragraphs[e["paragraph_index"]]


def test_gazetteer_file_is_editable(tmp_path):
    gazetteer = tmp_path / "enterprises.txt"
    gazetteer.write_text("# test\n星海云, 星海 = 苏州星海云计算有限公司\n无全称企业\n", encoding="utf-8")
    assert read_enterprises(gazetteer)[1].full is None
    rules = load_rules(config.rule_file("entities.json"), gazetteer)
    found = {e["name"]: e for e in extract_entities(["星海云入选独角兽名单。"], rules=rules)}
    assert found["苏州星海云计算有限公司"]["short_name"] == "星海云"


# ---------------------------------------------------------------- bylines

BYLINES = [
    (
        "本报记者 李争粉 特约通讯员 魏志强 沈丹萍",
        [("本报记者", "李争粉"), ("特约通讯员", "魏志强"), ("特约通讯员", "沈丹萍")],
    ),
    ("▶ 本报记者 叶伟", [("本报记者", "叶伟")]),
    ("▶ 杨婷", [("", "杨婷")]),
    ("▶ 杨 婷", [("", "杨婷")]),
    ("▶ 本报特约通讯员 匡蓉 钱玉泽", [("本报特约通讯员", "匡蓉"), ("本报特约通讯员", "钱玉泽")]),
    ("本版撰稿 王俊杰", [("本版撰稿", "王俊杰")]),
    ("本报记者 叶伟 特约通讯员 许嘉", [("本报记者", "叶伟"), ("特约通讯员", "许嘉")]),
    ("本报记者李争粉", [("本报记者", "李争粉")]),
    ("本报记者 叶 伟 通讯员 许嘉", [("本报记者", "叶伟"), ("通讯员", "许嘉")]),
    ("本版供图 苏州工业园区工委组织部", []),
    ("学党史 悟思想", []),
    ("昆山高新区坚持把党的建设贯穿产业升级全过程，持续破解难题。", []),
    ("", []),
    ("▶", []),
]


@pytest.mark.parametrize(("line", "expected"), BYLINES)
def test_extract_bylines(line, expected):
    assert extract_bylines(line) == expected


# ---------------------------------------------------------------- the real corpus, repaired

CORPUS_PEOPLE = {
    "000": {
        "陈晓伟": "昆山高新区两新组织党委书记",
        "李明贵": "副总经理",
        "王计兵": "外卖诗人",
        "熊维波": "骑手",
    },
    "001": {"聂华": "总裁", "贾继明": "董事长"},
    "002": {
        "刘昌": "党支部书记、总经理",
        "严斌": "昆山高新区行政审批局副局长",
        "管风良": "昆山市委、昆山高新区党工委书记、管委会主任",
        "王磊": None,
    },
    "003": {"常英超": "创始人", "陈虎": "配送员", "李保强": "居民"},
    "004": {},
}


@pytest.mark.parametrize("prefix", sorted(CORPUS_PEOPLE))
def test_corpus_people_and_no_unexpected_ones(raw, prefix):
    from lib.reading.articles import read_articles

    found: dict[str, str | None] = {}
    for article in read_articles(raw(prefix), source_file=f"{prefix}.txt"):
        for e in extract_entities([p.text for p in article.body]):
            if e["type"] == "person":
                found[e["name"]] = e["role"]
    assert CORPUS_PEOPLE[prefix].items() <= found.items()
    assert all(len(n) in (2, 3) and RE_CJK.match(n) for n in found)


# ---------------------------------------------------------------- never raises


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=4), st.text())
def test_never_raises_on_arbitrary_text(paragraphs, line):
    for e in extract_entities(paragraphs):
        assert set(e) == KEYS and e["mentions"] >= 1
    for role, name in extract_bylines(line):
        assert isinstance(role, str) and name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet="董事长书记张王李说表示有限公司集团大学研究院苏州的，。“”、（）以下简称骑手", max_size=80
        ),
        max_size=4,
    )
)
def test_never_raises_on_entity_like_text(paragraphs):
    for e in extract_entities(paragraphs):
        assert e["sentence"] in paragraphs[e["paragraph_index"]]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="王李说。”！;?a，张明", max_size=16))
def test_a_speaker_is_looked_for_where_the_speaker_pattern_matches(text):
    rules = load_rules()
    assert speaker_starts(text, rules) == [m.start() for m in rules.re_speaker.finditer(text)]
