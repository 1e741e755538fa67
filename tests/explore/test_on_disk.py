"""A dataset that leaves its large columns on disk (lib.dataset.ondisk, as the app loads it) gives every
page computation that reads them the same results as the dataset held whole: the text filter, the
search, the source passages and a zone's profile; on the shipped reports, in row groups of 50 rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.dataset import ondisk, store
from lib.explore import catalog, charts, profiles, search
from lib.explore.filters import Filters, filter_table

LEAVE_OUT = {
    "paragraphs": ("tokens", "text"),
    "metrics": ("sentence",),
    "initiatives": ("sentence",),
    "entities": ("sentence",),
}


@pytest.fixture(scope="module")
def both(corpus_dataset, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ondisk") / "dataset-x"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store, "ROW_GROUP_ROWS", 50)
        store.write_dataset(folder, corpus_dataset)
    return corpus_dataset, store.read_dataset(folder, leave_out=LEAVE_OUT)


def test_the_lean_dataset_leaves_the_columns_in_the_files(both):
    full, lean = both
    assert {t: set(c) for t, c in lean.on_disk.items()} == {t: set(c) for t, c in LEAVE_OUT.items()}
    assert "text" not in lean.paragraphs and "sentence" not in lean.metrics
    assert list(lean.articles.columns) == list(full.articles.columns)


def test_rows_read_from_disk_are_those_of_the_table(both):
    full, lean = both
    positions = np.array([7, 3, 3, len(full.paragraphs) - 1, 120, 0])
    read = ondisk.read_rows(lean, "paragraphs", ["text"], positions)
    assert list(read.index) == list(positions)
    assert list(read["text"]) == list(full.paragraphs["text"].iloc[positions])
    some = lean.paragraphs.iloc[40:140:3]
    filled = ondisk.fill(lean, "paragraphs", some)
    assert list(filled.columns) == list(full.paragraphs.columns)
    pd.testing.assert_frame_equal(
        filled.drop(columns="tokens"), full.paragraphs.iloc[40:140:3].drop(columns="tokens")
    )
    assert ondisk.fill(lean, "articles", lean.articles) is lean.articles


@pytest.mark.parametrize("query", ["党建", "PARTY", "没有这段文字", "人才", "%"])
def test_the_text_filter_keeps_the_same_rows(both, query):
    full, lean = both
    for f in (Filters(query=query), Filters(query=query, zones=(full.zones[0],), themes=("组织建设",))):
        for table in ("articles", "paragraphs", "metrics", "initiatives", "entities"):
            assert list(filter_table(lean, table, f).index) == list(filter_table(full, table, f).index)


def test_the_search_finds_the_same_hits(both):
    full, lean = both
    for f in (Filters(), Filters(zones=(full.zones[0],)), Filters(query="企业")):
        for term in ("党建", "企业", "没有这段文字", ""):
            for copies in (False, True):
                for limit in (None, 3, 1000):
                    paragraphs = filter_table(full, "paragraphs", f)
                    expected = search.hit_counts(paragraphs, term, include_duplicates=copies)
                    rows = search.kwic(paragraphs, term, include_duplicates=copies, limit=limit)
                    counts, found = search.find(lean, f, term, copies, limit)
                    assert counts == expected
                    pd.testing.assert_frame_equal(found, rows, check_dtype=False)


def test_passages_and_profiles_are_the_same(both):
    full, lean = both
    for pid in list(full.paragraphs["paragraph_id"].iloc[[0, 55, -1]]) + ["no-such-paragraph"]:
        assert search.source_paragraph(lean, pid) == search.paragraph_context(
            full.paragraphs, full.articles, pid
        )
        a, b = search.hit_article(full, pid), search.hit_article(lean, pid)
        if a is None:
            assert b is None
            continue
        pd.testing.assert_frame_equal(a.pop("paragraphs"), b.pop("paragraphs"))
        assert a == b
    zone = full.zones[0]
    a, b = profiles.zone_profile(full, zone), profiles.zone_profile(lean, zone)
    for part in ("industries", "top_terms", "metrics", "headline", "people", "enterprises"):
        pd.testing.assert_frame_equal(getattr(a, part), getattr(b, part))


def test_charts_and_table_rows_get_their_sentences(both):
    full, lean = both
    for indicator in charts.indicator_choices(full, Filters())[:3]:
        a, b = (
            charts.indicator_bars(full, Filters(), indicator),
            charts.indicator_bars(lean, Filters(), indicator),
        )
        assert [(k, f.to_json()) for k, f in a] == [(k, f.to_json()) for k, f in b]
    for key in list(charts.dated_indicators(full, Filters()).values())[:2]:
        assert (
            charts.indicator_trend(full, Filters(), key).to_json()
            == charts.indicator_trend(lean, Filters(), key).to_json()
        )
    table = catalog.initiative_table(lean.initiatives, lean.articles)
    assert "sentence" not in table
    complete = ondisk.filler(lean, "initiatives", catalog.TABLE_COLUMNS)
    expected = catalog.initiative_table(full.initiatives, full.articles)
    pd.testing.assert_frame_equal(complete(table.iloc[::7]), expected.iloc[::7])
