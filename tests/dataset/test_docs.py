"""docs/DATA.md documents every column of every table, and nothing that isn't there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lib.dataset.schema import tables

DOC = (Path(__file__).resolve().parents[2] / "docs" / "DATA.md").read_text(encoding="utf-8")


def _documented(table: str) -> list[str]:
    section = re.search(rf"^## {table}\n(.*?)(?=^## |\Z)", DOC, re.S | re.M)
    assert section, f"docs/DATA.md has no section for {table}"
    return re.findall(r"^\| `([a-z_0-9]+)` \|", section.group(1), re.M)


@pytest.mark.parametrize("table", list(tables()))
def test_every_column_is_documented(table):
    assert _documented(table) == tables()[table]


@pytest.mark.parametrize("table", list(tables()))
def test_built_tables_have_exactly_the_documented_columns(corpus_dataset, table):
    assert list(corpus_dataset.table(table).columns) == tables()[table]
