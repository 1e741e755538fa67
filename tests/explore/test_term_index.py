"""The term index's versions of the word computations (what 关键词云 and 词语分析 show) against the versions
over the filtered paragraphs (tests/reference_words.py), which define them: the same tables, exactly, on the shipped reports."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
import reference_words as ref

from lib.dataset import store
from lib.dataset.schema import counted_paragraphs
from lib.explore import compare, groups, profiles, term_index, words
from lib.explore.filters import Filters
from lib.text import keywords


def _filters(ds) -> list[Filters]:
    return [
        Filters(),
        Filters(zones=(ds.zones[0],)),
        Filters(provinces=tuple(ds.provinces)),
        Filters(years=(ds.years[-1],), themes=("组织建设",)),
        Filters(query="党建"),
        Filters(zones=("没有这个区域",)),
    ]


def same(old, new) -> None:
    if isinstance(old, tuple):
        for a, b in zip(old, new, strict=True):
            same(a, b)
    elif isinstance(old, pd.DataFrame):
        pd.testing.assert_frame_equal(
            old.reset_index(drop=True), new.reset_index(drop=True), check_dtype=False, check_exact=True
        )
    else:
        assert old == new


@pytest.fixture(scope="module")
def cases(corpus_dataset):
    ds = corpus_dataset
    return [(ds, f, ref.filtered_body(ds, f), tuple(ds.zones)) for f in _filters(ds)]


def test_counts_and_keyness_are_those_of_the_filtered_paragraphs(cases):
    for ds, f, body, ex in cases:
        same(
            ref.cloud_frequencies(body["tokens"], max_words=100, exclude=ex),
            compare.cloud_terms(ds, f, 100, ex),
        )
        same(keywords.top_terms(body["tokens"], n=40, exclude=ex), compare.term_table(ds, f, "count", 40, ex))
        if not body.empty:
            same(ref.tfidf_terms(body, 40, ex), compare.term_table(ds, f, "tfidf", 40, ex))
        assert compare.has_words(ds, f) == bool(not body.empty and body["tokens"].map(len).any())
        if f.active and not body.empty:
            rest = counted_paragraphs(
                ds.paragraphs[~ds.paragraphs["paragraph_id"].isin(body["paragraph_id"])]
            )
            both = pd.concat([body.assign(side="当前"), rest.assign(side="其余")])
            table = keywords.keyness(both, "side", "当前", min_count=2)
            table = table[(table["g2"] > 0) & ~table["term"].isin(ex)].head(30)
            same(table, compare.term_table(ds, f, "g2", 30, ex))


def test_group_comparisons_are_those_of_the_filtered_paragraphs(cases):
    for ds, f, body, ex in cases:
        for by in ("zone", "themes"):
            names = sorted(set(compare.grouped(body, by)["group"]))
            assert compare.group_names(ds, f, by) == names
            if len(names) >= 2:
                table = ref.compare_two(body, by, names[0], names[-1])
                same(table[~table["term"].isin(ex)], compare.compare_pair(ds, f, by, names[0], names[-1], ex))
            table = ref.distinctive_by_group(body, by, n=8)
            same(table[~table["term"].isin(ex)], compare.distinctive_groups(ds, f, by, ex))
        for by in groups.GROUPINGS:
            body_by = ref.filtered_groupable(ds, f, by)
            same(
                ref.group_terms(body_by, by, top=10, exclude=ex),
                groups.filtered_group_terms(ds, f, by, 10, ex),
            )
            same(
                ref.correspondence(body_by, by, n_terms=40, exclude=ex),
                groups.filtered_correspondence(ds, f, by, 40, ex),
            )


def test_word_views_are_those_of_the_filtered_paragraphs(cases):
    for ds, f, body, ex in cases:
        for word in ("党建", "企业", "没有这个词"):
            same(ref.collocates(body, word, window=5), words.filtered_collocates(ds, f, word, 5))
        same(
            ref.cooccurrence(body, n_words=60, n_edges=80, exclude=ex),
            words.filtered_network(ds, f, 60, 80, ex),
        )
        for by in ("year", "zone"):
            same(
                ref.trends(body, ["党建", "企业", "没有这个词"], by=by),
                words.filtered_trends(ds, f, ("党建", "企业", "没有这个词"), by),
            )
        same(ref.phrases(body, top=100), words.filtered_phrases(ds, f, 100))


def test_phrases_of_made_up_paragraphs_are_those_of_the_reference(corpus_dataset):
    table = pd.DataFrame(
        {
            "tokens": [list("abcdab"), list("abcd"), list("xyxy"), list("ab"), list("c"), [], list("abcabc")],
            "counted": True,
        }
    )
    index = term_index.make_index(table)
    import numpy as np

    from lib.explore import ngrams

    for rows in (np.arange(7), np.array([0, 1]), np.array([2, 6]), np.array([], dtype=np.int64)):
        same(ref.phrases(table.iloc[rows], top=10), ngrams.phrases_of(index, rows, top=10))


def test_phrases_and_the_map_counted_a_few_positions_at_a_time_are_the_same(cases, monkeypatch):
    """The phrases key their runs SPAN positions at a time and read a filter's tokens CHUNK paragraphs at
    a time, as does the correspondence map's first occurrences: small spans and chunks give the same."""
    from lib.explore import ngrams

    monkeypatch.setattr(ngrams, "SPAN", 5)
    monkeypatch.setattr(term_index, "CHUNK", 3)
    for ds, f, body, ex in cases:
        same(ref.phrases(body, top=100), words.filtered_phrases(ds, f, 100))
        for by in ("zone", "theme"):
            same(
                ref.correspondence(ref.filtered_groupable(ds, f, by), by, n_terms=40, exclude=ex),
                groups.filtered_correspondence(ds, f, by, 40, ex),
            )


