"""Metrics extractor: real sentences of the corpus (repaired form) and small texts for edge cases."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import split_sentences
from lib.extract import quantities
from lib.extract.metric_context import respective_labels
from lib.extract.metrics import (
    KINDS,
    METRIC_KEYS,
    _clean,
    extract_metrics,
    extract_metrics_from_text,
    load_rules,
)
from lib.extract.quantities import find_quantities, normalise
from tests.samples import real_texts


def _matches(metric: dict, want: dict) -> bool:
    for key, expected in want.items():
        got = metric[key]
        if isinstance(expected, float) and isinstance(got, float):
            if not math.isclose(got, expected, rel_tol=1e-9):
                return False
        elif got != expected:
            return False
    return True


def _assert_has(sentence: str, want: dict) -> None:
    metrics = extract_metrics(sentence)
    assert any(_matches(m, want) for m in metrics), f"{want} not in {metrics}"


# --- real sentences: every listed metric must come out with these fields ---------------------------

CORPUS = [
    (
        "“十四五”以来，该高新区生产总值突破千亿元关口，2025年站稳1200亿元台阶，一般公共预算收入超百亿元，规模以上工业总产值达1828亿元。",
        [
            dict(
                label="规模以上工业总产值",
                value=1828.0,
                unit="亿元",
                base_value=1.828e11,
                base_unit="元",
                qualifier=None,
                kind="amount",
            ),
            dict(
                label="一般公共预算收入",
                value=100.0,
                unit="亿元",
                qualifier="超",
                qualifier_kind="lower_bound",
                raw="超百亿元",
            ),
            dict(
                label="生产总值",
                value=1000.0,
                unit="亿元",
                qualifier="突破",
                qualifier_kind="lower_bound",
                year=None,
            ),
            dict(label="生产总值", value=1200.0, unit="亿元", year=2025),
        ],
    ),
    (
        "昆山高新区成立4个专项攻坚小组，采取“单独建支部、联合建支部、派驻帮建”等方式，辖区6家上市企业、24家国家级专精特新“小巨人”企业均独立建立党支部，实现全覆盖，辖区“三有”非公有制企业党组织覆盖率达78.02%。",
        [
            dict(label="党组织覆盖率", value=78.02, unit="%", base_unit="%", kind="rate"),
            dict(label="上市企业", value=6.0, unit="家", kind="count"),
            dict(label="国家级专精特新“小巨人”企业", value=24.0, unit="家"),
            dict(label="专项攻坚小组", value=4.0, unit="个"),
        ],
    ),
    (
        "上半年，园区完成地区生产总值1607亿元，一般公共预算收入192.2亿元，规上工业总产值3016.7亿元，各项指标加速修复、回稳向好。",
        [
            dict(label="地区生产总值", value=1607.0, unit="亿元", base_value=1.607e11),
            dict(label="一般公共预算收入", value=192.2, unit="亿元", base_value=1.922e10),
            dict(label="规上工业总产值", value=3016.7, unit="亿元"),
        ],
    ),
    (
        "嘉兴高新区常态化走访摸排企业发展难题，精准破解企业用工、融资、审批、技改等发展堵点，2025年累计走访企业近4000家次，协调解决各类企业发展难题80余项。",
        [
            dict(
                label="走访企业",
                value=4000.0,
                unit="家次",
                qualifier="近",
                qualifier_kind="approx",
                year=2025,
                raw="近4000家次",
            ),
            dict(
                label="协调解决各类企业发展难题",
                value=80.0,
                unit="项",
                qualifier="余",
                qualifier_kind="lower_bound",
                year=2025,
            ),
        ],
    ),
    (
        "昆山富士康高度重视研发投入，每年将销售收入的15%—20%用于新技术研发。",
        [dict(value=15.0, value_high=20.0, unit="%", kind="rate", raw="15%—20%")],
    ),
    (
        "昆山高新区在工业和信息化部近日公布的2024年国家高新区综合评价结果中位列第31名，实现“八连升”；",
        [
            dict(
                label="国家高新区综合评价排名",
                value=31.0,
                unit="名",
                kind="rank",
                year=2024,
                raw="第31名",
                base_value=None,
            )
        ],
    ),
    (
        "数据显示，2020年，昆山高新区完成一般公共预算收入首次突破100亿元大关，达100.41亿元，同比增长5.6%。",
        [
            dict(label="一般公共预算收入", value=100.41, unit="亿元", year=2020, qualifier=None),
            dict(
                label="一般公共预算收入",
                value=100.0,
                qualifier="突破",
                qualifier_kind="lower_bound",
                year=2020,
            ),
            dict(label="一般公共预算收入同比增长", value=5.6, unit="%", kind="growth", year=2020),
        ],
    ),
    (
        "目前该高新区拥有江苏省级潜在独角兽企业13家、瞪羚企业72家，备案科技型中小企业1172家，高新技术产业产值占规模以上工业比重达74.4%，科创产业“热带雨林”生态持续成形。",
        [
            dict(label="江苏省级潜在独角兽企业", value=13.0, unit="家"),
            dict(label="瞪羚企业", value=72.0, unit="家"),
            dict(label="备案科技型中小企业", value=1172.0, unit="家"),
            dict(label="高新技术产业产值占规模以上工业比重", value=74.4, unit="%", kind="rate"),
        ],
    ),
    (
        "作为昆山城央板块，昆山高新区承载超73万常住人口、15万余家经营主体，人口结构多元、治理诉求繁杂。",
        [
            dict(
                label="常住人口",
                value=73.0,
                unit="万",
                base_value=730000.0,
                base_unit="人",
                qualifier="超",
                qualifier_kind="lower_bound",
            ),
            dict(
                label="经营主体",
                value=15.0,
                unit="万家",
                base_value=150000.0,
                base_unit="家",
                qualifier="余",
                qualifier_kind="lower_bound",
            ),
        ],
    ),
    (
        "丰富“积分贷”“积分投”等金融应用场景，为87家企业提供授信额度13.7亿元，构建党建赋能、助企纾困、成果转换的创新服务生态系统。",
        [
            dict(label="授信额度", value=13.7, unit="亿元", base_value=1.37e9),
            dict(label="企业", value=87.0, unit="家"),
        ],
    ),
    (
        "2021年公办学中小学、幼儿园项目支出预算4461.69万元；",
        [dict(value=4461.69, unit="万元", base_value=44616900.0, base_unit="元", year=2021)],
    ),
    (
        "全区22个村可支配收入由2016年的16593.44万元上升至2020年的23997.37万元，连续5年保持增长态势，增长率达45%。",
        [
            dict(label="可支配收入", value=16593.44, year=2016),
            dict(label="可支配收入", value=23997.37, year=2020),
            dict(label="可支配收入增长率", value=45.0, unit="%", kind="growth"),
        ],
    ),
    (
        "同时，昆山高新区深入推进“温暖+1℃”民生实事工程，小区业委会（物管会）组建率达99.5%，94.6%的矛盾纠纷实现就地化解。",
        [
            dict(label="小区业委会（物管会）组建率", value=99.5, unit="%"),
            dict(label="矛盾纠纷实现就地化解", value=94.6, unit="%"),
        ],
    ),
    (
        "提供可选服务近百项菜单，累计服务人才100余人次，服务人才企业500家次。",
        [
            dict(label="可选服务", value=100.0, unit="项", qualifier="近百", qualifier_kind="approx"),
            dict(label="服务人才", value=100.0, unit="人次", qualifier="余"),
            dict(label="服务人才企业", value=500.0, unit="家次"),
        ],
    ),
    (
        "规划新建超10万平方米科创载体、超2000套人才公寓，用“一站式”服务解决人才后顾之忧。",
        [
            dict(
                label="科创载体",
                value=10.0,
                unit="万平方米",
                base_value=100000.0,
                base_unit="平方米",
                kind="measure",
            ),
            dict(label="人才公寓", value=2000.0, unit="套", qualifier="超"),
        ],
    ),
    (
        "截至目前，嘉兴高新区光伏产业链已累计产出技术创新成果与国家专利500余项。",
        [dict(label="产出技术创新成果与国家专利", value=500.0, unit="项")],
    ),
    (
        "昆山高新区通过实施人才“初心、无忧、成就”3项计划，推出12项暖心服务举措，精准对接人才公寓、子女入学等核心诉求。",
        [dict(label="暖心服务举措", value=12.0, unit="项")],
    ),
    (
        "昆山高新区50万人人才总量持续赋能产业创新。",
        [dict(label="人才总量", value=50.0, unit="万人", base_value=500000.0, base_unit="人")],
    ),
]


@pytest.mark.parametrize(("sentence", "wanted"), CORPUS, ids=[s[:12] for s, _ in CORPUS])
def test_corpus_sentence(sentence: str, wanted: list[dict]) -> None:
    for want in wanted:
        _assert_has(sentence, want)


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # the whole list, so names and numbers inside names cannot sneak in
        (
            "“昆山高新区深化‘1+4+N’党建工作矩阵，依托新城北、阳科园、吴淞江和社会组织4个区域党建工作站，对高新区836家规模以上企业开展地毯式摸排。”",
            ["区域党建工作站", "规模以上企业"],
        ),
        (
            "去年以来，开办党务实训营12期、专题培训班2期，完成49名党务工作者发展党员履职资格认证，建成39人的稳定专业党务队伍。",
            ["开办党务实训营", "专题培训班", "党务工作者发展党员", "稳定专业党务队伍"],
        ),
        (
            "大渔村构建“党组织+警网双格+卫星消防站+物业”四方协同机制，全村663栋农村自建房全覆盖安装5G烟感、智慧门禁，358处AI监控设施实时值守，人防技防融合筑牢乡村平安防线。",
            ["农村自建房", "AI监控设施"],
        ),
        ("截至目前，全区集聚40多个国家和地区外投资项目超1400个。", ["国家和地区外投资项目"]),
        ("启用以来，中心日均接待150余名村民，40多名老人固定在此就餐。", ["村民", "老人"]),
        (
            "专班就地协调解决各类难题，推动企业总部研发大楼提前2个月封顶，3号厂房桩基工程提前4个月动工，整条高端生产线投产时间较原计划提前1年。",
            [],
        ),
        (
            "根据产业布局，推进以建强“一个核心”、实施“四项工程”、做优“五联机制”为内容的“1145”产业集群党建工作。",
            [],
        ),
        ("5月31日，昆山高新区举行庆祝建党100周年暨党史学习教育主题活动。", []),
        ("“98后”骑手熊维波长期扎根社区服务。", []),
        ("2024年，朗玛信息“39AI全科医生”项目荣获年度特别推荐案例奖。", []),
        ("连续4年被评为贵州省服务业企业50强，并在2023年成功登陆深圳证券交易所创业板。", []),
        ("该中心设有餐厅、理发室、多功能厅等多个功能空间，为村65周岁以上老人供餐。", []),
        ("聚焦光伏新能源这一千亿元主导产业，嘉兴高新区光伏产业链党委牵头建强攻坚堡垒。", []),
        (
            "在2024中小城市高质量发展交流会发布的《2024年度全国综合实力千强镇》榜单中，昆山高新区（玉山镇）蝉联第一……",
            [],
        ),
        ("“公司党支部牵头，有6名来自研发中心。”", []),
        # a list of indicators answered in order by the numbers after 分别
        (
            "今年园区营业收入、工业产值和税收总额等指标分别增长15%、12%、9%。",
            ["营业收入", "工业产值", "税收总额"],
        ),
        ("全年新增党组织和党员分别为8个、96名。", ["新增党组织", "党员"]),
        # a number changed to another: both are what is counted, not the verb of change
        ("园区两新党支部由6个调整为11个。", ["两新党支部", "两新党支部"]),
        ("企业党组织已由2个发展到9个。", ["企业党组织", "企业党组织"]),
        ("园区建成3个党群服务站为企业服务。", ["党群服务站为企业服务"]),  # 为 not before a number
        ("园区有企业80家，党员达到350名。", ["企业", "党员"]),  # a clause of its own: its own label
    ],
    ids=lambda v: v[:10] if isinstance(v, str) else None,
)
def test_labels_exactly(sentence: str, labels: list[str]) -> None:
    assert [m["label"] for m in extract_metrics(sentence)] == labels


# --- edge cases written for the rules, not taken from the corpus --------------------------------

EDGE = [
    (
        "全年培训党员三千余人。",
        dict(
            label="培训党员",
            value=3000.0,
            unit="人",
            qualifier="余",
            qualifier_kind="lower_bound",
            raw="三千余人",
        ),
    ),
    ("新增两百家企业入驻园区。", dict(label="入驻园区的企业", value=200.0, unit="家")),
    ("开展活动百余项。", dict(label="开展活动", value=100.0, unit="项", qualifier="余")),
    (
        "吸引上万人次参观展览。",
        dict(value=10000.0, unit="人次", qualifier="上万", qualifier_kind="lower_bound"),
    ),
    (
        "全年接待游客上千万人次。",
        dict(value=1000.0, unit="万人次", base_value=1e7, base_unit="人次", qualifier="上千"),
    ),
    ("研发投入占比为3~5%。", dict(label="研发投入占比", value=3.0, value_high=5.0, unit="%")),
    ("研发投入5-8亿元。", dict(label="研发投入", value=5.0, value_high=8.0, unit="亿元", base_value=5e8)),
    ("培育企业10至15家。", dict(label="培育企业", value=10.0, value_high=15.0, unit="家")),
    ("培训党员3000—5000人次。", dict(value=3000.0, value_high=5000.0, unit="人次")),
    ("工业产值同比下降3.2%。", dict(label="工业产值同比下降", value=-3.2, unit="%", kind="growth")),
    ("党员比例提高2.5个百分点。", dict(label="党员比例提高", value=2.5, unit="个百分点", kind="growth")),
    (
        "2023年，园区实现进出口总额1200亿美元，同比下降4.1%。",
        dict(label="进出口总额同比下降", value=-4.1, kind="growth", year=2023),
    ),
    (
        "实现营业收入１２３亿元。",
        dict(label="营业收入", value=123.0, unit="亿元", base_value=1.23e10, raw="１２３亿元"),
    ),
    ("共有党员1,200名。", dict(label="党员", value=1200.0, unit="名")),
    (
        "全市常住人口约1200万。",
        dict(label="常住人口", value=1200.0, unit="万", base_value=1.2e7, base_unit="人", qualifier="约"),
    ),
    ("投资不足1亿元。", dict(label="投资", value=1.0, qualifier="不足", qualifier_kind="upper_bound")),
    ("该区GDP增长6%左右。", dict(value=6.0, qualifier="左右", qualifier_kind="approx", kind="growth")),
    ("办结率99.5%以上。", dict(label="办结率", value=99.5, qualifier="以上", qualifier_kind="lower_bound")),
    ("位居全国第5位。", dict(label="全国排名", value=5.0, kind="rank")),
    ("企业营收从10亿元增长到20亿元。", dict(label="企业营收", value=20.0)),
]


@pytest.mark.parametrize(("sentence", "want"), EDGE, ids=[s for s, _ in EDGE])
def test_edge_case(sentence: str, want: dict) -> None:
    _assert_has(sentence, want)


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "今天天气很好，党建引领发展。",
        "深化“1+4+N”党建工作矩阵。",
        "全村安装5G烟感。",
        "3号厂房提前4个月动工。",
        "联系电话0512-57311234。",
        "带动千家万户增收。",
        "全区共有企业数千家。",
        "满足15分钟生活圈需求。",
        "“十四五”开局之年。",
        "自2019年以来，园区已启动四轮星级评定工作。",
        "一家又一家企业安装上了“红色引擎”。",
        "百家企业",
        "成立亿元楼孵化联盟。",
        "园区80名职工以上的企业都建立了党组织。",  # the threshold of a class of enterprises
        "从业人员50人以上的企业全部建立党组织。",
    ],
)
def test_no_metric(sentence: str) -> None:
    assert extract_metrics(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("园区引进100家以上的企业。", 100, "家"),  # 家 counts the enterprises themselves: a figure
        ("建成3300平方米的党群服务中心。", 3300, "平方米"),  # no 以上: a size, not a threshold
    ],
)
def test_a_figure_before_its_noun_is_not_a_threshold(sentence, value, unit):
    assert [(m["value"], m["unit"]) for m in extract_metrics(sentence)] == [(value, unit)]


def test_shape_and_offsets() -> None:
    sentence = "目前昆山高新区城市绿地覆盖率33.4%，人均绿地面积8.1平方米；"
    metrics = extract_metrics(sentence)
    assert [m["label"] for m in metrics] == ["城市绿地覆盖率", "人均绿地面积"]
    for m in metrics:
        assert tuple(m) == METRIC_KEYS
        assert sentence[m["start"] : m["end"]] == m["raw"]
        assert m["kind"] in KINDS


def test_from_text_adds_sentence() -> None:
    text = "园区完成地区生产总值1607亿元。今天天气很好。签约项目30个，总投资约150亿元。"
    metrics = extract_metrics_from_text(text)
    assert [(m["label"], m["sentence"]) for m in metrics] == [
        ("地区生产总值", "园区完成地区生产总值1607亿元。"),
        ("签约项目", "签约项目30个，总投资约150亿元。"),
        ("总投资", "签约项目30个，总投资约150亿元。"),
    ]


def test_rules_file_is_consistent() -> None:
    data = load_rules().data
    assert {u["kind"] for u in data["units"].values()} <= set(KINDS)
    kinds = {
        *data["qualifiers_before"].values(),
        *data["qualifiers_between"].values(),
        *data["qualifiers_after"].values(),
    }
    assert kinds <= {"approx", "lower_bound", "upper_bound"}
    assert set(data["rank_units"]) <= set(data["units"])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    for m in extract_metrics(text):
        assert text[m["start"] : m["end"]] == m["raw"] != ""
        assert m["label"]
    extract_metrics_from_text(text)


@pytest.mark.parametrize(
    ("label", "canonical"), [("规上工业总产值", "规模以上工业总产值"), ("党组织覆盖率", "党组织覆盖率")]
)
def test_canonical_label_from_the_alias_file(label, canonical):
    from lib.extract.metrics import canonical_label

    assert canonical_label(label) == canonical
    assert canonical_label(label, aliases={label: "别名"}) == "别名"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("园区组织党员到12家企业开展结对帮扶。", "开展结对帮扶的企业"),
        ("确定4家企业担任产业链“链主”单位。", "担任产业链“链主”单位的企业"),
        ("全区20个党组织参加述职评议。", "参加述职评议的党组织"),
        ("园区新增企业15家。", "新增企业"),  # a label before its number stays as it is
        ("园区有非公企业党组织26个。", "非公企业党组织"),  # a specific noun stays as it is
        ("园区走访8家企业，了解诉求。", "走访企业"),  # nothing they did follows: the verb counting them
        ("产业链党建联盟已覆盖80余家企业。", "覆盖企业"),
        ("今年以来发展了12名党员。", "发展党员"),
        ("累计帮扶超过30家企业。", "帮扶企业"),
        ("园区有8家企业，均已建立党组织。", "企业"),  # no counting verb before the number: unchanged
        ("园区超3万人次参与自治。", "参与自治人次"),  # no noun at all: what they did, and the unit
        ("全年3000人次参加培训。", "参加培训"),
        ("园区共有企业党支部15个。", "企业党支部"),  # not a generic noun
    ],
)
def test_a_generic_noun_is_labelled_by_what_it_did(sentence, label):
    assert [m["label"] for m in extract_metrics(sentence)] == [label]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("园区营业收入、工业产值分别增长15%、12%。", {0: "营业收入", 1: "工业产值"}),
        ("两家企业分别发展党员5名、3名。", {}),  # one item for two numbers
        ("收入、产值、税收分别增长15%、12%。", {}),  # three items for two numbers
        ("营业收入、工业产值增长15%、12%。", {}),  # no 分别
    ],
)
def test_respective_labels_need_as_many_items_as_numbers(sentence, labels):
    rules = load_rules()
    text = normalise(sentence)
    quantities = find_quantities(text, [], rules)
    assert respective_labels(text, quantities, rules.data, lambda t: _clean(t, rules)) == labels


def _quantity_matches(pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_quantity_pattern_finds_behind_its_gate_what_it_finds_without_in_every_real_sentence():
    data = quantities.load_rules().data
    gated, ungated = quantities._compile_quantity(data), quantities._compile_quantity(data, gated=False)
    sentences = [s for text in real_texts() for line in text.split("\n") for s in split_sentences(line)]
    assert sum(bool(ungated.search(s)) for s in sentences) > 500
    assert all(_quantity_matches(gated, s) == _quantity_matches(ungated, s) for s in sentences)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="近约超第上百数十5０.2,%万亿元家个人次增长下降达至—a", max_size=20))
def test_the_quantity_pattern_finds_behind_its_gate_what_it_finds_without(text):
    data = quantities.load_rules().data
    gated, ungated = quantities._compile_quantity(data), quantities._compile_quantity(data, gated=False)
    assert _quantity_matches(gated, text) == _quantity_matches(ungated, text)
