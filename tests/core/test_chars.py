"""Sentence splitting and character classes shared by the extractors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import (
    any_word,
    chinese_number,
    find_longest,
    has_cjk,
    last_clause,
    proper_suffix,
    split_sentences,
    word_automaton,
)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("走访企业近4000家次；协调解决难题80余项。", ["走访企业近4000家次；", "协调解决难题80余项。"]),
        ("没有句号的一句", ["没有句号的一句"]),
        ("是吗？是的！", ["是吗？", "是的！"]),
        ("", []),
    ],
)
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "expected"), [("党建", True), ("abc 123", False), ("", False), ("㐀", True)]
)
def test_has_cjk(text, expected):
    assert has_cjk(text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_sentences_keeps_every_non_space_character(text):
    assert "".join("".join(split_sentences(text)).split()) == "".join(text.split())
    assert all(s.strip() for s in split_sentences(text))


def test_clean_controls_keeps_text_and_breaks_and_drops_the_rest():
    from lib.core.chars import clean_controls

    assert clean_controls("第一页\f第二页") == "第一页\n第二页"
    assert clean_controls("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean_controls("党\x00建\x1b[31m\x9b引领\t发展") == "党建[31m引领\t发展"
    assert clean_controls("正常的文字。") == "正常的文字。"


def _alternation(words: set[str], bounded: bool) -> str:
    """The pattern `find_longest` stands for: the words longest first, with Latin boundaries if asked."""
    alternatives = []
    for w in sorted(words, key=lambda w: (-len(w), w)):
        before = r"(?<![A-Za-z0-9])" if bounded and re.match("[A-Za-z0-9]", w[0]) else ""
        after = r"(?![A-Za-z0-9])" if bounded and re.match("[A-Za-z0-9]", w[-1]) else ""
        alternatives.append(before + re.escape(w) + after)
    return "|".join(alternatives) or "(?!)"


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="aAb12 党建+", max_size=16),
    st.sets(st.text(alphabet="aAb12 党建+", min_size=1, max_size=4), max_size=5),
    st.booleans(),
)
def test_find_longest_finds_what_an_alternation_longest_first_finds(text, words, bounded):
    expected = [m.span() for m in re.finditer(_alternation(words, bounded), text)]
    assert find_longest(text, words, bounded=bounded) == expected


def test_find_longest_keeps_a_bounded_number_out_of_a_longer_one():
    assert find_longest("11450与1145", ["1145"], bounded=True) == [(6, 10)]
    assert find_longest("11450与1145", ["1145"]) == [(0, 4), (6, 10)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab，,；。：、“”", max_size=12))
def test_last_clause_is_the_last_piece_of_a_split(text):
    assert last_clause(text, "，,；;。：:、“”") == re.split(r"[，,；;。：:、“”]", text)[-1]


def test_word_automaton_finds_each_word_with_its_value():
    automaton = word_automaton({"高新区": 1, "新区": 2})
    found = sorted((end, value) for end, value in automaton.iter("昆山高新区和新区"))
    assert found == [(4, 1), (4, 2), (7, 2)]
    assert word_automaton({}) is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="高新区开发园", min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    st.text(alphabet="高新区开发园，", max_size=16),
)
def test_word_automaton_finds_what_an_alternation_longest_first_finds(words, text):
    """iter_long is leftmost-longest (pyahocorasick's missed some: 区 at the end of 新区 when 新区园 is a
    word); iter is every occurrence, overlapping ones included."""
    automaton = word_automaton({w: w for w in words})
    alternation = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    assert automaton.iter_long(text) == [(m.end() - 1, m.group(0)) for m in alternation.finditer(text)]
    every = [(i + len(w) - 1, w) for w in words for i in range(len(text)) if text.startswith(w, i)]
    assert sorted(automaton.iter(text)) == sorted(every)
    assert len(automaton) == len(words)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三千", 3000),
        ("两百", 200),
        ("十五", 15),
        ("一百零一", 101),
        ("百", 100),
        ("一亿二千万", 120_000_000),
    ],
)
def test_chinese_number(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["一二三", "三个", "", "零"])
def test_no_chinese_number(text):
    assert chinese_number(text) is None


WORDS = st.lists(st.text(alphabet="ab党建\n", max_size=3), max_size=4).map(tuple)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab党建\n.", max_size=12), WORDS, st.integers(0, 4))
def test_any_word_finds_what_a_loop_over_the_words_finds(text, words, gap):
    assert bool(any_word(words).search(text)) == any(w in text for w in words)
    near_end = any((i := text.rfind(w)) >= 0 and len(text) - i - len(w) <= gap for w in words)
    assert bool(any_word(words, ending_within=gap).search(text)) == near_end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab党建\n.", max_size=8), WORDS)
def test_proper_suffix_is_a_longer_text_ending_with_a_word(text, words):
    expected = any(text.endswith(w) and len(text) > len(w) for w in words)
    assert bool(proper_suffix(words).fullmatch(text)) == expected
