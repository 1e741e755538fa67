"""Rule and lexicon files: one parser per format, and values compiled once per content."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.core import rulefiles
from lib.core.errors import RuleFileError


def test_entries_skip_comments_blanks_duplicates_and_extra_fields():
    text = "\ufeff# header\n\n两新组织\n  党建联建  \n两新组织\n# 注释\n红色管家\tnz\n"
    assert rulefiles.entries(text.encode("utf-8")) == ["两新组织", "党建联建", "红色管家"]
    assert rulefiles.entries(None) == []


def test_enterprise_lines():
    text = (
        "# comment = not a name\n沪士电子 = 沪士电子股份有限公司\n丘钛科技, 丘钛微电子，丘钛 = 昆山丘钛微电子科技股份有限公司\n"
        "乐美包装\n= 、 =\n迈胜质子 | 迈胜\n"
    )
    assert rulefiles.enterprise_lines(text.encode("utf-8")) == [
        (("沪士电子",), "沪士电子股份有限公司"),
        (("丘钛科技", "丘钛微电子", "丘钛"), "昆山丘钛微电子科技股份有限公司"),
        (("乐美包装",), None),
        (("迈胜质子", "迈胜"), None),
    ]


def test_a_value_is_compiled_once_per_content_and_again_after_an_edit(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("甲\n乙\n", encoding="utf-8")
    calls = []

    def build(content):
        calls.append(content)
        return tuple(rulefiles.entries(content))

    assert rulefiles.compiled(build, path) == ("甲", "乙")
    assert rulefiles.compiled(build, path) == ("甲", "乙")
    assert len(calls) == 1
    path.write_text("丙\n", encoding="utf-8")  # same size, same second: only the content tells
    assert rulefiles.compiled(build, path) == ("丙",)
    path.unlink()
    assert rulefiles.compiled(build, path) == ()


def test_pinned_reads_each_file_once(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("甲\n", encoding="utf-8")
    with rulefiles.pinned():
        assert rulefiles.read_bytes(path) == "甲\n".encode()
        path.write_text("乙\n", encoding="utf-8")
        assert rulefiles.read_bytes(path) == "甲\n".encode()  # the whole build sees one version
    assert rulefiles.read_bytes(path) == "乙\n".encode()


@pytest.mark.parametrize("content", [None, b"{", b"[1, 2]", b"\xff\xfe"])
def test_bad_json_rules_name_the_file(content):
    with pytest.raises(RuleFileError, match="zones.json"):
        rulefiles.json_rules(content, name="zones.json")


def test_a_key_written_twice_is_refused_naming_the_key_and_the_file():
    content = '{"heads": ["甲"], "x": {"a": 1, "a": 2}}'.encode()
    with pytest.raises(RuleFileError, match="initiatives.json.*“a”"):
        rulefiles.json_rules(content, name="initiatives.json")
    assert rulefiles.json_rules(b'{"a": {"b": 1}, "b": 2}', name="x.json") == {"a": {"b": 1}, "b": 2}


def test_longest_first_and_alternation():
    assert rulefiles.longest_first(["区", "高新区", "区"]) == ("高新区", "区")
    assert rulefiles.alternation(["a.b", "a"]) == r"a\.b|a"
    assert rulefiles.alternation([]) == "(?!)"


GATED = [re.compile(p) for p in (r"ab+", r"\d{2,3}", r"(?:x|y)z?", r"[a-c]*d", r"来源\s*[:：].{0,3}")]


@given(st.text(alphabet="abcdxyz0123来源：: ", max_size=8))
@settings(max_examples=400, deadline=None)
def test_any_of_matches_where_one_of_the_patterns_does(text):
    gate = rulefiles.any_of(GATED)
    assert bool(gate.fullmatch(text)) == any(p.fullmatch(text) for p in GATED)
    assert bool(gate.search(text)) == any(p.search(text) for p in GATED)


@pytest.mark.parametrize(
    "sources",
    [
        [],
        [r"(a)\1", r"b"],  # a back-reference would point elsewhere
        [r"(?P<x>a)(?P=x)"],
        [r"(?i)ab", r"c"],  # a global flag
        [r"(?P<x>a)", r"(?P<x>b)"],  # a group name used twice
    ],
)
def test_any_of_refuses_what_an_alternation_would_change(sources):
    assert rulefiles.any_of(re.compile(s) for s in sources) is None
    assert rulefiles.any_of([re.compile("a", re.IGNORECASE)]) is None


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        (
            r"(?:中国[（(](?P<p>\w{2,3})[）)]|(?P<q>\w{2,3}))?(?:自由贸易试验区|自贸区)(?P<place>\w{2,6}?)(?<!新)片区",
            "片区",
        ),
        (r"a[bc]de", "de"),
        (r"(?:xy)+z", "xy"),
        (r"(?:xy)?z", "z"),
        (r"ab*c", "a"),
        (r"(?=abc)x", "x"),
        (r"(?:abc){2}", "abc"),
        (r"x|yz", ""),  # either branch: no letter is in every match
        (r"(?i)abc", ""),  # a case-blind match need not hold the letters as written
        (r"\d+", ""),
    ],
)
def test_required_literal(source, literal):
    assert rulefiles.required_literal(re.compile(source)) == literal


GATE_SOURCES = [r"a(?:bc|d)+c?", r"(?:ab)?c(?:da)*b", r"[ab]c(?<!b)d", r"(?:xa|b)y(?:ab){1,2}", r"a\d?bc|c"]


@given(st.text(alphabet="abcdxy0", max_size=12))
@settings(max_examples=400, deadline=None)
def test_every_match_holds_the_required_literal(text):
    for source in GATE_SOURCES:
        pattern = re.compile(source)
        literal = rulefiles.required_literal(pattern)
        assert all(literal in m.group(0) for m in pattern.finditer(text))
        assert literal in text or pattern.search(text) is None


@pytest.mark.parametrize(
    ("source", "first"),
    [
        (r"a|b", "ab"),
        (r"(?:x)?y", "xy"),
        (r"\d+年", r"\d"),
        (r"(?<=x)ab", "a"),
        (r"(?:ab|)c", "ac"),
        (r"[a-c\s]x", r"a-c\s"),
        (r"截至(?:今年)|第?[一二]季度", "截第一二"),
        (r"[^a]b", None),  # a negated class: almost any character
        (r".a", None),
        (r"a*", None),  # an empty match starts anywhere
        (r"(?i)ab", None),
    ],
)
def test_first_chars(source, first):
    assert rulefiles.first_chars(re.compile(source)) == first


GATED_SOURCES = [
    r"(?:x|ab)?(?<![c])\d+(?P<unit>个|家)?",
    r"(?:ab|)c(?=d)",
    r"(a)b\1|x{2,}",
    r"\s*[a-c]",
    r"(?:(?P<w>ab)|(?P<n>\d))y?",
]


@given(st.text(alphabet="abcdxy12 个家", max_size=14))
@settings(max_examples=400, deadline=None)
def test_a_gated_pattern_finds_what_the_pattern_finds(text):
    for source in GATED_SOURCES:
        pattern = re.compile(source)
        gated = rulefiles.gated(pattern)
        assert gated is not pattern
        found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups(), m.groupdict()) for m in gated.finditer(text)] == found


@pytest.mark.parametrize("path", sorted(config.RULES_DIR.glob("*.json")), ids=lambda p: p.name)
def test_shipped_json_rule_files_name_each_key_once(path):
    # a key written twice would be silently overridden by its second value: json_rules refuses such a file
    assert rulefiles.json_rules(path.read_bytes(), name=path.name)
