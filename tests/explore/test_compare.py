"""Comparing groups of paragraphs by their keywords (zones, themes: any number of groups)."""

from __future__ import annotations

import pandas as pd

from lib.explore.compare import compare_two, distinctive_by_group, group_counts, grouped

PARAS = pd.DataFrame(
    {
        "paragraph_id": ["a", "b", "c", "d"],
        "zone": ["甲区", "甲区", "乙区", "丙区"],
        "themes": [["人才", "组织建设"], ["人才"], ["组织建设"], []],
        "kind": ["body"] * 4,
        "is_duplicate": [False] * 4,
        "tokens": [["光伏", "光伏", "人才"], ["光伏", "人才"], ["社区", "人才"], ["社区", "网格"]],
    }
)


def test_a_paragraph_counts_in_every_theme_it_carries():
    g = grouped(PARAS, "themes")
    assert sorted(g["group"]) == ["人才", "人才", "组织建设", "组织建设"]
    assert group_counts(PARAS, "themes")["组织建设"] == {"光伏": 2, "人才": 2, "社区": 1}


def test_compare_two_is_signed_towards_each_side():
    table = compare_two(PARAS, "zone", "甲区", "乙区", min_count=1).set_index("term")
    assert table.loc["光伏", "g2"] > 0 and table.loc["社区", "g2"] < 0


def test_distinctive_by_group_for_three_groups():
    table = distinctive_by_group(PARAS, "zone", n=2, min_count=1)
    assert set(table["group"]) == {"甲区", "乙区", "丙区"}
    assert table.groupby("group")["term"].first().to_dict() == {
        "甲区": "光伏",
        "乙区": "社区",
        "丙区": "网格",
    }
    assert (table["g2"] > 0).all()


def test_one_group_has_nothing_to_compare():
    assert distinctive_by_group(PARAS[PARAS["zone"] == "甲区"], "zone").empty


def test_term_tables_of_the_real_corpus(corpus_dataset):
    from lib.explore.compare import cloud_terms, term_table
    from lib.explore.filters import Filters

    jx = Filters(zones=("嘉兴高新区",))
    zones = tuple(corpus_dataset.zones)
    freq = term_table(corpus_dataset, jx, "count", 10, zones)
    assert "光伏" in set(freq["term"]) and not set(freq["term"]) & set(zones)
    tfidf = term_table(corpus_dataset, jx, "tfidf", 10, zones)
    assert tfidf["tfidf"].is_monotonic_decreasing and len(tfidf) == 10
    key = term_table(corpus_dataset, jx, "g2", 10, zones)
    assert (key["g2"] > 0).all() and "光伏" in set(key["term"])
    assert term_table(corpus_dataset, Filters(), "g2", 10, ()).empty  # the whole corpus: nothing to compare
    cloud = cloud_terms(corpus_dataset, jx, 20, zones)
    assert len(cloud) == 20 and "嘉兴高新区" not in cloud
