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
