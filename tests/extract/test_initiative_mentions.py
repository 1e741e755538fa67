"""Initiatives in made-up sentences, one per pattern seen in real reports of other zones (data/eval/): the
rules are written against patterns, never against one report's sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import split_sentences
from lib.extract import initiative_mentions, unquoted_names
from lib.extract.initiative_names import RE_RUN, counted_list_matches
from lib.extract.initiative_rules import load_initiative_rules
from lib.extract.initiatives import extract_initiatives
from tests.samples import real_texts


def found(*paragraphs: str) -> dict[str, dict]:
    return {e["name"]: e for e in extract_initiatives(list(paragraphs))}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("园区推出“红帆讲堂”“先锋夜话”等系列品牌活动。", {"红帆讲堂", "先锋夜话"}),
        # a head before 所 (a relative clause) or 后 (after an event) still ends its run
        ("这折射出园区“红帆领航、网格赋能”治理模式所激发的新动能。", {"红帆领航、网格赋能"}),
        ("企业在参与“党课进车间”活动后，成立了党支部。", {"党课进车间"}),
        ("园区“红链先锋”启动仪式在管委会举行。", {"红链先锋"}),
        ("园区为“甲乙先锋”“丙丁未来”两家党建联盟单位授牌。", {"甲乙先锋", "丙丁未来"}),
        ("园区着力打造高质量发展“红色磁场”。", {"红色磁场"}),
        ("园区为职工建立“暖心港湾”。", {"暖心港湾"}),
        ("园区开设“红色书房”，方便党员学习。", {"红色书房"}),
        ("园区建设“红心”驿站12个。", {"红心"}),
        # a system named …制 (联系制, 责任制, 轮值制)
        ("园区推行“一人N企”联系制，服务企业。", {"一人N企"}),
        # a numeral before a quoted character and a head: the counted name
        ("高新区推出五“青”举措，服务青年人才。", {"五青"}),
        # framed as the way the zone works: 以“…”为抓手 / 为核心理念 / 为工作重点
        ("园区以“红帆引航”为核心理念，推进企业党建。", {"红帆引航"}),
        ("支部以“四联四促”为工作重点，服务企业发展。", {"四联四促"}),
        ("园区打造“一站三中心”的服务矩阵。", {"一站三中心"}),
        ("园区推出“先锋领航”等三大举措。", {"先锋领航"}),
        ("园区创新实施红客计划，吸引青年人才。", {"红客"}),
        ("园区通过双培双带助推企业发展。", {"双培双带"}),
        ("园区构建五心服务体系，服务企业。", {"五心"}),  # unquoted: a numeral name before 服务体系
        ("园区打造“红色互联”朋友圈，联系企业。", {"红色互联"}),  # heads of descriptor_heads
        ("通过组织建设互促、党员干部互动等“六互”形式，推进治理。", {"六互"}),  # some of its six listed
        ("园区实施246工作机制，即2个平台、4支队伍、6项制度。", {"246"}),
        # made up: a numeral, the character each item of the list before it holds, a word of union
        ("推动甲园、乙园、丙园三园联动发展。", {"三园联动"}),
        ("依托东链、西链、南链、北链四链融合，服务企业。", {"四链融合"}),
        ("园区建立健全1+5+X党组织覆盖网络。", {"1+5+X"}),
        ("园区全面打造党建+服务生态链。", {"党建+服务生态链"}),
        ("园区擦亮“加油站”品牌，服务企业。", {"加油站"}),
        ("联络员依托“一册三表”入企督导。", {"一册三表"}),
        ("园区创新“例会、联络、督查”的工作机制。", {"例会、联络、督查"}),  # 的 before a way of working
        # made up: the way of working, then a verb in the same run (的方式形成, 的模式搭建)
        ("园区以“甲联、乙动、丙促”的方式形成工作合力。", {"甲联、乙动、丙促"}),
        ("园区通过“区企共建、专业运营”的模式搭建服务平台。", {"区企共建、专业运营"}),
        ("园区推行“甲乙丙”相结合的工作模式。", {"甲乙丙"}),  # counted parts: a name by its shape
        ("在“五有六室一站”标准基础上完善阵地。", {"五有六室一站"}),
        ("园区发布“甲法惠企”“乙警护企”“丙融助企”三个服务品牌。", {"甲法惠企", "乙警护企", "丙融助企"}),
        ("园区推行“链长+链主”产业链党建模式。", {"链长+链主"}),  # a chain for the Party's work stays
        ("支部围绕“暖企·聚力”党建品牌年度任务清单推进工作。", {"暖企·聚力"}),  # a leading head, more after it
        ("园区推广“三联三帮”工作法经验。", {"三联三帮"}),
        ("园区开展“三比三晒三榜”活动。", {"三比三晒三榜"}),  # ends with 榜, but a parallel name, no honour
        ("园区深化“青春‘甬’向前”活动。", {"青春‘甬’向前"}),  # single quotes inside the name
        ("园区打造“‘芯’动力”品牌。", {"‘芯’动力"}),
        ("园区开展红色领航、先锋示范、暖心服务等五大行动。", {"五大行动"}),  # 等: some of its parts listed
        ("园区组建“攻坚突击队”服务项目。", {"攻坚突击队"}),  # a team of the zone's own, not 党员突击队
        (
            "园区健全“园区党（工）委—企业党委—企业支部”组织体系。",
            {"园区党（工）委—企业党委—企业支部"},
        ),  # a note inside a term
        # made up: heads of a way of working (方法, 体制) and names of facilities and teams (书吧, 能量站 …)
        ("园区运用“三化”方法，活化学习形式。", {"三化"}),
        ("园区与乡镇实行“园乡一体”体制，压实责任。", {"园乡一体"}),
        ("园区里有“初心书吧”和“车友能量站”，还有“车友港湾”。", {"初心书吧", "车友能量站"}),
        (
            "园区里活跃着“护企先锋队”和“链上帮帮团”，还有“红心直播间”和“共建实验室”。",
            {"护企先锋队", "链上帮帮团", "红心直播间", "共建实验室"},
        ),
        # made up: heads of events, meetings, teams and systems after the quote
        ("园区举办“智汇园区”读书会和“红链园区”联席会。", {"智汇园区", "红链园区"}),
        ("培育“金牌管家”服务团队，举办“创享未来”赛事。", {"金牌管家", "创享未来"}),
        ("开设“绿创空间”众创空间，举办“集市进楼宇”主题专场。", {"绿创空间", "集市进楼宇"}),
        # made up: heads of courses, contests, reading rooms and communities; 作用 after a count only
        ("园区开设“红帆学习”课程，举办“匠心向党”技能大赛。", {"红帆学习", "匠心向党"}),
        ("园区建成“智汇书香”主题书屋，打造“红链共进”党建共同体。", {"智汇书香", "红链共进"}),
        ("园区突出“三抓”作用，推动企业发展。", {"三抓"}),
        # a counted name ending like an organisation is still a counted name, not the organisation
        ("园区通过开展“三个到党支部”行动，推动企业发展。", {"三个到党支部"}),
        # made up: a place word after the head says where, not what: the head still names the term
        ("在园区“红链茶叙”活动上，企业提出需求。", {"红链茶叙"}),
        ("党员们投入到“我为园区添绿”行动中。", {"我为园区添绿"}),
        # a long quotation is no name: the names quoted inside it are read
        (
            "他说：“要实施‘红色头雁’工程，落实各项任务，确保各项工作取得实效，推动园区党建工作高质量发展”。",
            {"红色头雁"},
        ),
    ],
)
def test_named_programmes_are_found(text, names):
    assert set(found(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "园区点燃企业发展的“红色磁场”。",  # a metaphor, not introduced as a programme
        "园区变“分散作战”为“协同攻坚”。",  # a before-and-after contrast
        "园区党建由“条块分割”向“条块结合”转变。",
        "园区着力破解“融合难”问题。",  # a problem
        "该中心被授予“全国先进集体”称号。",  # an honour
        "园区定期开展“党员示范企业”“党员先锋班组”等评选活动。",  # titles selected, past the list and 等
        "2个支部被命名为市级“五星级”示范党支部。",
        "解决组织“怎么建”、党建“怎么强”等问题。",  # questions
        "表彰“最具活力”企业党支部。",  # a prize category
        "园区打造暖心聚力“加油站”。",  # a common word with only a verb before it
        "园区精心打造“花开营地”休闲空间。",  # the verb's object is the space, not a programme
        "园区学习贯彻党的二十届三中全会精神。",  # numbers of a session, not a name
        "园区企业四面八方汇聚人才。",  # an idiom
        "园区实施人才计划，引进博士20名。",  # a common word before a head
        "党员占了五分之一还要多。",
        "园区深入推进“两企三新”党建工作。",  # national programmes are stoplisted
        "园区聚焦汽车、装备、材料三个产业链党建联盟建设。",  # a long description, not a counted name
        "园区围绕强化引领、提升组织力、服务发展三项任务开展工作。",  # 任务 is no programme head
        "党员、群众、企业三方满意。",
        "支部认真落实“三会一课”。",  # a national programme of the same shape
        "园区依托“双创”中心吸引企业入驻。",  # national programmes: 大众创业、万众创新
        "园区推动传统企业开展“二次创业”。",
        "园区深化“管委会+公司”运营模式。",  # a national reform of how zones are run
        "全面实施“亩产效益”综合评价机制。",
        "为企业提供“一站式”“一窗式”“非接触式”服务。",  # ways of serving, not names
        "园区着力解决“各自为政”的难题。",
        "园区在原有机制基础上推出的党建专项行动广受好评。",  # 推出的…行动: no name after the verb  # 的 before a problem, not a way of working
        "园区坚持“企业需要什么”的原则。",
        "老党员与新党员开展“一对一”结对。",  # no numeral-and-word parts
        "园区围绕“矿石—钢材—零部件”产业链建强支部。",  # the stages of an industry chain
        "逐步形成“秸秆——饲料——肥料”的循环农业产业链。",
        "园区企业登上“科技小巨人”榜单。",  # a list of honours after the quote
        "组织企业、高校、科研院所等30家单位参加活动。",  # a count of members, no programme
        "园区开展先锋助企行动，走访企业200家。",  # an unquoted action described, no name
        "园区设立10个“项目建设党员先锋岗”。",  # a generic device renamed for one use
        "成立6支“招商引资党员突击队”。",
        "园区召开“两优一先”表彰大会。",  # a national honour
        "园区构建服务体系，建立三级网格管理机制，完善两项机制。",  # no name, levels, a count
        "园区获评“双创示范榜”。",  # a name ending with 榜 that is no parallel count
        "班子成员认真落实“一岗双责”，抓好分管领域工作。",  # national duties and slogans
        "园区坚持“以商引商”，打造“政府搭台、企业唱戏”的招商格局。",
        "坚持“党建引领”，推动园区“高质量发展”。",
        "园区以“红帆引航”为目标，推进企业党建。",  # a goal, not the way the zone works
        "他一连说了三“好”，大家鼓掌。",  # a numeral and a quoted word with no head
        "园区以“党建引领、红心互联”为主线，推进企业党建。",  # a motto: a slogan needs a head
        "希望两地进一步加强沟通对接。",  # two numerals inside words (两地, 进一步) make no parallel name
        # national and provincial slogans (stoplist): not a zone's own programme
        "园区坚持“双招双引”工作机制，全力做好“六稳”“六保”工作。",
        "园区党员群众“感党恩、听党话、跟党走”主题活动热烈开展。",
        "物流园建成“司机之家”和“党员之家”服务阵地。",  # the common names of facilities every place has
        "园区深化与长三角三省一市的合作，推进长三角一体化发展。",  # a region's name, and 三角一体 inside a word
        "这里是新四军四师师部旧址。",
        # made up: a quoted list counted in units that name nothing, in levels, or in another number
        "园区从“甲乙引领、丙丁对接”两个方面推进工作。",
        "牢牢抓住“思想、人才”三个关键发力。",
        "园区完善“甲乙港、丙丁港”两大通关物流载体。",  # the count describes a longer noun phrase
        "园区在“红链茶叙”会场上讲话。",  # made up: a place word after what is no head
        "园区引进甲乙、丙丁和戊己三家企业。",  # made up: a count of enterprises, joined by 和, names nothing
        "园区发挥“两个作用”，落实安全设施“三同时”，参观“双智”展厅。",  # national terms (stoplist)
        # common words quoted for emphasis and national campaigns (stoplist), whatever the head after them
        "园区坚持防控、生产“两手抓”，采取“一对一”服务机制，提供“一条龙”服务。",
        "园区搭建政企“零距离”沟通平台，开展“面对面”“点对点”活动，“全天候”服务企业。",
        "园区谋划“十五五”规划，抓住“双十一”“双十二”销售旺季。",
        "园区推进“双向进入、交叉任职”和“双向进入交叉任职”，实行“双向进入”机制。",
        "园区开展“基层组织建设年”活动和“深学争优、敢为争先、实干争效”行动。",  # a province's campaign
        "园区将“管家”理念引入基层党建工作中。",  # made up: a place word after a longer run that ends in a head
        "园区培育党员“尖兵”队伍。",  # a metaphor before 队伍, which is no head (shipped 001)
        "园区发挥党组织“战斗堡垒”作用。",  # 作用 is a head after a count only
        "由党员领衔研发的“智能监测预警系统”成果通过华为系统的测试。",  # an enterprise's product (shipped 001)
        # made up: the title of a meeting or a ceremony, whatever the words before its head
        "园区召开“庆祝建党百年暨园区企业党建工作推进会”。",
        "园区举办“党建引领产业发展”主题座谈会暨“红链共建”签约仪式。",
        # made up: what a zone or a city aims to become, not a programme
        "园区着力打造“长江中游智能制造新高地”。",
        "园区正处在“两个先行地”建设的关键时期。",
        "园区坚持“工业强区、人才兴区”发展路径。",
        # made up: a slogan before 的 and a way of working followed by a noun, or before a principle
        "园区总结“甲引领、乙联动”的方式方法。",
        "园区按照“甲相近、乙相邻”的原则组建联盟。",
        # made up: a count of what the list names, with no word of union, or items without the counted character
        "园区走访甲村、乙村、丙村三个村。",
        "园区推动甲园、乙区、丙镇三园联动发展。",
        "园区推动甲园、乙园、丙园两园联动发展。",  # a numeral other than the list's length
    ],
)
def test_what_is_not_a_programme(text):
    assert found(text) == {}


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind", "expected", "parts"),
    [
        (  # a formula's terms counted in its sentence, the 1 as its core
            ["园区构建“1+3+N”党建工作体系，以园区党工委为核心，联动3个社区党委以及N个企业党支部。"],
            "1+3+N",
            "formula",
            3,
            ["园区党工委", "社区党委", "企业党支部"],
        ),
        (  # a term not counted in the sentence: no parts rather than wrong ones
            ["园区推行“1+3+N”工作模式，目前已覆盖3个街道。"],
            "1+3+N",
            "formula",
            3,
            [],
        ),
        (
            ["园区实施“强链工程”“聚才工程”“惠企工程”等三大工程。"],
            "三大工程",
            "counted",
            3,
            ["强链工程", "聚才工程", "惠企工程"],
        ),
        (
            ["园区探索“甲心领航、乙心强基、丙心赋能”三大行动。"],
            "三大行动",
            "counted",
            3,
            ["甲心领航", "乙心强基", "丙心赋能"],
        ),
        (
            ["园区明确目标、责任、时限、标准四张清单，推动问题解决。"],
            "四张清单",
            "counted",
            4,
            ["目标", "责任", "时限", "标准"],
        ),
        (["园区建立例会、联络两项机制和一本台账。"], "两项机制", "counted", 2, ["例会", "联络"]),
        (  # made up: the last two items joined by 和, and a counted name of seven characters
            ["园区将党建嵌入甲乙、丙丁、戊己制造和庚辛物流四大产业联盟。"],
            "四大产业联盟",
            "counted",
            4,
            ["甲乙", "丙丁", "戊己制造", "庚辛物流"],
        ),
        (  # made up: the first item starts where a word does, not as wide as the widest item
            ["园区整合形成信息共享、金融服务、定制化服务三大功能性平台。"],
            "三大功能性平台",
            "counted",
            3,
            ["信息共享", "金融服务", "定制化服务"],
        ),
        (  # made up: quoted names joined by 、 and 和, then a count of as many
            ["园区打造“甲楼党委”、“乙楼议事会”和“丙锋专委会”三大平台。"],
            "三大平台",
            "counted",
            3,
            ["甲楼党委", "乙楼议事会", "丙锋专委会"],
        ),
        (  # a name of counted groups explained all at once: one item per thing counted
            ["园区建成“一厅两室”，分别是服务大厅、书记工作室、谈心室。"],
            "一厅两室",
            "counted",
            3,
            ["服务大厅", "书记工作室", "谈心室"],
        ),
        (["园区建成“一厅两室”，即服务大厅和书记工作室。"], "一厅两室", "counted", 3, []),  # two for three
        (
            ["园区规划建设“一站、一区、一中心”，即甲乙驿站、丙丁活动中心、户外健身区。"],
            "一站、一区、一中心",
            "brand",
            None,
            ["甲乙驿站", "丙丁活动中心", "户外健身区"],
        ),
        (  # quoted names each after its own field, then a count of as many programmes
            ["园区实施楼宇党建“甲楼聚力”、商圈党建“乙圈同心”、企业党建“丙企赋能”三项工程。"],
            "三项工程",
            "counted",
            3,
            ["甲楼聚力", "乙圈同心", "丙企赋能"],
        ),
        (
            ["园区通过“独立建、联合建、挂靠建”三种覆盖模式，联结各类企业。"],
            "三种覆盖模式",
            "counted",
            3,
            ["独立建", "联合建", "挂靠建"],
        ),
        (
            ["园区推行“一窗受理、一站办结”服务机制。"],
            "一窗受理、一站办结",
            "brand",
            None,
            ["一窗受理", "一站办结"],
        ),
        (
            ["园区构建“组织+网格+物业”三方协同机制。"],
            "组织+网格+物业",
            "formula",
            3,
            ["组织", "网格", "物业"],
        ),
        (["园区建立“采集—研判—处置”闭环机制。"], "采集—研判—处置", "formula", 3, ["采集", "研判", "处置"]),
        # a quoted word inside a term (made up)
        (
            ["园区形成“中心站+‘红帆’驿站+微驿站”服务体系。"],
            "中心站+‘红帆’驿站+微驿站",
            "formula",
            3,
            ["中心站", "‘红帆’驿站", "微驿站"],
        ),
        (
            ["园区实施246工作机制，即2个平台、4支队伍、6项制度。"],
            "246",
            "formula",
            3,
            ["2个平台", "4支队伍", "6项制度"],
        ),
        (
            ["依托生物医药、集成电路、人工智能三大产业集群，园区打造“三链融合”党建矩阵。"],
            "三链融合",
            "counted",
            3,
            ["生物医药", "集成电路", "人工智能"],
        ),
        (
            [
                "园区推行“三型共建”。对A类企业开展“结对帮扶”型共建；对B类企业推行“资源共享”型共建；对C类企业实行“项目合作”型共建。"
            ],
            "三型共建",
            "counted",
            3,
            ["结对帮扶", "资源共享", "项目合作"],
        ),
        (
            ["园区推出“两项举措”。一是建强组织，夯实基础；二是优化服务，提升效能。"],
            "两项举措",
            "counted",
            2,
            ["建强组织", "优化服务"],
        ),
        (
            ["园区通过“三亮三比”（亮目标、亮身份、亮承诺，比进度、比技能、比业绩）发挥党员作用。"],
            "三亮三比",
            "counted",
            3,
            ["亮目标", "亮身份", "亮承诺", "比进度", "比技能", "比业绩"],
        ),
        (
            ["园区构建“1+2+N”组织架构（“1”是综合党委，“2”是两个行业协会，“N”是N个企业党支部）。"],
            "1+2+N",
            "formula",
            3,
            ["综合党委", "两个行业协会", "N个企业党支部"],
        ),
        (
            ["园区创立“三服务一提升”体系，即服务党员、服务职工、服务企业，提升组织力。"],
            "三服务一提升",
            "counted",
            4,
            ["服务党员", "服务职工", "服务企业", "提升组织力"],
        ),
        (["园区推行“七联七带”工作法。"], "七联七带", "counted", 7, []),
        # made up: one quoted list, then a counted name with no head, cut at the word after its numeral
        (
            ["园区建立“党委主抓、部门主推、企业主体”三方协同推进责任体系。"],
            "三方协同",
            "counted",
            3,
            ["党委主抓", "部门主推", "企业主体"],
        ),
        (["物流园探索“甲站安家、乙站暖家”两步法。"], "两步法", "counted", 2, ["甲站安家", "乙站暖家"]),
        # made up: a keyed list's items are its parts, the first one cut from the words before it
        (["园区推动东城甲园、乙园、丙园三园联动。"], "三园联动", "counted", 3, ["甲园", "乙园", "丙园"]),
        (  # made up: a keyed list after a counted name is the keyed name's; the list before is the parts
            [
                "园区围绕甲项、乙项、丙项等三个方面，开展“三比三晒”活动，通过东区、西区、南区三区联动，凝聚合力。"
            ],
            "三比三晒",
            "counted",
            3,
            ["甲项", "乙项", "丙项"],
        ),
        (  # made up: a counted name on the keyed list's own character keeps the list as its parts
            ["园区开展“三区”共建，通过东区、西区、南区三区联动，凝聚合力。"],
            "三区",
            "counted",
            3,
            ["东区", "西区", "南区"],
        ),
        (  # made up: an ordinal heading (一、) before a name is no item of a list
            ["一、开展“双创双培”，加强党员队伍建设。"],
            "双创双培",
            "counted",
            2,
            [],
        ),
        (  # made up: one word quoted in every item (the name's key): the items are the parts, unquoted
            ["园区推行“三个零”服务法，即审批“零”等待、服务“零”距离、办事“零”跑腿，方便企业。"],
            "三个零",
            "counted",
            3,
            ["审批零等待", "服务零距离", "办事零跑腿"],
        ),
        (  # made up: a list joined by 的 to a formula it does not fit, the 的 not in its last item
            ["园区通过甲乙共抓、丙丁共管、戊己共建、庚辛共办的“3+1”工作思路推动发展。"],
            "3+1",
            "formula",
            2,
            ["甲乙共抓", "丙丁共管", "戊己共建", "庚辛共办"],
        ),
    ],
)
def test_kinds_counts_and_parts(paragraphs, name, kind, expected, parts):
    e = found(*paragraphs)[name]
    assert (e["kind"], e["expected_count"], e["components"]) == (kind, expected, parts)


def test_a_goal_with_a_party_building_word_stays_a_programme():
    # made up: 党建 in a name with a goal's tail: a model the zone builds for Party-building
    assert "滨江党建示范高地" in found("园区全力打造“滨江党建示范高地”品牌。")


@pytest.mark.parametrize("joiner", ["和", "以及"])
def test_a_counted_list_joined_by_a_word_spans_from_its_first_item(joiner):
    sentence = f"园区将党建嵌入甲乙、丙丁、戊己制造{joiner}庚辛物流四大产业联盟。"
    (mention,) = initiative_mentions.find_initiative_mentions(sentence)
    assert sentence[mention.start : mention.end] == f"甲乙、丙丁、戊己制造{joiner}庚辛物流四大产业联盟"


def test_a_count_of_levels_after_a_quoted_list_is_no_name():
    # made up: 三级 counts levels; the list stays what it was, a slogan with a head after 的
    names = found("形成“党工委统筹、链主负责、小组执行”的三级党建工作体系。")
    assert "三级党建" not in names and "党工委统筹、链主负责、小组执行" in names


def test_a_counted_brand_keeps_its_parts_when_the_text_lists_them_all():
    e = found("园区打造“三力聚能”党建品牌，着力建构“引领力、支撑力、凝聚力”内生机制。")["三力聚能"]
    assert e["components"] == ["引领力", "支撑力", "凝聚力"]


def test_a_counted_name_with_no_evidence_but_its_listed_parts():
    assert found("园区聚焦思想、人才、服务“三种赋能”。")["三种赋能"]["components"] == ["思想", "人才", "服务"]
    assert found("园区坚持“三种赋能”。") == {}  # a count with nothing listed and nothing naming it


def test_the_parts_of_a_numeral_and_one_character_hold_that_character():
    # made up: 三力's parts are three 力, not the three things listed before it
    text = "园区结合企业集聚、人才集中、服务集成等特点，提升“三力”：凝聚力、引领力、创新力。"
    assert found(text)["三力"]["components"] == ["凝聚力", "引领力", "创新力"]
    assert "三力" not in found("园区结合企业集聚、人才集中、服务集成等特点，提升“三力”。")


# --- the gates: a sentence a rule is not asked about is one its patterns cannot match -----------------


def _bare_or_parallel_matches(sentence: str) -> bool:
    """Whether a pattern of the unquoted formulas or of the parallel names matches (the rules' own
    patterns, asked without their gates)."""
    low, high = load_initiative_rules().parallel_half_chars
    patterns = [unquoted_names.RE_BARE_FORMULA, unquoted_names.RE_BARE_CHAIN]
    patterns += [unquoted_names._parallel_pattern(size) for size in range(low, high + 1)]
    return any(p.search(sentence) for p in patterns)


def _gated(sentence: str) -> bool:
    low, high = load_initiative_rules().parallel_half_chars
    parallel = unquoted_names._parallel_pattern(low, high).search(sentence)
    return unquoted_names.may_hold_formula(sentence) or bool(parallel)


def test_the_unquoted_rules_gates_pass_every_real_sentence_their_patterns_match():
    sentences = [s for text in real_texts() for line in text.split("\n") for s in split_sentences(line)]
    matched = [s for s in sentences if _bare_or_parallel_matches(s)]
    assert len(matched) > 100
    assert all(_gated(s) for s in matched)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="一二三双四个组织品牌党建+＋1２3，", max_size=14))
def test_the_unquoted_rules_gates_pass_every_sentence_their_patterns_match(sentence):
    assert _gated(sentence) or not _bare_or_parallel_matches(sentence)


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def test_the_counted_lists_are_found_where_the_pattern_finds_them_in_every_real_sentence():
    pattern = load_initiative_rules().re_counted_list
    sentences = [s for text in real_texts() for line in text.split("\n") for s in split_sentences(line)]
    listed = [s for s in sentences if pattern.search(s)]
    assert len(listed) > 20
    for sentence in sentences:
        assert _spans(counted_list_matches(sentence, pattern)) == _spans(pattern.finditer(sentence))


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="任务责任进度问题等四三张项清单、，1a", max_size=40))
def test_the_counted_lists_are_found_where_the_pattern_finds_them(sentence):
    pattern = load_initiative_rules().re_counted_list
    assert _spans(counted_list_matches(sentence, pattern)) == _spans(pattern.finditer(sentence))


def _run_by_characters(sentence: str, at: int) -> str:
    """descriptor_run as the rule says it, character by character: the words at `at` up to a stop
    character or a digit after the first character."""
    stops = load_initiative_rules().descriptor_stops
    m = RE_RUN.match(sentence, at)
    run = m.group(0) if m else ""
    return next((run[:i] for i, ch in enumerate(run) if ch in stops or (i and ch.isdigit())), run)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="工作机制为总品牌的和与1２3a“”，", max_size=16), st.integers(0, 16))
def test_the_descriptor_run_stops_where_the_rule_says(sentence, at):
    rules = load_initiative_rules()
    assert initiative_mentions.descriptor_run(sentence, at, rules) == _run_by_characters(sentence, at)
