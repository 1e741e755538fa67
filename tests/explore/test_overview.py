"""The overview's summary of a filter: the counts and charts the page showed when it computed them itself."""

from __future__ import annotations

import pytest

from lib.dataset.schema import counted_paragraphs
from lib.explore import charts
from lib.explore.filters import Filters, filter_table
from lib.explore.overview import COVERAGE_TITLE, overview


@pytest.mark.parametrize(
    "filters", [Filters(), Filters(themes=("人才",)), Filters(query="党建")]
)  # (the page asks only when the filter leaves articles)
def test_the_summary_counts_and_draws_what_the_filtered_tables_hold(corpus_dataset, filters):
    ds = corpus_dataset
    zone = sorted(z for z in ds.articles["zone"] if z)[0]
    for f in (filters, Filters(zones=(zone,), themes=filters.themes, query=filters.query)):
        got = overview(ds, f)
        body = counted_paragraphs(filter_table(ds, "paragraphs", f))
        assert got.n_paragraphs == len(body)
        assert got.n_metrics == len(filter_table(ds, "metrics", f))
        assert got.n_initiatives == len(filter_table(ds, "initiatives", f))
        assert got.by_zone == charts.articles_by_zone(filter_table(ds, "articles", f))
        if body.empty:
            assert got.coverage is None
        else:
            assert got.coverage == charts.coverage_heatmap(body, title=COVERAGE_TITLE)
