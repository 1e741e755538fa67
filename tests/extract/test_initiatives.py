"""Initiatives: named, numbered programmes and their parts, on the real corpus and on small texts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.extract.initiative_names import formula_terms, initiative_kind
from lib.extract.initiative_rules import load_initiative_rules
from lib.extract.initiatives import extract_initiatives
from lib.reading.articles import read_articles

KEYS = {
    "name",
    "full_name",
    "kind",
    "components",
    "expected_count",
    "found_count",
    "paragraph_index",
    "sentence",
}


def by_name(paragraphs: list[str]) -> dict[str, dict]:
    return {e["name"]: e for e in extract_initiatives(paragraphs)}


@pytest.fixture(scope="module")
def corpus(corpus_files):
    """Initiatives per article of the real corpus, repaired by the pipeline: {(file prefix, part): {name: entry}}."""
    out = {}
    for path in corpus_files:
        for art in read_articles(path.read_text(encoding="utf-8"), source_file=path.name):
            out[(path.name[:3], art.part)] = by_name([p.text for p in art.body])
    return out


# --- the real corpus -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "name", "full_name", "kind", "expected", "components"),
    [
        (
            ("000", 1),
            "1+4+N",
            "“1+4+N”党建工作矩阵",
            "formula",
            3,
            ["新城北", "阳科园", "吴淞江", "社会组织"],
        ),
        (
            ("000", 1),
            "五个一",
            "“五个一”集成服务体系",
            "counted",
            5,
            ["一处专窗", "一个专班", "一位专员", "一条专线", "一套机制"],
        ),
        (("000", 1), "六个一", "“六个一”暖心行动", "counted", 6, []),
        (
            ("001", 1),
            "1145",
            "“1145”产业集群党建工作",
            "formula",
            4,
            ["一个核心", "一套班子", "四项工程", "五联机制"],
        ),
        (
            ("001", 2),
            "五个一",
            "“五个一”行动",
            "counted",
            5,
            [
                "配强一个党委/党总支/党支部书记",
                "建好一支队伍",
                "打造一个阵地",
                "健全一个机制",
                "找准一条路子",
            ],
        ),
        (
            ("002", 1),
            "1+1+10+N",
            "“1+1+10+N”七一系列活动",
            "formula",
            4,
            [
                "召开庆祝中国共产党成立100周年专题座谈会",
                "开展党史学习教育",
                "开展“优化政治生态、护航一流发展环境”活动、推进大型原创话剧《烈火中永生》、开展“两新”优秀青年书记见习等10项主题活动",
                "全区各基层党组织立足自身开展特色纪念活动并与区级联动同向联动",
            ],
        ),
        (
            ("003", 1),
            "四带机制",
            "“四带机制”",
            "counted",
            4,
            ["机关带行业", "党建带群建", "国企带两新", "楼宇带商圈"],
        ),
        (
            ("003", 1),
            "四专",
            "“四专”工作机制",
            "counted",
            4,
            ["有专业党委牵头", "有专门机构指导", "有专职人员负责", "有专项经费保障"],
        ),
        (
            ("003", 1),
            "三个哪里",
            "“三个哪里”党建工作思路",
            "counted",
            3,
            [
                "园区建设到哪里，党的工作就开展到哪里",
                "中心聚焦到哪里，党组织作用就发挥到哪里",
                "群众需求在哪里，党的服务就延伸到哪里",
            ],
        ),
        # “区级—直属党（工）委”“1+19”…: the chain before it names its two terms
        (("003", 1), "1+19", "“1+19”书记项目分级长效工作机制", "formula", 2, ["区级", "直属党（工）委"]),
        (("003", 1), "一长八员", "“一长八员”先锋楼长服务机制", "counted", 9, []),
        (
            ("004", 1),
            "六联工作法",
            "“六联工作法”",
            "counted",
            6,
            ["组织联建", "资源联享", "技术联攻", "人才联育", "市场联拓", "治理联抓"],
        ),
    ],
)
def test_numbered_initiatives_in_corpus(corpus, article, name, full_name, kind, expected, components):
    e = corpus[article][name]
    assert (e["full_name"], e["kind"], e["expected_count"]) == (full_name, kind, expected)
    assert e["components"] == components
    assert e["found_count"] == len(components)


@pytest.mark.parametrize(
    ("article", "name", "full_name"),
    [
        (("000", 1), "海棠红·幸福里", "“海棠红·幸福里”党建品牌"),
        (("000", 1), "下午三点·与光同行", "“下午三点·与光同行”新就业群体党建服务品牌"),
        (("001", 1), "高新事·高兴办", "“高新事·高兴办”营商服务党建品牌"),
        (("001", 1), "核酸青甜", "“核酸青甜”集群党建品牌"),
        (("002", 1), "红富士", "“红富士”党建品牌"),
        (("002", 1), "民心党建", "“民心党建”工程"),
        (("003", 1), "红色管家", "“红色管家”工作方法"),
        (("004", 1), "新领秀", "“新领秀”全域党建品牌"),
        (("004", 1), "五光十色", "“五光十色”特色产业链党建品牌"),
        (("004", 1), "高新事、高兴办", "“高新事、高兴办”特色服务品牌"),
        (("004", 1), "满天星", "“满天星”红色志愿服务"),
        (("004", 1), "寓见微光", "“寓见微光”人才公寓治理模式"),
        (("004", 1), "5F党建", "“5F党建”"),
        (("004", 1), "五美党建", "“五美党建”"),
    ],
)
def test_brands_in_corpus(corpus, article, name, full_name):
    e = corpus[article][name]
    assert (e["full_name"], e["kind"], e["expected_count"], e["components"]) == (full_name, "brand", None, [])


@pytest.mark.parametrize(
    "name",
    [
        "两张皮",
        "小巨人",
        "卡脖子",
        "红色引擎",
        "98后",
        "保姆",
        "楼宇党建",
        "书记项目",
        "十四五",
        "39AI全科医生",
        "花野营地",
        "五联机制",
        "四项工程",
        "两新",
        "十带头",
        "星",
    ],
)
def test_generic_quoted_terms_are_not_initiatives(corpus, name):
    assert all(name not in entries for entries in corpus.values())


def test_every_entry_has_the_documented_keys(corpus):
    entries = [e for article in corpus.values() for e in article.values()]
    assert len(entries) >= 30
    for e in entries:
        assert set(e) == KEYS
        assert e["found_count"] == len(e["components"])
        assert e["kind"] in {"formula", "counted", "brand"}


def test_sentence_and_paragraph_are_where_the_name_is_first_given(corpus):
    e = corpus[("001", 1)]["1145"]
    assert e["sentence"] == (
        "根据产业布局，昆山高新区把党组织建到“链”上，坚持把集群作为创新的最佳组织形态，推进以建强“一个核心”、"
        "组建“一套班子”、实施“四项工程”、做优“五联机制”为内容的“1145”产业集群党建工作。"
    )
    gy = corpus[("001", 2)]["五个一"]
    assert (gy["paragraph_index"], gy["sentence"]) == (
        1,
        "贵阳高新区以“五个一”行动为总揽，不断夯实基层党建基础。",
    )
    brand = corpus[("004", 1)]["新领秀"]  # named again in a later paragraph: one entry, the first place kept
    assert "深耕“新领秀”全域党建品牌" in brand["sentence"]
    assert brand["paragraph_index"] < corpus[("004", 1)]["五美党建"]["paragraph_index"]


@pytest.mark.parametrize(
    ("sentence", "name", "components"),
    [
        (
            "该高新区首创红色专属服务专窗，构建一处专窗、一个专班、一位专员、一条专线、一套机制“五个一”集成服务体系。",
            "五个一",
            ["一处专窗", "一个专班", "一位专员", "一条专线", "一套机制"],
        ),
        (
            "“昆山高新区深化‘1+4+N’党建工作矩阵，依托新城北、阳科园、吴淞江和社会组织4个区域党建工作站，"
            "对高新区836家规模以上企业开展地毯式摸排。”",
            "1+4+N",
            ["新城北", "阳科园", "吴淞江", "社会组织"],
        ),
        (
            "作为嘉兴高新区核心支柱产业，光伏新能源产业链依托党委牵头建立“六联工作法”，实现组织联建、资源联享、技术联攻、"
            "人才联育、市场联拓、治理联抓全方位联动，全域覆盖37家链上核心企业。",
            "六联工作法",
            ["组织联建", "资源联享", "技术联攻", "人才联育", "市场联拓", "治理联抓"],
        ),
        (
            "苏州工业园区以省级试点为契机，建立“有专业党委牵头、有专门机构指导、有专职人员负责、有专项经费保障”的外卖行业党建“四专”工作机制。",
            "四专",
            ["有专业党委牵头", "有专门机构指导", "有专职人员负责", "有专项经费保障"],
        ),
    ],
)
def test_components_of_real_sentences(sentence, name, components):
    assert by_name([sentence])[name]["components"] == components


# --- small texts of our own ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind", "expected", "components"),
    [
        # the list is in the next paragraph
        (
            ["某区推行“三联工作法”。", "即组织联建、活动联办、服务联做，成效明显。"],
            "三联工作法",
            "counted",
            3,
            ["组织联建", "活动联办", "服务联做"],
        ),
        # the list is in the next sentence
        (
            ["某区推行“三联工作法”。具体包括组织联建、活动联办、服务联做。"],
            "三联工作法",
            "counted",
            3,
            ["组织联建", "活动联办", "服务联做"],
        ),
        # a formula whose parts are not given
        (["该区实施“2+3+N”工作机制，推动发展。"], "2+3+N", "formula", 3, []),
        # a count mismatch: three announced, two listed
        (["打造“三个一”服务体系：一个中心、一支队伍。"], "三个一", "counted", 3, ["一个中心", "一支队伍"]),
        # Arabic and Chinese numerals count the same
        (
            ["推行“3联”工作法，实现党建联抓、人才联育、市场联拓。"],
            "3联",
            "counted",
            3,
            ["党建联抓", "人才联育", "市场联拓"],
        ),
        (
            ["推行“三联”工作法，实现党建联抓、人才联育、市场联拓。"],
            "三联",
            "counted",
            3,
            ["党建联抓", "人才联育", "市场联拓"],
        ),
        # a quoted name nested in a quotation
        (
            ["他说：“我们推行‘两带机制’，即推进‘机关带行业’，推进‘国企带两新’。”"],
            "两带机制",
            "counted",
            2,
            ["机关带行业", "国企带两新"],
        ),
        # a digit code spelled out one term per digit
        (
            ["推进以建强“一个核心”、实施“两项工程”、做优“三联机制”为内容的“123”党建工作。"],
            "123",
            "formula",
            3,
            ["一个核心", "两项工程", "三联机制"],
        ),
        # lead sentences of the following paragraphs
        (
            [
                "该区以“三个一”行动为总揽。",
                "建强一个支部。选好书记。",
                "带好一支队伍。",
                "办好一件实事。",
                "其余工作照常开展，效果很好。",
            ],
            "三个一",
            "counted",
            3,
            ["建强一个支部", "带好一支队伍", "办好一件实事"],
        ),
        # a term of a chain with a bracketed note
        (
            ["建立“支部(联合支部)+驿站+平台公司”服务模式。"],
            "支部(联合支部)+驿站+平台公司",
            "formula",
            3,
            ["支部(联合支部)", "驿站", "平台公司"],
        ),
        # a name of groups: one part per group, numerals in either form
        (
            ["以党群服务中心为核心，建好两个驿站和五个书屋，形成“一核两站五屋”服务体系。"],
            "一核两站五屋",
            "counted",
            8,
            ["党群服务中心", "驿站", "书屋"],
        ),
        (
            ["以红色书院为中心，串起2条示范线和6个党建点，打造“一心两线六点”党建品牌。"],
            "一心两线六点",
            "brand",
            None,
            ["红色书院", "示范线", "党建点"],
        ),
        # groups that are not all counted in the sentence give nothing
        (
            ["以党群服务中心为核心，建好两个驿站，形成“一核两站五屋”服务体系。"],
            "一核两站五屋",
            "counted",
            8,
            [],
        ),
        # a quoted chain joined by 的 to a counted name of merged things
        (
            ["该区推进“港区+保税区+物流园”的“三区合一”改革。"],
            "三区合一",
            "counted",
            3,
            ["港区", "保税区", "物流园"],
        ),
        # an unquoted list joined by 的 to the name, as many items as its terms
        (
            ["形成了街道统筹、社区推动、楼宇落实的“1+1+N”工作体系。"],
            "1+1+N",
            "formula",
            3,
            ["街道统筹", "社区推动", "楼宇落实"],
        ),
        # a slogan whose items are each a count names itself, without a head
        (
            ["园区设置了“一厅、两中心、三站”，服务企业。"],
            "一厅、两中心、三站",
            "counted",
            6,
            ["一厅", "两中心", "三站"],
        ),
        # one quoted term holding two clauses' lists, joined by 的 to the name
        (
            ["建立“书记联系出资人、党员联系职工，定期召开恳谈会、议事会”的“两联两会”制度，解决问题。"],
            "两联两会",
            "counted",
            2,
            ["书记联系出资人", "党员联系职工", "定期召开恳谈会", "议事会"],
        ),
        # the pieces of a name explained one by one after it: what each piece is
        (
            ["以“一厅一会一课一公益”为载体。“一厅”即党建展示厅，“一会”即季度读书会，“一课”即微党课。"],
            "一厅一会一课一公益",
            "brand",
            None,
            ["党建展示厅", "季度读书会", "微党课"],
        ),
        # and a slogan of counts the same way
        (
            ["设置了“一厅、两中心”，“一厅”即综合服务大厅，“两中心”即党员活动中心和培训中心。"],
            "一厅、两中心",
            "counted",
            3,
            ["综合服务大厅", "党员活动中心", "培训中心"],
        ),
        # items cut to the shape of the middle ones keep a last character that is their own
        (
            ["按照全部建立党组织、全部选派指导员、全部建起活动室、全部建立群团组织“四个全覆盖”的目标推进。"],
            "四个全覆盖",
            "counted",
            4,
            ["全部建立党组织", "全部选派指导员", "全部建起活动室", "全部建立群团组织"],
        ),
        # each group of a counted name explained after it, a group of two by two parts
        (
            [
                "园区建成“一站两室一廊”。“一站”，即党群服务站；“两室”，即党员活动室和阅览室，配置了设施；"
                "“一廊”，即党建长廊，展示成果。"
            ],
            "一站两室一廊",
            "counted",
            4,
            ["党群服务站", "党员活动室", "阅览室", "党建长廊"],
        ),
        # a chain of long organisation names
        (
            ["建立“项目指挥部临时党支部+平台公司党支部+重点项目党员突击队”三级组织体系。"],
            "项目指挥部临时党支部+平台公司党支部+重点项目党员突击队",
            "formula",
            3,
            ["项目指挥部临时党支部", "平台公司党支部", "重点项目党员突击队"],
        ),
        # a list joined by + before the name, its first item in a core frame, its last counted
        (
            ["构建以街道党工委为核心+社区党委+N个楼宇党支部的“1+1+N”体系。"],
            "1+1+N",
            "formula",
            3,
            ["街道党工委", "社区党委", "楼宇党支部"],
        ),
        # one item too few: no reading
        (["形成了社区推动、楼宇落实的“1+1+N”工作体系。"], "1+1+N", "formula", 3, []),
        # a family (党建+) named in a report gathers the chains of it the report names
        (
            ["该区树立“服务+”理念。", "“服务+人才”引得进。“服务+金融”留得住。"],
            "服务+",
            "formula",
            None,
            ["服务+人才", "服务+金融"],
        ),
        (
            ["汇报了“党建+模式”(党建+招商、党建+安全生产)的做法。"],
            "党建+",
            "formula",
            None,
            ["党建+招商", "党建+安全生产"],
        ),
        # a quoted slogan joined by 的 to a way of working
        (
            ["通过“楼宇吹哨、部门报到”的方式，解决企业难题。"],
            "楼宇吹哨、部门报到",
            "brand",
            None,
            ["楼宇吹哨", "部门报到"],
        ),
        (
            ["探索“链长统筹、链主带动、链员协同”的发展路径。"],
            "链长统筹、链主带动、链员协同",
            "brand",
            None,
            ["链长统筹", "链主带动", "链员协同"],
        ),
        # one group per clause of a later sentence, each item holding its numeral's character
        (
            [
                "会上阐释了“一统三联”工作体系。以党建统领全局，通过组织联建、产业联促、资源联享三大路径，联动各方。"
            ],
            "一统三联",
            "counted",
            4,
            ["以党建统领全局", "组织联建", "产业联促", "资源联享"],
        ),
        (
            ["推进“一统三联”工作。以党建引领全局，开设“书记讲堂”“名师课堂”“青年论坛”活动。"],
            "一统三联",
            "counted",
            4,
            [],
        ),
        # as many clauses after the name as it counts, each naming the thing counted
        (
            [
                "严格落实“三个同步”，即成立项目部与建立党支部同步，选配领导与配强书记同步，推进项目与推进党建同步，做到全覆盖。"
            ],
            "三个同步",
            "counted",
            3,
            ["成立项目部与建立党支部同步", "选配领导与配强书记同步", "推进项目与推进党建同步"],
        ),
        # the lead clauses of the sentences after a count of ones
        (
            [
                "园区始终以“三个一”为抓手。树立一种理念，坚持发展。党工委持续推动。建立一种机制，推动落实。"
                "形成一种氛围，人人参与。"
            ],
            "三个一",
            "counted",
            3,
            ["树立一种理念", "建立一种机制", "形成一种氛围"],
        ),
        # a brand: no parts, no count
        (["深耕“红色引擎”党建品牌，成效明显。"], "红色引擎", "brand", None, []),
        # a brand verb with nothing after the quote
        (["擦亮“金钥匙”，服务企业。"], "金钥匙", "brand", None, []),
        # one-only numerals are a slogan-brand, not a count
        (["实施“一企一策”机制。"], "一企一策", "brand", None, []),
        # typed items before the name, in the sentences of its paragraph
        (
            [
                "对A类企业开展“结对帮扶”型共建；对B类企业推行“资源共享”型共建；对C类企业实施“示范引领”型共建，形成“三型共建”模式。"
            ],
            "三型共建",
            "counted",
            3,
            ["结对帮扶", "资源共享", "示范引领"],
        ),
        # ordinal items with a comma after the marker
        (
            [
                "园区创新“四个一”工作法：第一，建立一个阵地；第二，配强一支队伍；第三，完善一套制度；第四，打造一个品牌。"
            ],
            "四个一",
            "counted",
            4,
            ["建立一个阵地", "配强一支队伍", "完善一套制度", "打造一个品牌"],
        ),
        # a list closed by 等 right before a brand gives its parts
        (
            ["集中开展发展论坛、研讨培训、专题党课等“党群一体化”活动。"],
            "党群一体化",
            "brand",
            None,
            ["发展论坛", "研讨培训", "专题党课"],
        ),
        # a plain list right before a name of one-only numerals, as many items as it counts
        (["围绕智能制造、循环经济“一主一特”产业布局。"], "一主一特", "brand", None, ["智能制造", "循环经济"]),
        (
            ["围绕智能制造、循环经济、新材料“一主一特”产业布局。"],
            "一主一特",
            "brand",
            None,
            [],
        ),  # three for two
        # a list closed by 等 right before a counted name: the items it gives, even fewer than the count
        (
            ["推行走访、座谈、结对等“四联工作法”，解决企业难题。"],
            "四联工作法",
            "counted",
            4,
            ["走访", "座谈", "结对"],
        ),
        (["推行走访、座谈“四联工作法”。"], "四联工作法", "counted", 4, []),  # no 等: not the four
        # a formula of numbers only counts the items of the list right before it in all
        (
            ["园区重点发展新材料、装备制造、电子信息和生物制药“3+1”主导产业。"],
            "3+1",
            "formula",
            2,
            ["新材料", "装备制造", "电子信息", "生物制药"],
        ),
        (
            ["园区聚焦新材料、装备制造、电子信息、生物医药“2+3”产业体系。"],
            "2+3",
            "formula",
            2,
            [],
        ),  # four for five
        (["园区打造“2+1”产业格局，引进项目、建设平台、服务企业成效明显。"], "2+1", "formula", 2, []),
        # quoted labels explained one by one, as many as the name counts: the explanations are the parts
        (
            ["园区推出“三心”服务，“暖心”即帮办代办，“贴心”即上门走访，“用心”即跟踪问效。"],
            "三心",
            "counted",
            3,
            ["帮办代办", "上门走访", "跟踪问效"],
        ),
        (
            ["园区推出“三心”服务，“暖心”即帮办代办，“贴心”即上门走访。"],
            "三心",
            "counted",
            3,
            [],
        ),  # two for three
        # a formula's N counted by an open number (若干个, 多个) in its sentence
        (
            ["园区建立1个产业链党委、若干个链上企业党组织，形成“1+N”组织体系。"],
            "1+N",
            "formula",
            2,
            ["产业链党委", "链上企业党组织"],
        ),
        (["园区建立1个联合党委，形成“1+N”组织体系。"], "1+N", "formula", 2, []),  # N counts nothing
        # counted groups explained together after 即: the list ends with its clause, the verb is no part
        (
            ["园区实施“一站一区一中心”工程，即建设党群服务站、人才社区、创新中心，全面提升服务水平。"],
            "一站一区一中心",
            "brand",
            None,
            ["党群服务站", "人才社区", "创新中心"],
        ),
        (
            ["园区实施“一站一区一中心”工程，即建设党群服务站、人才社区，全面提升服务水平。"],
            "一站一区一中心",
            "brand",
            None,
            [],
        ),
        (
            ["园区打造“一站、一区、一中心”，即党群服务站，人才社区，创新中心。"],
            "一站、一区、一中心",
            "brand",
            None,
            ["党群服务站", "人才社区", "创新中心"],
        ),
        # a counted name explained by as many clauses after 即 as it counts
        (
            [
                "园区力争实现“三个百分百”的目标：即企业党组织覆盖率达到100%，党的工作覆盖率达到100%，党员教育培训率达到100%。"
            ],
            "三个百分百",
            "counted",
            3,
            ["企业党组织覆盖率达到100%", "党的工作覆盖率达到100%", "党员教育培训率达到100%"],
        ),
        # made up: any of the rules' explaining words (whole_explain_verbs), not only 即
        (
            ["园区力争实现“两个一百”的目标：也就是走访企业一百家，解决诉求一百件。"],
            "两个一百",
            "counted",
            2,
            ["走访企业一百家", "解决诉求一百件"],
        ),
        # a formula explained by a plus list in the clause after it, one item per term
        (
            ["联盟实施“1+1+X”轮值制度，由园区党工委统筹+一家轮值单位+链上企业联动的模式，开展活动。"],
            "1+1+X",
            "formula",
            3,
            ["园区党工委统筹", "一家轮值单位", "链上企业联动"],
        ),
        (["联盟实施“1+1+X”轮值制度，由园区党工委统筹+链上企业联动，开展活动。"], "1+1+X", "formula", 3, []),
        # made up: a code of digits whose parts are counted names, one per digit, in its sentence
        (
            ["园区运行“甲乙、丙丁”两方联动、“戊己、庚辛、壬癸”三步连环、办好四类实事“234”工作机制。"],
            "234",
            "formula",
            3,
            ["两方联动", "三步连环", "四类实事"],
        ),
        (
            ["园区形成一个中心、两大平台、五项服务为主要内容的“125”工作模式。"],
            "125",
            "formula",
            3,
            ["一个中心", "两大平台", "五项服务"],
        ),
        (["园区实施“135”工程，三年内引进一批企业。"], "135", "formula", 3, []),  # one count, not three
        (
            ["园区推行“315”工作法，一是三方联动，五项服务。"],
            "315",
            "formula",
            3,
            [],
        ),  # not in the code's order
        # a family of chains (X+) whose parts open the paragraphs after it, each a quoted X… term
        (
            [
                "园区打造“红色+”党建品牌，推动党建工作全面进步。",
                "开设“红色讲堂”。组织党员学习理论。",
                "组建园区“红色服务队”。上门服务企业。",
                "园区还召开了企业座谈会。",
            ],
            "红色+",
            "formula",
            None,
            ["红色讲堂", "红色服务队"],
        ),
        # quoted terms that each hold the counted word, then the count: the terms are its parts
        (
            ["园区以“组织链”“产业链”“服务链”三链融合为抓手，推动企业发展。"],
            "三链融合",
            "counted",
            3,
            ["组织链", "产业链", "服务链"],
        ),
        # made up: a list joined to a counted name by 的 and a topic word; one item lacks the key but has the shape
        (
            ["园区以组织联建、资源共享、党员联管、人才联育的党建“四联”机制为抓手，推动发展。"],
            "四联",
            "counted",
            4,
            ["组织联建", "资源共享", "党员联管", "人才联育"],
        ),
        (["园区以组织联建、资源共享的党建“四联”机制为抓手，推动发展。"], "四联", "counted", 4, []),
        # made up: a count whose parts are the short sentences after it ending with the rest of its name
        (
            [
                "园区开展“三个到企业”行动，打通服务。坚持政策到企业。发放明白纸。坚持服务到企业。组织走访。坚持指导到企业。"
            ],
            "三个到企业",
            "counted",
            3,
            ["政策到企业", "服务到企业", "指导到企业"],
        ),
        (
            ["园区开展“三个到企业”行动，打通服务。坚持政策到企业。发放明白纸。"],
            "三个到企业",
            "counted",
            3,
            [],
        ),
        # made up: a numeral and a key, whose parts open the paragraphs after the opening one, each quoted
        (
            [
                "园区：五“青”举措打造人才集聚“强磁场”",
                "近年来，园区不断在人才引进方面出实招。",
                "“青创学堂”搭平台。面向青年人才开设课程。",
                "“青年驿站”优配套。打造人才驿站。",
                "“青新服务”解难题。通过服务企业。",
            ],
            "五青",
            "counted",
            5,
            ["青创学堂", "青年驿站", "青新服务"],
        ),
        (
            [
                "园区：五“青”举措打造人才集聚“强磁场”",
                "近年来，园区不断在人才引进方面出实招。",
                "园区开设“青创学堂”，面向青年人才开设课程，效果很好，企业纷纷点赞。",
                "园区打造“青年驿站”，为人才提供住所，效果很好，企业纷纷点赞。",
            ],
            "五青",
            "counted",
            5,
            [],
        ),
    ],
)
def test_small_texts(paragraphs, name, kind, expected, components):
    e = by_name(paragraphs)[name]
    assert (e["kind"], e["expected_count"], e["components"], e["found_count"]) == (
        kind,
        expected,
        components,
        len(components),
    )


def test_a_chain_that_spells_out_a_counted_name_is_not_an_initiative_of_its_own():
    names = by_name(["该区推进“港区+保税区+物流园”的“三区合一”改革。"])
    assert {n: e["components"] for n, e in names.items()} == {"三区合一": ["港区", "保税区", "物流园"]}


def test_a_formula_counted_out_in_its_own_sentence_outranks_quoted_terms_in_the_next():
    names = by_name(
        [
            "园区建立1个产业链党委、若干个链上企业党组织，形成“1+N”组织体系。定期开展“红旗支部”“先锋岗位”等创建。"
        ]
    )
    assert names["1+N"]["components"] == ["产业链党委", "链上企业党组织"]


def test_the_parts_of_a_counted_name_are_the_headings_that_follow_it():
    paragraphs = [
        "社区围绕“三汇”理念，做法如下：",
        "组织汇通，让园区管理更省心",
        "纵向层面建立三级治理体系，形成服务网。",
        "功能汇聚，让员工生活更舒心",
        "提升公共服务水平，完善生活功能。",
        "治理汇合，让企业生产更安心",
        "以志愿服务带动园区治理。",
    ]
    assert by_name(paragraphs)["三汇"]["components"] == ["组织汇通", "功能汇聚", "治理汇合"]
    # two headings for a name of three: no parts
    assert by_name(paragraphs[:5])["三汇"]["components"] == []


def test_the_explained_labels_of_a_counted_names_parts_are_not_initiatives():
    names = by_name(
        ["驿站提供“三色”服务，“红色”即政治引领行动，“橙色”即关心关爱行动，“紫色”即技能提升行动。"]
    )
    assert {n: e["components"] for n, e in names.items()} == {
        "三色": ["政治引领行动", "关心关爱行动", "技能提升行动"]
    }


def test_an_explained_piece_of_a_name_is_not_an_initiative_of_its_own():
    names = by_name(["以“一厅一会一课”为载体。“一厅”即党建展示厅，“一会”即季度读书会，“一课”即微党课。"])
    assert list(names) == ["一厅一会一课"]


def test_a_part_listed_in_brackets_is_not_an_initiative_of_its_own():
    names = by_name(
        ["依托“四个一”工作法（一人一档案、党员一月一汇报、支部一季一谈心、一年一评议），管理流动党员。"]
    )
    assert {n: len(e["components"]) for n, e in names.items()} == {"四个一": 4}


def test_a_quoted_name_inside_a_part_stays_an_initiative():
    names = by_name(["中心将“三大工程”与三种颜色相结合，依次建立了党性教育展厅、学习室和“五企联动”平台。"])
    assert "五企联动" in names


def test_chains_without_a_family_stay_initiatives_of_their_own():
    names = by_name(["某区推行“党建+网格”模式，又推出“党建+片区”机制。"])
    assert {n: e["components"] for n, e in names.items()} == {
        "党建+网格": ["党建", "网格"],
        "党建+片区": ["党建", "片区"],
    }


def test_nested_quote_name_is_written_with_double_quotes():
    e = by_name(["他说：“我们推行‘两带机制’，即推进‘机关带行业’，推进‘国企带两新’。”"])["两带机制"]
    assert e["full_name"] == "“两带机制”"
    assert e["sentence"].startswith("他说：")


def test_a_counted_name_written_again_after_a_short_prefix_is_one_programme():
    # made up: “入企四员” (no parts where it stands) and “四员” explained: one entry, the longer name
    paragraphs = [
        "园区着力擦亮“入企四员”党建品牌。",
        "“四员”即政策理论的“宣讲员”、热心服务的“联络员”、企业护航的“安全员”、纾困解难的“帮扶员”。",
    ]
    entries = extract_initiatives(paragraphs)
    assert [(e["name"], e["kind"], e["expected_count"]) for e in entries] == [("入企四员", "counted", 4)]
    assert entries[0]["components"] == ["宣讲员", "联络员", "安全员", "帮扶员"]
    # a longer name that ends with the counted one after more than a short prefix stays apart
    names = [e["name"] for e in extract_initiatives(["园区打造“园区企业服务四员”品牌。", paragraphs[1]])]
    assert names == ["园区企业服务四员", "四员"]


def test_parts_read_as_clauses_and_as_their_quoted_terms_are_the_terms():
    # made up: named twice, its parts read once as clauses (…的“宣讲员”) and once as the terms: the terms
    entries = extract_initiatives(
        [
            "企业服务做得实，园区争当“四员”。",
            "“四员”即政策理论的“宣讲员”、热心服务的“联络员”、企业护航的“安全员”、纾困解难的“帮扶员”。",
        ]
    )
    assert entries[0]["components"] == ["宣讲员", "联络员", "安全员", "帮扶员"]


def test_same_name_twice_is_one_entry_with_merged_components():
    entries = extract_initiatives(
        [
            "推行“三联工作法”，实现组织联建、活动联办、服务联做。",
            "截至目前，“三联工作法”覆盖全区。",
        ]
    )
    assert [e["name"] for e in entries] == ["三联工作法"]
    assert (entries[0]["paragraph_index"], entries[0]["found_count"]) == (0, 3)


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        [""],
        ["破解党建与业务“两张皮”难题，培育“小巨人”企业，攻克“卡脖子”技术。"],
        ["推行“一次开挖、同步整治、一体提升”工作法。"],  # a slogan without a brand head
        ["“十四五”开局之年，“98后”骑手长期扎根社区服务。"],
        ["强化“红领专员”“保姆”式挂钩服务机制。"],
        ["实施“3年成长”计划"],  # a duration, kept as a brand, never as a count of 3
    ],
)
def test_texts_without_numbered_initiatives(paragraphs):
    assert [e for e in extract_initiatives(paragraphs) if e["kind"] != "brand"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持“走在前、作表率”的要求，推动工作。",  # a requirement, not a way of working
        "落实“抓落实、补短板”的思路。",  # 思路 names a slogan only when it is counted
        "推动“党建+”。",  # a family named with nothing of it
    ],
)
def test_slogans_without_a_way_of_working_are_not_initiatives(sentence):
    assert [e["name"] for e in extract_initiatives([sentence]) if e["components"]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "构建产教融合“新机制”，打造园区发展“强劲引擎”。",  # a prefix and a generic word
        "做强“大党建”，成立产业链“大党委”。",
        "打造“1+1>2”的联盟模式。",  # an expression
        "先后组建了“项目攻坚临时党支部”和“园区联合党委”。",  # organisations
        "推行“揭榜挂帅”机制，落实“第一议题”制度，建立“容错纠错”机制。",  # national devices
        "一是在两新组织中提升服务能力。",  # an item's number, not a parallel name
        "紧扣市委“1+233”工作体系，落实全市“三明三强”要求。",  # a city's programmes, not the zone's
        "园区12家企业列入市“甲乙工程”，已融入省“2468”产业体系。",  # a level of government alone before it
        "线上采取“互联网+”方式开展学习。",  # a national strategy
    ],
)
def test_generic_phrases_expressions_organisations_and_national_devices_are_not_initiatives(sentence):
    assert [e["name"] for e in extract_initiatives([sentence])] == []


def test_a_name_after_a_place_ending_in_a_level_word_stays_an_initiative():
    # made up: 某州市 and 我县 are places, not a level of government alone
    names = by_name(["这是某州市“园区党建示范带”为企业服务的缩影。", "园区结合我县“三个引领”活动开展工作。"])
    assert set(names) == {"园区党建示范带", "三个引领"}


def test_a_slogan_or_chain_ending_with_an_organisation_is_still_a_name():
    names = by_name(["推行“一企一支部、一链一党委”模式，形成“链党委—片区党总支—企业党支部”体系。"])
    assert set(names) == {"一企一支部、一链一党委", "链党委—片区党总支—企业党支部"}


def test_duration_is_not_a_count():
    assert by_name(["实施“3年成长”培育工程。"])["3年成长"]["kind"] == "brand"


@pytest.mark.parametrize(
    ("name", "descriptor", "kind"),
    [
        ("1+4+N", "党建工作矩阵", "formula"),
        ("1145", "产业集群党建工作", "formula"),
        ("2024", "行动计划", "brand"),  # a year, not a code
        ("五个一", "集成服务体系", "counted"),
        ("一长八员", "先锋楼长服务机制", "counted"),
        ("五光十色", "特色产业链党建品牌", "brand"),
        ("五美党建", "", "brand"),
        ("新领秀", "全域党建品牌", "brand"),
    ],
)
def test_initiative_kind(name, descriptor, kind):
    assert initiative_kind(name, descriptor=descriptor) == kind


@pytest.mark.parametrize(
    ("name", "terms"),
    [("1+4+N", ("1", "4", "N")), ("1145", ("1", "1", "4", "5")), ("1+1+10+N", ("1", "1", "10", "N"))],
)
def test_formula_terms(name, terms):
    assert formula_terms(name) == terms


def test_rules_are_the_data_file(tmp_path):
    spec = json.loads(config.rule_file("initiatives.json").read_text(encoding="utf-8"))
    assert "_about" in spec and set(spec["_help"]) <= set(spec)
    spec["stoplist"].append("红色管家")
    path = tmp_path / "initiatives.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    text = ["推出“红色管家”工作方法。"]
    assert [e["name"] for e in extract_initiatives(text)] == ["红色管家"]
    assert extract_initiatives(text, rules=load_initiative_rules(path)) == []


# --- never raises ------------------------------------------------------------------------------

NOISY = st.text(
    alphabet=st.sampled_from(list("“”‘’、，。；：一二三五十个联带专+N14党建品牌机制工作法等的和指代表两 \n")),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), NOISY), max_size=4))
def test_never_raises(paragraphs):
    for e in extract_initiatives(paragraphs):
        assert set(e) == KEYS
        assert e["found_count"] == len(e["components"])


@pytest.mark.parametrize(
    ("sentence", "name", "zone", "foreign"),
    [
        ("学习借鉴建邺高新区“党建+片区”做法，推动工作提质。", "党建+片区", "桐庐经开区", True),
        ("桐庐经开区创新推出“红色驿站”服务品牌。", "红色驿站", "桐庐经开区", False),
        (
            "对标建邺高新区，桐庐经开区推出“红色驿站”服务品牌。",
            "红色驿站",
            "桐庐经开区",
            False,
        ),  # a later clause
        ("园区推出“红色驿站”服务品牌。", "红色驿站", "桐庐经开区", False),
        ("融合雨山经开区“党建+网格”和本区经验。", "党建+网格", "", False),  # no zone known: keep
        # the report's own zone by a shorter name of any kind: 桐庐开发区 is 桐庐经开区
        ("作为桐庐开发区首批成员，我们将执行“红色驿站”工作方法。", "红色驿站", "桐庐经开区", False),
    ],
)
def test_an_initiative_another_zone_is_named_with_is_not_this_reports(sentence, name, zone, foreign):
    from lib.extract.initiatives import another_zones

    assert another_zones(sentence, name, zone) is foreign


def test_quoted_terms_counted_by_another_word_stay_names_of_their_own():
    """“红色阵地”“红色队伍”三个品牌: the count's word (个) is in none of the terms, so no counted whole."""
    names = by_name(["园区打造“红色阵地”“红色队伍”“红色服务”三个品牌。"])
    assert {"红色阵地", "红色队伍", "红色服务"} <= set(names)
    assert not any(n.startswith("三") for n in names)


def test_the_parts_of_a_family_of_chains_stay_names_of_their_own():
    names = by_name(
        ["园区打造“红色+”党建品牌。", "开设“红色讲堂”。组织学习。", "成立“红色导师”工作室。服务企业。"]
    )
    assert names["红色+"]["components"] == ["红色讲堂", "红色导师"]
    assert {"红色讲堂", "红色导师"} <= set(names)


def test_a_counted_name_is_not_explained_by_fewer_clauses_than_it_counts():
    names = by_name(["园区力争实现“三个百分百”的目标：即企业党组织覆盖率达到100%，党的工作覆盖率达到100%。"])
    assert not names.get("三个百分百", {}).get("components")
