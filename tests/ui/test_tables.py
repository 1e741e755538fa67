"""Page tables: headers from the one set of labels, keys that follow the rows."""

from __future__ import annotations

import pandas as pd

from lib.dataset.schema import label
from ui.tables import column_config, rows_digest, rows_key


def test_rows_key_changes_with_the_rows_only():
    assert rows_key("t", ["a", "b"]) == rows_key("t", ["a", "b"])
    assert rows_key("t", ["a", "b"]) != rows_key("t", ["b", "a"])
    assert rows_key("t", []).startswith("t-")


def test_rows_digest_follows_the_rows_and_columns_not_the_values():
    df = pd.DataFrame({"a": [1, 2, 3], "b": ["甲", "乙", "丙"]}, index=[10, 20, 30])
    assert rows_digest(df) == rows_digest(df.assign(b=["丁", "戊", "己"]))  # same rows and columns
    assert rows_digest(df) != rows_digest(df.iloc[:2])
    assert rows_digest(df) != rows_digest(df.iloc[[0, 2, 1]])  # another order
    assert rows_digest(df) != rows_digest(df[["a"]])
    assert rows_digest(df.set_axis(["x", "y", "z"])) != rows_digest(df.set_axis(["x", "y", "w"]))


def test_column_config_uses_the_schema_labels_unless_overridden():
    config = column_config(["zone", "label", "term", "unknown"], label="指标名")
    assert config == {"zone": "区域", "label": "指标名", "term": "词语", "unknown": "unknown"}
    assert label("zone") == "区域"


def test_figure_cards_escape_everything_from_articles(monkeypatch):
    import streamlit as st

    from ui.html import figure_cards

    shown = []
    monkeypatch.setattr(st, "html", shown.append)
    figure_cards([("<b>标签</b>", '超"100"亿元', "原句<script>alert(1)</script>")])
    [out] = shown
    assert "<script>" not in out and "<b>标签</b>" not in out
    assert "&lt;b&gt;标签&lt;/b&gt;" in out and "超&quot;100&quot;亿元" in out
