"""Comparing groups of paragraphs by their keywords (zones, themes: any number of groups)."""

from __future__ import annotations

import pandas as pd
import pytest
from reference_words import compare_two, distinctive_by_group, group_counts

from lib.explore.compare import grouped

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


def test_compare_two_gives_each_side_its_own_typical_words():
    table = compare_two(PARAS, "zone", "甲区", "乙区", min_count=1)
    assert (table["g2"] > 0).all()
    assert "光伏" in set(table.loc[table["group"] == "甲区", "term"])
    assert "社区" in set(table.loc[table["group"] == "乙区", "term"])
    for _, side in table.groupby("group"):
        assert side["g2"].is_monotonic_decreasing  # each side sorted by its own keyness


def test_swapping_the_groups_swaps_the_sides_exactly():
    ab = compare_two(PARAS, "zone", "甲区", "乙区", min_count=1)
    ba = compare_two(PARAS, "zone", "乙区", "甲区", min_count=1)
    for group in ("甲区", "乙区"):
        left = ab[ab["group"] == group].reset_index(drop=True)
        right = ba[ba["group"] == group].reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right)


def test_keyness_against_a_hand_computed_table():
    """a = 10 of c = 100 tokens in the target, b = 2 of d = 200 in the rest: E1 = 100*12/300 = 4,
    E2 = 8, G2 = 2(10 ln(10/4) + 2 ln(2/8)) = 12.7806..., p = P(chi2_1 > G2) = erfc(sqrt(G2/2))."""
    import math
    from collections import Counter

    from lib.text.keywords import keyness_table

    target = Counter({"光伏": 10, "其他": 90})
    rest = Counter({"光伏": 2, "其他": 198})
    row = keyness_table(target, rest).set_index("term").loc["光伏"]
    g2 = 2 * (10 * math.log(10 / 4) + 2 * math.log(2 / 8))
    assert row["g2"] == pytest.approx(g2) and row["g2"] == pytest.approx(12.7806, abs=1e-4)
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))
    assert row["p_value"] == pytest.approx(0.000350, abs=2e-6)  # chi-square table, 1 d.f.
    k = 0.5  # keywords.json's log_ratio_smoothing
    assert row["log_ratio"] == pytest.approx(math.log2(((10 + k) / 100) / ((2 + k) / 200)))


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
