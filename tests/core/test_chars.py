"""Sentence splitting and character classes shared by the extractors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import has_cjk, split_sentences


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