@pytest.mark.parametrize("chunk", [7, term_index.CHUNK])
def test_the_compact_index_holds_what_a_plain_count_gives(corpus_dataset, monkeypatch, chunk):
    monkeypatch.setattr(term_index, "CHUNK", chunk)
    index = term_index.make_index(corpus_dataset.paragraphs)
    lists = [keywords.as_token_list(t) for t in corpus_dataset.paragraphs["tokens"]]
    assert list(index.terms) == list(dict.fromkeys(t for tokens in lists for t in tokens))
    assert [list(index.terms[index.flat[a:b]]) for a, b in pairwise(index.starts)] == lists
    for i in (0, len(lists) // 2, len(lists) - 1):
        row = index.counts[i]
        assert dict(zip(index.terms[row.indices], row.data.tolist(), strict=True)) == Counter(lists[i])
    assert index.flat.dtype == np.int32 and index.counts.indices.dtype == np.int32
    assert index.counts.has_canonical_format and index.present.dtype == np.uint8
    assert np.shares_memory(index.present.indices, index.counts.indices)
    assert (index.present.toarray() == (index.counts.toarray() > 0)).all()


def test_the_zone_profile_words_are_those_of_its_paragraphs(corpus_dataset):
    ds = corpus_dataset
    zones = [*ds.zones[:3], ds.zones[-1], "没有这个区域"]
    some = set(ds.articles["article_id"][::2])
    for zone in zones:
        for f in (Filters(), Filters(themes=("组织建设",)), Filters(years=(ds.years[-1],))):
            narrow = Filters(zones=(zone,), themes=f.themes, years=f.years)
            body = ref.filtered_body(ds, narrow)
            same(
                ref.profile_top_terms(body, n=15, exclude=[zone]),
                compare.top_terms(ds, narrow, n=15, exclude=(zone,)),
            )
        for ids in (None, some, set()):
            same(
                ref.distinctive_terms(ds, zone, n=15, article_ids=ids),
                profiles.distinctive_terms(ds, zone, n=15, article_ids=ids),
            )


def test_the_index_of_the_tokens_on_disk_is_that_of_the_token_lists(corpus_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "ROW_GROUP_ROWS", 50)  # several row groups, so several chunks
    store.write_dataset(tmp_path / "dataset-x", corpus_dataset)
    lean = store.read_dataset(tmp_path / "dataset-x", leave_out={"paragraphs": ("tokens",)})
    assert "tokens" not in lean.paragraphs and lean.on_disk == {"paragraphs": ("tokens",)}
    a, b = term_index.make_index(corpus_dataset.paragraphs), term_index.term_index(lean)
    assert list(a.terms) == list(b.terms) and a.ids == b.ids
    assert (a.flat == b.flat).all() and (a.starts == b.starts).all() and (a.counted == b.counted).all()
    for m in ("counts", "present"):
        x, y = getattr(a, m), getattr(b, m)
        assert (x.indptr == y.indptr).all() and (x.indices == y.indices).all() and (x.data == y.data).all()
    zone = corpus_dataset.zones[0]
    same(profiles.zone_profile(corpus_dataset, zone).top_terms, profiles.zone_profile(lean, zone).top_terms)
    same(profiles.distinctive_terms(corpus_dataset, zone), profiles.distinctive_terms(lean, zone))
