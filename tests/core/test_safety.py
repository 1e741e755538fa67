"""Outside text made safe to show, and the one size limit."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.errors import ReadError
from lib.core.safety import check_size, escape_markdown, megabytes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[点此](http://x)", r"\[点此\]\(http\:\/\/x\)"),
        ("*强调* _斜体_ `代码`", r"\*强调\* \_斜体\_ \`代码\`"),
        (":red[警告] :material/home:", r"\:red\[警告\] \:material\/home\:"),
        ("“1+4+N”党建工作矩阵", r"“1\+4\+N”党建工作矩阵"),
        ("党建联建", "党建联建"),
        ("**粗体**.txt", r"\*\*粗体\*\*\.txt"),
        ("[点我](javascript:alert(1))", r"\[点我\]\(javascript\:alert\(1\)\)"),
        (":red[红字] $x^2$", r"\:red\[红字\] \$x\^2\$"),
        ("# 标题 <b>", r"\# 标题 \<b\>"),
    ],
)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escape_markdown_only_adds_backslashes(text):
    assert re.sub(r"\\(.)", r"\1", escape_markdown(text), flags=re.DOTALL) == text


@pytest.mark.parametrize(
    "text", ["昆山[点此领取补贴](https://evil.example/phish)", ":red[假消息]", "$$x^2$$", "<b>粗体</b>"]
)
def test_escape_markdown_leaves_no_live_markup(text):
    escaped = escape_markdown(text)
    assert not re.search(r"(?<!\\)[\[\]()$<>:]", escaped)


def test_one_size_limit_with_one_meaning_of_megabyte():
    check_size("a.txt", 20 * 1024 * 1024, limit=20 * 1024 * 1024)
    with pytest.raises(ReadError, match=r"文件过大（20\.0 MB，上限 20\.0 MB）"):
        check_size("a.txt", 20 * 1024 * 1024 + 1, limit=20 * 1024 * 1024)
    assert megabytes(21_000_000) == "20.0 MB"
