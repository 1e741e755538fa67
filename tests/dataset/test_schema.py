"""The shared domain definitions: counted paragraphs, text columns and labels, one of each."""

from __future__ import annotations

import re

from lib.cli import summarise
from lib.dataset.schema import counted_paragraphs, label, labels, tables, text_columns
from lib.explore import charts, profiles, term_index
from lib.explore.filters import Filters, filter_table
from lib.extract.registry import each_column


def test_counted_paragraphs_are_the_body_without_copies(corpus_dataset):
    paras = corpus_dataset.paragraphs
    counted = counted_paragraphs(paras)
    assert (counted["kind"] == "body").all() and not counted["is_duplicate"].any()
    copies = paras[paras["is_duplicate"]]
    assert len(copies) == 13  # 002 prints 13 paragraphs twice
    assert len(counted_paragraphs(paras, with_copies=True)) == len(counted) + len(copies)


def test_every_consumer_counts_the_same_paragraphs(corpus_dataset):
    """Overview, profile, keyword comparison, charts and the command line all count exactly the counted
    paragraphs: counting the printed copies anywhere makes this fail."""
    ds = corpus_dataset
    n = len(counted_paragraphs(ds.paragraphs))
    assert n == int(ds.articles["n_paragraphs"].sum())
    assert len(term_index.body_rows(ds, Filters())) == n  # what the word pages count
    assert f"正文段落 {n} 段" in summarise(ds)
    kunshan = profiles.zone_profile(ds, "昆山高新区")
    assert len(kunshan.paragraphs) == len(
        counted_paragraphs(filter_table(ds, "paragraphs", Filters(zones=("昆山高新区",))))
    )
    heat = charts.coverage_heatmap(ds.paragraphs)
    pairs = counted_paragraphs(ds.paragraphs)["themes"].map(len).sum()
    assert int(heat.data[0].z.sum()) == pairs


def test_overview_page_counts_the_counted_paragraphs(corpus_dataset, downloads):
    import pagetest

    at = pagetest.open_page("views/overview.py")
    shown = next(m.value for m in at.metric if m.label == "段落")
    assert int(re.match(r"\d+", shown).group()) == len(counted_paragraphs(corpus_dataset.paragraphs))


def test_one_label_per_column_name():
    seen: dict[str, str] = {}
    for table, column in each_column():
        assert seen.setdefault(column.name, column.label) == column.label, (table, column.name)
    assert label("zone") == "区域" and labels()["term"] == "词语"


def test_text_columns_are_what_the_text_filter_searches():
    assert text_columns("paragraphs") == ("text",)
    assert text_columns("metrics") == ("label", "scope_name", "sentence")
    assert text_columns("initiatives") == ("name", "full_name", "sentence")
    assert set(tables()) == {"articles", "paragraphs", "metrics", "initiatives", "entities"}
