"""Themes from the taxonomy data file."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.extract.themes import Taxonomy, load_taxonomy, tag_themes, theme_hits


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("嘉兴高新区常态化走访摸排企业发展难题，精准破解企业用工、融资、审批、技改等发展堵点", "营商服务"),
        ("辖区“三有”非公有制企业党组织覆盖率达78.02%", "组织建设"),
        ("小区业委会（物管会）组建率达99.5%，94.6%的矛盾纠纷实现就地化解", "基层治理"),
        ("今年是中国共产党成立100周年，昆山高新区开展党史学习教育", "党史学习"),
        ("目前昆山高新区城市绿地覆盖率33.4%，人均绿地面积8.1平方米", "绿色发展"),
    ],
)
def test_tag_themes_real_sentences(text, first):
    assert tag_themes(text)[0] == first


def test_no_theme_for_unrelated_text():
    assert tag_themes("今天天气很好。") == []


def test_taxonomy_is_the_data_file():
    spec = json.loads(config.rule_file("themes.json").read_text(encoding="utf-8"))
    assert load_taxonomy().names == list(spec["themes"])
    assert {
        "组织建设",
        "产业链与科创",
        "营商服务",
        "基层治理",
        "人才",
        "民生服务",
        "绿色发展",
        "党史学习",
    } <= set(spec["themes"])


def test_edited_taxonomy_changes_tags(tmp_path):
    path = tmp_path / "themes.json"
    path.write_text(json.dumps({"themes": {"天气": ["天气"]}}), encoding="utf-8")
    assert tag_themes("今天天气很好。", taxonomy=load_taxonomy(path)) == ["天气"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="党建引领红色村aa", max_size=20))
def test_theme_hits_count_each_keyword_as_str_count_does(text):
    tx = Taxonomy(
        themes={"甲": ("党建", "aa", "村"), "乙": ("建引领", "党建", "aa")}, max_themes=3, min_hits=1
    )
    expected = {name: sum(text.count(w) for w in words) for name, words in tx.themes.items()}
    assert theme_hits(text, taxonomy=tx) == {name: n for name, n in expected.items() if n}
