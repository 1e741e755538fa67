"""Page tables: headers from the one set of labels, keys that follow the rows."""

from __future__ import annotations

from lib.dataset.schema import label
from ui.tables import column_config, rows_key


def test_rows_key_changes_with_the_rows_only():
    assert rows_key("t", ["a", "b"]) == rows_key("t", ["a", "b"])
    assert rows_key("t", ["a", "b"]) != rows_key("t", ["b", "a"])
    assert rows_key("t", []).startswith("t-")


def test_column_config_uses_the_schema_labels_unless_overridden():
    config = column_config(["zone", "label", "term", "unknown"], label="指标名")
    assert config == {"zone": "区域", "label": "指标名", "term": "词语", "unknown": "unknown"}
    assert label("zone") == "区域"
