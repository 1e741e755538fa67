"""Enumerations: the items a clause lists. Made-up clauses, one per pattern."""

from __future__ import annotations

import pytest

from lib.extract.enumerations import after_lead_verb, enumeration, plausible_parts
from lib.extract.initiative_parts import _mask_terms
from lib.extract.initiative_rules import load_initiative_rules


def listed(text: str, key: str | None = None) -> tuple[list[str], bool]:
    return enumeration(text, _mask_terms(text), key=key, rules=load_initiative_rules())


@pytest.mark.parametrize(
    ("text", "key", "items", "quoted"),
    [
        (
            "开展发展论坛、研讨培训、专题党课",
            None,
            ["发展论坛", "研讨培训", "专题党课"],
            False,
        ),  # the verb trimmed
        ("建强“一个核心”、组建“一套班子”", None, ["一个核心", "一套班子"], True),  # one quoted term per item
        ("“强组织”“优服务”“促发展”", None, ["强组织", "优服务", "促发展"], True),  # adjacent quoted terms
        ("“党建+网格+服务”", None, ["党建", "网格", "服务"], True),  # a quoted chain
        # items cut to the shape of the middle ones, on their key
        ("实现组织联建、资源联享、治理联抓全方位联动", "联", ["组织联建", "资源联享", "治理联抓"], False),
        ("园区召开会议", None, [], False),  # no list
    ],
)
def test_enumeration(text, key, items, quoted):
    assert listed(text, key) == (items, quoted)


def test_after_lead_verb():
    rules = load_initiative_rules()
    assert after_lead_verb("构建一处专窗", rules) == "一处专窗"
    assert after_lead_verb("专窗", rules) == "专窗"
    assert after_lead_verb("组建了智能制造", rules) == "智能制造"  # made up
    assert after_lead_verb("下设临空服务", rules) == "临空服务"


@pytest.mark.parametrize(
    ("parts", "name", "kept"),
    [
        # made up: a 的 that joined the last part to the name is no part of it
        (["甲乙共抓", "丙丁共建的"], "1+1", ["甲乙共抓", "丙丁共建"]),
        # a single character beside a long part: words cut out of a sentence, not a list
        (["会议认真学习贯彻中央和省", "市", "区委系列会议精神"], "两代表一委员", []),
        # … unless they are the terms of the name itself
        (["区", "街道", "社区党组织"], "区—街道—社区党组织", ["区", "街道", "社区党组织"]),
        (["实", "活", "效"], "三字经", ["实", "活", "效"]),  # single characters alike
        (["“一体架构”", "落实“企业吹哨"], "双轮驱动", []),  # a quote left open
        (["零", "零", "零距离"], "三个零", []),  # a part twice
        (["党委", "7"], "双岗坐班", []),  # a number for a part
    ],
)
def test_plausible_parts(parts, name, kept):
    assert plausible_parts(parts, name, load_initiative_rules()) == kept
