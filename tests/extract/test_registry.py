"""The extractor registry: a new table is one new module; the rest is derived from its declaration."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.dataset.build import build_dataset
from lib.dataset.schema import label, tables, text_columns
from lib.explore.export import readable
from lib.explore.filters import Filters, filter_table
from lib.extract import registry
from lib.extract.context import ArticleContext
from lib.extract.registry import Column, Extractor, register


class Quotes(Extractor):
    """A toy table: every quoted term of a report, with its length."""

    table = "quotes"
    id_prefix = "q"
    order = 40
    columns = (
        Column("quote_id", "str", "引语编号"),
        Column("article_id", "str", "文章编号"),
        Column("paragraph_id", "str", "段落编号"),
        Column("zone", "str", "区域"),
        Column("quote", "str", "引语", text=True),
        Column("length", "Int64", "字数"),
    )

    def extract(self, ctx: ArticleContext) -> list[dict]:
        import re

        return [
            {"quote": m.group(1), "length": len(m.group(1)), "paragraph_index": i}
            for i, text in enumerate(ctx.body_texts)
            for m in re.finditer(r"“([^”]{1,12})”", text)
        ]


@pytest.fixture
def quotes_registered():
    register(Quotes)
    yield
    registry._REGISTRY.pop("quotes")


def test_builtin_extractors_run_in_order():
    # metrics after entities: an enterprise's name tells its numbers from the zone's (metric scope)
    assert [e.table for e in registry.extractors()] == [
        "articles",
        "initiatives",
        "entities",
        "metrics",
        "paragraphs",
    ]


def test_a_new_table_is_one_registered_class(quotes_registered, corpus_files):
    assert tables()["quotes"] == ["quote_id", "article_id", "paragraph_id", "zone", "quote", "length"]
    ds = build_dataset(corpus_files, overrides={})
    quotes = ds.quotes
    assert list(quotes.columns) == tables()["quotes"]
    assert str(quotes["length"].dtype) == "Int64"
    row = quotes[quotes["quote"] == "五个一"].iloc[0]
    assert row["zone"] == "昆山高新区" and row["quote_id"].startswith(row["article_id"] + "-q")
    assert row["paragraph_id"] in set(ds.paragraphs["paragraph_id"])
    assert label("quote") == "引语" and readable(quotes.head(1)).columns[4] == "引语"
    assert text_columns("quotes") == ("quote",)
    assert set(filter_table(ds, "quotes", Filters(query="六联"))["quote"]) == {"六联工作法"}
    assert set(filter_table(ds, "quotes", Filters(zones=("嘉兴高新区",)))["zone"]) == {"嘉兴高新区"}


def test_a_zone_correction_reaches_every_table_with_a_zone(quotes_registered, tmp_path, corpus_files):
    copy = tmp_path / "abcdef0123456789.txt"
    copy.write_bytes(corpus_files[4].read_bytes())
    ds = build_dataset([copy], overrides={"abcdef0123456789": {"zone": "合肥高新区"}})
    for name in ("articles", "paragraphs", "metrics", "initiatives", "entities", "quotes"):
        assert set(ds.table(name)["zone"]) == {"合肥高新区"}, name
    facts = ds.articles[["zone_full", "province", "city", "zone_method"]].iloc[0].tolist()
    assert facts == ["合肥高新技术产业开发区", "安徽省", "合肥市", "manual"]  # from the gazetteer


def test_columns_must_have_a_known_type():
    with pytest.raises(ValueError):
        Column("x", "text", "某")
    assert isinstance(pd.DataFrame(), pd.DataFrame)
